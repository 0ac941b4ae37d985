"""Snapshots of the reading app (pytest-textual-snapshot).

Each waits for the alignment worker before the picture is taken, so the
highlights are always there.  Regenerate with
``pytest tests/test_app_snapshots.py --snapshot-update`` and look at the
SVGs before committing them."""

from __future__ import annotations

import pytest
from conftest import after_keys

pytestmark = pytest.mark.app  # private user folders (conftest.py)


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
        run_before=after_keys("n", "space", "a", *"worth", "enter"),
    )


def test_kept_highlight_light_theme(snap_compare, make_app):
    assert snap_compare(
        make_app(),
        terminal_size=(120, 30),
        run_before=after_keys("n", "space", "n", "n", theme="textual-light"),
    )


def test_note_dialog(snap_compare, make_app):
    assert snap_compare(
        make_app(),
        terminal_size=(100, 30),
        run_before=after_keys("n", "a", *"why", "space", *"this"),
    )
