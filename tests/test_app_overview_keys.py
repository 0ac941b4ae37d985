"""The overview's arrow keys, pressed as a reader does at 80x24.

User test: Right did nothing visible until a row was picked (the cursor
walked through the passage, flags and speaker columns first).  Left and
Right move between the outlets' cells from the moment the overview opens.
"""

from __future__ import annotations

from conftest import ready
from story import fixed_aligner, sample_story, ten_outlets

from sidebyside.app.app import SideBySideApp
from sidebyside.app.overview import OverviewTable


def _outlet(table: OverviewTable) -> str:
    return table.cursor_keys[1]


async def test_right_and_left_move_between_outlets_before_any_group_is_picked(sample_articles):
    story = sample_story(sample_articles)
    app = SideBySideApp(sample_articles, aligner=fixed_aligner(story))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.current_group is None
        await pilot.press("m")
        await pilot.pause()
        table = app.screen.query_one(OverviewTable)
        outlets = [c.key for c in table.columns if c.key.startswith("o")]
        # On the first row, in the focused pane's outlet's column.
        assert table.cursor_keys == (story.groups[0].id, f"o{app.screen_stack[0].focused_index}")
        start = outlets.index(_outlet(table))
        await pilot.press("right")
        assert _outlet(table) == outlets[start + 1]
        await pilot.press("right")
        assert _outlet(table) == outlets[start + 2]
        await pilot.press(*["left"] * (start + 3))
        assert _outlet(table) == outlets[0]  # the first outlet: left goes no further
        await pilot.press("down", "enter")
        await pilot.pause()
        # Enter on that cell: the second group, in the first outlet's pane (when it carries it).
        assert app.current_group == story.groups[1].id
        carriers = story.groups[1].article_indexes
        wanted = int(outlets[0][1:])
        assert app.current_version.article == (wanted if wanted in carriers else app.current_version.article)


async def test_left_back_to_the_first_outlet_shows_the_speaker_again(tmp_path):
    articles, alignment = ten_outlets(tmp_path)
    app = SideBySideApp(articles, aligner=fixed_aligner(alignment))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("m")
        await pilot.pause()
        table = app.screen.query_one(OverviewTable)
        outlets = [c.key for c in table.columns if c.key.startswith("o")]
        await pilot.press(*["right"] * 12)
        assert _outlet(table) == outlets[-1] and table.scroll_x > 0
        await pilot.press(*["left"] * 12)
        assert _outlet(table) == outlets[0]
        assert table.scroll_x == 0
        assert "speaker" in table.render_line(0).text


async def test_a_column_cut_at_the_left_of_the_scrolled_ones_is_left_blank(sample_articles):
    """Scrolled to the last outlet at 60x20, the column before the ones
    shown whole was cut: its tail ("s" of "markets") showed as a column."""
    app = SideBySideApp(sample_articles, aligner=fixed_aligner(sample_story(sample_articles)))
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        await pilot.press("m")
        await pilot.pause()
        table = app.screen.query_one(OverviewTable)
        await pilot.press(*["right"] * len(table.columns))
        await pilot.pause()
        fixed = table._fixed_width
        start = fixed + int(table.scroll_x)
        whole = min(x for x in table._starts if x >= start)
        assert whole > start  # (this size does cut one)
        for y in range(4):
            line = table.render_line(y).text
            assert line[fixed : fixed + whole - start].strip() == "", line
        header = table.render_line(0).text
        label = table.columns[table._starts.index(whole)].label
        assert header[fixed + whole - start + 1 :].startswith(label[:4]), (header, label)


async def test_at_40x12_the_overview_keeps_the_flags_and_whole_cells(make_app):
    """A new-user test at 40x12: the flags column went off to the right
    (only the group, its wording and outlets showed) and the last outlet's
    cell was cut ("AF").  Now the flags stay put as ⚑ beside the wording,
    an outlet's cell shows whole or not at all, and the legend's rows go to
    the groups."""
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        await pilot.press("m")
        await pilot.pause()
        table = app.screen.query_one(OverviewTable)
        flags = table.get_column_index("flags")
        assert flags < table.fixed and table.columns[flags].label == "⚑"
        assert not app.screen.query_one("#overview-legend").display
        x = table._column_x(flags) + 1
        flagged = {row.key for row in table.rows if table.cell(table.get_row_index(row.key), flags)}
        assert flagged
        for y in range(1, table.scrollable_content_region.height):
            line = table.render_line(y).text
            row = int(table.scroll_y) + y - 1
            if row < len(table.rows):
                assert (line[x] == "⚑") == (table.rows[row].key in flagged), line
        width = table.scrollable_content_region.width
        fixed = table._fixed_width
        for _ in range(len(table.columns)):
            start = fixed + int(table.scroll_x)
            whole_to = max(s for s in table._starts if s <= start + width - fixed)
            for y in range(table.scrollable_content_region.height):
                line = table.render_line(y).text
                assert line[fixed + whole_to - start :].strip() == "", (line, int(table.scroll_x))
            await pilot.press("right")
            await pilot.pause()
