"""The app's pure parts: wrapping, the word diff, the colours, copying."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sidebyside.aligning.align import align
from sidebyside.app import clipboard
from sidebyside.app.colours import MIN_CONTRAST, _distance, assign, contrast, palette
from sidebyside.app.wrap import wrap_article, wrap_line
from sidebyside.wording import word_diff


@given(st.text(alphabet="ab cd\u00e9\u4e2d  ", max_size=200), st.integers(min_value=1, max_value=30))
def test_wrap_line_covers_the_text_within_the_width(text, width):
    from rich.cells import cell_len

    rows = wrap_line(text, 0, len(text), width)
    assert rows[0][0] == 0 and rows[-1][1] == len(text)
    for (_, e1), (s2, _) in zip(rows, rows[1:]):
        assert e1 == s2  # contiguous, nothing lost
    for s, e in rows:
        shown = text[s:e].rstrip()
        assert cell_len(shown) <= width or len(shown) == 1  # a wide character in a 1-cell column


def test_wrap_breaks_between_words():
    text = "the quick brown fox jumps over the lazy dog"
    rows = wrap_line(text, 0, len(text), 10)
    assert [text[s:e] for s, e in rows] == ["the quick ", "brown fox ", "jumps over ", "the lazy ", "dog"]


def test_hidden_boilerplate_leaves_prose_and_single_blanks(sample_articles):
    article = sample_articles[1]
    shown = wrap_article(article, 40)
    hidden = wrap_article(article, 40, hide_boilerplate=True)
    assert "boilerplate" in shown.kinds and "boilerplate" not in hidden.kinds
    assert all(not (a == b == "blank") for a, b in zip(hidden.kinds, hidden.kinds[1:]))
    body_rows = [r for r, k in enumerate(shown.kinds) if k == "body"]
    assert sum(1 for k in hidden.kinds if k == "body") == len(body_rows)


def test_word_diff_marks_reworded_words_and_drops():
    texts = [
        "only if there are realistic proposals based on an equal approach",
        "only if there are realistic proposals based on an equal approach",
        "If we are approached with realistic proposals based on the principles of equality",
    ]
    diffs = word_diff(texts, [82, 82, 65])
    assert diffs[0].reference
    assert not any(w.changed for w in diffs[1].words)
    changed = {texts[2][w.start : w.end] for w in diffs[2].words if w.changed}
    assert {"we", "approached", "principles", "equality"} <= changed
    assert "realistic" not in changed
    assert any("approach" in phrase for phrase in diffs[2].dropped)
    # The reference marks what no other version has: here nothing, since version 1 is identical.
    assert not any(w.changed for w in diffs[0].words)
    # A gap's words come as one phrase, as the reference has them.
    diffs = word_diff(["Russia's minister says President Putin is ready to hold", "Russian minister has said Putin"])
    assert diffs[1].dropped == ("Russia's", "says President", "is ready to hold")


def test_word_diff_ignores_case_and_punctuation():
    diffs = word_diff(["Kyiv’s “ready”, he said", "kyiv's ready he said"])
    assert not any(w.changed for d in diffs for w in d.words)


def test_palette_is_readable_on_dark_and_light_themes():
    from textual.app import App

    app = App()
    for name in ("textual-dark", "textual-light", "nord", "gruvbox", "solarized-light"):
        app.theme = name
        pal = palette(app.get_css_variables(), app.current_theme.dark)
        assert len(pal) >= 4
        from textual.color import Color

        for colours in pal.colours:
            tint = Color(*colours.tint.bgcolor.get_truecolor())
            text = Color(*colours.tint.color.get_truecolor())
            assert contrast(tint, text) >= MIN_CONTRAST - 0.01, name
            # … and the tint shows: a colour well away from the background's.
            assert _distance(tint, pal.background) > 30, name
            # The gutter marks stand out from the background (3:1, as marks should).
            for mark in (colours.marker, colours.current_marker):
                assert contrast(Color(*mark.color.get_truecolor()), pal.background) >= 3.0 - 0.01, name


def test_tints_show_on_a_256_colour_terminal():
    """Rounded to 256 colours, a dark tint used to become black or the
    background's own grey, and two hues the same colour: on every theme,
    each tint must show as a colour of its own there, so that neighbouring
    groups (which get different palette entries) look different."""
    from rich.color import ColorSystem
    from textual.app import App

    from sidebyside.app.colours import _shown_as

    app = App()
    for name in sorted(app.available_themes):
        app.theme = name
        pal = palette(app.get_css_variables(), app.current_theme.dark, ColorSystem.EIGHT_BIT)
        background = _shown_as(pal.background, ColorSystem.EIGHT_BIT)
        shown = [c.tint.bgcolor.downgrade(ColorSystem.EIGHT_BIT).number for c in pal.colours]
        assert background not in shown, name
        assert len(set(shown)) == len(shown), (name, shown)
        assert len(shown) >= 2, (name, shown)


def test_search_matches_look_unlike_any_group_and_the_current_one_most():
    from textual.app import App

    app = App()
    for name in ("textual-dark", "textual-light", "nord", "gruvbox"):
        app.theme = name
        pal = palette(app.get_css_variables(), app.current_theme.dark)
        tints = {c.tint.bgcolor for c in pal.colours}
        assert pal.match.bgcolor not in tints and pal.match_current.bgcolor not in tints, name
        assert pal.match_current.bgcolor != pal.match.bgcolor
        assert pal.match_current.bold and not pal.match.bold
        assert not pal.match_current.underline  # underlines mark a variant's changed words


def test_neighbouring_groups_get_different_colours(sample_articles):
    alignment = align(sample_articles)
    index = assign(alignment, 6)
    for article in range(len(sample_articles)):
        found = alignment.passages_in(article)
        for (_, a), (_, b) in zip(found, found[1:]):
            if a.id != b.id:
                assert index[a.id] != index[b.id]


def test_a_copied_group_names_every_outlet_its_flags_and_changes(sample_articles):
    from sidebyside.export import change_text, flag_text, group_plain_text

    alignment = align(sample_articles)
    group = next(g for g in alignment.groups if g.flags and g.changes)
    text = group_plain_text(alignment, group)
    lines = text.strip().splitlines()
    assert lines[0].startswith(group.id) and lines[0].endswith(f"⚑ {flag_text(group)}")
    versions = [line for line in lines if line.startswith("- ")]
    assert [v.split(" (")[0][2:] for v in versions] == [alignment.articles[p.article].label for p in group.passages]
    assert all(change_text(c).split()[0] in text for c in group.changes)


def test_system_copy_uses_an_available_tool(monkeypatch):
    calls = []
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(clipboard.shutil, "which", lambda name: "/usr/bin/" + name if name == "xsel" else None)
    monkeypatch.setattr(clipboard.subprocess, "run", lambda cmd, **kw: calls.append((cmd, kw["input"])))
    assert clipboard.system_copy("hello") == "xsel"
    assert calls == [(["xsel", "--clipboard", "--input"], b"hello")]
    monkeypatch.setattr(clipboard.shutil, "which", lambda name: None)
    assert clipboard.system_copy("hello") is None
