"""Soft-wrapping an article to a column width, keeping character offsets.

A wrapped article is a list of *rows*: each row is a span ``[start, end)`` of
the article's text and the kind of the line it comes from.  A row holds a
newline only where a hard-wrapped paragraph's lines are joined
(:func:`shown_lines`); it is drawn as a space.  Rows are what the pane body
draws, one per screen line, so every offset the engine reports maps to a
row with :meth:`Wrapped.row_of`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from ..marks import HEADING_MARKS, INLINE_EMPHASIS, emphasis, is_markdown_path
from ..reading.articles import Article
from ..reading.flow import joined_lines

# A word with the spaces after it, or a run of leading spaces.
_CHUNK = re.compile(r"\S+\s*|\s+")
_HIDDEN_KINDS = frozenset({"boilerplate", "header"})


@dataclass(frozen=True)
class Wrapped:
    width: int
    starts: list[int]
    ends: list[int]
    kinds: list[str]
    #: A Markdown article's marks of emphasis inside its lines (``**`` round
    #: a name), in order: not drawn; and the words between ``**`` marks, drawn
    #: bold, and between ``*`` or ``_`` marks, drawn in italics.
    marks: tuple[tuple[int, int], ...] = ()
    strong: tuple[tuple[int, int], ...] = ()
    em: tuple[tuple[int, int], ...] = ()

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


def wrap_line(
    text: str, start: int, end: int, width: int, keep: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Rows for one line of ``text``: greedy word wrap at ``width`` cells;
    spaces after the last word of a row stay on that row (drawn cropped).
    No row starts at an offset in ``keep`` while the words before it can
    go down with it (a dateline's last words run on into its paragraph:
    :func:`run_in_offsets`)."""
    if end <= start:
        return [(start, start)]
    if _width(text[start:end]) <= width:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    row_start = start
    col = 0
    words: list[int] = []  # where the words of the row being filled start
    for m in _CHUNK.finditer(text, start, end):
        chunk = m.group()
        word = chunk.rstrip()
        word_w = _width(word)
        if col and col + word_w > width:
            cut = m.start()
            if cut in keep:
                # The row ends before the last word it may end before
                # (one that is not kept with the word before it either).
                free = [w for w in words[1:] if w not in keep]
                if free and _width(text[free[-1] : cut]) + word_w <= width:
                    cut = free[-1]
            out.append((row_start, cut))
            words = [w for w in words if w >= cut]
            row_start, col = cut, _width(text[cut : m.start()])
        if not col and word_w > width:
            row_start = _hard_split(text, m.start(), m.start() + len(word), width, out)
            col = _width(text[row_start : m.end()])
            words = [row_start]
            continue
        words.append(m.start())
        col += _width(chunk)
    out.append((row_start, end))
    return out


_DASH_END = re.compile(r"[-–—]\s*$")


def run_in_offsets(article: Article) -> frozenset[int]:
    """Where a row may not start, so that a dateline ("CAIRO, March 3
    (NovaPress) - ") reads as the start of its paragraph, as a newspaper
    runs it in, not alone on a row above it: the paragraph's first word
    (the dateline's last words go down with it when both do not fit) and
    the dash that ends the dateline (never alone at a row's start)."""
    text = article.text
    keep: set[int] = set()
    for start, end in article.metadata:
        line = article.line_at(start)
        if line is None or not line.start <= start < end < line.end:
            continue  # a metadata line of its own (a byline, a date line)
        first = end + (len(text[end : line.end]) - len(text[end : line.end].lstrip()))
        if first < line.end:
            keep.add(first)
        dash = _DASH_END.search(text, start, end)
        if dash is not None:
            keep.add(dash.start())
    return frozenset(keep)


def shown_lines(article: Article) -> list[tuple[int, int, str]]:
    """The article's lines as the pane shows them, ``(start, end, kind)``:
    the lines of a hard-wrapped paragraph joined into one
    (:func:`.reading.flow.joined_lines`), so that it is wrapped again to the
    pane's width instead of leaving a short ragged row after each of its
    lines (a joined line holds newlines, which the pane draws as spaces);
    in a Markdown file, without the marks :func:`_without_marks` leaves out."""
    lines = joined_lines(article)
    if not is_markdown(article):
        return lines
    text = article.text
    return [line if "\n" in text[line[0] : line[1]] else _without_marks(text, *line) for line in lines]


_HEADING_MARKS = HEADING_MARKS  # a heading's, a block quote's
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1[ \t]*")


def _without_marks(text: str, start: int, end: int, kind: str) -> tuple[int, int, str]:
    """A Markdown line as shown: without the # marks of a heading or the >
    of a block quote (a pull-quote), nor the marks around a line that is
    all emphasis ("*Posted on … by …*"); the marks stay in the text (and in
    what is copied), only not drawn."""
    heading = _HEADING_MARKS.match(text, start, end)
    if heading is not None:
        return heading.end(), end, kind
    whole = _EMPHASIS.fullmatch(text, start, end)
    if whole is not None and whole.group(1) not in whole.group(2):
        return whole.start(2), whole.end(2), kind
    return start, end, kind


def markdown_as_read(text: str) -> str:
    """A Markdown line (or paragraph) as a reader reads it, for a one-line
    summary of it: without a heading's # marks or a block quote's >, nor the
    marks of emphasis anywhere in it ("**Our view:** The law" is "Our view:
    The law")."""
    heading = _HEADING_MARKS.match(text)
    if heading is not None:
        text = text[heading.end() :]
    return INLINE_EMPHASIS.sub(lambda m: m.group(2) if m.group(1) else m.group(4), text)


def is_markdown(article: Article) -> bool:
    return is_markdown_path(article.path)


Spans = tuple[tuple[int, int], ...]


def inline_marks(article: Article, lines: list[tuple[int, int, str]]) -> tuple[Spans, Spans, Spans]:
    """The marks of emphasis inside a Markdown article's shown ``lines``
    (not drawn), the words in ``**`` or ``__`` (drawn bold) and those in
    ``*`` or ``_`` (drawn in italics), a line all in either too; none for
    another article."""
    if not is_markdown(article):
        return (), (), ()
    marks: list[tuple[int, int]] = []
    strong: list[tuple[int, int]] = []
    em: list[tuple[int, int]] = []
    text = article.text
    for start, end, kind in lines:
        if kind in _HIDDEN_KINDS:
            continue
        opened = text[max(0, start - 2) : start]
        if opened in ("**", "__") and text[end : end + 2] == opened:
            strong.append((start, end))  # a line all in bold ("**Men**"): shown_lines narrowed its marks away
        elif opened[-1:] in ("*", "_") and text[end : end + 1] == opened[-1:]:
            em.append((start, end))  # a line all in italics ("*STRIDE Magazine · 12 April 2027*")
        for open_start, words_start, words_end, close_end in emphasis(text, start, end):
            marks += [(open_start, words_start), (words_end, close_end)]
            (strong if words_start - open_start == 2 else em).append((words_start, words_end))
    return tuple(marks), tuple(strong), tuple(em)


def wrap_article(article: Article, width: int, hide_boilerplate: bool = False) -> Wrapped:
    """The rows of ``article`` at ``width`` cells (hard-wrapped paragraphs
    wrapped again, see :func:`shown_lines`); with ``hide_boilerplate`` the
    page boilerplate (and the file's metadata header) is left out, and so
    are blank lines that would then follow one another."""
    width = max(1, width)
    text = article.text
    lines = shown_lines(article)
    marks, strong, em = inline_marks(article, lines)
    if marks:
        # A mark not drawn takes no room: wrapped as a character of no width.
        text = "".join(_as_zero_width(text, marks))
    flat: str | None = None  # the text with newlines as spaces, for joined lines
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    last_blank = True
    keep = run_in_offsets(article)
    for start, end, kind in lines:
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
            rows = wrap_line(flat, start, end, width, keep)
        else:
            rows = wrap_line(text, start, end, width, keep)
        for s, e in rows:
            starts.append(s)
            ends.append(e)
            kinds.append(kind)
    if not starts:
        starts, ends, kinds = [0], [0], ["blank"]
    return Wrapped(width, starts, ends, kinds, marks, strong, em)


def _as_zero_width(text: str, marks: tuple[tuple[int, int], ...]):
    """``text`` in pieces, each mark's characters as zero-width spaces (one for one)."""
    at = 0
    for s, e in marks:
        yield text[at:s]
        yield "\u200b" * (e - s)
        at = e
    yield text[at:]
