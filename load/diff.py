"""What changed between two versions of a document: projects added and removed, values changed.

Projects are matched by code, else by name; indicators within a matched project
by name (the n-th of a repeated name with the n-th). `diff_snapshots` is pure;
`diff_versions` reads the two versions from the database.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.load import schema
from jixiao.load.history import resolve_versions
from jixiao.normalize.records import Report

__all__ = [
    "ProjectRef", "ValueState", "IndicatorSnapshot", "ProjectSnapshot", "ValueChange", "IndicatorEntry",
    "FieldChange", "DocumentDiff", "diff_snapshots", "diff_versions", "snapshot_of", "load_snapshot",
]

T = TypeVar("T")
PROJECT_FIELDS = ("name", "department", "budget_total", "budget_fiscal", "budget_other",
                  "spending_plan_q1", "spending_plan_q2", "spending_plan_q3", "spending_plan_q4")


@dataclass(frozen=True, slots=True)
class ProjectRef:
    """How a project is named in a diff."""

    code: str | None
    name: str | None

    def label(self) -> str:
        return " ".join(x for x in (self.code, self.name) if x) or "(unnamed project)"


@dataclass(frozen=True, slots=True)
class ValueState:
    """An indicator value as written and as typed."""

    raw: str
    kind: str
    op: str | None
    value: float | None
    value_max: float | None
    unit: str | None
    scale: float | None
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class IndicatorSnapshot:
    name: str | None
    level1: str | None
    level2: str | None
    state: ValueState


@dataclass(frozen=True, slots=True)
class ProjectSnapshot:
    ref: ProjectRef
    fields: tuple[tuple[str, object], ...]
    """(field, value) for PROJECT_FIELDS."""
    indicators: tuple[IndicatorSnapshot, ...]


@dataclass(frozen=True, slots=True)
class ValueChange:
    """An indicator present in both versions whose value differs."""

    project: ProjectRef
    indicator: str | None
    level1: str | None
    level2: str | None
    old: ValueState
    new: ValueState


@dataclass(frozen=True, slots=True)
class IndicatorEntry:
    """An indicator added to or removed from a project present in both versions."""

    project: ProjectRef
    indicator: str | None
    value: ValueState


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A project field (name, department, budget, spending plan) that differs."""

    project: ProjectRef
    field: str
    old: object
    new: object


@dataclass(frozen=True, slots=True)
class DocumentDiff:
    """Every difference between two versions of one document key."""

    document_key: str
    from_version: int
    to_version: int
    projects_added: tuple[ProjectRef, ...]
    projects_removed: tuple[ProjectRef, ...]
    fields_changed: tuple[FieldChange, ...]
    indicators_added: tuple[IndicatorEntry, ...]
    indicators_removed: tuple[IndicatorEntry, ...]
    values_changed: tuple[ValueChange, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.projects_added or self.projects_removed or self.fields_changed
                    or self.indicators_added or self.indicators_removed or self.values_changed)


def diff_snapshots(key: str, from_version: int, to_version: int, old: Sequence[ProjectSnapshot],
                   new: Sequence[ProjectSnapshot]) -> DocumentDiff:
    """The difference between two documents' projects."""
    # A name pairs projects only when one of them has no code: two different codes are two projects.
    pairs, removed, added = _match(old, new, [lambda p: p.ref.code, lambda p: p.ref.name],
                                   compatible=lambda a, b: a.ref.code is None or b.ref.code is None)
    fields: list[FieldChange] = []
    ind_added: list[IndicatorEntry] = []
    ind_removed: list[IndicatorEntry] = []
    changed: list[ValueChange] = []
    for a, b in pairs:
        ref = b.ref
        fields += [FieldChange(ref, f, x, y) for (f, x), (_, y) in zip(a.fields, b.fields) if x != y]
        same, gone, came = _match(a.indicators, b.indicators, [lambda i: i.name or ""])
        changed += [ValueChange(ref, y.name, y.level1, y.level2, x.state, y.state) for x, y in same if x.state != y.state]
        ind_removed += [IndicatorEntry(ref, i.name, i.state) for i in gone]
        ind_added += [IndicatorEntry(ref, i.name, i.state) for i in came]
    return DocumentDiff(
        document_key=key, from_version=from_version, to_version=to_version,
        projects_added=tuple(p.ref for p in added), projects_removed=tuple(p.ref for p in removed),
        fields_changed=tuple(fields), indicators_added=tuple(ind_added), indicators_removed=tuple(ind_removed),
        values_changed=tuple(changed),
    )


def _match(old: Sequence[T], new: Sequence[T], keys: list[Callable[[T], Hashable | None]],
           compatible: Callable[[T, T], bool] = lambda a, b: True,
           ) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pair items by the first key, then the rest by the next; (pairs in new's order, unmatched old, unmatched new)."""
    left, right = list(old), list(new)
    pairs: list[tuple[T, T]] = []
    for n, key in enumerate(keys):
        waiting: dict[Hashable, list[T]] = defaultdict(list)
        for item in left:
            if (k := key(item)) is not None:
                waiting[k].append(item)
        unmatched: list[T] = []
        for item in right:
            k = key(item)
            queue = waiting.get(k, []) if k is not None else []
            partner = next((a for a in queue if n == 0 or compatible(a, item)), None)
            if partner is not None:
                queue.remove(partner)
                pairs.append((partner, item))
            else:
                unmatched.append(item)
        taken = {id(a) for a, _ in pairs}
        left, right = [x for x in left if id(x) not in taken], unmatched
    order = {id(b): i for i, b in enumerate(new)}
    pairs.sort(key=lambda ab: order[id(ab[1])])
    return pairs, left, right


def diff_versions(engine: Engine, key: str, from_version: int | None = None, to_version: int | None = None
                  ) -> DocumentDiff:
    """Compare two stored versions of `key` (defaults: the current one and the one before it)."""
    old, new = resolve_versions(engine, key, from_version, to_version)
    with engine.connect() as conn:
        return diff_snapshots(key, old.version, new.version, load_snapshot(conn, old.document_id),
                              load_snapshot(conn, new.document_id))


def load_snapshot(conn: sa.Connection, document_id: int) -> tuple[ProjectSnapshot, ...]:
    """A stored document's projects and indicators, in document order (two queries)."""
    p, i = schema.projects, schema.indicators
    by_project: dict[int, list[IndicatorSnapshot]] = defaultdict(list)
    ind_rows = conn.execute(
        sa.select(i.c.project_id, i.c.name, i.c.level1, i.c.level2, i.c.raw, i.c.kind, i.c.op, i.c.value,
                  i.c.value_max, i.c.unit, i.c.scale, i.c.date)
        .where(i.c.document_id == document_id).order_by(i.c.project_id, i.c.ordinal)
    )
    for row in ind_rows:
        by_project[row.project_id].append(IndicatorSnapshot(row.name, row.level1, row.level2, ValueState(*row[4:])))
    projects = conn.execute(
        sa.select(p.c.id, p.c.code, *(p.c[f] for f in PROJECT_FIELDS)).where(p.c.document_id == document_id)
        .order_by(p.c.ordinal)
    )
    return tuple(
        ProjectSnapshot(ProjectRef(row.code, row.name), tuple(zip(PROJECT_FIELDS, row[2:])),
                        tuple(by_project[row.id]))
        for row in projects
    )


def snapshot_of(report: Report) -> tuple[ProjectSnapshot, ...]:
    """The same snapshot built from a Report in memory, to diff reports before loading them."""
    def num(x: float | int | None) -> float | None:
        return None if x is None else float(x)

    return tuple(
        ProjectSnapshot(
            ProjectRef(pr.code, pr.name),
            tuple(zip(PROJECT_FIELDS, (
                pr.name, pr.department, num(pr.budget_total), num(pr.budget_fiscal), num(pr.budget_other),
                num(pr.spending_plan.q1), num(pr.spending_plan.q2), num(pr.spending_plan.q3),
                num(pr.spending_plan.q4)))),
            tuple(
                IndicatorSnapshot(x.name, x.level1, x.level2, ValueState(
                    x.raw, x.kind, x.op, num(x.value), num(x.value_max), x.unit, num(x.scale), x.date))
                for x in pr.indicators
            ),
        )
        for pr in report.projects
    )
