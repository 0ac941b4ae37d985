"""The reading app: several versions of one story side by side.

The app holds what every screen and widget follows (the articles, the
alignment, the current group and version, linked scrolling, boilerplate,
search, the highlights kept, the colours) as reactives, runs the alignment
in a thread worker (so the panes show the text at once and fill in their
highlights when the alignment is in), follows the theme and the settings,
and quits.  What the reader does on the reading screen is the screen's
(:mod:`.reader`); keeping and saving highlights is its controller's
(:mod:`.keeping`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import COLOR_SYSTEMS
from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from ..aligning.options import AlignOptions
from ..config import Config
from ..model import Kept, Place
from ..reading.articles import Article
from . import keeping
from .colours import GroupColours, Palette, assign, theme_palette
from .reader import ReaderScreen

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from ..highlights import Loaded
    from ..model import Alignment
    from ..wording import GroupDiffs


Aligner = Callable[..., "Alignment"]


#: How long an information notice shows, at most (seconds).
INFO_SECONDS = 3.0


class _Cancelled(Exception):
    """The alignment worker was cancelled (the app is closing)."""

class SideBySideApp(App[None]):
    CSS_PATH = "sidebyside.tcss"
    TITLE = "sidebyside"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    alignment: var[Alignment | None] = var(None, always_update=True)
    palette: var[Palette | None] = var(None)
    group_colours: var[dict[str, GroupColours]] = var(dict)
    current_group: var[str | None] = var(None)
    current_version: var[Place | None] = var(None)
    #: (current_group, current_version), set once both are: what follows the
    #: pair (the passage panel) redraws once per selection, not twice.
    selection: var[tuple[str | None, Place | None]] = var((None, None))
    linked = var(False)
    show_boilerplate = var(True)  # False: boilerplate hidden (True: shown dimmed)
    search_query = var("")
    search_current: var[Place | None] = var(None)
    align_state = var("running")  # running | done | error
    align_progress = var((0, 0))
    kept: var[Kept] = var(dict)  # group id -> note: the highlights to keep (replaced, never mutated)

    _typeahead = None  # set on mount: see typeahead.py

    def __init__(
        self,
        articles: Sequence[Article],
        options: AlignOptions | None = None,
        *,
        aligner: Aligner | None = None,
        config: Config | None = None,
        config_problems: Sequence[str] = (),
        highlights: Loaded | None = None,
        notices: Sequence[str] = (),
    ) -> None:
        """``config`` and ``config_problems`` are what
        :func:`~sidebyside.config.load_config` returned (the app never reads
        the file itself); ``notices`` are what the command line found
        reading the articles (files skipped, URLs that failed, the same
        text twice); ``highlights`` are saved highlights to reopen
        (``--alignments``), else those at the corpus's default path are
        looked for once the articles are aligned."""
        super().__init__()
        self.articles = list(articles)
        self.options = options or AlignOptions()
        self.align_error = ""
        self._aligner = aligner
        self._colour_index: dict[str, int] = {}
        self._colour_size = 0
        self.config = config or Config()
        self._highlights = highlights
        self._problems = list(config_problems)
        self._notices = list(notices)
        #: Every notice given, whole: (severity, title, message), oldest first (``?`` lists them).
        self.notice_log: list[tuple[str, str, str]] = []
        #: Set once the first frame is drawn: the alignment worker waits for
        #: it, so that it doesn't compete for the interpreter with the first frame.
        self._first_frame = threading.Event()
        #: The groups' word diffs, for the alignment shown (see :mod:`.diff`;
        #: set with the alignment, and imported then: the first frame needs none).
        self.group_diffs: GroupDiffs | None = None
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                name = self.config.path.name if self.config.path else "config.toml"
                self._problems.append(
                    f"{name}: theme {self.config.theme!r} unknown; using {self.theme} (ctrl+p: Change theme)\n"
                    f"themes: {', '.join(sorted(self.available_themes))}"
                )

    def get_default_screen(self) -> Screen:
        return ReaderScreen()

    @property
    def reader(self) -> ReaderScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    def binding_ids(self) -> set[str]:
        """The id of every binding a keymap can remap."""
        from .help import _bindings

        return {b.id for _, bindings in self.binding_sections() for b in _bindings(bindings) if b.id}

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice is plain text: an article's outlet or text, a file
        name, a typed query or an error message is never read as markup.

        A notice sits on the footer's row, at the right (the stylesheet), so
        that it hides no text the reader is reading: one line there, its
        title leading it, its first line only, cut to the width there is
        (:func:`.notices.notice_line`); it takes the place of the one before
        it, as an editor's message line does.  Its whole text (every line,
        a warning's list) goes to :attr:`notice_log`, which ``?`` shows.
        An information notice is brief (``INFO_SECONDS`` at most for one that
        short); warnings and errors stay as long as they ask."""
        from .notices import notice_line

        message = keeping.home_as_tilde(message)
        self.notice_log.append((severity, title, message))
        line = notice_line(title, message, self.size.width)
        if severity == "information":
            # (a longer one a second more for every 20 characters past 60)
            most = INFO_SECONDS + max(0, len(line) - 60) / 20
            timeout = min(timeout or most, most)
        super().notify(line, severity=severity, timeout=timeout, markup=False)

    def _on_notify(self, event) -> None:
        self._notifications.clear()  # one notice at a time: the new one replaces the last
        super()._on_notify(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from .small import TooSmallScreen

        # While the terminal is too small, no key the reader cannot see the
        # result of acts (the palette or the help would open under the cover).
        return action == "quit" or not isinstance(self.screen, TooSmallScreen)

    async def on_event(self, event: events.Event) -> None:
        # Keys typed right after one that opens an input wait for that input
        # and each key typed into a field waits for the one before it
        # (typeahead.py): none is lost, none overtakes another.
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded  # (a key back from the focused widget, unhandled there)
            and self._typeahead is not None
        ):
            if not self._typeahead.hold(event):
                await self._typeahead.deliver(event)
            return
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        from .small import guard

        guard(self, event.size)  # a dialog or the palette is covered while the terminal is too small
        if self._typeahead is not None:
            self._typeahead.resized(event.size)  # keys typed while it was too small go on

    def on_mount(self) -> None:
        from .small import install

        install(self)
        from .typeahead import TypeAhead

        self._typeahead = TypeAhead(self, super().on_event)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        # After the first frame: it shows no group and no search match yet.
        self.call_after_refresh(self._update_palette)
        if self.config.keys:
            from .help import check_app_keys

            keymap, problems = check_app_keys(self, self.config)
            self._problems.extend(problems)
            if keymap:
                self.set_keymap(keymap)
        # Settings problems, what the command line found reading the articles
        # (a file skipped, a URL that failed) and each article's notes: one
        # notice for them all, the first and how many more (? lists them).
        from .notices import start_notice

        notes = [*self._problems, *self._notices, *(note for article in self.articles for note in article.notes)]
        if len(self.articles) < 2:
            notes.append("Only one article open: nothing to align it with (give two or more)")
        if notes:
            severity = "warning" if len(self.articles) > 1 or len(notes) > 1 else "information"
            timeout = 12 if len(notes) > 1 or self._notices else 8
            self.notify(start_notice(notes, self.size.width), severity=severity, timeout=timeout)
        self.run_alignment()

    @on(events.Ready)
    def _first_frame_drawn(self) -> None:
        self._first_frame.set()

    # --- alignment ----------------------------------------------------------------

    def passages_unavailable(self) -> bool:
        """True, after telling the reader why, while there are no passages
        (still aligning, or the alignment failed): the one guard of every
        action that needs them."""
        if self.alignment is not None:
            return False
        failed = "The alignment failed: there are no passages"
        self.notify(failed if self.align_state == "error" else "Still aligning the articles…", timeout=2)
        return True

    def current_group_or_say(self) -> str | None:
        """The current group's id, else None after telling the reader why
        (the guard of every action on the current passage)."""
        if self.passages_unavailable():
            return None
        if self.current_group is None:
            if not self.alignment.groups:
                self.notify("These articles share no passage: there is none to select", timeout=3)
            else:
                from .reader import keys_named

                keys = keys_named(self, "next-passage", "previous-passage")
                self.notify(f"Select a passage first ({keys}, or click a highlight)", timeout=3)
            return None
        return self.current_group

    @work(thread=True, exclusive=True, group="align", exit_on_error=False, name="align")
    def run_alignment(self) -> keeping.Reopened:
        from ..aligning.align import align

        aligner = self._aligner or align
        worker = get_current_worker()
        # The text first, then the highlights (a bounded wait: never stuck).
        self._first_frame.wait(timeout=1.0)
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            if worker.is_cancelled:
                raise _Cancelled()
            now = time.monotonic()
            if done >= total or now - last > 0.05:
                last = now
                self.call_from_thread(self._set_progress, done, total)

        alignment = aligner(self.articles, self.options, progress=progress)
        if worker.is_cancelled:
            raise _Cancelled()
        started = keeping.reopen(self.articles, alignment, self._highlights)
        before = {id(group) for group in alignment.groups}
        merged = [g.id for g in started.alignment.groups if id(g) not in before]
        if merged:
            # Saved highlights merged into these groups (or made them): their facts.
            from ..aligning.facts import annotate

            started.alignment = annotate(started.alignment, only=merged)
        return started

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

    def _alignment_ready(self, started: keeping.Reopened) -> None:
        from ..wording import GroupDiffs

        alignment = started.alignment
        self.group_diffs = GroupDiffs(alignment)
        self._colour_size = 0
        self._update_palette(alignment)
        self.alignment = alignment
        self.kept = started.kept
        self.align_state = "done"
        self.reader.keeping.opened(started)

    # --- colours --------------------------------------------------------------------

    def _theme_changed(self, _theme: object) -> None:
        self._update_palette(self.alignment)

    def _update_palette(self, alignment: Alignment | None = None) -> None:
        system = COLOR_SYSTEMS.get(self.console.color_system or "")
        palette = theme_palette(self.get_css_variables(), self.current_theme.dark, system)
        self.palette = palette
        if alignment is None:
            return
        if self._colour_size != len(palette):
            self._colour_index = assign(alignment, len(palette))
            self._colour_size = len(palette)
        self.group_colours = {gid: palette[index] for gid, index in self._colour_index.items()}

    # --- state -------------------------------------------------------------------------

    def select(self, group_id: str | None, version: Place | None) -> None:
        """Make ``group_id`` the current group, ``version`` its current version."""
        self.current_version = version
        self.current_group = group_id
        self.selection = (group_id, version)

    async def action_quit(self) -> None:
        """Quit; the reading screen's keeping asks first when kept
        highlights changed since they were last saved."""
        self.reader.keeping.quit()

    def binding_sections(self) -> list[tuple[str, Iterable]]:
        from .dialogs import ConfirmScreen, NoteScreen, SavePathScreen
        from .grid import Grid
        from .overview import OverviewScreen
        from .pane import ArticleBody
        from .search_bar import SearchBar
        from .selection import SelectionScreen

        palette = Binding(
            self.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Command palette: jump to a passage, change theme…",
            id="command-palette",
        )
        return [
            ("Anywhere", [*self.BINDINGS, palette]),
            ("Highlights", keeping.BINDINGS),
            ("Reader", [b for b in ReaderScreen.BINDINGS if b not in keeping.BINDINGS]),
            ("Article pane", ArticleBody.BINDINGS),
            ("Search bar", SearchBar.BINDINGS),
            ("Overview", [*SelectionScreen.BINDINGS, *OverviewScreen.BINDINGS, *Grid.BINDINGS]),
            ("Dialogs", [*ConfirmScreen.BINDINGS, *NoteScreen.BINDINGS, *SavePathScreen.BINDINGS]),
        ]

    def action_help(self) -> None:
        from .help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.binding_sections()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ReaderScreen):
            from .commands import reader_commands

            yield from reader_commands(screen)
