"""An article's text, wrapped and scrolled: the half of a pane's body that
knows rows, not passages.

:class:`ArticleText` is a Line API :class:`~textual.scroll_view.ScrollView`:
it wraps the article itself (rows cached per width), draws one row per
screen line in :meth:`render_line` (strips cached per row; the painting of
a row is its subclass's :meth:`_render_row`), draws its own scroll bar, and
keeps the reader's place across resizes: the text at the top stays at the
top, a passage being revealed is centred once the body has a size.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.css.model import SelectorType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from ..reading.articles import Article
from .rows import GUTTER, bar_part
from .wrap import Wrapped, wrap_article

#: Articles longer than this (characters) have their other wrapping made ahead.
PREWRAP_OVER = 200_000

BAR = 1  # the scroll bar's column, at the right edge (drawn by the body)
MAX_CACHED_STRIPS = 4000


_FOCUS_PSEUDO_CLASSES = frozenset({"focus", "blur", "focus-within"})
_styled_on_focus: dict[tuple, tuple[list, bool]] = {}  # (type, classes, id) -> (the rules looked at, found)


def styled_on_focus(widget: Widget) -> bool:
    """Whether a rule of the app's stylesheet could style ``widget`` (or its
    component classes) by where the focus is: a selector with a part on
    ``:focus``, ``:blur`` or ``:focus-within`` (its own or an ancestor's)
    and a part that matches the widget."""
    rules = widget.app.stylesheet.rules
    key = (type(widget), frozenset(widget.classes), widget.id)
    found = _styled_on_focus.get(key)
    if found is not None and found[0] is rules:
        return found[1]
    styled = any(
        any(_matches(part, widget) for part in selector_set.selectors)
        for rule_set in rules
        for selector_set in rule_set.selector_set
        if any(_FOCUS_PSEUDO_CLASSES & part.pseudo_classes for part in selector_set.selectors)
    )
    _styled_on_focus[key] = (rules, styled)
    return styled


def _matches(part, widget: Widget) -> bool:
    if part.type == SelectorType.TYPE:
        return part.name in widget._css_type_names
    if part.type == SelectorType.CLASS:
        return widget.has_class(part.name) or any(
            part.name in getattr(cls, "COMPONENT_CLASSES", ()) for cls in type(widget).__mro__
        )
    if part.type == SelectorType.ID:
        return part.name == widget.id
    return True  # * or &: it may


class QuietFocus(Widget):
    """A widget restyled on gaining or losing the focus only when a rule
    could style it so.  Textual restyles every widget then, for ``:focus``
    rules; none styles an article's body (its pane's frame shows the
    focus), and restyling it (its seven component classes) cost
    milliseconds on every ``]`` or tab for nothing."""

    def watch_has_focus(self, has_focus: bool) -> None:
        if styled_on_focus(self):
            super().watch_has_focus(has_focus)


def focus_restyles(widget: Widget) -> bool:
    """Whether a focus change must restyle ``widget`` (see QuietFocus)."""
    return not isinstance(widget, QuietFocus) or styled_on_focus(widget)


class ArticleText(QuietFocus, ScrollView):
    """An article's text wrapped to the width, with a gutter and a scroll bar."""

    COMPONENT_CLASSES = {
        "article-body--title",
        "article-body--boilerplate",
        "article-body--header",
        "article-body--scrollbar",
        "article-body--scrollbar-thumb",
    }
    #: Component classes whose styles the drawn rows use (a change redraws them).
    ROW_COMPONENTS = ("title", "boilerplate", "header")

    class Scrolled(Message):
        """The body's scroll position changed."""

        def __init__(self, body: ArticleText) -> None:
            super().__init__()
            self.body = body

        @property
        def control(self) -> ArticleText:
            return self.body

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self._hide_boilerplate = False
        self._wrapped: Wrapped | None = None
        self._sized_for: Wrapped | None = None  # the wrapping the scroll size was set for
        self._size_pending = False
        self._view_height = 0  # rows shown, as of the last resize
        self._bar_cells: tuple[Strip, Strip, Strip] | None = None  # scroll bar: none, track, thumb
        self._wrap_cache: dict[tuple[int, bool], Wrapped] = {}
        self._strips: dict[int, Strip] = {}
        self._top_offset = 0  # text offset of the top row: kept across re-wraps
        self._pending_reveal: tuple[int, int] | None = None
        self._quiet = 0  # >0: scroll changes are ours; post no Scrolled
        self._styles_drawn: tuple = ()

    # --- what the subclass provides --------------------------------------------------

    def _render_row(self, row: int) -> Strip:
        """Row ``row`` of the wrapped text, painted."""
        raise NotImplementedError

    def _rows_changed(self) -> None:
        """The text was wrapped again: rows moved."""

    def _anchor(self) -> tuple[int, int] | None:
        """The span to keep in view across a resize (the current passage)."""
        return None

    # --- wrapping ------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER - BAR)

    @property
    def wrapped(self) -> Wrapped | None:
        return self._wrapped

    @property
    def top_offset(self) -> int:
        """The text offset the reader's place is at: the top row's, kept
        exactly across re-wraps."""
        return self._top_offset

    @property
    def row_cache(self) -> Mapping[int, Strip]:
        """The rows drawn and kept for the next frame (row -> strip), read only."""
        return MappingProxyType(self._strips)

    @property
    def revealing(self) -> tuple[int, int] | None:
        """The span waiting to be centred once the body is laid out."""
        return self._pending_reveal

    def on_resize(self, event: events.Resize) -> None:
        height = self.scrollable_content_region.height
        if height != self._view_height and self._wrapped is not None and self._pending_reveal is None:
            # Shorter or taller: the current passage, if it was in view and
            # no longer is, is centred by the sizing below (a new width is
            # seen to by _wrap_to_width).
            current = self._anchor()
            if current is not None and self.in_view(*current, height=self._view_height) and not self.in_view(*current):
                self._pending_reveal = current
        self._rewrap()
        self._view_height = height

    def set_hide_boilerplate(self, hide: bool) -> None:
        self._hide_boilerplate = hide
        self._rewrap()

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
            if len(self.article.text) > PREWRAP_OVER:
                # b (boilerplate hidden or shown) then redraws at once.
                self._prewrap(key[0], not self._hide_boilerplate)
        if wrapped is not self._wrapped:
            if self._wrapped is not None and self._pending_reveal is None:
                # A new width: the current passage, if it was in view (at the
                # height the body had), stays in view, centred, rather than
                # the text at the top.
                current = self._anchor()
                if current is not None and self.in_view(*current, height=self._view_height):
                    self._pending_reveal = current
            self._wrapped = wrapped
            self._rows_changed()
            self._strips.clear()
        return wrapped

    @work(thread=True, group="prewrap", exit_on_error=False, name="prewrap")
    def _prewrap(self, width: int, hide: bool) -> None:
        """Wrap the other way (boilerplate hidden or shown) in a thread, for
        the cache: a long article's wrapping takes a while."""
        if (width, hide) in self._wrap_cache:
            return
        wrapped = wrap_article(self.article, width, hide)
        self.app.call_from_thread(self._wrap_cache.setdefault, (width, hide), wrapped)

    def wrapping_missing(self, text_width: int) -> tuple[int, bool] | None:
        """The wrapping (text width, boilerplate hidden) this body would need
        to be shown ``text_width`` wide, None if it has it."""
        key = (text_width, self._hide_boilerplate)
        return None if key in self._wrap_cache else key

    def add_wrapping(self, key: tuple[int, bool], wrapped: Wrapped) -> None:
        """Keep a wrapping made elsewhere (a worker) for when it is needed."""
        if key not in self._wrap_cache and len(self._wrap_cache) < 5:
            self._wrap_cache[key] = wrapped

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

    # --- drawing ---------------------------------------------------------------------

    def on_unmount(self) -> None:
        self._strips.clear()

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
            *(self.get_component_rich_style(f"article-body--{name}", partial=True) for name in self.ROW_COMPONENTS),
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
        if self._bar_cells is None:
            blank = Strip([Segment(" ", self.rich_style)], BAR)
            self._bar_cells = (blank, blank, blank)
        total = len(self._wrapped) if self._wrapped is not None else 0
        return self._bar_cells[bar_part(y, top, self.scrollable_content_region.height, total)]

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

    def reveal(self, start: int, end: int) -> None:
        """Scroll so that ``text[start:end]`` is centred (once laid out, if
        the body is not yet)."""
        if self._wrapped is None or self.scrollable_content_region.width <= GUTTER + BAR:
            self._pending_reveal = (start, end)
            self._top_offset = start
            return
        top = self._centred_top(start, end, self._wrapped)
        self.scroll_to(y=top, animate=False, immediate=True, force=True)

    def follow(self, row: int) -> None:
        """Scroll so that ``row`` is at the top, without posting Scrolled
        (linked scrolling: this body follows another)."""
        self._quiet += 1
        try:
            self.scroll_to(y=max(0, row), animate=False, immediate=True, force=True)
        finally:
            self._quiet -= 1

    def in_view(self, start: int, end: int, height: int | None = None, partly: bool = False) -> bool:
        """Whether ``text[start:end]`` is all (``partly``: any of it) on
        screen, with the body ``height`` rows tall (by default, as it is)."""
        rows = self.rows_of(start, end)
        if rows is None:
            return False
        top = int(self.scroll_y)
        bottom = top + (self.scrollable_content_region.height if height is None else height)
        return rows[0] < bottom and rows[1] >= top if partly else rows[0] >= top and rows[1] < bottom

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under a point of the widget (None off the text)."""
        wrapped = self._wrapped
        if wrapped is None:
            return None
        row = int(self.scroll_y) + y
        if row >= len(wrapped) or x < GUTTER:
            return None
        return offset_in_row(self.article.text, wrapped, row, x - GUTTER)


def offset_in_row(text: str, wrapped: Wrapped, row: int, col: int) -> int | None:
    """The offset of ``text`` drawn at column ``col`` of ``row`` (None past
    its end): wide characters take two columns, marks not drawn none."""
    start, end = wrapped.starts[row], wrapped.ends[row]
    shown = text[start:end].replace("\n", " ")  # a joined line's newlines: spaces
    marks = [(s, e) for s, e in wrapped.marks if s < end and e > start]  # not drawn (Markdown's **)
    if shown.isascii() and not marks:
        return start + col if col < len(shown) else None
    used = 0
    for i, ch in enumerate(shown):
        if any(s <= start + i < e for s, e in marks):
            continue
        used += cell_len(ch)
        if used > col:
            return start + i
    return None
