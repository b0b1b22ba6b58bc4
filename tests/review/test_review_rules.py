"""Each rule of the built-in table on a report that breaks it (the finding and its place) and on one that does not."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from jixiao.normalize.records import Report, SpendingPlan
from jixiao.review import default_rules, review_report
from review_factory import (
    COST, QUALITY, SATISFACTION, SOCIAL, TABLE, TIMELINESS, ind, indicators, project, replace_row, report, without,
)

# rule id -> (a report that breaks it, (project ordinal, indicator, table, row) of the finding)
BROKEN: dict[str, tuple[Report, tuple[int | None, str | None, int | None, int | None]]] = {
    "COMP-01": (report(project(name=None)), (1, None, TABLE, None)),
    "COMP-02": (report(project(budget_total=None, budget_fiscal=None, budget_other=None)), (1, None, TABLE, None)),
    "COMP-03": (report(project(goal="  ")), (1, None, TABLE, None)),
    "COMP-04": (report(project(), project("130200-21-0002", "空表项目", rows=[])), (2, None, None, None)),
    "COMP-05": (report(project(rows=without(11))), (1, None, TABLE, None)),
    "COMP-06": (report(project(), project("130200-21-0002", "无成本项目", rows=without(9))), (2, None, TABLE, None)),
    "COMP-07": (report(project(rows=without(8))), (1, None, TABLE, None)),
    "COMP-08": (report(project(rows=replace_row(7, ind("培训合格率", "", "empty", row=7, level1=QUALITY[0],
                                                       level2=QUALITY[1])))), (1, "培训合格率", TABLE, 7)),
    "COMP-09": (report(project(rows=replace_row(11, ind("满意度", "/", "text", row=11, level1=SATISFACTION[0],
                                                       level2=SATISFACTION[1])))), (1, "满意度", TABLE, 11)),
    "MEAS-01": (report(project(rows=[
        *without(6, 7, 10),
        ind("培训人次", "较好", "text", row=6), ind("培训质量", "达标", "text", row=7, level1=QUALITY[0], level2=QUALITY[1]),
        ind("业务能力", "提高", "text", row=10, level1=SOCIAL[0], level2=SOCIAL[1]),
    ])), (1, None, TABLE, None)),
    "MEAS-02": (report(project(rows=[
        *without(6, 7, 10),
        ind("培训人次", "按计划完成", "text", row=6), ind("培训质量", "达标", "text", row=7, level1=QUALITY[0],
                                                    level2=QUALITY[1]),
        ind("业务能力", "提高", "text", row=10, level1=SOCIAL[0], level2=SOCIAL[1]),
    ])), (None, None, None, None)),
    "MEAS-03": (report(project(rows=replace_row(10, ind("业务能力", "明显提升", "text", row=10, level1=SOCIAL[0],
                                                       level2=SOCIAL[1])))), (1, "业务能力", TABLE, 10)),
    "CONS-01": (report(project(spending_plan=SpendingPlan(30.0, 60.0, 50.0, 100.0))), (1, None, TABLE, None)),
    "CONS-02": (report(project(spending_plan=SpendingPlan(20.0, 40.0, 60.0, 80.0))), (1, None, TABLE, None)),
    "CONS-03": (report(project(budget_fiscal=700_000.0)), (1, None, TABLE, None)),
    "CONS-04": (report(project(rows=replace_row(9, ind("培训总成本", "≤120万元", value=1_200_000, op="<=", unit="元",
                                                      row=9, level1=COST[0], level2=COST[1])))),
                (1, "培训总成本", TABLE, 9)),
    "CONS-05": (report(project(rows=replace_row(8, ind("培训完成时间", "2022年3月底前", "date", op="<=",
                                                      date=dt.date(2022, 3, 31), row=8, level1=TIMELINESS[0],
                                                      level2=TIMELINESS[1])))), (1, "培训完成时间", TABLE, 8)),
    "CONS-06": (report(project(rows=replace_row(7, ind("培训合格率", "105%", "percent", 105, unit="%", row=7,
                                                      level1=QUALITY[0], level2=QUALITY[1])))),
                (1, "培训合格率", TABLE, 7)),
    "CONS-07": (report(project(rows=replace_row(7, ind("培训合格率", "95", value=95, row=7, level1=QUALITY[0],
                                                      level2=QUALITY[1])))), (1, "培训合格率", TABLE, 7)),
    "CONS-08": (report(project(rows=[*indicators(), ind("培训人次", "600人次", value=600, unit="人次", row=12)])),
                (1, "培训人次", TABLE, 12)),
    "SAT-01": (report(project(rows=replace_row(11, ind("参训人员满意度", "≥60%", "percent", 60, op=">=", unit="%",
                                                      row=11, level1=SATISFACTION[0], level2=SATISFACTION[1])))),
               (1, "参训人员满意度", TABLE, 11)),
}


def test_every_rule_of_the_table_has_a_breaking_case() -> None:
    assert {rule.id for rule in default_rules().rules} == set(BROKEN)


def test_the_clean_report_breaks_no_rule() -> None:
    assert review_report(report(project())) == ()


@pytest.mark.parametrize("rule_id", sorted(BROKEN))
def test_a_report_that_breaks_the_rule_gets_one_finding_at_the_place(rule_id: str) -> None:
    broken, (ordinal, indicator, table, row) = BROKEN[rule_id]
    found = [f for f in review_report(broken) if f.rule == rule_id]
    assert len(found) == 1, found
    where = found[0].where
    assert (where.project_ordinal, where.indicator, where.table, where.row) == (ordinal, indicator, table, row)
    assert where.file == "bureau_2021.docx"
    assert found[0].message and found[0].message_en and "{" not in found[0].message


def test_messages_name_what_is_wrong() -> None:
    by_rule = {f.rule: f for r, _ in BROKEN.values() for f in review_report(r)}
    assert by_rule["CONS-03"].message == (
        "「基层干部业务培训」财政拨款 70.00万元 + 其他资金 20.00万元 与年度资金总额 100.00万元 不符（差 -10.00万元），请核对。")
    assert "明显提升" in by_rule["MEAS-03"].message
    assert "2022-03-31" in by_rule["CONS-05"].message and "2021" in by_rule["CONS-05"].message
    assert "30/60/50/100" in by_rule["CONS-01"].message
    assert "缺少满意度指标" in by_rule["COMP-05"].message
    assert "时效指标" in by_rule["COMP-07"].message
    assert by_rule["MEAS-01"].message_en.startswith("Only 3 of 6 targets") and "(50%)" in by_rule["MEAS-01"].message_en


@pytest.mark.parametrize("rows, rule_id", [
    # a deadline in the next year that says so is fine
    (replace_row(8, ind("完成时间", "次年3月底前", "date", op="<=", date=dt.date(2022, 3, 31), row=8,
                        level1=TIMELINESS[0], level2=TIMELINESS[1])), "CONS-05"),
    # a growth rate may pass 100%
    (replace_row(10, ind("业务收入增长率", "120%", "percent", 120, unit="%", row=10, level1=SOCIAL[0],
                         level2=SOCIAL[1])), "CONS-06"),
    # a rate per 100,000 is a rate, not a bare count
    (replace_row(10, ind("孕产妇死亡率", "＜10/10万", value=10, op="<", unit="/10万", row=10, level1=SOCIAL[0],
                         level2=SOCIAL[1])), "CONS-07"),
    # a unit cost is not compared with the budget
    (replace_row(9, ind("每公里平均造价", "≤183.5万元", value=1_835_000, op="<=", unit="元", row=9, level1=COST[0],
                        level2=COST[1])), "CONS-04"),
    # a grade is a target, not a vague word
    (replace_row(7, ind("学校食堂量化等级", "良好以上", "text", row=7, level1=QUALITY[0], level2=QUALITY[1])),
     "MEAS-03"),
    # 满意度 in the band, given as a range
    (replace_row(11, ind("满意度", "85%-95%", "percent", 85, op="range", value_max=95, unit="%", row=11,
                         level1=SATISFACTION[0], level2=SATISFACTION[1])), "SAT-01"),
])
def test_near_misses_are_not_findings(rows: list, rule_id: str) -> None:
    assert [f.rule for f in review_report(report(project(rows=rows)))] == []


def test_a_blank_other_funds_leaves_the_rest_of_the_total_to_other_money() -> None:
    """年度资金总额 9800, 其中：财政拨款 9200 (no 其他资金 field): consistent; 财政拨款 above the total is not."""
    fine = report(project(budget_total=98_000_000.0, budget_fiscal=92_000_000.0, budget_other=None))
    assert review_report(fine) == ()
    over = report(project(budget_total=9_000_000.0, budget_fiscal=9_200_000.0, budget_other=None))
    assert [f.rule for f in review_report(over)] == ["CONS-03"]


def test_a_placeholder_category_is_one_finding_not_one_per_row() -> None:
    rows = [*without(10), ind("经济效益", "无", "text", row=10, level1=SOCIAL[0], level2=("经济效益指标", "economic")),
            ind("社会效益", "/", "text", row=12, level1=SOCIAL[0], level2=SOCIAL[1])]
    found = review_report(report(project(rows=rows)))
    assert [(f.rule, f.where.row) for f in found] == [("COMP-09", 10)]
    assert "效益指标" in found[0].message


def test_findings_come_most_serious_first_within_a_row() -> None:
    rows = replace_row(11, ind("满意度", "120%", "percent", 120, unit="%", row=11, level1=SATISFACTION[0],
                               level2=SATISFACTION[1]))
    broken = report(dataclasses.replace(project(rows=rows), spending_plan=SpendingPlan(50.0, 40.0, 75.0, 100.0)))
    assert [f.rule for f in review_report(broken)] == ["CONS-01", "CONS-06"]
