"""The alignment status line: progress while the worker aligns, the error
if it failed.  Hidden once the alignment is in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class AlignStatus(Horizontal):
    """Progress of the alignment worker, fed by the app's reactives."""

    def compose(self) -> ComposeResult:
        yield Label("Aligning…", id="status-label", markup=False)
        yield ProgressBar(show_eta=False, id="status-bar")

    def on_mount(self) -> None:
        self.watch(self.app, "align_state", self._state_changed)
        self.watch(self.app, "align_progress", self._progress_changed)

    def _state_changed(self, state: str) -> None:
        label = self.query_one("#status-label", Label)
        bar = self.query_one("#status-bar", ProgressBar)
        self.set_class(state == "error", "-error")
        if state == "running":
            self.display = True
            bar.display = True
            label.update("Aligning the articles…")
        elif state == "error":
            self.display = True
            bar.display = False
            label.update(f"Alignment failed: {self.app.align_error} — the articles are shown without highlights.")
        else:
            self.display = False

    def _progress_changed(self, progress: tuple[int, int]) -> None:
        done, total = progress
        bar = self.query_one("#status-bar", ProgressBar)
        if total:
            bar.update(total=total, progress=done)
            if self.app.align_state == "running":
                self.query_one("#status-label", Label).update(f"Aligning: {done}/{total} pairs of articles")
