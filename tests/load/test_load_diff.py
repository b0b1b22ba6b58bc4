"""Diffs between versions: matching projects and indicators, and what counts as a change."""

from __future__ import annotations

import dataclasses
import re

import pytest
from sqlalchemy.engine import Engine

import load_factory as f
from jixiao.load.diff import ProjectRef, diff_snapshots, diff_versions, snapshot_of
from jixiao.load.exceptions import UnknownDocument
from jixiao.load.ingest import ingest_report
from jixiao.normalize.records import Project

KEY = "唐山市市场监督管理局/2021/department_overall"


def diff(old: list[Project], new: list[Project]):  # noqa: ANN201
    return diff_snapshots("k", 1, 2, snapshot_of(f.report(old)), snapshot_of(f.report(new)))


A = f.project("A1", "甲项目", [f.ind("人数", "10人", value=10)])
B = f.project("B1", "乙项目", [f.ind("人数", "20人", value=20)])


@pytest.mark.parametrize("old, new, added, removed, changed", [
    ([A, B], [A, B], [], [], 0),
    ([A, B], [B, A], [], [], 0),  # order does not matter
    ([A], [A, B], ["B1"], [], 0),
    ([A, B], [B], [], ["A1"], 0),
    # matched by code although renamed: a field change, not added + removed
    ([A], [dataclasses.replace(A, name="甲项目（调整）")], [], [], 0),
    # no code on one side: matched by name
    ([A], [dataclasses.replace(A, code=None)], [], [], 0),
    # two different codes are two projects, whatever the name
    ([A], [dataclasses.replace(A, code="A2")], ["A2"], ["A1"], 0),
    ([A], [dataclasses.replace(A, indicators=(f.ind("人数", "12人", value=12),))], [], [], 1),
])
def test_projects_are_matched_by_code_else_name(old, new, added, removed, changed) -> None:  # noqa: ANN001
    d = diff(old, new)
    assert [p.code for p in d.projects_added] == added
    assert [p.code for p in d.projects_removed] == removed
    assert len(d.values_changed) == changed


def test_a_renamed_project_is_a_field_change() -> None:
    d = diff([A], [dataclasses.replace(A, name="甲项目（调整）", budget_total=1.5e6)])
    assert [(c.field, c.old, c.new) for c in d.fields_changed] == [
        ("name", "甲项目", "甲项目（调整）"), ("budget_total", 1_300_000.0, 1_500_000.0)]


def test_repeated_indicator_names_pair_in_order() -> None:
    old = f.project("A1", "甲", [f.ind("满意度", "90%", "percent", 90), f.ind("满意度", "85%", "percent", 85)])
    new = f.project("A1", "甲", [f.ind("满意度", "90%", "percent", 90), f.ind("满意度", "88%", "percent", 88),
                                f.ind("满意度", "80%", "percent", 80)])
    d = diff([old], [new])
    assert [(c.old.raw, c.new.raw) for c in d.values_changed] == [("85%", "88%")]
    assert [(i.indicator, i.value.raw) for i in d.indicators_added] == [("满意度", "80%")]
    assert d.indicators_removed == ()


def test_a_typed_reading_change_with_the_same_text_is_a_change() -> None:
    old = f.project("A1", "甲", [f.ind("人数", "10人", value=10)])
    new = f.project("A1", "甲", [f.ind("人数", "10人", value=10, unit="人")])
    assert [(c.old.unit, c.new.unit) for c in diff([old], [new]).values_changed] == [(None, "人")]


def test_diff_of_stored_versions(engine: Engine) -> None:
    for r in (f.v1(), f.v2()):
        ingest_report(engine, r, path=r.source.file, run_id="r")
    d = diff_versions(engine, KEY)
    assert (d.from_version, d.to_version) == (1, 2)
    assert d.projects_added == (ProjectRef("13020021000000000003", "计量器具强制检定"),)
    assert d.projects_removed == (ProjectRef("13020021000000000002", "特种设备检验"),)
    assert [(c.project.code, c.indicator, c.old.raw, c.new.raw, c.old.value, c.new.value) for c in d.values_changed] \
        == [("13020021000000000001", "抽检合格率", "95%以上", "98%以上", 95.0, 98.0)]
    assert d == diff_snapshots(KEY, 1, 2, snapshot_of(f.v1()), snapshot_of(f.v2()))
    assert diff_versions(engine, KEY, 2, 1).projects_added == d.projects_removed


@pytest.mark.parametrize("from_version, to_version, message", [
    (None, None, "version 1 is the first"),
    (3, None, "has no version 3 (versions: 1)"),
])
def test_diff_needs_two_versions(engine: Engine, from_version, to_version, message: str) -> None:  # noqa: ANN001
    ingest_report(engine, f.v1(), path="v1.docx", run_id="r")
    with pytest.raises(UnknownDocument, match=re.escape(message)):
        diff_versions(engine, KEY, from_version, to_version)
