"""--convert: legacy formats become .docx through LibreOffice, in private folders, under a time limit."""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import jixiao.extract.convert as convert
from jixiao.extract.exceptions import ConversionFailed, EncryptedDocument, LegacyFormat, NotADocxFile
from jixiao.extract.ooxml.package import open_package
from make_hostile import BODY_TEXT, NUMBERED_TEXT, docx, encrypted_docx, pdf

def rtf_by_hand(text: str) -> bytes:
    """A minimal RTF whose Chinese characters are \\uN escapes, as Word writes them."""
    escaped = "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in text)
    return ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0 " + escaped + "\\par}").encode()


@pytest.fixture(scope="module")
def legacy_files(tmp_path_factory: pytest.TempPathFactory, soffice: str) -> dict[str, Path]:
    """The same report as .doc, .odt and .rtf (written by LibreOffice), plus an RTF written by hand."""
    folder = tmp_path_factory.mktemp("legacy")
    source = folder / "report.docx"
    source.write_bytes(docx())
    for target in ("doc:MS Word 97", "odt", "rtf"):
        subprocess.run(
            [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", target,
             "--outdir", str(folder), str(source)],
            check=True, capture_output=True, timeout=120,
        )
    files = {ext: folder / f"report.{ext}" for ext in ("doc", "odt", "rtf")}
    files["rtf_by_hand"] = folder / "by_hand.rtf"
    files["rtf_by_hand"].write_bytes(rtf_by_hand(f"{BODY_TEXT} {NUMBERED_TEXT}"))
    files["doc_renamed"] = folder / "renamed.docx"
    shutil.copyfile(files["doc"], files["doc_renamed"])
    return files


def document_text(data: bytes) -> str:
    pkg = open_package(data, "converted.docx")
    return "".join(pkg.parse(pkg.document_part).itertext())


@pytest.mark.parametrize(("name", "kind"), [("doc", "doc"), ("odt", "odt"), ("rtf", "rtf"), ("rtf_by_hand", "rtf"),
                                            ("doc_renamed", "doc")])
def test_legacy_files_are_converted_and_read(legacy_files: dict[str, Path], name: str, kind: str) -> None:
    data, found = convert.read_bytes_converting(legacy_files[name])
    assert found == kind
    text = document_text(data)
    assert BODY_TEXT in text and NUMBERED_TEXT in text


def test_convert_bytes_converts_what_was_already_read(legacy_files: dict[str, Path]) -> None:
    data, kind = convert.convert_bytes(legacy_files["rtf"].read_bytes(), str(legacy_files["rtf"]))
    assert kind == "rtf" and BODY_TEXT in document_text(data)


def test_without_convert_the_same_file_gets_the_clear_error(legacy_files: dict[str, Path]) -> None:
    path = str(legacy_files["doc_renamed"])
    with pytest.raises(LegacyFormat, match="legacy Word 97-2003 .doc; save it as .docx or pass --convert") as info:
        open_package(legacy_files["doc_renamed"].read_bytes(), path)
    assert info.value.kind == "doc"


def test_parallel_conversions_do_not_collide(legacy_files: dict[str, Path]) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(convert.convert_to_docx, [legacy_files["doc"], legacy_files["odt"]]))
    assert all(BODY_TEXT in document_text(data) for data in results)


def test_a_docx_needs_no_conversion(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(docx())
    assert convert.read_bytes_converting(path) == (path.read_bytes(), "ooxml")
    assert convert.convert_to_docx(path) == path.read_bytes()


@pytest.mark.parametrize(("content", "error"), [(pdf(), NotADocxFile), (encrypted_docx(), EncryptedDocument)])
def test_formats_no_converter_helps_keep_their_error(tmp_path: Path, content: bytes, error: type) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    with pytest.raises(error):
        convert.convert_to_docx(path)


def test_without_libreoffice_the_error_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    path = tmp_path / "report.rtf"
    path.write_bytes(rtf_by_hand(BODY_TEXT))
    with pytest.raises(ConversionFailed, match="Rich Text Format .*LibreOffice, which is not installed") as info:
        convert.read_bytes_converting(path)
    assert str(info.value).startswith(f"{path}: ")


def fake_soffice(tmp_path: Path, script: str) -> str:
    program = tmp_path / "fake-soffice"
    program.write_text("#!/bin/sh\n" + script)
    program.chmod(0o755)
    return str(program)


def test_a_conversion_over_the_time_limit_is_killed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pid_file = tmp_path / "child.pid"
    # The fake forks a child that would outlive it, as soffice.bin outlives its launcher.
    program = fake_soffice(tmp_path, f"sleep 60 &\necho $! > {pid_file}\nwait\n")
    monkeypatch.setattr(convert, "find_soffice", lambda: program)
    path = tmp_path / "report.rtf"
    path.write_bytes(rtf_by_hand(BODY_TEXT))
    with pytest.raises(ConversionFailed, match="did not convert it within 0.5 s"):
        convert.convert_to_docx(path, timeout=0.5)
    assert not alive(int(pid_file.read_text()))


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for a reaper."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def test_a_conversion_that_writes_nothing_fails_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2\n")
    monkeypatch.setattr(convert, "find_soffice", lambda: program)
    path = tmp_path / "report.odt.docx"
    path.write_bytes(rtf_by_hand(BODY_TEXT))
    with pytest.raises(ConversionFailed, match="could not convert it to .docx \\(Error: source file could not be loaded\\)"):
        convert.convert_to_docx(path)
