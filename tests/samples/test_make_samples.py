"""The sample generator: deterministic, committed files fresh, files Word-readable with the content they promise."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from samples.content import revision_pair, sample_reports
from samples.make_samples import LAYOUTS, SAMPLES_DIR, generate_report, render_report, write_corpus, write_samples

COMMITTED = sorted(report.file for report in sample_reports())


def _part(path: Path, name: str) -> str:
    return zipfile.ZipFile(path).read(name).decode("utf-8")


def _table_texts(document) -> set[str]:
    return {cell.text for table in document.tables for row in table.rows for cell in row.cells}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_same_arguments_give_same_bytes(layout):
    assert generate_report(layout, 3, seed=11) == generate_report(layout, 3, seed=11)
    assert generate_report(layout, 3, seed=11) != generate_report(layout, 3, seed=12)


def test_a_committed_sample_renders_to_the_same_bytes_twice():
    report = sample_reports()[0]
    assert render_report(report) == render_report(report)


def test_committed_samples_are_fresh(tmp_path):
    written = write_samples(tmp_path)
    assert sorted(str(p.relative_to(tmp_path)) for p in written) == COMMITTED
    stale = [p.name for p in written if p.read_bytes() != (SAMPLES_DIR / p.relative_to(tmp_path)).read_bytes()]
    assert stale == [], "run `make samples` and commit the result"


@pytest.mark.parametrize(
    "file, n_tables, header, labels",
    [
        ("tangshan_2021_market_supervision.docx", 7, "唐山市市场监督管理局",
         ["项目编码", "228002B20DX0001", "228012B21DX0001", "计量强制检定经费", "资金支出计划(累计进度%)", "第四季度", "13000批次", "\u3000"]),
        ("mof_standard_2023.docx", 3, "河北省教育厅",
         ["主管部门", "实施单位", "项目资金（万元）", "其中：财政拨款", "其他资金", "总体目标", "年度目标", "百分之九十", "≥4家", "约41万人"]),
        ("budget_system_export_2022.docx", 2, "唐山市住房和城乡建设局",
         ["指标性质", "度量单位", "权重", "指标值设定依据", "130200-22-0001", "定性", "≥", "万户"]),
        ("department_overall_2022.docx", 1, "唐山市卫生健康委员会",
         ["部门名称", "年度预算（万元）", "年度主要任务", "年度总体目标", "35620.50", "＜10/10万", "≤5‰"]),
        ("multi_project_tables_2022.docx", 3, "唐山市交通运输局",
         ["一级 指标", "三级指标 ", "指标值（含单位）", "指 标 值", "一级指标\u3000", "130200-22-0304", "≤183.5万元"]),
        ("variants_2024.docx", 3, "成都市生态环境局",
         ["本年度绩效指标", "社会公众或服务对象满意度指标", "指标内容", "指标值及单位", "权重", "备注", "分值", "绩效标准", "指标解释"]),
        ("province_form_2023.docx", 3, "襄阳市城市管理执法委员会",
         ["项目支出名称", "主管部门及代码", "中期资金总额：", "年度资金总额：", "总 体 目 标", "绩\n效\n指\n标", "绩 效 指 标",
          "二级指标(长期)", "指标值(年度)", "2022年实际值", "2023年预期值", "年度本级\n预算金额", "250万", "≥80M",
          "2023.07-2024.01", "≤65万元"]),
        ("split_columns_2023.docx", 4, "荣昌区清江镇人民政府",
         ["编制单位：", "专项资金名称", "业务主管部门", "当年预算", "指标权重", "计量单位", "指标性质", "定性",
          "部門(單位)名稱", "年度總體績效目標", "指標值類型", "計量單位", "指標解釋"]),
        ("revisions/report_v1.docx", 4, "唐山市文化广电和旅游局", ["旅游宣传推广经费", "120万人次", "6处", "≥90%"]),
        ("revisions/report_v2.docx", 4, "唐山市文化广电和旅游局", ["非物质文化遗产保护传承经费", "135万人次", "8处", "≥92%"]),
    ],
)
def test_python_docx_opens_each_sample(file, n_tables, header, labels):
    document = docx.Document(SAMPLES_DIR / file)
    texts = _table_texts(document)
    assert len(document.tables) == n_tables
    assert document.sections[0].header.paragraphs[0].text == header
    assert [label for label in labels if label not in texts] == []


@pytest.mark.parametrize(
    "file, part, markers",
    [
        ("tangshan_2021_market_supervision.docx", "word/document.xml",
         ['TOC \\o "1-3"', "PAGEREF _Toc60139378", 'w:vMerge w:val="restart"', 'w:gridSpan w:val="5"', "w:proofErr", "_Toc60139381"]),
        ("tangshan_2021_market_supervision.docx", "word/numbering.xml",
         ['w:numFmt w:val="chineseCounting"', 'w:lvlText w:val="（%1）"', 'w:startOverride w:val="24"', 'w:pStyle w:val="GoalItem"']),
        ("budget_system_export_2022.docx", "word/numbering.xml",
         ['w:lvlText w:val="%1.%2"', 'w:numFmt w:val="decimalEnclosedCircleChinese"']),
        ("department_overall_2022.docx", "word/numbering.xml",
         ['w:numFmt w:val="chineseCountingThousand"', 'w:numFmt w:val="ideographDigital"', 'w:numFmt w:val="decimalEnclosedCircle"']),
        ("multi_project_tables_2022.docx", "word/numbering.xml",
         ['w:numFmt w:val="decimalFullWidth"', 'w:numFmt w:val="japaneseCounting"']),
        ("variants_2024.docx", "word/numbering.xml",
         ['w:numFmt w:val="upperLetter"', 'w:numFmt w:val="lowerLetter"', 'w:numFmt w:val="lowerRoman"', 'w:lvlRestart w:val="0"']),
        ("variants_2024.docx", "word/document.xml",
         ["<w:ins ", "<w:del ", "<w:delText>95%</w:delText>", "<w:moveFrom ", "<w:moveTo ", 'w:hMerge w:val="restart"',
          "<w:gridBefore ", "<w:gridAfter ", "<w:txbxContent>", "<v:textbox>", "<w:smartTag ", "<w:hyperlink ",
          "<w:commentRangeStart ", "DATE \\@", "<w:sdtContent><w:tc>", "<w:sdtContent><w:tr>"]),
        ("variants_2024.docx", "word/comments.xml", ["请核实与市级目标一致"]),
        ("variants_2024.docx", "word/footer1.xml", [" PAGE ", "w:fldSimple"]),
    ],
)
def test_samples_carry_the_word_features(file, part, markers):
    xml = _part(SAMPLES_DIR / file, part)
    assert [m for m in markers if m not in xml] == []


def test_variants_nest_a_table_inside_the_review_table():
    review = docx.Document(SAMPLES_DIR / "variants_2024.docx").tables[-1]
    nested = review.rows[1].cells[1].tables
    assert [c.text for c in nested[0].rows[1].cells] == ["王丽", "2024年1月20日", "同意"]


def test_revision_pair_differs_by_three_values_one_added_one_removed_project():
    v1, v2 = revision_pair()
    codes1, codes2 = {p.code for p in v1.projects}, {p.code for p in v2.projects}
    assert codes1 - codes2 == {"130200-22-0103"}
    assert codes2 - codes1 == {"130200-22-0105"}
    values1 = {(p.code, i.name): i.value for p in v1.projects for i in p.indicators}
    values2 = {(p.code, i.name): i.value for p in v2.projects for i in p.indicators}
    changed = {k: (values1[k], values2[k]) for k in values1.keys() & values2.keys() if values1[k] != values2[k]}
    assert changed == {
        ("130200-22-0101", "图书馆年接待读者人次"): ("120万人次", "135万人次"),
        ("130200-22-0102", "修缮文物点数量"): ("6处", "8处"),
        ("130200-22-0104", "群众满意度"): ("≥90%", "≥92%"),
    }
    assert (v1.title, v1.department, v1.year) == (v2.title, v2.department, v2.year)


def test_corpus_is_mixed_reproducible_and_readable(tmp_path):
    first = write_corpus(tmp_path / "a", 6, seed=5, big_docs=1, big_projects=20)
    second = write_corpus(tmp_path / "b", 6, seed=5, big_docs=1, big_projects=20)
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))
    assert first[-1].name.startswith("big_")
    for path in first:
        document = docx.Document(io.BytesIO(path.read_bytes()))
        assert document.tables, path.name
    big = docx.Document(first[-1])
    codes = {cell.text for table in big.tables for row in table.rows for cell in row.cells if cell.text.count("-") == 2}
    assert len(codes) == 20


def test_sample_only_layouts_stay_out_of_the_benchmark_corpus():
    from samples.layouts import RENDERERS

    assert {"province", "split"} <= set(RENDERERS) - set(LAYOUTS)
