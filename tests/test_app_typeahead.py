"""Keys typed ahead are never lost (issue 12, item 1): keys sent in one
burst right after a key that opens an input (``/``, ``a``, ``S``, ``o``,
``ctrl+p``) land in that input, in order, and enter does not overtake them.

``pilot.press`` waits for the app between keys, which hides the problem;
:func:`burst` sends the keys as a fast typist or a paste does, all before
the app has handled the first.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.command import CommandPalette
from textual.keys import _character_to_key, key_to_character

from sidebyside.app.app import SideBySideApp

pytestmark = pytest.mark.app  # private user folders (conftest.py)

#: The character each key name typed here stands for.
CHARS: dict[str, str] = {}


def keys(text: str) -> list[str]:
    names = [c if c.isalnum() else _character_to_key(c) for c in text]
    CHARS.update(zip(names, text, strict=True))
    return names


async def burst(pilot, *names: str, settle: float = 1.0) -> None:
    """Send every key at once, then let the app catch up."""
    app = pilot.app
    for name in names:
        char = name if len(name) == 1 else CHARS.get(name, key_to_character(name))
        event = events.Key(name, char)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause(settle)
    await pilot.pause()


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_search_typed_in_one_burst_is_all_in_the_field(sample_articles):
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await burst(pilot, "slash", *keys("Kremlin"))
        assert app.focused.value == "Kremlin"
        assert app.search_query == "Kremlin"
        await burst(pilot, "enter", "enter")  # steps through the matches, in the field's order
        assert app.search_current is not None


async def test_a_note_typed_in_one_burst_is_saved_whole(sample_articles):
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        group = app.current_group
        await burst(pilot, "a", *keys("equality vs equal approach"), "enter")
        assert app.kept == {group: "equality vs equal approach"}
        assert app.screen is app.reader


async def test_a_save_as_name_typed_in_one_burst_is_where_it_saves(sample_articles, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("n", "space")
        await burst(pilot, "S", *keys("my-report.md"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "my-report.md").is_file()
        assert app.screen is app.reader


async def test_keys_typed_into_the_outlet_picker_pick_the_same_outlet(sample_articles):
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        start = app.reader.focused_index
        await burst(pilot, "o", "down", "down", "enter")
        assert app.screen is app.reader
        assert app.reader.focused_index == (start + 2) % len(sample_articles)


async def test_a_palette_query_typed_in_one_burst_is_all_in_the_field(sample_articles):
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await burst(pilot, "ctrl+p", *keys("ready to talk"))
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one("Input").value == "ready to talk"


def _typed(seed: int) -> tuple[list[str], str, list[int]]:
    """A random note typed with backspaces: the keys, the text they leave,
    and where the app gets a moment between keys (a slower typist)."""
    import random

    rng = random.Random(seed)
    names: list[str] = []
    text: list[str] = []
    for char in "".join(rng.choice("abcdeXYZ ") for _ in range(rng.randint(2, 10))):
        names += keys(char)
        text.append(char)
        if rng.random() < 0.3:
            names.append("backspace")
            if text:
                text.pop()
    gaps = sorted(rng.sample(range(len(names) + 1), rng.randint(0, 3)))
    return names, "".join(text).strip(), gaps


async def test_notes_typed_in_random_bursts_keep_every_key_in_order(make_app):
    """Letters, backspace and enter in one burst (usertest 7: "aquick note"
    came out "qeuick not"; "XYZ", backspace, enter saved "XYZ"), with the
    app catching up at random points: the note is what was typed."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        group = app.current_group
        await burst(pilot, "a", *keys("quick note"), "enter", settle=0.3)
        assert app.kept[group] == "quick note"
        app.kept[group] = ""
        await burst(pilot, "a", "X", "Y", "Z", "backspace", "enter", settle=0.3)
        assert app.kept[group] == "XY"
        for seed in range(12):
            app.kept[group] = ""
            names, text, gaps = _typed(seed)
            sequence = ["a", *names, "enter"]
            parts = [sequence[a:b] for a, b in zip([0, *gaps], [*gaps, len(sequence)], strict=True)]
            for part in parts[:-1]:
                await burst(pilot, *part, settle=0)
            await burst(pilot, *parts[-1], settle=0.3)
            assert (seed, app.kept[group]) == (seed, text)
            assert app.screen is app.reader
