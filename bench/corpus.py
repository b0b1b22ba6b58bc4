"""The benchmark corpus: generated once with the samples generator, cached in bench/corpus/.

A manifest records the spec and a hash of the generator's source; a change to either
regenerates that part, so a rerun reuses the files and a fresh clone builds them.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED_SAMPLE = SAMPLES / "tangshan_2021_market_supervision.docx"
GROWTH_LAYOUT = "seed"
GROWTH_SEED = 2021
MEMORY_SEED = 11
MIXED_SEED = 7


@dataclass(frozen=True)
class CorpusSpec:
    """How many documents of each kind the run needs."""

    docs: int = 300
    big: int = 3
    big_projects: int = 500
    memory_docs: int = 1000
    growth_projects: tuple[int, int] = (50, 500)


@dataclass
class Corpus:
    """Paths of the generated documents, by the use the benchmark makes of them."""

    mixed: list[Path]
    """Documents of mixed layouts (1-15 projects)."""
    big: list[Path]
    """Very large documents (spec.big_projects projects each)."""
    growth: tuple[Path, Path] | None
    """The same layout at 1x and 10x the projects."""
    memory: list[Path]
    """Documents of the memory ingest (spec.memory_docs, distinct from `mixed`)."""
    seed: Path | None

    @property
    def documents(self) -> list[Path]:
        """The corpus the speed measurements run on: mixed plus big."""
        return self.mixed + self.big

    def describe(self) -> dict:
        return {
            "mixed": len(self.mixed), "big": [p.name for p in self.big], "memory": len(self.memory),
            "growth": [p.name for p in self.growth] if self.growth else None,
            "seed": self.seed.name if self.seed else None,
            "bytes": sum(p.stat().st_size for p in self.documents),
        }


def generator_hash() -> str:
    """Hash of the generator's code and data: a new generator means a new corpus."""
    digest = hashlib.sha256()
    for path in sorted(SAMPLES.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".toml", ".tsv", ".txt", ".json"} and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(SAMPLES)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _generator():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from samples import make_samples

    return make_samples


def _cached(folder: Path, key: dict, build: Callable[[Path], list[Path]], rebuild: bool,
            log: Callable[[str], None]) -> list[Path]:
    """The files of `folder` when its manifest matches `key`, else rebuild it."""
    manifest = folder / "manifest.json"
    if not rebuild and manifest.exists():
        saved = json.loads(manifest.read_text(encoding="utf-8"))
        files = [folder / name for name in saved.get("files", [])]
        if saved.get("key") == key and all(f.exists() for f in files):
            return files
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    log(f"generating {folder.name}/ {key['what']} …")
    files = build(folder)
    manifest.write_text(json.dumps({"key": key, "files": [f.name for f in files]}, ensure_ascii=False, indent=1),
                        encoding="utf-8")
    return files


def ensure_corpus(root: Path, spec: CorpusSpec, *, rebuild: bool = False, log: Callable[[str], None] = print) -> Corpus:
    """Generate what is missing or stale under `root` and return the corpus."""
    gen = _generator()
    version = generator_hash()
    root.mkdir(parents=True, exist_ok=True)

    def key(what: str, **params) -> dict:
        return {"what": what, "generator": version, **params}

    mixed_all = _cached(
        root / "mixed", key(f"{spec.docs} mixed + {spec.big} x {spec.big_projects} projects",
                            docs=spec.docs, big=spec.big, projects=spec.big_projects, seed=MIXED_SEED),
        lambda d: gen.write_corpus(d, spec.docs, MIXED_SEED, big_docs=spec.big, big_projects=spec.big_projects),
        rebuild, log,
    )
    memory = _cached(
        root / "memory", key(f"{spec.memory_docs} mixed", docs=spec.memory_docs, seed=MEMORY_SEED),
        lambda d: gen.write_corpus(d, spec.memory_docs, MEMORY_SEED), rebuild, log,
    )
    small_n, large_n = spec.growth_projects
    growth = _cached(
        root / "growth", key(f"{GROWTH_LAYOUT} layout at {small_n} and {large_n} projects", projects=[small_n, large_n]),
        lambda d: _write_growth_pair(gen, d, small_n, large_n), rebuild, log,
    )
    big = [p for p in mixed_all if p.name.startswith("big_")]
    mixed = [p for p in mixed_all if not p.name.startswith("big_")]
    return Corpus(
        mixed=mixed, big=big, growth=(growth[0], growth[1]) if len(growth) == 2 else None, memory=memory,
        seed=SEED_SAMPLE if SEED_SAMPLE.exists() else None,
    )


def _write_growth_pair(gen, folder: Path, small_n: int, large_n: int) -> list[Path]:
    out = []
    for n in (small_n, large_n):
        path = folder / f"growth_{GROWTH_LAYOUT}_{n}.docx"
        path.write_bytes(gen.generate_report(GROWTH_LAYOUT, n, GROWTH_SEED))
        out.append(path)
    return out
