"""End to end: read_document on every sample report in samples/ and the content it must give."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract.document import read_document
from jixiao.extract.records import ExtractedDocument, RawIndicator
from sample_facts import SAMPLES, SampleFacts
from seed_facts import DEPARTMENT, FISCAL_YEAR, INDICATORS, PROJECTS, SECTIONS, TITLE

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "samples"
SEED_SAMPLE = "tangshan_2021_market_supervision.docx"
_read: dict[str, ExtractedDocument] = {}


def _doc(name: str) -> ExtractedDocument:
    if name not in _read:
        _read[name] = read_document(SAMPLES_DIR / name)
    return _read[name]


def test_seed_sample_has_every_project_indicator_and_section() -> None:
    doc = _doc(SEED_SAMPLE)
    assert (doc.document.title, doc.document.department, doc.document.fiscal_year) == (TITLE, DEPARTMENT, FISCAL_YEAR)
    assert [(p.code, p.name, p.spending_plan, len(p.indicators)) for p in doc.projects] == PROJECTS
    got = [
        (p.code[-4:], i.location.row, i.level1, i.level2, i.name, i.description, i.raw, i.basis)
        for p in doc.projects for i in p.indicators
    ]
    assert got == INDICATORS
    assert [(s.path, s.label, s.title) for s in doc.sections] == SECTIONS
    assert doc.projects[0].purpose == "预算数1080万元,其中：财政资金1080万元．主要用于全市辖区内的食品安全抽检工作。"
    assert doc.projects[0].goal.startswith("根据省局往年下达的《河北省食品安全抽检监测计划的通知》有关要求")
    assert doc.source.file == SEED_SAMPLE and doc.warnings == ()


def _cases(check: str) -> list:
    """Every sample, the ones whose `check` the reader still misreads marked as expected to fail."""
    return [
        pytest.param(facts, id=facts.file, marks=[pytest.mark.xfail(strict=True, reason=facts.misreads[check])]
                     if check in facts.misreads else [])
        for facts in SAMPLES
    ]


def _rows(indicators: tuple[RawIndicator, ...]) -> list[tuple]:
    return [
        (i.location.table, i.location.row, i.level1, i.level2, i.name, i.raw, i.basis, i.nature, i.unit,
         i.weight, i.description, i.extra)
        for i in indicators
    ]


@pytest.mark.parametrize("facts", SAMPLES, ids=[s.file for s in SAMPLES])
def test_sample_document_and_sections(facts: SampleFacts) -> None:
    doc = _doc(facts.file)
    title, _, year = facts.document
    assert (doc.document.title, doc.document.fiscal_year) == (title, year)
    assert [(s.path, s.label, s.title) for s in doc.sections] == facts.sections
    assert doc.warnings == ()


@pytest.mark.parametrize("facts", _cases("department"))
def test_sample_department(facts: SampleFacts) -> None:
    assert _doc(facts.file).document.department == facts.document[1]


@pytest.mark.parametrize("facts", _cases("projects"))
def test_sample_projects(facts: SampleFacts) -> None:
    got = [
        (p.code, p.name, p.department, (p.budget_total, p.budget_fiscal, p.budget_other, p.budget_unit), p.layout,
         p.budget_midterm)
        for p in _doc(facts.file).projects
    ]
    assert got == [(f.code, f.name, f.department, f.money, f.layout, f.budget_midterm) for f in facts.projects]


@pytest.mark.parametrize("facts", SAMPLES, ids=[s.file for s in SAMPLES])
def test_sample_indicator_rows(facts: SampleFacts) -> None:
    projects = _doc(facts.file).projects
    assert [p.name for p in projects] == [f.name for f in facts.projects]
    for project, expected in zip(projects, facts.projects):
        assert _rows(project.indicators) == expected.rows, project.name
        assert _rows(project.long_term_indicators) == expected.long_term, project.name


def test_department_sample_reads_tasks_as_purpose_and_goal_lines() -> None:
    (project,) = _doc("department_overall_2022.docx").projects
    assert project.purpose.splitlines()[0] == (
        "基本公共卫生服务：为城乡居民免费提供健康档案管理、预防接种、慢性病患者健康管理等12类国家基本公共卫生服务。")
    assert [line.split("：")[0] for line in project.purpose.splitlines()] == [
        "基本公共卫生服务", "公立医院改革", "疾病预防控制", "妇幼健康服务", "机关运行保障"]
    assert project.goal.splitlines()[2] == "目标3：孕产妇死亡率控制在10/10万以下，婴儿死亡率控制在5‰以下。"


def test_split_project_continues_in_the_next_table() -> None:
    split = _doc("multi_project_tables_2022.docx").projects[3]
    assert split.table == 1
    assert sorted({i.location.table for i in split.indicators}) == [1, 2]


@pytest.mark.parametrize(
    ("project", "name", "field", "value"),
    [
        pytest.param(0, "改造项目验收合格率", "raw", "100%", id="tracked-change-accepted"),
        pytest.param(0, "臭氧前体物走航监测次数", "raw", "120次", id="value-in-content-control"),
        pytest.param(0, "改造项目完成时间", "raw", "2024年10月31日前", id="row-in-content-control"),
        pytest.param(0, "空气质量优良天数比例", "raw", "≥80%", id="commented-value"),
        pytest.param(0, "公众对空气质量改善满意度", "level2", "社会公众或服务对象满意度指标", id="label-across-level1-and-level2"),
        pytest.param(1, "河道生态修复长度", "level1", "产出指标", id="grid-before-filled-down"),
        pytest.param(1, "劣V类水体", "raw", "全面消除", id="move-from-dropped"),
        pytest.param(1, "项目完工时间", "raw", "2024年6月30日前", id="smart-tag-and-grid-after"),
        pytest.param(1, "水生态监测能力提升", "raw", "持续提升\n（三年内）", id="ragged-row-and-line-break"),
    ],
)
def test_variant_features(project: int, name: str, field: str, value: str) -> None:
    indicators = {i.name: i for i in _doc("variants_2024.docx").projects[project].indicators}
    assert getattr(indicators[name], field) == value


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("revisions/report_v1.docx", ["0101", "0102", "0103", "0104"]),
        ("revisions/report_v2.docx", ["0101", "0102", "0104", "0105"]),  # v2 drops 0103, adds 0105
    ],
)
def test_revision_samples_read_as_the_same_department_and_year(name: str, codes: list[str]) -> None:
    doc = _doc(name)
    assert (doc.document.department, doc.document.fiscal_year) == ("唐山市文化广电和旅游局", 2022)
    assert [p.code for p in doc.projects] == [f"130200-22-{code}" for code in codes]
