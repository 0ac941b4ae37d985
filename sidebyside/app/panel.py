"""The passage panel under the panes: every version of the current group.

One row per version: the outlet, its similarity to the other versions, and
its text with the words that differ from the reference wording marked (and
the reference's words it drops listed after it).  The heading says whether
the group is verbatim or a variant, a direct quote or narrative, and how
alike its versions are; a kept group has a "kept" badge and its note under
the heading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..export import group_heading
from .diff import word_diff

if TYPE_CHECKING:
    from ..align import Alignment
    from .colours import GroupColours
    from .pane import Version

LABEL_WIDTH = 22

#: Whitespace a row shows as one space: line breaks, tabs (a row has no tab
#: stops) and the control characters a terminal would drop (a form feed
#: between two words would join them).  One character for one, so the word
#: offsets of :func:`.diff.word_diff` still apply.
_AS_SPACE = str.maketrans(dict.fromkeys("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029", " "))


def row_text(text: str) -> str:
    """A version's text as its row shows it: every space where the text has one."""
    return text.translate(_AS_SPACE)


class PassagePanel(ScrollView, can_focus=False):
    """What the current group's versions say, side by side in rows.

    A Line API widget: the group is rendered to lines once per change (and
    per width), and the scrollable height only changes by whole pages, so a
    new group never needs a layout pass."""

    COMPONENT_CLASSES = {
        "passage-panel--heading",
        "passage-panel--label",
        "passage-panel--changed",
        "passage-panel--dropped",
        "passage-panel--hint",
        "passage-panel--kept",
        "passage-panel--note",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._renderable: RenderableType = ""
        self._lines: list[Strip] = []

    def on_mount(self) -> None:
        self.watch(self.app, "alignment", self._changed, init=False)
        self.watch(self.app, "current_group", self._changed, init=False)
        self.watch(self.app, "current_version", self._changed, init=False)
        self.watch(self.app, "group_colours", self._changed, init=False)
        self.watch(self.app, "kept", self._kept_changed, init=False)
        self._changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self.call_later(self._changed)

    def on_resize(self) -> None:
        self._render_lines()

    def _kept_changed(self, old: dict[str, str], new: dict[str, str]) -> None:
        group_id = self.app.current_group
        if group_id is None or old.get(group_id) != new.get(group_id) or (group_id in old) != (group_id in new):
            self._changed()

    def _changed(self, *_: object) -> None:
        self._renderable = self.render_group()
        self._render_lines()
        self.scroll_to(y=0, animate=False, immediate=True)

    @property
    def text(self) -> str:
        """The panel's text, as shown (for tests and screen readers)."""
        return "\n".join(strip.text.rstrip() for strip in self._lines).rstrip()

    def _render_lines(self) -> None:
        region = self.scrollable_content_region
        width = region.width
        if width <= 0:
            return
        console = self.app.console
        options = console.options.update(width=width, min_width=width, max_width=width, height=None)
        style = self.rich_style
        lines = console.render_lines(self._renderable, options, style=style, pad=True)
        self._lines = [Strip(line, width) for line in lines]
        page = max(1, region.height)
        height = max(page, -(-len(lines) // page) * page)
        if self.virtual_size != Size(width, height):
            self.virtual_size = Size(width, height)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_offset.y) + y
        if row < len(self._lines):
            return self._lines[row]
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def render_group(self):
        app = self.app
        alignment: Alignment | None = app.alignment
        # Whole styles (partial=False): a partial one leaves "auto" colours
        # ($text-muted is "auto 60%") unresolved, white on a light theme.
        heading_style = self.get_component_rich_style("passage-panel--heading", partial=False)
        hint_style = self.get_component_rich_style("passage-panel--hint", partial=False)
        if alignment is None:
            return Text("Aligning the articles…", style=hint_style)
        group_id = app.current_group
        if group_id is None:
            count = len(alignment.groups)
            arts = len(alignment.articles)
            if count == 0:
                return Text(
                    f"No passage is shared between these {arts} articles."
                    if arts > 1
                    else "Only one article: there is nothing to align it with.",
                    style=hint_style,
                )
            kept = len(app.kept)
            return Text.assemble(
                (f"{count} shared passage groups across {arts} articles. ", heading_style),
                (f"{kept} kept. " if kept else "", heading_style),
                ("n/p select a passage · ]/[ the same passage in the next outlet · "
                 "click a highlight · space keeps it · ctrl+p jump · ? all keys", hint_style),
            )
        try:
            group = alignment.group(group_id)
        except KeyError:
            return Text("")
        colours: GroupColours | None = app.group_colours.get(group.id)
        current: Version | None = app.current_version
        outlets = len(group.article_indexes)
        marker = colours.current_marker if colours else heading_style
        kept = group.id in app.kept
        kept_style = self.get_component_rich_style("passage-panel--kept", partial=False)
        head = Text.assemble(
            ("▌", marker),
            (" ★ kept ", kept_style) if kept else "",
            (" " if kept else "", heading_style),
            (group_heading(group), heading_style),
            (f" · {len(group.passages)} versions in {outlets} outlets", hint_style),
            (" · words unlike the most common wording marked" if group.kind == "variant" else "", hint_style),
        )
        parts: list[RenderableType] = [head]
        if kept:
            note = app.kept.get(group.id, "")
            note_style = self.get_component_rich_style("passage-panel--note", partial=False)
            if note:
                parts.append(Text.assemble(("  Note: ", heading_style), (note, note_style)))
            else:
                parts.append(Text("  no note yet · a adds one · s saves", style=hint_style))
        diffs = word_diff([p.text for p in group.passages], [p.similarity for p in group.passages])
        label_style = self.get_component_rich_style("passage-panel--label", partial=False)
        changed_style = self.get_component_rich_style("passage-panel--changed", partial=False)
        dropped_style = self.get_component_rich_style("passage-panel--dropped", partial=False)
        width = min(LABEL_WIDTH, max(len(alignment.articles[p.article].label) for p in group.passages) + 2)
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(width=width, no_wrap=True, overflow="ellipsis")
        table.add_column(width=3, justify="right", no_wrap=True)
        table.add_column(ratio=1)
        for passage, diff in zip(group.passages, diffs):
            is_current = current is not None and (current.article, current.start) == (passage.article, passage.start)
            label = Text(no_wrap=True, overflow="ellipsis")
            label.append("▶" if is_current else " ", style=marker)
            label.append(
                alignment.articles[passage.article].label,
                style=label_style + heading_style if is_current else label_style,
            )
            body = Text(row_text(passage.text))
            for word in diff.words:
                if word.changed:
                    body.stylize(changed_style, word.start, word.end)
            if diff.dropped:
                shown = " ".join(diff.dropped[:8]) + (" …" if len(diff.dropped) > 8 else "")
                body.append(f"  [drops: {shown}]", style=dropped_style)
            table.add_row(label, Text(f"{passage.similarity:.0f}", style=hint_style), body)
        return RenderGroup(*parts, table)
