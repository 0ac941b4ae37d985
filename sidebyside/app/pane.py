"""One article: a pane with its headline over a body that draws the text.

:class:`ArticleBody` is a Line API :class:`~textual.scroll_view.ScrollView`:
it wraps the article itself (rows cached per width), draws one row per
screen line in :meth:`render_line`, and when the current group changes it
refreshes only the rows of the old and the new group's passages (and when a
group is kept or unkept, only the rows of that group's passages).

The body follows the app's state (alignment, current group, search, group
colours, boilerplate) by watching the app's reactives, and tells the app
what the reader did with messages (:class:`ArticleBody.PassageSelected`,
:class:`ArticleBody.Scrolled`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..model import Place
from ..reading.articles import Article
from .wrap import Wrapped, wrap_article

if TYPE_CHECKING:
    from ..model import Alignment
    from .colours import GroupColours, Palette

GUTTER = 2  # a marker column beside passages, then the kept mark (or a space)
BAR = 1  # the scroll bar's column, at the right edge (drawn by the body)
KEPT_MARK = "★"  # beside the first row of a kept passage
KEPT_RULE = "▏"  # beside its other rows
MAX_CACHED_STRIPS = 4000
#: A word of a variant passage that differs from its group's most common wording.
CHANGED_WORD = Style(underline=True)


class _Span(NamedTuple):
    start: int
    end: int
    group: str
    verbatim: bool


class ArticleBody(ScrollView, can_focus=True):
    """The text of one article, wrapped, with its passages highlighted."""

    COMPONENT_CLASSES = {
        "article-body--title",
        "article-body--boilerplate",
        "article-body--header",
        "article-body--kept",
        "article-body--scrollbar",
        "article-body--scrollbar-thumb",
    }

    BINDINGS = [
        Binding("n", "step_passage(1)", "Next passage", id="next-passage"),
        Binding("p", "step_passage(-1)", "Prev passage", id="previous-passage"),
        Binding("j,down", "scroll_lines(1)", "Down", id="scroll-down", show=False),
        Binding("k,up", "scroll_lines(-1)", "Up", id="scroll-up", show=False),
        Binding("pagedown", "scroll_pages(1)", "Page down", id="page-down", show=False),
        Binding("pageup", "scroll_pages(-1)", "Page up", id="page-up", show=False),
        Binding("g,home", "scroll_edge(0)", "Top", id="top", show=False),
        Binding("G,end", "scroll_edge(1)", "Bottom", id="bottom", show=False),
    ]

    class PassageSelected(Message):
        """The reader picked a passage in this article (n/p or a click)."""

        def __init__(self, body: ArticleBody, group_id: str, version: Place, reveal: bool = False) -> None:
            super().__init__()
            self.body = body
            self.group_id = group_id
            self.version = version
            self.reveal = reveal  # scroll the passage to the middle of the pane

        @property
        def control(self) -> ArticleBody:
            return self.body

    class Scrolled(Message):
        """The body's scroll position changed."""

        def __init__(self, body: ArticleBody) -> None:
            super().__init__()
            self.body = body

        @property
        def control(self) -> ArticleBody:
            return self.body

    def __init__(self, article: Article, index: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self.index = index
        self._spans: list[_Span] = []  # this article's passages, by start
        self._span_starts: list[int] = []
        self._group_spans: dict[str, list[_Span]] = {}
        self._colours: dict[str, GroupColours] = {}
        self._palette: Palette | None = None
        self._current_group: str | None = None
        self._kept: frozenset[str] = frozenset()
        self._hide_boilerplate = False
        self._query = ""
        self._matches: list[tuple[int, int]] = []
        self._tokens: list | None = None  # the article's words, once searched
        self._match_starts: list[int] = []
        self._current_match: tuple[int, int] | None = None
        self._wrapped: Wrapped | None = None
        self._sized_for: Wrapped | None = None  # the wrapping the scroll size was set for
        self._size_pending = False
        self._view_height = 0  # rows shown, as of the last resize
        self._bar_cells: tuple[Strip, Strip, Strip] | None = None  # scroll bar: none, track, thumb
        self._wrap_cache: dict[tuple[int, bool], Wrapped] = {}
        self._row_spans: dict[int, list[int]] = {}
        self._row_matches: dict[int, list[int]] = {}
        self._strips: dict[int, Strip] = {}
        self._top_offset = 0  # text offset of the top row: kept across re-wraps
        self._pending_reveal: tuple[int, int] | None = None
        self._quiet = 0  # >0: scroll changes are ours; post no Scrolled
        self._styles_drawn: tuple = ()

    # --- following the app -------------------------------------------------------

    def on_mount(self) -> None:
        app = self.app
        self.watch(app, "alignment", self._alignment_changed)
        self.watch(app, "palette", self._palette_changed)
        self.watch(app, "group_colours", self._colours_changed)
        self.watch(app, "current_group", self._current_group_changed)
        self.watch(app, "kept", self._kept_changed)
        self.watch(app, "show_boilerplate", self._boilerplate_changed)
        self.watch(app, "search_query", self._query_changed)
        self.watch(app, "search_current", self._search_current_changed)

    def _alignment_changed(self, alignment: Alignment | None) -> None:
        spans: list[_Span] = []
        if alignment is not None:
            for passage, group in alignment.passages_in(self.index):
                spans.append(_Span(passage.start, passage.end, group.id, group.kind == "verbatim"))
        spans.sort()
        self._spans = spans
        self._span_starts = [s.start for s in spans]
        by_group: dict[str, list[_Span]] = {}
        for span in spans:
            by_group.setdefault(span.group, []).append(span)
        self._group_spans = by_group
        self._index_rows()
        self._refresh_all()

    def _palette_changed(self, palette: Palette | None) -> None:
        self._palette = palette
        if self._matches:
            self._refresh_all()

    def _colours_changed(self, colours: dict[str, GroupColours]) -> None:
        self._colours = colours
        self._refresh_all()

    def _current_group_changed(self, group_id: str | None) -> None:
        old, self._current_group = self._current_group, group_id
        for gid in {old, group_id}:
            if gid is not None:
                for span in self._group_spans.get(gid, ()):
                    self._refresh_span(span.start, span.end)

    def _kept_changed(self, kept: dict[str, str]) -> None:
        # Only whether a group is kept shows here (its note is the panel's):
        # redraw the rows of the groups that changed, nothing else.
        new = frozenset(kept)
        changed, self._kept = new ^ self._kept, new
        for gid in changed:
            for span in self._group_spans.get(gid, ()):
                self._refresh_span(span.start, span.end)

    def _boilerplate_changed(self, show: bool) -> None:
        self._hide_boilerplate = not show
        self._rewrap()

    def _query_changed(self, query: str) -> None:
        self._query = query
        self._matches = []
        if query:
            from ..aligning.find import find
            from ..aligning.tokens import tokenize

            if self._tokens is None:  # the article's words, kept for the next query
                self._tokens = tokenize(self.article.text)
            self._matches = find(self.article.text, query, self._tokens)
        self._match_starts = [s for s, _ in self._matches]
        self._index_rows()
        self._refresh_all()

    def _search_current_changed(self, current: Place | None) -> None:
        old = self._current_match
        self._current_match = (current.start, current.end) if current and current.article == self.index else None
        for span in (old, self._current_match):
            if span is not None:
                self._refresh_span(*span)

    def on_unmount(self) -> None:
        self._strips.clear()

    # --- wrapping ------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER - BAR)

    @property
    def wrapped(self) -> Wrapped | None:
        return self._wrapped

    def on_resize(self, event: events.Resize) -> None:
        height = self.scrollable_content_region.height
        if height != self._view_height and self._wrapped is not None and self._pending_reveal is None:
            # Shorter or taller: the current passage, if it was in view and
            # no longer is, is centred by the sizing below (a new width is
            # seen to by _wrap_to_width).
            current = self._current_here()
            if current is not None and self.in_view(*current, height=self._view_height) and not self.in_view(*current):
                self._pending_reveal = current
        self._rewrap()
        self._view_height = height

    def _current_here(self) -> tuple[int, int] | None:
        current = self.app.current_version
        if current is not None and current.article == self.index:
            return current.start, current.end
        return None

    def _wrap_to_width(self) -> Wrapped | None:
        """The text wrapped to the body's width (None while it has none)."""
        width = self.scrollable_content_region.width
        if width <= GUTTER + BAR:  # hidden, or not laid out yet
            return None
        key = (width - GUTTER - BAR, self._hide_boilerplate)
        wrapped = self._wrap_cache.get(key)
        if wrapped is None:
            wrapped = wrap_article(self.article, key[0], self._hide_boilerplate)
            if len(self._wrap_cache) > 4:
                self._wrap_cache.clear()
            self._wrap_cache[key] = wrapped
        if wrapped is not self._wrapped:
            if self._wrapped is not None and self._pending_reveal is None:
                # A new width: the current passage, if it was in view (at the
                # height the body had), stays in view, centred, rather than
                # the text at the top.
                current = self._current_here()
                if current is not None and self.in_view(*current, height=self._view_height):
                    self._pending_reveal = current
            self._wrapped = wrapped
            self._index_rows()
            self._strips.clear()
        return wrapped

    def _rewrap(self) -> None:
        self._size_pending = False
        wrapped = self._wrap_to_width()
        if wrapped is None:
            return
        if wrapped is self._sized_for and self._pending_reveal is None:
            return  # (a passage revealed while hidden is scrolled to now)
        self._sized_for = wrapped
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, len(wrapped))
        self._quiet += 1
        kept_top = None if self._pending_reveal is not None else self._top_offset
        try:
            top = self._settled_top(wrapped)
            self._pending_reveal = None
            self.scroll_to(y=top, animate=False, immediate=True, force=True)
        finally:
            self._quiet -= 1
        # Kept: the row that starts nearest it is at the top now; the
        # reader's place is still that text (rounding it to a row start at
        # every width would creep up the article over a few resizes).
        # Else the top of the passage just centred.
        self._top_offset = kept_top if kept_top is not None else wrapped.offset_of(int(self.scroll_y))
        self.refresh()

    def _settled_top(self, wrapped: Wrapped) -> int:
        """The top row once sized to ``wrapped``: the passage waiting to be
        revealed centred, else the text that was at the top."""
        if self._pending_reveal is not None:
            return self._centred_top(*self._pending_reveal, wrapped)
        return wrapped.row_of(self._top_offset)

    def _index_rows(self) -> None:
        """Which spans and search matches each row shows."""
        self._row_spans = {}
        self._row_matches = {}
        wrapped = self._wrapped
        if wrapped is None:
            return
        for index, span in enumerate(self._spans):
            for row in range(wrapped.row_of(span.start), wrapped.row_of(max(span.start, span.end - 1)) + 1):
                self._row_spans.setdefault(row, []).append(index)
        for index, (start, end) in enumerate(self._matches):
            for row in range(wrapped.row_of(start), wrapped.row_of(max(start, end - 1)) + 1):
                self._row_matches.setdefault(row, []).append(index)

    # --- drawing ---------------------------------------------------------------------

    def _refresh_all(self) -> None:
        self._strips.clear()
        self.refresh()

    def _refresh_span(self, start: int, end: int) -> None:
        """Redraw only the rows that show ``text[start:end]``."""
        wrapped = self._wrapped
        if wrapped is None:
            return
        first, last = wrapped.row_of(start), wrapped.row_of(max(start, end - 1))
        for row in range(first, last + 1):
            self._strips.pop(row, None)
        top = int(self.scroll_offset.y)
        height = self.size.height
        lo, hi = max(first, top), min(last, top + height - 1)
        if lo <= hi:
            self.refresh_lines(lo, hi - lo + 1)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Focus changes re-apply the styles without changing them: keep the
        # drawn rows unless something they use really changed.
        key = self._style_key()
        if key != self._styles_drawn:
            self._styles_drawn = key
            self._strips.clear()
        if self.is_mounted:
            # The scroll bar's three cells (no bar, track, thumb), made once
            # per style change rather than on every line drawn.
            base = self.rich_style
            self._bar_cells = tuple(
                Strip([Segment(" ", base + extra)], BAR)
                for extra in (
                    Style(),
                    self.get_component_rich_style("article-body--scrollbar", partial=True),
                    self.get_component_rich_style("article-body--scrollbar-thumb", partial=True),
                )
            )

    def _style_key(self) -> tuple:
        if not self.is_mounted:
            return ()
        return (
            self.rich_style,
            *(
                self.get_component_rich_style(f"article-body--{name}", partial=True)
                for name in ("title", "boilerplate", "header", "kept")
            ),
        )

    def render_line(self, y: int) -> Strip:
        unsettled = self._sized_for is None or self._sized_for.width != self.text_width
        if unsettled or self._pending_reveal is not None:
            # The first frame (or the first after a resize, or after being
            # shown again) is drawn before the Resize event reaches the body:
            # wrap now, so that it shows the text, and size and scroll to it
            # right after.
            if self._wrap_to_width() is not None and not self._size_pending:
                self._size_pending = True
                self.call_later(self._rewrap)
        if self._wrapped is not None and (self._wrapped is not self._sized_for or self._pending_reveal is not None):
            # Until then the scroll offset counts rows of the old wrapping,
            # or is not yet at the passage to reveal: start where the
            # sizing will scroll to.
            row = self._settled_top(self._wrapped) + y
        else:
            row = int(self.scroll_offset.y) + y
        strip = self._strips.get(row)
        if strip is None:
            if len(self._strips) > MAX_CACHED_STRIPS:
                self._strips.clear()
            strip = self._strips[row] = self._render_row(row)
        return Strip.join([strip, self._bar_cell(y, row - y)])

    def _bar_cell(self, y: int, top: int) -> Strip:
        """The scroll bar's cell on screen line ``y``, the view's top row
        being ``top``: drawn with the text (not the rows kept), so that a
        scroll redraws it with them, and with no scroll bar widget (one per
        pane cost a restyle on every focus change and time at start-up)."""
        height = self.scrollable_content_region.height
        total = len(self._wrapped) if self._wrapped is not None else 0
        if self._bar_cells is None:
            blank = Strip([Segment(" ", self.rich_style)], BAR)
            self._bar_cells = (blank, blank, blank)
        none, track, thumb = self._bar_cells
        if total <= height or height <= 0:
            return none
        size = max(1, round(height * height / total))
        first = round(max(0, min(top, total - height)) * (height - size) / (total - height))
        return thumb if first <= y < first + size else track

    def _render_row(self, row: int) -> Strip:
        width = max(0, self.scrollable_content_region.width - BAR)
        base = self.rich_style
        wrapped = self._wrapped
        if wrapped is None or row >= len(wrapped):
            return Strip.blank(width, base)
        start, end, kind = wrapped.starts[row], wrapped.ends[row], wrapped.kinds[row]
        text = self.article.text[start:end].replace("\t", " ")
        if kind == "title":
            line_style = base + self.get_component_rich_style("article-body--title", partial=True)
        elif kind == "boilerplate":
            line_style = base + self.get_component_rich_style("article-body--boilerplate", partial=True)
        elif kind == "header":
            line_style = base + self.get_component_rich_style("article-body--header", partial=True)
        else:
            line_style = base
        span_ids = self._row_spans.get(row, ())
        match_ids = self._row_matches.get(row, ())
        # The gutter: a mark beside rows that show a passage.
        gutter = Segment(" " * GUTTER, base)
        segments: list[Segment]
        if span_ids:
            current = self._current_group
            chosen = next((self._spans[i] for i in span_ids if self._spans[i].group == current), None)
            if chosen is not None:
                colours = self._colours.get(chosen.group)
                mark = colours.current_marker if colours else Style(bold=True)
                gutter = Segment(("┃" if chosen.verbatim else "╏") + " ", base + mark)
            else:
                inner = min((self._spans[i] for i in span_ids), key=lambda s: s.end - s.start)
                colours = self._colours.get(inner.group)
                mark = colours.marker if colours else Style(dim=True)
                gutter = Segment(("│" if inner.verbatim else "╎") + " ", base + mark)
            kept = [self._spans[i] for i in span_ids if self._spans[i].group in self._kept]
            if kept:
                first = any(wrapped.row_of(s.start) == row for s in kept)
                gutter = Segment(gutter.text[0], gutter.style)
                mark = Segment(
                    KEPT_MARK if first else KEPT_RULE,
                    base + self.get_component_rich_style("article-body--kept", partial=True),
                )
                segments = [gutter, mark]
            else:
                segments = [gutter]
        else:
            segments = [gutter]
        if not span_ids and not match_ids:
            segments.append(Segment(text, line_style))
        else:
            segments.extend(self._styled_runs(text, start, end, line_style, span_ids, match_ids))
        return Strip(segments).crop_extend(0, width, base)

    def _changed_words(self, span: _Span) -> tuple[tuple[int, int], ...]:
        """Where a variant passage's words differ from its group's most
        common wording (underlined: how this outlet's version changed)."""
        diffs = self.app.group_diffs
        if span.verbatim or diffs is None:
            return ()
        return diffs.changed(span.group, self.index, span.start)

    def _styled_runs(self, text, start, end, line_style, span_ids, match_ids):
        spans = [self._spans[i] for i in span_ids]
        matches = [self._matches[i] for i in match_ids]
        points = {start, end}
        for s in spans:
            points.add(min(max(s.start, start), end))
            points.add(min(max(s.end, start), end))
        changed: dict[_Span, list[tuple[int, int]]] = {}
        for s in spans:
            words = [(a, b) for a, b in self._changed_words(s) if a < end and b > start]
            if words:
                changed[s] = words
                for a, b in words:
                    points.add(max(a, start))
                    points.add(min(b, end))
        for s, e in matches:
            points.add(min(max(s, start), end))
            points.add(min(max(e, start), end))
        ordered = sorted(points)
        current = self._current_group
        palette = self._palette
        match_style = palette.match if palette else Style(reverse=True)
        match_current = palette.match_current if palette else Style(reverse=True, bold=True)
        for a, b in zip(ordered, ordered[1:]):
            if a == b:
                continue
            style = line_style
            covering = [s for s in spans if s.start <= a and b <= s.end]
            if covering:
                chosen = next((s for s in covering if s.group == current), None)
                if chosen is None:
                    chosen = min(covering, key=lambda s: s.end - s.start)
                colours = self._colours.get(chosen.group)
                if colours is not None:
                    if chosen.group == current:
                        style = style + colours.current
                    else:
                        style = style + (colours.tint if chosen.verbatim else colours.variant)
                elif chosen.group == current:
                    style = style + Style(reverse=True)
                if any(s <= a and b <= e for s, e in changed.get(chosen, ())):
                    style = style + CHANGED_WORD
            for s, e in matches:
                if s <= a and b <= e:
                    style = style + (match_current if self._current_match == (s, e) else match_style)
                    break
            yield Segment(text[a - start : b - start], style)

    # --- scrolling -----------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        clamped = new_value < old_value and new_value == self.max_scroll_y
        if self._wrapped is not None and not clamped:
            # (Pulled up to the end by a taller body is not the reader
            # scrolling: the text they had at the top is kept, for the next size.)
            self._top_offset = self._wrapped.offset_of(int(new_value))
        if not self._quiet and round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self))

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    def action_scroll_pages(self, pages: int) -> None:
        step = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + pages * step, animate=False, immediate=True)

    def action_scroll_edge(self, end: int) -> None:
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False, immediate=True)

    def rows_of(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last row showing ``text[start:end]`` (None before wrapping)."""
        if self._wrapped is None:
            return None
        return self._wrapped.row_of(start), self._wrapped.row_of(max(start, end - 1))

    def _centred_top(self, start: int, end: int, wrapped: Wrapped) -> int:
        """The top row that centres ``text[start:end]`` (or shows its start,
        with a row above, if it is taller than the body)."""
        first, last = wrapped.row_of(start), wrapped.row_of(max(start, end - 1))
        height = self.scrollable_content_region.height
        if last - first + 1 >= height:
            target = first - 1
        else:
            target = (first + last + 1) // 2 - height // 2
        return max(0, min(target, len(wrapped) - height))

    def _centre_rows(self, start: int, end: int) -> None:
        if self._wrapped is None:
            return
        top = self._centred_top(start, end, self._wrapped)
        self.scroll_to(y=top, animate=False, immediate=True, force=True)

    def reveal(self, start: int, end: int) -> None:
        """Scroll so that ``text[start:end]`` is centred (once laid out, if
        the body is not yet)."""
        if self._wrapped is None or self.scrollable_content_region.width <= GUTTER + BAR:
            self._pending_reveal = (start, end)
            self._top_offset = start
            return
        self._centre_rows(start, end)

    def follow(self, row: int) -> None:
        """Scroll so that ``row`` is at the top, without posting Scrolled
        (linked scrolling: this body follows another)."""
        self._quiet += 1
        try:
            self.scroll_to(y=max(0, row), animate=False, immediate=True, force=True)
        finally:
            self._quiet -= 1

    def in_view(self, start: int, end: int, height: int | None = None) -> bool:
        """Whether ``text[start:end]`` is all on screen (with the body
        ``height`` rows tall: by default, as tall as it is)."""
        rows = self.rows_of(start, end)
        if rows is None:
            return False
        top = int(self.scroll_y)
        if height is None:
            height = self.scrollable_content_region.height
        return rows[0] >= top and rows[1] < top + height

    # --- passages --------------------------------------------------------------------

    def versions(self, group_id: str) -> list[Place]:
        return [Place(self.index, s.start, s.end) for s in self._group_spans.get(group_id, ())]

    def passage_rows(self) -> list[tuple[int, str, Place]]:
        """(first row, group id, version) of every passage, in reading order."""
        if self._wrapped is None:
            return []
        return [(self._wrapped.row_of(s.start), s.group, Place(self.index, s.start, s.end)) for s in self._spans]

    @property
    def passage_count(self) -> int:
        return len(self._spans)

    def action_step_passage(self, direction: int) -> None:
        if self.app.passages_unavailable():
            return
        if not self._spans:
            self.notify(f"{self.article.label}: no passage shared with another article", timeout=3)
            return
        index = self._step_from(direction)
        if index is None:
            # Past the end: round to the other end, as a search does.
            index = 0 if direction > 0 else len(self._spans) - 1
            self.notify(
                "Past the last passage: back to the first"
                if direction > 0
                else "Before the first passage: on to the last",
                timeout=2,
            )
        span = self._spans[index]
        self.post_message(self.PassageSelected(self, span.group, Place(self.index, span.start, span.end), reveal=True))

    def _step_from(self, direction: int) -> int | None:
        current = self.app.current_version
        if current is not None and current.article == self.index and self._current_group is not None:
            key = (current.start, current.end)
            here = next(
                (i for i, s in enumerate(self._spans) if (s.start, s.end) == key and s.group == self._current_group),
                None,
            )
            if here is not None and self.in_view(current.start, current.end):
                nxt = here + direction
                return nxt if 0 <= nxt < len(self._spans) else None
        # No current passage here (or scrolled away from it): start from the view.
        top = int(self.scroll_y)
        height = self.scrollable_content_region.height
        rows = [self._wrapped.row_of(s.start) if self._wrapped else 0 for s in self._spans]
        if direction > 0:
            for i, row in enumerate(rows):
                if row >= top:
                    return i
            return None
        for i in range(len(rows) - 1, -1, -1):
            if rows[i] < top + height:
                return i
        return None

    def span_at(self, offset: int) -> _Span | None:
        """The passage drawn at ``offset``: the current group's, else the innermost."""
        hi = bisect_right(self._span_starts, offset)
        covering = [s for s in self._spans[:hi] if s.start <= offset < s.end]
        if not covering:
            return None
        current = next((s for s in covering if s.group == self._current_group), None)
        return current or min(covering, key=lambda s: s.end - s.start)

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under a point of the widget (None off the text)."""
        wrapped = self._wrapped
        if wrapped is None:
            return None
        row = int(self.scroll_y) + y
        if row >= len(wrapped) or x < GUTTER:
            return None
        start, end = wrapped.starts[row], wrapped.ends[row]
        col = x - GUTTER
        text = self.article.text[start:end]
        if text.isascii():
            return start + col if col < len(text) else None
        from rich.cells import cell_len

        used = 0
        for i, ch in enumerate(text):
            used += cell_len(ch)
            if used > col:
                return start + i
        return None

    def on_click(self, event: events.Click) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        span = self.span_at(offset)
        if span is not None:
            self.post_message(self.PassageSelected(self, span.group, Place(self.index, span.start, span.end)))

    def match_index_at_or_after(self, offset: int) -> int:
        return bisect_left(self._match_starts, offset)

    @property
    def matches(self) -> list[tuple[int, int]]:
        """Search matches visible in this body (none inside hidden boilerplate)."""
        if not self._hide_boilerplate:
            return self._matches
        hidden = [(line.start, line.end) for line in self.article.lines if line.kind in ("boilerplate", "header")]
        return [m for m in self._matches if not any(s <= m[0] <= e for s, e in hidden)]


def pane_header(article: Article) -> Text:
    """The pane's header, in its top border: the outlet, then the headline
    (cut to the pane's width; the text under it starts with the whole one)."""
    header = Text(article.label, style="bold")
    if article.title and article.title != article.label:
        header.append(" · ")
        header.append(article.title)
    return header


class ArticlePane(Vertical):
    """An article's body in a frame whose top border names its outlet and
    headline, whose bottom border counts its passages; the frame of the
    focused pane stands out."""

    def __init__(self, article: Article, index: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self.index = index
        self.border_title = pane_header(article)
        self.border_subtitle = ""

    def compose(self) -> ComposeResult:
        yield ArticleBody(self.article, self.index, id=f"body-{self.index}")

    def on_mount(self) -> None:
        self.watch(self.app, "alignment", self._alignment_changed)

    def _alignment_changed(self, alignment: Alignment | None) -> None:
        if alignment is None:
            self.border_subtitle = ""
            return
        count = len(alignment.passages_in(self.index))
        self.border_subtitle = "no shared passage" if count == 0 else f"{count} passage{'s' if count > 1 else ''}"

    @property
    def body(self) -> ArticleBody:
        return self.query_one(ArticleBody)
