"""Nothing vanishes without a word (issue 11, items 1, 2 and 9), on every engine.

A file becomes a version of a stored document only when it is that report; a revision that
drops most projects is stored but not made current; any version can be made current again;
identical files are re-read when the parser changed.
"""

from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import load_factory as f
from jixiao.load import schema
from jixiao.load.catalog import view
from jixiao.load.exceptions import UnknownDocument
from jixiao.load.ingest import IngestOutcome, ingest_report
from jixiao.load.restore import make_current
from jixiao.normalize.records import Report, Source

PROJECT_TITLE = "唐山市市场监督管理局2021年度项目支出绩效目标表"
PROJECT_KEY = "唐山市市场监督管理局/2021/project"
KEY = "唐山市市场监督管理局/2021/department_overall"


def ingest(engine: Engine, report: Report, **options: object) -> IngestOutcome:
    return ingest_report(engine, report, path=f"in/{report.source.file}", run_id="run", **options)


def numbered_report(n_projects: int, *, file: str, first_value: int = 1, title: str = PROJECT_TITLE,
                    department: str | None = f.DEPARTMENT) -> Report:
    """Projects coded P0001... and named 项目1... as generated reports number them; values from `first_value`."""
    return f.report([
        f.project(f"P{p:04d}", f"项目{p}", [
            f.ind(f"指标{i}", f"{first_value + p + i}个", value=first_value + p + i, unit="个", row=i)
            for i in range(1, 5)
        ])
        for p in range(1, n_projects + 1)
    ], file=file, title=title, department=department)


def current_keys(engine: Engine) -> dict[str, int]:
    """document_key -> current version."""
    d, c = schema.documents, schema.current_documents
    with engine.connect() as conn:
        return dict(conn.execute(sa.select(c.c.document_key, d.c.version).join(d, d.c.id == c.c.document_id)).all())


def indicator_rows(engine: Engine, key: str) -> int:
    t = view("v_indicators").table()
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(t).where(t.c.document_key == key)).scalar()


def version_log(engine: Engine) -> list[tuple[str, str, int, int | None]]:
    v = schema.version_log
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            sa.select(v.c.document_key, v.c.action, v.c.version, v.c.previous_version).order_by(v.c.id))]


# --- item 1: different reports of one department and year -------------------------------------------------------

def test_three_different_reports_of_one_department_and_year_stay_three_documents(engine: Engine) -> None:
    reports = [numbered_report(14, file="a.docx"), numbered_report(4, file="b.docx", first_value=100),
               numbered_report(6, file="c.docx", first_value=200)]
    outcomes = [ingest(engine, r) for r in reports]
    assert [(o.status, o.action, o.document_key, o.version) for o in outcomes] == [
        ("loaded", "new", PROJECT_KEY, 1),
        ("loaded", "new", f"{PROJECT_KEY}/b", 1),
        ("loaded", "new", f"{PROJECT_KEY}/c", 1),
    ]
    assert outcomes[1].note == f"new document {PROJECT_KEY}/b: a different report from a.docx under {PROJECT_KEY}"
    assert current_keys(engine) == {PROJECT_KEY: 1, f"{PROJECT_KEY}/b": 1, f"{PROJECT_KEY}/c": 1}
    assert [indicator_rows(engine, k) for k in (PROJECT_KEY, f"{PROJECT_KEY}/b", f"{PROJECT_KEY}/c")] == [56, 16, 24]
    assert version_log(engine) == []


def test_two_reports_named_alike_in_two_folders_without_a_department_stay_apart(engine: Engine) -> None:
    first = f.report([f.project("A1", "校舍维修", [f.ind("面积", "100平方米", value=100)])], file="绩效目标表.docx",
                     department=None, title=None)
    second = f.report([f.project("B7", "道路养护", [f.ind("里程", "30公里", value=30)])], file="绩效目标表.docx",
                      department=None, title=None)
    a, b = ingest(engine, first), ingest(engine, second)
    assert (a.document_key, b.document_key) == ("绩效目标表", "绩效目标表 (2)")
    assert current_keys(engine) == {"绩效目标表": 1, "绩效目标表 (2)": 1}


def test_a_revision_says_what_it_replaces_and_what_changed(engine: Engine) -> None:
    ingest(engine, f.v1())
    revised = ingest(engine, f.v2())
    assert (revised.action, revised.document_key, revised.version, revised.previous_version) == \
        ("supersede", KEY, 2, 1)
    assert revised.note == f"v2 of {KEY}, replaces report_v1.docx v1: +1 project, -1 project, 1 value changed"
    assert version_log(engine) == [(KEY, "supersede", 2, 1)]
    assert current_keys(engine) == {KEY: 2}


def test_a_renamed_revision_is_found_by_its_projects(engine: Engine) -> None:
    ingest(engine, numbered_report(6, file="保定市2021年项目绩效目标.docx"))
    changed = numbered_report(6, file="新文件名.docx")
    first = changed.projects[0]
    changed = dataclasses.replace(changed, projects=(
        dataclasses.replace(first, indicators=(dataclasses.replace(first.indicators[0], raw="99个", value=99),
                                               *first.indicators[1:])),
        *changed.projects[1:]))
    outcome = ingest(engine, changed)
    assert (outcome.action, outcome.document_key, outcome.version) == ("supersede", PROJECT_KEY, 2)
    assert outcome.note.endswith("replaces 保定市2021年项目绩效目标.docx v1: 1 value changed")


# --- item 2: a revision that empties or guts a document ------------------------------------------------------------

def emptied(report: Report, file: str) -> Report:
    return f.report([], file=file, title=report.document.title)


def test_an_emptied_revision_is_stored_but_not_made_current_and_can_be_made_current(engine: Engine) -> None:
    ingest(engine, f.v1())
    assert indicator_rows(engine, KEY) == 6
    held = ingest(engine, emptied(f.v1(), "report_v2.docx"))
    assert (held.status, held.action, held.version) == ("loaded", "hold", 2)
    assert held.note.startswith(f"v2 of {KEY} stored but NOT made current: it has none of the 2 projects of v1")
    assert f"`jixiao history {KEY} --make-current 2`" in held.note and "--accept-shrink" in held.note
    assert current_keys(engine) == {KEY: 1} and indicator_rows(engine, KEY) == 6

    # Re-ingesting the old file says it is already there; the undo is one call.
    again = ingest(engine, f.v1())
    assert (again.status, again.version, again.note) == ("unchanged", 1, None)
    restored = make_current(engine, KEY, 2)
    assert (restored.version, restored.previous_version) == (2, 1)
    assert current_keys(engine) == {KEY: 2} and indicator_rows(engine, KEY) == 0
    back = make_current(engine, KEY, 1)
    assert back.message == f"v1 of {KEY} (report_v1.docx) is current again, replaces report_v2.docx v2: +2 projects"
    assert current_keys(engine) == {KEY: 1} and indicator_rows(engine, KEY) == 6
    assert version_log(engine) == [(KEY, "hold", 2, 1), (KEY, "restore", 2, 1), (KEY, "restore", 1, 2)]
    with engine.connect() as conn:
        flags = dict(conn.execute(sa.select(schema.documents.c.version, schema.documents.c.is_current)).all())
    assert {v: bool(c) for v, c in flags.items()} == {1: True, 2: False}


def test_a_revision_dropping_most_projects_is_held_unless_accepted(engine: Engine) -> None:
    ingest(engine, numbered_report(10, file="报告.docx"))
    cut = numbered_report(2, file="报告（修改稿）.docx")
    held = ingest(engine, cut)
    assert (held.action, held.version) == ("hold", 2)
    assert "it drops 8 of the 10 projects of v1 (-8 projects)" in held.note
    accepted = ingest(engine, numbered_report(3, file="报告（终稿）.docx"), accept_shrink=True)
    assert (accepted.action, accepted.version, accepted.previous_version) == ("supersede", 3, 1)
    assert current_keys(engine) == {PROJECT_KEY: 3}


def test_making_an_unknown_version_current_names_the_versions(engine: Engine) -> None:
    ingest(engine, f.v1())
    with pytest.raises(UnknownDocument, match=r"has no version 5 \(versions: 1\)"):
        make_current(engine, KEY, 5)
    assert make_current(engine, KEY, 1).message == f"v1 of {KEY} is already the current version"


# --- item 9: identical bytes re-read by a newer parser ------------------------------------------------------------

def same_bytes(report: Report, like: Report) -> Report:
    """`report` as if read from the very file `like` came from (same sha256)."""
    return dataclasses.replace(report, source=Source(file=like.source.file, sha256=like.source.sha256,
                                                     bytes=like.source.bytes))


def reread(report: Report) -> Report:
    """The same file read with one value typed differently."""
    project = report.projects[0]
    better = dataclasses.replace(project.indicators[3], kind="number", value=1.0, op=">")
    return same_bytes(dataclasses.replace(report, projects=(
        dataclasses.replace(project, indicators=(*project.indicators[:3], better)), *report.projects[1:])), report)


def test_a_parser_upgrade_rereads_identical_files_and_stores_what_differs(engine: Engine,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("jixiao.load.ingest.parser_version", lambda: "0.1.0")
    assert ingest(engine, f.v1()).version == 1
    assert ingest(engine, f.v1()).status == "unchanged"
    monkeypatch.setattr("jixiao.load.ingest.parser_version", lambda: "0.2.0")
    upgraded = ingest(engine, reread(f.v1()))
    assert (upgraded.status, upgraded.action, upgraded.version) == ("loaded", "supersede", 2)
    assert upgraded.note == (f"v2 of {KEY}, replaces report_v1.docx v1: re-read by jixiao 0.2.0 (was 0.1.0): "
                             "1 value changed")
    monkeypatch.setattr("jixiao.load.ingest.parser_version", lambda: "0.3.0")
    assert (ingest(engine, reread(f.v1())).status, current_keys(engine)) == ("unchanged", {KEY: 2})


def test_reparse_compares_even_with_the_same_parser(engine: Engine) -> None:
    ingest(engine, f.v1())
    assert ingest(engine, reread(f.v1())).status == "unchanged"  # same bytes, same parser: not re-read
    assert ingest(engine, f.v1(), reparse=True).status == "unchanged"  # re-read, nothing differs
    outcome = ingest(engine, reread(f.v1()), reparse=True)
    assert (outcome.status, outcome.version) == ("loaded", 2)


def test_the_html_report_lists_revisions_held_back_and_restored(engine: Engine) -> None:
    from jixiao.load.report import render_report

    ingest(engine, f.v1())
    ingest(engine, f.v2())
    ingest(engine, emptied(f.v1(), "report_v3.docx"))
    make_current(engine, KEY, 1)
    page, data = render_report(engine)
    assert [(c.action, c.previous_version, c.version) for c in data.revisions] == [
        ("restore", 2, 1), ("hold", 2, 3), ("supersede", 1, 2)]
    section = page.split('<section id="revisions">', 1)[1].split("</section>", 1)[0].split("<tbody>", 1)[1]
    assert f"v2 of {KEY}, replaces report_v1.docx v1: +1 project, -1 project, 1 value changed" in section
    assert f"v3 of {KEY} stored but NOT made current: it has none of the 2 projects of v2" in section
    assert section.index("restored") < section.index("held back") < section.index("replaced")


def test_history_make_current_from_the_command_line(engine: Engine, db_url: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from jixiao.cli import main

    ingest(engine, f.v1())
    ingest(engine, f.v2())
    assert main(["history", KEY, "--db", db_url, "--make-current", "1"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (f"v1 of {KEY} (report_v1.docx) is current again, replaces report_v2.docx v2: "
                          "+1 project, -1 project, 1 value changed\n", "")
    assert current_keys(engine) == {KEY: 1}
    assert main(["history", KEY, "--db", db_url, "--make-current", "9"]) == 1
    assert capsys.readouterr().err == f"jixiao: {KEY}: has no version 9 (versions: 1, 2)\n"
    assert main(["history", "--db", db_url, "--make-current", "1"]) == 2
