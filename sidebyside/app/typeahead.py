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
:data:`MAX_HOLD` seconds.

Keys reach a field one at a time.  A field handles a letter itself, but
backspace or enter (bindings) only once the key has bubbled back up to the
app, behind any key that arrived meanwhile: typed fast, "l", backspace,
"m" lost the "m", and a note's enter saved it before its last letters.  So
the next key waits until the one before has been through the field and
every widget above it, up to the app.  Everything runs on the app's own
message loop, never blocking it: held keys never interleave with new ones.
The app passes every key through :meth:`hold`, then :meth:`deliver`.

Keys typed while the terminal is too small (below ``small.MIN_SIZE``: the
reader sees only a message) wait too, and go on, in order, once it is large
enough again and the reading screen has given the focus back to its pane
(hiding every pane dropped it, and a pane's ``n`` went nowhere).  Only the
quit keys act at once.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input, OptionList, TextArea

if TYPE_CHECKING:
    from textual.app import App
    from textual.geometry import Size

#: Binding ids whose key opens an input.
OPENERS = ("search", "note", "save-as", "pick-pane", "command-palette")
#: Binding ids whose key acts at once even while the terminal is too small,
#: and the keys that end any Textual app.
AT_ONCE = ("quit",)
ALWAYS_AT_ONCE = {"ctrl+c", "ctrl+q"}
#: Longest a key is held when no input comes, or waits for the key before
#: it to come back (seconds).
MAX_HOLD = 0.5
#: How often the input is looked for while keys are held (seconds).
POLL = 0.01

TEXT_INPUTS = (Input, TextArea)
#: Widgets whose keys are followed until handled (see the module's note).
FOLLOWED = (*TEXT_INPUTS, OptionList)


class TypeAhead:
    def __init__(self, app: App, dispatch: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self._dispatch = dispatch  # the app's own handling of a key
        self._queue: deque[events.Key] = deque()  # keys not handled yet, in order
        self._waiting = False  # for the input an opening key opens
        self._since = 0.0
        self._start_focus: object = None
        self._start_screen: object = None
        self._busy: object = None  # the key being handled by a field (a token)
        self._busy_since = 0.0
        self._timer = None
        self._grown_at = 0.0  # when the terminal was last made large enough again

    @property
    def holding(self) -> bool:
        return bool(self._queue) or self._waiting or self._busy is not None

    def _keys_of(self, ids: tuple[str, ...]) -> set[str]:
        from .help import normalise_key

        keymap = getattr(self.app, "_keymap", {}) or {}
        keys: set[str] = set()
        sections = getattr(self.app, "binding_sections", None)
        for _, bindings in sections() if sections else ():
            for binding in bindings:
                if getattr(binding, "id", None) in ids:
                    chosen = keymap.get(binding.id, binding.key)
                    keys.update(normalise_key(k) for k in chosen.split(","))
        return keys

    def _opener_keys(self) -> set[str]:
        return self._keys_of(OPENERS)

    def _too_small(self) -> bool:
        from .small import too_small

        return too_small(self.app.size)

    def hold(self, event: events.Key) -> bool:
        """Called with every key as it arrives: True if the key is held (it
        is handed over later, in order); False if the app may
        :meth:`deliver` it now."""
        small = self._too_small()
        if small and not self.holding and event.key in ALWAYS_AT_ONCE | self._keys_of(AT_ONCE):
            return False
        if self.holding or small:
            self._queue.append(event)
            self._tick()
            return True
        return False

    def resized(self, size: Size) -> None:
        """The terminal changes to ``size``: once it is large enough again,
        the keys that waited go on (when the screen has its focus back)."""
        from .small import too_small

        if self._queue and not too_small(size):
            self._grown_at = time.monotonic()
            self.app.call_later(self._tick)  # (once the app has taken its new size)

    def _laid_out(self, now: float) -> bool:
        """Whether the screen is back from a terminal too small: it has the
        focus again (or has had a moment to take it)."""
        return self.app.screen.focused is not None or now - self._grown_at >= MAX_HOLD

    async def deliver(self, event: events.Key) -> None:
        """Let the app handle ``event`` now (on its message loop)."""
        screen = self.app.screen
        focused = screen.focused
        typed_in_field = isinstance(focused, TEXT_INPUTS) and event.key != self.app.COMMAND_PALETTE_BINDING
        opener = not typed_in_field and event.key in self._opener_keys()
        if opener:
            # The key itself goes on now; what follows waits for its input.
            self._waiting = True
            self._since = time.monotonic()
            self._start_focus, self._start_screen = focused, screen
            self._tick()
        await self._dispatch(event)
        if opener:
            self._follow(focused or screen, self._settled)
        elif isinstance(focused, FOLLOWED):
            self._follow(focused)

    def _settled(self) -> None:
        """The opening key has been handled: if it opened nothing (refused:
        the palette already open, a terminal too small), stop waiting."""
        screen = self.app.screen
        if (
            self._waiting
            and not self._ready()
            and screen is self._start_screen
            and screen.focused is self._start_focus
        ):
            self._waiting = False

    def _follow(self, widget, then: Callable[[], None] | None = None) -> None:
        """Hold the next keys until ``widget`` and every node above it, up
        to the app, have handled what they have now (the key just sent,
        wherever it bubbles); then call ``then``."""
        token = self._busy = object()
        self._busy_since = time.monotonic()
        nodes = [node for node in widget.ancestors_with_self if node is not self.app]
        nodes.append(self.app)

        def step(index: int) -> None:
            if self._busy is not token:
                return
            if index == len(nodes):
                self._busy = None
                if then is not None:
                    then()
                self._tick()
                return
            if not nodes[index].call_later(step, index + 1):
                step(index + 1)  # (a node closing: nothing more comes from it)

        step(0)

    def _ready(self) -> bool:
        screen = self.app.screen
        focused = screen.focused
        if screen is not self._start_screen:
            # A dialog, the picker, the palette: once its field has the focus.
            return isinstance(focused, FOLLOWED) or not screen.is_modal
        return isinstance(focused, TEXT_INPUTS) and focused is not self._start_focus

    def _tick(self) -> None:
        """See what may go on now; poll while something waits."""
        now = time.monotonic()
        if self._waiting and (self._ready() or now - self._since >= MAX_HOLD):
            self._waiting = False
        if self._busy is not None and now - self._busy_since >= MAX_HOLD:
            self._busy = None  # (a key that never came back: go on)
        small = self._too_small()
        if small or (not self._waiting and self._busy is None and self._laid_out(now)):
            # (While too small, nothing to poll for: resized() looks again.)
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            if self._queue and not small:
                # On the app's message loop, after the keys queued there.
                self.app.call_later(self.release)
        elif self._timer is None:
            self._timer = self.app.set_interval(POLL, self._tick)

    async def release(self) -> None:
        """Hand the held keys over, in order, while nothing waits."""
        while self._queue and not self._waiting and self._busy is None and not self._too_small():
            await self.deliver(self._queue.popleft())
