"""The passage panel under the panes: every version of the current group.

One row per version: the outlet, its similarity to the other versions, and
its text with the words that differ from the reference wording marked (and
the reference's words it drops listed after it); under them, one row per
stretch that repeats a version inside its own article (a pull-quote),
saying where ("also repeated in Press TV at line 14").  The heading says whether
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
from textual.strip import Strip
from textual.widget import Widget

from ..export import flag_text, group_heading, listed_changes, read_changes, repeat_text
from ..marks import as_read
from ..text import plural, shown_similarity

if TYPE_CHECKING:
    from rich.color import Color

    from ..model import Alignment, Passage, Place
    from .colours import GroupColours

LABEL_WIDTH = 22

#: Whitespace a row shows as one space: line breaks, tabs (a row has no tab
#: stops) and the control characters a terminal would drop (a form feed
#: between two words would join them).  One character for one, so the word
#: offsets of :func:`.diff.word_diff` still apply.
_AS_SPACE = str.maketrans(dict.fromkeys("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029", " "))


def flagged_rows(alignment: Alignment | None, group_id: str | None) -> set[int]:
    """The rows (versions) of the group with a flagged change of their own."""
    if group_id is None or alignment is None:
        return set()
    try:
        group = alignment.group(group_id)
    except KeyError:
        return set()
    return {c.passage for c in group.changes if c.material}


def hidden_flags(
    rows: set[int],
    row_lines: list[tuple[int, int]],
    lines: list[Strip],
    offset: int,
    room: int,
    flag_color: Color | None = None,
) -> tuple[bool, bool]:
    """Whether some of the lines where one of ``rows`` lists its flagged
    change (from its ⚑ to the last line in ``flag_color``: a change
    wrapped over two lines) lie above, or below, the ``room`` lines shown
    from ``offset``."""
    above = below = False
    for row in rows:
        if row >= len(row_lines):
            continue
        first, last = row_lines[row]
        start = next((k for k in range(first, last + 1) if "⚑" in lines[k].text), last)
        end = start
        for k in range(start + 1, last + 1 if flag_color is not None else start + 1):
            if any(seg.style is not None and seg.style.color == flag_color and seg.text.strip() for seg in lines[k]):
                end = k
        above = above or start < offset
        below = below or end >= offset + room
    return above, below


def row_text(text: str) -> str:
    """A version's text as its row shows it: every space where the text has one."""
    return text.translate(_AS_SPACE)


class PassagePanel(Widget, can_focus=False):
    """What the current group's versions say, side by side in rows.

    A Line API widget of fixed height: the group is rendered to lines once
    per change (and per width), and its size never depends on the group, so
    a new group never needs a layout pass.  When the versions take more rows
    than the panel has, the heading stays put and the rows under it follow
    the current version (the ▶ one); J and K (shift+↓/↑) and the mouse
    wheel scroll them, and the top border says how many rows are out of
    sight.  However short the panel, the ▶ version keeps a row."""

    COMPONENT_CLASSES = {
        "passage-panel--heading",
        "passage-panel--label",
        "passage-panel--changed",
        "passage-panel--dropped",
        "passage-panel--hint",
        "passage-panel--kept",
        "passage-panel--note",
        "passage-panel--flag",
        "passage-panel--quote",
        "passage-panel--speaker",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._head: RenderableType = ""
        self._rows: list[RenderableType] = []  # one per version
        self._current_row: int | None = None  # which of _rows is the ▶ version
        self._flagged_rows: set[int] = set()  # the rows whose version carries a flagged change
        self._head_lines: list[Strip] = []
        self._body_lines: list[Strip] = []
        self._row_lines: list[tuple[int, int]] = []  # first and last body line of each row
        self._offset = 0  # first body line shown
        self._follow = True  # keep the current version in view (off once the wheel scrolls)
        self._built_for = 0  # the width the rows were built for

    def on_mount(self) -> None:
        self.watch(self.app, "alignment", self._changed, init=False)
        self.watch(self.app, "selection", self._changed, init=False)
        self.watch(self.app, "group_colours", self._changed, init=False)
        self.watch(self.app, "kept", self._kept_changed, init=False)
        self._changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self.call_later(self._changed)

    def on_resize(self) -> None:
        width = self.content_region.width
        if width != self._built_for and self._rows:
            self._changed()  # the label column is sized to the width
        else:
            self._render_lines()

    def _kept_changed(self, old: dict[str, str], new: dict[str, str]) -> None:
        group_id = self.app.current_group
        # (With none selected, the list of groups marks the kept ones.)
        if group_id is None or old.get(group_id) != new.get(group_id) or (group_id in old) != (group_id in new):
            self._changed()

    def _changed(self, *_: object) -> None:
        self._built_for = self.content_region.width
        self._head, self._rows, self._current_row = self.render_group()
        self._flagged_rows = flagged_rows(self.app.alignment, self.app.current_group)
        self._follow = True
        self._render_lines()

    @property
    def text(self) -> str:
        """The panel's whole text, shown or scrolled out of sight (for tests
        and screen readers)."""
        return "\n".join(strip.text.rstrip() for strip in self._head_lines + self._body_lines).rstrip()

    @property
    def shown_text(self) -> str:
        """The text the panel shows now."""
        return "\n".join(self.render_line(y).text.rstrip() for y in range(self.size.height)).rstrip()

    def _render_lines(self) -> None:
        region = self.content_region
        width = region.width
        if width <= 0:
            return
        console = self.app.console
        options = console.options.update(width=width, min_width=width, max_width=width, height=None)
        style = self.rich_style
        head = [Strip(line, width) for line in console.render_lines(self._head, options, style=style, pad=True)]
        if self._current_row is not None and self._rows:
            # The heading (a long note wraps) never takes the row the ▶
            # version needs: in a short panel (40×12) it is cut.
            head = head[: max(1, region.height - 1)]
        self._head_lines = head
        body: list[Strip] = []
        self._row_lines = []
        for row in self._rows:
            lines = console.render_lines(row, options, style=style, pad=True)
            self._row_lines.append((len(body), len(body) + len(lines) - 1))
            body.extend(Strip(line, width) for line in lines)
        self._body_lines = body
        if self._follow:
            self._offset = self._follow_offset()
        self._clamp()
        self.refresh()

    @property
    def _room(self) -> int:
        """Rows under the heading."""
        return max(0, self.content_region.height - len(self._head_lines))

    def _follow_offset(self) -> int:
        """The first body line to show so that the current version is in view
        (the rows before it as context, as far as there is room)."""
        room = self._room
        if self._current_row is None or len(self._body_lines) <= room or room <= 0:
            return 0
        first, last = self._row_lines[self._current_row]
        if self._offset <= first and last < self._offset + room:
            return self._offset  # already in view: don't move
        if last - first + 1 >= room:
            return first
        return max(0, last - room + 1) if first > self._offset else first

    def _clamp(self) -> None:
        most = max(0, len(self._body_lines) - self._room)
        self._offset = min(max(0, self._offset), most)
        above, below = self._offset, max(0, len(self._body_lines) - self._room - self._offset)
        title = ""
        if above or below:
            # A flagged version out of sight is said to be there: its change is what the reader must check.
            flag_color = self.get_component_rich_style("passage-panel--flag", partial=False).color
            hidden_above, hidden_below = hidden_flags(
                self._flagged_rows, self._row_lines, self._body_lines, self._offset, self._room, flag_color
            )
            parts = [
                f"▲ {above} more" + (" ⚑" if hidden_above else "") if above else "",
                f"▼ {below} more" + (" ⚑" if hidden_below else "") if below else "",
            ]
            keys = f"{self._key('panel-down')}/{self._key('panel-up')}"
            title = " · ".join(p for p in parts if p) + f" ({keys} or the wheel scrolls)"
        if self.border_title != title:
            self.border_title = title

    def _scroll(self, lines: int) -> None:
        before = self._offset
        self._offset += lines
        self._clamp()
        if self._offset != before:
            self._follow = False
            self.refresh()

    def scroll_rows(self, lines: int) -> None:
        """Scroll the versions under the heading (the reader's keys)."""
        self._scroll(lines)

    def on_mouse_scroll_down(self, event) -> None:
        event.stop()
        self._scroll(1)

    def on_mouse_scroll_up(self, event) -> None:
        event.stop()
        self._scroll(-1)

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        head = len(self._head_lines)
        if y < head:
            return self._head_lines[y]
        line = self._offset + y - head
        if y - head < self._room and line < len(self._body_lines):
            return self._body_lines[line]
        return Strip.blank(width, self.rich_style)

    def _key(self, binding_id: str) -> str:
        """The key in force for a binding (a ``[keys]`` setting changes it)."""
        from .help import key_label

        return key_label(self.app, binding_id) or binding_id

    def _keys_hint(self) -> str:
        key = self._key
        return (
            f"{key('next-passage')}/{key('previous-passage')} select a passage · "
            f"{key('next-outlet')}/{key('previous-outlet')} the same passage in the next outlet · "
            f"click a highlight · {key('keep')} keeps it · {key('command-palette')} jump · {key('help')} all keys"
        )

    def render_group(self) -> tuple[RenderableType, list[RenderableType], int | None]:
        """The heading, one renderable per version, and which version is the
        current one."""
        app = self.app
        alignment: Alignment | None = app.alignment
        # Whole styles (partial=False): a partial one leaves "auto" colours
        # ($text-muted is "auto 60%") unresolved, white on a light theme.
        heading_style = self.get_component_rich_style("passage-panel--heading", partial=False)
        hint_style = self.get_component_rich_style("passage-panel--hint", partial=False)
        if alignment is None:
            return Text("Aligning the articles…", style=hint_style), [], None
        group_id = app.current_group
        if group_id is None:
            # Not seven empty rows: the groups there are to read, one a row.
            return self._summary(alignment, heading_style, hint_style), self._group_rows(alignment), None
        try:
            group = alignment.group(group_id)
        except KeyError:
            return Text(""), [], None
        colours: GroupColours | None = app.group_colours.get(group.id)
        current: Place | None = app.current_version
        outlets = len(group.article_indexes)
        marker = colours.current_marker if colours else heading_style
        kept = group.id in app.kept
        kept_style = self.get_component_rich_style("passage-panel--kept", partial=False)
        flag_style = self.get_component_rich_style("passage-panel--flag", partial=False)
        head = Text.assemble(
            ("▌", marker),
            (" ★ kept ", kept_style) if kept else "",
            (" " if kept else "", heading_style),
            (group_heading(group), heading_style),
            (f" · ⚑ {flag_text(group)}" if group.flags else "", flag_style),
            (f" · {plural(len(group.passages), 'version')} in {plural(outlets, 'outlet')}", hint_style),
            (" · words unlike the most common wording marked" if group.kind == "variant" else "", hint_style),
        )
        # One row, cut to the width: in a short panel every row is wanted
        # for the versions.
        head.no_wrap = True
        head.overflow = "ellipsis"
        parts: list[RenderableType] = [head]
        if kept:
            note = app.kept.get(group.id, "")
            note_style = self.get_component_rich_style("passage-panel--note", partial=False)
            if note:
                parts.append(Text.assemble(("  Note: ", heading_style), (note, note_style)))
            else:
                key = self._key
                parts.append(Text(f"  no note yet · {key('note')} adds one · {key('save')} saves", style=hint_style))
        label_style = self.get_component_rich_style("passage-panel--label", partial=False)
        longest = max(len(alignment.articles[p.article].label) for p in group.passages) + 2
        # A narrow panel (40 columns) keeps room for the text beside the labels.
        room = self.content_region.width or 80
        width = max(6, min(LABEL_WIDTH, longest, room // 4))
        rows: list[RenderableType] = []
        current_row = None
        for index, (passage, diff) in enumerate(zip(group.passages, app.group_diffs.of(group))):
            is_current = current is not None and (current.article, current.start) == (passage.article, passage.start)
            if is_current:
                current_row = len(rows)
            label = Text(no_wrap=True, overflow="ellipsis")
            label.append("▶" if is_current else " ", style=marker)
            label.append(
                alignment.articles[passage.article].label,
                style=label_style + heading_style if is_current else label_style,
            )
            body = self._version_text(group, index, passage, diff)
            # One grid per version, all with the same columns: the rows line
            # up, and each row's lines are known (to keep the current one in view).
            table = Table.grid(padding=(0, 1), expand=True)
            table.add_column(width=width, no_wrap=True, overflow="ellipsis")
            table.add_column(width=3, justify="right", no_wrap=True)
            table.add_column(ratio=1)
            table.add_row(label, Text(shown_similarity(passage.similarity), style=hint_style), body)
            rows.append(table)
        for repeat in group.repeats:
            rows.append(repeat_row(alignment, repeat, width, label_style, hint_style))
        return RenderGroup(*parts), rows, current_row

    def _summary(self, alignment: Alignment, heading_style, hint_style) -> Text:
        """The panel's heading while no group is selected."""
        count = len(alignment.groups)
        arts = len(alignment.articles)
        if count == 0:
            if arts > 1:
                return Text(f"No passage is shared between these {arts} articles.", style=hint_style)
            return Text("Only one article: there is nothing to align it with.", style=hint_style)
        kept = len(self.app.kept)
        return Text.assemble(
            (f"{count} shared passage group{'' if count == 1 else 's'} across {arts} articles. ", heading_style),
            (f"{kept} kept. " if kept else "", heading_style),
            (self._keys_hint(), hint_style),
        )

    def _group_rows(self, alignment: Alignment) -> list[RenderableType]:
        """One row per group while none is selected: its id, ★ when it is
        kept, ⚑ when it is flagged, its kind, outlets and how its first
        version starts (n selects the first)."""
        label_style = self.get_component_rich_style("passage-panel--label", partial=False)
        hint_style = self.get_component_rich_style("passage-panel--hint", partial=False)
        kept_style = self.get_component_rich_style("passage-panel--kept", partial=False)
        flag_style = self.get_component_rich_style("passage-panel--flag", partial=False)
        kept = self.app.kept
        rows: list[RenderableType] = []
        for group in alignment.groups:
            colours = self.app.group_colours.get(group.id)
            row = Text(no_wrap=True, overflow="ellipsis")
            row.append("▌", style=colours.marker if colours else hint_style)
            row.append(f"{group.id:<4}", style=label_style)
            row.append("★" if group.id in kept else " ", style=kept_style)
            row.append("⚑" if group.flags else " ", style=flag_style)
            outlets = ", ".join(dict.fromkeys(alignment.articles[i].label for i in group.article_indexes))
            row.append(f" {group.kind}{' quote' if group.quote else ''} · {outlets} · ", style=hint_style)
            first = group.passages[0]
            row.append(f"“{row_text(as_read(alignment.articles[first.article], first)[0]).strip()}”")
            rows.append(row)
        return rows

    def _version_text(self, group, index: int, passage, diff) -> Text:
        """A version's words (changed ones marked), its speaker, and how it
        differs from the most common wording."""

        def style(name: str):
            return self.get_component_rich_style(f"passage-panel--{name}", partial=False)

        flag_style, dropped_style = style("flag"), style("dropped")
        # ❝ a direct quote in its own article; then its words, and who said them.
        body = Text("❝ " if passage.quoted else "", style=style("quote"))
        lead = len(body)
        article = self.app.alignment.articles[passage.article]
        # (A Markdown article's ** marks are left out, as the pane leaves them.)
        text, changed = as_read(article, passage, [(w.start, w.end) for w in diff.words if w.changed])
        body.append(row_text(text))
        changed_style = style("changed")
        for start, end in changed:
            body.stylize(changed_style, lead + start, lead + end)
        if passage.said_by:
            body.append(f" — {passage.said_by}", style=style("speaker"))
        changes = [c for c in group.changes if c.passage == index]
        if changes:
            # Material changes first (⚑), then added (and moved) words, then dropped ones; each once.
            # Each side's words without its own article's Markdown marks (read_changes).
            material, added, dropped = listed_changes(read_changes(self.app.alignment, group, changes), cut=60)
            if material:
                body.append("  ⚑ " + first_of(material), style=flag_style)
            if added:
                body.append("  " + first_of(added), style=dropped_style)
            if dropped:
                body.append(f"  drops {first_of(dropped)}", style=dropped_style)
        elif diff.dropped:
            phrases = [row_text(phrase) for phrase in diff.dropped[:4]]
            shown = " · ".join(f"“{phrase}”" for phrase in phrases) + (" …" if len(diff.dropped) > 4 else "")
            body.append(f"  drops {shown}", style=dropped_style)
        return body


#: Most changes of each kind a version's row lists (the report lists them all).
SHOWN_CHANGES = 4


def first_of(changes: list[str]) -> str:
    """The first :data:`SHOWN_CHANGES` of ``changes``, on one line, and "…"
    after them when there are more (none is left out without a trace)."""
    shown = " · ".join(row_text(c) for c in changes[:SHOWN_CHANGES])
    return shown + (" …" if len(changes) > SHOWN_CHANGES else "")


def repeat_row(alignment: Alignment, repeat: Passage, width: int, label_style, hint_style) -> Table:
    """A row for a stretch that repeats a version inside its own article:
    ↻ and the outlet, the repeat's similarity, where it is and its words."""
    article = alignment.articles[repeat.article]
    label = Text(no_wrap=True, overflow="ellipsis")
    label.append("↻", style=hint_style)
    label.append(article.label, style=label_style)
    body = Text(f"{repeat_text(article, repeat)}: ", style=hint_style)
    body.append(f"“{row_text(as_read(article, repeat)[0]).strip()}”")
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(width=width, no_wrap=True, overflow="ellipsis")
    table.add_column(width=3, justify="right", no_wrap=True)
    table.add_column(ratio=1)
    table.add_row(label, Text(shown_similarity(repeat.similarity), style=hint_style), body)
    return table
