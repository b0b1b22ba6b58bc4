"""The versions of a document key, and the keys in the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.load import schema
from jixiao.load.exceptions import UnknownDocument

__all__ = ["Version", "KeySummary", "versions", "keys", "resolve_versions"]

_d, _c = schema.documents, schema.current_documents


@dataclass(frozen=True, slots=True)
class Version:
    """One stored version of a document key."""

    document_id: int
    version: int
    is_current: bool
    source_file: str
    source_path: str
    sha256: str
    title: str | None
    department: str | None
    fiscal_year: int | None
    ingested_at: dt.datetime
    superseded_at: dt.datetime | None
    run_id: str
    projects: int
    indicators: int
    warnings: int
    untyped: int


@dataclass(frozen=True, slots=True)
class KeySummary:
    """A document key with its current version."""

    document_key: str
    current_version: int
    versions: int
    department: str | None
    fiscal_year: int | None
    source_file: str


def versions(engine: Engine, key: str) -> tuple[Version, ...]:
    """Every version of `key`, oldest first. Raises UnknownDocument when there is none."""
    query = (
        sa.select(
            _d.c.id, _d.c.version, (_c.c.document_id.is_not(None)).label("current"), _d.c.source_file,
            _d.c.source_path, _d.c.sha256, _d.c.title, _d.c.department, _d.c.fiscal_year, _d.c.ingested_at,
            _d.c.superseded_at, _d.c.run_id, _d.c.n_projects, _d.c.n_indicators, _d.c.n_warnings, _d.c.n_untyped,
        )
        .select_from(_d.outerjoin(_c, _c.c.document_id == _d.c.id))
        .where(_d.c.document_key == key)
        .order_by(_d.c.version)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        if not rows:
            raise UnknownDocument(key, _unknown_hint(conn, key))
    return tuple(Version(*(bool(v) if i == 2 else v for i, v in enumerate(row))) for row in rows)


def keys(engine: Engine, contains: str | None = None) -> tuple[KeySummary, ...]:
    """The document keys (those containing `contains`, when given), sorted."""
    dv = _d.alias("dv")
    n_versions = sa.select(sa.func.count()).where(dv.c.document_key == _c.c.document_key).scalar_subquery()
    query = (
        sa.select(_c.c.document_key, _d.c.version, n_versions, _d.c.department, _d.c.fiscal_year, _d.c.source_file)
        .select_from(_c.join(_d, _d.c.id == _c.c.document_id))
    )
    if contains:
        query = query.where(_c.c.document_key.contains(contains, autoescape=True))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return tuple(sorted((KeySummary(*row) for row in rows), key=lambda k: k.document_key))


def resolve_versions(engine: Engine, key: str, from_version: int | None, to_version: int | None) -> tuple[Version, Version]:
    """The two versions a diff compares: `to` defaults to the current one, `from` to the one before `to`."""
    all_versions = versions(engine, key)
    by_number = {v.version: v for v in all_versions}
    current = next((v for v in all_versions if v.is_current), all_versions[-1])
    new = _pick(key, by_number, to_version) if to_version is not None else current
    if from_version is None:
        older = [v for v in all_versions if v.version < new.version]
        if not older:
            raise UnknownDocument(key, f"version {new.version} is the first; there is no earlier version to compare")
        return older[-1], new
    return _pick(key, by_number, from_version), new


def _pick(key: str, by_number: dict[int, Version], number: int) -> Version:
    if number not in by_number:
        known = ", ".join(map(str, sorted(by_number)))
        raise UnknownDocument(key, f"has no version {number} (versions: {known})")
    return by_number[number]


def _unknown_hint(conn: sa.Connection, key: str) -> str:
    similar = conn.execute(
        sa.select(_c.c.document_key).where(_c.c.document_key.contains(key, autoescape=True))
        .order_by(_c.c.document_key).limit(5)
    ).scalars().all()
    if similar:
        return "no document with this key; did you mean: " + ", ".join(similar)
    return "no document with this key; `jixiao history` lists the keys"
