"""What is not body text stays out: tables of contents, headers, footers, comments, notes, section properties."""

from __future__ import annotations

from tests.docx_builder import p, r, style

TOC_BEGIN = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
TOC_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def toc_entry(text: str, page: int) -> str:
    """A TOC line as Word writes it: a hyperlink with the heading and a PAGEREF field."""
    return (f'<w:hyperlink w:anchor="_Toc{page}">{r(text)}<w:r><w:tab/></w:r>'
            f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc{page} \\h </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{r(str(page))}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            "</w:hyperlink>")


def test_the_entries_of_a_toc_field_are_not_body_text(read) -> None:
    body = read(
        p("目录")
        + p(runs=TOC_BEGIN + toc_entry("一、部门总体绩效目标", 1))
        + p(runs=toc_entry("（一）质量水平目标", 2))
        + p(runs=toc_entry("二、保障措施", 3) + TOC_END)
        + p("一、部门总体绩效目标")
    )
    assert [b.text for b in body.blocks] == ["目录", "一、部门总体绩效目标"]


def test_a_toc_field_ending_in_its_own_paragraph_is_skipped_whole(read) -> None:
    body = read(p(runs=TOC_BEGIN + toc_entry("一、目标", 1)) + p(runs=TOC_END) + p("正文"))
    assert [b.text for b in body.blocks] == ["正文"]


def test_text_after_the_toc_field_ends_in_the_same_paragraph_is_kept(read) -> None:
    body = read(p(runs=TOC_BEGIN + toc_entry("一、目标", 1)) + p(runs=TOC_END + r("正文开始")))
    assert [b.text for b in body.blocks] == ["正文开始"]


def test_a_table_of_contents_content_control_is_skipped(read) -> None:
    control = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
               f"</w:docPartObj></w:sdtPr><w:sdtContent>{p('目录')}{p('一、目标 1')}</w:sdtContent></w:sdt>")
    assert [b.text for b in read(control + p("正文")).blocks] == ["正文"]


def test_paragraphs_in_toc_styles_are_skipped(read) -> None:
    styles = style("TOC1", "toc 1") + style("TOC2", "toc 2") + style("TOCHeading", "TOC Heading")
    body = read(p("目录", style="TOCHeading") + p("一、目标\t1", style="TOC1") + p("（一）质量\t2", style="TOC2") + p("正文"),
                styles_xml=styles)
    assert [b.text for b in body.blocks] == ["正文"]


def test_toc_styles_are_recognised_by_id_when_styles_xml_is_missing(read) -> None:
    assert [b.text for b in read(p("一、目标\t1", style="TOC1") + p("正文")).blocks] == ["正文"]


def test_headers_footers_comments_and_notes_are_never_read(read) -> None:
    other_parts = {
        name: f'<w:{root} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{p("不是正文")}</w:{root}>'
        for name, root in [("word/header1.xml", "hdr"), ("word/footer1.xml", "ftr"), ("word/comments.xml", "comments"),
                           ("word/footnotes.xml", "footnotes"), ("word/endnotes.xml", "endnotes")]
    }
    body = read(p("正文") + '<w:sectPr><w:headerReference w:type="default" r:id="rId7"/></w:sectPr>', extra_parts=other_parts)
    assert [b.text for b in body.blocks] == ["正文"]
    assert body.warnings == ()


def test_comment_and_footnote_references_add_no_text(read) -> None:
    runs = (r("正文") + '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
            '<w:r><w:footnoteReference w:id="1"/></w:r>' + r("继续"))
    assert [b.text for b in read(p(runs=runs)).blocks] == ["正文继续"]
