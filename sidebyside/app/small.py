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
from textual.widgets import OptionList, Static

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


def safe_page(option_list: OptionList) -> bool:
    """Whether an option list can move by a page now: Textual's looks up the
    highlighted option's line, which is not there before the list is laid
    out (a palette paged at once after the terminal grew: ``KeyError: 0``)."""
    highlighted = option_list.highlighted
    lines = option_list._index_to_line
    return bool(option_list._lines) and (highlighted is None or highlighted in lines)


def _guard_paging() -> None:
    """The command palette's list pages only once it is laid out.  (Its
    class is Textual's and made by the palette itself: its one method that
    fails is wrapped, once.)"""
    from textual.command import CommandList

    move_page = CommandList._move_page
    if getattr(move_page, "_sidebyside_guard", False):
        return

    def guarded(self: CommandList, direction) -> None:
        if safe_page(self):
            move_page(self, direction)

    guarded._sidebyside_guard = True  # type: ignore[attr-defined]
    CommandList._move_page = guarded  # type: ignore[method-assign]


def install(app: App) -> None:
    """Keep ``app`` guarded: on every resize and every change of screen."""
    _guard_paging()
    app.screen_change_signal.subscribe(app, lambda _screen: app.call_later(guard, app))
