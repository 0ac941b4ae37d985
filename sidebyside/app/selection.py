"""Synced selection: selecting a group brings its versions into view.

Whatever selects a group — ``n``/``p``, ``]``/``[``, the palette, a click,
the overview — sets the app's ``selection``; the reading screen follows it
here: every pane that holds a version of the group and does not show one
scrolls so that its first version is centred (as far as it fits), the focus
staying where it is; a pane holding none stays where it was.  With linked
scrolling on, the other panes follow the focused one instead (its version
level with the leader's), so nothing is done here.  A pane outside the
window of panes shown is scrolled when it is shown again.

Also: as soon as an alignment is in, the overview's table is worked out in
a thread and its screen made (composed and styled, not shown), so that
``m`` only has to show it.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ..model import Place

if TYPE_CHECKING:
    from ..model import Alignment, Place
    from .reader import ReaderScreen


class SelectionScreen(Screen[None]):
    """The reading screen's base: synced selection, and ``m`` (the overview).
    Textual calls each class's ``on_mount`` in turn and merges the classes'
    bindings, so the reading screen needs nothing more than to derive from it."""

    BINDINGS = [
        Binding("m", "overview", "Overview", id="overview", tooltip="Outlets × passages: flags, who was first"),
    ]

    def on_mount(self) -> None:
        follow(self)  # type: ignore[arg-type]

    def on_unmount(self) -> None:
        # The app is closing: what was set aside from the collector (see
        # set_aside_long_lived) is collectable again.
        gc.unfreeze()

    def action_overview(self) -> None:
        open_overview(self)  # type: ignore[arg-type]

    def reveal_group(self, group_id: str, article: int | None = None) -> None:
        """Select a group and bring its versions into view: the one in
        ``article`` (else in the focused pane, else the first) gets focus,
        every other shown pane with a version centres it too."""
        alignment = self.app.alignment  # type: ignore[attr-defined]
        if alignment is None:
            return
        group = alignment.group(group_id)
        versions = [Place(p.article, p.start, p.end) for p in group.passages]
        wanted = article if article is not None else self.focused_index  # type: ignore[attr-defined]
        main = next((v for v in versions if v.article == wanted), versions[0])
        self.app.select(group_id, main)  # type: ignore[attr-defined]
        self.reveal_version(main)  # type: ignore[attr-defined]
        self.row.reveal_all(versions, but=main.article)  # type: ignore[attr-defined]

    def _update_focus_styles(self, focused=None, blurred=None) -> None:
        # Textual's (Screen._update_focus_styles: on a focus change, restyle
        # the subtree under the outermost ancestor with a :focus-within rule,
        # an article pane here), leaving out the widgets no focus rule can
        # style: the pane's body (article_text.QuietFocus), whose restyling
        # (with its seven component classes) cost about 9 ms of each ] or tab.
        from .article_text import focus_restyles

        widgets: set = set()
        for widget in (focused, blurred):
            if widget is None:
                continue
            for node in reversed(widget.ancestors_with_self):
                if node._has_focus_within:
                    widgets.update(n for n in node.walk_children(with_self=True) if focus_restyles(n))
                    break
        if widgets:
            self.app.stylesheet.update_nodes(widgets, animate=True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # (The reading screen's own handler, for saving, is called as well.)
        if event.worker.group == "overview" and event.state == WorkerState.SUCCESS:
            alignment = self.app.alignment
            self.call_after_refresh(build_overview, self, alignment)
            # Reading across outlets moves between panes: the hidden ones wrapped ahead.
            self.call_after_refresh(self.row.prewrap_hidden)  # type: ignore[attr-defined]


def follow(reader: ReaderScreen) -> None:
    """Have ``reader`` follow the app's selection and prepare the overview."""
    app = reader.app
    reader.watch(app, "selection", lambda selection: bring_into_view(reader, selection), init=False)
    reader.watch(app, "alignment", lambda alignment: prepare_overview(reader, alignment), init=False)


def bring_into_view(reader: ReaderScreen, selection: tuple[str | None, Place | None]) -> None:
    group_id, version = selection
    app = reader.app
    alignment = app.alignment
    if group_id is None or alignment is None or app.linked or reader.marking_only:
        return
    try:
        group = alignment.group(group_id)
    except KeyError:
        return
    here = version.article if version is not None else None
    for index in group.article_indexes:
        if index == here:
            continue  # the selecting pane shows its own version
        body = reader.body(index)
        mine = [p for p in group.passages if p.article == index]
        if not any(body.in_view(p.start, p.end) for p in mine):
            body.reveal(mine[0].start, mine[0].end)


def prepare_overview(reader: ReaderScreen, alignment: Alignment | None) -> None:
    if alignment is None:
        return
    from .overview import coverage_of

    reader.run_worker(lambda: coverage_of(alignment), thread=True, group="overview", exclusive=True)


def build_overview(reader: ReaderScreen, alignment: Alignment | None) -> None:
    """Make the overview's screen ahead of ``m``, once the alignment is in:
    installed, then composed, mounted and styled the way ``push_screen``
    does it the first time (Textual's ``App._register``), but not shown.
    The first ``m`` then costs what every later one does."""
    app = reader.app
    if alignment is None or app.alignment is not alignment or app.is_screen_installed("overview"):
        return
    from .overview import OverviewScreen

    screen = OverviewScreen()
    app.install_screen(screen, "overview")
    start = getattr(app, "_register", None)
    if callable(start):  # (else it is made on the first m, as any screen)
        start(app, screen)


def lay_out_unseen(screen: Screen, passes: int = 4) -> None:
    """Lay a screen made ahead (the overview) out for the terminal's size and
    draw it while it is not shown, as Textual does for the screens under
    the current one when the terminal is resized (``Screen._refresh_layout``,
    then the compositor's full render), so that showing it first costs what
    showing it again does: one frame, from lines drawn already.  Laid out
    again while widgets taking their first sizes ask for it (the footer's
    keys, then the scroll bars), a few times at most; then ``screen.ready``."""
    lay_out = getattr(screen, "_refresh_layout", None)
    app = screen.app
    if screen.is_current or not app.size or not callable(lay_out):
        return
    if not app.screen_stack or not screen.is_attached or getattr(app, "_closing", False):
        return  # the app is closing (a timer may fire while its screens go)
    lay_out(screen.app.size)
    screen._layout_required = False  # (as Textual clears it after a layout: done)
    place = getattr(screen, "_place_cursor", None)
    if callable(place):
        place(False)
    compositor = getattr(screen, "_compositor", None)
    if compositor is not None:
        # Every widget draws its lines now, kept for the first frame (which,
        # when shown, redraws the whole screen anyway).
        compositor.render_update(full=True)
        screen._dirty_widgets.clear()
        screen._repaint_required = False
    screen.set_timer(0.05, lambda: _settle_unseen(screen, passes - 1))


def _settle_unseen(screen: Screen, passes: int) -> None:
    if passes > 0 and getattr(screen, "_layout_required", False):
        lay_out_unseen(screen, passes)
        return
    screen.ready = True  # type: ignore[attr-defined]
    set_aside_long_lived()


def set_aside_long_lived() -> None:
    """Once the articles, the alignment and the overview are made (they live
    as long as the app), set them aside from Python's cycle collector
    (``gc.freeze``): its full passes, over every object, took 100-250 ms
    here and fell on whatever key was being answered; from now on they go
    over what was made since.  Undone when the reading screen goes."""
    gc.freeze()


def open_overview(reader: ReaderScreen) -> None:
    """Show the overview (made ahead, or now; then shown again as it was left)."""
    app = reader.app
    if app.passages_unavailable():
        return
    from .overview import OverviewScreen

    if not app.is_screen_installed("overview"):
        app.install_screen(OverviewScreen(), "overview")
    app.push_screen("overview")
