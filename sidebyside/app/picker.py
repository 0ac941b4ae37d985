"""Choosing which article's pane to show (``o``), when not all fit."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..reading.articles import Article
from ..text import plural


class _Options(OptionList):
    """An option list that pages only once laid out (see :func:`.small.safe_page`)."""

    def _move_page(self, direction) -> None:
        from .small import safe_page

        if safe_page(self):
            super()._move_page(direction)

    def on_resize(self) -> None:
        # Its keys, as the other dialogs say theirs; shorter where the
        # border has no room (40 columns cut it to "enter shows i…").
        room = self.outer_size.width - 6
        self.border_subtitle = next((k for k in KEYS_SAID if len(k) <= room), KEYS_SAID[-1])


#: The picker's keys, as its border says them: the first that fits.
KEYS_SAID = ("↑↓ choose · enter shows it · escape cancels", "↑↓ choose · enter · esc", "enter · esc")


class PanePicker(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="picker-cancel")]

    def __init__(self, articles: list[Article], shown: range, counts: list[int | None]) -> None:
        super().__init__()
        self.articles = articles
        self.shown = shown
        self.counts = counts

    def compose(self) -> ComposeResult:
        options = []
        for i, article in enumerate(self.articles):
            mark = "●" if i in self.shown else "○"
            count = self.counts[i]
            if count is None:
                extra = ""
            elif count == 0:
                extra = " — no shared passage"
            else:
                extra = f" — {plural(count, 'passage')}"
            # A Text: a headline's brackets are not markup.
            options.append(Option(Text(f"{mark} {i + 1}. {article.label}: {article.title}{extra}"), id=str(i)))
        picker = _Options(*options, id="picker")
        picker.border_title = "Show which article?"
        yield picker

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        picker.highlighted = self.shown.start if len(self.articles) else None
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))
