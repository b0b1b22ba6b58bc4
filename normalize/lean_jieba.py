"""Import jieba without the parts a tokenizer built from our own tables never uses.

A plain `import jieba` costs ~55 ms: jieba._compat imports pkg_resources (~40 ms with
setuptools' vendored packages) only to open jieba's data files, and jieba/__init__ imports
jieba.finalseg, whose HMM model (prob_emit) takes ~9 ms to load. We cut with HMM=False and
never read jieba's files, so neither is needed; lean, the import costs ~7 ms. Both tricks
leave jieba whole for any other user in the process: pkg_resources is importable again
right after, and jieba.finalseg loads for real the first time anything touches it.
"""

from __future__ import annotations

import importlib
import sys
import types

_FINALSEG = "jieba.finalseg"
_ABSENT = object()


class _DeferredModule(types.ModuleType):
    """Stands in for a module until an attribute is asked for, then imports the real one."""

    def __getattr__(self, name: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        # importing it also rebinds the parent package's attribute to the real module
        return getattr(importlib.import_module(self.__name__), name)


def import_jieba() -> types.ModuleType:
    """The jieba package, imported lean unless something imported it already."""
    if "jieba" in sys.modules:
        import jieba  # waits for another thread still importing it

        return jieba
    blocked = {"pkg_resources": None, _FINALSEG: _DeferredModule(_FINALSEG)}
    added = [name for name in blocked if name not in sys.modules]
    # None in sys.modules makes `import pkg_resources` fail, so jieba._compat falls back to open()
    sys.modules.update({name: blocked[name] for name in added})  # type: ignore[misc]
    try:
        import jieba
    finally:
        for name in added:
            if sys.modules.get(name, _ABSENT) is blocked[name]:
                del sys.modules[name]
    return jieba
