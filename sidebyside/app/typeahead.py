"""Keys typed ahead are never lost (issue 12, item 1).

A key that opens an input (``/`` search, ``a`` note, ``S`` save as, ``o``
the outlet picker, ``ctrl+p`` the palette) takes effect a moment later:
the dialog is mounted, then its field takes the focus.  Keys the reader
typed meanwhile (fast typing, a paste, typing ahead while the app is busy)
used to reach whatever had the focus then, the article pane (where ``n``
moves to the next passage) or a dialog with nothing focused yet, and
``enter`` could save a note before the rest of its text was in.

:class:`TypeAhead` holds every key from the moment an opening key is
pressed until the input that key opens has the focus, then hands them
over, in the order they were typed.  If nothing opens (the key was refused:
still aligning, say) the held keys go on as typed after
:data:`MAX_HOLD` seconds.  The app passes every key through :meth:`hold`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input, OptionList, TextArea

if TYPE_CHECKING:
    from textual.app import App

#: Binding ids whose key opens an input.
OPENERS = ("search", "note", "save-as", "pick-pane", "command-palette")
#: Longest a key is held when no input comes (seconds).
MAX_HOLD = 0.5
#: How often the input is looked for while keys are held (seconds).
POLL = 0.01

TEXT_INPUTS = (Input, TextArea)


class TypeAhead:
    def __init__(self, app: App, dispatch: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self._dispatch = dispatch  # the app's own handling of a key
        self._held: list[events.Key] | None = None
        self._since = 0.0
        self._start_focus: object = None
        self._start_screen: object = None
        self._timer = None

    @property
    def holding(self) -> bool:
        return self._held is not None

    def _opener_keys(self) -> set[str]:
        from .help import normalise_key

        keymap = getattr(self.app, "_keymap", {}) or {}
        keys: set[str] = set()
        sections = getattr(self.app, "binding_sections", None)
        for _, bindings in sections() if sections else ():
            for binding in bindings:
                if getattr(binding, "id", None) in OPENERS:
                    chosen = keymap.get(binding.id, binding.key)
                    keys.update(normalise_key(k) for k in chosen.split(","))
        return keys

    def hold(self, event: events.Key) -> bool:
        """Called with every key before the app handles it: True if the key
        is held (the app must not handle it now)."""
        if self._held is not None:
            self._held.append(event)
            return True
        screen = self.app.screen
        focused = screen.focused
        if isinstance(focused, TEXT_INPUTS) and event.key != self.app.COMMAND_PALETTE_BINDING:
            return False  # typed into a field: a letter is a letter
        if event.key in self._opener_keys():
            # The key itself goes on now; what follows waits for its input.
            self._held = []
            self._since = time.monotonic()
            self._start_focus, self._start_screen = focused, screen
            self._timer = self.app.set_interval(POLL, self._check)
        return False

    def _ready(self) -> bool:
        screen = self.app.screen
        focused = screen.focused
        if screen is not self._start_screen:
            # A dialog, the picker, the palette: once its field has the focus.
            return isinstance(focused, (*TEXT_INPUTS, OptionList)) or not screen.is_modal
        return isinstance(focused, TEXT_INPUTS) and focused is not self._start_focus

    async def _check(self) -> None:
        if self._held is None:
            return
        if not self._ready() and time.monotonic() - self._since < MAX_HOLD:
            return
        await self.release()

    async def release(self) -> None:
        """Hand the held keys over, in order (on the app's task: keys that
        come after them wait their turn)."""
        held, self._held = self._held or [], None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        for event in held:
            if self._held is not None:  # a held key opened another input: hold the rest
                self._held.append(event)
                continue
            if self.hold(event):
                continue
            target = self.app.screen.focused
            await self._dispatch(event)
            if target is not None:
                # The next key (enter: a priority binding, run at once) only
                # once the field has taken this one.
                await _handled(target)


async def _handled(widget) -> None:
    """Wait until ``widget`` has handled the messages it has now."""
    done = asyncio.get_running_loop().create_future()

    def mark() -> None:
        if not done.done():
            done.set_result(None)

    if not widget.call_later(mark):
        return  # (the widget is closing)
    try:
        await asyncio.wait_for(done, timeout=1.0)
    except TimeoutError:
        pass
