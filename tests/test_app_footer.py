"""The footer at 80x24: a key that does not fit whole is not drawn.

User test: the reading screen's footer ended "s Save ] N▏^p palette" (the
next-outlet key cut after its first letter), the overview's "h Only▏".
"""

from __future__ import annotations

import pytest
from conftest import ready
from textual.widgets._footer import FooterKey

from sidebyside.app.footer import ReaderFooter


def _keys(app) -> tuple[list[FooterKey], list[FooterKey], FooterKey]:
    footer = app.screen.query_one(ReaderFooter)
    keys = list(footer.query(FooterKey))
    palette = next(k for k in keys if k.has_class("-command-palette"))
    shown = [k for k in keys if k is not palette and not k.has_class("-cut")]
    cut = [k for k in keys if k.has_class("-cut")]
    return shown, cut, palette


@pytest.mark.parametrize("keys", [(), ("m",)])
async def test_every_key_drawn_in_the_footer_is_whole(make_app, keys):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press(*keys)
        await pilot.pause(0.2)
        shown, cut, palette = _keys(app)
        assert shown and cut  # (80 columns hold some of the keys, not all)
        assert all(k.region.right <= palette.region.x for k in shown)
        assert all(not k.visible for k in cut)
        # The first key not drawn would have run past the palette key.
        first = cut[0]
        assert first.region.x + first.outer_size.width > palette.region.x or not first.region


async def test_a_wider_terminal_shows_the_keys_again(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause(0.2)
        _shown, cut80, _ = _keys(app)
        await pilot.resize_terminal(160, 45)
        await pilot.pause(0.2)
        shown, cut, palette = _keys(app)
        assert len(cut) < len(cut80)
        assert all(k.region.right <= palette.region.x for k in shown)


async def test_the_overview_footer_shows_0_that_clears_the_filters_at_80_columns(make_app):
    # 0 (every row again) was not in the overview's footer at all.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("m", "f")
        await pilot.pause(0.2)
        shown, _cut, _ = _keys(app)
        (clear,) = [k for k in shown if k.key == "0"]
        assert clear.description == "All rows" and clear.visible
