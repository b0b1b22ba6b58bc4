"""A batch mixing hostile and good files: every good file loads, no row of a failed file is written."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import sqlalchemy as sa

from jixiao.batch import run_batch
from jixiao.load import schema
from make_hostile import STILL_READ

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_hostile_files_fail_alone_and_leave_no_rows(corpus: dict[str, Path], tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = [shutil.copy(p, inbox / p.name) for p in sorted(SAMPLES.glob("*.docx"))]
    hostile = [shutil.copy(p, inbox / f"hostile_{name}.docx") for name, p in corpus.items()]
    url = f"sqlite:///{tmp_path / 'batch.db'}"

    summary = run_batch([inbox], db_url=url, workers=2)

    by_name = {Path(o.path).name: o for o in summary.outcomes}
    failed = {n for n, o in by_name.items() if o.status == "failed"}
    expected_failed = {f"hostile_{n}.docx" for n in corpus if n not in STILL_READ}
    assert failed == expected_failed
    assert all(by_name[Path(p).name].status == "loaded" for p in good)
    assert all(by_name[f"hostile_{n}.docx"].status == "loaded" for n in STILL_READ)
    assert all(o.error_code and o.error_message and "\n" not in o.error_message
               for o in summary.outcomes if o.status == "failed")
    assert summary.exit_status == 1

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            stored = set(conn.execute(sa.select(schema.documents.c.sha256)).scalars())
            log = conn.execute(sa.select(schema.ingest_log.c.path, schema.ingest_log.c.status)).all()
            per_doc = conn.execute(
                sa.select(schema.documents.c.n_projects, sa.func.count(schema.projects.c.id))
                .select_from(schema.documents.outerjoin(schema.projects))
                .group_by(schema.documents.c.id, schema.documents.c.n_projects)
            ).all()
    finally:
        engine.dispose()
    failed_shas = {_sha(inbox / n) for n in failed}
    loaded_shas = {_sha(inbox / n) for n, o in by_name.items() if o.status == "loaded"}
    assert stored == loaded_shas
    assert not stored & failed_shas
    assert {Path(p).name for p, status in log if status == "failed"} == failed
    assert all(n == count for n, count in per_doc)
