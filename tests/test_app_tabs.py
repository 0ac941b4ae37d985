"""The outlet strip's tabs are readable (usertest 8: the focused tab was
#e2e3e5 on orange #fea62b, 1.5:1; 253 on 214 in 256 colours)."""

from __future__ import annotations

import pytest
from rich.color import ColorSystem
from textual.color import Color

from sidebyside.app.colours import contrast, shown_as

pytestmark = pytest.mark.app  # private user folders (conftest.py)


def _colour(rich_colour, system) -> Color:
    return shown_as(Color(*rich_colour.get_truecolor()), system)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("system", [None, ColorSystem.EIGHT_BIT], ids=["truecolor", "256"])
async def test_every_tab_reads_at_4_5_to_1(make_app, theme, system):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        app.theme = theme
        await app.workers.wait_for_complete()
        await pilot.pause()
        tabs = app.screen.query_one("#tabs")
        segments = [seg for seg in tabs.render_line(0) if seg.text.strip() and seg.style]
        focused = [seg for seg in segments if "Press TV" in seg.text]
        assert focused, segments
        for seg in segments:
            fg = seg.style.color or tabs.rich_style.color
            bg = seg.style.bgcolor or tabs.rich_style.bgcolor
            ratio = contrast(_colour(fg, system), _colour(bg, system))
            assert ratio >= 4.5, (seg.text, str(seg.style), ratio)
