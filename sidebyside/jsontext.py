"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)``
writes it, in half the time.

With an indent, json writes the whole document in Python, a piece at a
time (0.115 s for the 2 MB of ``align --format json`` on 200 articles).
Here each container that holds scalars only (a passage, an article, a
change) is written in one call of json's own C encoder, with the separator
its depth needs, and only the containers around them in Python (0.057 s;
the same peak memory).  Values are what the export records hold: plain
dicts with str keys, lists and tuples, str, int, float, bool and None.
"""

from __future__ import annotations

from collections.abc import Callable
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
    parts: list[str] = []
    sink = _Sink(parts.append)
    _write(value, "", sink)
    sink.flush()
    return "".join(parts)  # joined once: the text is held twice at most, never once per nesting level


def dump(value: Any, write: Callable[[str], object]) -> None:
    """:func:`dumps`'s text handed to ``write`` a part at a time, never held
    whole (a large alignment's JSON, with the records it is written from,
    was the align command's peak memory)."""
    if c_make_encoder is None:
        write(dumps(value))
        return
    sink = _Sink(write)
    _write(value, "", sink)
    sink.flush()


class _Sink(list):
    """The pieces :func:`_write` adds, handed on to ``write`` a few
    thousand at a time (:func:`_write` calls :meth:`flush` when there are
    more)."""

    def __init__(self, write: Callable[[str], object]) -> None:
        super().__init__()
        self.write = write

    def flush(self) -> None:
        self.write("".join(self))
        self.clear()


@cache
def _encoder(inner: str):
    """json's C encoder (what json.dumps uses without an indent), with items
    separated by a new line and ``inner``."""
    return c_make_encoder(None, None, encode_basestring, None, ": ", ",\n" + inner, False, False, True)


def _write(value: Any, indent: str, pieces: _Sink) -> None:
    """Add ``value`` to ``pieces`` as json.dumps writes it with indent=2,
    its closing line starting with ``indent``."""
    if not isinstance(value, _CONTAINERS):
        pieces.extend(_encoder("")(value, 0))
        return
    if not value:
        pieces.append("{}" if isinstance(value, dict) else "[]")
        return
    inner = indent + "  "
    is_dict = isinstance(value, dict)
    if _CONTAINER_TYPES.isdisjoint(map(type, value.values() if is_dict else value)):
        text = "".join(_encoder(inner)(value, 0))  # '{"a": 1,\n<inner>"b": 2}': only the brackets' lines to add
        pieces.append(f"{text[0]}\n{inner}{text[1:-1]}\n{indent}{text[-1]}")
        return
    opening, closing = "{}" if is_dict else "[]"
    first, separator = f"{opening}\n{inner}", f",\n{inner}"
    if is_dict:
        _write_items(value, inner, pieces, first, separator)
    else:
        for i, item in enumerate(value):
            pieces.append(separator if i else first)
            _write(item, inner, pieces)
            if len(pieces) >= 4096:
                pieces.flush()
    pieces.append(f"\n{indent}{closing}")


def _write_items(value: dict, inner: str, pieces: _Sink, first: str, separator: str) -> None:
    """The items of a dict that holds a container: each run of items
    between two containers that are not empty (a passage's scalars before
    its list of speakers) in one call of the C encoder, as a dict of its
    own without its braces."""
    run: dict = {}
    before = first
    for key, item in value.items():
        if item and isinstance(item, _CONTAINERS):
            if run:
                pieces.append(before + "".join(_encoder(inner)(run, 0))[1:-1])
                before, run = separator, {}
            pieces.append(f"{before}{encode_basestring(key)}: ")
            _write(item, inner, pieces)
            before = separator
        else:
            run[key] = item
    if run:
        pieces.append(before + "".join(_encoder(inner)(run, 0))[1:-1])
    if len(pieces) >= 4096:
        pieces.flush()
