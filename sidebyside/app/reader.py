"""The reading screen: the panes side by side, the passage panel under them.

The screen holds the row of article panes (:class:`~.pane_row.PaneRow`:
which are shown, linked scrolling between them), follows the focus across
them, and handles what crosses panes: moving between outlets, linked
scrolling, stepping through search matches.  Its keys are
active only while it is on top: a dialog (a modal screen) or the help has
its own.  Keeping and saving highlights is its :class:`~.keeping.Keeping`
controller's; the command palette's passage jumps come straight here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import Static
from textual.worker import Worker

from ..model import Place
from . import clipboard, keeping
from .footer import ReaderFooter
from .pane import ArticleBody, ArticlePane
from .pane_row import MIN_PANE_WIDTH, MIN_SIZE, PaneRow, other_version, size_classes
from .passage_panel import PassagePanel
from .selection import SelectionScreen
from .status import AlignStatus
from .tabs import PaneTabs

if TYPE_CHECKING:
    from .app import SideBySideApp
    from .search_bar import SearchBar

__all__ = ["MIN_PANE_WIDTH", "MIN_SIZE", "ReaderScreen"]

TOO_SMALL = "The terminal is too small for sidebyside.\nMake it at least 40×10."


def _passage_commands():
    from .commands import PassageCommands  # imported when the palette opens: not needed for the first frame

    return PassageCommands


def keys_named(app, *binding_ids: str) -> str:
    """The keys in force for these bindings, "n / p" (a [keys] setting changes them)."""
    from .help import key_label

    return " / ".join(key_label(app, b) for b in binding_ids)


def follow_focus(reader: ReaderScreen, body: ArticleBody) -> None:
    """The current version (the passage panel's ▶) is the focused pane's
    version of the current group, when it has one: the one in view, else
    the first.  Only the mark moves: no pane scrolls (each keeps its place,
    one the reader scrolled away from the group too)."""
    app = reader.app
    group_id, current = app.current_group, app.current_version
    if group_id is None or (current is not None and current.article == body.index):
        return
    versions = body.versions(group_id)
    if versions:
        shown = next((v for v in versions if body.in_view(v.start, v.end)), versions[0])
        reader.marking_only = True
        try:
            app.select(group_id, shown)
        finally:
            reader.marking_only = False


class ReaderScreen(SelectionScreen):
    COMMANDS = {_passage_commands}
    BINDINGS = [
        *keeping.BINDINGS,
        Binding("tab", "cycle_pane(1)", "Next pane", id="next-pane", show=False),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", id="previous-pane", show=False),
        Binding("right_square_bracket", "other_outlet(1)", "Next outlet", key_display="]", id="next-outlet"),
        Binding("left_square_bracket", "other_outlet(-1)", "Prev outlet", key_display="[", id="previous-outlet"),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        Binding("greater_than_sign", "shift_window(1)", "Show panes further right", key_display=">", id="panes-right",
                show=False),
        Binding("less_than_sign", "shift_window(-1)", "Show panes further left", key_display="<", id="panes-left",
                show=False),
        Binding("o", "pick_pane", "Outlets", id="pick-pane", tooltip="Choose the article to show"),
        Binding("escape", "clear_search", "Clear search", id="clear-search", show=False),
        Binding("l", "toggle_linked", "Link", id="linked-scrolling", tooltip="Linked scrolling on/off"),
        Binding("b", "toggle_boilerplate", "Boilerplate", id="boilerplate", tooltip="Hide or dim page boilerplate"),
        Binding("c", "copy_group", "Copy", id="copy-group", tooltip="Copy the current group's versions"),
        Binding("J,shift+down", "scroll_panel(1)", "Passage panel down a row", id="panel-down", show=False),
        Binding("K,shift+up", "scroll_panel(-1)", "Passage panel up a row", id="panel-up", show=False),
    ]

    app: SideBySideApp

    def __init__(self) -> None:
        super().__init__()
        self._last_focused = 0
        self.marking_only = False  # True while the focus moves the ▶ (follow_focus): no pane scrolls
        #: Keeping, noting and saving highlights (``space``, ``a``, ``s``, ``S``, and ``q``'s question).
        self.keeping = keeping.Keeping(self)

    def compose(self) -> ComposeResult:
        # Laid out for the terminal's size from the start (classes, the
        # window of panes shown): changing them once mounted restyles or
        # re-lays-out everything, which slowed the first frame.
        size = self.app.size
        self.set_classes(size_classes(size))
        count = len(self.app.articles)
        row = PaneRow(count, size.width, id="panes")
        tabs = PaneTabs(id="tabs")
        tabs.display = count > row.shown
        yield tabs
        with row:
            for index, article in enumerate(self.app.articles):
                pane = ArticlePane(article, index, id=f"pane-{index}")
                pane.display = index < row.shown
                yield pane
        yield AlignStatus(id="status")
        yield PassagePanel(id="panel")
        yield ReaderFooter(compact=True)
        yield Static(TOO_SMALL, id="too-small", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "kept", lambda _kept: self.refresh_bindings(), init=False)
        self.watch(self.app, "linked", self._linked_changed, init=False)
        self.watch(self.app, "alignment", self._alignment_changed, init=False)
        self._layout(self.size)
        if self.app.articles:
            self.body(0).focus()

    def _alignment_changed(self, alignment) -> None:
        """Start where there is something to read across outlets: if the
        reader is still where the app put them (the first pane, nothing
        selected, not scrolled) and that article shares no passage, the
        focus moves to the first article that does."""
        if alignment is None or self.app.current_group is not None:
            return
        here = self.focused_index
        if alignment.passages_in(here) or self.body(here).scroll_y or here != 0:
            return
        useful = next((i for i in range(len(self.app.articles)) if alignment.passages_in(i)), None)
        if useful is not None and self.focused is self.body(here):
            self._focus_body(useful)
            self._show_window(useful, keep=useful)  # from it: the panes shown share passages

    # --- panes and the window of visible ones -------------------------------------------

    @property
    def row(self) -> PaneRow:
        return self.query_one(PaneRow)

    def body(self, index: int) -> ArticleBody:
        return self.row.body(index)

    @property
    def visible(self) -> range:
        return self.row.visible

    @property
    def focused_index(self) -> int:
        """The pane with the focus, or that had it last (while the search bar
        has it).  Set as soon as a pane is asked to take the focus, which
        Textual hands over a moment later: what is drawn meanwhile (the
        outlet strip) already shows the new pane."""
        return self._last_focused

    def on_resize(self, event) -> None:
        self._layout(event.size)

    def _layout(self, size: Size) -> None:
        classes = size_classes(size)
        too_small = "-too-small" in classes
        self.set_class(too_small, "-too-small")
        self.set_class("-short" in classes, "-short")
        count = len(self.app.articles)
        self.row.shown = self.row.fitting(size.width)
        self._show_window(self.row.first)
        if not too_small and self.focused is None and count:
            # Hiding everything (a tiny terminal) dropped the focus: give it back.
            self.call_after_refresh(self._refocus)

    def _refocus(self) -> None:
        if self.focused is None and self.is_current:
            self.body(self._last_focused).focus()

    def _show_window(self, first: int, keep: int | None = None) -> None:
        changed = self.row.show_window(first, self.focused_index if keep is None else keep)
        self._update_tabs()
        if changed and self.app.linked:
            self.call_after_refresh(self.sync_linked)

    def _update_tabs(self) -> None:
        tabs = self.query_one(PaneTabs)
        count = len(self.app.articles)
        wanted = count > self.row.shown
        if tabs.display != wanted:
            tabs.display = wanted
        if wanted:
            tabs.show_state(
                [a.label for a in self.app.articles], self.row.first, self.row.shown, self.focused_index
            )

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, ArticleBody):
            self._last_focused = event.widget.index
            self._update_tabs()
            follow_focus(self, event.widget)

    def show_pane(self, index: int, focus: bool = True) -> None:
        """Bring a pane into the window (and focus its body)."""
        if not 0 <= index < len(self.app.articles):
            return
        if focus:
            self._focus_body(index)
        self._show_window(self.row.first, keep=index)

    def _focus_body(self, index: int) -> None:
        self._last_focused = index
        self.body(index).focus()

    def action_show_pane(self, index: int) -> None:
        self.show_pane(index)

    def action_scroll_panel(self, rows: int) -> None:
        self.query_one(PassagePanel).scroll_rows(rows)

    def action_cycle_pane(self, direction: int) -> None:
        count = len(self.app.articles)
        if count:
            self.show_pane((self.focused_index + direction) % count)

    def action_shift_window(self, direction: int) -> None:
        index = self.focused_index
        first, keep = self.row.shifted(direction, index)
        if keep != index:
            self._focus_body(keep)
        self._show_window(first, keep=keep)

    def action_pick_pane(self) -> None:
        from .picker import PanePicker

        counts = [
            None if self.app.alignment is None else self.body(i).passage_count for i in range(len(self.app.articles))
        ]

        def chosen(index: int | None) -> None:
            if index is not None:
                self.show_pane(index)

        self.app.push_screen(PanePicker(self.app.articles, self.visible, counts), chosen)

    # --- passages -----------------------------------------------------------------------

    @on(ArticleBody.PassageSelected)
    def _passage_selected(self, event: ArticleBody.PassageSelected) -> None:
        self.app.select(event.group_id, event.version)
        if event.reveal:
            event.body.reveal(event.version.start, event.version.end)
        if self.app.linked and event.body.index == self.focused_index:
            if event.body.revealing is None:
                self.sync_linked()  # scrolled already: the other panes follow in the same frame
            else:
                self.call_after_refresh(self.sync_linked)

    def reveal_version(self, version: Place, focus: bool = True) -> None:
        self.show_pane(version.article, focus=focus)
        self.body(version.article).reveal(version.start, version.end)
        if self.app.linked and focus:
            self.call_after_refresh(self.sync_linked)

    def action_other_outlet(self, direction: int) -> None:
        app = self.app
        if app.passages_unavailable():
            return
        here = self.focused_index
        body = self.body(here)
        group_id = app.current_group
        if group_id is None:
            # Nothing selected: take the passage nearest the top of this pane.
            rows = body.passage_rows()
            if not rows:
                keys = keys_named(self.app, "next-passage", "previous-passage")
                self.notify(f"Select a passage first ({keys})", timeout=2)
                return
            top = int(body.scroll_y)
            _, group_id, _ = min(rows, key=lambda r: (r[0] < top, abs(r[0] - top)))
        group = app.alignment.group(group_id)
        versions = [Place(p.article, p.start, p.end) for p in group.passages]
        # (from a pane without a version: the nearest outlet after it, not after the ▶)
        current = app.current_version if app.current_group == group_id else None
        if current not in versions or current.article != here:
            current = next((v for v in versions if v.article == here), None)
        target = other_version(versions, current, here, direction)
        if target == current and len(versions) == 1:
            self.notify("This passage is in no other outlet", timeout=2)
        app.select(group_id, target)
        self.reveal_version(target)

    # --- the reader's switches, copying, keeping ------------------------------------------

    def action_toggle_linked(self) -> None:
        app = self.app
        app.linked = not app.linked
        on = "Linked scrolling on: the other panes follow the focused one"
        self.notify(on if app.linked else "Linked scrolling off", timeout=2)

    def action_toggle_boilerplate(self) -> None:
        app = self.app
        app.show_boilerplate = not app.show_boilerplate
        self.notify("Boilerplate dimmed" if app.show_boilerplate else "Boilerplate hidden", timeout=2)

    def action_copy_group(self) -> None:
        group_id = self.app.current_group_or_say()
        if group_id is not None:
            clipboard.copy_group(self, self.app.alignment, self.app.alignment.group(group_id))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return bool(self.app.kept) if action == "step_kept" else True  # N, P: only with something kept

    def action_step_kept(self, direction: int) -> None:
        target = keeping.next_kept(self.app.alignment, self.app.kept, self.app.current_group, direction)
        if target is not None:
            self.reveal_group(target)

    def action_keep(self) -> None:
        self.keeping.keep()

    def action_note(self) -> None:
        self.keeping.note()

    def action_save(self) -> None:
        self.keeping.save()

    def action_save_as(self) -> None:
        self.keeping.save_as()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "save":
            self.keeping.finished(event)

    # --- linked scrolling -----------------------------------------------------------------

    def _linked_changed(self, linked: bool) -> None:
        if linked:
            self.call_after_refresh(self.sync_linked)

    @on(ArticleBody.Scrolled)
    def _body_scrolled(self, event: ArticleBody.Scrolled) -> None:
        if self.app.linked and event.body is self.focused:
            self.sync_linked()

    def sync_linked(self) -> None:
        """Scroll the other shown panes to the focused one (see :meth:`PaneRow.sync`)."""
        if self.app.articles:
            self.row.sync(self.focused_index, self.app.current_version)

    # --- search -----------------------------------------------------------------------------

    @property
    def search_bar(self) -> SearchBar | None:
        """The search bar, once the reader has searched."""
        found = self.query("#search")
        return found.first() if found else None  # type: ignore[return-value]

    async def action_search(self) -> None:
        # Mounted on the first search, not at start: the Input is a few
        # widgets more to build before the first frame.
        bar = self.search_bar
        if bar is None:
            from .search_bar import SearchBar

            bar = SearchBar(id="search")
            await self.mount(bar, before=self.query_one(ReaderFooter))
        bar.open(self.app.search_query)

    def action_clear_search(self) -> None:
        self.app.search_query = ""
        self.app.search_current = None

    def match_count(self) -> int:
        """How many search matches the panes show (without listing them: a
        long article can have hundreds of thousands)."""
        return sum(len(self.body(i).matches) for i in range(len(self.app.articles)))

    def all_matches(self) -> list[Place]:
        """Every search match, in reading order (pane by pane)."""
        return [Place(i, s, e) for i in range(len(self.app.articles)) for s, e in self.body(i).matches]

    # (Handlers named for SearchBar's messages: the class is imported on the first search.)
    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self.app.search_query = event.query
        self.app.search_current = None
        event.control.show_count(None, self.match_count())

    @on(ArticleBody.MatchesFound)
    def _matches_found(self, event: ArticleBody.MatchesFound) -> None:
        """A long article's search came back (in a worker): count again."""
        if (bar := self.search_bar) is not None and bar.display and self.app.search_current is None:
            bar.show_count(None, self.match_count())

    def on_search_bar_step(self, event: SearchBar.Step) -> None:
        from .search_bar import step_match

        matches = self.all_matches()
        bar = event.control
        if not matches:
            bar.show_count(None, 0)
            return
        body = self.body(self.focused_index)
        here = Place(body.index, body.wrapped.offset_of(int(body.scroll_y)) if body.wrapped else 0, 0)
        position = step_match(matches, self.app.search_current, here, event.direction)
        match = matches[position]
        self.app.search_current = match
        self.reveal_version(match, focus=False)
        article = self.app.articles[match.article]
        bar.show_count(position, len(matches), article.label, self.body(match.article).drawn.shown(*match[1:]))

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        current = self.app.search_current
        self.show_pane(current.article if current is not None else self.focused_index)
