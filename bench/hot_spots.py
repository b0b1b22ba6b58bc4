"""Where extract+normalize spends its time: cProfile's top functions, on one document or many."""

from __future__ import annotations

import cProfile
import io
import pstats
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("extract/", "normalize/", "jixiao/")


def _name(key: tuple[str, int, str]) -> str:
    file, line, func = key
    if file == "~":
        return func  # a C builtin, e.g. <method 'feed' of 'lxml.etree._FeedParser' objects>
    path = Path(file)
    try:
        path = path.relative_to(ROOT)
    except ValueError:
        parts = path.parts
        path = Path(*parts[parts.index("site-packages") + 1:]) if "site-packages" in parts else Path(path.name)
    return f"{path}:{line}({func})"


def profile_reads(paths: list[Path], label: str, top: int = 15) -> dict:
    """Profile read_report over `paths` after one warm-up read; top functions by own and by cumulative time."""
    from jixiao.pipeline import read_report

    read_report(paths[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for path in paths:
        try:
            read_report(path)
        except Exception:  # failures are counted elsewhere; the profile is about the work done
            pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]

    def rows(order: int, only_project: bool) -> list[dict]:
        items = sorted(entries.items(), key=lambda kv: kv[1][order], reverse=True)
        out = []
        for key, (_cc, ncalls, tottime, cumtime, _callers) in items:
            name = _name(key)
            if only_project and not name.startswith(PROJECT):
                continue
            out.append({"function": name, "calls": ncalls, "own_s": tottime, "cumulative_s": cumtime})
            if len(out) == top:
                break
        return out

    text = io.StringIO()
    printer = pstats.Stats(profiler, stream=text)
    printer.sort_stats("tottime").print_stats(40)
    printer.sort_stats("cumulative").print_stats(40)
    return {
        "label": label, "documents": len(paths), "total_s": stats.total_tt,  # type: ignore[attr-defined]
        "by_own_time": rows(2, False), "by_cumulative": rows(3, True), "text": text.getvalue(),
    }
