"""Group tints a reader can tell apart (issue 12, item 3): CIEDE2000 colour
differences between the tints of groups on screen together, on dark and
light themes, in truecolor and on 256-colour terminals."""

from __future__ import annotations

import itertools

import pytest
from rich.color import ColorSystem
from textual.app import App
from textual.color import Color

from sidebyside.aligning.align import align
from sidebyside.app.app import SideBySideApp
from sidebyside.app.colours import (
    MIN_DELTA_E,
    MIN_DELTA_E_BACKGROUND,
    assign,
    delta_e,
    delta_e_lab,
    palette,
    shown_as,
)

pytestmark = pytest.mark.app  # private user folders (conftest.py)


@pytest.mark.parametrize(
    "one, two, expected",
    [  # Sharma, Wu and Dalal's CIEDE2000 test data (pairs 1, 7, 17, 25)
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_delta_e_is_ciede2000(one, two, expected):
    assert delta_e_lab(one, two) == pytest.approx(expected, abs=1e-4)
    assert delta_e_lab(two, one) == pytest.approx(expected, abs=1e-4)


def test_the_reported_pair_is_too_close_to_tell_apart():
    # g1 #0b3a5f beside g2 #0a263a, as the new user saw them.
    assert delta_e(Color.parse("#0b3a5f"), Color.parse("#0a263a")) < MIN_DELTA_E


SYSTEMS = [None, ColorSystem.EIGHT_BIT]


def _tint(colours, system) -> Color:
    return shown_as(Color(*colours.tint.bgcolor.get_truecolor()), system)


@pytest.mark.parametrize("system", SYSTEMS, ids=["truecolor", "256"])
def test_every_tint_stands_apart_on_every_theme(system):
    app = App()
    for name in sorted(app.available_themes):
        app.theme = name
        pal = palette(app.get_css_variables(), app.current_theme.dark, system)
        tints = [_tint(c, system) for c in pal.colours]
        background = shown_as(pal.background, system)
        assert len(tints) >= 4 or name.startswith("ansi"), (name, len(tints))
        for tint in tints:
            assert delta_e(tint, background) >= MIN_DELTA_E_BACKGROUND, name
        for a, b in itertools.combinations(tints, 2):
            assert delta_e(a, b) >= MIN_DELTA_E, (name, a.hex, b.hex)


def _on_screen_together(alignment, size):
    """Pairs of groups within ``size`` passages of each other in an article."""
    pairs = set()
    for article in range(len(alignment.articles)):
        ids = [g.id for _, g in alignment.passages_in(article)]
        for i, a in enumerate(ids):
            for b in ids[i + 1 : i + size]:
                if a != b:
                    pairs.add(tuple(sorted((a, b))))
    return pairs


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("system", SYSTEMS, ids=["truecolor", "256"])
def test_groups_of_the_sample_in_one_pane_get_tints_a_reader_tells_apart(sample_articles, theme, system):
    alignment = align(sample_articles)
    app = App()
    app.theme = theme
    pal = palette(app.get_css_variables(), app.current_theme.dark, system)
    index = assign(alignment, len(pal))
    pairs = _on_screen_together(alignment, len(pal))
    assert pairs
    for a, b in pairs:
        assert index[a] != index[b], (a, b)
        assert delta_e(_tint(pal[index[a]], system), _tint(pal[index[b]], system)) >= MIN_DELTA_E, (a, b)


@pytest.mark.parametrize("colours", ["truecolor", "256"])
async def test_the_app_tints_the_sample_groups_apart(sample_articles, monkeypatch, colours):
    """In the app, dark theme then light: the five groups (all in Press TV
    and in Ukrainska Pravda) get five tints, each pair far enough apart as
    the terminal shows them (g1 and g4 were one blue, g2 and g5 one brown)."""
    import textual.constants

    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", colours)
    system = None if colours == "truecolor" else ColorSystem.EIGHT_BIT
    app = SideBySideApp(sample_articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            tints = {gid: _tint(c, system) for gid, c in app.group_colours.items()}
            assert len(tints) == 5
            for a, b in itertools.combinations(sorted(tints), 2):
                assert delta_e(tints[a], tints[b]) >= MIN_DELTA_E, (theme, a, b)


def test_a_long_run_of_groups_spreads_repeats_apart():
    """More groups in a row than hues: within any run of as many passages
    as there are hues, no hue comes twice (the old colouring only kept the
    next two apart)."""
    from pathlib import Path

    from sidebyside.model import Alignment, Group, Passage
    from sidebyside.reading.articles import article_from_text

    text = " ".join(f"word{i:03d}" for i in range(400))
    articles = tuple(article_from_text(Path(f"/tmp/a{i}.txt"), text) for i in range(2))
    groups = tuple(
        Group(f"g{i + 1}", "verbatim", False, tuple(
            Passage(a, i * 24, i * 24 + 15, text[i * 24 : i * 24 + 15], 100.0) for a in (0, 1)
        ))
        for i in range(15)
    )
    index = assign(Alignment(articles, groups), 6)
    ids = [g.id for g in groups]
    for i in range(len(ids)):
        window = [index[g] for g in ids[i : i + 6]]
        assert len(set(window)) == len(window), window


def _strong(colours, system) -> Color:
    return shown_as(Color(*colours.current.bgcolor.get_truecolor()), system)


@pytest.mark.parametrize(
    "system", [None, ColorSystem.EIGHT_BIT, ColorSystem.STANDARD], ids=["truecolor", "256", "16"]
)
def test_the_current_groups_tint_is_no_other_groups_tint(system):
    """The current group's strong tint, as the terminal shows it, stands
    apart from every group's plain tint, its own included (in 256 colours
    on textual-dark the current g2 and the plain g1 were both 48;5;23); on
    16 colours it is another of the terminal's colours."""
    app = App()
    for name in sorted(app.available_themes):
        app.theme = name
        pal = palette(app.get_css_variables(), app.current_theme.dark, system)
        tints = [_tint(c, system) for c in pal.colours]
        for colours in pal.colours:
            strong = _strong(colours, system)
            if system == ColorSystem.STANDARD:
                assert strong not in tints, (name, strong.hex)
            else:
                nearest = min(delta_e(strong, tint) for tint in tints)
                assert nearest >= MIN_DELTA_E, (name, strong.hex, nearest)


def test_text_reads_on_every_tint_on_a_16_colour_terminal():
    """Usertest 2, finding 15: with TERM=xterm a group was drawn in bright
    white on yellow, 1.7:1 on xterm's yellow (205,205,0): the text on a
    tint is chosen for the colours the terminal shows, not Rich's darker
    stand-ins.  (The ansi themes' text is the terminal's own colour.)"""
    from sidebyside.app.colours import MIN_CONTRAST, contrast

    app = App()
    system = ColorSystem.STANDARD
    for name in sorted(app.available_themes):
        if name.startswith("ansi"):
            continue
        app.theme = name
        pal = palette(app.get_css_variables(), app.current_theme.dark, system)
        for colours in pal.colours:
            for style in (colours.tint, colours.variant):
                ground = shown_as(Color(*style.bgcolor.get_truecolor()), system)
                text = shown_as(Color(*style.color.get_truecolor()), system)
                assert contrast(ground, text) >= MIN_CONTRAST, (name, ground.hex, text.hex)
