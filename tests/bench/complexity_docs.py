"""Seed-layout documents of any size for the complexity tests: P project tables of R indicator rows."""

from __future__ import annotations

from tests.docx_builder import abstract_num, build_docx, num, p, tbl, tc

LEVEL1 = ("产出指标", "效益指标", "满意度指标")
NUMBERING = abstract_num(0, [("chineseCounting", "%1、"), ("decimal", "（%2）")]) + num(1, 0)


def project_table(project: int, rows: int) -> str:
    """A seed-layout project table: merged header cells, level-1 labels merged down their rows."""
    head = [
        ["项目编码", tc(f"1302002100000000{project:04d}", span=5)],
        ["项目名称", tc(f"食品安全抽检经费{project}", span=5)],
        ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
    ]
    body = []
    per_label = max(1, rows // len(LEVEL1))
    for r in range(rows):
        label = LEVEL1[min(r // per_label, len(LEVEL1) - 1)]
        first = r % per_label == 0
        body.append([
            tc(label if first else "", vmerge="restart" if first else "continue"),
            "数量指标", f"抽检批次{r}", "全年抽检食品", f"≥{r + 10}批次", "历史数据",
        ])
    return tbl(head + body, grid=6)


def document(projects: int, rows: int, paragraphs: int = 10) -> bytes:
    blocks = [p("唐山市市场监督管理局2021年部门绩效目标")]
    for i in range(paragraphs):
        blocks.append(p(f"质量水平目标{i}。建成试点{i}个。", num=(1, i % 2)))
    blocks += [project_table(j, rows) for j in range(projects)]
    return build_docx("".join(blocks), numbering_xml=NUMBERING)
