"""Regular expressions compiled when first used.

``re`` compiles in Python: 0.05 to 5 ms a pattern, paid at every start-up
for a module-level pattern, though one run (say, a corpus whose headlines
``corpus.toml`` gives) uses only some of them.
"""

from __future__ import annotations

import re
from typing import Any

_ATTRIBUTES = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "pattern", "flags")


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled on the first use of any of
    its attributes; from then on its methods are the compiled pattern's
    own, kept on the instance (no lookup through here)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> Any:
    """A pattern compiled when first used (typed as ``Any``: it stands in
    for an ``re.Pattern``)."""
    return LazyPattern(pattern, flags)
