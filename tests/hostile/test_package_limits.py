"""Opening a package under limits: sizes, ratio, entries, XML depth, time, and no entity ever resolved."""

from __future__ import annotations

import dataclasses
import io
import os
import struct
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from jixiao.extract.exceptions import (
    DamagedDocument,
    FileMissing,
    NotADocxFile,
    NotAFile,
    ResourceLimitExceeded,
)
from jixiao.extract.limits import DEFAULT_LIMITS, MiB, Limits
from jixiao.extract.ooxml.package import open_package, read_file_bytes, xml_parser
from make_hostile import (
    BODY_TEXT,
    XXE_BODY,
    XXE_DOCTYPE,
    billion_laughs,
    deep_nesting,
    docx,
    document_xml,
)

PASSWD = Path("/etc/passwd").read_text(errors="replace") if Path("/etc/passwd").exists() else "root:x:0:0"


def limits(**changes) -> Limits:
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


def big_body(paragraphs: int) -> str:
    """A document.xml of about 60 bytes per paragraph, compressing like real XML (not 1000x)."""
    return document_xml("".join(f"<w:p><w:r><w:t>第{i}段 {i * 7919 % 100003}</w:t></w:r></w:p>" for i in range(paragraphs)))


def test_a_part_over_the_part_limit_is_refused_before_it_is_inflated() -> None:
    pkg = open_package(docx({"word/document.xml": big_body(40_000)}), "big.docx", limits(max_part_bytes=1 * MiB))
    with pytest.raises(ResourceLimitExceeded, match="larger than the limit of 1 MiB"):
        pkg.open(pkg.document_part)


def test_the_entries_declared_sizes_are_checked_when_the_package_opens() -> None:
    data = docx({"word/document.xml": big_body(40_000)})
    with pytest.raises(ResourceLimitExceeded, match="would inflate to"):
        open_package(data, "big.docx", limits(max_total_uncompressed=1 * MiB))


def test_a_header_that_understates_a_part_gains_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """zipfile trusts the declared size; the stream counts the bytes it really hands out."""
    pkg = open_package(docx(), "liar.docx", limits(max_part_bytes=2 * MiB, max_ratio=1e9))
    real = document_xml("<w:p/>" * (1 * MiB))  # 6 MiB, while the header says ~1 KiB
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info, *a, **k: io.BytesIO(real.encode()))
    with pytest.raises(ResourceLimitExceeded, match="larger than the limit of 2 MiB"):
        pkg.read(pkg.document_part)


def test_the_ratio_is_checked_on_the_bytes_really_inflated(monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = open_package(docx(), "liar.docx")
    real = document_xml(" " * (3 * MiB))
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info, *a, **k: io.BytesIO(real.encode()))
    with pytest.raises(ResourceLimitExceeded, match="looks like a zip bomb"):
        pkg.read(pkg.document_part)


def test_the_total_of_the_bytes_read_is_limited() -> None:
    data = docx({"word/document.xml": big_body(12_000)})
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    pkg = open_package(data, "twice.docx", limits(max_total_uncompressed=size * 3 // 2))
    pkg.read(pkg.document_part)
    with pytest.raises(ResourceLimitExceeded):
        pkg.read(pkg.document_part)


def test_dense_xml_under_the_ratio_limit_is_bounded_by_its_element_count() -> None:
    pkg = open_package(docx({"word/document.xml": big_body(2_000)}), "dense.docx", limits(max_xml_elements=5_000))
    with pytest.raises(ResourceLimitExceeded, match="more than 5,000 XML elements"):
        pkg.read(pkg.document_part)


def test_a_big_xml_part_is_checked_before_the_reader_gets_a_byte() -> None:
    data = docx({"word/document.xml": big_body(100_000)})
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size > 4 * MiB
    pkg = open_package(data, "dense.docx", limits(max_xml_elements=250_000))
    with pytest.raises(ResourceLimitExceeded, match="XML elements"):
        pkg.open(pkg.document_part)  # refused on open, not while the reader is half-way through


def test_too_many_zip_entries_are_refused() -> None:
    parts = {f"word/media/{i}.png": b"" for i in range(10)}
    with pytest.raises(ResourceLimitExceeded, match="16 zip entries \\(limit 12\\)"):
        open_package(docx(parts), "many.docx", limits(max_entries=12))


@pytest.mark.parametrize(("depth", "limit"), [(300, 256), (40, 32)])
def test_xml_deeper_than_the_limit_is_refused(depth: int, limit: int) -> None:
    pkg = open_package(docx({"word/document.xml": deep_nesting(depth)}), "deep.docx", limits(max_xml_depth=limit))
    with pytest.raises(ResourceLimitExceeded, match=f"deeper than {limit} levels"):
        pkg.parse(pkg.document_part)


def test_xml_within_the_depth_limit_is_read() -> None:
    pkg = open_package(docx({"word/document.xml": deep_nesting(20)}), "deep.docx", limits(max_xml_depth=64))
    assert pkg.parse(pkg.document_part).tag.endswith("document")


def test_the_deadline_stops_a_slow_document() -> None:
    pkg = open_package(docx(), "slow.docx", limits(seconds_per_document=0.01))
    time.sleep(0.05)  # stands for a reader stuck on this document
    with pytest.raises(ResourceLimitExceeded, match="took longer than 0.01 s"):
        pkg.read(pkg.document_part)
    with pytest.raises(ResourceLimitExceeded):
        pkg.check_deadline()


@pytest.mark.parametrize(
    "xml",
    [
        billion_laughs(),
        document_xml(XXE_BODY, XXE_DOCTYPE),
        document_xml(XXE_BODY, XXE_DOCTYPE).encode("utf-16"),
        document_xml(XXE_BODY, "<!-- a comment first -->" + XXE_DOCTYPE),
    ],
    ids=["billion-laughs", "xxe", "xxe-utf16", "xxe-after-comment"],
)
def test_a_part_declaring_a_dtd_is_refused(xml: str | bytes) -> None:
    pkg = open_package(docx({"word/document.xml": xml}), "dtd.docx")
    with pytest.raises(DamagedDocument, match="declares a DTD/entities"):
        pkg.read(pkg.document_part)


@pytest.mark.parametrize("xml", [billion_laughs(), document_xml(XXE_BODY, XXE_DOCTYPE)], ids=["billion-laughs", "xxe"])
def test_the_parser_itself_never_expands_entities(xml: str) -> None:
    """The second lock: even without the prolog check, lxml with xml_parser() expands nothing."""
    try:
        root = etree.fromstring(xml.encode(), xml_parser())
    except etree.XMLSyntaxError:
        return
    text = "".join(root.itertext())
    assert "lollollol" not in text
    assert not any(line and line in text for line in PASSWD.splitlines())


def test_a_utf8_bom_and_a_leading_comment_are_fine() -> None:
    xml = b"\xef\xbb\xbf" + document_xml().replace("?>\n", "?>\n<!-- written by WPS -->\n").encode()
    pkg = open_package(docx({"word/document.xml": xml}), "bom.docx")
    assert BODY_TEXT in "".join(pkg.parse(pkg.document_part).itertext())


def test_malformed_xml_is_a_damaged_document() -> None:
    pkg = open_package(docx({"word/document.xml": document_xml().replace("</w:body>", "")}), "bad.docx")
    with pytest.raises(DamagedDocument, match="not well-formed XML"):
        list(pkg.iterparse(pkg.document_part))


def test_broken_relationships_fall_back_on_the_usual_part_names() -> None:
    pkg = open_package(docx({"_rels/.rels": "<Relationships", "word/_rels/document.xml.rels": "garbage"}), "r.docx")
    assert (pkg.document_part, pkg.styles_part, pkg.numbering_part) == (
        "word/document.xml", "word/styles.xml", "word/numbering.xml",
    )


def test_a_zip_level_password_is_named() -> None:
    data = bytearray(docx())
    eocd = data.rfind(b"PK\x05\x06")
    pos = struct.unpack_from("<I", data, eocd + 16)[0]
    while data[pos : pos + 4] == b"PK\x01\x02":
        data[pos + 8] |= 0x01  # general purpose flag bit 0: encrypted entry
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        pos += 46 + name_len + extra_len + comment_len
    with pytest.raises(NotADocxFile, match="password-protected zip"):
        open_package(bytes(data), "zipcrypto.docx")


def test_read_file_bytes_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(FileMissing, match="no such file"):
        read_file_bytes(tmp_path / "missing.docx")
    with pytest.raises(NotAFile, match="is a folder"):
        read_file_bytes(tmp_path)
    if os.path.exists("/dev/zero"):
        with pytest.raises(NotAFile, match="not a regular file"):
            read_file_bytes("/dev/zero")
    big = tmp_path / "big.docx"
    big.write_bytes(b"PK" + b"\x00" * 100)
    with pytest.raises(ResourceLimitExceeded, match="limit"):
        read_file_bytes(big, limits(max_file_bytes=50))
    assert read_file_bytes(big) == big.read_bytes()


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_ratio"):
        limits(max_ratio=0)
