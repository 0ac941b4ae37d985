"""The reading app driven by its real keys (Textual's Pilot)."""

from __future__ import annotations

import pytest
from conftest import body, messages, ready

from sidebyside.app.app import SideBySideApp

pytestmark = pytest.mark.app  # private user folders (conftest.py)

# The sample corpus in load order: 0 lavrov-debunks (no shared passage),
# 1 Press TV (g1..g5), 2 News site (g1), 3 Aggregator (g4),
# 4 Ukrainska Pravda (g1..g5, g3 twice).
PRESS_TV, NEWS_SITE, AGGREGATOR, PRAVDA = 1, 2, 3, 4
WIDE = (200, 50)  # all five panes shown


def current_in_view(app) -> bool:
    version = app.current_version
    return body(app, version.article).in_view(version.start, version.end)


async def test_n_and_p_step_through_the_focused_pane(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        # The first article shares no passage: the app starts in the first that does.
        assert app.focused is body(app, PRESS_TV)
        order = [group.id for _, group in app.alignment.passages_in(PRESS_TV)]
        await pilot.press("n")
        assert app.current_group == order[0]
        assert app.current_version.article == PRESS_TV
        await pilot.press("n", "n")
        assert app.current_group == order[2]
        assert current_in_view(app)
        await pilot.press("p")
        assert app.current_group == order[1]
        assert app.focused is body(app, PRESS_TV)
        assert current_in_view(app)


async def test_n_scrolls_a_passage_far_down_into_view(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = body(app, PRESS_TV)
        assert pane.scroll_y == 0
        for _ in range(5):
            await pilot.press("n")
        last = app.alignment.passages_in(PRESS_TV)[-1]
        assert app.current_group == last[1].id
        assert pane.scroll_y > 0
        assert pane.in_view(last[0].start, last[0].end)


async def test_brackets_move_to_the_same_group_in_the_next_outlet(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("n")  # g1 in Press TV
        group = app.alignment.group(app.current_group)
        outlets = [p.article for p in group.passages]
        assert outlets == [PRESS_TV, NEWS_SITE, PRAVDA]
        await pilot.press("right_square_bracket")
        assert app.focused is body(app, NEWS_SITE)
        assert app.current_version.article == NEWS_SITE
        assert current_in_view(app)
        await pilot.press("right_square_bracket")
        # Ukrainska Pravda was outside the 4-pane window: it is brought in.
        assert app.focused is body(app, PRAVDA)
        assert app.screen.query_one("#pane-4").display
        assert current_in_view(app)
        await pilot.press("right_square_bracket")
        assert app.focused is body(app, PRESS_TV)
        await pilot.press("left_square_bracket")
        assert app.focused is body(app, PRAVDA)
        assert app.current_group == group.id


async def test_bracket_centres_the_passage(make_app):
    app = make_app()
    async with app.run_test(size=(200, 30)) as pilot:
        await ready(pilot)
        for _ in range(4):
            await pilot.press("n")  # the fourth group in Press TV
        gid = app.current_group
        await pilot.press("right_square_bracket")
        target = app.current_version
        pane = body(app, target.article)
        first, last = pane.rows_of(target.start, target.end)
        height = pane.scrollable_content_region.height
        middle = (first + last) / 2 - pane.scroll_y
        assert app.current_group == gid
        assert pane.scroll_y == 0 or abs(middle - height / 2) <= 1.5


async def test_tab_and_shift_tab_cycle_the_panes(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # two panes shown
        await ready(pilot)
        assert app.focused is body(app, PRESS_TV)
        await pilot.press("tab", "tab")
        assert app.focused is body(app, 3)
        assert app.screen.row.first == 2
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert app.focused is body(app, 4)  # wrapped round
        assert app.screen.row.first == 3


async def test_scroll_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = app.focused
        await pilot.press("j", "j", "down")
        assert pane.scroll_y == 3
        await pilot.press("k")
        assert pane.scroll_y == 2
        await pilot.press("pagedown")
        assert pane.scroll_y == 2 + pane.scrollable_content_region.height - 1
        await pilot.press("G")
        assert pane.scroll_y == pane.max_scroll_y > 0
        await pilot.press("g")
        assert pane.scroll_y == 0


async def test_linked_scrolling_keeps_the_shared_group_on_one_row(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("l")
        assert app.linked
        leader = body(app, PRESS_TV)
        follower = body(app, PRAVDA)
        before = follower.scroll_y
        await pilot.press(*["j"] * 12)
        await pilot.pause()
        assert follower.scroll_y != before
        # The group nearest the top of the leader sits on the same row in the follower.
        rows = leader.passage_rows()
        top = leader.scroll_y
        row, gid, _ = min(rows, key=lambda r: abs(r[0] - top))
        follower_rows = [follower.rows_of(v.start, v.end)[0] for v in follower.versions(gid)]
        assert any(r - follower.scroll_y == row - top for r in follower_rows) or follower.scroll_y in (
            0,
            follower.max_scroll_y,
        )
        await pilot.press("l")
        assert not app.linked
        still = follower.scroll_y
        await pilot.press("j", "j")
        assert follower.scroll_y == still


async def test_linked_scrolling_follows_a_selected_passage(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("l", "n", "n", "n", "n")  # g4 in Press TV
        await pilot.pause()
        gid = app.current_group
        leader = body(app, PRESS_TV)
        for index in (AGGREGATOR, PRAVDA):
            other = body(app, index)
            version = other.versions(gid)[0]
            lead = leader.versions(gid)[0]
            lead_row = leader.rows_of(lead.start, lead.end)[0] - leader.scroll_y
            other_row = other.rows_of(version.start, version.end)[0] - other.scroll_y
            assert other_row == lead_row or other.scroll_y in (0, other.max_scroll_y)


async def test_search_finds_and_steps_through_matches(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        bar = app.screen.query_one("#search")
        assert bar.display
        await pilot.press(*"Cuban")
        assert app.search_query == "Cuban"
        total = sum(len(body(app, i).matches) for i in range(5))
        assert total >= 4
        await pilot.press("enter")
        first = app.search_current
        assert first is not None
        assert app.articles[first.article].text[first.start : first.end].lower() == "cuban"
        assert body(app, first.article).in_view(first.start, first.end)
        outlet = app.articles[first.article].label
        assert str(app.screen.query_one("#search-count").render()) == f"1/{total} · {outlet}"
        await pilot.press("enter")
        second = app.search_current
        assert second != first
        await pilot.press("up")
        assert app.search_current == first
        await pilot.press("escape")
        assert not bar.display
        assert app.search_query == "Cuban"  # highlights stay
        assert app.focused is body(app, first.article)
        await pilot.press("escape")
        assert app.search_query == ""


async def test_search_finds_both_spellings_of_a_name(make_app):
    """Sergei and Sergey are one name to the aligner, and so to search."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        found = {}
        for query in ("Sergei", "Sergey"):
            await pilot.press("slash", "ctrl+u", *query, "enter")
            found[query] = {
                app.articles[i].text[s:e] for i in range(5) for s, e in body(app, i).matches
            }
        assert found["Sergei"] == found["Sergey"] == {"Sergei", "Sergey"}


async def test_search_without_match_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"zzzqx", "enter")
        assert app.search_current is None
        assert str(app.screen.query_one("#search-count").render()) == "no match"


async def test_b_toggles_boilerplate(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        pane = body(app, PRESS_TV)
        assert "boilerplate" in pane.wrapped.kinds
        rows = len(pane.wrapped)
        await pilot.press("b")
        assert app.show_boilerplate is False
        assert "boilerplate" not in pane.wrapped.kinds
        assert len(pane.wrapped) < rows
        await pilot.press("b")
        assert app.show_boilerplate is True
        assert len(pane.wrapped) == rows


async def test_c_copies_the_current_group(monkeypatch, make_app):
    copied = []
    monkeypatch.setattr("sidebyside.app.clipboard.system_command", lambda: ["xclip"])
    monkeypatch.setattr("sidebyside.app.clipboard.system_copy", lambda text: copied.append(text) or None)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        assert app.clipboard == ""  # nothing selected yet
        await pilot.press("n", "n")  # g2, the verbatim quote
        await pilot.press("c")
        await app.workers.wait_for_complete()
        group = app.alignment.group(app.current_group)
        text = app.clipboard
        assert text.splitlines()[0].startswith(f"{group.id} · {group.kind}")
        for passage in group.passages:
            assert f"- {app.articles[passage.article].label} (similarity " in text
        assert "[We are] ready to talk with the West about reducing tensions" in text
        assert copied == [text]


async def test_palette_jumps_to_a_passage(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"principles of equality")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_group == "g4"
        assert app.current_version.article == AGGREGATOR
        assert app.focused is body(app, AGGREGATOR)
        assert current_in_view(app)


async def test_click_on_a_highlight_selects_its_group(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        pane = body(app, PRESS_TV)
        passage, group = app.alignment.passages_in(PRESS_TV)[1]
        row = pane.rows_of(passage.start, passage.end)[0]
        text = app.articles[PRESS_TV].text
        col = passage.start - pane.wrapped.starts[row] + 2  # the gutter
        assert await pilot.click(pane, offset=(col + 1, row - int(pane.scroll_y)))
        assert app.current_group == group.id
        assert text[app.current_version.start : app.current_version.end] == passage.text
        assert app.focused is pane


async def test_click_outside_highlights_selects_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        pane = body(app, PRESS_TV)
        top = int(pane.scroll_y)
        wrapped = pane.wrapped
        # A row of text with no passage on it.
        row = next(
            r for r in range(top, top + pane.size.height)
            if not pane.spans_on(r) and wrapped.ends[r] - wrapped.starts[r] > 8
        )
        assert await pilot.click(pane, offset=(5, row - top))
        assert app.current_group is None


async def test_help_screen_lists_every_binding(make_app):
    from sidebyside.app.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows()
        shown = {binding_id for *_, binding_id in rows}
        for _, bindings in app.binding_sections():
            for binding in bindings:
                assert binding.id in shown
        assert ("Article pane", "n", "Next passage", "next-passage") in rows
        # q closes the help (as in a pager), and the help says so, since its table lists q as Quit.
        assert app.screen.query_one("#help-box").border_subtitle == "esc, ? or q closes this help"
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen) and app.is_running


async def test_bindings_can_be_remapped_by_id(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        app.set_keymap({"next-passage": "x", "next-outlet": "ctrl+o"})
        await pilot.press("x")
        assert app.current_group == "g1"
        await pilot.press("ctrl+o")
        assert app.focused is body(app, NEWS_SITE)


def test_every_binding_has_an_id_and_the_highlight_keys_are_bound():
    from sidebyside.app.help import _bindings

    app = SideBySideApp([])
    ids = []
    by_key = {}
    for section, bindings in app.binding_sections():
        for binding in _bindings(bindings):
            assert binding.id, binding
            assert binding.description, binding
            ids.append(binding.id)
            if section in ("Anywhere", "Highlights", "Reader", "Article pane"):  # one focus chain
                for key in binding.key.split(","):
                    assert key.strip() not in by_key, f"{key} bound twice"
                    by_key[key.strip()] = binding.id
    assert len(ids) == len(set(ids))
    assert {k: by_key[k] for k in ("space", "a", "s", "S")} == {
        "space": "keep",
        "a": "note",
        "s": "save",
        "S": "save-as",
    }


async def test_window_keys_and_picker_keep_scroll_positions(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("shift+tab", "j", "j", "j", "j")
        first = body(app, 0)
        assert first.scroll_y == 4
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert app.screen.row.first == 2
        assert not app.screen.query_one("#pane-0").display
        assert app.focused is body(app, 2)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert app.focused is first
        assert app.screen.row.first == 0
        assert first.scroll_y == 4


async def test_focus_moves_the_frame_and_tab_highlight(make_app):
    from sidebyside.app.pane import ArticlePane

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)

        def headlines():
            return [pane.styles.border_top[1] for pane in app.screen.query(ArticlePane)]

        def focused_tab_label():
            tabs = app.screen.query_one("#tabs")
            content = tabs.render()
            focused = tabs._style("pane-tabs--focused")
            spans = [s for s in content.spans if s.style == focused]
            assert len(spans) == 1
            return content.plain[spans[0].start : spans[0].end].strip()

        before = headlines()
        assert before[0] != before[1]
        assert focused_tab_label() == "2 Press TV"
        await pilot.press("shift+tab")
        await pilot.pause()
        after = headlines()
        assert (after[0], after[1]) == (before[1], before[0])
        assert focused_tab_label() == "1 Russian state media (repost)"


async def test_the_panel_keeps_the_current_version_in_view(make_app):
    """At 80×24 the panel has room for a few rows: as ] moves through a
    group's versions, the ▶ row is always among the rows shown, and the
    panel's top border says how many rows are out of sight."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        panel = app.screen.query_one("#panel")
        await pilot.press("n")
        group = app.alignment.group(app.current_group)
        assert len(group.passages) >= 3
        hidden_seen = False
        for _ in range(len(group.passages)):
            await pilot.press("right_square_bracket")
            shown = panel.shown_text
            outlet = app.articles[app.current_version.article].label
            marked = [line for line in shown.splitlines() if "▶" in line]
            assert marked and outlet[:10] in marked[0]
            if panel.border_title:
                hidden_seen = True
                assert "more" in str(panel.border_title)
        assert hidden_seen, "the group fits: the test no longer scrolls the panel"
        # The whole text is still there for whoever reads it all.
        for passage in group.passages:
            assert app.articles[passage.article].label[:10] in panel.text


async def test_a_variants_changed_words_are_underlined_in_the_pane(make_app):
    """How this outlet's version differs shows in the pane itself: the words
    unlike the group's most common wording are underlined, the others not,
    and a verbatim passage has none."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        pane = body(app, PRESS_TV)
        checked = {"variant": False, "verbatim": False}
        for passage, group in app.alignment.passages_in(PRESS_TV):
            changed = app.group_diffs.changed(group.id, PRESS_TV, passage.start)
            pane.reveal(passage.start, passage.end)
            await pilot.pause()
            first, last = pane.rows_of(passage.start, passage.end)
            top = int(pane.scroll_y)
            underlined = set()
            for row in range(first, last + 1):
                for segment in pane.render_line(row - top):
                    if segment.style and segment.style.underline and segment.text.strip():
                        underlined.add(segment.text.strip())
            words = {app.articles[PRESS_TV].text[s:e] for s, e in changed}
            if group.kind == "verbatim":
                assert not changed and not underlined
                checked["verbatim"] = True
            elif words:
                assert underlined == words
                checked["variant"] = True
        assert all(checked.values()), checked


async def test_bracket_reveals_the_passage_in_a_pane_that_was_hidden(make_app):
    """At 80×24 two panes show: ] often lands in a hidden pane, which is
    shown and scrolled to the passage, however the reader left it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("n", "n", "n", "n")
        for _ in range(8):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert current_in_view(app), app.current_version
            await pilot.press("G")  # read on to the end of that article
        for index in range(5):
            assert body(app, index).revealing is None or not app.screen.query_one(f"#pane-{index}").display



async def test_n_past_the_last_passage_goes_round_to_the_first(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        order = [group.id for _, group in app.alignment.passages_in(PRESS_TV)]
        await pilot.press(*["n"] * len(order))
        assert app.current_group == order[-1]
        await pilot.press("n")
        assert app.current_group == order[0] and current_in_view(app)
        await pilot.press("p")
        assert app.current_group == order[-1] and current_in_view(app)


async def test_the_pane_draws_its_scroll_bar(make_app):
    """The last column of a body is its scroll bar: the thumb's cells have
    the thumb's style, at the top when scrolled to the top, at the bottom
    at the end, and G, the wheel and the keys still scroll."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = app.focused
        thumb = pane.rich_style + pane.get_component_rich_style("article-body--scrollbar-thumb", partial=True)

        def thumb_rows():
            return [y for y in range(pane.size.height) if list(pane.render_line(y))[-1].style == thumb]

        assert len(pane.wrapped) > pane.size.height
        rows = thumb_rows()
        assert rows and rows[0] == 0
        await pilot.press("G")
        assert pane.scroll_y == pane.max_scroll_y > 0
        rows = thumb_rows()
        assert rows and rows[-1] == pane.size.height - 1
        from textual import events

        pane.post_message(events.MouseScrollUp(pane, 5, 5, 0, -1, 0, False, False, False))  # the wheel
        await pilot.pause()
        assert pane.scroll_y < pane.max_scroll_y
        # The text keeps its width: the bar has a column of its own.
        assert all(line.cell_length == pane.size.width for line in (pane.render_line(0), pane.render_line(5)))


@pytest.mark.parametrize(
    "tool, result, expected",
    [
        (None, None, "Sent g2 (2 versions) to the terminal's clipboard (OSC 52); no copy tool"),
        ("xclip", "xclip", "Copied g2 (2 versions) with xclip"),
        ("xclip", None, "Sent g2 (2 versions) to the terminal's clipboard (OSC 52); xclip failed"),
    ],
    ids=["no tool", "tool", "tool failed"],
)
async def test_c_says_how_the_group_was_copied(monkeypatch, make_app, tool, result, expected):
    """With no clipboard tool the notice says the text went to the
    terminal (OSC 52, which it may not take), not "Copied g2"; with one,
    that the tool copied it, or failed."""
    monkeypatch.setattr("sidebyside.app.clipboard.system_command", lambda: [tool] if tool else None)
    monkeypatch.setattr("sidebyside.app.clipboard.system_copy", lambda text: result)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("n", "n", "c")  # g2
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = messages(app)
        assert shown and shown[-1].startswith(expected), shown
        assert not any(m.startswith("Copied") for m in shown if not result)


async def test_a_spelling_variant_found_by_search_is_marked_so(make_app):
    """/Sergey also finds Press TV's "Sergei" (the words' keys): that match
    is drawn italic and underlined, and the bar names it a spelling when
    stepped to; "Sergey" as typed is a plain match."""
    app = make_app()
    async with app.run_test(size=(200, 45)) as pilot:  # (the five panes shown)
        await ready(pilot)
        await pilot.press("slash", "ctrl+u", *"Sergey")
        await pilot.pause()
        seen = {}
        for i in range(len(app.articles)):
            pane = body(app, i)
            for s, e in pane.matches:
                found = app.articles[i].text[s:e]
                strip = pane._render_row(pane.wrapped.row_of(s))
                (segment,) = [seg for seg in strip if seg.text.strip() == found]
                seen.setdefault(found, set()).add(bool(segment.style.italic and segment.style.underline))
        assert seen == {"Sergei": {True}, "Sergey": {False}}
        labels = set()
        for _ in range(sum(len(body(app, i).matches) for i in range(len(app.articles)))):
            await pilot.press("enter")
            current = app.search_current
            found = app.articles[current.article].text[current.start : current.end]
            label = str(app.screen.query_one("#search-count").render())
            assert ("spelling: Sergei" in label) == (found == "Sergei"), label
            labels.add(label.rsplit(" · ", 1)[-1])
        assert "spelling: Sergei" in labels
