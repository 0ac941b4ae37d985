"""The reading app: several versions of one story side by side.

The app holds the state every widget follows (the alignment, the current
group and version, linked scrolling, boilerplate, search, the highlights
kept) as reactives, and runs the alignment in a thread worker, so the panes
show the text at once and fill in their highlights when the alignment is in.

Kept highlights (issue 4): ``space`` keeps the current group, ``a`` notes
it, ``s`` saves, ``S`` saves as.  The saving itself is
:mod:`sidebyside.highlights`; this module only asks the questions (see
:mod:`.dialogs`) and runs the saves in a thread worker.  On start, after the
alignment, the highlights given with ``--alignments`` (else those saved at
the corpus's default path) are found again and merged in.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import COLOR_SYSTEMS
from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState, get_current_worker

from ..aligning.options import AlignOptions
from ..config import Config
from ..model import Kept, Place
from ..reading.articles import Article
from . import clipboard
from .colours import GroupColours, Palette, assign, theme_palette
from .reader import ReaderScreen

if TYPE_CHECKING:
    from ..highlights import Loaded, Saved
    from ..model import Alignment
    from ..wording import GroupDiffs


Aligner = Callable[..., "Alignment"]


def _resolve(text: str) -> Path:
    """A typed path: ``~`` expanded, relative to the current directory."""
    path = Path(text.strip()).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def _check_save_path(text: str) -> str | None:
    """What is wrong with a typed save path, before trying to save there."""
    from ..highlights import HighlightsError, format_of

    if not text.strip():
        return "Type a file name ending in .json, .md or .csv"
    path = _resolve(text)
    if path.is_dir():
        return f"{path}: is a folder; add a file name ending in .json, .md or .csv"
    try:
        format_of(path)
    except HighlightsError as exc:
        return str(exc)
    return None


def _passage_commands():
    from .commands import PassageCommands

    return PassageCommands


class _Cancelled(Exception):
    """The alignment worker was cancelled (the app is closing)."""


#: Most lines of a notification listing what a highlights file lacked.
MAX_LISTED = 12


@dataclass
class _Started:
    """What the alignment worker hands back: the alignment with the saved
    highlights merged in, and what the reader must be told about them."""

    alignment: Alignment
    kept: Kept = field(default_factory=dict)
    save_path: Path | None = None  # where s saves (the file the highlights came from)
    loaded: Loaded | None = None
    error: str = ""  # the default highlights file could not be read


@dataclass(frozen=True)
class _SaveJob:
    """One save: what, where, and how the reader asked for it."""

    path: Path
    alignment: Alignment
    kept: Kept
    all_groups: bool = False
    overwrite: bool = False
    save_as: bool = False  # typed in the save-as dialog (reopen it on failure)


@dataclass(frozen=True)
class _SaveOutcome:
    job: _SaveJob
    saved: Saved | None = None
    would_overwrite: str = ""  # check_overwrite's warning: ask before replacing
    error: str = ""


class SideBySideApp(App[None]):
    CSS_PATH = "sidebyside.tcss"
    TITLE = "sidebyside"
    COMMANDS = App.COMMANDS | {_passage_commands}
    BINDINGS = [
        Binding("l", "toggle_linked", "Link", id="linked-scrolling", tooltip="Linked scrolling on/off"),
        Binding("b", "toggle_boilerplate", "Boilerplate", id="boilerplate", tooltip="Hide or dim page boilerplate"),
        Binding("c", "copy_group", "Copy", id="copy-group", tooltip="Copy the current group's versions"),
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

    def __init__(
        self,
        articles: Sequence[Article],
        options: AlignOptions | None = None,
        *,
        aligner: Aligner | None = None,
        config: Config | None = None,
        config_problems: Sequence[str] = (),
        highlights: Loaded | None = None,
    ) -> None:
        """``config`` and ``config_problems`` are what
        :func:`~sidebyside.config.load_config` returned (the app never reads
        the file itself); ``highlights`` are saved highlights to reopen
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
        #: Where ``s`` saves: the file the highlights came from, else the
        #: corpus's default path (known once the alignment is in).
        self.save_path: Path | None = highlights.path if highlights is not None else None
        #: The kept highlights as last saved or reopened: ``q`` asks before
        #: quitting when :attr:`kept` differs from them.
        self.saved_kept: Kept = {}
        self._asking_quit = False
        self._problems = list(config_problems)
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
                    f"{name}: theme {self.config.theme!r} is not a theme; using {self.theme!r} "
                    f"(themes: {', '.join(sorted(self.available_themes))})"
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

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._update_palette()
        if self.config.keys:
            from .help import check_app_keys

            keymap, problems = check_app_keys(self, self.config)
            self._problems.extend(problems)
            if keymap:
                self.set_keymap(keymap)
        for problem in self._problems:
            self.notify(problem, title="Settings", severity="warning", timeout=12, markup=False)
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

    @on(events.Ready)
    def _first_frame_drawn(self) -> None:
        self._first_frame.set()

    # --- alignment ----------------------------------------------------------------

    def passages_unavailable(self) -> bool:
        """True, after telling the reader why, while there are no passages
        to move through (still aligning, or the alignment failed)."""
        if self.alignment is not None:
            return False
        self.notify(
            "The alignment failed: there are no passages to step through"
            if self.align_state == "error"
            else "Still aligning the articles…",
            timeout=2,
        )
        return True

    @work(thread=True, exclusive=True, group="align", exit_on_error=False, name="align")
    def run_alignment(self) -> Alignment:
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
        return self._reopen(alignment)

    def _reopen(self, alignment: Alignment) -> _Started:
        """Find the saved highlights again and merge them into ``alignment``
        (in the worker's thread: reading the file and finding changed
        passages can take a moment).  A file that cannot be read is
        reported and left as it is; the app goes on with nothing kept."""
        from ..highlights import HighlightsError, apply, default_path, load

        started = _Started(alignment, save_path=self.save_path)
        loaded = self._highlights
        try:
            if loaded is None:
                path = default_path(self.articles)
                started.save_path = path
                if path.is_file():
                    loaded = load(path, self.articles)
            if loaded is not None:
                started.alignment, started.kept = apply(loaded, alignment)
                started.loaded = loaded
        except HighlightsError as exc:
            started.error = str(exc)
        except (OSError, ValueError) as exc:  # an unreadable data folder, say
            started.error = f"could not reopen the saved highlights: {exc}"
        return started

    def _set_progress(self, done: int, total: int) -> None:
        self.align_progress = (done, total)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group not in ("align", "save"):
            return
        if worker.group == "save":
            self._save_finished(event)
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

    def _alignment_ready(self, started: _Started) -> None:
        from ..wording import GroupDiffs

        alignment = started.alignment
        self.group_diffs = GroupDiffs(alignment)
        self._colour_size = 0
        self._update_palette(alignment)
        self.alignment = alignment
        self.kept = started.kept
        self.saved_kept = dict(started.kept)
        self.save_path = started.save_path
        self.align_state = "done"
        if started.error:
            self.notify(
                f"{started.error}. Nothing is kept; saving will ask before replacing it.",
                title="Saved highlights not reopened",
                severity="error",
                timeout=15,
                markup=False,
            )
        loaded = started.loaded
        if loaded is not None:
            self._report_loaded(loaded, len(started.kept))

    def _report_loaded(self, loaded: Loaded, kept: int) -> None:
        """Tell the reader what was reopened, and everything that was not."""
        if kept:
            self.notify(
                f"{kept} highlight{'s' if kept != 1 else ''} from {loaded.path}",
                title="Highlights reopened",
                timeout=6,
                markup=False,
            )
        messages = loaded.messages()
        if not messages:
            return
        shown = messages[:MAX_LISTED]
        if len(messages) > MAX_LISTED:
            shown.append(f"… and {len(messages) - MAX_LISTED} more")
        if loaded.missing:
            title = f"{len(loaded.missing)} saved passage{'s' if len(loaded.missing) != 1 else ''} not found"
        else:
            title = "Articles changed since saving"
        self.notify("\n".join(shown), title=title, severity="warning", timeout=30, markup=False)

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
        self.show_boilerplate = not self.show_boilerplate
        self.notify("Boilerplate dimmed" if self.show_boilerplate else "Boilerplate hidden", timeout=2)

    def action_copy_group(self) -> None:
        if self.alignment is None or self.current_group is None:
            self.notify(self._nothing_selected(), timeout=3)
            return
        group = self.alignment.group(self.current_group)
        text = clipboard.group_text(self.alignment, group)
        self.copy_to_clipboard(text)
        self._copy_with_system_tool(text)
        self.notify(f"Copied {group.id}: {len(group.passages)} versions", timeout=3)

    #: Actions on the reading screen: off while a dialog (or the help) is on
    #: top, so a key meant for the dialog never changes what is behind it.
    READER_ACTIONS = frozenset(
        {"toggle_linked", "toggle_boilerplate", "copy_group", "keep", "note", "save", "save_as"}
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.READER_ACTIONS and isinstance(self.screen, ModalScreen):
            return False
        return True

    # --- kept highlights -----------------------------------------------------------

    def _current_group_or_say(self) -> str | None:
        """The current group's id, else None after telling the reader why."""
        if self.alignment is None:
            self.notify(
                "The alignment failed: there are no passages to keep"
                if self.align_state == "error"
                else "Still aligning the articles…",
                timeout=2,
            )
            return None
        if self.current_group is None:
            self.notify(self._nothing_selected(), timeout=3)
            return None
        return self.current_group

    def _nothing_selected(self) -> str:
        if self.alignment is not None and not self.alignment.groups:
            return "These articles share no passage: there is none to select"
        return "Select a passage first (n / p, or click a highlight)"

    def action_keep(self) -> None:
        """Keep the current group as a highlight, or stop keeping it."""
        group_id = self._current_group_or_say()
        if group_id is None:
            return
        kept = dict(self.kept)
        if group_id in kept:
            note = kept[group_id]
            if note:
                self._ask_to_unkeep(group_id, note)
                return
            del kept[group_id]
            self.kept = kept
            self.notify(f"{group_id} no longer kept", timeout=2, markup=False)
        else:
            kept[group_id] = ""
            self.kept = kept
            self.notify(f"Kept {group_id} ({len(kept)} kept) · a adds a note · s saves", timeout=2, markup=False)

    def _ask_to_unkeep(self, group_id: str, note: str) -> None:
        """Unkeeping a noted group drops its note: ask first (space is an
        easy key to press by mistake)."""
        from .dialogs import ConfirmScreen

        def answer(yes: bool | None) -> None:
            if yes and group_id in self.kept:
                kept = dict(self.kept)
                del kept[group_id]
                self.kept = kept
                self.notify(f"{group_id} no longer kept; its note is dropped", timeout=3, markup=False)

        shown = note if len(note) <= 200 else note[:199] + "…"
        self.push_screen(
            ConfirmScreen(
                "Stop keeping this passage?",
                f"{group_id} has a note:\n\n{shown}\n\nStop keeping it and drop the note?",
                yes="Drop it",
                no="Keep it",
                default=False,
            ),
            answer,
        )

    def action_note(self) -> None:
        """Add or edit the note on the current group (keeping it)."""
        from .dialogs import NoteScreen

        group_id = self._current_group_or_say()
        if group_id is None:
            return
        note = self.kept.get(group_id, "")
        hint = "" if group_id in self.kept else "Saving a note keeps this passage as a highlight."

        def done(text: str | None) -> None:
            if text is None or group_id not in {g.id for g in self.alignment.groups}:
                return
            if self.kept.get(group_id) == text and group_id in self.kept:
                return
            self.kept = {**self.kept, group_id: text}

        self.push_screen(NoteScreen(f"Note on {group_id}", note, hint), done)

    def unsaved_changes(self) -> int:
        """How many groups are kept, unkept or noted differently from the
        highlights last saved or reopened."""
        saved, kept = self.saved_kept, self.kept
        return sum(
            1
            for gid in saved.keys() | kept.keys()
            if gid not in saved or gid not in kept or saved[gid] != kept[gid]
        )

    async def action_quit(self) -> None:
        """Quit, first asking when kept highlights changed since the last
        save (or since they were reopened)."""
        from .dialogs import ConfirmScreen

        changes = self.unsaved_changes()
        if not changes:
            self.exit()
            return
        if self._asking_quit:
            return

        def answer(yes: bool | None) -> None:
            self._asking_quit = False
            if yes:
                self.exit()

        self._asking_quit = True
        self.push_screen(
            ConfirmScreen(
                "Unsaved highlights",
                f"{changes} unsaved highlight change{'s' if changes != 1 else ''}. Quit without saving?",
                yes="Quit",
                no="Keep reading",
                default=False,
            ),
            answer,
        )

    def action_save(self) -> None:
        """Save the kept highlights where they came from (else the corpus's
        default file), as JSON; with none kept, offer to save every group."""
        from .dialogs import ConfirmScreen

        if not self._can_save():
            return
        assert self.alignment is not None and self.save_path is not None
        job = _SaveJob(self.save_path, self.alignment, dict(self.kept))
        if self.kept:
            self._save(job)
            return
        count = len(self.alignment.groups)
        if not count:
            self.notify("Nothing to save: these articles share no passage", timeout=3)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._save(_SaveJob(job.path, job.alignment, {}, all_groups=True))

        self.push_screen(
            ConfirmScreen(
                "Nothing kept",
                f"No highlight is kept (space keeps the current passage).\n\n"
                f"Save all {count} groups to {job.path}?",
                yes="Save all",
                no="Cancel",
            ),
            answer,
        )

    def _can_save(self) -> bool:
        if self.alignment is None or self.save_path is None:
            self.notify(
                "The alignment failed: there is nothing to save"
                if self.align_state == "error"
                else "Still aligning the articles…",
                timeout=2,
            )
            return False
        return True

    def action_save_as(self, value: str | None = None, error: str = "") -> None:
        """Ask where to save (the extension picks the format), then save."""
        from ..highlights import corpus_slug
        from .dialogs import SavePathScreen

        if not self._can_save():
            return
        assert self.alignment is not None and self.save_path is not None
        if value is None:
            value = str(self.save_path.parent / f"{corpus_slug(self.articles)}-highlights.md")
        n = len(self.kept)
        what = (
            ("the kept highlight" if n == 1 else f"the {n} kept highlights")
            if n
            else f"all {len(self.alignment.groups)} groups (none is kept)"
        )
        hint = f"Save {what} to: .json can be reopened, .md is a report, .csv a table; ~ is your home folder."

        def chosen(text: str | None) -> None:
            if text is None or self.alignment is None:
                return
            self._save(
                _SaveJob(
                    _resolve(text),
                    self.alignment,
                    dict(self.kept),
                    all_groups=not self.kept,
                    save_as=True,
                )
            )

        self.push_screen(SavePathScreen("Save highlights as", value, hint, _check_save_path, error), chosen)

    def _save(self, job: _SaveJob) -> None:
        self._run_save(job)

    @work(thread=True, group="save", exit_on_error=False, name="save")
    def _run_save(self, job: _SaveJob) -> _SaveOutcome:
        from ..highlights import HighlightsError, WouldOverwrite, save

        try:
            saved = save(job.path, job.alignment, job.kept, all_groups=job.all_groups, overwrite=job.overwrite)
        except WouldOverwrite as exc:  # check_overwrite warned: the reader decides
            return _SaveOutcome(job, would_overwrite=exc.warning)
        except HighlightsError as exc:
            return _SaveOutcome(job, error=str(exc))
        return _SaveOutcome(job, saved=saved)

    def _save_finished(self, event: Worker.StateChanged) -> None:
        from .dialogs import ConfirmScreen

        if event.state == WorkerState.ERROR:
            error = event.worker.error
            message = f"{type(error).__name__}: {error}"
            self.notify(message, title="Not saved", severity="error", timeout=15, markup=False)
            return
        if event.state != WorkerState.SUCCESS:
            return
        outcome: _SaveOutcome = event.worker.result
        job = outcome.job
        if outcome.saved is not None:
            message = outcome.saved.message()
            if self.save_path is not None and job.path.resolve() == self.save_path.resolve():
                # What the next start reopens: q has nothing more to ask.
                self.saved_kept = dict(job.kept)
            elif self.unsaved_changes():
                # A report, a table, or a copy elsewhere: the highlights the
                # app reopens are still the ones in the corpus's own file.
                message += f". Not yet in {self.save_path.name}, which the app reopens: s saves there"
            self.notify(message[0].upper() + message[1:], timeout=6, markup=False)
        elif outcome.would_overwrite:

            def answer(yes: bool | None) -> None:
                if yes:
                    self._save(_SaveJob(job.path, job.alignment, job.kept, job.all_groups, True, job.save_as))
                else:
                    self.notify(f"Not saved: {job.path} is as it was", timeout=4, markup=False)

            self.push_screen(
                ConfirmScreen(
                    "Replace the saved file?",
                    f"{outcome.would_overwrite}.\n\nReplace anyway? (a copy of the old file is kept beside it)"
                    if job.path.suffix.lower() == ".json"
                    else f"{outcome.would_overwrite}.\n\nReplace anyway?",
                    yes="Replace",
                    no="Don't save",
                    default=False,
                ),
                answer,
            )
        else:
            self.notify(outcome.error, title="Not saved", severity="error", timeout=15, markup=False)
            if job.save_as:  # let the reader pick another place
                self.action_save_as(str(job.path), outcome.error)

    @work(thread=True, group="clipboard", exit_on_error=False)
    def _copy_with_system_tool(self, text: str) -> None:
        tool = clipboard.system_copy(text)
        if tool:
            self.notify(f"Also copied with {tool}", timeout=2)

    def binding_sections(self) -> list[tuple[str, Iterable]]:
        from .dialogs import ConfirmScreen, NoteScreen, SavePathScreen
        from .pane import ArticleBody
        from .search_bar import SearchBar

        palette = Binding(
            self.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Command palette: jump to a passage, change theme…",
            id="command-palette",
        )
        return [
            ("Anywhere", [*self.BINDINGS, palette]),
            ("Highlights", [b for b in ReaderScreen.BINDINGS if b.action.startswith("app.")]),
            ("Reader", [b for b in ReaderScreen.BINDINGS if not b.action.startswith("app.")]),
            ("Article pane", ArticleBody.BINDINGS),
            ("Search bar", SearchBar.BINDINGS),
            ("Dialogs", [*ConfirmScreen.BINDINGS, *NoteScreen.BINDINGS, *SavePathScreen.BINDINGS]),
        ]

    def action_help(self) -> None:
        from .help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.binding_sections()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Linked scrolling", "Toggle linked scrolling (l)", self.action_toggle_linked)
        yield SystemCommand("Boilerplate", "Hide or dim page boilerplate (b)", self.action_toggle_boilerplate)
        yield SystemCommand("Copy passage", "Copy the current group's versions (c)", self.action_copy_group)
        yield SystemCommand("Keep highlight", "Keep the current passage, or stop keeping it (space)", self.action_keep)
        yield SystemCommand("Note", "Add or edit the note on the current passage (a)", self.action_note)
        yield SystemCommand("Save highlights", "Save the kept highlights (s)", self.action_save)
        yield SystemCommand("Save highlights as…", "Save to a .json, .md or .csv file (S)", self.action_save_as)
        if isinstance(screen, ReaderScreen):
            yield SystemCommand("Outlets", "Choose which article's pane to show (o)", screen.action_pick_pane)
