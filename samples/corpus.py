"""Random but seeded reports for the benchmark corpus, drawn from samples/data/vocab.toml."""

from __future__ import annotations

from random import Random

from samples.content import vocab
from samples.model import Indicator, Para, Project, Report
from samples.values import VALUE_SHAPES, Drawn

LAYOUT_CHOICES = ("seed", "mof", "export", "department", "multi", "variants")
BIG_LAYOUTS = ("seed", "mof", "export", "multi")
LIST_OF_LAYOUT = {
    "seed": "goal", "mof": "mof", "export": "outline", "department": "thousand", "multi": "articles", "variants": "letters",
}
DISTRICTS = ("路南区", "路北区", "古冶区", "开平区", "丰南区", "丰润区", "曹妃甸区", "滦州市", "遵化市", "迁安市", "迁西县", "玉田县", "滦南县", "乐亭县")
MULTI_HEADERS = (
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
    ["一级 指标", "二级指标", "三级指标 ", "指标值（含单位）", "指标值确定依据"],
    ["一级指标　", "二级 指标", "三级指标", "指 标 值", "指标值确定依据"],
)
SIDE_HEADER = ["本年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值及单位", "权重", "备注"]
WIDE_HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "分值", "绩效标准", "指标解释"]
PLAN_STEPS = ("0.00", "10.00", "20.00", "25.00", "30.00", "40.00", "50.00", "60.00", "70.00", "75.00", "80.00", "90.00")


def corpus_plan(n_docs: int, seed: int, *, big_docs: int = 0, big_projects: int = 500) -> list[tuple[str, int, int]]:
    """(layout, projects, seed) per document: `n_docs` mixed ones, then `big_docs` large ones."""
    rng = Random(seed)
    plan = [(rng.choice(LAYOUT_CHOICES), rng.randint(1, 15), rng.randrange(1 << 30)) for _ in range(n_docs)]
    plan += [(BIG_LAYOUTS[i % len(BIG_LAYOUTS)], big_projects, rng.randrange(1 << 30)) for i in range(big_docs)]
    return plan


def random_report(
    layout: str, n_projects: int, seed: int, *, department: str | None = None, year: int | None = None
) -> Report:
    """A plausible report in `layout`; layout "department" always holds one (department) project."""
    rng = Random(seed * 1_000_003 + n_projects * 31 + LAYOUT_CHOICES.index(layout))
    known = {name: (code, domain) for name, code, domain in vocab()["departments"]}
    department = department or rng.choice(sorted(known))
    admin, domain = known.get(department, ("130200", rng.choice(sorted(vocab()["projects"]))))
    year = year or rng.randint(2019, 2025)
    kind = "部门整体支出绩效目标表" if layout == "department" else "项目支出绩效目标表"
    title = f"{department}{year}年度{kind}"
    count = 1 if layout == "department" else n_projects
    projects = [_project(rng, layout, i, department, admin, domain, year) for i in range(count)]
    if layout == "department":
        projects[0] = _department_project(rng, projects[0], department, domain)
    if layout == "multi" and count >= 2 and rng.random() < 0.5:
        projects[-1].split_after = max(1, len(projects[-1].indicators) // 2)
    paragraphs = [Para(title, style="Heading1", center=True)]
    numbering = LIST_OF_LAYOUT[layout]
    paragraphs += [Para(f"{p.name}。{p.goal}", list=numbering) for p in projects[:8]]
    return Report(layout=layout, file=f"{layout}_{seed}.docx", title=title, department=department, year=year,
                  paragraphs=paragraphs, projects=projects)


def _project(rng: Random, layout: str, i: int, department: str, admin: str, domain: str, year: int) -> Project:
    names = vocab()["projects"][domain]
    name = names[i % len(names)]
    if i >= len(names):
        rounds = i // len(names) - 1
        batch, district = divmod(rounds, len(DISTRICTS))
        name += f"（{DISTRICTS[district]}）" + (f"第{batch + 1}批" if batch else "")
    total = round(rng.uniform(10, 20000), 2)
    fiscal = total if rng.random() < 0.6 else round(total * rng.uniform(0.7, 0.99), 2)
    indicators = _indicators(rng, layout, domain, year)
    last = indicators[-1]
    satisfaction = f"{last.name}{last.nature if layout == 'export' else ''}{last.value}{last.unit}"
    plan = sorted(rng.sample(PLAN_STEPS, 3), key=float) + ["100.00"]
    project = Project(
        name=name, code=f"{admin}-{year % 100:02d}-{i + 1:04d}", department=department,
        unit=department + rng.choice(vocab()["units"]),
        total=f"{total:.2f}", fiscal=f"{fiscal:.2f}", other=f"{total - fiscal:.2f}",
        purpose=f"预算数{_wan(total)}万元，其中：财政资金{_wan(fiscal)}万元。主要用于{name}相关工作。",
        plan=plan, goal=f"按计划完成{name}各项任务，资金使用规范高效，{satisfaction}。",
        indicators=indicators,
    )
    if layout == "multi":
        project.categories = rng.choice(("merged", "blank", "repeated"))
        project.header = list(rng.choice(MULTI_HEADERS))
    elif layout == "variants":
        side = rng.random() < 0.5
        project.header = list(SIDE_HEADER if side else WIDE_HEADER)
        project.categories = "merged" if side else "blank"
    elif layout == "export":
        project.categories = "repeated"
    return project


def _wan(amount: float) -> str:
    """万元 as a clerk types it in prose: 1080, 194.88, 12140.4."""
    return f"{amount:.2f}".rstrip("0").rstrip(".")


def _indicators(rng: Random, layout: str, domain: str, year: int) -> list[Indicator]:
    """Output rows, then cost, benefit and satisfaction rows, labelled as the layout's era does."""
    v = vocab()
    modern = layout != "seed" and year >= 2021
    benefit_level1 = "效果指标" if layout == "seed" else "效益指标"
    pool = v["indicators"][domain]
    outputs = [row for row in pool if row[0] in ("数量指标", "质量指标")]
    benefits = [row for row in pool if row[0] not in ("数量指标", "质量指标")]
    picked = sorted(rng.sample(outputs, rng.randint(2, min(4, len(outputs)))), key=outputs.index)
    chosen = [("产出指标", row) for row in picked]
    timely, cost = [row for row in v["common"] if row[0] == "时效指标"], [row for row in v["common"] if row[0] == "成本指标"]
    chosen.append(("产出指标", rng.choice(timely)))
    cost_row = list(rng.choice(cost))
    if modern:
        cost_row[0] = "经济成本指标"
    chosen.append(("成本指标" if modern else "产出指标", cost_row))
    chosen += [(benefit_level1, row) for row in rng.sample(benefits, rng.randint(1, min(3, len(benefits))))]
    rows = []
    for level1, (level2, name, shape, low, high, unit) in chosen:
        drawn = VALUE_SHAPES[shape](rng, low, high, unit, year)
        rows.append(_indicator(rng, layout, level1, level2, name, drawn))
    satisfied = rng.choice(v["satisfaction"])
    drawn = VALUE_SHAPES["percent"](rng, 80, 95, "%", year)
    span = layout == "variants" and rng.random() < 0.5
    level1 = "社会公众或服务对象满意度指标" if span else "满意度指标"
    rows.append(_indicator(rng, layout, level1, "" if span else "服务对象满意度指标", satisfied, drawn))
    if span:
        rows[-1].fx = "span12"
    weights = _weights(rng, len(rows))
    for row, weight in zip(rows, weights):
        row.weight = row.score = str(weight)
        row.standard = f"达到目标值得{weight}分"
    return rows


def _indicator(rng: Random, layout: str, level1: str, level2: str, name: str, drawn: Drawn) -> Indicator:
    basis = rng.choice(vocab()["bases"])
    if layout == "export":
        return Indicator(level1, level2, name, value=drawn.number, nature=drawn.nature, unit=drawn.unit, basis=basis)
    return Indicator(level1, level2, name, value=drawn.text, description=name, basis=basis)


def _weights(rng: Random, n: int) -> list[int]:
    """n positive integer weights summing to 100."""
    cuts = sorted(rng.sample(range(1, 100), n - 1)) if n > 1 else []
    return [b - a for a, b in zip([0, *cuts], [*cuts, 100])]


def _department_project(rng: Random, project: Project, department: str, domain: str) -> Project:
    """Layout d's single row set: the department itself, with its main tasks."""
    total = float(project.total)
    shares = _weights(rng, 4)
    names = vocab()["projects"][domain]
    tasks = [[names[k], f"组织实施{names[k]}相关工作。", f"{total * s / 100:.2f}"] for k, s in enumerate(shares)]
    return Project(name=department, total=project.total, fiscal=project.fiscal, other=project.other, tasks=tasks,
                   goal=project.goal.replace(project.name, "部门年度重点工作"), indicators=project.indicators)
