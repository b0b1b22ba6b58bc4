"""Tell what a file really is from its bytes, not its name, and refuse what is not a .docx.

Reports arrive as .doc files renamed .docx, WPS files, PDFs, web pages saved
with a Word name and password-protected packages. Each gets one line saying
what it is and what the clerk can do about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.exceptions import (
    DamagedDocument,
    EncryptedDocument,
    EncryptedLegacyDocument,
    JixiaoError,
    LegacyFormat,
    NotADocxFile,
)
from jixiao.extract.ooxml.compound_file import SIGNATURE as OLE2_SIGNATURE
from jixiao.extract.ooxml.compound_file import CompoundFile, CompoundFileError

CONVERT_ADVICE = "save it as .docx or pass --convert with LibreOffice installed"
NOT_WORD_ADVICE = "jixiao reads Word .docx reports only; ask the sender for the .docx"
RESAVE_ADVICE = "open it in Word and save it as Word Document (.docx)"


@dataclass(frozen=True, slots=True)
class FileFormat:
    """What a file is: `kind` names it, `what` says it to a clerk ("is a legacy ...")."""

    kind: str
    what: str
    convertible: bool = False
    """LibreOffice can turn it into .docx (extract.convert); `kind` is then its file extension."""
    advice: str = NOT_WORD_ADVICE
    """What to do, for a format that is not convertible."""


OOXML = FileFormat("ooxml", "is a zip package (Office Open XML)")
EMPTY = FileFormat("empty", "is empty (0 bytes): the copy or download did not finish; get the file again")
ENCRYPTED = FileFormat("encrypted", "is password-protected")
ENCRYPTED_DOC = FileFormat("encrypted_doc", "is a password-protected Word 97-2003 .doc")
DOC = FileFormat("doc", "is a legacy Word 97-2003 .doc", convertible=True)
WPS = FileFormat("wps", "is a WPS Office .wps document", convertible=True)
WORKS = FileFormat("works", "is a Microsoft Works .wps document", convertible=True)
ODT = FileFormat("odt", "is an OpenDocument text (.odt)", convertible=True)
RTF = FileFormat("rtf", "is a Rich Text Format (.rtf) file", convertible=True)
HTML = FileFormat("html", "is a web page (HTML) saved with a Word name, not a Word document", convertible=True)
WORD_XML = FileFormat("xml", "is a Word 2003 XML document", convertible=True)
MHTML = FileFormat("mhtml", "is a single-file web page (MHTML) saved with a Word name, not a Word document",
                   advice=RESAVE_ADVICE)
FLAT_OPC = FileFormat("flat_opc", "is a Word XML document (flat XML), not a .docx package", advice=RESAVE_ADVICE)
XML = FileFormat("xml_other", "is an XML file, not a Word document")
TEXT = FileFormat("text", "is a plain text file, not a Word document")

# File signatures, checked in order at offset 0 (PDF may start a little later, see _sniff_text_like).
MAGIC: tuple[tuple[bytes, FileFormat], ...] = (
    (b"%PDF-", FileFormat("pdf", "is a PDF file, not a Word document")),
    (b"{\\rtf", RTF),
    (b"\x89PNG\r\n\x1a\n", FileFormat("png", "is a PNG image, not a Word document")),
    (b"\xff\xd8\xff", FileFormat("jpeg", "is a JPEG image, not a Word document")),
    (b"GIF8", FileFormat("gif", "is a GIF image, not a Word document")),
    (b"Rar!\x1a\x07", FileFormat("rar", "is a RAR archive, not a Word document; unpack it first")),
    (b"7z\xbc\xaf\x27\x1c", FileFormat("7z", "is a 7-Zip archive, not a Word document; unpack it first")),
    (b"\x1f\x8b", FileFormat("gzip", "is a gzip archive, not a Word document; unpack it first")),
    (b"\xdb\xa5\x2d\x00", FileFormat("word2", "is a Word 2.0 document", convertible=True)),
)

# Compound-file streams (lower case) -> what the file is; first match wins.
OLE2_STREAMS: tuple[tuple[frozenset[str], FileFormat], ...] = (
    (frozenset({"encryptioninfo", "encryptedpackage"}), ENCRYPTED),
    (frozenset({"worddocument"}), DOC),
    (frozenset({"workbook"}), FileFormat("xls", "is an Excel 97-2003 workbook (.xls), not a Word report")),
    (frozenset({"book"}), FileFormat("xls", "is an Excel 5.0 workbook (.xls), not a Word report")),
    (frozenset({"powerpoint document"}), FileFormat("ppt", "is a PowerPoint 97-2003 presentation (.ppt), not a Word report")),
    (frozenset({"quill"}), FileFormat("pub", "is a Publisher file, not a Word report")),
    (frozenset({"contents"}), WORKS),
)
OLE2_OTHER = FileFormat("ole2", "is an Office 97-2003 compound file that holds no Word document")
# Kingsoft WPS writes these into the summary information of every file it saves.
KINGSOFT_MARKERS = (b"KSOProductBuildVer", "KSOProductBuildVer".encode("utf-16-le"), b"WPS Office",
                    "WPS Office".encode("utf-16-le"), b"Kingsoft", "Kingsoft".encode("utf-16-le"))
SUMMARY_STREAMS = ("\x05DocumentSummaryInformation", "\x05SummaryInformation")

# OpenDocument zips start with an uncompressed "mimetype" entry (ODF 1.2 Part 3, 3.3).
ODF_MIMETYPES: tuple[tuple[bytes, FileFormat], ...] = (
    (b"application/vnd.oasis.opendocument.text", ODT),
    (b"application/vnd.oasis.opendocument.spreadsheet", FileFormat("ods", "is an OpenDocument spreadsheet (.ods), not a Word report")),
    (b"application/vnd.oasis.opendocument.presentation", FileFormat("odp", "is an OpenDocument presentation (.odp), not a Word report")),
    (b"application/epub+zip", FileFormat("epub", "is an e-book (EPUB), not a Word document")),
)

# The main part's content type (or, lacking one, its folder) -> the Office application; None = Word.
OOXML_APPLICATIONS: tuple[tuple[str, str | None], ...] = (
    ("wordprocessingml", None), ("ms-word", None), ("word/", None),
    ("spreadsheetml", "is an Excel workbook (.xlsx), not a Word report"),
    ("ms-excel", "is an Excel workbook (.xlsm), not a Word report"),
    ("xl/", "is an Excel workbook (.xlsx), not a Word report"),
    ("presentationml", "is a PowerPoint presentation (.pptx), not a Word report"),
    ("ms-powerpoint", "is a PowerPoint presentation (.pptm), not a Word report"),
    ("ppt/", "is a PowerPoint presentation (.pptx), not a Word report"),
    ("visio", "is a Visio drawing, not a Word report"),
)

ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
"""A local file header; an empty archive's end record; a split archive's marker."""
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_START = re.compile(rb"^(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta)\b", re.S)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def sniff(data: bytes, name: str = "") -> FileFormat:
    """What the bytes are; `name` (the file name) only tells a WPS file from a .doc."""
    if not data:
        return EMPTY
    if data.startswith(ZIP_SIGNATURES):
        return _sniff_zip(data)
    if data.startswith(OLE2_SIGNATURE):
        return _sniff_ole2(data, name)
    for magic, fmt in MAGIC:
        if data.startswith(magic):
            return fmt
    return _sniff_text_like(data[:8192])


def require_ooxml(data: bytes, path: str) -> None:
    """Raise the jixiao error that describes `data` unless it is a zip package."""
    fmt = sniff(data, path)
    if fmt is not OOXML:
        raise refusal(fmt, path)


def refusal(fmt: FileFormat, path: str) -> JixiaoError:
    """The error to raise for a file of format `fmt` that jixiao cannot read as it is."""
    if fmt in (ENCRYPTED, ENCRYPTED_DOC):
        return EncryptedDocument(path) if fmt is ENCRYPTED else EncryptedLegacyDocument(path)
    if fmt.kind in ("empty", "ole2_damaged"):
        return DamagedDocument(path, fmt.what)
    if fmt.convertible:
        return LegacyFormat(path, f"{fmt.what}; {CONVERT_ADVICE}", fmt.kind)
    return NotADocxFile(path, f"{fmt.what}; {fmt.advice}")


def check_main_part(path: str, part: str, content_type: str | None) -> None:
    """Refuse an Office Open XML package whose main part is not a Word document (.xlsx, .pptx ...)."""
    for key in ((content_type or "").lower(), part.lower()):
        for marker, problem in OOXML_APPLICATIONS:
            if marker in key:
                if problem is not None:
                    raise NotADocxFile(path, f"{problem}; {NOT_WORD_ADVICE}")
                return
    raise NotADocxFile(path, f"is an Office Open XML package but not a Word document (main part {part}); {NOT_WORD_ADVICE}")


def _sniff_zip(data: bytes) -> FileFormat:
    if data[30:38] == b"mimetype":
        for mimetype, fmt in ODF_MIMETYPES:
            if data[38 : 38 + len(mimetype)] == mimetype:
                return fmt
    return OOXML


def _sniff_ole2(data: bytes, name: str) -> FileFormat:
    try:
        cfb = CompoundFile(data)
        streams = cfb.stream_names
        fmt = next((f for needed, f in OLE2_STREAMS if needed <= streams), OLE2_OTHER)
        if fmt is DOC:
            fib = cfb.read_stream("WordDocument", 12)
            if len(fib) == 12 and fib[11] & 0x01:  # FibBase.fEncrypted ([MS-DOC] 2.5.2)
                return ENCRYPTED_DOC
            if name.lower().endswith(".wps") or _written_by_kingsoft(cfb, streams):
                return WPS
        return fmt
    except CompoundFileError as e:
        return FileFormat("ole2_damaged", f"is a damaged Word 97-2003 / Office compound file ({e}); get the file again")


def _written_by_kingsoft(cfb: CompoundFile, streams: frozenset[str]) -> bool:
    for stream in SUMMARY_STREAMS:
        if stream.lower() in streams:
            raw = cfb.read_stream(stream, 64 * 1024)
            if any(marker in raw for marker in KINGSOFT_MARKERS):
                return True
    return False


def _sniff_text_like(head: bytes) -> FileFormat:
    if b"%PDF-" in head[:1024]:
        return MAGIC[0][1]
    text = head
    for bom in _BOMS:
        if head.startswith(bom):
            codec = "utf-8-sig" if bom == _BOMS[0] else "utf-16"
            text = head.decode(codec, "ignore").encode("utf-8")
            break
    lowered = text.lstrip().lower()
    if lowered.startswith((b"mime-version:", b"content-type: multipart/related")) or (
        b"multipart/related" in lowered[:2048] and b"mime-version" in lowered[:2048]
    ):
        return MHTML
    if _HTML_START.match(lowered) or (lowered.startswith(b"<?xml") and b"<html" in lowered[:4096]):
        return HTML
    if lowered.startswith(b"<"):
        if b"schemas.microsoft.com/office/word/2003/wordml" in lowered:
            return WORD_XML
        if b"schemas.microsoft.com/office/2006/xmlpackage" in lowered:
            return FLAT_OPC
        return XML
    if _looks_like_text(text):
        return TEXT
    return FileFormat("unknown", f"is not a Word .docx file (unrecognised content starting {head[:8].hex(' ')})")


def _looks_like_text(head: bytes) -> bool:
    if _CONTROL.search(head):
        return False
    for codec in ("utf-8", "gb18030"):
        try:
            head.decode(codec)
            return True
        except UnicodeDecodeError as e:
            if e.start >= len(head) - 4:  # a character cut at the end of the sample
                return True
    return False
