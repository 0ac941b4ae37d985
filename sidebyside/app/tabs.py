"""The strip of outlet names above the panes when not all of them fit:
the ones shown are marked, the focused one stands out, and a click on a
name brings its pane into view.  When the names don't all fit in the strip,
the ones nearest the focused pane are kept."""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.color import Color
from textual.content import Content
from textual.style import Style
from textual.widgets import Static


class PaneTabs(Static):
    """One tab per article; the screen tells it what is shown."""

    COMPONENT_CLASSES = {"pane-tabs--shown", "pane-tabs--focused", "pane-tabs--hidden", "pane-tabs--info"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._state: tuple[list[str], int, int, int | None] | None = None
        self._shown: tuple | None = None  # what is drawn: text and styles

    def _style(self, name: str) -> Style:
        # partial=False: "auto" colours ($text-muted) resolve against the strip's background.
        rich_style = self.get_component_rich_style(name, partial=False)
        if self.get_component_rich_style(name, partial=True).bgcolor is not None:
            # A tab with a background of its own (the focused one): its text
            # is black or white, whichever reads on that background.
            background = Color.from_rich_color(rich_style.bgcolor)
            rich_style += RichStyle(color=background.get_contrast_text(1.0).rich_color)
        return Style.from_rich_style(rich_style)

    @property
    def link_style(self) -> RichStyle:
        # Every tab is a link (a click shows its pane), but the link colour
        # ($link-color, light grey) must not paint over the tab's own: on the
        # focused tab's orange it was 1.5:1.
        return RichStyle()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A new theme: the same tabs, other colours.
        self._shown = None
        if self.is_mounted:
            self.call_later(self._draw)

    def show_state(self, labels: list[str], first: int, count: int, focused: int | None) -> None:
        self._state = (labels, first, count, focused)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._state is None:
            return
        labels, first, count, focused = self._state
        shown = self._style("pane-tabs--shown")
        hot = self._style("pane-tabs--focused")
        hidden = self._style("pane-tabs--hidden")
        info = self._style("pane-tabs--info")
        last = min(first + count, len(labels))
        where = f"{first + 1}–{last}" if last - first > 1 else f"{first + 1}"
        head = Content.styled(f" {where} of {len(labels)} ", info)
        tabs = []
        for i, label in enumerate(labels):
            style = hot if i == focused else shown if first <= i < last else hidden
            tab = Content.from_markup(f"[@click=screen.show_pane({i})] {i + 1} $label [/]", label=label)
            tabs.append(tab.stylize(style))
        # Keep the tabs of the panes shown (as many as fit, the focused one
        # first), then their neighbours, as far as the width allows.
        room = max(0, self.size.width - head.cell_length - 2) if self.size.width else 10_000
        centre = focused if focused is not None and first <= focused < last else first
        lo = hi = centre
        used = tabs[centre].cell_length + 1
        for j in [*range(centre + 1, last), *range(centre - 1, first - 1, -1)]:
            if used + tabs[j].cell_length + 1 > room:
                break
            used += tabs[j].cell_length + 1
            lo, hi = min(lo, j), max(hi, j)
        while True:
            grew = False
            for j in (hi + 1, lo - 1):
                if 0 <= j < len(tabs) and not lo <= j <= hi and used + tabs[j].cell_length + 1 <= room:
                    used += tabs[j].cell_length + 1
                    lo, hi = min(lo, j), max(hi, j)
                    grew = True
            if not grew:
                break
        parts = [head, Content.styled("…" if lo > 0 else " ", info)]
        parts += [Content(" ").join(tabs[lo : hi + 1])]
        if hi < len(tabs) - 1:
            parts.append(Content.styled(" …", info))
        content = Content("").join(parts)
        # Content's == compares the text only: a focus moving between tabs
        # changes the styles alone.
        shown = (content.plain, tuple(content.spans))
        if shown != self._shown:
            self._shown = shown
            self.update(content, layout=False)  # one row, always
