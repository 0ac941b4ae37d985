"""The footer, recomposed only when the keys it shows change.

Textual's Footer rebuilds itself whenever the screen's bindings are
refreshed, which happens on every focus change; moving between article
panes (whose bindings are all the same) would then rebuild and re-lay-out
the footer on every ``]``, tab or click.  This one compares what it would
show and skips the rebuild when nothing differs.

A key that does not fit whole before the keys at the right is not drawn
(at 80 columns "] N" showed of "] Next outlet"); ``?`` lists them all, and
says so at the right, beside the palette key, at every width ("? all keys":
at 60 columns only n, p and m fit, and nothing said there were more).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: The classes of the keys docked at the right, never cut.
RIGHT = ("-command-palette", "-all-keys")
#: Narrower than this, the reading keys are named in a word and the most
#: used come first (at 80 columns only n, p, m, space and a showed: not ]
#: nor /).
NARROW = 100
#: The reading keys in the order a narrow footer shows them, each in a word.
SHORT = {
    "step_passage(1)": "next",
    "step_passage(-1)": "prev",
    "other_outlet(1)": "outlet",
    "search": "find",
    "overview": "overview",
    "keep": "keep",
    "save": "save",
    "note": "note",
    "step_kept(1)": "kept",
    "other_outlet(-1)": "outlet",
    "pick_pane": "outlets",
}


class ReaderFooter(Footer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None
        self._narrow: bool | None = None  # whether the keys were composed short

    def _signature(self, screen: Screen) -> tuple:
        return tuple(
            (key, binding.action, binding.description, binding.show, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        )

    def bindings_changed(self, screen: Screen) -> None:
        try:
            signature = self._signature(screen)
        except Exception:  # the screen is being torn down
            signature = None
        if signature is not None and signature == self._shown:
            self._bindings_ready = True
            return
        self._shown = signature
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        """Textual's footer, the help key ("? all keys") moved to the right
        beside the palette key."""
        everything = list(super().compose())
        self._narrow = self.app.size.width < NARROW
        if self._narrow:
            everything = _short(everything)
        help_keys = [w for w in everything if isinstance(w, FooterKey) and w.action in ("help", "app.help")]
        for widget in everything:
            if widget in help_keys:
                continue
            if help_keys and isinstance(widget, FooterKey) and widget.has_class("-command-palette"):
                key = help_keys[0]
                yield FooterKey(
                    key.key, key.key_display, "all keys", key.action, classes="-all-keys", tooltip="Every key"
                ).data_bind(compact=Footer.compact)
            yield widget

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self._hide_cut_keys)

    def on_resize(self) -> None:
        if self._narrow is not None and self._narrow != (self.app.size.width < NARROW):
            self.call_later(self.recompose)  # the keys named short, or in full again
            return
        self.call_after_refresh(self._hide_cut_keys)

    def on_show(self) -> None:
        # (A screen made ahead, the overview, laid its keys out unseen.)
        self.call_after_refresh(self._hide_cut_keys)

    def _hide_cut_keys(self) -> None:
        """Hide (keeping the layout) each key that ends past the room there
        is: worked out from the keys' widths, which a resize does not change
        (their regions are not laid out again yet when it comes)."""
        children = [child for child in self.children if child.display]
        if any(not child.outer_size.width for child in children):
            return  # not laid out yet: on_show or on_resize comes
        palette = [c for c in children if isinstance(c, FooterKey) and any(c.has_class(r) for r in RIGHT)]
        right = [c for c in palette if c.has_class("-command-palette")]
        for key in palette:
            if key.has_class("-all-keys"):  # docked right too: left of the palette key
                beside = sum(_outer_width(c) for c in right)
                if key.styles.margin.right != beside:
                    key.styles.margin = (0, beside, 0, 0)
        room = self.size.width - sum(_outer_width(c) for c in right) - sum(
            c.outer_size.width + c.styles.margin.left for c in palette if c not in right
        )
        x = 0
        cut = False
        for child in children:
            if child in palette:
                continue
            margin = child.styles.margin
            x += margin.left + child.outer_size.width
            cut = cut or x > room  # (and every key after the first cut one)
            x += margin.right
            child.set_class(cut, "-cut")


def _outer_width(widget) -> int:
    margin = widget.styles.margin
    return margin.left + widget.outer_size.width + margin.right


def _short(widgets: list) -> list:
    """A narrow footer's keys: the reading keys of :data:`SHORT` first, in
    its order, each named in a word ("] outlet", "/ search"); the others
    after them as they were."""
    order = list(SHORT)
    ranked = [w for w in widgets if isinstance(w, FooterKey) and w.action in SHORT and not w.classes]
    for key in ranked:
        key.description = SHORT[key.action]
    ranked.sort(key=lambda w: order.index(w.action))
    rest = [w for w in widgets if w not in ranked]
    return ranked + rest
