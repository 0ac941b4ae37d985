"""The reading screen: the panes side by side, the passage panel under them.

The screen decides which panes are shown (as many as fit at about
:data:`MIN_PANE_WIDTH` columns each; the others stay mounted, hidden, with
their scroll position) and handles what crosses panes: moving between
outlets, linked scrolling, stepping through search matches.  Its keys are
active only while it is on top: a dialog (a modal screen) or the help has
its own.  Keeping and saving highlights is its :class:`~.keeping.Keeping`
controller's; the command palette's passage jumps come straight here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker

from ..model import Place
from . import clipboard, keeping
from .footer import ReaderFooter
from .pane import ArticleBody, ArticlePane
from .passage_panel import PassagePanel
from .status import AlignStatus
from .tabs import PaneTabs

if TYPE_CHECKING:
    from .app import SideBySideApp
    from .search_bar import SearchBar

MIN_PANE_WIDTH = 40  # columns a pane needs to be legible
MIN_SIZE = Size(40, 10)  # below this, only a "too small" message

TOO_SMALL = "The terminal is too small for sidebyside.\nMake it at least 40×10."


def _passage_commands():
    from .commands import PassageCommands  # imported when the palette opens: not needed for the first frame

    return PassageCommands


class ReaderScreen(Screen[None]):
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
    ]

    app: SideBySideApp

    def __init__(self) -> None:
        super().__init__()
        self.first_visible = 0
        self.visible_count = 1
        self._last_focused = 0
        #: Keeping, noting and saving highlights (``space``, ``a``, ``s``, ``S``, and ``q``'s question).
        self.keeping = keeping.Keeping(self)

    def compose(self) -> ComposeResult:
        # Laid out for the terminal's size from the start (classes, the
        # window of panes shown): changing them once mounted restyles or
        # re-lays-out everything, which slowed the first frame.
        size = self.app.size
        self.set_classes(self._size_classes(size))
        count = len(self.app.articles)
        self.visible_count = self._fitting(size)
        tabs = PaneTabs(id="tabs")
        tabs.display = count > self.visible_count
        yield tabs
        with Horizontal(id="panes"):
            for index, article in enumerate(self.app.articles):
                pane = ArticlePane(article, index, id=f"pane-{index}")
                pane.display = index < self.visible_count
                yield pane
        yield AlignStatus(id="status")
        yield PassagePanel(id="panel")
        yield ReaderFooter(compact=True)
        yield Static(TOO_SMALL, id="too-small", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "linked", self._linked_changed, init=False)
        self.watch(self.app, "alignment", self._alignment_changed, init=False)
        self._layout(self.size)
        if self.panes:
            self.panes[0].body.focus()

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
    def panes(self) -> list[ArticlePane]:
        return list(self.query(ArticlePane))

    def body(self, index: int) -> ArticleBody:
        return self.query_one(f"#body-{index}", ArticleBody)

    @property
    def focused_index(self) -> int:
        """The pane with the focus, or that had it last (while the search bar
        has it).  Set as soon as a pane is asked to take the focus, which
        Textual hands over a moment later: what is drawn meanwhile (the
        outlet strip) already shows the new pane."""
        return self._last_focused

    @property
    def visible(self) -> range:
        return range(self.first_visible, min(self.first_visible + self.visible_count, len(self.app.articles)))

    def on_resize(self, event) -> None:
        self._layout(event.size)

    @staticmethod
    def _size_classes(size: Size) -> list[str]:
        classes = []
        if size.width < MIN_SIZE.width or size.height < MIN_SIZE.height:
            classes.append("-too-small")
        if size.height < 30:
            classes.append("-short")
        return classes

    def _fitting(self, size: Size) -> int:
        """How many panes fit side by side."""
        return max(1, min(len(self.app.articles), size.width // MIN_PANE_WIDTH))

    def _layout(self, size: Size) -> None:
        classes = self._size_classes(size)
        too_small = "-too-small" in classes
        self.set_class(too_small, "-too-small")
        self.set_class("-short" in classes, "-short")
        count = len(self.app.articles)
        self.visible_count = self._fitting(size)
        self._show_window(self.first_visible)
        if not too_small and self.focused is None and count:
            # Hiding everything (a tiny terminal) dropped the focus: give it back.
            self.call_after_refresh(self._refocus)

    def _refocus(self) -> None:
        if self.focused is None and self.is_current:
            self.body(self._last_focused).focus()

    def _show_window(self, first: int, keep: int | None = None) -> None:
        count = len(self.app.articles)
        k = self.visible_count
        keep = self.focused_index if keep is None else keep
        first = max(0, min(first, count - k))
        if not first <= keep < first + k:
            first = max(0, min(keep if keep < first else keep - k + 1, count - k))
        changed = first != self.first_visible
        self.first_visible = first
        for pane in self.panes:
            shown = first <= pane.index < first + k
            if pane.display != shown:
                pane.display = shown
        self._update_tabs()
        if changed and self.app.linked:
            self.call_after_refresh(self.sync_linked)

    def _update_tabs(self) -> None:
        tabs = self.query_one(PaneTabs)
        count = len(self.app.articles)
        wanted = count > self.visible_count
        if tabs.display != wanted:
            tabs.display = wanted
        if wanted:
            tabs.show_state(
                [a.label for a in self.app.articles], self.first_visible, self.visible_count, self.focused_index
            )

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, ArticleBody):
            self._last_focused = event.widget.index
            self._update_tabs()

    def show_pane(self, index: int, focus: bool = True) -> None:
        """Bring a pane into the window (and focus its body)."""
        if not 0 <= index < len(self.app.articles):
            return
        if focus:
            self._focus_body(index)
        self._show_window(self.first_visible, keep=index)

    def _focus_body(self, index: int) -> None:
        self._last_focused = index
        self.body(index).focus()

    def action_show_pane(self, index: int) -> None:
        self.show_pane(index)

    def action_cycle_pane(self, direction: int) -> None:
        count = len(self.app.articles)
        if count:
            self.show_pane((self.focused_index + direction) % count)

    def action_shift_window(self, direction: int) -> None:
        count = len(self.app.articles)
        k = self.visible_count
        first = max(0, min(self.first_visible + direction, count - k))
        index = self.focused_index
        keep = index if first <= index < first + k else (first if direction > 0 else first + k - 1)
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
            self.call_after_refresh(self.sync_linked)

    def reveal_version(self, version: Place, focus: bool = True) -> None:
        self.show_pane(version.article, focus=focus)
        self.body(version.article).reveal(version.start, version.end)
        if self.app.linked and focus:
            self.call_after_refresh(self.sync_linked)

    def reveal_group(self, group_id: str, article: int | None = None) -> None:
        """Select a group and bring its versions into view: the one in
        ``article`` (else in the focused pane, else the first) gets focus,
        every other shown pane with a version centres it too."""
        alignment = self.app.alignment
        if alignment is None:
            return
        group = alignment.group(group_id)
        versions = [Place(p.article, p.start, p.end) for p in group.passages]
        wanted = article if article is not None else self.focused_index
        main = next((v for v in versions if v.article == wanted), versions[0])
        self.app.select(group_id, main)
        self.reveal_version(main)
        for index in self.visible:
            if index != main.article:
                mine = [v for v in versions if v.article == index]
                if mine:
                    self.body(index).reveal(mine[0].start, mine[0].end)

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
                self.notify("Select a passage first (n / p)", timeout=2)
                return
            top = int(body.scroll_y)
            _, group_id, _ = min(rows, key=lambda r: (r[0] < top, abs(r[0] - top)))
        group = app.alignment.group(group_id)
        versions = [Place(p.article, p.start, p.end) for p in group.passages]
        current = app.current_version if app.current_group == group_id else None
        if current not in versions:
            current = next((v for v in versions if v.article == here), None)
        if current is not None:
            position = versions.index(current)
            target = versions[(position + direction) % len(versions)]
        elif direction > 0:
            target = next((v for v in versions if v.article > here), versions[0])
        else:
            target = next((v for v in reversed(versions) if v.article < here), versions[-1])
        if target == current and len(versions) == 1:
            self.notify("This passage is in no other outlet", timeout=2)
        app.select(group_id, target)
        self.reveal_version(target)

    def current_group_or_say(self) -> str | None:
        """The current group's id, else None after telling the reader why."""
        app = self.app
        if app.passages_unavailable():
            return None
        if app.current_group is None:
            if not app.alignment.groups:
                self.notify("These articles share no passage: there is none to select", timeout=3)
            else:
                self.notify("Select a passage first (n / p, or click a highlight)", timeout=3)
            return None
        return app.current_group

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
        group_id = self.current_group_or_say()
        if group_id is None:
            return
        alignment = self.app.alignment
        group = alignment.group(group_id)
        text = clipboard.group_text(alignment, group)
        self.app.copy_to_clipboard(text)
        self._copy_with_system_tool(text)
        self.notify(f"Copied {group.id}: {len(group.passages)} versions", timeout=3)

    @work(thread=True, group="clipboard", exit_on_error=False)
    def _copy_with_system_tool(self, text: str) -> None:
        tool = clipboard.system_copy(text)
        if tool:
            self.app.call_from_thread(self.notify, f"Also copied with {tool}", timeout=2)

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

    def system_commands(self):
        """The reader's entries in the command palette."""
        yield SystemCommand("Linked scrolling", "Toggle linked scrolling (l)", self.action_toggle_linked)
        yield SystemCommand("Boilerplate", "Hide or dim page boilerplate (b)", self.action_toggle_boilerplate)
        yield SystemCommand("Copy passage", "Copy the current group's versions (c)", self.action_copy_group)
        yield SystemCommand("Keep highlight", "Keep the current passage, or stop keeping it (space)", self.action_keep)
        yield SystemCommand("Note", "Add or edit the note on the current passage (a)", self.action_note)
        yield SystemCommand("Save highlights", "Save the kept highlights (s)", self.action_save)
        yield SystemCommand("Save highlights as…", "Save to a .json, .md or .csv file (S)", self.action_save_as)
        yield SystemCommand("Outlets", "Choose which article's pane to show (o)", self.action_pick_pane)

    # --- linked scrolling -----------------------------------------------------------------

    def _linked_changed(self, linked: bool) -> None:
        if linked:
            self.call_after_refresh(self.sync_linked)

    @on(ArticleBody.Scrolled)
    def _body_scrolled(self, event: ArticleBody.Scrolled) -> None:
        if self.app.linked and event.body is self.focused:
            self.sync_linked()

    def sync_linked(self) -> None:
        """Scroll the other shown panes so that their version of the group
        nearest the top of the focused pane (the selected group, while it is
        in view) sits on the same screen row."""
        if not self.app.articles:
            return
        leader = self.body(self.focused_index)
        rows = leader.passage_rows()
        if not rows:
            return
        top = int(leader.scroll_y)
        by_distance = sorted(rows, key=lambda r: abs(r[0] - top))
        # The selected passage, while in view, is the anchor above all others.
        current = self.app.current_version
        if current is not None and current.article == leader.index and leader.in_view(current.start, current.end):
            chosen = [r for r in rows if r[2] == current]
            by_distance = chosen + [r for r in by_distance if r[2] != current]
        for index in self.visible:
            if index == leader.index:
                continue
            other = self.body(index)
            if other.wrapped is None:
                continue
            for row, group_id, _ in by_distance:  # noqa: B007 (the row found is read below)
                versions = other.versions(group_id)
                if versions:
                    break
            else:
                continue
            screen_row = row - top
            other_top = int(other.scroll_y)
            other_rows = [other.rows_of(v.start, v.end)[0] for v in versions]
            anchor = min(other_rows, key=lambda r: abs(r - (other_top + screen_row)))
            other.follow(anchor - screen_row)

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

    def _all_matches(self) -> list[Place]:
        return [Place(i, s, e) for i in range(len(self.app.articles)) for s, e in self.body(i).matches]

    # (Handlers named for SearchBar's messages: the class is imported on the first search.)
    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self.app.search_query = event.query
        self.app.search_current = None
        event.control.show_count(None, len(self._all_matches()))

    def on_search_bar_step(self, event: SearchBar.Step) -> None:
        matches = self._all_matches()
        bar = event.control
        if not matches:
            bar.show_count(None, 0)
            return
        current = self.app.search_current
        if current in matches:
            position = (matches.index(current) + event.direction) % len(matches)
        else:
            here = self.focused_index
            body = self.body(here)
            top = body.wrapped.offset_of(int(body.scroll_y)) if body.wrapped else 0
            after = [i for i, m in enumerate(matches) if (m.article, m.start) >= (here, top)]
            if event.direction > 0:
                position = after[0] if after else 0
            else:
                position = (after[0] - 1) % len(matches) if after else len(matches) - 1
        match = matches[position]
        self.app.search_current = match
        self.reveal_version(match, focus=False)
        bar.show_count(position, len(matches), self.app.articles[match.article].label)

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        current = self.app.search_current
        self.show_pane(current.article if current is not None else self.focused_index)
