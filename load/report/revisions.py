"""The report's section on revisions: every supersession, every revision held back, every restore.

Read from version_log, newest first, with the line the clerk was shown when it happened,
so a document that changed or did not change its current version is never a surprise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from jixiao.load.schema import version_log

__all__ = ["VersionChange", "read_version_changes", "revisions_section", "SHOWN"]

SHOWN = 500
"""Newest entries shown; the rest stay in version_log."""

ACTIONS = {
    "supersede": "新版本替换 replaced",
    "hold": "未设为当前 held back",
    "restore": "恢复 restored",
}
TEXT = {
    "title": "修订记录 · Revisions",
    "note": "每次新版本替换当前版本、新版本因删去大部分项目而未设为当前、或旧版本被恢复，都记在这里。"
            " (Every revision that replaced a current version, every one held back because it drops most"
            " projects, and every version made current again.)",
    "at": "时间 at (UTC)",
    "action": "操作 action",
    "key": "文档键 document key",
    "versions": "版本 versions",
    "message": "说明 message",
    "none": "无 · none",
    "more": "更早的记录见 version_log 表 (older entries: table version_log)",
}


@dataclass(frozen=True, slots=True)
class VersionChange:
    """One version_log entry."""

    at: dt.datetime
    action: str
    document_key: str
    version: int
    previous_version: int | None
    message: str


def read_version_changes(conn: Connection, limit: int = SHOWN + 1) -> tuple[VersionChange, ...]:
    """The newest version_log entries, newest first."""
    v = version_log
    rows = conn.execute(
        sa.select(v.c.at, v.c.action, v.c.document_key, v.c.version, v.c.previous_version, v.c.message)
        .order_by(v.c.id.desc()).limit(limit)
    )
    return tuple(VersionChange(*row) for row in rows)


def revisions_section(changes: tuple[VersionChange, ...]) -> str:
    """The <section> listing `changes` (at most SHOWN of them)."""
    head = "".join(f"<th>{escape(TEXT[h])}</th>" for h in ("at", "action", "key", "versions", "message"))
    rows = "".join(
        f'<tr class="{escape(c.action)}"><td>{c.at:%Y-%m-%d %H:%M}</td><td>{escape(ACTIONS.get(c.action, c.action))}'
        f"</td><td>{escape(c.document_key)}</td><td>v{c.previous_version or '-'} → v{c.version}</td>"
        f"<td>{escape(c.message)}</td></tr>"
        for c in changes[:SHOWN]
    ) or f'<tr><td colspan="5">{escape(TEXT["none"])}</td></tr>'
    more = f'<p class="meta">{escape(TEXT["more"])}</p>' if len(changes) > SHOWN else ""
    return (f'<section id="revisions"><h2>{escape(TEXT["title"])}</h2><p class="meta">{escape(TEXT["note"])}</p>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}</section>")
