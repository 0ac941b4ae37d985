"""The help screen (``?``): every key binding of the app, as remapped by
the keymap, with its id (the name to use in a keymap)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def _bindings(items: Iterable[BindingType]) -> list[Binding]:
    out = []
    for item in items:
        if isinstance(item, Binding):
            out.append(item)
        else:
            key, action, description = (list(item) + ["", ""])[:3]
            out.append(Binding(key, action, description))
    return out


class HelpScreen(ModalScreen[None]):
    """A table of the bindings, section by section."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help-close"),
    ]

    def __init__(self, sections: list[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self._table(), id="help-table")

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Keys"
        self.query_one("#help-box").border_subtitle = "escape closes"

    def _keys(self, binding: Binding) -> str:
        keymap = getattr(self.app, "_keymap", {}) or {}
        keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
        return ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(section, keys, what the key does, binding id) for every binding."""
        out = []
        for title, bindings in self.sections:
            for binding in _bindings(bindings):
                description = binding.tooltip or binding.description or binding.action
                out.append((title, self._keys(binding), description, binding.id or ""))
        return out

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_column(style="dim", no_wrap=True)
        section = None
        for title, keys, description, binding_id in self.rows():
            if title != section:
                if section is not None:
                    table.add_row("", "", "")
                table.add_row(Text(title, style="bold underline"), "", "")
                section = title
            table.add_row(keys, description, binding_id)
        return table
