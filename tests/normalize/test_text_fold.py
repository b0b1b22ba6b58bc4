"""Full-width forms fold to half-width in one translate table, keeping every position."""

from __future__ import annotations

import pytest

from jixiao.normalize.text import compact, fold


@pytest.mark.parametrize(("text", "folded"), [
    ("９５％以上", "95%以上"),
    ("＞＝８５％", ">=85%"),
    ("１０～２０家", "10~20家"),
    ("省（市）级", "省(市)级"),
    ("预算数1080万元，其中：财政资金", "预算数1080万元,其中:财政资金"),
    ("\u3000良好\u00a0", " 良好 "),
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_compact_drops_whitespace() -> None:
    assert compact(" 社会效益　指标 ") == "社会效益指标"
