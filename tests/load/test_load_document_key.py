"""Document keys: which reports are versions of one document."""

from __future__ import annotations

from dataclasses import replace

import pytest

import load_factory as f
from jixiao.load.document_key import KEY_MAX, document_key_for, document_kind, report_document_kind, stem_key
from jixiao.load.exceptions import LoadError


@pytest.mark.parametrize("title, kind", [
    ("唐山市市场监督管理局2021年部门整体绩效目标", "department_overall"),
    ("唐山市卫生健康委员会2022年度部门整体支出绩效目标表", "department_overall"),
    ("部门总体绩效目标及保障措施", "department_overall"),
    ("唐山市住房和城乡建设局2022年度项目支出绩效目标表", "project"),
    ("唐山市文化广电和旅游局2022年度部门预算项目支出绩效目标", "project"),
    ("2022年度项目支出绩效自评报告", "self_evaluation"),
    ("关于2023年度 绩效 运行监控情况的报告", "monitoring"),
    ("某局2022年部门预算绩效目标", "department_budget"),
    ("会议纪要", None),
    (None, None),
])
def test_document_kind_from_title(title: str | None, kind: str | None) -> None:
    found = document_kind(title)
    assert (found.code if found else None) == kind


@pytest.mark.parametrize("file, stem", [
    ("report_v2.docx", "report"),
    ("report_v1.docx", "report"),
    ("唐山市财政局绩效目标（修改稿）.docx", "唐山市财政局绩效目标"),
    ("唐山市财政局绩效目标(修订版2).docx", "唐山市财政局绩效目标"),
    ("唐山市财政局绩效目标_第二稿.docx", "唐山市财政局绩效目标"),
    ("唐山市财政局绩效目标-终稿-v3.docx", "唐山市财政局绩效目标"),
    ("Budget Final.docx", "Budget"),
    ("v2.docx", "v2"),  # never reduced to nothing
    ("绩效目标表.docx", "绩效目标表"),
])
def test_stem_key_drops_revision_words(file: str, stem: str) -> None:
    assert stem_key(file) == stem


@pytest.mark.parametrize("department, year, title, projects, key", [
    ("唐山市市场监督管理局", 2021, f.TITLE, 2, "唐山市市场监督管理局/2021/department_overall"),
    ("  唐山市\n市场监督管理局 ", 2021, f.TITLE, 2, "唐山市 市场监督管理局/2021/department_overall"),
    ("唐山市交通运输局", 2022, "唐山市交通运输局2022年度项目支出绩效目标表", 2, "唐山市交通运输局/2022/project"),
    ("唐山市交通运输局", 2022, "唐山市交通运输局2022年度项目支出绩效目标表", 1, "唐山市交通运输局/2022/project/P0001"),
    (None, 2021, f.TITLE, 2, "年度报告"),
    ("唐山市交通运输局", None, f.TITLE, 2, "年度报告"),
    ("唐山市交通运输局", 2022, "会议纪要", 2, "年度报告"),
])
def test_document_key(department: str | None, year: int | None, title: str, projects: int, key: str) -> None:
    report = f.big(projects, 1, department=department, file="年度报告（修改稿）.docx")
    report = f.report(list(report.projects), department=department, year=year, title=title, file=report.source.file)
    assert document_key_for(report) == key


def test_override_wins_and_is_checked() -> None:
    assert document_key_for(f.v1(), " 甲 ") == "甲"
    with pytest.raises(LoadError, match="--key: must be 1 to 255 characters"):
        document_key_for(f.v1(), "   ")


def test_an_over_long_key_is_shortened_and_stays_distinct() -> None:
    a = document_key_for(f.report([], department="部" * 300 + "甲", title=f.TITLE))
    b = document_key_for(f.report([], department="部" * 300 + "乙", title=f.TITLE))
    assert len(a) == len(b) == KEY_MAX
    assert a != b


@pytest.mark.parametrize("title, projects, key", [
    ("唐山市交通运输局2022年度项目支出绩效自评表", 1, "唐山市交通运输局/2022/self_evaluation/P0001"),
    ("唐山市交通运输局2022年度项目支出绩效自评表", 2, "唐山市交通运输局/2022/self_evaluation"),
    ("唐山市交通运输局2022年度部门整体支出绩效自评表", 1, "唐山市交通运输局/2022/self_evaluation"),
    # read as a self-evaluation from its result columns, whatever the title says
    ("唐山市交通运输局2022年度项目支出绩效目标表", 2, "唐山市交通运输局/2022/self_evaluation"),
])
def test_a_self_evaluation_is_a_document_of_its_own_kind(title: str, projects: int, key: str) -> None:
    base = f.big(projects, 1, department="唐山市交通运输局")
    report = f.report(list(base.projects), department="唐山市交通运输局", year=2022, title=title)
    self_evaluation = replace(report, document=replace(report.document, report_kind="self_evaluation"))
    assert document_key_for(self_evaluation) == key
    assert report_document_kind(self_evaluation).code == "self_evaluation"
    targets = f.report(list(base.projects), department="唐山市交通运输局", year=2022,
                       title="唐山市交通运输局2022年度项目支出绩效目标表")
    assert document_key_for(targets) != key
