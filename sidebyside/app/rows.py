"""Painting one row of an article pane: pure functions of plain inputs.

A row is a stretch of the article's text (see :mod:`.wrap`) with the
passages (:class:`Span`) and search matches that cross it.  How it looks
depends on nothing else than a :class:`RowPaint` (the styles, the colours,
what is current and kept), so the pane's body only gathers those and caches
the strips; the painting is tested here with plain values.

Where passages overlap, the one drawn is the current group's, else the
innermost (:func:`drawn_span`) — for the colour, the gutter mark and a
click alike.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

if TYPE_CHECKING:
    from .colours import GroupColours
    from .wrap import Wrapped

GUTTER = 2  # a marker column beside passages, then the kept mark (or a space)
KEPT_MARK = "★"  # beside the first row of a kept passage
KEPT_RULE = "▏"  # beside its other rows
FLAG_MARK = "⚑"  # beside the first row of a flagged passage (a kept one: its second row)
#: A word of a variant passage that differs from its group's most common wording.
CHANGED_WORD = Style(underline=True)
#: A search match found by its words' keys, not as typed (Sergei for
#: "Sergey", Kyiv for "Kiev"): a spelling variant, italic and underlined on
#: the match's colour.
SPELLING_MATCH = Style(italic=True, underline=True)


class Span(NamedTuple):
    """A passage of this article: its offsets, its group, whether verbatim."""

    start: int
    end: int
    group: str
    verbatim: bool
    flagged: bool = False  # its group has something a reader must check (Group.flags)


def drawn_span(spans: Iterable[Span], current_group: str | None) -> Span | None:
    """Of overlapping passages, the one drawn: the current group's, else
    the innermost (the shortest; the first of equals)."""
    spans = list(spans)
    if not spans:
        return None
    current = next((s for s in spans if s.group == current_group), None)
    return current or min(spans, key=lambda s: s.end - s.start)


def _no_changes(span: Span) -> Sequence[tuple[int, int]]:
    return ()


def _as_typed(start: int, end: int) -> bool:
    return False


def is_spelling_variant(found: str, query: str) -> bool:
    """Whether a search match ``found`` is a spelling variant of the typed
    ``query``: the search (:func:`sidebyside.aligning.find.find`) found it
    by its words' keys, and the query's words are not in it as typed
    (case and spacing aside: "Sergei" for "Sergey", not "talks" for "talk")."""
    typed = " ".join(query.split()).casefold()
    return bool(typed) and typed not in " ".join(found.split()).casefold()


@dataclass(frozen=True)
class RowPaint:
    """All that a row's look depends on besides its text."""

    base: Style = field(default_factory=Style)
    kinds: Mapping[str, Style] = field(default_factory=dict)  # line kind (title, boilerplate…) -> style added
    kept_style: Style = field(default_factory=Style)  # the kept mark's
    flag_style: Style = field(default_factory=Style)  # the flag mark's
    strong: Style = field(default_factory=lambda: Style(bold=True))  # a Markdown article's words in ** (.tcss)
    em: Style = field(default_factory=lambda: Style(italic=True))  # … and in * or _ (.tcss)
    colours: Mapping[str, GroupColours] = field(default_factory=dict)  # group id -> its colours
    current_group: str | None = None
    kept: frozenset[str] = frozenset()
    match: Style = field(default_factory=lambda: Style(reverse=True))
    match_current: Style = field(default_factory=lambda: Style(reverse=True, bold=True))
    current_match: tuple[int, int] | None = None
    #: Whether the match ``[start, end)`` is a spelling variant of the query (:data:`SPELLING_MATCH`).
    spelling: Callable[[int, int], bool] = _as_typed
    #: Where a variant passage's words differ from its group's most common
    #: wording (offsets into the article): underlined.
    changed: Callable[[Span], Sequence[tuple[int, int]]] = _no_changes

    def line_style(self, kind: str) -> Style:
        extra = self.kinds.get(kind)
        return self.base + extra if extra is not None else self.base


def gutter(row: int, spans: Sequence[Span], row_of: Callable[[int], int], paint: RowPaint) -> list[Segment]:
    """The two gutter cells of a row showing ``spans``: the drawn passage's
    mark (solid for verbatim, dashed for variant; heavy for the current
    group), then the kept mark (★ on the kept passage's first row, a rule
    on the others) or a space."""
    base = paint.base
    drawn = drawn_span(spans, paint.current_group)
    if drawn is None:
        return [Segment(" " * GUTTER, base)]
    colours = paint.colours.get(drawn.group)
    if drawn.group == paint.current_group:
        mark = colours.current_marker if colours else Style(bold=True)
        cell = "┃" if drawn.verbatim else "╏"
    else:
        mark = colours.marker if colours else Style(dim=True)
        cell = "│" if drawn.verbatim else "╎"
    kept = [s for s in spans if s.group in paint.kept]
    star = any(row_of(s.start) == row for s in kept)
    if drawn.flagged and not star:
        # ⚑ beside a flagged passage's first row (its second when ★ is on the first).
        flag_row = row_of(drawn.start) + (1 if drawn.group in paint.kept else 0)
        if row == flag_row:
            return [Segment(cell, base + mark), Segment(FLAG_MARK, base + paint.flag_style)]
    if not kept:
        return [Segment(cell + " ", base + mark)]
    return [Segment(cell, base + mark), Segment(KEPT_MARK if star else KEPT_RULE, base + paint.kept_style)]


def styled_runs(
    text: str,
    start: int,
    end: int,
    line_style: Style,
    spans: Sequence[Span],
    matches: Sequence[tuple[int, int]],
    paint: RowPaint,
) -> Iterable[Segment]:
    """The row's text ``text`` (the article's ``[start, end)``) cut where a
    passage, a changed word or a search match begins or ends, each run in
    its style: the drawn passage's tint (the current group's brighter),
    underlined where its words changed, a match over it."""
    points = {start, end}
    for s in spans:
        points.add(min(max(s.start, start), end))
        points.add(min(max(s.end, start), end))
    changed: dict[Span, list[tuple[int, int]]] = {}
    for s in spans:
        words = [(a, b) for a, b in paint.changed(s) if a < end and b > start]
        if words:
            changed[s] = words
            for a, b in words:
                points.add(max(a, start))
                points.add(min(b, end))
    for s, e in matches:
        points.add(min(max(s, start), end))
        points.add(min(max(e, start), end))
    ordered = sorted(points)
    for a, b in zip(ordered, ordered[1:]):
        if a == b:
            continue
        style = line_style
        chosen = drawn_span((s for s in spans if s.start <= a and b <= s.end), paint.current_group)
        if chosen is not None:
            style = style + _passage_style(chosen, paint)
            if any(s <= a and b <= e for s, e in changed.get(chosen, ())):
                style = style + CHANGED_WORD
        for s, e in matches:
            if s <= a and b <= e:
                style = style + (paint.match_current if paint.current_match == (s, e) else paint.match)
                if paint.spelling(s, e):
                    style = style + SPELLING_MATCH
                break
        yield Segment(text[a - start : b - start], style)


def _passage_style(span: Span, paint: RowPaint) -> Style:
    colours = paint.colours.get(span.group)
    current = span.group == paint.current_group
    if colours is None:
        return Style(reverse=True) if current else Style()
    if current:
        return colours.current
    return colours.tint if span.verbatim else colours.variant


def render_row(
    article_text: str,
    wrapped: Wrapped | None,
    row: int,
    width: int,
    spans: Sequence[Span],
    matches: Sequence[tuple[int, int]],
    paint: RowPaint,
) -> Strip:
    """Row ``row`` of ``wrapped`` (the article's text wrapped), ``width``
    cells wide: the gutter, then the text with the passages ``spans`` and
    the search ``matches`` that cross the row."""
    base = paint.base
    if wrapped is None or row >= len(wrapped):
        return Strip.blank(width, base)
    start, end, kind = wrapped.starts[row], wrapped.ends[row], wrapped.kinds[row]
    text = article_text[start:end].replace("\t", " ").replace("\n", " ")  # a joined line's newlines
    line_style = paint.line_style(kind)
    segments = gutter(row, spans, wrapped.row_of, paint)
    if not spans and not matches:
        runs: Iterable[Segment] = [Segment(text, line_style)]
    else:
        runs = styled_runs(text, start, end, line_style, spans, matches, paint)
    marks, strong, em = (_within(spans, start, end) for spans in (wrapped.marks, wrapped.strong, wrapped.em))
    if marks or strong or em:
        runs = read_past_marks(runs, start, marks, ((strong, paint.strong), (em, paint.em)))
    segments.extend(runs)
    return Strip(segments).crop_extend(0, width, base)


def _within(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Those of ``spans`` (in order) that cross ``[start, end)``."""
    first = bisect_right(spans, (start, start))
    if first and spans[first - 1][1] > start:
        first -= 1
    out = []
    for span in spans[first:]:
        if span[0] >= end:
            break
        if span[1] > start:
            out.append(span)
    return out


def read_past_marks(
    runs: Iterable[Segment],
    start: int,
    marks: Sequence[tuple[int, int]],
    emphasis: Sequence[tuple[Sequence[tuple[int, int]], Style]] = (),
) -> Iterable[Segment]:
    """A row's text ``runs`` (the article's text from ``start``) without a
    Markdown article's ``marks`` of emphasis, and each of ``emphasis``'s
    spans in its style (the words in ** in .article-body--strong's, those
    in * in .article-body--em's)."""
    at = start
    spans = [span for found, _ in emphasis for span in found]
    for run in runs:
        text, style = run.text, run.style
        end = at + len(text)
        cuts = {at, end}
        for s, e in (*marks, *spans):
            cuts.update(p for p in (s, e) if at < p < end)
        ordered = sorted(cuts)
        for a, b in zip(ordered, ordered[1:]):
            if any(s <= a and b <= e for s, e in marks):
                continue
            drawn = style or Style()
            for found, extra in emphasis:
                if any(s <= a and b <= e for s, e in found):
                    drawn += extra
            yield Segment(text[a - at : b - at], drawn if drawn else style)
        at = end


def bar_part(y: int, top: int, height: int, total: int) -> int:
    """Which scroll bar cell screen line ``y`` shows when the view, ``height``
    rows tall, starts at row ``top`` of ``total``: 0 none (all the text
    fits), 1 the track, 2 the thumb."""
    if total <= height or height <= 0:
        return 0
    size = max(1, round(height * height / total))
    first = round(max(0, min(top, total - height)) * (height - size) / (total - height))
    return 2 if first <= y < first + size else 1
