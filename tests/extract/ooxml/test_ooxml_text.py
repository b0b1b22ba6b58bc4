"""Paragraph text as Word shows it: runs joined through wrappers, fields, tracked changes and controls."""

from __future__ import annotations

import pytest

from jixiao.extract.model import Paragraph, Table
from tests.docx_builder import p, r, tbl, tc

# An empty hidden run: changes no text, but makes the block take the full walk instead of the plain fast path.
FULL_WALK = "<w:r><w:rPr><w:vanish/></w:rPr></w:r>"


def field(instruction: str, result: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">{instruction}'
            f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{result}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


RUNS = [
    ("runs are joined", r("绩效") + r("目标"), "绩效目标"),
    ("proofErr between runs", r("食品") + '<w:proofErr w:type="spellStart"/>' + r("安全") + '<w:proofErr w:type="spellEnd"/>', "食品安全"),
    ("bookmarks", '<w:bookmarkStart w:id="0" w:name="_Toc1"/>' + r("目标") + '<w:bookmarkEnd w:id="0"/>', "目标"),
    ("smart tag", r("日期：") + f'<w:smartTag w:uri="urn:x" w:element="date">{r("2021年")}</w:smartTag>', "日期：2021年"),
    ("hyperlink", r("见") + f'<w:hyperlink r:id="rId9">{r("附件")}</w:hyperlink>', "见附件"),
    ("custom xml", f'<w:customXml w:element="budget">{r("1080万元")}</w:customXml>', "1080万元"),
    ("simple field result", r("第") + f'<w:fldSimple w:instr=" PAGE ">{r("3")}</w:fldSimple>' + r("页"), "第3页"),
    ("complex field keeps its result", r("见") + field(' REF _Ref1 \\h ', r("表1")) + r("。"), "见表1。"),
    ("field instruction over several runs", field(" HYPER", "") + r("x"), "x"),
    ("nested field in an instruction", field(" IF " + field(" PAGE ", r("1")) + ' = 1 "a" "b" ', r("a")), "a"),
    ("run-level content control", f"<w:sdt><w:sdtPr/><w:sdtContent>{r('唐山市')}</w:sdtContent></w:sdt>" + r("市场监督管理局"), "唐山市市场监督管理局"),
    ("content control showing its placeholder", r("单位：") + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
     f"<w:sdtContent>{r('单击此处输入文字。')}</w:sdtContent></w:sdt>", "单位："),
    ("tracked insertion kept", r("合格率") + f'<w:ins w:id="1" w:author="a">{r("达到")}</w:ins>' + r("92%"), "合格率达到92%"),
    ("tracked deletion dropped", r("合格率") + '<w:del w:id="2" w:author="a"><w:r><w:delText>约</w:delText></w:r></w:del>' + r("92%"), "合格率92%"),
    ("moved-from text dropped, moved-to kept", f'<w:moveFrom w:id="3" w:author="a">{r("旧")}</w:moveFrom>'
     f'<w:moveTo w:id="4" w:author="a">{r("新")}</w:moveTo>', "新"),
    ("tab", r("指标") + "<w:r><w:tab/></w:r>" + r("值"), "指标\t值"),
    ("line break and carriage return", r("一行") + "<w:r><w:br/></w:r>" + r("二行") + "<w:r><w:cr/></w:r>" + r("三行"), "一行\n二行\n三行"),
    ("internal whitespace kept, ends trimmed", r("\u3000\u3000 全市  合格率\u00a0") + r("\u00a0\u3000"), "全市  合格率"),
    ("no-break and soft hyphens", r("2021") + "<w:r><w:noBreakHyphen/></w:r>" + r("2022") + "<w:r><w:softHyphen/></w:r>" + r("年"), "2021-2022年"),
    ("symbol", r("温度") + '<w:r><w:sym w:font="Symbol" w:char="2265"/></w:r>' + r("5"), "温度≥5"),
    ("hidden run dropped", r("可见") + r("隐藏", rpr="<w:vanish/>") + r("文字"), "可见文字"),
    ("vanish switched off is visible", r("可见", rpr='<w:vanish w:val="0"/>'), "可见"),
    ("ruby keeps its base text", "<w:r><w:ruby><w:rubyPr/><w:rt>" + r("jī") + "</w:rt><w:rubyBase>" + r("绩") + "</w:rubyBase></w:ruby></w:r>", "绩"),
    ("math text", r("x") + '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>≥1</m:t></m:r></m:oMath>', "x≥1"),
]


@pytest.mark.parametrize("full_walk", [False, True], ids=["plain", "full-walk"])
@pytest.mark.parametrize(("case", "runs", "expected"), RUNS, ids=[row[0] for row in RUNS])
def test_paragraph_text_is_what_word_shows(read, case, runs, expected, full_walk) -> None:
    body = read(p(runs=runs + (FULL_WALK if full_walk else "")))
    assert [b.text for b in body.blocks] == [expected]


def test_text_in_table_cells_is_read_the_same_way(read) -> None:
    runs = r("合格率") + '<w:del w:id="2" w:author="a"><w:r><w:delText>约</w:delText></w:r></w:del>' + field(" REF x ", r("92%"))
    table = read(tbl([[tc(content=p(runs=runs))]])).blocks[0]
    assert isinstance(table, Table) and table.grid[0][0].text == "合格率92%"


def test_block_level_content_controls_give_their_paragraphs_and_tables_as_body_blocks(read) -> None:
    body = read(p("前") + f"<w:sdt><w:sdtPr/><w:sdtContent>{p('控件内')}{tbl([['表']])}</w:sdtContent></w:sdt>" + p("后"))
    assert [type(b).__name__ for b in body.blocks] == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    assert [b.text for b in body.blocks if isinstance(b, Paragraph)] == ["前", "控件内", "后"]


def test_a_block_level_placeholder_control_is_not_body_text(read) -> None:
    placeholder = f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{p('单击此处输入文字。')}</w:sdtContent></w:sdt>"
    assert [b.text for b in read(p("a") + placeholder).blocks] == ["a"]


def test_block_level_custom_xml_and_insertions_are_transparent(read) -> None:
    body = read(f'<w:customXml w:element="x">{p("一")}</w:customXml><w:ins w:id="1" w:author="a">{p("二")}</w:ins>')
    assert [b.text for b in body.blocks] == ["一", "二"]


def _text_box(text: str) -> str:
    """A Word 2010 text box: DrawingML in mc:Choice, the same box as VML in mc:Fallback."""
    content = f"<w:txbxContent>{p(text)}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_text_box_is_read_once_right_after_its_anchor_paragraph(read) -> None:
    body = read(p(runs=r("锚点") + _text_box("文本框内容")) + p("下一段"))
    assert [b.text for b in body.blocks] == ["锚点", "文本框内容", "下一段"]


def test_a_vml_text_box_is_read(read) -> None:
    vml = f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{p('VML框')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    assert [b.text for b in read(p(runs=r("a") + vml)).blocks] == ["a", "VML框"]


def test_a_table_inside_a_text_box_becomes_a_body_table(read) -> None:
    box = f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{tbl([['框中表']])}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    body = read(p(runs=r("a") + box) + tbl([["后表"]]))
    assert [b.index for b in body.blocks if isinstance(b, Table)] == [0, 1]
    assert body.blocks[1].grid[0][0].text == "框中表"


def test_a_text_box_inside_a_cell_stays_in_the_cell(read) -> None:
    table = read(tbl([[tc(content=p(runs=r("格") + _text_box("框")))]])).blocks[0]
    assert [q.text for q in table.grid[0][0].paragraphs] == ["格", "框"]
