"""A file name that is not UTF-8 does not stop a batch (issue 11, item 4), on every engine.

Zip files made on Chinese Windows carry GBK names; unpacked on Linux they are byte strings
Python sees as surrogate escapes, which no database driver, log or terminal accepts.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import sqlalchemy as sa

from jixiao.batch import run_batch
from jixiao.load import schema

ROOT = Path(__file__).resolve().parents[2]


def test_a_gbk_file_name_loads_and_the_files_after_it_too(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "unzipped"
    folder.mkdir()
    gbk_name = os.fsencode(folder) + b"/" + "报告（修改稿）.docx".encode("gbk")
    shutil.copyfile(ROOT / "samples" / "tangshan_2021_market_supervision.docx", gbk_name)
    shutil.copyfile(ROOT / "samples" / "variants_2024.docx", folder / "z_after.docx")
    undecodable = os.fsencode(folder) + b"/\xff\xfe-bad.docx"
    shutil.copyfile(ROOT / "samples" / "department_overall_2022.docx", undecodable)
    log = tmp_path / "run.jsonl"

    summary = run_batch([folder], db_url=db_url, workers=2, log_json=log)
    names = sorted(["z_after.docx", "报告（修改稿）.docx", "\\xff\\xfe-bad.docx"])

    assert (summary.loaded, summary.failed) == (3, 0)
    assert sorted(Path(o.path).name for o in summary.outcomes) == names
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            stored = conn.execute(sa.select(schema.documents.c.source_file)).scalars().all()
        assert sorted(stored) == names
    finally:
        engine.dispose()
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(x["path"]).name for x in lines) == names
