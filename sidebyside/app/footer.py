"""The footer, recomposed only when the keys it shows change.

Textual's Footer rebuilds itself whenever the screen's bindings are
refreshed, which happens on every focus change; moving between article
panes (whose bindings are all the same) would then rebuild and re-lay-out
the footer on every ``]``, tab or click.  This one compares what it would
show and skips the rebuild when nothing differs.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class ReaderFooter(Footer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None

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
