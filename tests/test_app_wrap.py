"""How a pane lays out an article's lines: hard-wrapped paragraphs wrapped
again to the pane's width, lists and poems kept, Markdown marks not drawn."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sidebyside.app.rows import RowPaint, render_row
from sidebyside.app.wrap import shown_lines, wrap_article
from sidebyside.reading.articles import article_from_text

WIRE = """Thousands evacuated below cracked dam in Brazil after heavy rain

BELO HORIZONTE, Brazil, Jan 9 (AFP) - Authorities in the Brazilian
state of Minas Gerais ordered about 4,300 people to leave their homes
on Tuesday after cracks appeared in a reservoir dam swollen by a week
of torrential rain.

"The memory of Brumadinho is still very much alive here," he added,
referring to the 2019 collapse of a mining dam that killed 270 people.
"""


def _article(text: str, name: str = "wire.txt"):
    return article_from_text(Path(name), text)


def _shown(article) -> list[str]:
    return [article.text[s:e] for s, e, _kind in shown_lines(article)]


def test_a_hard_wrapped_paragraph_is_one_shown_line():
    article = _article(WIRE)
    shown = [line for line in _shown(article) if line]
    assert shown[1].startswith("BELO HORIZONTE") and shown[1].endswith("of torrential rain.")
    assert shown[2].startswith('"The memory') and shown[2].endswith("270 people.")
    assert len(shown) == 3


def test_joined_lines_are_wrapped_to_the_width_and_drawn_with_spaces():
    article = _article(WIRE)
    wrapped = wrap_article(article, 50)
    rows = [article.text[s:e] for s, e in zip(wrapped.starts, wrapped.ends)]
    # Greedy rows across the old line ends: no short ragged row after each line.
    first = next(r for r, text in enumerate(rows) if text.startswith("BELO"))
    assert rows[first].rstrip() == "BELO HORIZONTE, Brazil, Jan 9 (AFP) - Authorities"
    assert rows[first + 1].replace("\n", " ").rstrip() == "in the Brazilian state of Minas Gerais ordered"
    body = [r for r, k in zip(rows, wrapped.kinds) if k == "body" and r.strip()]
    assert all(len(r.rstrip()) <= 50 for r in body)
    row = next(r for r, text in enumerate(rows) if "\n" in text)
    strip = render_row(article.text, wrapped, row, 60, [], [], RowPaint())
    assert "\n" not in strip.text and "Brazilian state" in strip.text
    # Every character of the paragraph is on some row, once.
    assert "".join(rows[first : first + 5]).startswith(WIRE[WIRE.index("BELO") : WIRE.index("rain.\n") + 5])


def test_short_lines_of_a_list_or_poem_are_kept():
    poem = "Title of the poem\n\nRoses are red,\nviolets are blue,\nthe dam has a crack\nand the town has too.\n"
    shown = _shown(_article(poem))
    assert "Roses are red," in shown and "violets are blue," in shown


def test_long_one_line_paragraphs_are_never_joined():
    line = "The Pedra Branca dam, an earth embankment built in 1978 to supply water to the town of Itabirito, " * 2
    text = f"Headline\n\n{line.strip()}\n{line.strip()} again\n"
    shown = _shown(_article(text))
    assert line.strip() in shown and f"{line.strip()} again" in shown


@given(st.lists(st.text(alphabet="abc de", min_size=0, max_size=90), min_size=1, max_size=12), st.integers(5, 80))
def test_rows_cover_every_shown_character_once(lines, width):
    article = _article("Headline\n\n" + "\n".join(lines) + "\n")
    wrapped = wrap_article(article, width)
    spans = list(zip(wrapped.starts, wrapped.ends))
    for (_s1, e1), (s2, _e2) in zip(spans, spans[1:]):
        assert e1 <= s2  # in order, never overlapping
    for s, e, _kind in shown_lines(article):
        inside = [(a, b) for a, b in spans if s <= a and b <= e]
        assert inside and inside[0][0] == s and inside[-1][1] == e


def test_markdown_marks_are_not_drawn_but_stay_in_the_text():
    text = "# Living below a dam\n\n*Posted on January 10 by Carla Souza*\n\nThe *mayor* said **it**.\n"
    article = _article(text, "blog.md")
    shown = _shown(article)
    assert shown[0] == "Living below a dam"
    assert "Posted on January 10 by Carla Souza" in shown
    assert "The *mayor* said **it**." in shown  # emphasis inside a sentence is left as written
    quoted = _shown(_article('# A headline of some words\n\n> "There is no military solution."\n', "blog.md"))
    assert '"There is no military solution."' in quoted  # a block quote without its >
    assert article.text == text
    plain = _shown(_article(text, "blog.txt"))
    assert "*Posted on January 10 by Carla Souza*" in plain


def test_a_markdown_headline_is_not_shown_twice():
    from sidebyside.app.pane import text_shows_title

    article = _article("# Living below a dam\n\n*Posted on January 10 by Carla Souza*\n\nThe prose.\n", "blog.md")
    assert article.title == "Living below a dam"
    assert text_shows_title(article)  # the text shows it (without its # marks): no headline line above


def test_a_newsletter_s_story_heading_under_its_greeting_is_not_shown_twice():
    from sidebyside.app.pane import text_shows_title

    text = (
        "# The Flight Deck\n\n*Wednesday 9 September 2026*\n\n"
        "Good morning. One story dominated yesterday, and the people who were on\n"
        "board are still in County Clare, waiting for a plane home.\n\n"
        "## Jet diverts to Shannon after losing cabin pressure\n\nA Vantair flight landed at Shannon.\n"
    )
    article = _article(text, "newsletter.md")
    assert article.title == "Jet diverts to Shannon after losing cabin pressure"
    assert text_shows_title(article)
