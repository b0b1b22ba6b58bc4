"""一级/二级指标 labels to codes, tolerant of the variants templates use."""

from __future__ import annotations

import pytest

from jixiao.normalize.labels import level1_code, level2_code


@pytest.mark.parametrize(("label", "code"), [
    ("产出指标", "output"),
    ("产出", "output"),
    ("成本指标", "cost"),  # 2021+ templates put 成本指标 at level 1
    ("效益指标", "benefit"),
    ("效果指标", "benefit"),
    ("满意度指标", "satisfaction"),
    ("满意度", "satisfaction"),
    ("社会公众或服务对象满意度指标", "satisfaction"),
    (" 产出 指标 ", "output"),
    ("产出指标：", "output"),
    ("效益类指标", "benefit"),
    ("数量指标", None),
    ("本年度绩效指标", None),
    ("", None),
    (None, None),
])
def test_level1_code(label: str | None, code: str | None) -> None:
    assert level1_code(label) == code


@pytest.mark.parametrize(("label", "code"), [
    ("数量指标", "quantity"),
    ("质量指标", "quality"),
    ("时效指标", "timeliness"),
    ("成本指标", "cost"),  # under 产出指标
    ("经济成本指标", "economic_cost"),
    ("社会成本指标", "social_cost"),
    ("生态环境成本指标", "ecological_cost"),
    ("经济效益指标", "economic"),
    ("社会效益指标", "social"),
    ("社会效益", "social"),
    ("社会效益类指标", "social"),
    ("生态效益指标", "ecological"),
    ("生态环境效益指标", "ecological"),
    ("可持续影响指标", "sustainable"),
    ("服务对象满意度指标", "satisfaction"),
    ("满意度", "satisfaction"),
    ("社会效益　指标", "social"),
    ("ＸＸ指标", None),
    ("产出指标", None),
    ("   ", None),
])
def test_level2_code(label: str | None, code: str | None) -> None:
    assert level2_code(label) == code
