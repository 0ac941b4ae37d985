"""Snapshots of the reading app (pytest-textual-snapshot).

Each waits for the alignment worker before the picture is taken, so the
highlights are always there.  Regenerate with
``pytest tests/test_app_snapshots.py --snapshot-update`` and look at the
SVGs before committing them."""

from __future__ import annotations

import pytest
from conftest import after_keys
from test_app_wrap import WIRE as _WIRE

pytestmark = pytest.mark.app  # private user folders (conftest.py)


def without_notices(*keys: str, theme: str | None = None):
    """after_keys, then the notices cleared: a notice shows for a few
    seconds, and a loaded machine took the picture after it had gone."""
    before = after_keys(*keys, theme=theme)

    async def run_before(pilot) -> None:
        await before(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def test_main_screen_80x24(snap_compare, make_app):
    """Two panes of five, Press TV focused (the first article that shares a passage), its first passage selected."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=after_keys("n"))


def test_main_screen_160x45(snap_compare, make_app):
    """Four panes; the quote "[We are] ready to talk…" followed into Ukrainska Pravda."""
    assert snap_compare(
        make_app(),
        terminal_size=(160, 45),
        run_before=after_keys("n", "n", "right_square_bracket"),
    )


def test_main_screen_light_theme(snap_compare, make_app):
    assert snap_compare(
        make_app(),
        terminal_size=(120, 30),
        run_before=after_keys("n", "n", "n", "n", theme="textual-light"),
    )


def test_help_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(100, 45), run_before=after_keys("question_mark"))


def test_narrow_terminal_60x20(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=after_keys("n"))


def test_terminal_too_small(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(30, 8), run_before=after_keys())


def test_kept_highlight_with_note(snap_compare, make_app):
    """g1 kept with a note: the ★ mark beside its rows, the badge and note in the panel."""
    assert snap_compare(
        make_app(),
        terminal_size=(120, 30),
        run_before=without_notices("n", "space", "a", *"worth", "enter"),
    )


def test_kept_highlight_light_theme(snap_compare, make_app):
    assert snap_compare(
        make_app(),
        terminal_size=(120, 30),
        run_before=without_notices("n", "space", "n", "n", theme="textual-light"),
    )


def test_note_dialog(snap_compare, make_app):
    assert snap_compare(
        make_app(),
        terminal_size=(100, 30),
        run_before=after_keys("n", "a", *"why", "space", *"this"),
    )


_BLOG = (
    "# Living below a dam: Itabirito's long night\n\n*Posted on January 10 by Carla Souza*\n\n"
    "Authorities in the Brazilian state of Minas Gerais ordered about 4,300 people to leave their homes on "
    "Tuesday after cracks appeared in a reservoir dam swollen by a week of torrential rain. I was one of them.\n"
)


def _hard_wrapped_pair():
    """A hard-wrapped wire story and a Markdown blog post, with one fixed group (the lede)."""
    from pathlib import Path

    from sidebyside.model import Alignment, Group, Passage
    from sidebyside.reading.articles import article_from_text

    articles = [article_from_text(Path("blog.md"), _BLOG), article_from_text(Path("wire.txt"), _WIRE)]
    lede = "of torrential rain."
    spans = [
        (0, _BLOG.index("Authorities"), _BLOG.index(lede) + len(lede)),
        (1, _WIRE.index("Authorities"), _WIRE.index(lede) + len(lede)),
    ]
    passages = tuple(Passage(a, s, e, articles[a].text[s:e], 100.0) for a, s, e in spans)

    def aligner(given, options=None, progress=None):
        if progress is not None:
            progress(1, 1)
        return Alignment(tuple(given), (Group("g1", "verbatim", False, passages),))

    return articles, aligner


def test_hard_wrapped_and_markdown_articles_read_as_paragraphs(snap_compare, make_app):
    """The wire's hard-wrapped lines wrapped again to the pane (no ragged row
    after each of its lines); the blog's # and * marks not drawn."""
    articles, aligner = _hard_wrapped_pair()
    assert snap_compare(make_app(articles, aligner=aligner), terminal_size=(110, 24), run_before=after_keys("n"))
