"""A Markdown article's marks as a reader reads past them (pure, no dependencies).

In a ``.md`` file, ``**Getachew Alemayehu**`` is a name in bold, ``## The
race`` a heading and ``> "…"`` a pull-quote: the ``**``, ``##`` and ``>``
are no words of the story.  The engine works on the file's text as it is
(a passage is a character span of it); what is shown of a passage — the
panes, the passage panel, the reports — leaves these marks out, and the
words it marks (the changed ones) are found again in the text without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Protocol


class _Article(Protocol):
    path: PurePath
    text: str


class _Passage(Protocol):
    start: int
    end: int
    text: str


MARKDOWN_SUFFIXES = frozenset((".md", ".markdown"))
#: A heading's # marks, a block quote's > (at a line's start).
HEADING_MARKS = re.compile(r"[ \t]{0,3}(?:#{1,6}|>)[ \t]+(?=\S)")
#: Emphasis inside a line: * and ** anywhere, _ and __ only around words (not snake_case).
INLINE_EMPHASIS = re.compile(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)")


def is_markdown_path(path: PurePath) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def emphasis(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """The emphasis in ``text[start:end]`` (one line, or a paragraph's
    lines), each as (its opening mark's start, the words' start, the words'
    end, its closing mark's end), offsets into ``text``."""
    out = []
    for m in INLINE_EMPHASIS.finditer(text, start, end):
        words = 2 if m.group(1) else 4
        out.append((m.start(), m.start(words), m.end(words), m.end()))
    return out


def hidden_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the marks a reader reads past are in ``text[start:end]`` (a
    stretch of a Markdown article: a passage), in order, offsets into
    ``text``: a heading's ``#`` and a block quote's ``>`` at the start of
    its lines, and the marks of emphasis, paired on the whole lines the
    stretch is in (a passage may start inside a bold name)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    found: list[tuple[int, int]] = []
    at = line_start
    while at <= line_end:
        stop = text.find("\n", at, line_end)
        stop = line_end if stop < 0 else stop
        heading = HEADING_MARKS.match(text, at, stop)
        if heading is not None:
            found.append((heading.start(), heading.end()))
        for open_start, words_start, words_end, close_end in emphasis(text, at, stop):
            found += [(open_start, words_start), (words_end, close_end)]
        at = stop + 1
    return [(max(s, start), min(e, end)) for s, e in sorted(found) if s < end and e > start]


def read_past(
    text: str, marks: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without the ``marks`` (offsets into ``text``), and ``spans``
    (offsets into ``text``: the changed words) where they are in what is
    left."""
    if not marks:
        return text, list(spans)
    kept: list[str] = []
    at = 0
    for s, e in marks:
        kept.append(text[at : max(s, at)])
        at = max(e, at)
    kept.append(text[at:])

    def moved(offset: int) -> int:
        # Less every mark before it, and the part before it of a mark it is in.
        return offset - sum(min(e, offset) - s for s, e in marks if s < offset)

    mapped = [(moved(s), moved(e)) for s, e in spans]
    return "".join(kept), [(s, e) for s, e in mapped if e > s]


def without_marks(text: str) -> str:
    """A Markdown stretch's words (a change's, a passage's) without the
    marks of emphasis and of headings: paired ones and a stray ``**`` or
    ``__`` cut from its pair."""
    shown, _ = read_past(text, hidden_marks(text, 0, len(text)))
    return shown.replace("**", "").replace("__", "")


def as_read(
    article: _Article, passage: _Passage, spans: Iterable[tuple[int, int]] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """A passage's text as a reader reads it, and ``spans`` (offsets into
    its text: the changed words) where they are in that: a Markdown
    article's passage without its marks (:func:`hidden_marks`), any other
    as it is."""
    text = passage.text
    path = getattr(article, "path", None)  # (a test's stand-in may have none)
    if path is None or not is_markdown_path(path) or article.text[passage.start : passage.end] != text:
        return text, list(spans)
    marks = [(s - passage.start, e - passage.start) for s, e in hidden_marks(article.text, passage.start, passage.end)]
    return read_past(text, marks, spans)
