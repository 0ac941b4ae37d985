"""Smaller things a new user saw (issue 12, item 10): pane titles use the
width there is, save-as starts in the current folder and asks before
creating one, notices stay off the panes, and the passage panel has
something to read at start."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from sidebyside.app.dialogs import ConfirmScreen, SavePathScreen
from sidebyside.app.pane import text_shows_title

pytestmark = pytest.mark.app  # private user folders (conftest.py)


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_every_shown_pane_shows_its_whole_headline(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        for pane in app.screen.query("ArticlePane"):
            if not pane.display:
                continue
            headline = pane.query_one(".pane-headline")
            shown = str(pane.border_title) + " " + (str(headline.render()) if headline.display else "")
            if text_shows_title(pane.article):  # the text begins with it: said once (usertest 9)
                assert not headline.display
                assert pane.article.title not in " ".join(shown.split()) or pane.article.title in str(pane.border_title)
                continue
            assert pane.article.title in " ".join(shown.split()), (pane.article.label, shown)
            assert "…" not in str(pane.border_title)


async def test_a_header_that_fits_stays_in_the_border(make_app, sample_articles):
    app = make_app(sample_articles[1:3])
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        for pane in app.screen.query("ArticlePane"):
            assert not pane.query_one(".pane-headline").display
            assert pane.article.title in str(pane.border_title)


async def test_save_as_starts_in_the_current_folder_and_asks_before_creating_one(make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "S")
        assert isinstance(app.screen, SavePathScreen)
        value = app.screen.query_one("#save-path").value
        assert Path(value).parent == Path(".")  # a name alone: the current folder
        await pilot.press("ctrl+u", *"new/place/report.md", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        assert "does not exist" in app.screen.message
        await pilot.press("n")  # choose again: nothing created
        await pilot.pause()
        assert isinstance(app.screen, SavePathScreen) and not (tmp_path / "new").exists()
        await pilot.press("enter")
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "new" / "place" / "report.md").is_file()
        await pilot.press("S", "enter")  # the name offered: saved here
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / value).is_file()


async def test_notices_stay_off_the_panes(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("n", "l")
        await pilot.pause(0.2)
        panes = app.screen.query_one("#panes").region
        toasts = list(app.screen.query(Toast))
        assert toasts
        for toast in toasts:
            assert not toast.region.overlaps(panes), (toast.region, panes)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_the_panel_lists_the_groups_before_one_is_selected(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert app.current_group is None
        shown = app.screen.query_one("#panel").shown_text.splitlines()
        assert sum(1 for g in app.alignment.groups if any(g.id in line for line in shown)) >= 2
        assert sum(1 for line in shown if not line.strip()) <= 2


async def test_four_panes_keep_every_date_cutting_the_outlet_instead(make_app, sample_articles):
    """At 160x45 four panes of 40 columns: an outlet too long to go with
    its date is cut ("Aggregator (Newsweek…") and the date stays (two of
    the four panes dropped theirs)."""
    import dataclasses

    from rich.text import Text

    articles = [dataclasses.replace(a, date="2027-11-18") for a in sample_articles]
    app = make_app(articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        shown = [p for p in app.screen.query("ArticlePane") if p.display and p.region.width]
        assert len(shown) == 4
        cut = 0
        for pane in shown:
            title = Text.from_markup(str(pane.border_title)).plain
            assert title.endswith(" · 18 Nov 2027"), title
            assert title.startswith(pane.article.label[:8]), title
            assert len(title) <= pane.region.width - 6
            cut += "…" in title
        assert cut  # (the sample has outlets too long to go whole)
