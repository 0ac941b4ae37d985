"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)``
writes it, in about half the time.

With an indent, json writes the whole document in Python, a piece at a
time (0.10 s for the 2 MB of ``align --format json`` on 200 articles).  Here
each container that holds scalars only (a passage, an article, a change)
is written in one call of json's own C encoder, with the separator its
depth needs, and only the containers around them are joined in Python
(0.06 s).  Values are what the export records hold: plain dicts with str
keys, lists and tuples, str, int, float, bool and None.
"""

from __future__ import annotations

from functools import cache
from json.encoder import c_make_encoder, encode_basestring
from typing import Any

_CONTAINERS = (dict, list, tuple)
_CONTAINER_TYPES = frozenset(_CONTAINERS)


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``."""
    if c_make_encoder is None:  # a Python built without json's C speed-ups
        import json

        return json.dumps(value, ensure_ascii=False, indent=2)
    return _indented(value, "")


@cache
def _encoder(inner: str):
    """json's C encoder (what json.dumps uses without an indent), with items
    separated by a new line and ``inner``."""
    return c_make_encoder(None, None, encode_basestring, None, ": ", ",\n" + inner, False, False, True)


def _indented(value: Any, indent: str) -> str:
    """``value`` written as by json.dumps with indent=2, its closing line
    starting with ``indent``."""
    if not isinstance(value, _CONTAINERS):
        return "".join(_encoder("")(value, 0))
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    inner = indent + "  "
    is_dict = isinstance(value, dict)
    if _CONTAINER_TYPES.isdisjoint(map(type, value.values() if is_dict else value)):
        text = "".join(_encoder(inner)(value, 0))  # '{"a": 1,\n<inner>"b": 2}': only the brackets' lines to add
        return f"{text[0]}\n{inner}{text[1:-1]}\n{indent}{text[-1]}"
    if is_dict:
        parts = [f"{encode_basestring(key)}: {_indented(item, inner)}" for key, item in value.items()]
    else:
        parts = [_indented(item, inner) for item in value]
    opening, closing = "{}" if is_dict else "[]"
    return f"{opening}\n{inner}" + f",\n{inner}".join(parts) + f"\n{indent}{closing}"
