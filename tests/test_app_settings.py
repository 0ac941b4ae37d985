"""Key settings (issue 12, item 4): a ``[keys]`` setting that collides is a
warning naming both bindings, the defaults stay, and what names a key says
the key in force."""

from __future__ import annotations

import pytest

from sidebyside.app.app import SideBySideApp
from sidebyside.app.help import HelpScreen
from sidebyside.config import Config, check_keys

pytestmark = pytest.mark.app  # private user folders (conftest.py)


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _warnings(app) -> list[str]:
    return [message for _, _, message in app.notice_log if message.startswith("config.toml:")]  # whole


async def test_a_note_key_that_collides_is_a_warning_and_the_defaults_stay(sample_articles):
    app = SideBySideApp(sample_articles, config=Config(keys={"note": "n"}))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        warnings = _warnings(app)
        assert len(warnings) == 1
        assert "keys.note" in warnings[0] and "next-passage" in warnings[0]
        await pilot.press("n")  # still the next passage
        first = app.current_group
        assert first is not None
        await pilot.press("a")  # still the note
        assert app.screen.__class__.__name__ == "NoteScreen"
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {binding_id: keys for _, keys, _, binding_id in app.screen.rows()}
        assert keys["note"] == "a" and keys["next-passage"] == "n"
        shown = [
            binding_id
            for section, keys, _, binding_id in app.screen.rows()
            if section != "Dialogs" and "n" in keys.split(", ")
        ]
        assert shown == ["next-passage"]  # n listed once on the reading screen (y/n are the dialogs')


async def test_a_key_that_is_free_is_used_and_every_hint_names_it(sample_articles):
    app = SideBySideApp(sample_articles, config=Config(keys={"keep": "x"}))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert _warnings(app) == []
        panel = app.screen.query_one("#panel")
        assert "x keeps it" in panel.text and "space keeps it" not in panel.text
        await pilot.press("n", "x")
        assert app.current_group in app.kept
        assert "no note yet · a adds one" in panel.text
        await pilot.press("space")  # no longer keep
        assert app.current_group in app.kept


def test_collisions_name_both_bindings_and_fall_back_in_a_chain():
    defaults = {"keep": "space", "note": "a", "next-passage": "n", "save": "s", "confirm-yes": "y"}
    together = [{"keep", "note", "next-passage", "save"}, {"confirm-yes"}]
    # note takes n (next-passage's): note keeps a; then keep = "a" collides
    # with note's default, back in force: keep keeps space.
    config = Config(keys={"note": "n", "keep": "a", "save": "y"})
    good, problems = check_keys(config, set(defaults), defaults=defaults, together=together)
    assert good == {"save": "y"}  # y is the dialogs' only: no collision
    assert len(problems) == 2
    assert any("keys.note" in p and "next-passage" in p and "note keeps a" in p for p in problems)
    assert any("keys.keep" in p and "with note" in p and "keep keeps space" in p for p in problems)


def test_a_swap_is_not_a_collision():
    defaults = {"next-passage": "n", "previous-passage": "p"}
    config = Config(keys={"next-passage": "p", "previous-passage": "n"})
    good, problems = check_keys(config, set(defaults), defaults=defaults, together=[set(defaults)])
    assert good == {"next-passage": "p", "previous-passage": "n"} and problems == []


def test_keys_are_compared_as_textual_names_them():
    from sidebyside.app.help import normalise_key

    defaults = {"help": "question_mark", "keep": "space"}
    config = Config(keys={"keep": "?"})
    good, problems = check_keys(
        config, set(defaults), defaults=defaults, together=[set(defaults)], normalise=normalise_key
    )
    assert good == {} and "collides with help" in problems[0]


async def test_notices_name_the_keys_in_force(sample_articles):
    keys = {"note": "A", "save": "ctrl+s", "next-passage": "ctrl+n,n"}
    app = SideBySideApp(sample_articles, config=Config(keys=keys))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert _warnings(app) == []
        await pilot.press("space")  # nothing selected yet
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Select a passage first (ctrl+n / p" in m for m in messages), messages
        await pilot.press("n", "space")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("A adds a note · ctrl+s saves" in m for m in messages), messages
