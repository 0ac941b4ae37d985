"""The app under awkward conditions: small and changing terminals, one
article, articles with nothing in common, a failing or slow alignment."""

from __future__ import annotations

import time

import pytest
import sample_alignment
from conftest import messages, ready

from sidebyside.app.app import SideBySideApp
from sidebyside.app.pane import ArticleBody

pytestmark = pytest.mark.app  # private user folders (conftest.py)


async def test_tiny_terminal_says_too_small(make_app):
    app = make_app()
    async with app.run_test(size=(30, 8)) as pilot:
        await ready(pilot)
        assert app.screen.has_class("-too-small")
        message = app.screen.query_one("#too-small")
        assert message.display and message.region.width > 0
        assert "too small" in str(message.render())
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not app.screen.has_class("-too-small")
        assert app.focused is not None and app.focused.region.width > 0


async def test_60x20_shows_one_pane_with_tabs(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        shown = [p for p in app.screen.query("ArticlePane") if p.display]
        assert len(shown) == 1
        tabs = app.screen.query_one("#tabs")
        # Press TV, the first article sharing a passage, has the focus.
        assert tabs.display and "2 of 5" in str(tabs.render())
        await pilot.press("n")
        assert app.current_group is not None
        body = app.screen.query_one("#body-1", ArticleBody)
        assert body.in_view(app.current_version.start, app.current_version.end)
        panel = app.screen.query_one("#panel")
        assert 0 < panel.region.height <= 7


async def test_resizing_keeps_the_reading_position(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("n", "n", "n", "pagedown", "pagedown")
        version = app.current_version
        body = app.screen.query_one(f"#body-{version.article}", ArticleBody)
        assert not body.in_view(version.start, version.end)  # read on past it: the top text stays
        top = body.wrapped.offset_of(int(body.scroll_y))
        for size in ((80, 24), (60, 20), (30, 8), (200, 50), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        # The same text is at the top after all that.
        row = body.wrapped.row_of(top)
        assert abs(body.scroll_y - row) <= 1 or body.scroll_y == body.max_scroll_y
        assert app.focused is body


async def test_resize_while_aligning(make_app):
    def slow_align(articles, options, progress):
        time.sleep(0.3)
        return sample_alignment.aligner(articles, options, progress=progress)

    app = make_app(aligner=slow_align)
    async with app.run_test(size=(160, 45)) as pilot:
        assert app.alignment is None
        assert app.screen.query_one("#status").display
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await ready(pilot)
        assert app.alignment is not None
        assert app.align_state == "done"
        assert not app.screen.query_one("#status").display


async def test_progress_is_shown_for_a_slow_alignment(make_app):
    """A bar appears once aligning takes long enough for one to help (not
    for a quick alignment: see the next test), and goes with the status line."""
    seen = []
    bars = []

    def stepping_align(articles, options, progress):
        for done in range(1, 9):
            progress(done, 8)
            time.sleep(0.1)
        return sample_alignment.aligner(articles, options)

    app = make_app(aligner=stepping_align)
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
            seen.append(app.align_progress)
            found = app.screen.query("#status-bar")
            if found:
                bars.append(found.first().total)
            if app.alignment is not None:
                break
        await ready(pilot)
        assert any(0 < done < total for done, total in seen)
        assert bars and bars[-1] == 8
        assert not app.screen.query("#status-bar")
        assert not app.screen.query_one("#status").display


async def test_a_quick_alignment_shows_no_progress_bar(monkeypatch, make_app, sample_articles):
    """The bar waits :data:`BAR_AFTER`; an alignment done by then never shows
    it, not even for a moment.  The delay is run by hand once the alignment
    is in, so the test checks the delay's logic, not the machine's speed
    (the aligner's import and run could pass 0.3 s under load)."""
    import sample_alignment

    from sidebyside.app import status
    from sidebyside.app.status import AlignStatus

    mounted = []
    delays = []
    original = AlignStatus.mount

    def recording_mount(self, *widgets, **kwargs):
        mounted.extend(widgets)
        return original(self, *widgets, **kwargs)

    def held_timer(self, delay, callback, *args, **kwargs):
        delays.append((delay, callback))

    monkeypatch.setattr(AlignStatus, "mount", recording_mount)
    monkeypatch.setattr(AlignStatus, "set_timer", held_timer)
    alignment = sample_alignment.load(sample_articles)  # read before: the aligner answers at once
    app = make_app(aligner=lambda articles, options=None, progress=None: alignment)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert app.align_state == "done"
        assert [delay for delay, _ in delays] == [status.BAR_AFTER] and status.BAR_AFTER > 0
        delays[0][1]()  # the delay passes, after the alignment
        await pilot.pause()
        assert not [w for w in mounted if w.id == "status-bar"]  # not shown for a moment, either
        assert not app.screen.query("#status-bar")


async def test_alignment_error_is_reported_in_the_app(make_app):
    def broken(articles, options, progress):
        raise RuntimeError("disk on fire")

    app = make_app(aligner=broken)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert app.is_running
        assert app.align_state == "error"
        assert "disk on fire" in app.align_error
        status = app.screen.query_one("#status")
        assert status.display and "disk on fire" in str(status.query_one("#status-label").render())
        assert any("disk on fire" in m for m in messages(app))
        # The text is still there to read.
        body = app.screen.query_one("#body-0", ArticleBody)
        assert body.wrapped is not None and len(body.wrapped) > 10
        await pilot.press("n")
        assert app.current_group is None


async def test_single_article_opens_with_a_notice(sample_articles):
    app = SideBySideApp(sample_articles[1:2])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert any("Only one article" in m for m in messages(app))
        assert len(app.screen.query("ArticlePane")) == 1
        assert app.alignment is not None and app.alignment.groups == ()
        assert "nothing to align" in app.screen.query_one("#panel").text
        await pilot.press("n", "right_square_bracket", "c", "l", "b")
        assert app.current_group is None


async def test_an_article_with_no_shared_passage_shows_normally(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        pane = app.screen.query_one("#pane-0")
        body = pane.body
        assert body.passage_count == 0
        assert pane.border_subtitle == "no shared passage"
        assert len(body.wrapped) > 20
        await pilot.press("shift+tab", "n")
        assert app.current_group is None
        assert app.focused is body


async def test_theme_change_recolours_the_groups(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        dark = dict(app.group_colours)
        app.theme = "textual-light"
        await pilot.pause()
        light = app.group_colours
        assert light.keys() == dark.keys()
        assert all(light[g].tint != dark[g].tint for g in light)


async def test_a_body_draws_its_text_before_its_resize_event(make_app):
    """Textual draws the first frame (and the first after a resize) before
    the widgets hear of their size: the body wraps when asked for a line, so
    that frame shows the text, then sizes its scrolling to it."""
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        body = app.screen.query_one("#body-1", ArticleBody)
        first_row = body.render_line(0).text.strip()
        # As if the body had never heard of its size.
        body._wrapped = body._sized_for = None
        body._strips.clear()
        assert body.render_line(0).text.strip() == first_row != ""
        await pilot.pause()
        assert body._sized_for is body.wrapped
        assert body.virtual_size.height == len(body.wrapped)


async def test_the_outlet_strip_names_the_panes_shown_first(make_app):
    """At 90 columns two panes show and the strip cannot name all five
    outlets: it names the two shown, whichever has the focus."""
    app = make_app()
    async with app.run_test(size=(90, 30)) as pilot:
        await ready(pilot)
        for keys in ((), ("tab",)):
            await pilot.press(*keys)
            strip = str(app.screen.query_one("#tabs").render())
            shown = [p for p in app.screen.query("ArticlePane") if p.display]
            assert len(shown) == 2
            for pane in shown:
                assert f"{pane.index + 1} {pane.article.label}" in strip, strip


async def test_the_app_starts_in_the_first_article_that_shares_a_passage(sample_articles, make_app):
    """The sample corpus's first article shares nothing: n there would only
    say so. Once aligned, the focus is on Press TV, the next one; but an
    article chosen on the command line first keeps the focus if it shares."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert app.focused is app.screen.query_one("#body-1", ArticleBody)
        await pilot.press("n")
        assert app.current_version.article == 1
    app = SideBySideApp([sample_articles[4], *sample_articles[:4]])
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert app.focused is app.screen.query_one("#body-0", ArticleBody)


async def test_resizing_keeps_the_current_passage_in_view(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("n", "n", "n")
        version = app.current_version
        body = app.screen.query_one(f"#body-{version.article}", ArticleBody)
        assert body.in_view(version.start, version.end)
        for size in ((80, 24), (100, 30), (60, 20), (160, 45)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert body.in_view(version.start, version.end), size
            # The place kept for the next resize is the text now at the top.
            top = int(body.scroll_y)
            assert body.wrapped.row_of(body.top_offset) == top or top == body.max_scroll_y, size
