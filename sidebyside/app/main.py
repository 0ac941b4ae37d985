"""The reading app: several versions of one story side by side.

The app holds the state every widget follows (the alignment, the current
group and version, linked scrolling, boilerplate, search) as reactives, and
runs the alignment in a thread worker, so the panes show the text at once
and fill in their highlights when the alignment is in.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from ..options import AlignOptions
from ..articles import Article
from . import clipboard
from .colours import GroupColours, Palette, assign, theme_palette
from .pane import Version
from .reader import ReaderScreen

if TYPE_CHECKING:
    from ..align import Alignment

Aligner = Callable[..., "Alignment"]


def _passage_commands():
    from .commands import PassageCommands

    return PassageCommands


class _Cancelled(Exception):
    """The alignment worker was cancelled (the app is closing)."""


class SideBySideApp(App[None]):
    CSS_PATH = "sidebyside.tcss"
    TITLE = "sidebyside"
    COMMANDS = App.COMMANDS | {_passage_commands}
    BINDINGS = [
        Binding("l", "toggle_linked", "Link", id="linked-scrolling", tooltip="Linked scrolling on/off"),
        Binding("b", "toggle_boilerplate", "Boilerplate", id="boilerplate", tooltip="Hide or dim page furniture"),
        Binding("c", "copy_group", "Copy", id="copy-group", tooltip="Copy the current group's versions"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    alignment: var[Alignment | None] = var(None, always_update=True)
    palette: var[Palette | None] = var(None)
    group_colours: var[dict[str, GroupColours]] = var(dict)
    current_group: var[str | None] = var(None)
    current_version: var[Version | None] = var(None)
    linked = var(False)
    show_furniture = var(True)  # False: boilerplate hidden (True: shown dimmed)
    search_query = var("")
    search_current: var[Version | None] = var(None)
    align_state = var("running")  # running | done | error
    align_progress = var((0, 0))

    def __init__(
        self,
        articles: Sequence[Article],
        options: AlignOptions | None = None,
        *,
        aligner: Aligner | None = None,
    ) -> None:
        super().__init__()
        self.articles = list(articles)
        self.options = options or AlignOptions()
        self.align_error = ""
        self._aligner = aligner
        self._colour_index: dict[str, int] = {}
        self._colour_size = 0

    def get_default_screen(self) -> Screen:
        return ReaderScreen()

    @property
    def reader(self) -> ReaderScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._update_palette()
        if len(self.articles) < 2:
            self.notify(
                "Only one article is open: there is nothing to align it with. "
                "Give two or more to see their shared passages.",
                title="One article",
                timeout=10,
            )
        for article in self.articles:
            for note in article.notes:
                self.notify(note, severity="warning", timeout=8)
        self.run_alignment()

    # --- alignment ----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="align", exit_on_error=False, name="align")
    def run_alignment(self) -> Alignment:
        from ..align import align

        aligner = self._aligner or align
        worker = get_current_worker()
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            if worker.is_cancelled:
                raise _Cancelled()
            now = time.monotonic()
            if done >= total or now - last > 0.05:
                last = now
                self.call_from_thread(self._set_progress, done, total)

        return aligner(self.articles, self.options, progress=progress)

    def _set_progress(self, done: int, total: int) -> None:
        self.align_progress = (done, total)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "align":
            return
        if event.state == WorkerState.SUCCESS:
            self._alignment_ready(worker.result)
        elif event.state == WorkerState.ERROR:
            error = worker.error
            if isinstance(error, _Cancelled):
                return
            self.align_error = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            self.align_state = "error"
            self.notify(self.align_error, title="Alignment failed", severity="error", timeout=15)

    def _alignment_ready(self, alignment: Alignment) -> None:
        self._colour_size = 0
        self._update_palette(alignment)
        self.alignment = alignment
        self.align_state = "done"

    # --- colours --------------------------------------------------------------------

    def _theme_changed(self, _theme: object) -> None:
        self._update_palette(self.alignment)

    def _update_palette(self, alignment: Alignment | None = None) -> None:
        palette = theme_palette(self.get_css_variables(), self.current_theme.dark)
        self.palette = palette
        if alignment is None:
            return
        if self._colour_size != len(palette):
            self._colour_index = assign(alignment, len(palette))
            self._colour_size = len(palette)
        self.group_colours = {gid: palette[index] for gid, index in self._colour_index.items()}

    # --- state -------------------------------------------------------------------------

    def select(self, group_id: str | None, version: Version | None) -> None:
        """Make ``group_id`` the current group, ``version`` its current version."""
        self.current_version = version
        self.current_group = group_id

    def jump_to_group(self, group_id: str, article: int | None = None) -> None:
        """Select a group and scroll to it (the command palette's jump)."""
        self.reader.reveal_group(group_id, article)

    # --- actions ----------------------------------------------------------------------

    def action_toggle_linked(self) -> None:
        self.linked = not self.linked
        self.notify(
            "Linked scrolling on: the other panes follow the focused one" if self.linked else "Linked scrolling off",
            timeout=2,
        )

    def action_toggle_boilerplate(self) -> None:
        self.show_furniture = not self.show_furniture
        self.notify("Boilerplate dimmed" if self.show_furniture else "Boilerplate hidden", timeout=2)

    def action_copy_group(self) -> None:
        if self.alignment is None or self.current_group is None:
            self.notify("Select a passage first (n / p, or click a highlight)", timeout=3)
            return
        group = self.alignment.group(self.current_group)
        text = clipboard.group_text(self.alignment, group)
        self.copy_to_clipboard(text)
        self._copy_with_system_tool(text)
        self.notify(f"Copied {group.id}: {len(group.passages)} versions", timeout=3)

    @work(thread=True, group="clipboard", exit_on_error=False)
    def _copy_with_system_tool(self, text: str) -> None:
        tool = clipboard.system_copy(text)
        if tool:
            self.notify(f"Also copied with {tool}", timeout=2)

    def binding_sections(self) -> list[tuple[str, Iterable]]:
        from .pane import ArticleBody
        from .search import SearchBar

        palette = Binding(
            self.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Command palette: jump to a passage, change theme…",
            id="command-palette",
        )
        return [
            ("Anywhere", [*self.BINDINGS, palette]),
            ("Reader", ReaderScreen.BINDINGS),
            ("Article pane", ArticleBody.BINDINGS),
            ("Search bar", SearchBar.BINDINGS),
        ]

    def action_help(self) -> None:
        from .help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.binding_sections()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Linked scrolling", "Toggle linked scrolling (l)", self.action_toggle_linked)
        yield SystemCommand("Boilerplate", "Hide or dim page furniture (b)", self.action_toggle_boilerplate)
        yield SystemCommand("Copy passage", "Copy the current group's versions (c)", self.action_copy_group)
        if isinstance(screen, ReaderScreen):
            yield SystemCommand("Outlets", "Choose which article's pane to show (o)", screen.action_pick_pane)
