"""The machine a run was made on, for the README's table."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib import metadata


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _memory_total() -> int | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            return int(f.readline().split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None


def _git_revision() -> str | None:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    return out.stdout.strip() or None


def machine_info() -> dict:
    """CPU model, cores, memory, OS and the versions of what was measured."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_bytes": _memory_total(),
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "jixiao": _version("jixiao"),
        "lxml": _version("lxml"),
        "docx2python": _version("docx2python"),
        "sqlalchemy": _version("SQLAlchemy"),
        "git": _git_revision(),
        "load_average": load_average(),
    }


def load_average() -> list[float] | None:
    """1, 5 and 15-minute load: other work on the machine skews every timing."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None
