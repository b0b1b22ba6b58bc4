"""The vocabulary tables in extract/vocab/: each loads, is consistent, and labels match as clerks type them."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

import jixiao.extract.vocabulary
from jixiao.extract.typed_numbers import typed_number
from jixiao.extract.vocabulary import LabelMatch, field_labels, fold_label, header_labels, read_table

GRID_FIELDS = {"level1", "level2", "name", "description", "value", "basis", "nature", "unit"}


@pytest.mark.parametrize("name", ["field_labels.tsv", "header_labels.tsv"])
def test_no_label_names_two_keys(name: str) -> None:
    keys_of = defaultdict(set)
    for key, label in read_table(name):
        keys_of[fold_label(label)[0]].add(key)
    assert {label: keys for label, keys in keys_of.items() if len(keys) > 1} == {}


def test_field_labels_and_grid_headers_do_not_overlap() -> None:
    fields = {fold_label(label)[0] for _, label in read_table("field_labels.tsv")}
    headers = {fold_label(label)[0] for _, label in read_table("header_labels.tsv")}
    assert fields & headers == set()


def test_every_grid_field_has_a_header() -> None:
    assert GRID_FIELDS <= header_labels().keys()


def test_layout_rules_name_known_keys() -> None:
    known = field_labels().keys() | header_labels().keys()
    for layout, keys in read_table("layouts.tsv"):
        assert set(keys.split()) <= known, layout


@pytest.mark.parametrize(("style", "example"), [(row[0], row[5]) for row in read_table("number_styles.tsv")])
def test_each_number_style_reads_its_own_example(style: str, example: str) -> None:
    found = typed_number(example + "正文")
    assert found is not None and (found.style, found.label, found.value) == (style, example, 1)


@pytest.mark.parametrize(
    ("text", "core", "notes"),
    [
        ("项目资金（万元）", "项目资金", ("万元",)),
        ("年度资金总额：", "年度资金总额", ()),
        ("项 目 名 称", "项目名称", ()),
        ("一级指标　", "一级指标", ()),
        ("*项目名称", "项目名称", ()),
        ("其中：财政拨款（万元）", "其中:财政拨款", ("万元",)),
        ("资金支出计划(累计进度%)", "资金支出计划", ("累计进度%",)),
        ("指标值【含单位】", "指标值", ("含单位",)),
    ],
)
def test_fold_label(text: str, core: str, notes: tuple[str, ...]) -> None:
    assert fold_label(text) == (core, notes)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("项目名称", LabelMatch("name")),
        ("项目名称：食品安全抽检经费", LabelMatch("name", inline="食品安全抽检经费")),
        ("其中：财政拨款", LabelMatch("budget_fiscal")),
        ("其中：财政拨款：80", LabelMatch("budget_fiscal", inline="80")),
        ("项目资金（万元）", LabelMatch("budget_group", unit="万元")),
        ("年度资金总额（万元）", LabelMatch("budget_total", unit="万元")),
        ("单位：万元", LabelMatch("unit_note", inline="万元")),
        ("主管部门及代码", LabelMatch("department")),
        ("部门（单位）名称", LabelMatch("department_name")),
        ("第三季度", LabelMatch("q3")),
        ("预算数1080万元,其中：财政资金1080万元", None),
        ("食品安全抽检经费", None),
    ],
)
def test_field_label_match(text: str, match: LabelMatch | None) -> None:
    assert field_labels().match(text) == match


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("一级指标", "level1"), ("一 级 指 标", "level1"), ("指标内容", "name"), ("指标值（含单位）", "value"),
        ("指 标 值", "value"), ("指标值及单位", "value"), ("指标值设定依据及数据来源", "basis"),
        ("评（定）标准", "basis"), ("权重（%）", "weight"), ("本年度绩效指标", "side"), ("度量单位", "unit"),
        ("依据《食品安全法》，结合本市实际，开展抽检", None), ("产出指标", None), ("13000批次", None),
    ],
)
def test_header_label_key(text: str, key: str | None) -> None:
    match = header_labels().match(text)
    assert (match.key if match else None) == key


VOCAB_DIR = Path(jixiao.extract.vocabulary.__file__).parent / "vocab"


@pytest.mark.parametrize("path", sorted(VOCAB_DIR.glob("*.tsv")), ids=lambda p: p.name)
def test_every_table_loads_with_rows_of_one_width(path: Path) -> None:
    rows = read_table(path.name)
    widths = {len(row) for row in rows}
    assert rows and len(widths) == 1, widths


def test_numerals_count_up() -> None:
    values = dict(read_table("numerals.tsv"))
    assert [int(values[ch]) for ch in "一二三四五六七八九十百"] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]
