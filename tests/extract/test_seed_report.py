"""The seed report (its text dump built into reader values): every project, indicator and section."""

from __future__ import annotations

import pytest

from jixiao.extract.document import extract_from_body
from jixiao.extract.records import ExtractedDocument, Source
from model_builder import seed_body
from seed_facts import DEPARTMENT, FISCAL_YEAR, INDICATORS, PROJECTS, SECTIONS, TITLE

SOURCE = Source(file="seed.docx", sha256="0" * 64, bytes=1)


@pytest.fixture(scope="module")
def seed() -> ExtractedDocument:
    return extract_from_body(seed_body(), SOURCE)


def test_metadata(seed: ExtractedDocument) -> None:
    assert (seed.document.title, seed.document.department, seed.document.fiscal_year) == (
        TITLE, DEPARTMENT, FISCAL_YEAR)
    assert seed.source == SOURCE and seed.warnings == ()


def test_all_seven_projects_with_code_name_and_quarterly_plan(seed: ExtractedDocument) -> None:
    got = [(p.code, p.name, p.spending_plan, len(p.indicators)) for p in seed.projects]
    assert got == PROJECTS
    assert [p.table for p in seed.projects] == list(range(7))
    assert {p.layout for p in seed.projects} == {"seed"}
    assert {(p.department, p.budget_total, p.budget_fiscal, p.budget_other) for p in seed.projects} == {
        (None, None, None, None)}


@pytest.mark.parametrize(
    ("index", "purpose", "goal_start"),
    [
        (0, "预算数1080万元,其中：财政资金1080万元．主要用于全市辖区内的食品安全抽检工作。",
         "根据省局往年下达的《河北省食品安全抽检监测计划的通知》有关要求"),
        (1, None, "《唐山市十四届人大常委会第十八次会议对市政府《关于食品安全工作情况的专项工作报"),
        (6, "预算数为500万元，其中：财政资金为500万元。主要用于计量强制检定支出。",
         "保障计量强制检定工作正常开展，特别是量传和强检工作"),
    ],
)
def test_purpose_and_goal(seed: ExtractedDocument, index: int, purpose: str | None, goal_start: str) -> None:
    project = seed.projects[index]
    if purpose is not None:
        assert project.purpose == purpose
    assert project.purpose and project.goal and project.goal.startswith(goal_start)


def test_every_indicator_row_filled_down_with_placeholders_left_out(seed: ExtractedDocument) -> None:
    got = [
        (p.code[-4:], i.location.row, i.level1, i.level2, i.name, i.description, i.raw, i.basis)
        for p in seed.projects for i in p.indicators
    ]
    assert got == INDICATORS
    assert all(i.location.table == t for t, p in enumerate(seed.projects) for i in p.indicators)
    assert all(i.nature is None and i.unit is None and i.extra == () for p in seed.projects for i in p.indicators)


@pytest.mark.parametrize("drawn_numbers", [False, True], ids=["typed", "drawn-by-word"])
def test_section_tree(drawn_numbers: bool) -> None:
    doc = extract_from_body(seed_body(drawn_numbers=drawn_numbers), SOURCE)
    assert [(s.path, s.label, s.title) for s in doc.sections] == SECTIONS
    assert [s.level for s in doc.sections] == [path.count(".") + 1 for path, _, _ in SECTIONS]


def test_section_text_and_body(seed: ExtractedDocument) -> None:
    by_path = {s.path: s for s in seed.sections}
    assert by_path["1.5"].text.startswith("计量工作目标：充分调动和发挥地方、部门和行业作用")
    assert by_path["1"].body[0].startswith("唐山市市场监督管理局市局机关下设9个直属事业单位")
    assert by_path["1"].body[1:] == ("部门总体绩效目标主要包括:",)
    assert by_path["2.2"].body == (
        "绩效目标：激发市场活力。",
        "绩效指标：到2021年底，新增市场主体10万户；",
        "到2021年底，全市市场主体年报公示率力争达到90.84%，比2020年提高1.1个百分点；",
        "营造公平竞争环境，公平竞争覆盖率达到100%。",
    )
    assert by_path["3.3"].body == (
        "围绕服务于我市产业发展特点，依托国家级中心、省级质检中心、打造计量、质检、纤检等服务平台。",
        "计量技术服务平台",
    )
    assert by_path["3.12"].text.startswith("强化组织领导。一是发挥表率作用。")
