"""Fixes from the second new-user test (round 3, helper A3): each pane
keeps its place when the focus moves, notices fit one line, ``]`` counts
from the pane the reader is in."""

from __future__ import annotations

import pytest
from conftest import body, ready

pytestmark = pytest.mark.app  # private user folders (conftest.py)

PRESS_TV, NEWS_SITE, AGGREGATOR, PRAVDA = 1, 2, 3, 4


async def test_moving_the_focus_away_and_back_keeps_each_panes_place(make_app):
    """Usertest 2, finding 9: G in a pane, then tab and shift+tab, left it
    scrolled back to the current passage (and g typed around it undone)."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("n")  # g1, in Press TV, News site and Pravda
        assert app.current_version.article == PRESS_TV
        await pilot.press("tab")  # News site: its version is marked
        assert app.focused is body(app, NEWS_SITE)
        await pilot.press("G")
        news = body(app, NEWS_SITE)
        end = news.scroll_y
        assert end == news.max_scroll_y > 0
        assert not news.in_view(app.current_version.start, app.current_version.end)
        press_tv = body(app, PRESS_TV)
        await pilot.press("shift+tab")
        assert app.focused is press_tv
        await pilot.pause()
        assert news.scroll_y == end  # it keeps its place
        await pilot.press("g", "tab", "g", "shift+tab")
        await pilot.pause()
        assert press_tv.scroll_y == 0 and news.scroll_y == 0


def _shown_notices(app):
    from textual.widgets._toast import Toast

    return [t for t in app.screen.query(Toast) if t.display]


async def _one_notice_on_one_line(pilot, app) -> str:
    await pilot.pause(0.3)
    (toast,) = _shown_notices(app)
    assert toast.region.height == 1 and toast.region.y == app.size.height - 1
    assert toast.region.right <= app.size.width
    return toast.render().plain


async def test_bad_settings_are_one_notice_on_one_line(make_app):
    """Usertest 2, finding 11: three settings problems were three stacked
    notices, 8 rows over the panel (the theme one listing 21 themes, the
    key one cut off at the screen's edge)."""
    from sidebyside.config import Config

    config = Config(theme="nosuchtheme", keys={"note": "n"})
    problems = ["config.toml: min_similarity must be a number from 0 to 100, got 150"]
    app = make_app(config=config, config_problems=problems)
    for size in ((160, 45), (80, 24)):
        async with app.run_test(size=size, notifications=True) as pilot:
            await ready(pilot)
            line = await _one_notice_on_one_line(pilot, app)
            assert line.endswith("(+2 more: ? lists them)"), line
            await pilot.press("question_mark")  # every problem, whole, in the help
            shown = str(app.screen.query_one("#help-notices").render())
            assert "theme 'nosuchtheme' unknown; using textual-dark" in shown
            assert "tokyo-night" in shown and "keys.note" in shown and "got 150" in shown
        app = make_app(config=config, config_problems=problems)


async def test_what_the_command_line_skipped_is_one_line(make_app):
    found = [
        "http://127.0.0.1:9/x: connection refused (nothing is listening there)",
        "skipped /tmp/u2/bin/a.txt: not a text file (binary data)",
    ]
    app = make_app(notices=found)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await ready(pilot)
        line = await _one_notice_on_one_line(pilot, app)
        assert line == f"{found[0]} (+1 more: ? lists them)"


async def test_the_copy_notice_is_one_line_at_80_columns(monkeypatch, make_app):
    monkeypatch.setattr("sidebyside.app.clipboard.system_command", lambda: None)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("n", "n", "c")
        line = await _one_notice_on_one_line(pilot, app)
        assert line.startswith("Sent g2 (") and "OSC 52" in line


async def test_a_long_notice_is_cut_to_one_line_and_whole_in_the_help(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        long = "A warning that says a great deal more than one line of an 80-column terminal can hold, to the end"
        app.notify(long, title="Heads-up", severity="warning")
        line = await _one_notice_on_one_line(pilot, app)
        assert line.startswith("Heads-up: A warning") and line.endswith("…")
        await pilot.press("question_mark")
        assert "to the end" in str(app.screen.query_one("#help-notices").render())


async def test_bracket_from_a_pane_without_the_passage_goes_to_the_nearest_outlet(make_app):
    """Usertest 2, finding 15: ] from a pane that lacks the passage counted
    from the ▶ version, skipping the nearest outlet to the right."""
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:  # all five panes
        await ready(pilot)
        await pilot.press("n")  # g1: Press TV, News site, Pravda; ▶ in Press TV
        assert app.current_version.article == PRESS_TV
        await pilot.press("right_square_bracket")  # ▶ in News site
        assert app.current_version.article == NEWS_SITE
        await pilot.press("shift+tab", "shift+tab")  # Press TV, then the first pane (no g1)
        assert app.focused is body(app, 0)
        await pilot.press("right_square_bracket")
        assert app.focused is body(app, PRESS_TV)  # the nearest to the right, not Pravda
        await pilot.press("tab", "tab")  # the Aggregator (no g1)
        assert app.focused is body(app, AGGREGATOR)
        await pilot.press("left_square_bracket")
        assert app.focused is body(app, NEWS_SITE)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (160, 45)])
async def test_the_footer_says_where_all_the_keys_are_at_every_width(make_app, size):
    """Usertest 2, finding 15: at 60 columns the footer showed n, p and m
    only, and nothing said there were more keys."""
    from textual.widgets._footer import FooterKey

    from sidebyside.app.footer import ReaderFooter

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.pause(0.2)
        keys = list(app.screen.query_one(ReaderFooter).query(FooterKey))
        (all_keys,) = [k for k in keys if k.action in ("help", "app.help")]
        palette = next(k for k in keys if k.has_class("-command-palette"))
        assert all_keys.visible and not all_keys.has_class("-cut")
        assert all_keys.description == "all keys"
        assert all_keys.region.right == palette.region.x  # beside the palette key, at the right
        shown = [k for k in keys if k.visible and k not in (all_keys, palette)]
        assert shown and all(k.region.right <= all_keys.region.x for k in shown)


async def test_the_overviews_only_here_line_shows_every_outlets_count_at_80_columns(make_app):
    """Usertest 2, finding 15: at 80x24 the line stopped mid-list ("… ·
    Cascade Ridge Energy"), the later outlets' counts not shown."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("m")
        await pilot.pause(0.3)
        line = str(app.screen.query_one("#overview-only").render())
        assert line.startswith("Only here")
        counts = line.split(": ", 1)[1].split(" · ")
        assert len(counts) == len(app.articles), line
        assert all(c.rsplit(" ", 1)[1].isdigit() for c in counts), line
        assert len(line) <= 80 - 2


def test_the_overview_at_80_columns_shows_the_speaker_and_four_outlets():
    """Usertest 2, finding 15: at 80x24 (breach, four outlets) the last
    outlet's column was off the screen, and moving to it scrolled the
    speaker's column away; the flags' words are a ⚑ alone there now."""
    from sidebyside.app.overview import GROUP_WIDTH, column_widths

    labels = ["The Inland Northwest Ledger", "Cascade Ridge Energy", "AP", "Gridwire"]
    passage_w, flags_w, speaker_w, outlets = column_widths(labels, 80)
    total = sum(w + 2 for w in (GROUP_WIDTH, passage_w, flags_w, speaker_w, *outlets))
    assert total <= 80 - 2, (passage_w, flags_w, speaker_w, outlets)
    assert flags_w == 1 and speaker_w >= 8 and passage_w >= 12
    # Where they fit, the flags keep their words.
    assert column_widths(labels, 160)[1] > 1


async def test_the_overview_at_40x12_draws_no_scroll_bar(make_app):
    """Usertest 2, finding 15: a stray "▅▅" (the scroll bar's thumb) in
    the overview's rows at 40x12."""
    from sidebyside.app.overview import OverviewTable

    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        await pilot.press("m")
        await pilot.pause(0.3)
        table = app.screen.query_one(OverviewTable)
        assert table.max_scroll_x > 0  # more columns than show
        assert table.styles.scrollbar_size_vertical == 0 and table.styles.scrollbar_size_horizontal == 0
        await pilot.resize_terminal(100, 30)
        await pilot.pause(0.3)
        assert table.styles.scrollbar_size_vertical > 0  # a taller screen has its scroll bars
