"""The alignment status line: what the worker is doing while it aligns
(a progress bar too, once it has taken long enough for one to help), the
error if it failed.  Hidden once the alignment is in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

#: Seconds of aligning before the progress bar is shown: most corpora are
#: aligned sooner, and the bar (a few widgets) would only slow the first frame.
BAR_AFTER = 0.3


class AlignStatus(Horizontal):
    """Progress of the alignment worker, fed by the app's reactives."""

    def compose(self) -> ComposeResult:
        yield Label("Aligning the articles…", id="status-label", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "align_state", self._state_changed)
        self.watch(self.app, "align_progress", self._progress_changed)
        self.set_timer(BAR_AFTER, self._add_bar)

    @property
    def _bar(self):
        # By id: naming the class would import it (and Textual's progress
        # bar takes a while to import) before the first frame.
        found = self.query("#status-bar")
        return found.first() if found else None

    def _add_bar(self) -> None:
        from textual.widgets import ProgressBar

        if self.app.align_state != "running" or self._bar is not None:
            return
        bar = ProgressBar(show_eta=False, id="status-bar")
        done, total = self.app.align_progress
        if total:
            bar.update(total=total, progress=done)
        self.mount(bar)

    def _state_changed(self, state: str) -> None:
        label = self.query_one("#status-label", Label)
        bar = self._bar
        self.set_class(state == "error", "-error")
        if state != "running" and bar is not None:
            bar.remove()
        self.display = state != "done"
        if state == "running":
            label.update("Aligning the articles…")
        elif state == "error":
            label.update(f"Alignment failed: {self.app.align_error} — the articles are shown without highlights.")

    def _progress_changed(self, progress: tuple[int, int]) -> None:
        done, total = progress
        if not total:
            return
        bar = self._bar
        if bar is not None:
            bar.update(total=total, progress=done)
        if self.app.align_state == "running":
            self.query_one("#status-label", Label).update(f"Aligning: {done}/{total} pairs of articles")
