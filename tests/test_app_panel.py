"""The passage panel (issue 12, item 5): keys scroll it, the ▶ version is in
view at every size the app accepts, and the ▶ follows the focused pane."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.app  # private user folders (conftest.py)

async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def panel(app):
    return app.screen.query_one("#panel")


@pytest.mark.parametrize("size", [(40, 10), (40, 12), (60, 20), (80, 24), (160, 45)])
async def test_the_current_version_is_in_view_at_every_size(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for _ in range(3):
            await pilot.press("n")
            assert "▶" in panel(app).shown_text, panel(app).shown_text
        # Kept, with a note long enough to wrap: still in view.
        await pilot.press("space", "a")
        await pilot.press(*"why this matters: the same words, another speaker, a day later")
        await pilot.press("enter")
        assert app.kept
        assert "▶" in panel(app).shown_text, panel(app).shown_text


async def test_keys_scroll_the_panel(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("n")  # g1: three versions, more rows than a 24-row panel has
        view = panel(app)
        assert view.border_title and "▼" in view.border_title
        first = view.shown_text
        await pilot.press("J")
        assert view.shown_text != first and "▲" in view.border_title
        await pilot.press("K")
        assert view.shown_text == first
        await pilot.press("shift+down")
        assert view.shown_text != first
        assert app.focused is app.screen.query_one(f"#body-{app.current_version.article}")  # keys stay with the pane


async def test_the_marker_follows_the_focused_panes_version(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        group = app.alignment.group(app.current_group)
        here = app.current_version.article
        other = next(p.article for p in group.passages if p.article != here)
        await pilot.press(*["tab"] * ((other - here) % len(app.articles)))
        assert app.screen.focused_index == other
        assert app.current_group == group.id
        assert app.current_version.article == other
        marked = [line for line in panel(app).text.splitlines() if "▶" in line]
        assert len(marked) == 1 and marked[0].startswith("▶" + app.articles[other].label[:12])


async def test_a_flagged_version_out_of_sight_is_marked_in_the_panels_title(make_app):
    """User test: the version with the flagged change sat behind "▼ 4 more";
    the title says a flagged one is there (⚑) until it is scrolled into view."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        await pilot.press("n")  # g1: its second version gives the words to another speaker (flagged)
        view = panel(app)
        group = app.alignment.group(app.current_group)
        assert {c.passage for c in group.changes if c.material} - {view._current_row}
        assert "▼" in view.border_title and "⚑" in view.border_title
        while "▼" in view.border_title and "⚑" in view.border_title:
            await pilot.press("J")
        body = view.shown_text.split("\n", 1)[1]  # (the heading lists the group's flags)
        assert "⚑ who" in body  # the flagged version's change, in view now


async def test_the_list_of_groups_marks_the_kept_and_the_flagged(make_app):
    # Before a group is selected the panel lists the groups; after reopening
    # ("2 kept") nothing showed which ones were kept, nor which were flagged.
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "n", "n", "space", "s")
        await ready(pilot)
        kept = set(app.kept)
        assert len(kept) == 2
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert app.current_group is None and set(app.kept) == kept
        rows = panel(app).text.splitlines()[1:]
        assert "2 kept" in panel(app).text.splitlines()[0]
        for group in app.alignment.groups:
            (row,) = [r for r in rows if r.startswith(f"▌{group.id} ")]
            marks = row[1 + 4 : 1 + 4 + 2]
            assert marks == ("★" if group.id in kept else " ") + ("⚑" if group.flags else " "), row
        assert any(g.flags for g in app.alignment.groups) and any(not g.flags for g in app.alignment.groups)


async def test_a_flagged_change_wrapped_out_of_sight_is_marked_in_the_panels_title(make_app):
    """A new-user test: "▼ 1 more" showed no ⚑ when the hidden row was the
    rest of a flagged change (its ⚑ on the last row shown).  At 120x18 g1's
    second version lists "⚑ who said: Lavrov → Putin · quote vs
    paraphrase…" over two rows, the first of them the last one shown."""
    app = make_app()
    async with app.run_test(size=(120, 18)) as pilot:
        await ready(pilot)
        await pilot.press("n")  # g1
        view = panel(app)
        body = view.shown_text.split("\n", 1)[1]  # (the heading lists the group's flags)
        assert "⚑ who said" in body and "quote vs paraphrase" not in body  # its rest below
        assert "▼" in view.border_title and "⚑" in view.border_title
        await pilot.press("J")
        assert "quote vs paraphrase" in view.shown_text.split("\n", 1)[1]
        assert "⚑" not in view.border_title  # all of it in view now
