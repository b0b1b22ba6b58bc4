"""`jixiao ingest` on the samples plus three broken files: the good load, the broken get one line each."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from jixiao.cli import main
from jixiao.load import schema
from test_batch_load import count, dump_database

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").rglob("*.docx"))
"""Every sample, with the v1/v2 revision pair under samples/revisions/ (two versions of one key)."""
# name -> (bytes maker, error code the file must fail with)
BROKEN = {
    "empty.docx": (lambda sample: b"", "damaged"),
    "scan.docx": (lambda sample: b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n", "not_docx"),
    "truncated.docx": (lambda sample: sample[: len(sample) // 2], "damaged"),
}


def test_the_samples_exist() -> None:
    assert len(SAMPLES) >= 3, "samples/*.docx are missing: run `make samples`"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "in"
    docs.mkdir()
    for sample in SAMPLES:
        copy = docs / sample.relative_to(ROOT / "samples")
        copy.parent.mkdir(exist_ok=True)
        shutil.copy(sample, copy)
    for name, (make, _) in BROKEN.items():
        (docs / name).write_bytes(make(SAMPLES[0].read_bytes()))
    return docs


def ingest(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["ingest", *args])
    out, err = capsys.readouterr()
    return status, out, err


def summary_numbers(out: str) -> dict[str, int]:
    counts = {m[1]: int(m[2]) for m in re.finditer(r"^  ([a-z ]+?)\s{2,}(\d+)", out, re.M)}
    return {k: v for k, v in counts.items() if k not in ("elapsed", "database now holds")}


def test_good_files_load_broken_ones_get_one_line_and_the_summary_matches_the_database(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"sqlite:///{tmp_path / 'j.db'}"
    status, out, err = ingest(capsys, str(folder), "--db", url, "--workers", "2")
    assert status == 1
    lines = err.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("loaded ")] == [
        str(folder / s.relative_to(ROOT / "samples")) for s in SAMPLES
    ]
    for name in BROKEN:
        mine = [line for line in lines if str(folder / name) in line]
        assert len(mine) == 1 and mine[0].startswith(f"FAILED    {folder / name}: "), mine
    assert len(lines) == len(SAMPLES) + len(BROKEN)

    numbers = summary_numbers(out)
    untyped = sa.func.coalesce(sa.func.sum(schema.documents.c.n_untyped), 0)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        db_untyped = conn.execute(sa.select(untyped)).scalar_one()
        failed = dict(conn.execute(sa.select(schema.ingest_log.c.path, schema.ingest_log.c.error_code)
                                   .where(schema.ingest_log.c.status == "failed")).all())
    engine.dispose()
    assert numbers == {
        "files loaded": len(SAMPLES), "files unchanged": 0, "files failed": len(BROKEN), "revisions": 1,
        "versions written": count(url, schema.documents), "projects": count(url, schema.projects),
        "indicators": count(url, schema.indicators), "values left untyped": db_untyped,
    }
    assert numbers["indicators"] > numbers["projects"] >= numbers["versions written"] == len(SAMPLES)
    assert failed == {str(folder / name): code for name, (_, code) in BROKEN.items()}
    held = re.search(r"database now holds\s+(\d+) documents \((\d+) versions\), (\d+) projects, (\d+) indicators", out)
    current = "current_documents c JOIN documents d ON d.id = c.document_id"
    assert held and [int(g) for g in held.groups()] == [
        count(url, schema.current_documents), len(SAMPLES),
        sql_count(url, f"FROM {current} JOIN projects p ON p.document_id = d.id"),
        sql_count(url, f"FROM {current} JOIN indicators x ON x.document_id = d.id"),
    ]
    assert count(url, schema.current_documents) == len(SAMPLES) - 1  # report_v2 supersedes report_v1


def sql_count(url: str, from_clause: str) -> int:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        n = int(conn.execute(sa.text(f"SELECT COUNT(*) {from_clause}")).scalar_one())
    engine.dispose()
    return n


def test_a_second_run_finds_every_good_file_unchanged(folder: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'j.db'}"
    ingest(capsys, str(folder), "--db", url, "--workers", "1")
    before = dump_database(url)
    status, out, err = ingest(capsys, str(folder), "--db", url, "--workers", "2")
    numbers = summary_numbers(out)
    assert status == 1 and (numbers["files unchanged"], numbers["files loaded"]) == (len(SAMPLES), 0)
    assert err.count("unchanged ") == len(SAMPLES)
    after = dump_database(url)
    del after["ingest_log"], before["ingest_log"]
    assert after == before


def test_one_or_two_workers_leave_identical_databases(folder: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    dumps = []
    for workers in ("1", "2"):
        url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        assert ingest(capsys, str(folder), "--db", url, "--workers", workers)[0] == 1
        dumps.append(dump_database(url))
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["indicators"]) > 0 and len(dumps[0]["ingest_log"]) == len(SAMPLES) + len(BROKEN)


def test_dry_run_reads_everything_and_writes_nothing(folder: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "never.db"
    status, out, err = ingest(capsys, str(folder), "--db", f"sqlite:///{db}", "--dry-run")
    assert status == 1 and not db.exists()
    assert out.startswith("Summary (dry run: nothing written)\n")
    numbers = summary_numbers(out)
    assert (numbers["files checked"], numbers["files failed"]) == (len(SAMPLES), len(BROKEN))
    assert err.count("checked   ") == len(SAMPLES) and err.count("FAILED    ") == len(BROKEN)


def test_log_json_has_one_line_per_file(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "run.jsonl"
    ingest(capsys, str(folder), "--db", f"sqlite:///{tmp_path / 'j.db'}", "--log-json", str(log))
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(x["path"]).name for x in lines) == sorted([s.name for s in SAMPLES] + list(BROKEN))
    assert [x["version"] for x in lines if "report_v" in x["path"]] == [1, 2]
    for x in lines:
        assert set(x) == {"run_id", "path", "sha256", "status", "document_key", "version", "projects",
                          "indicators", "untyped", "warnings", "error_code", "error_message", "action",
                          "previous_version", "note"}
        name = Path(x["path"]).name
        if name in BROKEN:
            assert (x["status"], x["error_code"]) == ("failed", BROKEN[name][1])
            assert x["error_message"].startswith(x["path"] + ": ")
        else:
            assert x["status"] == "loaded" and x["indicators"] > 0
            assert x["untyped"] == sum(w["code"] == "value_unparsed" for w in x["warnings"])
        assert x["sha256"] is None or len(x["sha256"]) == 64
    assert {x["sha256"] for x in lines if x["path"].endswith("empty.docx")} == {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}


def test_fail_fast_stops_at_the_first_broken_file(folder: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = ingest(capsys, str(folder), "--db", f"sqlite:///{tmp_path / 'j.db'}", "--fail-fast",
                              "--workers", "2")
    assert status == 1
    assert err.splitlines()[-1].startswith(f"FAILED    {folder / 'empty.docx'}: ")  # first broken in sorted order
    assert "files not read" in out and "stopped at the first failure" in out


def test_a_missing_path_is_a_failed_file_not_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = ingest(capsys, str(tmp_path / "no-such.docx"), str(SAMPLES[0]), "--db",
                              f"sqlite:///{tmp_path / 'j.db'}")
    assert status == 1
    assert f"FAILED    {tmp_path / 'no-such.docx'}: no such file" in err
    assert summary_numbers(out)["files loaded"] == 1


@pytest.mark.parametrize("args", [["--workers", "0"], ["--workers", "two"], ["--key", ""], []])
def test_usage_errors_exit_2(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["ingest", *args, "--db", f"sqlite:///{tmp_path / 'j.db'}"] + ([str(SAMPLES[0])] if args else [])
    try:
        status = main(argv)
    except SystemExit as e:  # argparse's own usage errors
        status = e.code
    assert status == 2
    assert not (tmp_path / "j.db").exists()


def test_an_empty_folder_is_nothing_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = ingest(capsys, str(tmp_path), "--db", f"sqlite:///{tmp_path / 'j.db'}")
    assert status == 0
    assert err == f"jixiao ingest: no .docx, .docm, .dotx, .doc, .wps, .rtf or .odt files under {tmp_path}\n"


def run_on_terminal(args: list[str], cwd: Path) -> tuple[int, bytes, bytes]:
    """Run `jixiao` with stderr on a pseudo-terminal; return status, stdout and what the terminal showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "jixiao.cli", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.stdout is not None
    with proc.stdout:
        out = proc.stdout.read()
    return proc.wait(timeout=120), out, shown


def test_a_progress_bar_on_a_terminal_and_plain_lines_in_a_pipe(folder: Path, tmp_path: Path) -> None:
    args = ["ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'tty.db'}", "--workers", "2"]
    status, out, shown = run_on_terminal(args, tmp_path)
    total = len(SAMPLES) + len(BROKEN)
    text = shown.decode()
    assert status == 1
    assert "\r[" in text and f"] {total}/{total} 100%" in text and "files/s" in text and "3 failed" in text
    assert text.count("FAILED    ") == len(BROKEN)
    # Above the bar: the failures and the one revision (report_v2 replaces report_v1), nothing else.
    assert text.count("loaded    ") == 1 and "report_v2.docx (4 projects, 26 indicators): v2 of " in text
    assert b"Summary" in out

    args[3] = f"sqlite:///{tmp_path / 'pipe.db'}"
    piped = subprocess.run([sys.executable, "-m", "jixiao.cli", *args], cwd=tmp_path, capture_output=True,
                           timeout=120)
    err = piped.stderr.decode()
    assert piped.returncode == 1
    assert "\r" not in err and "files/s" not in err
    assert err.count("loaded    ") == len(SAMPLES) and err.count("FAILED    ") == len(BROKEN)
