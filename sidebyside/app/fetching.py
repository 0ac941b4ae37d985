"""Fetching the pages of the URLs given, before the reader opens: a small
screen with a progress bar, shown only when the fetch takes more than a
moment (the command line starts the fetch and opens this app only if the
pages have not all arrived by then).

The fetch runs in a thread of the command line's; this app only watches it
(a timer reads the shared progress), so it never changes what is fetched
or how.  ``escape`` or ``ctrl+c`` gives up: the app exits with code 130.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, ProgressBar

from ..text import plural

#: Seconds between looks at the fetch's progress.
POLL = 0.05


@dataclass
class FetchProgress:
    """What the fetch has done, written by its thread, read by the app."""

    done: int = 0
    total: int = 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total


class FetchingApp(App[None]):
    """Shows the progress of ``thread`` (fetching pages) and exits when it ends."""

    CSS = """
    Screen { align: center middle; }
    #fetching { width: 64; max-width: 100%; height: auto; border: round $accent; padding: 1 2; }
    #fetching-label { width: 100%; margin-bottom: 1; }
    #fetching-bar { width: 100%; }
    #fetching-hint { width: 100%; margin-top: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape,ctrl+c", "give_up", "Give up", id="give-up", tooltip="Stop waiting for the pages and quit"),
    ]

    def __init__(self, thread: threading.Thread, progress: FetchProgress) -> None:
        super().__init__()
        self._thread = thread
        self._progress = progress

    def compose(self) -> ComposeResult:
        with Vertical(id="fetching"):
            yield Label(self._text(), id="fetching-label", markup=False)
            yield ProgressBar(total=self._progress.total or None, show_eta=False, id="fetching-bar")
            yield Label("escape gives up", id="fetching-hint", markup=False)

    def on_mount(self) -> None:
        self.set_interval(POLL, self._poll)

    def _text(self) -> str:
        done, total = self._progress.done, self._progress.total
        return f"Fetching {plural(total, 'page')}… {done} of {total} done" if total else "Fetching the pages…"

    def _poll(self) -> None:
        bar = self.query_one("#fetching-bar", ProgressBar)
        if self._progress.total:
            bar.update(total=self._progress.total, progress=self._progress.done)
        self.query_one("#fetching-label", Label).update(self._text())
        if not self._thread.is_alive():
            self.exit()

    def action_give_up(self) -> None:
        self.exit(return_code=130)
