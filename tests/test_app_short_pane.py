"""n and p in a pane too short to show a passage whole (40x12).

User test: at 40x12 n stayed on the first passage for ever: the current
passage, never all in view, counted as scrolled away, and stepping from
the view found it again.
"""

from __future__ import annotations

from conftest import body, ready


async def test_n_and_p_step_on_when_the_passage_is_taller_than_the_pane(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("n")
            await pilot.pause()
            seen.append(app.current_group)
        pane = body(app, app.current_version.article)
        order = [group for _, group, _ in pane.passage_rows()]
        assert len(set(seen)) == 4, seen  # four passages, not the first four times
        assert seen == order[: len(seen)] or len(set(order)) < len(order)
        await pilot.press("p")
        await pilot.pause()
        assert app.current_group == seen[-2]
