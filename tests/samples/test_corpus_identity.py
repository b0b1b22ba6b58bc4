"""A generated corpus of different reports loads as that many documents (issue 11, item 1).

make_samples numbers the projects of a department and year alike in every report (P-codes
0001, 0002 ... with the same names), so only the values tell two reports apart; before
issue 11 a 100-file corpus loaded as 84 documents, some replacing each other. A true
revision in the corpus is still a revision, and its line says what it replaces.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlalchemy as sa

from jixiao.batch import run_batch
from jixiao.load import schema
from samples.make_samples import SAMPLES_DIR, write_corpus


def test_forty_generated_reports_are_forty_documents(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "corpus", 40, seed=7)
    shutil.copyfile(SAMPLES_DIR / "revisions" / "report_v1.docx", tmp_path / "corpus" / "zz_report_v1.docx")
    shutil.copyfile(SAMPLES_DIR / "revisions" / "report_v2.docx", tmp_path / "corpus" / "zz_report_v2.docx")
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    summary = run_batch([tmp_path / "corpus"], db_url=url, workers=2)
    assert (summary.loaded, summary.failed, summary.revisions, summary.held) == (len(files) + 2, 0, 1, 0)
    revision = summary.actions("supersede")[0]
    assert revision.note == ("v2 of 唐山市文化广电和旅游局/2022/project, replaces zz_report_v1.docx v1: "
                             "+1 project, -1 project, 3 values changed")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            documents = conn.execute(sa.select(sa.func.count()).select_from(schema.current_documents)).scalar()
    finally:
        engine.dispose()
    assert documents == len(files) + 1
    kept_apart = [o for o in summary.outcomes if o.action == "new" and o.note]
    assert kept_apart and all(o.note.startswith(f"new document {o.document_key}: a different report from ")
                              for o in kept_apart)
