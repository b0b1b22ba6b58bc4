"""The real format of a file comes from its bytes: every refusal names the format and what to do."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from compound_writer import compound_file
from jixiao.extract.exceptions import (
    DamagedDocument,
    EncryptedDocument,
    EncryptedLegacyDocument,
    LegacyFormat,
    NotADocxFile,
    ResourceLimitExceeded,
)
from jixiao.extract.ooxml.compound_file import CompoundFile, CompoundFileError
from jixiao.extract.ooxml.file_format import sniff
from jixiao.extract.ooxml.package import open_package
from make_hostile import docx, document_xml, kingsoft_wps, legacy_doc

# File of the corpus -> (error class, words its one line must hold).
REFUSED = [
    ("empty.docx", DamagedDocument, "is empty (0 bytes)"),
    ("pdf_renamed.docx", NotADocxFile, "is a PDF file"),
    ("rtf_renamed.docx", LegacyFormat, "Rich Text Format"),
    ("text_renamed.docx", NotADocxFile, "plain text"),
    ("truncated.docx", DamagedDocument, "truncated"),
    ("no_document.docx", DamagedDocument, "word/document.xml is missing"),
    ("plain_zip.docx", NotADocxFile, "zip file but not a Word document"),
    ("xlsx_renamed.docx", NotADocxFile, "Excel workbook"),
    ("encrypted.docx", EncryptedDocument, "password-protected"),
    ("encrypted_legacy.doc", EncryptedLegacyDocument, "password-protected Word 97-2003 .doc"),
    ("legacy_doc_renamed.docx", LegacyFormat, "legacy Word 97-2003 .doc; save it as .docx or pass --convert"),
    ("kingsoft.wps", LegacyFormat, "WPS Office"),
    ("html_saved_as.doc", LegacyFormat, "web page (HTML)"),
    ("mhtml_saved_as.doc", NotADocxFile, "MHTML"),
    ("too_many_entries.docx", ResourceLimitExceeded, "zip entries"),
    ("zip_bomb.docx", ResourceLimitExceeded, "zip bomb"),
]


@pytest.mark.parametrize(("name", "error", "words"), REFUSED)
def test_open_package_refuses_with_one_clear_line(corpus: dict[str, Path], name, error, words) -> None:
    path = str(corpus[name])
    with pytest.raises(error) as info:
        open_package(corpus[name].read_bytes(), path)
    assert words in str(info.value)
    assert str(info.value).startswith(f"{path}: ")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\xef\xbb\xbf<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("<html><body>绩效</body></html>".encode("utf-16"), "html"),
        (b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
         b'<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>', "xml"),
        (b'<?xml version="1.0"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"/>', "flat_opc"),
        (b"<?xml version='1.0'?><data/>", "xml_other"),
        ("部门总体绩效目标".encode("gb18030"), "text"),
        (b"junk before %PDF-1.7 header", "pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "png"),
        (b"\x00\x01\x02\x03binary", "unknown"),
        (compound_file({"Workbook": b"x" * 10}), "xls"),
        (compound_file({"PowerPoint Document": b"x" * 10}), "ppt"),
        (compound_file({"CONTENTS": b"x" * 10}), "works"),
        (compound_file({"Something": b"x"}), "ole2"),
        (compound_file({"WordDocument": b"x"})[:600], "ole2_damaged"),
    ],
)
def test_sniff_tells_the_format_from_the_bytes(data: bytes, kind: str) -> None:
    assert sniff(data, "report.docx").kind == kind


def test_a_word_binary_named_wps_is_a_wps_file() -> None:
    assert sniff(legacy_doc(), "报告.WPS").kind == "wps"
    assert sniff(legacy_doc(), "报告.doc").kind == "doc"
    assert sniff(kingsoft_wps(), "报告.doc").kind == "wps"  # Kingsoft's own mark, whatever the name


@pytest.mark.parametrize(
    "content_type",
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",  # .docx
        "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    ],
)
def test_docm_and_dotx_are_read_like_docx(content_type: str) -> None:
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{content_type}"/></Types>'
    )
    pkg = open_package(docx({"[Content_Types].xml": types}), "report.docm")
    assert pkg.document_part == "word/document.xml"
    assert pkg.styles_part == "word/styles.xml" and pkg.numbering_part == "word/numbering.xml"


def test_strict_ooxml_is_accepted() -> None:
    strict_w = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" '
        'Target="/word/document.xml"/></Relationships>'
    )
    body = document_xml().replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict_w)
    pkg = open_package(docx({"_rels/.rels": rels, "word/document.xml": body}), "strict.docx")
    root = pkg.parse(pkg.document_part)
    assert root.tag == f"{{{strict_w}}}document"
    assert "一、部门总体绩效目标" in "".join(root.itertext())


def test_compound_file_reader_refuses_loops_and_short_files() -> None:
    data = bytearray(compound_file({"WordDocument": b"w" * 5000}))
    with pytest.raises(CompoundFileError):
        CompoundFile(bytes(data[:511]))
    fat_start = 512
    data[fat_start + 4 * 1 : fat_start + 4 * 2] = (1).to_bytes(4, "little")  # directory sector points at itself
    with pytest.raises(CompoundFileError, match="loops"):
        CompoundFile(bytes(data))


def test_real_word_97_file_written_by_libreoffice_is_a_legacy_doc(tmp_path: Path, soffice: str) -> None:
    source = tmp_path / "report.docx"
    source.write_bytes(docx())
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    data = (tmp_path / "report.doc").read_bytes()
    assert sniff(data, "report.docx").kind == "doc"
    assert "worddocument" in CompoundFile(data).stream_names


def test_real_password_protected_docx_is_refused_as_encrypted() -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml", reason="msoffcrypto-tool (a test dependency) is missing")
    encrypted = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(docx())).encrypt("secret", encrypted)
    with pytest.raises(EncryptedDocument, match="remove the password"):
        open_package(encrypted.getvalue(), "secret.docx")
