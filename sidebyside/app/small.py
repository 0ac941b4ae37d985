"""Every screen survives every size the terminal can take.

The reading screen shows a "too small" message of its own below
:data:`MIN_SIZE`.  Any other screen on top of it (a dialog, the outlet
picker, the help, the command palette) is not laid out at such a size:
:class:`TooSmallScreen` covers it, takes every key (so none reaches the
screen under it while the reader cannot see it), and goes away by itself
once the terminal is large enough again, the screen under it as it was.
Textual's own widgets are not built for a width of a few columns (an
option list wrapping to width 0, the command palette paging through no
lines); this keeps them from ever being asked.
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

MIN_SIZE = Size(40, 10)  # below this, only a "too small" message
TOO_SMALL = f"The terminal is too small for sidebyside.\nMake it at least {MIN_SIZE.width}×{MIN_SIZE.height}."


def too_small(size: Size) -> bool:
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


class TooSmallScreen(Screen[None]):
    """Covers whatever is on top while the terminal is too small."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
    }
    TooSmallScreen > Static {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-align: center;
        text-style: bold;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(TOO_SMALL, markup=False)

    def on_key(self, event: events.Key) -> None:
        # Nothing under this screen may act on a key the reader sent blind.
        event.stop()
        event.prevent_default()

    def on_resize(self, event: events.Resize) -> None:
        guard(self.app, event.size)


def guard(app: App, size: Size | None = None) -> None:
    """Cover the top screen with :class:`TooSmallScreen` while the terminal
    is (or, with ``size``, is becoming) too small (the reading screen says
    so itself), uncover it when it is large enough again."""
    try:
        screen = app.screen
    except Exception:  # noqa: BLE001 - no screen yet, or the app is closing
        return
    small = too_small(size or app.size)
    if isinstance(screen, TooSmallScreen):
        if not small:
            app.pop_screen()
        return
    if small and len(app.screen_stack) > 1:
        app.push_screen(TooSmallScreen())


def install(app: App) -> None:
    """Keep ``app`` guarded: on every resize and every change of screen."""
    app.screen_change_signal.subscribe(app, lambda _screen: app.call_later(guard, app))
