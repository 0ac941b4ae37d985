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
