"""One article: a pane with its headline over a body that draws the text.

:class:`ArticleBody` is the article's text (:class:`~.article_text.ArticleText`:
wrapping, scrolling, the rows drawn and cached) with its passages, search
matches and kept highlights on it.  It paints each row with the pure
functions of :mod:`.rows`, and when the current group changes it refreshes
only the rows of the old and the new group's passages (and when a group is
kept or unkept, only the rows of that group's passages).

The body follows the app's state (alignment, current group, search, group
colours, boilerplate) by watching the app's reactives, and tells the screen
what the reader did with messages (:class:`ArticleBody.PassageSelected`,
:class:`ArticleBody.Scrolled`).
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.strip import Strip
from textual.worker import get_current_worker

from ..model import Place
from ..reading.articles import Article
from ..reading.boilerplate import heading_text
from ..text import plural
from .article_text import BAR, ArticleText
from .drawn import DrawnText
from .rows import (
    CHANGED_WORD,
    GUTTER,
    KEPT_MARK,
    KEPT_RULE,
    RowPaint,
    Span,
    drawn_span,
    is_spelling_variant,
    render_row,
)

if TYPE_CHECKING:
    from ..model import Alignment
    from .colours import GroupColours, Palette

#: Kinds of line drawn in their own style (component classes ``article-body--<kind>``).
ROW_KINDS = ("title", "boilerplate", "header")


def _none(span: Span) -> tuple[()]:
    return ()


__all__ = ["BAR", "CHANGED_WORD", "GUTTER", "KEPT_MARK", "KEPT_RULE", "ArticleBody", "ArticlePane", "pane_header"]


#: Articles longer than this (characters) are searched in a thread worker.
SEARCH_IN_WORKER = 200_000


class ArticleBody(ArticleText, can_focus=True):
    """The text of one article, wrapped, with its passages highlighted."""

    COMPONENT_CLASSES = {"article-body--kept", "article-body--flag", "article-body--strong", "article-body--em"}
    ROW_COMPONENTS = ("title", "boilerplate", "header", "kept", "flag")

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

    class MatchesFound(Message):
        """A search of this article is done (its matches are shown)."""

        def __init__(self, body: ArticleBody) -> None:
            super().__init__()
            self.body = body

        @property
        def control(self) -> ArticleBody:
            return self.body

    def __init__(self, article: Article, index: int, *, id: str | None = None) -> None:
        super().__init__(article, id=id)
        self.index = index
        self._spans: list[Span] = []  # this article's passages, by start
        self._span_starts: list[int] = []
        self._group_spans: dict[str, list[Span]] = {}
        self._colours: dict[str, GroupColours] = {}
        self._palette: Palette | None = None
        self._current_group: str | None = None
        self._kept: frozenset[str] = frozenset()
        self._query = ""
        self._matches: list[tuple[int, int]] = []
        self._drawn: DrawnText | None = None  # its text as drawn, once searched
        self._match_starts: list[int] = []
        self._current_match: tuple[int, int] | None = None
        self._row_spans: dict[int, list[int]] = {}
        self._match_ends: list[int] = []
        #: A long article's search process (search_process.py); False once
        #: none could be started (the search then runs in the worker's thread).
        self._searcher = None
        self._painting: RowPaint | None = None  # see _paint

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
        self._painting = None
        spans: list[Span] = []
        if alignment is not None:
            for passage, group in alignment.passages_in(self.index):
                spans.append(Span(passage.start, passage.end, group.id, group.kind == "verbatim", bool(group.flags)))
        spans.sort()
        self._spans = spans
        self._span_starts = [s.start for s in spans]
        by_group: dict[str, list[Span]] = {}
        for span in spans:
            by_group.setdefault(span.group, []).append(span)
        self._group_spans = by_group
        self._rows_changed()
        self._refresh_all()

    def _palette_changed(self, palette: Palette | None) -> None:
        self._painting = None
        self._palette = palette
        if self._matches:
            self._refresh_all()

    def _colours_changed(self, colours: dict[str, GroupColours]) -> None:
        self._painting = None
        self._colours = colours
        self._refresh_all()

    def _current_group_changed(self, group_id: str | None) -> None:
        self._painting = None
        old, self._current_group = self._current_group, group_id
        for gid in {old, group_id}:
            if gid is not None:
                for span in self._group_spans.get(gid, ()):
                    self._refresh_span(span.start, span.end)

    def _kept_changed(self, kept: dict[str, str]) -> None:
        self._painting = None
        # Only whether a group is kept shows here (its note is the panel's):
        # redraw the rows of the groups that changed, nothing else.
        new = frozenset(kept)
        changed, self._kept = new ^ self._kept, new
        for gid in changed:
            for span in self._group_spans.get(gid, ()):
                self._refresh_span(span.start, span.end)

    def _boilerplate_changed(self, show: bool) -> None:
        self.set_hide_boilerplate(not show)

    def _query_changed(self, query: str) -> None:
        self._query = query
        if query and len(self.article.text) > SEARCH_IN_WORKER:
            # A long article is searched off the event loop: the field
            # answers each keystroke at once, the matches follow.
            self._search(query)
            return
        self._show_matches(query, self._find(query) if query else [])

    def _find(self, query: str) -> list[tuple[int, int]]:
        return self.drawn.find(query)

    @property
    def drawn(self) -> DrawnText:
        """The text as drawn (a Markdown pane's marks left out), searched."""
        if self._drawn is None:
            self._drawn = DrawnText(self.article)
        return self._drawn

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, name="search")
    def _search(self, query: str) -> None:
        worker = get_current_worker()
        time.sleep(0.03)  # typing on: the next letter's search replaces this one
        if worker.is_cancelled or query != self._query:
            return
        matches = None
        if self._searcher is not False:
            try:
                if self._searcher is None:
                    from .search_process import Searcher

                    self._searcher = Searcher(self.drawn.text)
                matches = self.drawn.to_article(self._searcher.find(query))
            except Exception:  # noqa: BLE001 - no process could start here (or it died): search in this thread
                self._searcher = False
        if matches is None:
            matches = self._find(query)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_matches, query, matches)

    def on_unmount(self) -> None:
        if self._searcher:
            self._searcher.close()
        self._searcher = None

    def _show_matches(self, query: str, matches: list[tuple[int, int]]) -> None:
        if query != self._query:
            return  # a later query's search is on its way
        self._matches = matches
        self._match_starts = [s for s, _ in self._matches]
        self._match_ends = [e for _, e in self._matches]
        self._refresh_all()
        if query:
            self.post_message(self.MatchesFound(self))

    def _search_current_changed(self, current: Place | None) -> None:
        self._painting = None
        old = self._current_match
        self._current_match = (current.start, current.end) if current and current.article == self.index else None
        for span in (old, self._current_match):
            if span is not None:
                self._refresh_span(*span)

    def _rows_changed(self) -> None:
        """Which spans and search matches each row shows."""
        self._row_spans = {}
        wrapped = self._wrapped
        if wrapped is None:
            return
        for index, span in enumerate(self._spans):
            for row in range(wrapped.row_of(span.start), wrapped.row_of(max(span.start, span.end - 1)) + 1):
                self._row_spans.setdefault(row, []).append(index)
        # (Search matches are looked up per row drawn, by bisection: a long
        # article can have hundreds of thousands.)

    # --- drawing ---------------------------------------------------------------------

    def _anchor(self) -> tuple[int, int] | None:
        current = self.app.current_version
        if current is not None and current.article == self.index:
            return current.start, current.end
        return None

    def notify_style_update(self) -> None:
        self._painting = None
        super().notify_style_update()

    def _paint(self) -> RowPaint:
        """What the rows' look depends on, as it is now (made again after
        anything it holds changed)."""
        if self._painting is None:
            self._painting = self._make_paint()
        return self._painting

    def _make_paint(self) -> RowPaint:
        palette = self._palette
        diffs = self.app.group_diffs
        component = self.get_component_rich_style
        return RowPaint(
            base=self.rich_style,
            kinds={kind: component(f"article-body--{kind}", partial=True) for kind in ROW_KINDS},
            kept_style=component("article-body--kept", partial=True),
            flag_style=component("article-body--flag", partial=True),
            strong=component("article-body--strong", partial=True),
            em=component("article-body--em", partial=True),
            colours=self._colours,
            current_group=self._current_group,
            kept=self._kept,
            match=palette.match if palette else Style(reverse=True),
            match_current=palette.match_current if palette else Style(reverse=True, bold=True),
            current_match=self._current_match,
            spelling=lambda s, e: is_spelling_variant(self.article.text[s:e], self._query),
            changed=(lambda s: () if s.verbatim else diffs.changed(s.group, self.index, s.start)) if diffs else _none,
        )

    def _render_row(self, row: int) -> Strip:
        spans = [self._spans[i] for i in self._row_spans.get(row, ())]
        wrapped = self._wrapped
        matches = (
            matches_in(self._matches, self._match_ends, wrapped.starts[row], wrapped.ends[row])
            if self._matches and wrapped is not None and row < len(wrapped)
            else []
        )
        width = max(0, self.scrollable_content_region.width - BAR)
        return render_row(self.article.text, self._wrapped, row, width, spans, matches, self._paint())

    # --- passages --------------------------------------------------------------------

    def spans_on(self, row: int) -> list[Span]:
        """The passages drawn on ``row``."""
        return [self._spans[i] for i in self._row_spans.get(row, ())]

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
        place = Place(self.index, span.start, span.end)
        # Selected and scrolled to at once (one frame shows it and the other
        # panes' versions), so a key pressed right after (space: keep) finds it.
        self.app.select(span.group, place)
        self.reveal(span.start, span.end)
        self.post_message(self.PassageSelected(self, span.group, place))

    def _step_from(self, direction: int) -> int | None:
        current = self.app.current_version
        if current is not None and current.article == self.index and self._current_group is not None:
            key = (current.start, current.end)
            here = next(
                (i for i, s in enumerate(self._spans) if (s.start, s.end) == key and s.group == self._current_group),
                None,
            )
            if here is not None and self.in_view(current.start, current.end, partly=True):  # (taller than the pane)
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

    def span_at(self, offset: int) -> Span | None:
        """The passage drawn at ``offset`` (see :func:`~.rows.drawn_span`)."""
        hi = bisect_right(self._span_starts, offset)
        return drawn_span((s for s in self._spans[:hi] if s.start <= offset < s.end), self._current_group)

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


def matches_in(matches: list[tuple[int, int]], ends: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The search ``matches`` (in order, never overlapping; ``ends`` their
    ends) that show on a row holding ``text[start:end]``."""
    first = bisect_right(ends, start)  # the first ending after the row starts
    out = []
    for i in range(first, len(matches)):
        if matches[i][0] >= max(end, start + 1):
            break
        out.append(matches[i])
    return out


def pane_header(article: Article) -> Text:
    """The pane's header, in its top border: the outlet, its date when known,
    then the headline (cut to the pane's width; the text under it starts
    with the whole one)."""
    header = Text(article.label, style="bold")
    if article.date:
        from ..reading.textmeta import display_date

        header.append(" · ")
        header.append(display_date(article.date))
    if article.title and article.title != article.label:
        header.append(" · ")
        header.append(article.title)
    return header


#: Fewest cells of the outlet's name kept when it is cut to leave its date room.
OUTLET_LEAST = 8


def _outlet_and_date(article: Article, room: int) -> Text:
    """The outlet and its date in ``room`` cells: the outlet's name cut
    ("East Midlands Chron…") before the date is left out, which happens
    only when not even :data:`OUTLET_LEAST` cells of the name would be left."""
    lead = Text(article.label, style="bold")
    if article.date:
        from ..reading.textmeta import display_date

        date = Text(f" · {display_date(article.date)}")
        left = room - date.cell_len
        if lead.cell_len > left >= min(OUTLET_LEAST, lead.cell_len):
            lead.truncate(left, overflow="ellipsis")
        if lead.cell_len <= left:
            return lead + date
    return lead


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def text_shows_title(article: Article) -> bool:
    """Whether the article's text, as the pane shows it, begins with its
    headline (then a headline line above the text would say it twice)."""
    wanted = _words(article.title or "")
    if not wanted:
        return False
    shown = [line for line in article.lines if line.kind not in ("blank", "boilerplate", "header")]
    # The line read as the headline, wherever it stands (a newsletter's
    # story heading under its greeting), or one of the first lines.
    # (A Markdown heading is shown without its # marks.)
    titles = [line for line in shown if line.kind == "title"]
    return any(_words(heading_text(article.text[line.start : line.end])) == wanted for line in titles + shown[:3])


def _cut_lines(text: Text, width: int, lines: int) -> Text:
    """``text`` wrapped to ``width`` cells, at most ``lines`` lines, the
    last ending in "…" when some is left out."""
    from rich.console import Console

    width = max(1, width)
    wrapped = text.wrap(Console(width=width, legacy_windows=False), width)
    if len(wrapped) <= lines:
        return text
    kept = list(wrapped)[:lines]
    last = kept[-1].copy()
    last.rstrip()
    if last.cell_len + 1 > width:
        last.truncate(width - 1)
    last.append("…")
    kept[-1] = last
    return Text("\n").join(kept)


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
        # When the top border cuts the header, the outlet stays in the
        # border and the headline goes over the text, wrapped: the width
        # there is shows it whole, however narrow the pane.
        from textual.widgets import Static

        yield Static("", classes="pane-headline", markup=False)
        yield ArticleBody(self.article, self.index, id=f"body-{self.index}")

    def _fit_header(self, width: int) -> None:
        header = pane_header(self.article)
        headline = self.query_one(".pane-headline")
        room = width - 6  # "╭─ " and " ─╮" round the title
        cut = header.cell_len > room
        below = None
        if not cut:
            title = header
        else:
            title = _outlet_and_date(self.article, room)
            if title.cell_len > room:
                title = title.copy()
                title.truncate(max(1, room), overflow="ellipsis")
            if self.article.title and self.article.title != self.article.label and not text_shows_title(self.article):
                below = _cut_lines(Text(self.article.title), width - 5, 1 if self.app.size.height < 20 else 2)
        if self.border_title != title:
            self.border_title = title
        if below is not None:
            headline.update(below)
        if headline.display != (below is not None):
            headline.display = below is not None

    def on_resize(self, event) -> None:
        self._fit_header(event.size.width)

    def on_mount(self) -> None:
        app = self.app
        shown = max(1, min(len(getattr(app, "articles", ())) or 1, app.size.width // 40))
        self._fit_header(self.size.width or app.size.width // shown)
        self.watch(self.app, "alignment", self._alignment_changed)

    def _alignment_changed(self, alignment: Alignment | None) -> None:
        if alignment is None:
            self.border_subtitle = ""
            return
        count = len(alignment.passages_in(self.index))
        self.border_subtitle = "no shared passage" if count == 0 else plural(count, "passage")

    @property
    def body(self) -> ArticleBody:
        return self.query_one(ArticleBody)
