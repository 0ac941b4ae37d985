"""Snapshots of the overview (m), on the fixed sample story (tests/story.py).

Regenerate with ``pytest tests/test_overview_snapshots.py --snapshot-update``
and look at the SVGs before committing them."""

from __future__ import annotations

from conftest import after_keys
from story import fixed_aligner, sample_story

from sidebyside.app.app import SideBySideApp


def _app(articles) -> SideBySideApp:
    return SideBySideApp(articles, aligner=fixed_aligner(sample_story(articles)))


def test_overview_80x24(snap_compare, sample_articles):
    """Five groups, five outlets: the group, wording and flags stay, the outlets scroll."""
    assert snap_compare(_app(sample_articles), terminal_size=(80, 24), run_before=after_keys("n", "n", "m"))


def test_overview_160x45(snap_compare, sample_articles):
    """Every outlet in view; g3 current (quoted by Press TV and Ukrainska Pravda, paraphrased by the Aggregator)."""
    assert snap_compare(_app(sample_articles), terminal_size=(160, 45), run_before=after_keys("n", "n", "n", "m"))


def test_overview_light_theme_flagged_only(snap_compare, sample_articles):
    assert snap_compare(
        _app(sample_articles), terminal_size=(120, 30), run_before=after_keys("m", "f", theme="textual-light")
    )
