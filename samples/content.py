"""The hand-written sample reports, read from samples/data/*.toml."""

from __future__ import annotations

import copy
import tomllib
from functools import lru_cache
from pathlib import Path

from samples.model import Indicator, Project, Report, from_dict

DATA = Path(__file__).resolve().parent / "data"
SAMPLE_DATA = (
    "tangshan_2021",
    "mof_standard_2023",
    "budget_system_export_2022",
    "department_overall_2022",
    "multi_project_tables_2022",
    "variants_2024",
    "province_form_2023",
    "split_columns_2023",
    "tangshan_2021_self_evaluation",
)


def _load(name: str) -> dict:
    with open(DATA / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=1)
def vocab() -> dict:
    """The word pools of the benchmark corpus (samples/data/vocab.toml)."""
    return _load("vocab")


def sample_reports() -> list[Report]:
    """One report per layout, then the revision pair; their `file` is relative to samples/."""
    return [from_dict(_load(name)) for name in SAMPLE_DATA] + list(revision_pair())


def revision_pair() -> tuple[Report, Report]:
    """v1 and v2 of the same report: v2 drops, adds and changes what [v2] says."""
    data = _load("revisions")
    changes = data.pop("v2")
    v1 = from_dict(copy.deepcopy(data))
    columns = data["columns"]
    v2 = from_dict(data)
    v2.file = changes["file"]
    v2.projects = [p for p in v2.projects if p.code not in changes["remove"]]
    for code, name, value in changes["values"]:
        _indicator(v2.projects, code, name).value = value
    for raw in changes["add"]:
        rows = raw.pop("indicators")
        v2.projects.append(Project(**raw, indicators=[Indicator.from_row(columns, r) for r in rows]))
    return v1, v2


def _indicator(projects: list[Project], code: str, name: str) -> Indicator:
    matches = [i for p in projects if p.code == code for i in p.indicators if i.name == name]
    if len(matches) != 1:
        raise ValueError(f"revisions.toml: {code}/{name} names {len(matches)} indicators, not one")
    return matches[0]
