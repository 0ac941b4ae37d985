"""A table that draws only what is on screen: the overview's grid.

A Line API widget (:class:`~textual.scroll_view.ScrollView`): a header row
that stays at the top, the first ``fixed`` columns that stay at the left
while the others scroll sideways, a cell cursor moved with the arrow and
page keys, and :class:`Grid.Selected` posted on enter or a click.  Cells
are plain fragments — (text, style name) pairs — so building a table of a
few hundred rows costs no Rich rendering; a row becomes segments only when
it is drawn, and its strip is kept until the cursor or the styles change.
Styles are the widget's component classes (``grid--<name>``), set in the
app's stylesheet from the theme's colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

#: One piece of a cell: its text and the name of its style (``""``: the row's).
Fragment = tuple[str, str]

PADDING = 1  # a space each side of a cell


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int  # the cell's text, without padding


@dataclass(frozen=True)
class GridRow:
    key: str
    cells: tuple[tuple[Fragment, ...], ...]


def cell_text(fragments: Sequence[Fragment]) -> str:
    return "".join(text for text, _ in fragments)


def _fit(fragments: Sequence[Fragment], width: int) -> list[Fragment]:
    """The fragments cut (with an ellipsis) or padded to ``width`` cells."""
    out: list[Fragment] = []
    used = 0
    for text, style in fragments:
        size = cell_len(text)
        if used + size > width:
            room = width - used - 1
            cut = ""
            for ch in text:
                if cell_len(cut + ch) > room:
                    break
                cut += ch
            out.append((cut + "…", style))
            used += cell_len(cut) + 1
            break
        out.append((text, style))
        used += size
    if used < width:
        out.append((" " * (width - used), ""))
    return out


class Grid(ScrollView, can_focus=True):
    """Rows × columns with a cell cursor; see the module's description."""

    BINDINGS = [
        Binding("up,k", "move(-1, 0)", "Row up", id="grid-up", show=False),
        Binding("down,j", "move(1, 0)", "Row down", id="grid-down", show=False),
        Binding("left", "move(0, -1)", "Outlet to the left", id="grid-left", show=False),
        Binding("right", "move(0, 1)", "Outlet to the right", id="grid-right", show=False),
        Binding("pageup", "page(-1)", "Page up", id="grid-page-up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="grid-page-down", show=False),
        Binding("home,g", "edge(-1)", "First row", id="grid-top", show=False),
        Binding("end,G", "edge(1)", "Last row", id="grid-bottom", show=False),
        Binding("enter", "select", "Go there", id="overview-go", tooltip="Read this passage (in this outlet's pane)"),
    ]

    COMPONENT_CLASSES = {
        "grid--header",
        "grid--cursor",
        "grid--cursor-row",
        "grid--even",
    }

    class Selected(Message):
        """Enter (or a click) on a cell."""

        def __init__(self, grid: Grid, row_key: str, column_key: str) -> None:
            super().__init__()
            self.grid = grid
            self.row_key = row_key
            self.column_key = column_key

        @property
        def control(self) -> Grid:
            return self.grid

    class RowChanged(Message):
        """The cursor moved to another row."""

        def __init__(self, grid: Grid) -> None:
            super().__init__()
            self.grid = grid

        @property
        def control(self) -> Grid:
            return self.grid

    def __init__(self, *, fixed: int = 0, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = []
        self.rows: list[GridRow] = []
        self.fixed = fixed
        #: The first column the arrow keys move the cursor to (the columns
        #: before it are the row's heading: enter or a click there still acts).
        self.cursor_from = 0
        self.cursor = (0, 0)  # row, column
        self._row_index: dict[str, int] = {}
        self._starts: list[int] = [0]  # where each column starts
        self._strips: dict[int, Strip] = {}  # row -> its whole width, drawn
        self._lines: dict[int, tuple[Strip, tuple, Strip]] = {}  # row -> (its strip, how shown, the line shown)
        self._header: Strip | None = None
        self._styles: dict[str, Style] = {}
        self._frame: tuple[int, Style, int] | None = None
        self._base: Style | None = None  # the widget's style the rows were drawn with

    # --- data ----------------------------------------------------------------------------

    def set_data(self, columns: Sequence[Column], rows: Sequence[GridRow], fixed: int | None = None) -> None:
        self.columns = list(columns)
        self.rows = list(rows)
        if fixed is not None:
            self.fixed = fixed
        self._row_index = {row.key: i for i, row in enumerate(self.rows)}
        self._starts = [self._column_x(c) for c in range(len(self.columns) + 1)]  # and the last one's end
        self._strips.clear()
        self._lines.clear()
        self._header = None
        width = sum(c.width + 2 * PADDING for c in self.columns)
        self.virtual_size = Size(width, len(self.rows) + 1)
        row, column = self.cursor
        self.cursor = (min(row, max(0, len(self.rows) - 1)), min(column, max(0, len(self.columns) - 1)))
        self.refresh()

    def replace_row(self, row: GridRow) -> None:
        """Put ``row`` in place of the row with its key; only that row is drawn again."""
        index = self._row_index[row.key]
        self.rows[index] = row
        self._strips.pop(index, None)
        self.refresh_line(index + 1)  # (line 0 is the header)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def get_row_index(self, key: str) -> int:
        return self._row_index[key]

    def get_column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def cell(self, row: int, column: int) -> str:
        return cell_text(self.rows[row].cells[column])

    @property
    def cursor_keys(self) -> tuple[str, str] | None:
        if not self.rows or not self.columns:
            return None
        row, column = self.cursor
        return self.rows[row].key, self.columns[column].key

    # --- geometry ------------------------------------------------------------------------

    def fits(self, column: int) -> bool:
        """Whether the column shows whole without scrolling sideways."""
        right = self._column_x(column + 1) if column + 1 <= len(self.columns) else self._column_x(column)
        return column < self.fixed or right <= self.scrollable_content_region.width

    def _column_x(self, column: int) -> int:
        return sum(c.width + 2 * PADDING for c in self.columns[:column])

    @property
    def _fixed_width(self) -> int:
        return self._column_x(min(self.fixed, len(self.columns)))

    def move_cursor(self, row: int | None = None, column: int | None = None) -> None:
        old_row = self.cursor[0]
        r = self.cursor[0] if row is None else row
        c = self.cursor[1] if column is None else column
        r = max(0, min(r, len(self.rows) - 1))
        c = max(0, min(c, len(self.columns) - 1))
        moved = (r, c) != self.cursor
        self.cursor = (r, c)
        if r != old_row:
            self.post_message(self.RowChanged(self))
        if moved:
            self._strips.pop(old_row, None)
            self._strips.pop(r, None)
        if not self._scroll_to_cursor() and moved:
            # Not scrolled (which redraws every line): the rows the cursor
            # left and reached are the only ones drawn again.
            self._refresh_rows(old_row, r)

    def _refresh_rows(self, *rows: int) -> None:
        for row in set(rows):
            self.refresh_line(row + 1)  # (line 0 is the header)

    def _scroll_to_cursor(self) -> bool:
        """Scroll so that the cursor's cell shows; True if it scrolled (not
        before the grid is laid out: on_resize scrolls then)."""
        if not self.rows or not self.scrollable_content_region.width:
            return False
        row, column = self.cursor
        height = max(1, self.scrollable_content_region.height - 1)  # under the header
        y = self.scroll_y
        if row < y:
            y = row
        elif row >= y + height:
            y = row - height + 1
        x = self.scroll_x
        if column >= self.fixed:
            room = max(1, self.scrollable_content_region.width - self._fixed_width)
            left = self._column_x(column) - self._fixed_width
            right = left + self.columns[column].width + 2 * PADDING
            if column == self.cursor_from and right <= room:
                x = 0  # the first column the keys reach: with the ones before it, when they fit
            elif left < x:
                x = left
            elif right > x + room:
                # Scrolled to a column's edge, so no column shows cut on the left.
                starts = [self._column_x(c) - self._fixed_width for c in range(self.fixed, column + 1)]
                x = min((start for start in starts if start >= right - room), default=left)
        if (x, y) == (self.scroll_x, self.scroll_y):
            return False
        self.scroll_to(x=x, y=y, animate=False, immediate=True, force=True)
        return True

    # --- drawing ---------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Restyled (a theme, the screen coming back): the drawn rows stay
        # unless a style they use changed.
        before = dict(self._styles)
        self._styles.clear()
        base = self.rich_style
        if base != self._base or any(self.style(name) != style for name, style in before.items()):
            self._strips.clear()
            self._header = None
        self._base = base

    def style(self, name: str) -> Style:
        found = self._styles.get(name)
        if found is None:
            found = self.get_component_rich_style(name, partial=True)
            styles = self.get_component_styles(name)
            if found.color is not None:
                # The colour as resolved (alpha, "auto") against the background.
                found += Style(color=self.get_component_rich_style(name).color)
            if styles.has_rule("background") and 0 < styles.background.a < 1:
                # A translucent background ("$foreground 10%") is laid over
                # the widget's own: a partial Rich style would drop its alpha
                # and paint the colour solid (text on it unreadable).
                under = self.rich_style.bgcolor
                if under is not None:
                    blended = Color.from_rich_color(under) + styles.background
                    found += Style(bgcolor=blended.rich_color)
            if styles.auto_color and found.bgcolor is not None:
                # "auto" against the component's own background, not the widget's.
                found += Style(color=Color.from_rich_color(found.bgcolor).get_contrast_text(1.0).rich_color)
            self._styles[name] = found
        return found

    def _draw(self, cells: Sequence[Sequence[Fragment]], base: Style, cursor_column: int | None) -> Strip:
        segments: list[Segment] = []
        pad = " " * PADDING
        for c, (column, fragments) in enumerate(zip(self.columns, cells)):
            cursor = c == cursor_column
            cell_base = base + self.style("grid--cursor") if cursor else base
            segments.append(Segment(pad, cell_base))
            for text, name in _fit(fragments, column.width):
                style = cell_base + self.style(name) if name else cell_base
                if cursor and name:
                    # Marks keep their weight but take the cursor's colour:
                    # a green or red mark on the cursor's blue is unreadable.
                    style += Style(color=cell_base.color)
                segments.append(Segment(text, style))
            segments.append(Segment(pad, cell_base))
        return Strip(segments, sum(c.width + 2 * PADDING for c in self.columns))

    def _row_strip(self, row: int) -> Strip:
        found = self._strips.get(row)
        if found is None:
            base = self.rich_style
            if row % 2:
                base += self.style("grid--even")
            cursor_row, cursor_column = self.cursor
            focused = self.has_focus
            if row == cursor_row:
                base += self.style("grid--cursor-row")
            column = cursor_column if row == cursor_row and focused else None
            found = self._strips[row] = self._draw(self.rows[row].cells, base, column)
        return found

    def _header_strip(self) -> Strip:
        if self._header is None:
            base = self.rich_style + self.style("grid--header")
            self._header = self._draw([((c.label, ""),) for c in self.columns], base, None)
        return self._header

    def render_lines(self, crop: Region) -> list[Strip]:
        # Looked up once a frame, not once a line (each lookup walks the DOM).
        self._frame = (self.scrollable_content_region.width, self.rich_style, self._fixed_width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width, base, fixed_width = self._frame or (self.scrollable_content_region.width, self.rich_style, 0)
        row = -1
        if y == 0:
            whole = self._header_strip()
        else:
            row = int(self.scroll_y) + y - 1
            if not 0 <= row < len(self.rows):
                return Strip.blank(width, base)
            whole = self._row_strip(row)
        fixed = min(fixed_width, width)
        x = int(self.scroll_x)
        # The line as shown (the fixed columns, then the scrolled ones),
        # kept while the row's strip and the scroll and width are the same:
        # a screen shown again, or a focus change, redraws every line.
        key = (row, x, width, fixed, base)
        found = self._lines.get(key[0])
        if found is not None and found[0] is whole and found[1] == key:
            return found[2]
        left = whole.crop(0, fixed)
        start = fixed + x
        # Scrolled to the end, the first column shown may be cut: its tail
        # ("s" of "markets") is left blank, not drawn as if a column.
        whole_from = next((c for c in self._starts if c >= start), start)
        cut = min(whole_from - start, width - fixed)
        # … and the last one, cut by the right edge ("AF" of "AFP"), is not drawn.
        end = start + (width - fixed)
        whole_to = max((c for c in self._starts if c <= end), default=end)
        right = whole.crop(whole_from, whole_to if whole_to > whole_from else end)
        parts = [left, Strip.blank(cut, base), right] if cut else [left, right]
        line = Strip.join(parts).extend_cell_length(width, base)
        self._lines[key[0]] = (whole, key, line)
        return line

    def on_focus(self) -> None:
        # Only the cursor's cell shows the focus.
        self._strips.pop(self.cursor[0], None)
        self._refresh_rows(self.cursor[0])

    def on_blur(self) -> None:
        self._strips.pop(self.cursor[0], None)
        self._refresh_rows(self.cursor[0])

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    # --- keys and mouse ----------------------------------------------------------------------

    def action_move(self, rows: int, columns: int) -> None:
        column = self.cursor[1]
        if columns:
            column = max(self.cursor_from, column + columns)
        self.move_cursor(self.cursor[0] + rows, column)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 2)
        self.move_cursor(self.cursor[0] + direction * height)

    def action_edge(self, direction: int) -> None:
        self.move_cursor(0 if direction < 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        keys = self.cursor_keys
        if keys is not None:
            self.post_message(self.Selected(self, *keys))

    def _cell_at(self, x: int, y: int) -> tuple[int, int] | None:
        if y < 1:
            return None
        row = int(self.scroll_y) + y - 1
        if not 0 <= row < len(self.rows):
            return None
        fixed = self._fixed_width
        virtual_x = x if x < fixed else x + int(self.scroll_x)
        at = 0
        for c, column in enumerate(self.columns):
            at += column.width + 2 * PADDING
            if virtual_x < at:
                return row, c
        return None

    def on_click(self, event: events.Click) -> None:
        found = self._cell_at(event.x, event.y)
        if found is None:
            return
        event.stop()
        self.move_cursor(*found)
        self.action_select()

    def region_of_cursor(self) -> Region:
        row, column = self.cursor
        return Region(self._column_x(column), row + 1, self.columns[column].width + 2 * PADDING, 1)
