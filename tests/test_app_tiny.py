"""Crashes found by random input (issue 12, item 11), each replayed with the
real keys at the sizes named: every screen survives every size, and text
from articles, notes or queries is never read as markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from sidebyside.app.app import SideBySideApp
from sidebyside.app.small import TooSmallScreen
from sidebyside.reading.articles import article_from_text

pytestmark = pytest.mark.app  # private user folders (conftest.py)


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_outlet_picker_survives_a_terminal_six_columns_wide(sample_articles):
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        for width in (20, 6, 5, 3, 1):
            await pilot.resize_terminal(width, 20)
            await pilot.press("down", "up")
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PanePicker"  # back as it was
        await pilot.press("down", "enter")
        assert app.screen is app.reader
    assert app._exception is None


async def test_the_palette_pages_at_one_to_four_rows(sample_articles):
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        for height in (4, 3, 2, 1):
            await pilot.resize_terminal(80, height)
            await pilot.press("pagedown", "pageup", "end", "pagedown", "ctrl+p")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) == 1
        await pilot.press("pagedown", "pageup", "escape")
        assert app.screen is app.reader
    assert app._exception is None


async def test_keys_at_a_tiny_terminal_open_nothing_under_the_cover(sample_articles):
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(30, 8)) as pilot:
        await ready(pilot)
        await pilot.press("n", "a", "x", "enter", "ctrl+p", "question_mark", "o", "S")
        assert all(not isinstance(s, CommandPalette) for s in app.screen_stack)
        assert sum(isinstance(s, TooSmallScreen) for s in app.screen_stack) <= 1
        await pilot.resize_terminal(1, 1)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)
    assert app._exception is None


async def test_a_note_that_looks_like_markup_is_shown_as_written_in_the_palette(sample_articles):
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("n", "a")
        await pilot.press(*"[/ol] and [b]", "enter")
        note = next(iter(app.kept.values()))
        assert note == "[/ol] and [b]"
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"kept")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        shown = "\n".join(str(option.prompt) for option in palette.query_one("CommandList").options)
        assert "[/ol] and [b]" in shown
    assert app._exception is None


async def test_notices_show_outlets_and_notes_as_written(tmp_path):
    texts = [
        "---\ntitle: One [/ol] title\noutlet: Outlet [/b] One\n---\nNothing here is shared with the other text at all.",
        "---\ntitle: Two\noutlet: Two [b]\n---\nA different story altogether, with no passage in common.",
    ]
    articles = [article_from_text(Path(tmp_path / f"a{i}.txt"), t) for i, t in enumerate(texts)]
    app = SideBySideApp(articles)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("n")  # "Outlet [/b] One: no passage shared…"
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Outlet [/b] One" in m for m in messages)
        assert all(not n.markup for n in app._notifications)
    assert app._exception is None


async def test_keys_typed_while_the_terminal_is_too_small_wait_until_it_is_larger(sample_articles):
    # At 39x9 a pane's n was lost (hiding the panes dropped the focus) while
    # the screen's m acted blind: both wait now, and go on in order.
    from sidebyside.app.overview import OverviewScreen

    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        await pilot.press("n", "n")
        groups = [g.id for g in app.alignment.groups]
        second = app.current_group
        await pilot.resize_terminal(39, 9)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause(0.2)
        assert app.current_group == second  # nothing acts unseen
        await pilot.resize_terminal(60, 20)
        await pilot.pause(0.3)
        third = groups[groups.index(second) + 1]
        assert app.current_group == third
        assert app.reader.query_one("#panel").text.lstrip("▌ ").startswith(third)

        await pilot.resize_terminal(39, 9)
        await pilot.pause()
        await pilot.press("n", "m")
        await pilot.pause(0.2)
        assert app.screen is app.reader and app.current_group == third
        await pilot.resize_terminal(60, 20)
        await pilot.pause(0.3)
        assert isinstance(app.screen, OverviewScreen)
        assert app.current_group == groups[groups.index(third) + 1]
    assert app._exception is None


async def test_q_quits_at_once_while_the_terminal_is_too_small(sample_articles):
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(30, 8)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0  # (app.exit() was called: nothing waited for a larger terminal)
