"""The help screen (``?``): every key binding of the app, as remapped by
the keymap, with its id (the name to use in a keymap); and the keys in
force, for every place that names a key (:func:`key_label`), and the check
of a ``[keys]`` setting against the bindings (:func:`check_app_keys`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import _character_to_key
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.app import App

    from ..config import Config

#: Sections of :meth:`SideBySideApp.binding_sections` whose bindings are
#: active at the same time: a key may mean one thing in each group only.
TOGETHER = (
    ("Anywhere", "Highlights", "Reader", "Article pane"),
    ("Anywhere", "Highlights", "Reader", "Search bar"),
    ("Anywhere", "Dialogs"),
)


def _bindings(items: Iterable[BindingType]) -> list[Binding]:
    out = []
    for item in items:
        if isinstance(item, Binding):
            out.append(item)
        else:
            key, action, description = (list(item) + ["", ""])[:3]
            out.append(Binding(key, action, description))
    return out


def normalise_key(key: str) -> str:
    """A key as Textual names it ("?" is "question_mark")."""
    key = key.strip()
    return _character_to_key(key) if len(key) == 1 else key


def _sections(app: App) -> list[tuple[str, list[Binding]]]:
    sections = getattr(app, "binding_sections", None)
    return [(title, _bindings(items)) for title, items in sections()] if sections else []


def check_app_keys(app: App, config: Config) -> tuple[dict[str, str], list[str]]:
    """The ``[keys]`` settings the app can use, and a warning for each it
    cannot (an unknown binding id, a key that collides with another binding
    active at the same time: that binding keeps its default)."""
    from ..config import check_keys

    sections = _sections(app)
    defaults: dict[str, str] = {}
    for _, bindings in sections:
        for binding in bindings:
            if binding.id:
                defaults.setdefault(binding.id, binding.key)
    together = [
        {b.id for title, bindings in sections if title in group for b in bindings if b.id} for group in TOGETHER
    ]
    return check_keys(config, set(defaults), defaults=defaults, together=together, normalise=normalise_key)


def _shown(app: App, key: str) -> str:
    """A key as a hint names it: "ctrl+p" (as the README spells it), "?", "]"."""
    key = key.strip()
    if "+" in key and not key.endswith("+"):
        *modifiers, name = key.split("+")
        return "+".join([*modifiers, app.get_key_display(Binding(name, ""))])
    return app.get_key_display(Binding(key, ""))


def key_label(app: App, binding_id: str) -> str:
    """The key in force for a binding (its first): "space", or "x" after
    ``keep = "x"``; "" if there is none."""
    keymap = getattr(app, "_keymap", {}) or {}
    for _, bindings in _sections(app):
        for binding in bindings:
            if binding.id != binding_id:
                continue
            if binding_id in keymap:
                return _shown(app, keymap[binding_id].split(",")[0])
            if binding.key_display:
                return binding.key_display
            return _shown(app, binding.key.split(",")[0])
    return ""


class HelpScreen(ModalScreen[None]):
    """A table of the bindings, section by section."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help-close"),
    ]

    def __init__(self, sections: list[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        from .notices import log_text

        with VerticalScroll(id="help-box"):
            log = getattr(self.app, "notice_log", ())
            if log:  # the notices given, whole (the footer's row shows one line of each)
                yield Static(Text("Notices", style="bold underline"), classes="help-notices-title")
                yield Static(log_text(log), id="help-notices", markup=False)
            yield Static(self._table(self.app.size.width), id="help-table")

    def on_resize(self, event) -> None:
        self.query_one("#help-table", Static).update(self._table(event.size.width))

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Keys"
        # (the keys in force: q closes this help, as in a pager, though the table lists q as Quit)
        close = next(b for b in self.BINDINGS if isinstance(b, Binding) and b.id == "help-close")
        *first, last = self._keys(close).split(", ")
        keys = f"{', '.join(first)} or {last}" if first else last
        self.query_one("#help-box").border_subtitle = f"{keys} closes this help"

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

    #: Narrower than this (the terminal's columns), a binding's id goes
    #: under its description: what a key does comes first, always whole.
    NARROW = 80

    def _table(self, width: int = 0) -> Table:
        narrow = 0 < width < self.NARROW
        table = Table.grid(padding=(0, 1 if narrow else 2))
        if narrow:  # keys wrap at their commas, in a third of the width at most
            table.add_column(style="bold", max_width=max(4, width // 3), overflow="fold")
        else:
            table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1, overflow="fold")
        if not narrow:
            table.add_column(style="dim", no_wrap=True)
        section = None
        for title, keys, description, binding_id in self.rows():
            if title != section:
                if section is not None:
                    table.add_row("", "")
                table.add_row(Text(title, style="bold underline"), "")
                section = title
            if narrow:
                what = Text(description)
                if binding_id:
                    what.append("\n" + binding_id, style="dim")
                table.add_row(keys, what)
            else:
                table.add_row(keys, description, binding_id)
        return table
