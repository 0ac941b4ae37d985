"""The app's side of reading: the progress of fetching URLs in the terminal,
notices for URLs that failed, labels told apart, the date in the pane border."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import messages, ready
from page_server import PageServer
from rich.text import Text

from sidebyside.app.fetching import FetchingApp, FetchProgress
from sidebyside.cli import main
from sidebyside.reading.arrange import arrange
from sidebyside.reading.articles import load_articles

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


# --- the reader: notices, labels, dates (from the command line to the panes) -------------------

PAGES = Path(__file__).resolve().parent / "pages"
BODY = (
    "Sergei Lavrov said on Sunday that Vladimir Putin was still ready for negotiations with the West, "
    "but only if there were realistic proposals based on an equal approach.\n"
)


def pane_titles(app) -> list[str]:
    from sidebyside.app.pane import ArticlePane

    titles = [p.border_title for p in app.reader.query(ArticlePane)]
    return [t.plain if isinstance(t, Text) else Text.from_markup(str(t)).plain for t in titles]


async def test_identical_articles_are_told_apart_and_said(make_app, tmp_path):
    """Issue 12 item 8: the same text twice, both "Press TV": a notice says
    so and the panes name their files."""
    for folder in ("today", "copy"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "press-tv.txt").write_text(f"---\noutlet: Press TV\n---\nPutin ready for talks\n\n{BODY}")
    articles, notes = arrange(load_articles([tmp_path / "today" / "press-tv.txt", tmp_path / "copy" / "press-tv.txt"]))
    app = make_app(articles, notices=notes)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        titles = pane_titles(app)
        assert titles[0].startswith("Press TV (today/press-tv.txt)")
        assert titles[1].startswith("Press TV (copy/press-tv.txt)")
        (notice,) = messages(app, "warning")  # the one notice at start
        assert "have the same text" in notice


async def test_the_date_is_in_the_pane_border_oldest_first(make_app):
    articles, _ = arrange(load_articles([PAGES]))
    app = make_app(articles)
    async with app.run_test(size=(200, 30)) as pilot:
        await ready(pilot)
        titles = pane_titles(app)
        assert [t.split(" · ")[:2] for t in titles] == [
            ["Evening Courier", "29 Oct 2022"],
            ["Wire World News", "30 Oct 2022"],
            ["The Kyiv Ledger", "31 Oct 2022"],
        ]


def test_the_command_line_passes_failed_urls_as_notices(fake_app, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    server = PageServer().start()
    try:
        urls = [server.url(p) for p in ("/news/putin-ready", "/world/lavrov-talks", "/missing")]
        assert main(urls) == 0
    finally:
        server.stop()
    ((articles, kwargs),) = fake_app
    assert [a.url for a in articles] == [urls[1], urls[0]]  # oldest first
    assert kwargs["notices"] == [f"skipped {urls[2]}: HTTP error 404 (Not Found)"]  # (as a skipped file is told)
    assert not any("404" in p for p in kwargs.get("config_problems", ()))
