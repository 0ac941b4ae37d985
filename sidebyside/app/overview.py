"""The overview: the whole story at once.

One row per passage group in story order, one column per outlet (by date
when the articles are dated): does the outlet carry the passage word for
word (●), as a variant (◐ and its similarity) or not at all (·); is its
version a direct quote (❝); did it carry it first (¹).  Each row shows the
passage's most common wording, its speaker and its flags (⚑: what a
fact-checker must look at).  Filters narrow the rows (quotes, variants,
flagged, carried by at least N outlets); ``h`` lists each outlet's own
paragraphs, the ones no other outlet carries.  Enter on a row, or on an
outlet's cell, goes back to reading with that group selected in that
outlet's pane.

The table is Textual's :class:`~textual.widgets.DataTable` (it draws only
the rows on screen, and keeps the group and passage columns fixed while
the outlet columns scroll); the data is :mod:`sidebyside.coverage`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..coverage import FLAG_LABELS, FLAG_SHORT, Cell, Coverage, OnlyHere, Row, coverage

if TYPE_CHECKING:
    from ..model import Alignment, Place
    from .app import SideBySideApp

CELL_WIDTH = 8  # "❝ ◐ 82 ¹"
OUTLET_WIDTH = 12  # an outlet's column at most
GROUP_WIDTH = 5  # "▶ g12"


@dataclass(frozen=True)
class Filters:
    quotes: bool = False
    variants: bool = False
    flagged: bool = False
    min_outlets: int = 1
    only_here: bool = False

    def keep(self, row: Row) -> bool:
        return (
            (not self.quotes or row.quoted)
            and (not self.variants or row.variant)
            and (not self.flagged or bool(row.flags))
            and row.outlets >= self.min_outlets
        )

    @property
    def active(self) -> bool:
        return self != Filters(only_here=self.only_here)


class OverviewTable(DataTable, inherit_bindings=True):
    """The table, with the styles of its marks as component classes."""

    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "overview--verbatim",
        "overview--variant",
        "overview--absent",
        "overview--quote",
        "overview--first",
        "overview--flag",
        "overview--speaker",
        "overview--current",
        "overview--only",
        "overview--muted",
    }

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"overview--{name}", partial=False)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


class OverviewScreen(Screen[None]):
    """Outlets × passage groups, filters, and jumps back into the reading view."""

    BINDINGS = [
        Binding("m,escape", "close", "Back", id="overview-close", tooltip="Back to the reading view"),
        Binding(
            "quotation_mark",
            "toggle('quotes')",
            "Quotes",
            key_display='"',
            id="overview-quotes",
            tooltip="Only passages some outlet quotes directly",
        ),
        Binding(
            "v", "toggle('variants')", "Variants", id="overview-variants", tooltip="Only passages whose wording differs"
        ),
        Binding("f", "toggle('flagged')", "Flagged", id="overview-flagged", tooltip="Only passages flagged ⚑ to check"),
        Binding(
            "plus,equals_sign",
            "min_outlets(1)",
            "More outlets",
            key_display="+",
            id="overview-more-outlets",
            tooltip="Only passages carried by at least one outlet more",
        ),
        Binding(
            "minus",
            "min_outlets(-1)",
            "Fewer",
            key_display="-",
            id="overview-fewer-outlets",
            show=False,
            tooltip="Allow passages carried by one outlet fewer",
        ),
        Binding("h", "only_here", "Only here", id="overview-only-here", tooltip="List each outlet's own paragraphs"),
        Binding("0", "clear_filters", "All", id="overview-clear", show=False, tooltip="Clear the filters"),
    ]

    COMPONENT_CLASSES = {"overview-screen--on", "overview-screen--off"}

    app: SideBySideApp

    def __init__(self) -> None:
        super().__init__(id="overview")
        self.filters = Filters()
        self._coverage: Coverage | None = None
        self._alignment: Alignment | None = None
        self._rows: dict[str, Row | OnlyHere] = {}  # row key -> what it shows
        self._layout_width = 0

    def compose(self) -> ComposeResult:
        yield Static(id="overview-title", markup=False)
        yield Static(id="overview-filters", markup=False)
        yield OverviewTable(
            id="overview-table",
            cursor_type="cell",
            zebra_stripes=True,
            fixed_columns=2,
            cursor_foreground_priority="renderable",
        )
        yield Static(id="overview-only", markup=False)
        yield Static(id="overview-legend", markup=False)
        yield Footer(compact=True)

    @property
    def table(self) -> OverviewTable:
        return self.query_one(OverviewTable)

    def on_mount(self) -> None:
        self.refresh_table()
        self.table.focus()
        self.refresh_bindings()

    def on_screen_resume(self) -> None:
        if self._alignment is not self.app.alignment:
            self.refresh_table()
        else:
            self._place_cursor()
        self.table.focus()

    def on_resize(self, event) -> None:
        if self._layout_width and abs(event.size.width - self._layout_width) >= 1:
            self.refresh_table(keep_cursor=True)

    # --- building ---------------------------------------------------------------------

    @property
    def coverage(self) -> Coverage | None:
        alignment = self.app.alignment
        if alignment is None:
            return None
        if self._coverage is None or self._alignment is not alignment:
            self._coverage = coverage(alignment)
            self._alignment = alignment
        return self._coverage

    def refresh_table(self, keep_cursor: bool = False) -> None:
        table = self.table
        where = table.cursor_coordinate if keep_cursor else None
        table.clear(columns=True)
        self._rows = {}
        cov = self.coverage
        self._layout_width = self.size.width
        title = self.query_one("#overview-title", Static)
        if cov is None:
            title.update("Overview · still aligning the articles…")
            return
        alignment = self.app.alignment
        arts = alignment.articles
        width = max(40, self.size.width or self.app.size.width) - 2  # the table's scroll bar
        narrow = width < 100
        speaker_w, flags_w = (10, 10) if narrow else (14, 16)
        least = 16 if narrow else 30  # the passage's column at least
        rest = width - (GROUP_WIDTH + 2) - (speaker_w + 2) - (flags_w + 2) - least
        # Outlet columns as wide as their labels (up to OUTLET_WIDTH) while
        # the passage keeps its room, else as wide as a cell.
        outlet_widths = [max(CELL_WIDTH, min(OUTLET_WIDTH, len(arts[a].label))) for a in cov.columns]
        if sum(w + 2 for w in outlet_widths) > rest:
            outlet_widths = [CELL_WIDTH] * len(cov.columns)
        cells = sum(w + 2 for w in outlet_widths)
        passage_w = max(least, min(72, rest + least - cells))
        # The group, its wording and its flags stay put; speaker and outlets scroll.
        table.fixed_columns = 3
        table.add_column("group", width=GROUP_WIDTH, key="group")
        table.add_column("passage (most common wording)", width=passage_w, key="passage")
        table.add_column("flags", width=flags_w, key="flags")
        table.add_column("speaker", width=speaker_w, key="speaker")
        for a, w in zip(cov.columns, outlet_widths):
            table.add_column(Text(_cut(arts[a].label, w), no_wrap=True), width=w, key=f"o{a}")
        shown = 0
        if self.filters.only_here:
            for a in cov.columns:
                for item in cov.only_here.get(a, ()):
                    key = f"only:{item.place.article}:{item.place.start}"
                    self._rows[key] = item
                    table.add_row(*self._only_cells(cov, item, passage_w), key=key)
                    shown += 1
        else:
            for row in cov.rows:
                if not self.filters.keep(row):
                    continue
                self._rows[row.group.id] = row
                table.add_row(*self._group_cells(cov, row, passage_w, speaker_w, flags_w), key=row.group.id)
                shown += 1
        self._update_texts(cov, shown)
        if where is not None and table.row_count:
            table.move_cursor(row=min(where.row, table.row_count - 1), column=where.column, animate=False)
        else:
            self._place_cursor()

    def _group_cells(self, cov: Coverage, row: Row, passage_w: int, speaker_w: int, flags_w: int) -> list[Text]:
        table = self.table
        current = self.app.current_group == row.group.id
        ident = Text(("▶" if current else " ") + row.group.id, no_wrap=True)
        if current:
            ident.stylize(table.style_of("current"))
        wording = Text(_cut(row.wording, passage_w), no_wrap=True)
        speaker = Text(
            _cut(row.speaker or "—", speaker_w),
            no_wrap=True,
            style=table.style_of("speaker" if row.speaker else "muted"),
        )
        if row.flags:
            long = " ".join(FLAG_LABELS[f] for f in row.flags)
            words = long if len(long) + 2 <= flags_w else " ".join(FLAG_SHORT[f] for f in row.flags)
            flags = Text(_cut("⚑ " + words, flags_w), no_wrap=True, style=table.style_of("flag"))
        else:
            flags = Text("")
        out = [ident, wording, flags, speaker]
        out += [self._cell(row.cells.get(a), cov.dated) for a in cov.columns]
        return out

    def _cell(self, cell: Cell | None, dated: bool) -> Text:
        table = self.table
        if cell is None:
            return Text(" ·", style=table.style_of("absent"), no_wrap=True)
        text = Text(no_wrap=True)
        text.append("❝" if cell.quoted else " ", style=table.style_of("quote"))
        if cell.status == "verbatim":
            text.append("●", style=table.style_of("verbatim"))
        else:
            text.append(f"◐{cell.similarity:3.0f}", style=table.style_of("variant"))
        if cell.first and dated:
            text.append(" ¹", style=table.style_of("first"))
        return text

    def _only_cells(self, cov: Coverage, item: OnlyHere, passage_w: int) -> list[Text]:
        table = self.table
        out = [
            Text(" —", style=table.style_of("muted")),
            Text(_cut(item.text, passage_w), no_wrap=True),
            Text(""),
            Text(""),
        ]
        for a in cov.columns:
            if a == item.place.article:
                out.append(Text(" ◆ only", style=table.style_of("only"), no_wrap=True))
            else:
                out.append(Text(" ·", style=table.style_of("absent")))
        return out

    def _update_texts(self, cov: Coverage, shown: int) -> None:
        alignment = self.app.alignment
        arts = alignment.articles
        total = len(cov.rows)
        dated = sum(1 for a in arts if getattr(a, "date", None))
        outlets = f"{len(arts)} outlets" + (" by date" if dated >= 2 else "")
        if self.filters.only_here:
            mine = sum(len(v) for v in cov.only_here.values())
            head = f"Overview · only here: {mine} paragraphs no other outlet carries · {outlets}"
        else:
            flagged = sum(1 for r in cov.rows if r.flags)
            head = f"Overview · {shown} of {total} passage groups · {flagged} flagged ⚑ · {outlets}"
        self.query_one("#overview-title", Static).update(Text(head, no_wrap=True, overflow="ellipsis"))
        f = self.filters
        chips = Text(no_wrap=True, overflow="ellipsis")
        on_style = self.get_component_rich_style("overview-screen--on", partial=False)
        off_style = self.get_component_rich_style("overview-screen--off", partial=False)
        items = [
            (self._key("overview-quotes"), "quotes", f.quotes),
            (self._key("overview-variants"), "variants", f.variants),
            (self._key("overview-flagged"), "flagged", f.flagged),
            (
                f"{self._key('overview-more-outlets')}/{self._key('overview-fewer-outlets')}",
                f"carried by ≥{f.min_outlets}",
                f.min_outlets > 1,
            ),
            (self._key("overview-only-here"), "only here", f.only_here),
        ]
        chips.append("Filters ", style=off_style)
        for key, label, active in items:
            chips.append(f" {key} {label} ", style=on_style if active else off_style)
            chips.append(" ")
        self.query_one("#overview-filters", Static).update(chips)
        counts = " · ".join(f"{arts[a].label} {len(cov.only_here.get(a, ()))}" for a in cov.columns)
        self.query_one("#overview-only", Static).update(
            Text(
                f"Only here ({self._key('overview-only-here')} lists them): {counts}", no_wrap=True, overflow="ellipsis"
            )
        )
        legend = "● word for word  ◐ variant, similarity  · not carried  ❝ direct quote  ⚑ check"
        if any(r.first_seen for r in cov.rows):
            legend += "  ¹ first seen"
        self.query_one("#overview-legend", Static).update(Text(legend, no_wrap=True, overflow="ellipsis"))

    def _key(self, binding_id: str) -> str:
        """The key in force for a binding (after the reader's [keys] settings)."""
        for _, binding, _, _ in self.active_bindings.values():
            if binding.id == binding_id:
                return binding.key_display or self.app.get_key_display(binding)
        for binding in self.BINDINGS:
            if binding.id == binding_id:
                return binding.key_display or binding.key.split(",")[0]
        return "?"

    def _place_cursor(self) -> None:
        """On the current group's row, in the focused pane's column."""
        table = self.table
        if not table.row_count:
            return
        group_id = self.app.current_group
        row = 0
        if group_id is not None and group_id in self._rows:
            row = table.get_row_index(group_id)
        column = 0
        reader = self.app.screen_stack[0] if self.app.screen_stack else None
        focused = getattr(reader, "focused_index", None)
        if focused is not None and group_id is not None:
            try:
                column = table.get_column_index(f"o{focused}")
            except Exception:
                column = 0
        table.move_cursor(row=row, column=column, animate=False, scroll=True)

    # --- actions --------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle(self, name: str) -> None:
        current = getattr(self.filters, name)
        self.filters = _with(self.filters, **{name: not current, "only_here": False})
        self.refresh_table()

    def action_min_outlets(self, step: int) -> None:
        most = max(1, len(self.app.articles))
        value = max(1, min(most, self.filters.min_outlets + step))
        self.filters = _with(self.filters, min_outlets=value, only_here=False)
        self.refresh_table()

    def action_only_here(self) -> None:
        self.filters = _with(self.filters, only_here=not self.filters.only_here)
        self.refresh_table()

    def action_clear_filters(self) -> None:
        self.filters = Filters()
        self.refresh_table()

    @on(DataTable.CellSelected)
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        key = event.cell_key.row_key.value
        column = event.cell_key.column_key.value or ""
        item = self._rows.get(key or "")
        if item is None:
            return
        article = int(column[1:]) if column.startswith("o") else None
        self.jump(item, article)

    def jump(self, item: Row | OnlyHere, article: int | None = None) -> None:
        """Back to reading: the group selected (its version in ``article``'s
        pane when that outlet carries it), or an outlet's own paragraph."""
        reader = self.app.screen_stack[0]
        self.dismiss(None)
        if isinstance(item, OnlyHere):
            place: Place = item.place
            reader.reveal_version(place)
            return
        carriers = item.group.article_indexes
        if article not in carriers:
            focused = getattr(reader, "focused_index", None)
            article = focused if focused in carriers else carriers[0]
        reader.reveal_group(item.group.id, article)


def _with(filters: Filters, **changes) -> Filters:
    from dataclasses import replace

    return replace(filters, **changes)
