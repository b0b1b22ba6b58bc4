"""Where a whole `jixiao extract` process spends its time: imports, first read, a warm read, JSON.

Run as `python -m bench.startup FILE` (a fresh interpreter); prints the phases as JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def phases(path: Path, python: str = sys.executable) -> dict:
    """The phases of one fresh process reading `path`, and the interpreter's own start-up."""
    out = subprocess.run([python, "-m", "bench.startup", str(path)], cwd=ROOT, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"error": out.stderr.strip()[-500:]}
    result = json.loads(out.stdout)
    t0 = time.perf_counter()
    subprocess.run([python, "-c", "pass"], check=False)
    result["interpreter_s"] = time.perf_counter() - t0
    result["heaviest_imports"] = heaviest_imports(python)
    return result


def heaviest_imports(python: str = sys.executable, top: int = 8) -> list[dict]:
    """Modules with the largest own import time under `-X importtime` for the extract path."""
    out = subprocess.run(
        [python, "-X", "importtime", "-c", "import jixiao.cli, jixiao.commands.extract, jixiao.pipeline, normalize.contract"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    rows = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
        rows.append({"module": name, "own_ms": int(own) / 1000, "cumulative_ms": int(cumulative) / 1000})
    return sorted(rows, key=lambda r: r["own_ms"], reverse=True)[:top]


def _child(path: Path) -> dict:
    t0 = time.perf_counter()
    from jixiao.pipeline import read_report
    from jixiao.normalize.contract import report_to_dict

    t1 = time.perf_counter()
    report = read_report(path)
    t2 = time.perf_counter()
    read_report(path)
    t3 = time.perf_counter()
    text = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)
    t4 = time.perf_counter()
    return {
        "import_s": t1 - t0, "first_read_s": t2 - t1, "warm_read_s": t3 - t2, "to_json_s": t4 - t3,
        "json_bytes": len(text.encode()),
    }


if __name__ == "__main__":
    print(json.dumps(_child(Path(sys.argv[1]))))
