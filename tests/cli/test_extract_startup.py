"""`jixiao extract` starts lean: what it never uses stays unimported (issue 7), without timing anything.

Each check runs in a fresh interpreter, because this test process has imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parents[2] / "samples" / "tangshan_2021_market_supervision.docx"

_RUN_EXTRACT = f"""
import contextlib, io, json, sys
sys.argv = ["jixiao", "extract", {str(SEED)!r}, "--format", "json"]
from jixiao.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main()
print(json.dumps({{"code": code, "projects": len(json.loads(out.getvalue())["projects"]),
                  "modules": {{name: type(m).__name__ for name, m in sys.modules.items()}}}}))
"""


def _python(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_extract_leaves_the_heavy_libraries_unimported() -> None:
    run = _python(_RUN_EXTRACT)
    assert run["code"] == 0 and run["projects"] > 0
    modules = run["modules"]
    # the database stage and its libraries; the default-dictionary and numeral libraries
    for name in ("jixiao.load", "sqlalchemy", "alembic", "pandas", "pyarrow", "openpyxl", "docx",
                 "pkg_resources", "cn2an", "proces"):
        assert name not in modules, name
    # jieba is used for cutting words, its HMM model (jieba.finalseg) is not
    assert "jieba" in modules
    assert "jieba.finalseg" not in modules
    # only the command that runs is imported
    assert "jixiao.commands.extract" in modules
    assert "jixiao.commands.ingest" not in modules


def test_jieba_stays_whole_for_other_users_after_a_lean_import() -> None:
    hmm = 'list(jieba.finalseg.cut("他来到了网易杭研大厦"))'
    plain = _python(f"import jieba, json; print(json.dumps({{'hmm': {hmm}}}))")
    lean = _python(f"""
import json, sys
from jixiao.normalize.value_parser import parse_value
parse_value("不低于5家")
import jieba
blocked = sys.modules.get("pkg_resources", "absent") is None
hmm = {hmm}
print(json.dumps({{"blocked": blocked, "hmm": hmm, "finalseg": type(jieba.finalseg).__name__,
                  "loaded": "jieba.finalseg" in sys.modules}}))
""")
    assert lean["blocked"] is False
    assert lean["hmm"] == plain["hmm"] and len(plain["hmm"]) > 1
    assert (lean["finalseg"], lean["loaded"]) == ("module", True)
