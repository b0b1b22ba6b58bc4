"""Write the hostile and broken files jixiao must refuse (or read) cleanly.

Run `python tests/hostile/make_hostile.py OUT_FOLDER`, or call `make_corpus(folder)`.
Every file is built from code here, so nothing hostile is committed to the repository.
The zip bombs are written streaming: memory stays small while they inflate past 1 GB.
"""

from __future__ import annotations

import io
import shutil
import struct
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from compound_writer import compound_file

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
BODY_TEXT = "一、部门总体绩效目标"
NUMBERED_TEXT = "全市产（商）品质量合格率达到92%"
BOMB_BYTES = 1100 * 1024 * 1024
"""What the zip bombs inflate to: past 1 GB."""

CONTENT_TYPES = (
    f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/numbering" Target="numbering.xml"/></Relationships>'
)
STYLES = (
    f'{DECL}<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="Heading1">'
    '<w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>'
)
NUMBERING = (
    f'{DECL}<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
    '<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)
BODY = (
    f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{BODY_TEXT}</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    f'<w:r><w:t>{NUMBERED_TEXT}</w:t></w:r></w:p>'
)


def document_xml(body: str = BODY, doctype: str = "") -> str:
    return f'{DECL}{doctype}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def docx(parts: dict[str, str | bytes] | None = None, *, drop: tuple[str, ...] = ()) -> bytes:
    """A small, valid .docx (document, styles, numbering), with `parts` replaced and `drop` left out."""
    all_parts: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS, "word/document.xml": document_xml(),
        "word/styles.xml": STYLES, "word/numbering.xml": NUMBERING,
    }
    all_parts.update(parts or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in all_parts.items():
            if name not in drop:
                z.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buf.getvalue()


def _fib(encrypted: bool = False) -> bytes:
    """The start of a Word 97 WordDocument stream: FibBase with wIdent 0xA5EC, nFib 0x00C1 ([MS-DOC] 2.5.2)."""
    flags = 0x0100 if encrypted else 0
    return struct.pack("<HHHHHH", 0xA5EC, 0x00C1, 0, 0x0804, 0, flags) + b"\x00" * 5000


def legacy_doc(encrypted: bool = False) -> bytes:
    return compound_file({"WordDocument": _fib(encrypted), "1Table": b"\x00" * 600, "Data": b""})


def kingsoft_wps() -> bytes:
    summary = b"\xfe\xff\x00\x00" + b"\x00" * 40 + "KSOProductBuildVer".encode("utf-16-le") + "2052-11.1.0".encode("utf-16-le")
    return compound_file({"WordDocument": _fib(), "1Table": b"\x00" * 600, "\x05DocumentSummaryInformation": summary})


def encrypted_docx() -> bytes:
    """What Word writes for a password-protected .docx: a compound file, not a zip ([MS-OFFCRYPTO] 2.3.4)."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<?xml version=\"1.0\"?><encryption/>"
    package = struct.pack("<Q", 36822) + bytes(range(256)) * 40
    return compound_file({"EncryptionInfo": info, "EncryptedPackage": package, "\x06DataSpaces": b""})


def zip_bomb(folder: Path, name: str) -> Path:
    """A .docx whose document.xml inflates to BOMB_BYTES of spaces, written without holding them."""
    path = folder / name
    head, tail = document_xml("<w:p><w:r><w:t>").encode(), b"</w:t></w:r></w:p></w:body></w:document>"
    head = head.replace(b"</w:body></w:document>", b"")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for part, content in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS)):
            z.writestr(part, content)
        with z.open("word/document.xml", "w") as f:
            f.write(head)
            chunk = b" " * (1 << 20)
            for _ in range((BOMB_BYTES - len(head) - len(tail)) // len(chunk)):
                f.write(chunk)
            f.write(tail)
    return path


def _patch_sizes(path: Path, member: str, size: int) -> None:
    """Make the local header and central directory of `member` claim `size` uncompressed bytes."""
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(member).header_offset + 22, size)
    eocd = data.rfind(b"PK\x05\x06")
    pos = struct.unpack_from("<I", data, eocd + 16)[0]
    while data[pos : pos + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        if data[pos + 46 : pos + 46 + name_len] == member.encode():
            struct.pack_into("<I", data, pos + 24, size)
        pos += 46 + name_len + extra_len + comment_len
    path.write_bytes(bytes(data))


def element_bomb(paragraphs: int = 720_000) -> bytes:
    """Dense XML that compresses only ~10x, so no ratio check stops it: 2 million elements from 2 MB."""
    body = "".join([f"<w:p><w:r><w:t>{i * 7919 % 1_000_003}</w:t></w:r></w:p>" for i in range(paragraphs)])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, content in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS),
                              ("word/document.xml", document_xml(body))):
            z.writestr(name, content)
    return buf.getvalue()


def many_entries(count: int = 10_050) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/document.xml", document_xml())
        for i in range(count):
            z.writestr(f"word/media/e{i}.bin", b"")
    return buf.getvalue()


def billion_laughs() -> str:
    """Nine entities, each ten of the one before: a billion "lol"s from a few hundred bytes."""
    entities = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return document_xml("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", f"<!DOCTYPE lolz [{entities}]>")


XXE_DOCTYPE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XXE_PARAMETER = '<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>'
XXE_BODY = "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>"


def xxe_styles() -> str:
    return f'{DECL}{XXE_DOCTYPE}<w:styles xmlns:w="{W_NS}"><w:style w:styleId="&xxe;"/></w:styles>'


def html_doc() -> bytes:
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
        f'<head><meta charset="utf-8"><title>绩效目标</title></head><body><p>{BODY_TEXT}</p></body></html>'
    ).encode("utf-8")


def mhtml_doc() -> bytes:
    return (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D7"\r\n\r\n'
        '------=_NextPart_01D7\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n<html><body>x</body></html>\r\n'
    ).encode("ascii")


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def xlsx() -> bytes:
    from openpyxl import Workbook

    buf = io.BytesIO()
    Workbook().save(buf)
    return buf.getvalue()


def deep_nesting(depth: int = 20_000) -> str:
    return document_xml("<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth)


# File name -> its bytes (str is UTF-8 encoded), or a writer for the big ones. The extension is
# the one a clerk would see; the content is what the name says.
CORPUS: dict[str, Callable[[], bytes | str]] = {
    "empty.docx": lambda: b"",
    "pdf_renamed.docx": pdf,
    "rtf_renamed.docx": lambda: rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 SimSun;}} \f0 budget report\par}",
    "text_renamed.docx": lambda: f"{BODY_TEXT}\n{NUMBERED_TEXT}\n",
    "truncated.docx": lambda: _truncated(docx()),
    "no_document.docx": lambda: docx(drop=("word/document.xml",)),
    "plain_zip.docx": lambda: _plain_zip(),
    "xlsx_renamed.docx": xlsx,
    "encrypted.docx": encrypted_docx,
    "encrypted_legacy.doc": lambda: legacy_doc(encrypted=True),
    "legacy_doc_renamed.docx": legacy_doc,
    "kingsoft.wps": kingsoft_wps,
    "html_saved_as.doc": html_doc,
    "mhtml_saved_as.doc": mhtml_doc,
    "too_many_entries.docx": many_entries,
    "element_bomb.docx": element_bomb,
    "billion_laughs.docx": lambda: docx({"word/document.xml": billion_laughs()}),
    "xxe.docx": lambda: docx({"word/document.xml": document_xml(XXE_BODY, XXE_DOCTYPE)}),
    "xxe_parameter_entity.docx": lambda: docx({"word/document.xml": document_xml(XXE_BODY, XXE_PARAMETER)}),
    "xxe_after_long_comment.docx": lambda: docx(
        {"word/document.xml": DECL + "<!--" + "x" * 100_000 + "-->" + document_xml(XXE_BODY, XXE_DOCTYPE)[len(DECL):]}
    ),
    "malformed_xml.docx": lambda: docx({"word/document.xml": document_xml().replace("</w:body>", "")}),
    "not_xml.docx": lambda: docx({"word/document.xml": b"\x00\x01binary garbage\xff"}),
    "deep_nesting.docx": lambda: docx({"word/document.xml": deep_nesting()}),
    # These three must still be read, with a warning.
    "missing_numbering.docx": lambda: docx(drop=("word/numbering.xml",)),
    "missing_styles.docx": lambda: docx(drop=("word/styles.xml",)),
    "broken_numbering.docx": lambda: docx({"word/numbering.xml": NUMBERING[:-20]}),
    "broken_styles.docx": lambda: docx({"word/styles.xml": "<w:styles><oops"}),
    "xxe_in_styles.docx": lambda: docx({"word/styles.xml": xxe_styles()}),
}
BOMBS = ("zip_bomb.docx", "lying_header.docx")
STILL_READ = ("missing_numbering.docx", "missing_styles.docx", "broken_numbering.docx", "broken_styles.docx",
              "xxe_in_styles.docx")
"""Files whose body is fine: they must be read, with a warning, not refused."""


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _plain_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photos/readme.txt", "not a report")
    return buf.getvalue()


def make_corpus(folder: str | Path) -> dict[str, Path]:
    """Write every hostile file into `folder`; file name -> path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for name, build in CORPUS.items():
        content = build()
        out[name] = folder / name
        out[name].write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    out["zip_bomb.docx"] = zip_bomb(folder, "zip_bomb.docx")
    out["lying_header.docx"] = folder / "lying_header.docx"
    shutil.copyfile(out["zip_bomb.docx"], out["lying_header.docx"])
    _patch_sizes(out["lying_header.docx"], "word/document.xml", 4096)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_hostile.py OUT_FOLDER")
    for name, path in make_corpus(sys.argv[1]).items():
        print(f"{path.stat().st_size:>10}  {path}")
