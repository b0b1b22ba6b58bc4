"""What the clerk reads about revisions: the per-file line and the summary rows (issue 11)."""

from __future__ import annotations

from jixiao.batch import BatchSummary, FileOutcome
from jixiao.commands.ingest import summary_rows
from jixiao.progress import file_line

KEY = "唐山市文化广电和旅游局/2022/project"


def outcome(path: str, action: str | None, note: str | None, status: str = "loaded", version: int = 2) -> FileOutcome:
    return FileOutcome(path, "0" * 64, status, KEY, version, 1, 4, 26, 0, (), None, None, action, 1, note)


REPLACED = f"v2 of {KEY}, replaces report_v1.docx v1: +1 project, -1 project, 3 values changed"
HELD = f"v3 of {KEY} stored but NOT made current: it has none of the 4 projects of v2 (-4 projects); v2 stays current"
APART = f"new document {KEY}/other: a different report from report_v1.docx under {KEY}"


def test_a_revision_line_says_what_it_replaces_and_a_held_one_says_held() -> None:
    assert file_line(outcome("in/report_v2.docx", "supersede", REPLACED)) == \
        f"loaded    in/report_v2.docx (4 projects, 26 indicators): {REPLACED}"
    assert file_line(outcome("in/report_v3.docx", "hold", HELD, version=3)) == \
        f"HELD      in/report_v3.docx (4 projects, 26 indicators): {HELD}"
    assert file_line(outcome("in/a.docx", "new", None, version=1)) == "loaded    in/a.docx (4 projects, 26 indicators)"


def test_the_summary_counts_revisions_held_back_kept_apart_and_paths_read_once() -> None:
    summary = BatchSummary(
        outcomes=(outcome("a.docx", "new", None, version=1), outcome("b.docx", "supersede", REPLACED),
                  outcome("c.docx", "hold", HELD, version=3), outcome("other.docx", "new", APART, version=1)),
        files=4, elapsed=1.0, workers=1, run_id="r", same_file_twice=(("link.docx", "a.docx"),),
    )
    rows = dict(summary_rows(summary))
    assert rows["files loaded"] == "4"
    assert rows["revisions"] == "1 (replaced the current version; see the lines above)"
    assert rows["held back"] == f"1 (stored, not made current: they drop most projects; {KEY})"
    assert rows["kept apart"].startswith("1 (different reports of a department, year and kind already loaded")
    assert rows["paths read once"] == "1 (link.docx is the same file as a.docx)"
