"""A report's title, department and fiscal year."""

from __future__ import annotations

import pytest

from jixiao.extract.metadata import document_info, organisations
from jixiao.extract.model import Location, Paragraph
from jixiao.extract.records import DocumentInfo, RawIndicator, RawProject
from model_builder import table

GRID = [["项目名称", "抽检", "<"], ["一级指标", "三级指标", "指标值"], ["产出指标", "时限", "2022年6月底前"]]


def _project(department: str | None = None) -> RawProject:
    return RawProject(None, "抽检", department, None, None, None, None, None, None,
                      (None, None, None, None), (), 0, "generic")


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        pytest.param(
            [Paragraph("附件2"), Paragraph("唐山市卫生健康委员会2022年度部门整体支出绩效目标表", style="heading 1"),
             Paragraph("一、部门职责")],
            DocumentInfo("唐山市卫生健康委员会2022年度部门整体支出绩效目标表", "唐山市卫生健康委员会", 2022),
            id="heading-with-department-and-year",
        ),
        pytest.param(
            [Paragraph("附件："), Paragraph("项目支出绩效目标表"), Paragraph("（2023年度）"), table(0, GRID)],
            DocumentInfo("项目支出绩效目标表", None, 2023),
            id="year-in-the-line-below-the-title",
        ),
        pytest.param(
            [Paragraph("唐山市市场监督管理局市局机关下设9个直属事业单位，负责全市市场监管。"),
             Paragraph("部门绩效目标"), Paragraph("1、总体目标"), Paragraph("2021年12月底前完成。"),
             Paragraph("到2021年底，新增市场主体10万户；比2020年提高1.1个百分点。")],
            DocumentInfo("部门绩效目标", "唐山市市场监督管理局", 2021),
            id="body-text-names-department-deadlines-name-year",
        ),
        pytest.param(
            [table(0, [["2024年度项目支出绩效目标表", "<", "<"], *GRID])],
            DocumentInfo("2024年度项目支出绩效目标表", None, 2024),
            id="title-row-of-a-table-only-report",
        ),
        pytest.param([Paragraph("")], DocumentInfo(None, None, None), id="empty"),
    ],
)
def test_document_info(blocks, expected: DocumentInfo) -> None:
    assert document_info(blocks, []) == expected


def test_department_from_the_project_tables_comes_first() -> None:
    blocks = [Paragraph("唐山市财政局2021年预算绩效目标"), table(0, GRID)]
    info = document_info(blocks, [_project("河北省教育厅"), _project("河北省教育厅"), _project(None)])
    assert (info.department, info.fiscal_year) == ("河北省教育厅", 2021)


def test_deadlines_in_indicator_values_decide_the_year() -> None:
    blocks = [Paragraph("绩效目标表"), table(0, GRID)]
    info = document_info(blocks, [_with_deadline("2022年6月底前")])
    assert info.fiscal_year == 2022


def _with_deadline(raw: str) -> RawProject:
    indicator = RawIndicator("产出指标", "时效指标", "时限", None, raw, None, Location(0, 2))
    p = _project()
    return RawProject(p.code, p.name, p.department, p.purpose, p.goal, None, None, None, None,
                      p.spending_plan, (indicator,), 0, "generic")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("唐山市市场监督管理局市局机关下设9个直属事业单位", ["唐山市市场监督管理局"]),
        ("河北省唐山市市场监督管理局2021年", ["河北省唐山市市场监督管理局"]),
        ("根据《唐山市人民政府办公室关于…》", ["唐山市人民政府办公室"]),
        ("内蒙古自治区呼和浩特市教育局", ["内蒙古自治区呼和浩特市教育局"]),
        ("按照省局保健食品化妆品抽检工作部署", []),
        ("全市市场监督管理局", []),
        ("配合国家城市能源计量中心", []),
    ],
)
def test_organisations_in_running_text(text: str, names: list[str]) -> None:
    assert organisations(text) == names
