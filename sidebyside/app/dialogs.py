"""Small questions the app asks: yes or no (:class:`ConfirmScreen`), a note
on a highlight (:class:`NoteScreen`), where to save (:class:`SavePathScreen`).

Each is a modal screen that dismisses with its answer; the app decides what
to do with it.  None of them touches the app's state.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea


class ConfirmScreen(ModalScreen[bool | str]):
    """A question with two answers: y (or the first button) is yes, n or
    escape is no; with ``other``, a third answer between them, d, which
    dismisses with ``"other"``.  ``default`` is the answer enter gives at
    first."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("d", "answer('other')", "The third answer (quit without saving)", id="confirm-other"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(
        self,
        title: str,
        message: str,
        *,
        yes: str = "Yes",
        no: str = "No",
        other: str = "",
        default: bool = True,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.yes_label = yes
        self.no_label = no
        self.other_label = other
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog") as box:
            box.border_title = self.title_text
            yield Static(self.message, id="dialog-message", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes", variant="primary" if self.default else "default")
                if self.other_label:
                    yield Button(f"{self.other_label} (d)", id="other")
                yield Button(f"{self.no_label} (n)", id="no", variant="default" if self.default else "primary")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()
        self._fit(self.app.size)

    def on_resize(self, event) -> None:
        self._fit(event.size)

    def _fit(self, size) -> None:
        """Every answer in view at any size the app accepts: when the
        buttons don't fit side by side (or the rows are few), they stack,
        one row each, below the message."""
        buttons = list(self.query(Button))
        wide = sum(len(str(b.label)) + 6 for b in buttons) + 4
        small = wide > min(80, int(size.width * 0.95)) or size.height < 20
        self.set_class(small, "-small-dialog")
        for button in buttons:
            button.compact = small

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss("other" if event.button.id == "other" else event.button.id == "yes")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters == ("other",):
            return bool(self.other_label)
        return True

    def action_answer(self, answer: bool | str) -> None:
        self.dismiss(answer)


class NoteScreen(ModalScreen[str | None]):
    """Edit the note on a highlight: enter keeps the text, escape leaves
    the note as it was (dismisses with None)."""

    BINDINGS = [
        Binding("enter", "save", "Save note", priority=True, id="note-save"),
        Binding("escape", "cancel", "Cancel", id="note-cancel"),
    ]

    def __init__(self, title: str, note: str, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.note = note
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog") as box:
            box.border_title = self.title_text
            box.border_subtitle = "enter saves · escape cancels"
            if self.hint:
                yield Static(self.hint, id="dialog-message", markup=False)
            area = TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            area.placeholder = "why this passage matters…"
            yield area

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        area.focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class SavePathScreen(ModalScreen[str | None]):
    """Ask for a file name.  ``check`` gets the typed text and returns an
    error to show (the dialog stays open so the reader can fix the name),
    or None to dismiss with the text."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="save-as-cancel")]

    def __init__(
        self,
        title: str,
        value: str,
        hint: str,
        check: Callable[[str], str | None],
        error: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.check = check
        self.error = error
        self._error_for: str | None = value if error else None  # the text the error shown is about

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog") as box:
            box.border_title = self.title_text
            box.border_subtitle = "enter saves · escape cancels"
            yield Static(self.hint, id="dialog-message", markup=False)
            yield Input(self.value, id="save-path", select_on_focus=False)
            yield Label(self.error, id="dialog-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#dialog-error").display = bool(self.error)
        field = self.query_one(Input)
        field.focus()
        # All of it selected: typing a name replaces it (a bare name saves
        # in the current folder); the arrow keys keep it to edit.
        field.select_all()
        self._fit(self.app.size)

    def on_resize(self, event) -> None:
        self._fit(event.size)

    def _fit(self, size) -> None:
        """The field in view at any size the app accepts: on few rows the
        hint yields (three rows at most) and the field is one row high."""
        small = size.height < 20
        self.set_class(small, "-small-dialog")
        self.query_one(Input).compact = small

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        # Hidden once the text is changed (not by the Changed the field
        # posts for its first value: a failed save's reason showed for no time).
        if event.value != self._error_for:
            self.query_one("#dialog-error").display = False

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.check(event.value)
        if error:
            label = self.query_one("#dialog-error", Label)
            label.update(error)
            label.display = True
            self._error_for = event.value
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
