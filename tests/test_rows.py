"""Painting a row of an article pane (sidebyside.app.rows), with plain
inputs: a text, its wrapping, passages and matches, and the styles."""

from __future__ import annotations

from rich.style import Style
from textual.color import Color

from sidebyside.app.colours import GroupColours
from sidebyside.app.rows import (
    CHANGED_WORD,
    GUTTER,
    KEPT_MARK,
    KEPT_RULE,
    RowPaint,
    Span,
    bar_part,
    drawn_span,
    render_row,
    styled_runs,
)
from sidebyside.app.wrap import Wrapped

TEXT = "Headline here\nRussia is ready to talk with the West today.\nAnd more words follow it."
LAST = TEXT.index("And")
# The title, the second line on two rows (at "with"), the third line.
ROWS = Wrapped(
    width=30, starts=[0, 14, 40, LAST], ends=[13, 40, LAST - 1, len(TEXT)], kinds=["title", "body", "body", "body"]
)
WIDE = Span(14, LAST - 1, "g1", verbatim=False)  # rows 1 and 2
INNER = Span(24, 40, "g2", verbatim=True)  # "ready to talk wi" on row 1


def colours(name: str) -> GroupColours:
    return GroupColours(
        hue=Color.parse("red"),
        tint=Style(bgcolor=f"{name}"),
        variant=Style(bgcolor=f"{name}", italic=True),
        current=Style(bgcolor=f"{name}", bold=True),
        marker=Style(color=f"{name}"),
        current_marker=Style(color=f"{name}", bold=True),
    )


PAINT = RowPaint(colours={"g1": colours("blue"), "g2": colours("green")})


def cells(strip) -> str:
    return "".join(segment.text for segment in strip)


def style_at(strip, column: int) -> Style:
    at = 0
    for segment in strip:
        if at <= column < at + len(segment.text):
            return segment.style
        at += len(segment.text)
    raise IndexError(column)


def test_drawn_span_is_the_current_groups_else_the_innermost():
    assert drawn_span([WIDE, INNER], current_group=None) == INNER
    assert drawn_span([WIDE, INNER], current_group="g1") == WIDE
    assert drawn_span([WIDE, INNER], current_group="g9") == INNER
    assert drawn_span([], current_group="g1") is None


def test_a_plain_row_is_the_gutter_then_its_text_padded_to_the_width():
    strip = render_row(TEXT, ROWS, 3, 40, [], [], PAINT)
    assert cells(strip) == " " * GUTTER + TEXT[LAST:] + " " * (40 - GUTTER - len(TEXT[LAST:]))
    assert render_row(TEXT, ROWS, 9, 12, [], [], PAINT).cell_length == 12  # past the end: blank
    assert cells(render_row(TEXT, None, 0, 5, [], [], PAINT)) == " " * 5  # not wrapped yet


def test_a_title_row_takes_the_title_style():
    paint = RowPaint(kinds={"title": Style(bold=True)})
    strip = render_row(TEXT, ROWS, 0, 30, [], [], paint)
    assert style_at(strip, GUTTER).bold and not style_at(render_row(TEXT, ROWS, 3, 30, [], [], paint), GUTTER).bold


def test_gutter_marks_verbatim_variant_and_current():
    assert cells(render_row(TEXT, ROWS, 2, 30, [WIDE], [], PAINT))[:GUTTER] == "╎ "  # a variant
    assert cells(render_row(TEXT, ROWS, 1, 60, [WIDE, INNER], [], PAINT))[:GUTTER] == "│ "  # the inner, verbatim
    current = RowPaint(colours=PAINT.colours, current_group="g1")
    strip = render_row(TEXT, ROWS, 1, 60, [WIDE, INNER], [], current)
    assert cells(strip)[:GUTTER] == "╏ "  # the current group's, heavy
    assert style_at(strip, 0) == Style(color="blue", bold=True)


def test_kept_mark_on_the_first_row_a_rule_on_the_others():
    kept = RowPaint(colours=PAINT.colours, kept=frozenset({"g1"}), kept_style=Style(color="yellow"))
    first = render_row(TEXT, ROWS, 1, 60, [WIDE], [], kept)
    second = render_row(TEXT, ROWS, 2, 60, [WIDE], [], kept)
    assert cells(first)[:GUTTER] == "╎" + KEPT_MARK
    assert cells(second)[:GUTTER] == "╎" + KEPT_RULE
    assert style_at(first, 1) == Style(color="yellow")


def test_passages_are_tinted_over_their_characters_only():
    strip = render_row(TEXT, ROWS, 1, 60, [WIDE, INNER], [], PAINT)
    text = cells(strip)[GUTTER:]
    assert text.startswith("Russia is ready to talk wi ")
    ready = GUTTER + text.index("ready")
    assert style_at(strip, GUTTER) == Style(bgcolor="blue", italic=True)  # the wide variant
    assert style_at(strip, ready) == Style(bgcolor="green")  # the inner verbatim one
    current = RowPaint(colours=PAINT.colours, current_group="g1")
    strip = render_row(TEXT, ROWS, 1, 60, [WIDE, INNER], [], current)
    assert style_at(strip, ready) == Style(bgcolor="blue", bold=True)


def test_changed_words_are_underlined_in_the_drawn_passage():
    talk = TEXT.index("talk")
    paint = RowPaint(colours=PAINT.colours, changed=lambda span: [(talk, talk + 4)] if span.group == "g1" else [])
    runs = list(styled_runs(TEXT[14:40], 14, 40, Style(), [WIDE], [], paint))
    assert "".join(r.text for r in runs) == TEXT[14:40]
    underlined = [r.text for r in runs if r.style.underline]
    assert underlined == ["talk"] and CHANGED_WORD.underline


def test_search_matches_over_passages_the_current_one_apart():
    west = TEXT.index("West")
    today = TEXT.index("today")
    paint = RowPaint(
        colours=PAINT.colours,
        match=Style(bgcolor="yellow"),
        match_current=Style(bgcolor="white"),
        current_match=(today, today + 5),
    )
    strip = render_row(TEXT, ROWS, 2, 60, [WIDE], [(west, west + 4), (today, today + 5)], paint)
    assert style_at(strip, GUTTER + west - 40).bgcolor == Style(bgcolor="yellow").bgcolor
    assert style_at(strip, GUTTER + today - 40).bgcolor == Style(bgcolor="white").bgcolor


def test_scroll_bar_none_track_and_thumb():
    assert bar_part(0, top=0, height=10, total=8) == 0  # all the text fits
    assert [bar_part(y, top=0, height=10, total=100) for y in (0, 9)] == [2, 1]  # thumb at the top
    assert [bar_part(y, top=90, height=10, total=100) for y in (0, 9)] == [1, 2]  # ... at the end
    assert bar_part(5, top=0, height=0, total=100) == 0
