"""Soft-wrapping an article to a column width, keeping character offsets.

A wrapped article is a list of *rows*: each row is a span ``[start, end)`` of
the article's text and the kind of the line it comes from.  A row holds a
newline only where a hard-wrapped paragraph's lines are joined
(:func:`shown_lines`); it is drawn as a space.  Rows are what the pane body draws, one per screen line, so every
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


#: Hard-wrapped prose is wrapped at this many characters or fewer (e-mail,
#: wire copy and plain-text archives wrap at 60–80); longer lines are
#: paragraphs of their own.
_HARD_WRAP_MAX = 100
_HARD_WRAP_MIN = 40  # … and at this many or more: shorter lines are a list's or a poem's
#: A line that starts an item of a list is never joined to the line before.
_ITEM = re.compile(r"[ \t]*(?:[-*+•–—]|\d{1,3}[.)])[ \t]")
_FIRST_WORD = re.compile(r"\s*\S+")


def shown_lines(article: Article) -> list[tuple[int, int, str]]:
    """The article's lines as the pane shows them, ``(start, end, kind)``:
    the lines of a hard-wrapped paragraph joined into one, so that it is
    wrapped again to the pane's width instead of leaving a short ragged row
    after each of its lines.  A line is taken to run on into the next (of
    the same paragraph, no blank line between) when it was cut because the
    next line's first word would not have fitted in the widest line of the
    paragraph, as a text wrapper cuts; a list or a poem, whose short lines
    would have had room, keeps its lines.  A joined line holds newlines,
    which the pane draws as spaces."""
    text = article.text
    out: list[tuple[int, int, str]] = []
    lines = article.lines
    markdown = article.path.suffix.lower() in _MARKDOWN_SUFFIXES
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1  # the paragraph: lines i..j-1 of one kind, none blank
        while j < len(lines) and lines[j].kind == line.kind and line.kind == "body":
            j += 1
        widest = max(ln.end - ln.start for ln in lines[i:j])
        start = line.start
        for k in range(i, j):
            this = lines[k]
            if k + 1 < j and _HARD_WRAP_MIN <= widest <= _HARD_WRAP_MAX:
                after = lines[k + 1]
                word = _FIRST_WORD.match(text, after.start, after.end)
                if (
                    word is not None
                    and this.end - this.start + len(word.group().strip()) + 1 > widest
                    and not _ITEM.match(text, after.start, after.end)
                ):
                    continue  # cut by a wrapper: it runs on
            out.append(_without_marks(text, start, this.end, this.kind) if markdown else (start, this.end, this.kind))
            if k + 1 < j:
                start = lines[k + 1].start
        i = j
    return out


_MARKDOWN_SUFFIXES = frozenset((".md", ".markdown"))
_HEADING_MARKS = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+(?=\S)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1[ \t]*")


def _without_marks(text: str, start: int, end: int, kind: str) -> tuple[int, int, str]:
    """A Markdown line as shown: without the # marks of a heading, nor the
    marks around a line that is all emphasis ("*Posted on … by …*"); the
    marks stay in the text (and in what is copied), only not drawn."""
    heading = _HEADING_MARKS.match(text, start, end)
    if heading is not None:
        return heading.end(), end, kind
    whole = _EMPHASIS.fullmatch(text, start, end)
    if whole is not None and whole.group(1) not in whole.group(2):
        return whole.start(2), whole.end(2), kind
    return start, end, kind


def wrap_article(article: Article, width: int, hide_boilerplate: bool = False) -> Wrapped:
    """The rows of ``article`` at ``width`` cells (hard-wrapped paragraphs
    wrapped again, see :func:`shown_lines`); with ``hide_boilerplate`` the
    page boilerplate (and the file's metadata header) is left out, and so
    are blank lines that would then follow one another."""
    width = max(1, width)
    text = article.text
    flat: str | None = None  # the text with newlines as spaces, for joined lines
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    last_blank = True
    for start, end, kind in shown_lines(article):
        if hide_boilerplate:
            if kind in _HIDDEN_KINDS:
                continue
            if kind == "blank":
                if last_blank:
                    continue
                last_blank = True
            else:
                last_blank = False
        if "\n" in text[start:end]:
            flat = flat if flat is not None else text.replace("\n", " ")
            rows = wrap_line(flat, start, end, width)
        else:
            rows = wrap_line(text, start, end, width)
        for s, e in rows:
            starts.append(s)
            ends.append(e)
            kinds.append(kind)
    if not starts:
        starts, ends, kinds = [0], [0], ["blank"]
    return Wrapped(width, starts, ends, kinds)
