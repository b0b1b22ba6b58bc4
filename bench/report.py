"""Targets of issue 7 checked against measurements, printed as a table and written as JSON and Markdown."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

MB = 1024 * 1024


@dataclass
class Target:
    """One target of the issue: what was measured, the limit, and whether it holds (None: not measured)."""

    name: str
    measured: float | None
    op: str
    """"<=", "<" or ">=": how `measured` must compare with `limit`."""
    limit: float
    unit: str = "x"
    detail: str = ""
    invalid: str = ""
    """Why the measurement does not count (e.g. the pipeline failed on many files); empty when it does."""
    timed: bool = True
    """A timing (which other load on the machine skews), not a size or a memory figure."""

    @property
    def passed(self) -> bool | None:
        if self.measured is None or self.invalid:
            return None
        m, lim = self.measured, self.limit
        return {"<=": m <= lim, "<": m < lim, ">=": m >= lim}[self.op]

    @property
    def margin(self) -> str:
        """How far from the limit, in the direction that matters (positive = headroom)."""
        if self.measured is None or self.limit == 0:
            return ""
        if self.op == ">=":
            return f"{(self.measured / self.limit - 1) * 100:+.0f}%"
        return f"{(1 - self.measured / self.limit) * 100:+.0f}%"

    def result(self) -> str:
        if self.invalid and self.measured is not None:
            return "INVALID"
        return {True: "PASS", False: "FAIL", None: "SKIP"}[self.passed]

    def as_dict(self) -> dict:
        return {**asdict(self), "passed": self.passed, "margin": self.margin}


@dataclass
class Row:
    """One measurement line of the table: what, a value with its unit, and a note."""

    what: str
    value: str
    note: str = ""


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value / MB:,.1f} MB"
    if unit == "x":
        return f"{value:,.2f}x"
    if unit == "ms":
        return f"{value:,.1f} ms"
    return f"{value:,.2f} {unit}".strip()


def _text_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(_width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(headers, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(lines)


def _width(s: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in s)  # CJK takes two columns in a terminal


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def _target_rows(targets: list[Target], width: int | None = None) -> list[list[str]]:
    return [
        [t.name, fmt(t.measured, t.unit), f"{t.op} {fmt(t.limit, t.unit)}", t.result(), t.margin,
         _clip("; ".join(x for x in (t.invalid, t.detail) if x), width)]
        for t in targets
    ]


def _clip(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def validity(failed: int, total: int, limit: float = 0.05) -> str:
    """A reason the figure does not count when more than `limit` of the files failed, else ""."""
    if total and failed / total > limit:
        return f"{failed} of {total} files failed to read"
    return ""


def render_text(rows: list[Row], targets: list[Target], machine: dict) -> str:
    """The table printed at the end of a run."""
    head = _machine_line(machine)
    meas = _text_table(["Measurement", "Value", "Note"], [[r.what, r.value, _clip(r.note, 110)] for r in rows])
    targ = _text_table(["Target", "Measured", "Limit", "Result", "Margin", "Detail"], _target_rows(targets, 90))
    return f"{head}\n\n{meas}\n\n{targ}\n"


def _machine_line(m: dict) -> str:
    mem = f", {m['memory_bytes'] / 2**30:.0f} GiB RAM" if m.get("memory_bytes") else ""
    load = ""
    if m.get("load_average"):
        load = f"; load average {m['load_average'][0]:.1f} at start"
        if m.get("load_average_end"):
            load += f", {m['load_average_end'][0]:.1f} at end"
    if m.get("busy_steps"):
        load += "; other processes busy during: " + ", ".join(f"{k} ({v:.1f} cores)" for k, v in m["busy_steps"].items())
    return (
        f"Machine: {m['cpu']}, {m['cores']} cores{mem}, {m['os']}; Python {m['python']}, "
        f"lxml {m['lxml']}, docx2python {m['docx2python']}, jixiao {m['jixiao']} ({m.get('git') or 'no commit'}){load}"
    )


def _md_table(headers: list[str], rows: list[list[str]]) -> str:
    esc = [[c.replace("|", "\\|") for c in r] for r in rows]
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    return "\n".join(out + ["| " + " | ".join(r) + " |" for r in esc])


def render_markdown(rows: list[Row], targets: list[Target], machine: dict, when: str, hot_spots: dict) -> str:
    """results.md: what the README quotes."""
    parts = [
        f"Benchmark run {when} (`make bench`).",
        "",
        _machine_line(machine) + ".",
        "",
        _md_table(["Target (issue 7)", "Measured", "Limit", "Result", "Margin", "Detail"], _target_rows(targets, 300)),
        "",
        _md_table(["Measurement", "Value", "Note"], [[r.what, r.value, r.note] for r in rows]),
    ]
    for spot in hot_spots.values():
        parts += [
            "", f"Hot spots of extract+normalize, {spot['label']} (cProfile, {spot['total_s']:.2f} s, by own time):", "",
            _md_table(["Function", "Calls", "Own s", "Cumulative s"],
                      [[f"`{h['function']}`", f"{h['calls']:,}", f"{h['own_s']:.3f}", f"{h['cumulative_s']:.3f}"]
                       for h in spot["top"]]),
        ]
    return "\n".join(parts) + "\n"


def write_outputs(out_dir: Path, results: dict, rows: list[Row], targets: list[Target], when: str) -> tuple[Path, Path]:
    """bench/out/results.json (everything) and results.md (the tables)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    payload = {
        **results, "when": when,
        "rows": [asdict(r) for r in rows], "targets": [t.as_dict() for t in targets],
    }
    json_path, md_path = out_dir / "results.json", out_dir / "results.md"
    json_path.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    md_path.write_text(
        render_markdown(rows, targets, results["machine"], when, results.get("hot_spots", {})), encoding="utf-8",
    )
    return json_path, md_path
