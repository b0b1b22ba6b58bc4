"""Batch mechanics with a fake pipeline: order, crashes, bugs, folders; no database, no real .docx."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import pickle
from pathlib import Path

import pytest

from jixiao.extract.exceptions import NotADocxFile
from jixiao.batch import expand_paths, run_batch
from jixiao.pool import FileRead, PooledReader, pack, read_in_process, read_one
from jixiao.normalize.records import (
    DocumentInfo, Indicator, Location, Project, Report, Source, SpendingPlan, Warning,
)


def fake_read(path: str) -> Report:
    """A stand-in for read_report: the file's text says what to do ("report 2 3 1", "crash", ...)."""
    data = Path(path).read_bytes()
    words = data.decode().split()
    if words[0] == "crash":
        os._exit(3)
    if words[0] == "bad":
        raise NotADocxFile(path, "is not a Word file")
    if words[0] == "bug":
        raise ValueError("unexpected cell\nsecond line")
    projects, per_project, untyped = (int(w) for w in words[1:4])
    kinds = ["text"] * untyped + ["number"] * (per_project - untyped)
    indicator = lambda n, kind: Indicator(  # noqa: E731
        "产出指标", "output", "数量指标", "quantity", f"指标{n}", None, "1", kind, "=", 1, None,
        None, 1, None, None, Location(0, n),
    )
    return Report(
        source=Source(Path(path).name, hashlib.sha256(data).hexdigest(), len(data), path),
        document=DocumentInfo("title", "某局", 2024),
        sections=(),
        projects=tuple(
            Project(f"P{i}", f"项目{i}", "某局", 1.0, 1.0, 0.0, SpendingPlan(None, None, None, None),
                    None, None, tuple(indicator(n, k) for n, k in enumerate(kinds)))
            for i in range(projects)
        ),
        narrative_indicators=(),
        warnings=tuple(
            Warning("value_unparsed", f"项目{i} 指标{n}: no rule reads the value", Location(0, n))
            for i in range(projects) for n, kind in enumerate(kinds) if kind == "text"
        ),
    )


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return str(path)


def test_folders_are_searched_recursively_sorted_and_lock_files_skipped(tmp_path: Path) -> None:
    for name in ["b.docx", "a/z.DOCX", "a/y.docm", "c.dotx", "notes.txt", "~$b.docx", "x.doc", "w.WPS"]:
        write(tmp_path, name, "report 1 1 0")
    # Legacy files are listed too: --convert reads them, without it each fails with a line saying so.
    assert expand_paths([tmp_path]) == [
        str(tmp_path / p) for p in ["a/y.docm", "a/z.DOCX", "b.docx", "c.dotx", "w.WPS", "x.doc"]
    ]


def test_paths_keep_argument_order_and_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    b = write(tmp_path, "d/b.docx", "report 1 1 0")
    a = write(tmp_path, "a.docx", "report 1 1 0")
    missing = str(tmp_path / "missing.docx")
    assert expand_paths([b, missing, tmp_path / "d", a]) == [b, missing, a]


def corpus(tmp_path: Path, specs: list[str]) -> list[str]:
    return [write(tmp_path, f"f{i:02d}.docx", spec) for i, spec in enumerate(specs)]


SPECS = ["report 1 2 0", "bad", "report 2 3 1", "bug", "report 1 1 1", "report 3 1 0"] * 3


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_back_in_input_order_with_failures_as_values(tmp_path: Path, workers: int) -> None:
    paths = corpus(tmp_path, SPECS)
    if workers == 1:
        reads = list(read_in_process(paths, fake_read))
    else:
        with PooledReader(paths, fake_read, workers, None) as reader:
            reads = list(reader)
    assert [r.path for r in reads] == paths
    assert [r.error_code for r in reads] == [
        {"bad": "not_docx", "bug": "internal_error"}.get(s.split()[0]) for s in SPECS
    ]
    bug = reads[3]
    assert bug.message == (
        f"{paths[3]}: internal error while reading (ValueError: unexpected cell); "
        "please report it with the --log-json file"
    )
    assert "Traceback" in (bug.traceback or "") and reads[1].traceback is None
    assert reads[2].report is not None and len(reads[2].report.projects) == 2
    assert reads[1].sha256 == hashlib.sha256(b"bad").hexdigest()


def test_a_crashing_worker_costs_only_its_file(tmp_path: Path) -> None:
    specs = ["report 1 1 0", "report 1 1 0", "crash", "report 1 1 0", "report 2 1 0", "crash", "report 1 1 0"]
    paths = corpus(tmp_path, specs)
    with PooledReader(paths, fake_read, 2, None) as reader:
        reads = list(reader)
        restarts = reader.restarts
    assert [r.path for r in reads] == paths
    assert [r.error_code for r in reads] == [
        "worker_crashed" if s == "crash" else None for s in specs
    ]
    assert "stopped abruptly" in (reads[2].message or "")
    assert restarts >= 2


@pytest.mark.parametrize("workers", [1, 2])
def test_dry_run_counts_without_a_database(tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    paths = corpus(tmp_path, ["report 1 2 0", "bad", "report 2 3 1"])
    summary = run_batch([*paths, tmp_path / "gone.docx"], dry_run=True, workers=workers,
                        read=fake_read, warm=None)
    assert [o.status for o in summary.outcomes] == ["checked", "failed", "checked", "failed"]
    assert (summary.checked, summary.failed, summary.projects, summary.indicators, summary.untyped) == (2, 2, 3, 8, 2)
    assert summary.exit_status == 1
    assert sorted(os.listdir(tmp_path)) == ["f00.docx", "f01.docx", "f02.docx"]


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    paths = corpus(tmp_path, ["report 1 1 0", "bad", "report 1 1 0", "report 1 1 0"])
    summary = run_batch(paths, dry_run=True, workers=1, fail_fast=True, read=fake_read, warm=None)
    assert [o.status for o in summary.outcomes] == ["checked", "failed"]
    assert (summary.files, summary.not_processed, summary.exit_status) == (4, 2, 1)


def record_warm() -> None:
    """A warm-up that leaves a trace: one line per call, with the worker's pid."""
    with open(os.environ["JIXIAO_TEST_WARM_LOG"], "a") as f:
        f.write(f"{os.getpid()}\n")


def test_each_worker_warms_up_once_not_once_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "warm.log"
    monkeypatch.setenv("JIXIAO_TEST_WARM_LOG", str(log))
    paths = corpus(tmp_path / "in", ["report 1 1 0"] * 12)
    summary = run_batch(paths, dry_run=True, workers=2, read=fake_read, warm=record_warm)
    assert summary.checked == 12
    pids = log.read_text().split()
    assert len(pids) == len(set(pids)) <= 2 and os.getpid() not in map(int, pids)


def broken_warm() -> None:
    raise RuntimeError("vocabulary table missing")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_warm_up_does_not_break_the_pool(tmp_path: Path, workers: int) -> None:
    paths = corpus(tmp_path / "in", ["report 1 1 0", "bad", "report 2 1 0"])
    summary = run_batch(paths, dry_run=True, workers=workers, read=fake_read, warm=broken_warm)
    assert [o.status for o in summary.outcomes] == ["checked", "failed", "checked"]


@dataclasses.dataclass(frozen=True)
class Checked:
    """A frozen dataclass whose __init__ does more than store fields: pickled the default way."""

    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


def test_a_packed_read_unpickles_to_the_same_values(tmp_path: Path) -> None:
    (path,) = corpus(tmp_path, ["report 2 3 1"])
    read = read_one(fake_read, path)
    failed = FileRead(path, "0" * 64, error_code="not_docx", message=f"{path}: is not a Word file")
    odd = (Checked(3), dt.date(2024, 2, 29), Location(1, 2))
    for value in (read, failed, odd):
        assert pickle.loads(pack(value)) == value
    assert len(pack(read)) < len(pickle.dumps(read, pickle.HIGHEST_PROTOCOL))  # a report's records as bare tuples
