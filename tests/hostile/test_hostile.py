"""Every hostile file through `jixiao extract`: one clear line, a non-zero exit, bounded memory and time.

Each file runs in a fresh process, so its peak memory (ru_maxrss) is its own, and under a
5-second timeout, the issue's bound per file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from make_hostile import BODY_TEXT, CORPUS, NUMBERED_TEXT, STILL_READ, docx

pytest.importorskip("jixiao.extract.document", reason="jixiao.extract.document (the extract stage) is not written yet")

PEAK_MEMORY_KIB = 300 * 1024
SECONDS_PER_FILE = 5
# Peak memory is VmHWM of the child's own address space: ru_maxrss would carry over the
# parent's peak across fork+exec on Linux, so a big pytest process would look like the child.
RUNNER = """
import re, sys
from jixiao.cli import main
try:
    code = main(["extract", *sys.argv[2:]])
finally:
    with open("/proc/self/status") as status:
        peak = re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1)
    with open(sys.argv[1], "w") as f:
        f.write(peak)
sys.exit(code)
"""
REFUSED = sorted(set(CORPUS) - set(STILL_READ)) + ["zip_bomb.docx", "lying_header.docx"]
PASSWD_LINES = [
    line for line in (Path("/etc/passwd").read_text(errors="replace").splitlines() if Path("/etc/passwd").exists() else [])
    if line.strip()
]


def run_extract(tmp_path: Path, *paths: Path | str) -> tuple[int, str, str, int]:
    """(exit status, stdout, stderr, peak KiB) of `jixiao extract PATHS` in a fresh process."""
    rss_file = tmp_path / "maxrss"
    try:
        done = subprocess.run(
            [sys.executable, "-c", RUNNER, str(rss_file), *map(str, paths)],
            capture_output=True, text=True, timeout=SECONDS_PER_FILE,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"jixiao extract {paths} took longer than {SECONDS_PER_FILE} s")
    return done.returncode, done.stdout, done.stderr, int(rss_file.read_text())


def assert_one_clear_line(stderr: str, path: Path | str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"jixiao: {path}: "), lines[0]
    return lines[0]


@pytest.mark.parametrize("name", REFUSED)
def test_hostile_file_gets_one_line_and_a_failure_status(corpus: dict[str, Path], tmp_path: Path, name: str) -> None:
    code, stdout, stderr, peak = run_extract(tmp_path, corpus[name])
    assert code != 0
    assert_one_clear_line(stderr, corpus[name])
    assert stdout == ""
    assert peak < PEAK_MEMORY_KIB


@pytest.mark.parametrize("name", STILL_READ)
def test_broken_styles_or_numbering_still_read_with_a_warning(corpus: dict[str, Path], tmp_path: Path, name: str) -> None:
    code, stdout, stderr, peak = run_extract(tmp_path, corpus[name])
    assert code == 0, stderr
    assert "Traceback" not in stderr
    report = json.loads(stdout)
    texts = [s["text"] for s in report["sections"]] + [n["text"] for n in report["narrative_indicators"]]
    assert any(BODY_TEXT.removeprefix("一、") in t for t in texts)
    assert any(NUMBERED_TEXT in t for t in texts)
    assert {w["code"] for w in report["warnings"]} & {"styles_missing", "numbering_missing"}
    assert peak < PEAK_MEMORY_KIB


@pytest.mark.skipif(not PASSWD_LINES, reason="this machine has no /etc/passwd to leak")
@pytest.mark.parametrize("name", ["xxe.docx", "xxe_parameter_entity.docx", "xxe_after_long_comment.docx", "xxe_in_styles.docx"])
def test_xxe_output_holds_nothing_of_etc_passwd(corpus: dict[str, Path], tmp_path: Path, name: str) -> None:
    _, stdout, stderr, _ = run_extract(tmp_path, corpus[name])
    for line in PASSWD_LINES:
        assert line not in stdout and line not in stderr
    assert "root:" not in stdout + stderr


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda tmp: tmp / "no such report.docx", "no such file"),
        (lambda tmp: tmp, "is a folder"),
    ],
    ids=["missing-file", "folder"],
)
def test_missing_file_and_folder(tmp_path: Path, make, words: str) -> None:
    path = make(tmp_path)
    code, stdout, stderr, _ = run_extract(tmp_path, path)
    assert code != 0 and stdout == ""
    assert words in assert_one_clear_line(stderr, path)


def test_a_batch_mixing_hostile_and_good_files_reads_every_good_one(corpus: dict[str, Path], tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    good.write_bytes(docx())
    bad = [corpus["zip_bomb.docx"], corpus["encrypted.docx"], corpus["xxe.docx"]]
    code, stdout, stderr, _ = run_extract(tmp_path, good, *bad, good)
    assert code != 0
    reports = json.loads(stdout)
    assert [r["source"]["file"] for r in reports] == ["good.docx", "good.docx"]
    lines = stderr.splitlines()
    assert len(lines) == len(bad) and "Traceback" not in stderr
    assert all(line.startswith(f"jixiao: {path}: ") for line, path in zip(lines, bad))
