"""The findings a reviewer agrees with on the seed and the samples, written down (and the ones left out, why).

Read with the samples' data (samples/data/*.toml) beside it:
- the seed (tangshan_2021): two projects give their money only as a sum in the purpose text
  (共242万元, 共计75万元), no 年度资金总额 a reviewer can check: COMP-02. Its blank 经济/生态/可持续
  rows are placeholders of optional 二级指标 and are not findings; 成本指标 sits under 产出 in this
  2021 template and every project fills it.
- 明显改善 / 持续提升 / 明显提升 / 持续加强 are targets nobody can score at year end: MEAS-03.
- The 2022 multi-project and revision files fill 成本指标 in some projects and not in others: COMP-06.
  Their 年度资金总额 above 其中：财政拨款 is not a finding: the template has no 其他资金 field.
- 因贫失学率 "0" is a rate without a percent: a notice (CONS-07). 孕产妇死亡率 ＜10/10万 is a rate per N: fine.
- The province form's 服务周期 2023.07-2024.01 runs into the next year without saying so: CONS-05.
- The split-column (Chongqing) form has no 一级/二级 levels, so the category rules have nothing to
  check; its 定性 rows left without a target are COMP-08, and its traditional-character 部门整体
  table gives no budget: COMP-02.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.pipeline import read_report
from jixiao.review import review_report

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# file -> (rule, project ordinal, indicator, grid row) of every finding, in the order review_report gives them
EXPECTED: dict[str, list[tuple[str, int | None, str | None, int | None]]] = {
    "tangshan_2021_market_supervision.docx": [
        ("COMP-02", 3, None, None), ("COMP-02", 6, None, None),
    ],
    "mof_standard_2023.docx": [("CONS-07", 1, "家庭经济困难学生因贫失学率", 12)],
    "budget_system_export_2022.docx": [
        ("MEAS-03", 1, "居民居住环境改善情况", 10), ("MEAS-03", 2, "燃气安全宣传覆盖面", 11),
    ],
    "department_overall_2022.docx": [],
    "multi_project_tables_2022.docx": [
        ("MEAS-03", 1, "农村群众出行条件", 9), ("COMP-06", 2, None, None), ("COMP-06", 3, None, None),
        ("MEAS-03", 4, "干线公路通行能力", 3),
    ],
    "variants_2024.docx": [("MEAS-03", 2, "水生态监测能力提升", 11)],
    "province_form_2023.docx": [("CONS-05", 2, "服务周期", 10)],
    "split_columns_2023.docx": [
        ("COMP-08", 1, "群众出行条件改善", 11), ("COMP-08", 2, "场镇环境卫生面貌", 11),
        ("COMP-08", 3, "养殖户防疫意识", 11), ("COMP-02", 4, None, None),
    ],
    "tangshan_2021_self_evaluation.docx": [],
    "revisions/report_v1.docx": [("COMP-06", 3, None, None), ("COMP-06", 4, None, None)],
    "revisions/report_v2.docx": [
        ("COMP-06", 3, None, None), ("COMP-06", 4, None, None), ("MEAS-03", 4, "非遗项目传承保护", 10),
    ],
}


def test_every_sample_is_written_down() -> None:
    assert sorted(EXPECTED) == sorted(str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*.docx"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_sample_gets_the_findings_a_reviewer_agrees_with(name: str) -> None:
    findings = review_report(read_report(SAMPLES / name))
    got = [(f.rule, f.where.project_ordinal, f.where.indicator, f.where.row) for f in findings]
    assert got == EXPECTED[name]
    assert all(f.where.file == Path(name).name for f in findings)


def test_the_seed_findings_name_the_projects_and_their_tables() -> None:
    findings = review_report(read_report(SAMPLES / "tangshan_2021_market_supervision.docx"))
    assert [(f.where.project_code, f.where.table, f.severity) for f in findings] == [
        ("228002B20DX0003", 2, "warning"), ("228002B20DX0006", 5, "warning")]
    assert findings[0].message == "「市场食品安全检测试剂补贴」未写明年度资金总额或财政拨款金额，请在表中补填预算数。"
