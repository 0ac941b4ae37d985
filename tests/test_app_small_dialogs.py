"""Dialogs at the smallest size the app accepts (usertest 10): at 40x12
the quit dialog showed no button, and ``?`` cut every description to "H…"
while showing the binding ids in full."""

from __future__ import annotations

import pytest
from conftest import ready
from rich.console import Console

from sidebyside.app.dialogs import ConfirmScreen
from sidebyside.app.help import HelpScreen

pytestmark = pytest.mark.app  # private user folders (conftest.py)


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (120, 30)])
async def test_the_quit_dialog_shows_every_answer(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        box = app.screen.query_one("#dialog").content_region
        labels = []
        for button in app.screen.query("Button"):
            region = button.region
            assert region.height >= 1 and box.contains_region(region), (button.id, region, box)
            labels.append(str(button.label))
        assert labels == ["Save and quit (y)", "Quit without saving (d)", "Keep reading (n)"]
        await pilot.press("n")
        assert app.screen is app.reader


@pytest.mark.parametrize("size", [(40, 12), (60, 20)])
async def test_help_gives_the_descriptions_the_room(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        width = table.content_region.width
        lines = Console(width=width, legacy_windows=False).render_lines(app.screen._table(app.size.width), pad=False)
        text = "\n".join("".join(seg.text for seg in line) for line in lines)
        words = set(text.split())
        rows = app.screen.rows()
        for _section, _keys, description, binding_id in rows:
            assert set(description.split()) <= words, description
            if binding_id:  # whole, folded if it is wider than the column
                assert binding_id in words or binding_id in "".join(text.split())


@pytest.mark.parametrize("key, field", [("S", "#save-path"), ("a", "#note-text")])
async def test_the_fields_of_dialogs_are_in_view_at_40x12(make_app, key, field):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", key)
        await pilot.pause()
        box = app.screen.query_one("#dialog").content_region
        region = app.screen.query_one(field).region
        assert region.height >= 1 and box.contains_region(region), (region, box)
        assert app.focused is app.screen.query_one(field)
