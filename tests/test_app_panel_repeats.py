"""The passage panel lists a group's repeats (a stretch repeated inside one
article, a pull-quote) under its versions: "↻ Press TV … also repeated in
Press TV at line N", never as another version with a ▶."""

from __future__ import annotations

import pytest
import sample_alignment
from test_export_repeats import HEADLINE, with_repeat

pytestmark = pytest.mark.app  # private user folders (conftest.py)


def aligner(articles, options=None, progress=None):
    return with_repeat(sample_alignment.aligner(articles, options, progress))


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(200, 50), (80, 24)])
async def test_the_panel_says_where_a_version_is_repeated(make_app, size):
    app = make_app(aligner=aligner)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("n")
        group = app.alignment.group(app.current_group)
        assert group.id == "g1" and group.repeats
        repeat = group.repeats[0]
        line = app.articles[repeat.article].text.count("\n", 0, repeat.start) + 1
        panel = app.screen.query_one("#panel")
        rows = [row for row in panel.text.splitlines() if "↻" in row]
        assert rows and rows[0].startswith("↻Press TV"), panel.text
        assert f"also repeated in Press TV at line {line}" in " ".join(panel.text.split())
        # one ▶ (the current version), and the versions still come first
        text = panel.text
        assert text.count("▶") == 1
        assert text.index("↻") > max(text.index(app.articles[p.article].label[:8]) for p in group.passages)
        if size == (200, 50):
            assert HEADLINE in " ".join(text.split())


async def test_a_group_without_repeats_has_no_repeat_row(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        assert "↻" not in app.screen.query_one("#panel").text
