"""`--convert`: turn legacy .doc, .wps, .rtf, .odt files into .docx with LibreOffice, then read them.

Each conversion runs `soffice --headless` in a private temporary folder with its
own user profile (-env:UserInstallation), so parallel conversions never share
LibreOffice's lock files, and under a time limit after which the whole process
group is killed. Nothing is written next to the original file.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from jixiao.extract.exceptions import ConversionFailed, ResourceLimitExceeded
from jixiao.extract.limits import DEFAULT_LIMITS, MiB, Limits
from jixiao.extract.ooxml.file_format import OOXML, FileFormat, refusal, sniff
from jixiao.extract.ooxml.package import read_file_bytes

SOFFICE_NAMES = ("soffice", "libreoffice")
# Detected kind -> (extension the copy gets, LibreOffice import filter or None to let it guess).
INPUTS: dict[str, tuple[str, str | None]] = {
    "doc": ("doc", None),
    "word2": ("doc", None),
    "wps": ("doc", None),  # Kingsoft .wps files are Word 97 binaries inside
    "works": ("wps", None),
    "rtf": ("rtf", None),
    "odt": ("odt", None),
    "xml": ("xml", "MS Word 2003 XML"),
    "html": ("html", "HTML (StarWriter)"),  # Writer, not Writer/Web, which has no .docx export
}
OUTPUT_FILTER = "docx:MS Word 2007 XML"


def find_soffice() -> str | None:
    """Path of LibreOffice's `soffice` program, or None when it is not installed."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def read_bytes_converting(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, str]:
    """The .docx bytes of the file at `path`, converted by LibreOffice when it is a legacy format.

    Returns (bytes, kind): `kind` is what the file was ("ooxml" when it needed no
    conversion, else "doc", "wps", "rtf", "odt", "html", "xml"; see
    extract.ooxml.file_format). Bytes of a format that cannot be converted (PDF ...)
    are returned as they are, for `open_package` to refuse with its usual message.
    """
    return convert_bytes(read_file_bytes(path, limits), str(path), limits)


def convert_bytes(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, str]:
    """`read_bytes_converting` for bytes already read from `path` (hash them before, not after)."""
    fmt = sniff(data, path)
    if not fmt.convertible:
        return data, fmt.kind
    return _convert(data, fmt, path, limits.convert_seconds, limits), fmt.kind


def convert_to_docx(path: str | Path, *, timeout: float = 60, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file at `path` converted to .docx bytes; a .docx is returned as it is.

    Raises ConversionFailed when LibreOffice is missing, fails or takes longer than
    `timeout` seconds, and the usual jixiao error for a file no converter can help (PDF ...).
    """
    data = read_file_bytes(path, limits)
    fmt = sniff(data, str(path))
    if fmt is OOXML:
        return data
    if not fmt.convertible:
        raise refusal(fmt, str(path))
    return _convert(data, fmt, str(path), timeout, limits)


def _convert(data: bytes, fmt: FileFormat, path: str, timeout: float, limits: Limits) -> bytes:
    soffice = find_soffice()
    if soffice is None:
        raise ConversionFailed(
            path, f"{fmt.what}; --convert needs LibreOffice, which is not installed here (no soffice program): "
            "install LibreOffice or save the file as .docx"
        )
    extension, infilter = INPUTS.get(fmt.kind, (fmt.kind, None))
    with tempfile.TemporaryDirectory(prefix="jixiao-convert-") as tmp:
        work = Path(tmp)
        source = work / f"input.{extension}"
        source.write_bytes(data)
        command = [
            soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to", OUTPUT_FILTER, "--outdir", str(work / "out"), str(source),
        ]
        detail = _run(command, timeout, path, fmt)
        target = work / "out" / "input.docx"
        if not target.is_file():
            raise ConversionFailed(path, f"{fmt.what}; LibreOffice could not convert it to .docx ({detail or 'no output'})")
        size = target.stat().st_size
        if size > limits.max_file_bytes:
            raise ResourceLimitExceeded(path, f"converts to a {size / MiB:.0f} MiB .docx (limit {limits.max_file_bytes / MiB:.0f} MiB)")
        return target.read_bytes()


def _run(command: list[str], timeout: float, path: str, fmt: FileFormat) -> str:
    """Run LibreOffice; the last line it printed. Kills its whole process group on timeout."""
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
    except OSError as e:
        raise ConversionFailed(path, f"{fmt.what}; LibreOffice could not be started ({e.strerror})") from None
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise ConversionFailed(path, f"{fmt.what}; LibreOffice did not convert it within {timeout:g} s") from None
    except BaseException:
        _kill_group(process)
        raise
    lines = [line.strip() for line in (err + out).decode("utf-8", "replace").splitlines() if line.strip()]
    lines = [line for line in lines if "javaldx" not in line]  # harmless: no Java installed
    return lines[-1] if lines else ""


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()
