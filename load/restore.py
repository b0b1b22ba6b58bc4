"""Make a stored version of a document current again: the undo of a revision, in one transaction.

    from jixiao.load.restore import make_current
    restored = make_current(engine, "唐山市市场监督管理局/2021/department_overall", 1)

The pointer moves, the flags follow, and version_log records the move with its line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.load import schema
from jixiao.load.database import write_transaction
from jixiao.load.diff import diff_snapshots, load_snapshot
from jixiao.load.exceptions import UnknownDocument
from jixiao.load.identity import change_summary
from jixiao.load.writer import version_log_row

__all__ = ["Restored", "make_current"]

_d, _c = schema.documents, schema.current_documents


@dataclass(frozen=True, slots=True)
class Restored:
    """What make_current did."""

    document_key: str
    version: int
    previous_version: int | None
    """The version that was current before; equal to `version` when nothing moved."""
    message: str


def make_current(engine: Engine, key: str, version: int, *, now: dt.datetime | None = None) -> Restored:
    """Make `version` of `key` its current version. Raises UnknownDocument for an unknown key or version."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    with write_transaction(engine) as conn:
        pointer = conn.execute(
            sa.select(_c.c.document_id).where(_c.c.document_key == key).with_for_update()
        ).scalar()
        rows = {r.version: r for r in conn.execute(
            sa.select(_d.c.id, _d.c.version, _d.c.source_file).where(_d.c.document_key == key))}
        if pointer is None or not rows:
            raise UnknownDocument(key, "no document with this key; `jixiao history` lists the keys")
        if version not in rows:
            known = ", ".join(map(str, sorted(rows)))
            raise UnknownDocument(key, f"has no version {version} (versions: {known})")
        target = rows[version]
        current = next(r for r in rows.values() if r.id == pointer)
        if current.id == target.id:
            return Restored(key, version, version, f"v{version} of {key} is already the current version")
        diff = diff_snapshots(key, current.version, version, load_snapshot(conn, current.id),
                              load_snapshot(conn, target.id))
        conn.execute(sa.update(_d).where(_d.c.id == current.id).values(is_current=False, superseded_at=now))
        conn.execute(sa.update(_d).where(_d.c.id == target.id).values(is_current=True, superseded_at=None))
        conn.execute(sa.update(_c).where(_c.c.document_key == key).values(document_id=target.id, changed_at=now))
        message = (f"v{version} of {key} ({target.source_file}) is current again, replaces "
                   f"{current.source_file} v{current.version}: {change_summary(diff)}")
        conn.execute(schema.version_log.insert(), version_log_row(
            key=key, action="restore", version=version, previous=current.version, run_id=None, message=message,
            now=now,
        ))
    return Restored(key, version, current.version, message)
