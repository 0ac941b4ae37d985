"""The search bar: an Input at the bottom of the screen.

Typing searches every article at once (the panes highlight the matches;
a spelling variant found by its words' keys, Sergei for "Sergey", in
italics, underlined, and named when stepped to); enter or down steps to
the next match, up to the previous one, across the panes in order; escape
closes the bar and keeps the highlights.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from ..model import Place
from ..text import one_line, plural
from .rows import is_spelling_variant


class SearchBar(Horizontal):
    BINDINGS = [
        Binding("down", "step(1)", "Next match", id="search-next", tooltip="Next match (enter too)"),
        Binding("up", "step(-1)", "Prev match", id="search-previous"),
        Binding("escape", "close", "Close search", id="search-close"),
    ]

    class _Message(Message):
        """A message from the bar, which is its control (the screen's
        handlers answer the bar that sent it)."""

        def __init__(self, bar: SearchBar) -> None:
            super().__init__()
            self.bar = bar

        @property
        def control(self) -> SearchBar:
            return self.bar

    class Changed(_Message):
        def __init__(self, bar: SearchBar, query: str) -> None:
            super().__init__(bar)
            self.query = query

    class Step(_Message):
        def __init__(self, bar: SearchBar, direction: int) -> None:
            super().__init__(bar)
            self.direction = direction

    class Closed(_Message):
        pass

    def compose(self) -> ComposeResult:
        yield Label("Search", id="search-prompt")
        yield Input(placeholder="words in any article (enter: next, ↑/↓, esc: close)", id="search-input")
        yield Label("", id="search-count", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    def open(self, query: str) -> None:
        self.display = True
        self.input.value = query
        self.input.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(self, 1))

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(self, direction))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed(self))

    def show_count(self, position: int | None, total: int, outlet: str = "", found: str = "") -> None:
        """How many matches, or which one is current (``position``), in
        which outlet, and whether it is a spelling variant of the query
        (``found``, the match's text: "Sergei" for "Sergey")."""
        label = self.query_one("#search-count", Label)
        if not self.input.value:
            label.update("")
        elif total == 0:
            label.update("no match")
        elif position is None:
            label.update(plural(total, "match", "matches"))
        else:
            spelling = f" · spelling: {one_line(found, 24)}" if is_spelling_variant(found, self.input.value) else ""
            label.update(f"{position + 1}/{total}" + (f" · {outlet}" if outlet else "") + spelling)


def step_match(matches: list[Place], current: Place | None, here: Place, direction: int) -> int:
    """The match to step to (its index in ``matches``, in reading order)
    from ``current`` by ``direction`` (±1, round the ends); with no current
    match, the first at or after the reader's place ``here`` (its article
    and offset), or the last before it."""
    if current in matches:
        return (matches.index(current) + direction) % len(matches)
    after = [i for i, m in enumerate(matches) if (m.article, m.start) >= (here.article, here.start)]
    if direction > 0:
        return after[0] if after else 0
    return (after[0] - 1) % len(matches) if after else len(matches) - 1
