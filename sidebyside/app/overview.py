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

The table is a Line API grid (:mod:`.grid`: it draws only the rows on
screen, and keeps the group, wording and flags columns fixed while the
speaker and outlet columns scroll); the data is :mod:`sidebyside.coverage`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ..coverage import FLAG_LABELS, FLAG_SHORT, Cell, Coverage, OnlyHere, Row, coverage
from ..text import clip, shown_similarity
from .footer import ReaderFooter
from .grid import Column, Grid, GridRow

if TYPE_CHECKING:
    from ..model import Alignment, Place
    from .app import SideBySideApp

CELL_WIDTH = 8  # "❝ ◐ 82 ¹"
OUTLET_WIDTH = 12  # an outlet's column at most
GROUP_WIDTH = 5  # "▶ g12"
OUTLETS_FROM = 4  # the first outlet's column (after group, passage, flags and speaker)


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


class OverviewTable(Grid):
    """The grid, with the styles of the overview's marks as component classes."""

    COMPONENT_CLASSES = Grid.COMPONENT_CLASSES | {
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


class OverviewScreen(Screen[None]):
    """Outlets × passage groups, filters, and jumps back into the reading view."""

    # Under 16 rows (40x12) the legend and the only-here counts give their rows to the groups.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-tall")]
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
        # (Before +: at 80 columns the keys after it are not drawn, and 0 undoes every filter.)
        Binding("0", "clear_filters", "All rows", id="overview-clear", tooltip="Clear the filters: every row"),
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
    ]

    COMPONENT_CLASSES = {"overview-screen--on", "overview-screen--off"}

    app: SideBySideApp

    def __init__(self) -> None:
        super().__init__(id="overview")
        self.filters = Filters()
        self._rows: dict[str, Row | OnlyHere] = {}  # row key -> what it shows
        self._layout_width = 0
        self._shown: tuple | None = None  # what the table was built for
        self._styled_at: int | None = None  # the app's stylesheet generation the widgets were styled in
        self._flags_w = 0  # the flags column's width the rows were made for
        self.ready = False  # made ahead: laid out and drawn while not shown (selection.lay_out_unseen)

    def compose(self) -> ComposeResult:
        yield Static(id="overview-title", markup=False)
        yield Static(id="overview-filters", markup=False)
        yield OverviewTable(id="overview-table", fixed=3)
        yield Static(id="overview-detail", markup=False)
        yield Static(id="overview-only", markup=False)
        yield Static(id="overview-legend", markup=False)
        yield ReaderFooter(compact=True)

    @property
    def table(self) -> OverviewTable:
        return self.query_one(OverviewTable)

    def on_mount(self) -> None:
        self._styled_at = _stylesheet_generation(self.app)
        if not self.query(OverviewTable):
            return  # made ahead and torn down before its widgets came (the app closing)
        self.refresh_table()
        self.table.focus()
        if not self.is_current:
            from .selection import lay_out_unseen

            # Once the footer's keys and the texts are in (they ask for a layout).
            self.set_timer(0.2, lambda: lay_out_unseen(self))


    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Called before Textual's own handler (Screen._on_screen_resume),
        # which restyles every widget of a screen pushed again (20 ms and a
        # redraw of every row here).  Unless the stylesheet changed since
        # they were styled (a theme: Textual counts each change), the widgets'
        # styles are as they were: that restyling is skipped.
        generation = _stylesheet_generation(self.app)
        if generation is not None and generation == self._styled_at:
            event.refresh_styles = False
        self._styled_at = generation
        # Back from reading: the current group (marked ▶) may have changed.
        shown = self._shown
        if shown is not None and shown[0] == id(self.app.alignment) and shown[2:] == self._signature()[2:]:
            if shown[1] != self.app.current_group:
                self._mark_current(shown[1], self.app.current_group)
            self._place_cursor()
        else:
            self.refresh_table()
        if self.focused is not self.table:
            self.table.focus()  # (which redraws it: not when it has the focus)

    def _signature(self) -> tuple:
        return (id(self.app.alignment), self.app.current_group, self.filters, self._width)

    @property
    def _width(self) -> int:
        """The screen's width: the terminal's while it was never shown."""
        return self.size.width or self.app.size.width

    def on_resize(self, event) -> None:
        if self._layout_width != event.size.width:
            self.refresh_table(keep_cursor=True)

    # --- building ---------------------------------------------------------------------

    @property
    def coverage(self) -> Coverage | None:
        alignment = self.app.alignment
        return None if alignment is None else coverage_of(alignment)

    def _widths(self, cov: Coverage) -> tuple[int, int, int, list[int]]:
        arts = self.app.alignment.articles
        # The flags' column as wide as the longest flags in short words need ("⚑ quote q.words neg").
        need = max((len(" ".join(FLAG_SHORT[f] for f in r.flags)) + 2 for r in cov.rows if r.flags), default=0)
        return column_widths([arts[a].label for a in cov.columns], self._width, need)

    def refresh_table(self, keep_cursor: bool = False) -> None:
        table = self.table
        where = table.cursor if keep_cursor else None
        self._rows = {}
        cov = self.coverage
        self._layout_width = self._width
        if cov is None:
            table.set_data([], [])
            self.query_one("#overview-title", Static).update("Overview · still aligning the articles…")
            return
        arts = self.app.alignment.articles
        passage_w, flags_w, speaker_w, outlet_widths = self._widths(cov)
        self._flags_w = flags_w
        columns = [
            Column("group", "group", GROUP_WIDTH),
            Column("passage", "passage (most common wording)", passage_w),
            Column("flags", "flags" if flags_w > 4 else "⚑", flags_w),
            Column("speaker", "speaker", speaker_w),
            *(Column(f"o{a}", _column_label(arts[a], w), w) for a, w in zip(cov.columns, outlet_widths)),
        ]
        rows: list[GridRow] = []
        if self.filters.only_here:
            for a in cov.columns:
                for item in cov.only_here.get(a, ()):
                    key = f"only:{item.place.article}:{item.place.start}"
                    self._rows[key] = item
                    rows.append(GridRow(key, _only_cells(cov, item, arts[a])))
            if not rows:
                # Not an empty grid: say so (enter on it does nothing).
                none = ((" —", "overview--muted"),), ((NO_ONLY_HERE_TEXT, ""),), (), ()
                rows.append(GridRow(NO_ONLY_HERE, (*none, *(() for _ in cov.columns))))
        else:
            current = self.app.current_group
            for row in cov.rows:
                if self.filters.keep(row):
                    self._rows[row.group.id] = row
                    rows.append(GridRow(row.group.id, group_cells(cov, row, row.group.id == current, flags_w)))
        # The group, its wording and its flags stay put; speaker and outlets
        # scroll.  On a narrow screen fewer columns stay put, so that the
        # scrolling ones keep room for the speaker's or an outlet's column
        # whole (scrolled to, never squeezed to a character or two).
        room = max(40, self._width) - 2
        need = max(speaker_w, *outlet_widths) + 2
        fixed = 3
        while fixed > 1 and room - sum(c.width + 2 for c in columns[:fixed]) < need:
            fixed -= 1
        table.set_data(columns, rows, fixed=fixed)
        # left and right move between the outlets' cells from the start
        table.cursor_from = OUTLETS_FROM
        self._shown = self._signature()
        self._update_texts(cov, len(rows))
        if where is not None and table.row_count:
            table.move_cursor(*where)
        else:
            self._place_cursor()
        self._show_detail()

    def _mark_current(self, old: str | None, new: str | None) -> None:
        """The reader selected another group, nothing else changed: only
        the two rows whose ▶ mark moves are made and drawn again."""
        cov = self.coverage
        if cov is None:
            return
        for group_id in (old, new):
            row = self._rows.get(group_id) if group_id is not None else None
            if isinstance(row, Row):
                cells = group_cells(cov, row, group_id == new, self._flags_w)
                self.table.replace_row(GridRow(row.group.id, cells))
        self._shown = self._signature()

    def _update_texts(self, cov: Coverage, shown: int) -> None:
        alignment = self.app.alignment
        arts = alignment.articles
        total = len(cov.rows)
        dated = sum(1 for a in arts if getattr(a, "date", None))
        outlets = f"{len(arts)} outlets" + (" by date" if dated >= 2 else "")
        if self.filters.only_here:
            mine = sum(1 for v in cov.only_here.values() for item in v if item.own)
            alike = sum(1 for v in cov.only_here.values() for item in v if not item.own)
            more = f" (and {alike} that {'reads' if alike == 1 else 'read'} like another outlet's)" if alike else ""
            head = f"Overview · only here: {mine} paragraphs no other outlet carries{more} · {outlets}"
        else:
            flagged = sum(1 for r in cov.rows if r.flags)
            head = f"Overview · {shown} of {total} passage groups · {flagged} flagged ⚑ · {outlets}"
            if len(head) > self._width - 2:  # (40 columns: the count of flagged groups was cut)
                head = f"Overview · {shown} of {total} groups · {flagged} ⚑"
        self.query_one("#overview-title", Static).update(Text(head, no_wrap=True, overflow="ellipsis"))
        f = self.filters
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
        if f.only_here:  # the others do not apply to the only-here list (a key of theirs leaves it)
            items = [(key, label, label == "only here") for key, label, _ in items]
        chips = filter_chips(items, self._width - 2, on_style, off_style)
        self.query_one("#overview-filters", Static).update(chips)
        counts = [(arts[a].label, sum(1 for item in cov.only_here.get(a, ()) if item.own)) for a in cov.columns]
        line = only_here_line(self._key("overview-only-here"), counts, self._width - 2)
        self.query_one("#overview-only", Static).update(Text(line, no_wrap=True, overflow="ellipsis"))
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

    def _place_cursor(self, again: bool = True) -> None:
        """On the current group's row (the first row when none is
        selected), in the focused pane's outlet's column when it shows
        without scrolling sideways, else the first outlet's (once the table
        is laid out: whether a column shows whole depends on its width)."""
        table = self.table
        if not table.row_count:
            return
        if again and not table.size:
            self.call_after_refresh(self._place_cursor, False)
        group_id = self.app.current_group
        row = table.get_row_index(group_id) if group_id in self._rows else 0
        column = OUTLETS_FROM
        stack = self.app.screen_stack
        focused = getattr(stack[0], "focused_index", None) if stack else None
        if focused is not None:
            try:
                found = table.get_column_index(f"o{focused}")
            except StopIteration:
                found = OUTLETS_FROM
            if table.fits(found):
                column = found
        table.move_cursor(row, min(column, len(table.columns) - 1))

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

    @on(Grid.RowChanged)
    def _show_detail(self, event: Grid.RowChanged | None = None) -> None:
        """The cursor's row whole under the table: its flags in words, its
        speaker and its wording (at 80 columns the wording's column is 14
        characters wide and the flags' a ⚑)."""
        table = self.table
        keys = table.cursor_keys
        item = self._rows.get(keys[0]) if keys else None
        line = Text(no_wrap=True, overflow="ellipsis")
        if isinstance(item, Row):
            line.append(item.group.id + " ", style=table.style("overview--current"))
            if item.flags:
                flags = ", ".join(FLAG_LABELS.get(f, f) for f in item.flags)
                line.append(f"⚑ {flags} · ", style=table.style("overview--flag"))
            if item.speaker:
                line.append(f"{item.speaker} · ", style=table.style("overview--speaker"))
            line.append(f"“{item.wording}”")
        elif isinstance(item, OnlyHere):
            line.append(f"{self.app.alignment.articles[item.place.article].label}: “{item.text}”")
        elif keys and keys[0] == NO_ONLY_HERE:  # (its words are cut in the wording column at 80 columns)
            line.append(NO_ONLY_HERE_TEXT)
        self.query_one("#overview-detail", Static).update(line)

    @on(Grid.Selected)
    def _cell_selected(self, event: Grid.Selected) -> None:
        event.stop()
        item = self._rows.get(event.row_key)
        if item is None:
            return
        column = event.column_key
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


_cached: tuple[Alignment, Coverage] | None = None


#: Narrower than this (the screen's columns), the flags column is its ⚑ alone
#: and the passage's column narrower, so that the group, its flag and an
#: outlet's cell show whole (at 40x12 the flags went off to the right).
TINY = 60


#: The only-here list's one row when no paragraph is in one outlet only: its key and words.
NO_ONLY_HERE, NO_ONLY_HERE_TEXT = "only:none", "No paragraph is in one outlet only"


def filter_chips(items: list[tuple[str, str, bool]], room: int, on_style, off_style) -> Text:
    """The filters line: each filter's key and name, ✓ on those that are on
    (a colour alone may not show: 16 colours, a light theme), in ``room``
    cells: the space between the chips, then the "Filters" label, left out
    when they do not fit (at 80 columns, "h only here" was cut off)."""
    chips = [(f" {key} ✓ {label} " if active else f" {key} {label} ", active) for key, label, active in items]
    label, gap = "Filters ", " "
    if cell_len(label + gap.join(c for c, _ in chips)) > room:
        gap = ""
        if cell_len(label + "".join(c for c, _ in chips)) > room:
            label = ""
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(label, style=off_style)
    for chip, active in chips:
        line.append(chip, style=on_style if active else off_style)
        line.append(gap)
    return line


def only_here_line(key: str, counts: list[tuple[str, int]], room: int) -> str:
    """"Only here (h lists them): Ledger 6 · Cascade Ridge Energy 2 · AP 0"
    in ``room`` characters: the outlets' names cut ("The Inland…") as far
    as needed for every count to show, then the key's hint left out (at 80
    columns the line stopped at the second outlet's name)."""
    long, short = f"Only here ({key} lists them): ", "Only here: "
    for lead, sizes in ((long, (99, 24, 16, 12)), (short, (99, 24, 16, 12, 10, 8, 6, 4, 3))):
        for most in sizes:
            text = lead + " · ".join(f"{clip(label, most)} {n}" for label, n in counts)
            if len(text) <= room:
                break
        if len(text) <= room:
            break
    return text


def column_widths(labels: list[str], screen_width: int, flags_need: int = 0) -> tuple[int, int, int, list[int]]:
    """Widths of the passage, flags and speaker columns and of each
    outlet's (``labels``), for a screen ``screen_width`` columns wide; the
    flags' column up to ``flags_need`` wide where the passage's keeps 40."""
    width = max(40, screen_width) - 2  # the scroll bar
    narrow = width < 100
    speaker_w, flags_w = (10, 10) if narrow else (14, 16)
    least = 16 if narrow else 30  # the passage's column at least
    if width < TINY:
        flags_w, least = 1, 12
    rest = width - (GROUP_WIDTH + 2) - (speaker_w + 2) - (flags_w + 2) - least
    # Outlet columns as wide as their labels (up to OUTLET_WIDTH) while
    # the passage keeps its room, else as wide as a cell.
    outlet_widths = [max(CELL_WIDTH, min(OUTLET_WIDTH, len(label))) for label in labels]
    if sum(w + 2 for w in outlet_widths) > rest:
        outlet_widths = [CELL_WIDTH] * len(labels)
    cells = sum(w + 2 for w in outlet_widths)
    passage_w = max(least, min(72, rest + least - cells))
    def fits(flags: int) -> bool:
        return (GROUP_WIDTH + 2) + (least + 2) + (flags + 2) + (speaker_w + 2) + cells <= width

    if flags_w > 1 and not fits(flags_w):
        # Not every column fits (80 columns, four outlets): the flags
        # narrower, else their ⚑ alone (the panel names them), so the
        # speaker and every outlet show, the passage getting what is left
        # (the speaker's 8 columns at least, then 12 the passage's).
        flags_w = 10 if flags_w > 10 and fits(10) else 1
        left = width - (GROUP_WIDTH + 2) - (flags_w + 2) - cells - 2
        speaker_w = max(8, min(speaker_w, left - 2 - 12))
        passage_w = max(12, min(72, left - (speaker_w + 2)))
    elif flags_need > flags_w > 1 and not narrow:
        # (At 160 columns "⚑ quote q.words neg" was cut to "⚑ quote q.words…".)
        extra = min(flags_need, 30) - flags_w
        extra = max(0, min(extra, passage_w - 40))
        flags_w, passage_w = flags_w + extra, passage_w - extra
    return passage_w, flags_w, speaker_w, outlet_widths


def group_cells(cov: Coverage, row: Row, current: bool, flags_w: int) -> tuple:
    """A group's row: its id (▶ when current), wording, flags (their
    names, else short names, else ⚑ alone), speaker and outlets' cells."""
    ident = (
        (("▶", "overview--current"), (row.group.id, "overview--current"))
        if current
        else ((" " + row.group.id, ""),)
    )
    speaker = ((row.speaker, "overview--speaker"),) if row.speaker else (("—", "overview--muted"),)
    flags: tuple = ()
    if row.flags:
        long = " ".join(FLAG_LABELS[f] for f in row.flags)
        words = long if len(long) + 2 <= flags_w else " ".join(FLAG_SHORT[f] for f in row.flags)
        flags = ((("⚑ " + words) if flags_w > 2 else "⚑", "overview--flag"),)
    outlets = tuple(_cell(row.cells.get(a), cov.dated) for a in cov.columns)
    return (ident, ((row.wording, ""),), flags, speaker, *outlets)


def coverage_of(alignment: Alignment) -> Coverage:
    """The alignment's coverage, worked out once (the reading screen asks for
    it in a thread as soon as the alignment is in, so that ``m`` finds it)."""
    global _cached
    found = _cached
    if found is not None and found[0] is alignment:
        return found[1]
    made = coverage(alignment)
    _cached = (alignment, made)
    return made


def _cell(cell: Cell | None, dated: bool) -> tuple:
    """An outlet's cell: its fragments (text, style name)."""
    if cell is None:
        return ((" ·", "overview--absent"),)
    quote = ("❝", "overview--quote") if cell.quoted else (" ", "")
    if cell.status == "verbatim":
        mark = ("●", "overview--verbatim")
    else:
        mark = (f"◐{shown_similarity(cell.similarity):>3}", "overview--variant")
    first = ((" ¹", "overview--first"),) if cell.first and dated else ()
    return (quote, mark, *first)


def _only_cells(cov: Coverage, item: OnlyHere, article) -> tuple:
    """The cells of an outlet's own paragraph's row (the only-here list): its
    text (a Markdown file's without its marks, as the pane draws it); ◆
    its own; "◇ own?" in its column and "≈ alike" in the other's when
    another outlet has a paragraph that reads much like it (reworded, not
    aligned)."""
    from .wrap import is_markdown, markdown_as_read

    text = markdown_as_read(item.text) if is_markdown(article) else item.text

    def cell(a: int) -> tuple:
        if a == item.place.article:
            return ((" ◆ only", "overview--only"),) if item.own else ((" ◇ own?", "overview--muted"),)
        if a == item.echo:
            return ((" ≈ alike", "overview--variant"),)
        return ((" ·", "overview--absent"),)

    outlets = tuple(cell(a) for a in cov.columns)
    return (((" —", "overview--muted"),), ((text, ""),), (), (), *outlets)


def _stylesheet_generation(app: SideBySideApp) -> int | None:
    """How many times the app's stylesheet has changed (Textual counts: a
    new theme is one), None if this Textual does not say."""
    generation = getattr(app, "_css_update_count", None)
    return generation if isinstance(generation, int) else None


def _with(filters: Filters, **changes) -> Filters:
    from dataclasses import replace

    return replace(filters, **changes)


def _column_label(article, width: int) -> str:
    """An outlet's column head: its label, or, when that does not fit and
    another outlet has the same name (``Article.tag``, its file name), the
    part that tells the two apart ("Reuters (wire)" and "Reuters
    (aggregator)" cut to "Reuters…" both would not)."""
    label = article.label
    if len(label) <= width or not article.tag:
        return label
    return article.tag
