"""The reader as a whole: reading order, Strict OOXML, broken and hostile parts, streaming, linear work."""

from __future__ import annotations

import pytest

from jixiao.extract.exceptions import DamagedDocument, ResourceLimitExceeded
from jixiao.extract.limits import Limits
from jixiao.extract.model import Paragraph, Table, Warning
from jixiao.extract.ooxml.reader import read_docx, read_docx_with_stats
from tests.docx_builder import abstract_num, build_docx, num, p, r, style, tbl, tc

NUMBERING = abstract_num(0, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")]) + num(1, 0)
STYLES = style("Normal", "Normal", default=True) + style("Heading1", "heading 1", num=(1, 0), outline=0)


def test_paragraphs_and_tables_come_in_reading_order(read) -> None:
    body = read(p("前言") + tbl([["a"]]) + p("中间") + tbl([["b"]]) + p("结尾"))
    assert [b.text if isinstance(b, Paragraph) else f"table {b.index}" for b in body.blocks] == [
        "前言", "table 0", "中间", "table 1", "结尾"]


def test_empty_paragraphs_are_kept_as_empty_blocks(read) -> None:
    assert read(p("a") + p("") + p("b")).blocks == (Paragraph("a"), Paragraph(""), Paragraph("b"))


def test_strict_ooxml_reads_like_transitional(read) -> None:
    body_xml = (p("目标", style="Heading1") + p("说明", num=(1, 1)) + p(runs=r("可见") + r("隐藏", rpr="<w:vanish/>"))
                + tbl([[tc("合并", span=2)], [tc("上", vmerge="restart"), "x"], [tc("", vmerge=True), "y"]]))
    transitional = read(body_xml, NUMBERING, STYLES)
    strict = read(body_xml, NUMBERING, STYLES, strict=True)
    assert strict == transitional
    assert [b.number for b in strict.blocks if isinstance(b, Paragraph)] == ["一、", "（一）", None]


def test_a_malformed_document_part_is_a_damaged_document_naming_the_line() -> None:
    broken = build_docx("", extra_parts={"word/document.xml": '<?xml version="1.0"?>\n<w:document xmlns:w="x">\n<w:body>\n<w:p></w:body>'})
    with pytest.raises(DamagedDocument) as caught:
        read_docx(broken, "broken.docx")
    assert str(caught.value) == "broken.docx: word/document.xml is not well-formed XML (line 4)"


def test_a_document_part_without_a_body_is_damaged() -> None:
    no_body = build_docx("", extra_parts={"word/document.xml": '<w:document xmlns:w="x"/>'})
    with pytest.raises(DamagedDocument, match="no document body"):
        read_docx(no_body, "nobody.docx")


@pytest.mark.parametrize("depth", [40, 300])
def test_xml_nested_deeper_than_the_limit_is_refused(depth: int) -> None:
    deep = build_docx("<w:sdt><w:sdtContent>" * depth + p("x") + "</w:sdtContent></w:sdt>" * depth)
    with pytest.raises(ResourceLimitExceeded, match="deep.docx"):
        read_docx(deep, "deep.docx", Limits(max_xml_depth=32))


@pytest.mark.parametrize(("hyperlinks", "refused"), [(27, False), (28, True)])
def test_the_depth_limit_counts_every_level_from_the_document_element(hyperlinks: int, refused: bool) -> None:
    # w:document 1, w:body 2, w:p 3, hyperlinks 4.., then w:r and w:t: 5 + hyperlinks levels in all
    runs = "<w:hyperlink>" * hyperlinks + r("深") + "</w:hyperlink>" * hyperlinks
    data = build_docx(p(runs=runs))
    if refused:
        with pytest.raises(ResourceLimitExceeded, match="deeper than 32 levels"):
            read_docx(data, "deep.docx", Limits(max_xml_depth=32))
    else:
        assert read_docx(data, "deep.docx", Limits(max_xml_depth=32)).blocks == (Paragraph("深"),)


def test_nesting_within_the_limit_is_read() -> None:
    nested = build_docx("<w:sdt><w:sdtContent>" * 10 + p("x") + "</w:sdtContent></w:sdt>" * 10)
    assert read_docx(nested, "nested.docx", Limits(max_xml_depth=64)).blocks == (Paragraph("x"),)


def test_an_unrecognised_block_element_is_ignored_with_one_warning(read) -> None:
    body = read(p("a") + '<w:futureBlock/>' + p("b") + '<w:futureBlock/>')
    assert [b.text for b in body.blocks] == ["a", "b"]
    assert body.warnings == (Warning("element_ignored", "an unrecognised block element <futureBlock> was ignored"),)


def test_known_markers_and_section_properties_are_ignored_silently(read) -> None:
    body = read('<w:bookmarkStart w:id="0" w:name="x"/>' + p("a") + '<w:bookmarkEnd w:id="0"/><w:proofErr/>'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    assert (body.blocks, body.warnings) == ((Paragraph("a"),), ())


def test_imported_alt_chunk_content_is_reported(read) -> None:
    body = read(p("a") + '<w:altChunk r:id="rId5"/>')
    assert [w.code for w in body.warnings] == ["element_ignored"]
    assert "altChunk" in body.warnings[0].message


def test_a_document_much_longer_than_one_parse_chunk_streams_in_order() -> None:
    count = 6000  # about 700 KB of XML: many chunks, each block read once and freed
    data = build_docx("".join(p(f"段落{i}") if i % 50 else tbl([[f"表{i}"]]) for i in range(count)))
    body, stats = read_docx_with_stats(data, "long.docx")
    assert len(body.blocks) == stats.top_level_blocks == count
    assert body.blocks[1] == Paragraph("段落1") and body.blocks[count - 1] == Paragraph(f"段落{count - 1}")
    assert [b.index for b in body.blocks if isinstance(b, Table)] == list(range(count // 50))
    assert body.blocks[50].grid[0][0].text == "表50"


def test_blocks_are_freed_as_they_are_read_so_memory_stays_flat() -> None:
    def peak(paragraphs: int) -> int:
        data = build_docx("".join(p(f"段落{i}") for i in range(paragraphs)))
        return read_docx_with_stats(data, "flat.docx")[1].peak_body_children

    assert peak(20_000) == peak(5_000) < 5_000


@pytest.mark.parametrize("full_walk", [False, True], ids=["plain", "full-walk"])
def test_work_grows_linearly_with_table_rows(full_walk: bool) -> None:
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr></w:r>" if full_walk else ""

    def visits(rows: int) -> int:
        cells = [[tc("类", vmerge="restart" if i % 4 == 0 else "continue"), tc(content=p(runs=r(f"v{i}") + hidden)), "x"]
                 for i in range(rows)]
        return read_docx_with_stats(build_docx(tbl(cells, grid=3)), "rows.docx")[1].elements_visited

    small, double, quadruple = visits(200), visits(400), visits(800)
    per_row = (double - small) / 200
    assert (quadruple - double) / 400 == pytest.approx(per_row, rel=0.01)  # the 400 rows added cost 2x the 200 before
    assert small == pytest.approx(200 * per_row, rel=0.05)
