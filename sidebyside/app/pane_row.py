"""The row of article panes: which are shown side by side, and linked
scrolling between the shown ones.

As many panes are shown as fit at about :data:`MIN_PANE_WIDTH` columns
each: a window over the articles, kept around the pane the reader is in.
The others stay mounted, hidden, with their scroll position.
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.geometry import Size
from textual.worker import get_current_worker

from ..model import Place
from .pane import ArticleBody, ArticlePane
from .wrap import wrap_article

MIN_PANE_WIDTH = 40  # columns a pane needs to be legible
MIN_SIZE = Size(40, 10)  # below this, only a "too small" message


def size_classes(size: Size) -> list[str]:
    """The reading screen's classes for a terminal of ``size``."""
    classes = []
    if size.width < MIN_SIZE.width or size.height < MIN_SIZE.height:
        classes.append("-too-small")
    if size.height < 30:
        classes.append("-short")
    return classes


def other_version(versions: list[Place], current: Place | None, here: int, direction: int) -> Place:
    """The version ``]`` (``direction`` 1) or ``[`` (-1) moves to from
    ``current`` (one of ``versions``, in article order, round the ends);
    from none, the next one after (or before) the pane ``here``."""
    if current is not None:
        return versions[(versions.index(current) + direction) % len(versions)]
    if direction > 0:
        return next((v for v in versions if v.article > here), versions[0])
    return next((v for v in reversed(versions) if v.article < here), versions[-1])


class PaneRow(Horizontal):
    """The article panes, a window of them shown."""

    def __init__(self, count: int, width: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.count = count  # articles
        self.first = 0  # the first pane shown
        self.shown = self.fitting(width)  # how many are shown

    def fitting(self, width: int) -> int:
        """How many panes fit side by side in ``width`` columns."""
        return max(1, min(self.count, width // MIN_PANE_WIDTH))

    @property
    def visible(self) -> range:
        return range(self.first, min(self.first + self.shown, self.count))

    @property
    def panes(self) -> list[ArticlePane]:
        return list(self.query(ArticlePane))

    def body(self, index: int) -> ArticleBody:
        return self.query_one(f"#body-{index}", ArticleBody)

    def show_window(self, first: int, keep: int) -> bool:
        """Show the panes from ``first`` on, moved as little as needed to
        show pane ``keep``; True if the window moved."""
        count, k = self.count, self.shown
        first = max(0, min(first, count - k))
        if not first <= keep < first + k:
            first = max(0, min(keep if keep < first else keep - k + 1, count - k))
        changed = first != self.first
        self.first = first
        for pane in self.panes:
            shown = first <= pane.index < first + k
            if pane.display != shown:
                pane.display = shown
        return changed

    def shifted(self, direction: int, index: int) -> tuple[int, int]:
        """The window one pane further (``direction`` ±1), and the pane to be
        in then: ``index`` while it is still shown, else the nearest shown."""
        k = self.shown
        first = max(0, min(self.first + direction, self.count - k))
        keep = index if first <= index < first + k else (first if direction > 0 else first + k - 1)
        return first, keep

    def prewrap_hidden(self) -> None:
        """Wrap the hidden panes' articles, in a thread, to the widths the
        shown ones have: moving the window of panes (``]``, tab, ``>``)
        then shows a pane without wrapping its text first (10-20 ms for
        50,000 characters, each pane's first time)."""
        widths = {b.text_width for b in (self.body(i) for i in self.visible) if b.wrapped is not None}
        jobs = []
        for pane in self.panes:
            if not pane.display:
                body = pane.body
                for width in sorted(widths):
                    key = body.wrapping_missing(width)
                    if key is not None:
                        jobs.append((body, key))
        if jobs:
            self.run_worker(
                lambda: _wrap_each(self, jobs), thread=True, group="prewrap-hidden", exclusive=True, exit_on_error=False
            )

    def reveal_all(self, versions: list[Place], but: int) -> None:
        """Centre its first of ``versions`` in every shown pane but ``but``."""
        for index in self.visible:
            mine = [v for v in versions if v.article == index]
            if index != but and mine:
                self.body(index).reveal(mine[0].start, mine[0].end)

    def sync(self, leader_index: int, current: Place | None) -> None:
        """Scroll the other shown panes so that their version of the group
        nearest the top of the leading pane (the selected group ``current``,
        while it is in view there) sits on the same screen row."""
        leader = self.body(leader_index)
        rows = leader.passage_rows()
        if not rows:
            return
        top = int(leader.scroll_y)
        by_distance = sorted(rows, key=lambda r: abs(r[0] - top))
        # The selected passage, while in view, is the anchor above all others.
        if current is not None and current.article == leader.index and leader.in_view(current.start, current.end):
            chosen = [r for r in rows if r[2] == current]
            by_distance = chosen + [r for r in by_distance if r[2] != current]
        for index in self.visible:
            if index == leader.index:
                continue
            other = self.body(index)
            if other.wrapped is None:
                continue
            found = next(((row, v) for row, gid, _ in by_distance if (v := other.versions(gid))), None)
            if found is None:
                continue
            row, versions = found
            screen_row = row - top
            other_top = int(other.scroll_y)
            other_rows = [other.rows_of(v.start, v.end)[0] for v in versions]
            anchor = min(other_rows, key=lambda r: abs(r - (other_top + screen_row)))
            other.follow(anchor - screen_row)


def _wrap_each(row: PaneRow, jobs: list[tuple[ArticleBody, tuple[int, bool]]]) -> None:
    """(In a worker's thread.) Wrap each body's article and hand the result
    to the body on the event loop."""
    worker = get_current_worker()
    for body, key in jobs:
        if worker.is_cancelled:
            return
        wrapped = wrap_article(body.article, *key)
        row.app.call_from_thread(body.add_wrapping, key, wrapped)
