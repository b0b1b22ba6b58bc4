"""Where extract+normalize's time goes per document, stage by stage, without a profiler's distortion."""

from __future__ import annotations

import hashlib
import statistics
import time
from pathlib import Path

STAGES = ("read + sha256", "OOXML reader (read_docx)", "extract domain (extract_from_body)", "normalize")


def stage_times(paths: list[Path], repeats: int = 3) -> dict:
    """Best-of-`repeats` seconds of each stage per document, summed and at the median document."""
    from jixiao.extract.document import extract_from_body
    from jixiao.extract.limits import DEFAULT_LIMITS
    from jixiao.extract.ooxml.reader import read_docx
    from jixiao.extract.records import Source
    from jixiao.normalize.document import normalize_document

    def run(path: Path) -> list[float]:
        marks = [time.perf_counter()]
        data = path.read_bytes()
        source = Source(file=path.name, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data), path=str(path))
        marks.append(time.perf_counter())
        body = read_docx(data, str(path), DEFAULT_LIMITS)
        marks.append(time.perf_counter())
        doc = extract_from_body(body, source)
        marks.append(time.perf_counter())
        normalize_document(doc)
        marks.append(time.perf_counter())
        return [b - a for a, b in zip(marks, marks[1:])]

    run(paths[0])
    per_doc: list[list[float]] = []
    failed = 0
    for path in paths:
        tries = []
        for _ in range(repeats):
            try:
                tries.append(run(path))
            except Exception:  # counted; the reader's own figures report the failure
                failed += 1
                break
        if tries:
            per_doc.append(min(tries, key=sum))
    totals = [sum(d[i] for d in per_doc) for i in range(len(STAGES))]
    grand = sum(totals) or 1.0
    return {
        "documents": len(per_doc), "failed": failed,
        "stages": {
            name: {"total_s": t, "share": t / grand, "median_ms": statistics.median(d[i] for d in per_doc) * 1000}
            for i, (name, t) in enumerate(zip(STAGES, totals))
        },
    }
