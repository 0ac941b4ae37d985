"""N / P step through the kept highlights (a new-user test's finding 15:
after reopening "2 kept" there was no key to go from one to the next)."""

from __future__ import annotations

import pytest
from conftest import ready
from textual.widgets._footer import FooterKey

from sidebyside.app.footer import ReaderFooter
from sidebyside.app.help import HelpScreen

pytestmark = pytest.mark.app


def _footer_keys(app) -> list[str]:
    footer = app.screen.query_one(ReaderFooter)
    return [k.description for k in footer.query(FooterKey) if not k.has_class("-cut")]


async def test_n_and_p_go_round_the_kept_groups(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.pause(0.2)
        assert "Next kept" not in _footer_keys(app)  # nothing kept: nothing to step to
        await pilot.press("N")
        assert app.current_group is None
        order = [g.id for g in app.alignment.groups]
        await pilot.press("n")
        first = app.current_group
        await pilot.press("space")
        await pilot.press("n", "n")
        second = app.current_group
        await pilot.press("space")
        assert set(app.kept) == {first, second} and order.index(first) < order.index(second)
        await pilot.pause(0.2)
        assert "Next kept" in _footer_keys(app)
        await pilot.press("N")
        assert app.current_group == first  # round from the last kept to the first
        await pilot.press("N")
        assert app.current_group == second
        await pilot.press("P")
        assert app.current_group == first
        await pilot.press("P")
        assert app.current_group == second
        # From a group not kept, N goes to the next kept one in the groups' order.
        between = next(g for g in order[order.index(first) + 1 :] if g not in app.kept)
        app.reader.reveal_group(between)
        await pilot.press("N")
        expected = second if order.index(between) < order.index(second) else first
        assert app.current_group == expected
        version = app.current_version
        assert app.reader.focused_index == version.article
        assert app.reader.body(version.article).in_view(version.start, version.end)


async def test_the_help_lists_n_and_p_with_their_ids(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {row[3]: row for row in app.screen.rows()}
        assert rows["next-kept"][:2] == ("Highlights", "N")
        assert rows["previous-kept"][:2] == ("Highlights", "P")
        assert "next kept highlight" in rows["next-kept"][2]
