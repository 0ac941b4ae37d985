"""Keeping highlights: the controller the reading screen owns.

``space`` keeps the current group, ``a`` notes it, ``s`` saves, ``S`` saves
as; ``q`` asks before quitting when the kept highlights changed since they
were last saved or reopened.  The kept mapping itself is the app's
``kept`` value (the panes, the passage panel and the palette follow it);
this module changes it, asks the questions (see :mod:`.dialogs`), runs the
saves in a thread worker of the screen and says how they went.  The saving
itself is :mod:`sidebyside.highlights`.

Reopening happens with the alignment: :func:`reopen` runs in the alignment
worker's thread (reading the file and finding changed passages can take a
moment), then :meth:`Keeping.opened` takes its result on the app's thread.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.worker import Worker, WorkerState

from ..model import Kept
from ..text import plural, shorten
from .notices import notice_room

if TYPE_CHECKING:
    from ..highlights import Loaded, Saved
    from ..model import Alignment
    from ..reading.articles import Article
    from .reader import ReaderScreen



def home_as_tilde(text: str) -> str:
    """Paths in the user's home folder written from ``~`` (in notices and
    questions: a notice that names a file fits on one line more often)."""
    home = str(Path.home())
    if len(home) > 1:
        text = text.replace(home + os.sep, "~" + os.sep)
    return text


def _elide(text: str, limit: int) -> str:
    """``text`` cut in its middle to ``limit`` characters, "…" where cut."""
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


def short_path(path: Path | str, limit: int) -> str:
    """``path`` as a notice names it in at most ``limit`` characters: from
    ``~`` in the home folder, then folders after the first left out for
    "…" from the top down (``~/…/highlights/x.json``), then the file name
    cut in its middle; never shorter than its name's first and last
    characters (12 at least)."""
    text = home_as_tilde(str(path))
    if len(text) <= limit:
        return text
    first, *rest = text.split(os.sep)
    while len(rest) > 1:
        rest = rest[1:]
        shown = os.sep.join([first, "…", *rest])
        if len(shown) <= limit:
            return shown
    lead = os.sep.join([first, "…", ""])
    name = rest[-1] if rest else first
    if limit - len(lead) >= 12:
        return lead + _elide(name, limit - len(lead))
    return _elide(name, max(12, limit))




def saved_notice(saved: Saved, width: int, tail: str = "") -> str:
    """What the app says after a save, on one line of a ``width``-column
    terminal where it can be: the path shortened (:func:`short_path`) to
    what the rest of the sentence leaves; a backup named from the file's
    end only (``….20271119T101112Z.bak``)."""
    limit = notice_room(width)
    backup = None
    if saved.backup is not None:  # <name>.<time>.bak: its name is the file's
        backup = saved.backup.name
        if backup.startswith(saved.path.name + "."):
            backup = "…" + backup[len(saved.path.name) :]
    rest = len(saved.message(where="", backup=backup)) + len(tail)
    message = saved.message(where=short_path(saved.path, limit - rest), backup=backup) + tail
    return message[0].upper() + message[1:]


#: The keys of keeping and saving (on the reading screen; the help lists them
#: as "Highlights").
BINDINGS = [
    Binding("space", "keep", "Keep", id="keep", tooltip="Keep the current passage as a highlight, or stop keeping it"),
    Binding("a", "note", "Note", id="note", tooltip="Add or edit a note on the current passage (keeps it)"),
    Binding("s", "save", "Save", id="save", tooltip="Save the kept highlights (reopened next time)"),
    Binding(
        "S", "save_as", "Save as", id="save-as", show=False,
        tooltip="Save as: a .json, .md (report) or .csv file you name",
    ),
    # (In the footer only while some highlight is kept: ReaderScreen.check_action.)
    Binding("N", "step_kept(1)", "Next kept", id="next-kept", tooltip="The next kept highlight (round to the first)"),
    Binding(
        "P", "step_kept(-1)", "Prev kept", id="previous-kept", show=False,
        tooltip="The previous kept highlight (round to the last)",
    ),
]


def next_kept(alignment: Alignment | None, kept: Kept, current: str | None, direction: int) -> str | None:
    """The kept group after (``direction`` 1) or before (-1) the
    ``current`` one, in the groups' order (where they first appear), round
    from the last to the first; None with nothing kept."""
    if alignment is None:
        return None
    order = [g.id for g in alignment.groups]
    ids = [gid for gid in order if gid in kept]
    if not ids:
        return None
    if current not in order:
        return ids[0] if direction > 0 else ids[-1]
    here = order.index(current)
    if direction > 0:
        return next((gid for gid in ids if order.index(gid) > here), ids[0])
    return next((gid for gid in reversed(ids) if order.index(gid) < here), ids[-1])


def key_label(app, binding_id: str) -> str:
    """The key in force for a binding, as the messages name it (see :mod:`.help`)."""
    from .help import key_label as label

    return label(app, binding_id)


def resolve(text: str) -> Path:
    """A typed path: ``~`` expanded, relative to the current directory."""
    path = Path(text.strip()).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def check_save_path(text: str) -> str | None:
    """What is wrong with a typed save path, before trying to save there."""
    from ..highlights import HighlightsError, format_of

    if not text.strip():
        return "Type a file name ending in .json, .md or .csv"
    path = resolve(text)
    if path.is_dir():
        return f"{path}: is a folder; add a file name ending in .json, .md or .csv"
    try:
        format_of(path)
    except HighlightsError as exc:
        return str(exc)
    return None


@dataclass
class Reopened:
    """The alignment with the saved highlights merged in, and what the
    reader must be told about them."""

    alignment: Alignment
    kept: Kept = field(default_factory=dict)
    save_path: Path | None = None  # where s saves (the file the highlights came from)
    #: The highlights were found by content in a file saved for another folder.
    other_folder: Path | None = None
    moved: bool = False  # … a folder that is gone: this one saves into that file now
    loaded: Loaded | None = None
    error: str = ""  # the default highlights file could not be read


def reopen(articles: Sequence[Article], alignment: Alignment, loaded: Loaded | None) -> Reopened:
    """Merge ``loaded`` (else the highlights at the corpus's default path,
    if any) into ``alignment``.  A file that cannot be read is reported and
    left as it is; the reader goes on with nothing kept."""
    from ..highlights import HighlightsError, apply, find_saved, load

    started = Reopened(alignment, save_path=loaded.path if loaded is not None else None)
    try:
        if loaded is None:
            # By the articles' paths first; by their content only when no
            # file was saved for these paths (a copy saves to its own file).
            place = find_saved(articles)
            started.save_path = place.path
            if place.reopen is not None and place.reopen.is_file():
                loaded = load(place.reopen, articles)
                started.other_folder, started.moved = place.other_folder, place.moved
        if loaded is not None:
            started.alignment, started.kept = apply(loaded, alignment)
            started.loaded = loaded
    except HighlightsError as exc:
        started.error = str(exc)
    except (OSError, ValueError) as exc:  # an unreadable data folder, say
        started.error = f"could not reopen the saved highlights: {exc}"
    return started


@dataclass(frozen=True)
class SaveJob:
    """One save: what, where, and how the reader asked for it."""

    path: Path
    alignment: Alignment
    kept: Kept
    all_groups: bool = False
    overwrite: bool = False
    save_as: bool = False  # typed in the save-as dialog (reopen it on failure)
    then_quit: bool = False  # "Save and quit": the app closes once saved


@dataclass(frozen=True)
class SaveOutcome:
    job: SaveJob
    saved: Saved | None = None
    would_overwrite: str = ""  # check_overwrite's warning: ask before replacing
    error: str = ""


def run_save(job: SaveJob) -> SaveOutcome:
    """The save worker's job (in its thread): never raises for what a user
    can cause."""
    from ..highlights import HighlightsError, WouldOverwrite, save

    try:
        saved = save(job.path, job.alignment, job.kept, all_groups=job.all_groups, overwrite=job.overwrite)
    except WouldOverwrite as exc:  # check_overwrite warned: the reader decides
        return SaveOutcome(job, would_overwrite=exc.warning)
    except HighlightsError as exc:
        return SaveOutcome(job, error=str(exc))
    return SaveOutcome(job, saved=saved)


class Keeping:
    """Keep, note, save, save as and the quit guard for one reading screen."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        #: Where ``s`` saves: the file the highlights came from, else the
        #: corpus's default path (known once the alignment is in).
        self.save_path: Path | None = None
        #: The kept highlights as last saved or reopened: ``q`` asks before
        #: quitting when the app's ``kept`` differs from them.
        self.saved_kept: Kept = {}
        self._asking_quit = False

    @property
    def app(self):
        return self.screen.app

    def _notify(self, message: str, **kwargs) -> None:
        self.app.notify(message, markup=False, **kwargs)

    # --- reopening ------------------------------------------------------------------

    def opened(self, started: Reopened) -> None:
        """The alignment is in, with these highlights (the app has set its
        ``kept`` to ``started.kept``): remember them as saved, and say what
        was reopened and what was not, in one notice (its first line on
        the footer's row, the whole in ``?``)."""
        self.saved_kept = dict(started.kept)
        self.save_path = started.save_path
        if started.error:
            self._notify(
                f"Saved highlights not reopened: {started.error}\n"
                "Nothing is kept; saving will ask before replacing it.",
                severity="error",
                timeout=15,
            )
        if started.loaded is not None:
            self._report_loaded(started, len(started.kept))

    def _from_other_folder(self, started: Reopened, kept: int) -> tuple[str, str]:
        """The notice's line for highlights found by content in another
        folder's file, and the whole sentence (for the log)."""
        save = key_label(self.app, "save")
        other = started.other_folder
        if started.moved:
            line = f"Reopened {plural(kept, 'highlight')} of {other.name} (moved here); {save} saves them here"
            whole = f"{other}, which is no longer there: {save} saves them for this folder"
        else:
            line = f"Reopened {plural(kept, 'highlight')} saved for {other.name}; {save} saves a copy here"
            whole = f"{other}; that folder's file stays as it is: {save} saves to {self.save_path}"
        return line, f"Reopening highlights saved for another folder, {whole}"

    def _report_loaded(self, started: Reopened, kept: int) -> None:
        """Tell the reader what was reopened, and everything that was not."""
        loaded = started.loaded
        if loaded.for_other_articles():
            # One notice, not the list of every passage it holds that these articles lack.
            reopened = f"; {plural(kept, 'highlight')} reopened" if kept else ""
            self._notify(loaded.summary() + reopened, severity="warning", timeout=10)
            return
        line, detail, severity = "", [], "information"
        messages = loaded.messages()
        missing = len(loaded.missing)
        what = f"{plural(missing, 'saved passage')} not found" if missing else "articles changed since saving"
        tail = f"; {what} (? lists them)" if messages else ""
        if started.other_folder is not None and kept:
            line, whole = self._from_other_folder(started, kept)
            detail.append(whole)
            severity = "warning"  # a heads-up: it stays a while
        elif not loaded.marks:
            groups = plural(len(loaded.groups), "group")
            line = f"{loaded.path.name} marks nothing kept (an aligned file): its {groups} open"
        elif kept:
            where = short_path(loaded.path, notice_room(self.app.size.width) - 30 - len(tail))
            line = f"Reopened {plural(kept, 'highlight')} from {where}"
        if messages:
            line = f"{line}{tail}" if line else f"{what[0].upper()}{what[1:]} (? lists them)"
            detail += messages
            severity = "warning"
        if line:
            self._notify("\n".join([line, *detail]), severity=severity, timeout=30 if messages else 10 if detail else 6)

    # --- keeping and noting -----------------------------------------------------------

    def keep(self) -> None:
        """Keep the current group as a highlight, or stop keeping it."""
        group_id = self.app.current_group_or_say()
        if group_id is None:
            return
        kept = dict(self.app.kept)
        if group_id in kept:
            note = kept[group_id]
            if note:
                self._ask_to_unkeep(group_id, note)
                return
            del kept[group_id]
            self.app.kept = kept
            self._notify(f"{group_id} no longer kept", timeout=2)
        else:
            kept[group_id] = ""
            self.app.kept = kept
            key = partial(key_label, self.app)
            self._notify(
                f"Kept {group_id} ({len(kept)} kept) · {key('note')} adds a note · {key('save')} saves", timeout=2
            )

    def _ask_to_unkeep(self, group_id: str, note: str) -> None:
        """Unkeeping a noted group drops its note: ask first (space is an
        easy key to press by mistake)."""
        from .dialogs import ConfirmScreen

        def answer(yes: bool | None) -> None:
            if yes and group_id in self.app.kept:
                kept = dict(self.app.kept)
                del kept[group_id]
                self.app.kept = kept
                self._notify(f"{group_id} no longer kept; its note is dropped", timeout=3)

        question = f"{group_id} has a note:\n\n{shorten(note, 200)}\n\nStop keeping it and drop the note?"
        dialog = ConfirmScreen("Stop keeping this passage?", question, yes="Drop it", no="Keep it", default=False)
        self.app.push_screen(dialog, answer)

    def note(self) -> None:
        """Add or edit the note on the current group (keeping it)."""
        from .dialogs import NoteScreen

        group_id = self.app.current_group_or_say()
        if group_id is None:
            return
        kept = self.app.kept
        hint = "" if group_id in kept else "Saving a note keeps this passage as a highlight."

        def done(text: str | None) -> None:
            alignment = self.app.alignment
            if text is None or alignment is None or group_id not in {g.id for g in alignment.groups}:
                return
            if group_id in self.app.kept and self.app.kept[group_id] == text:
                return
            self.app.kept = {**self.app.kept, group_id: text}

        self.app.push_screen(NoteScreen(f"Note on {group_id}", kept.get(group_id, ""), hint), done)

    # --- quitting ----------------------------------------------------------------------

    def unsaved_changes(self) -> int:
        """How many groups are kept, unkept or noted differently from the
        highlights last saved or reopened."""
        saved, kept = self.saved_kept, self.app.kept
        return sum(1 for gid in saved.keys() | kept.keys() if saved.get(gid) != kept.get(gid))

    def quit(self) -> None:
        """Quit, first asking when kept highlights changed since the last
        save (or since they were reopened)."""
        from .dialogs import ConfirmScreen

        changes = self.unsaved_changes()
        if not changes:
            self.app.exit()
            return
        if self._asking_quit:
            return

        def answer(choice: bool | str | None) -> None:
            self._asking_quit = False
            if choice == "other":
                self.app.exit()
            elif choice is True and self._can_save():
                where = short_path(self.save_path, notice_room(self.app.size.width) - 11)
                self._notify(f"Saving to {where}…", timeout=3)
                self.start(SaveJob(self.save_path, self.app.alignment, dict(self.app.kept), then_quit=True))

        self._asking_quit = True
        where = f" to {home_as_tilde(str(self.save_path))}" if self.save_path is not None else ""
        them = "it" if changes == 1 else "them"
        question = f"{plural(changes, 'unsaved highlight change')}. Save {them}{where} before quitting?"
        dialog = ConfirmScreen(
            "Unsaved highlights",
            question,
            yes="Save and quit",
            other="Quit without saving",
            no="Keep reading",
            default=True,
        )
        self.app.push_screen(dialog, answer)

    # --- saving --------------------------------------------------------------------------

    def _can_save(self) -> bool:
        return not self.app.passages_unavailable() and self.save_path is not None

    def save(self) -> None:
        """Save the kept highlights where they came from (else the corpus's
        default file), as JSON; with none kept, offer to save every group."""
        from .dialogs import ConfirmScreen

        if not self._can_save():
            return
        alignment, kept = self.app.alignment, self.app.kept
        job = SaveJob(self.save_path, alignment, dict(kept))
        if kept:
            self.start(job)
            return
        count = len(alignment.groups)
        if not count:
            self._notify("Nothing to save: these articles share no passage", timeout=3)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.start(SaveJob(job.path, job.alignment, {}, all_groups=True))

        keep = key_label(self.app, "keep")
        question = (
            f"No highlight is kept ({keep} keeps the current passage).\n\nSave all {count} groups to {job.path}?"
        )
        self.app.push_screen(ConfirmScreen("Nothing kept", question, yes="Save all", no="Cancel"), answer)

    def save_as(self, value: str | None = None, error: str = "") -> None:
        """Ask where to save (the extension picks the format), then save."""
        from ..highlights import corpus_slug
        from .dialogs import SavePathScreen

        if not self._can_save():
            return
        alignment, n = self.app.alignment, len(self.app.kept)
        if value is None:
            # A name alone: saved in the current folder (not the data folder,
            # hidden from the reader, where s saves).
            value = f"{corpus_slug(self.app.articles)}-highlights.md"
        what = (
            ("the kept highlight" if n == 1 else f"the {n} kept highlights")
            if n
            else f"all {len(alignment.groups)} groups (none is kept)"
        )
        hint = (
            f"Save {what} to: .json can be reopened, .md is a report, .csv a table. "
            f"A name alone saves in the current folder ({Path.cwd()}); ~ is your home folder."
        )

        def chosen(text: str | None) -> None:
            if text is None or self.app.alignment is None:
                return
            path = resolve(text)
            folder = next((f for f in (path.parent, *path.parent.parents) if f.exists()), None)
            if folder is not None and folder != path.parent and folder.is_dir():
                self._ask_to_create(text, path)
                return
            kept = dict(self.app.kept)
            self.start(SaveJob(path, self.app.alignment, kept, all_groups=not kept, save_as=True))

        self.app.push_screen(SavePathScreen("Save highlights as", value, hint, check_save_path, error), chosen)

    def _ask_to_create(self, text: str, path: Path) -> None:
        """The folder typed does not exist: create it only if the reader says
        so (a typo would otherwise leave a folder behind), else ask again."""
        from .dialogs import ConfirmScreen

        def answer(yes: bool | str | None) -> None:
            if yes is True and self.app.alignment is not None:
                kept = dict(self.app.kept)
                self.start(SaveJob(path, self.app.alignment, kept, all_groups=not kept, save_as=True))
            else:
                self.save_as(text)

        question = f"{path.parent} does not exist.\n\nCreate it and save {path.name} there?"
        dialog = ConfirmScreen("Create the folder?", question, yes="Create and save", no="Choose again", default=True)
        self.app.push_screen(dialog, answer)

    def start(self, job: SaveJob) -> None:
        """Run a save in a thread worker of the screen (group ``save``)."""
        self.screen.run_worker(lambda: run_save(job), thread=True, group="save", exit_on_error=False, name="save")

    def finished(self, event: Worker.StateChanged) -> None:
        """A save worker changed state: say how the save went."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self._notify(f"{type(error).__name__}: {error}", title="Not saved", severity="error", timeout=15)
            return
        if event.state != WorkerState.SUCCESS:
            return
        outcome: SaveOutcome = event.worker.result
        job = outcome.job
        if outcome.saved is not None:
            self._saved(job, outcome.saved)
        elif outcome.would_overwrite:
            self._ask_to_replace(job, outcome.would_overwrite)
        elif job.save_as:  # the reader picks another place, told why in the dialog (not also a notice over it)
            self.save_as(str(job.path), outcome.error)
        else:
            self._notify(outcome.error, title="Not saved", severity="error", timeout=15)

    def _saved(self, job: SaveJob, saved: Saved) -> None:
        tail = ""
        if self.save_path is not None and job.path.resolve() == self.save_path.resolve():
            # What the next start reopens: q has nothing more to ask.
            self.saved_kept = dict(job.kept)
        elif self.unsaved_changes():
            # A report, a table, or a copy elsewhere: the highlights the
            # app reopens are still the ones in the corpus's own file.
            tail = f"; {key_label(self.app, 'save')} saves them for next time"
        self._notify(saved_notice(saved, self.app.size.width, tail), timeout=6)
        if job.then_quit and not self.unsaved_changes():
            self.app.exit()

    def _ask_to_replace(self, job: SaveJob, warning: str) -> None:
        from .dialogs import ConfirmScreen

        def answer(yes: bool | None) -> None:
            if yes:
                self.start(replace(job, overwrite=True))
            else:
                where = short_path(job.path, notice_room(self.app.size.width) - 24)
                self._notify(f"Not saved: {where} is as it was", timeout=4)

        backup = " (a copy of the old file is kept beside it)" if job.path.suffix.lower() == ".json" else ""
        warning = home_as_tilde(warning)
        question = f"{warning[:1].upper()}{warning[1:]}.\n\nReplace anyway?{backup}"  # a sentence
        dialog = ConfirmScreen("Replace the saved file?", question, yes="Replace", no="Don't save", default=False)
        self.app.push_screen(dialog, answer)
