"""Soft-wrapping an article to a column width, keeping character offsets.

A wrapped article is a list of *rows*: each row is a span ``[start, end)`` of
the article's text (never including a newline) and the kind of the line it
comes from.  Rows are what the pane body draws, one per screen line, so every
offset the engine reports maps to a row with :meth:`Wrapped.row_of`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from ..reading.articles import Article

# A word with the spaces after it, or a run of leading spaces.
_CHUNK = re.compile(r"\S+\s*|\s+")
_HIDDEN_KINDS = frozenset({"boilerplate", "header"})


@dataclass(frozen=True)
class Wrapped:
    width: int
    starts: list[int]
    ends: list[int]
    kinds: list[str]

    def __len__(self) -> int:
        return len(self.starts)

    def row_of(self, offset: int) -> int:
        """The row that shows ``offset`` (the nearest row before it when the
        offset is in a hidden line)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def offset_of(self, row: int) -> int:
        if not self.starts:
            return 0
        return self.starts[min(max(row, 0), len(self.starts) - 1)]


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _hard_split(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> int:
    """Split ``text[start:end]`` (a word wider than the row) into rows of at
    most ``width`` cells; return where the last, partial, row starts."""
    pos = start
    while _width(text[pos:end]) > width:
        cut = pos + 1
        col = _width(text[pos])
        while cut < end and col + _width(text[cut]) <= width:
            col += _width(text[cut])
            cut += 1
        out.append((pos, cut))
        pos = cut
    return pos


def wrap_line(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Rows for one line of ``text``: greedy word wrap at ``width`` cells;
    spaces after the last word of a row stay on that row (drawn cropped)."""
    if end <= start:
        return [(start, start)]
    if _width(text[start:end]) <= width:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    row_start = start
    col = 0
    for m in _CHUNK.finditer(text, start, end):
        chunk = m.group()
        word = chunk.rstrip()
        word_w = _width(word)
        if col and col + word_w > width:
            out.append((row_start, m.start()))
            row_start, col = m.start(), 0
        if not col and word_w > width:
            row_start = _hard_split(text, m.start(), m.start() + len(word), width, out)
            col = _width(text[row_start : m.end()])
            continue
        col += _width(chunk)
    out.append((row_start, end))
    return out


def wrap_article(article: Article, width: int, hide_boilerplate: bool = False) -> Wrapped:
    """The rows of ``article`` at ``width`` cells; with ``hide_boilerplate`` the
    page boilerplate (and the file's metadata header) is left out, and so are
    blank lines that would then follow one another."""
    width = max(1, width)
    text = article.text
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    last_blank = True
    for line in article.lines:
        kind = line.kind
        if hide_boilerplate:
            if kind in _HIDDEN_KINDS:
                continue
            if kind == "blank":
                if last_blank:
                    continue
                last_blank = True
            else:
                last_blank = False
        for s, e in wrap_line(text, line.start, line.end, width):
            starts.append(s)
            ends.append(e)
            kinds.append(kind)
    if not starts:
        starts, ends, kinds = [0], [0], ["blank"]
    return Wrapped(width, starts, ends, kinds)
