"""The app's side of reading: the progress of fetching URLs in the terminal,
notices for URLs that failed, labels told apart, the date in the pane border."""

from __future__ import annotations

import threading

import pytest

from sidebyside.app.fetching import FetchingApp, FetchProgress

pytestmark = pytest.mark.app


async def test_the_fetching_screen_shows_progress_and_closes_when_done():
    from textual.widgets import Label, ProgressBar

    release = threading.Event()
    progress = FetchProgress()
    thread = threading.Thread(target=release.wait, daemon=True)
    thread.start()
    app = FetchingApp(thread, progress)
    async with app.run_test(size=(80, 20)) as pilot:
        progress(1, 4)
        await pilot.pause(0.2)
        bar = app.query_one("#fetching-bar", ProgressBar)
        assert (bar.total, bar.progress) == (4, 1)
        assert "1 of 4 done" in str(app.query_one("#fetching-label", Label).render())
        progress(4, 4)
        release.set()
        await pilot.pause(0.3)
    assert app.return_code in (0, None)


async def test_escape_gives_up_waiting():
    release = threading.Event()
    thread = threading.Thread(target=release.wait, daemon=True)
    thread.start()
    app = FetchingApp(thread, FetchProgress(0, 3))
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    release.set()
    assert app.return_code == 130
