"""A dateline reads as the start of its paragraph: user test item 4.

At 80x24 "CAIRO, March 3 (NovaPress) -" sat alone on a row, the story's
first words (a passage, with its gutter mark) starting on the next, as if
it were a line of its own.  The dateline's last words now run on with the
paragraph's first word; it stays out of the passage (page metadata).
"""

from __future__ import annotations

from pathlib import Path

from conftest import body, ready
from hypothesis import given
from hypothesis import strategies as st

from sidebyside.app.wrap import run_in_offsets, wrap_article, wrap_line
from sidebyside.reading.articles import article_from_text, load_articles

TALKS = Path(__file__).parent / "data" / "unseen" / "talks"

STORY = """Andreyev, al-Masri hail "strategic partnership" at Cairo talks

CAIRO, March 3 (NovaPress) - Russia's top diplomat and his Egyptian counterpart held talks in Cairo on Tuesday.

BELO HORIZONTE, Brazil, Jan 9 (AFP) - Authorities ordered about 4,300 people to leave their homes.
"""


def _rows(article, width: int) -> list[str]:
    wrapped = wrap_article(article, width)
    return [article.text[s:e] for s, e in zip(wrapped.starts, wrapped.ends)]


def _row_with(rows: list[str], text: str) -> str:
    return next(row for row in rows if text in row)


def test_the_dateline_runs_on_into_its_paragraph_at_a_narrow_width():
    article = article_from_text(Path("agency.txt"), STORY)
    rows = _rows(article, 35)
    # Was "CAIRO, March 3 (NovaPress) - " alone, "Russia's top diplomat" under it.
    assert _row_with(rows, "CAIRO").rstrip() == "CAIRO, March 3"
    assert _row_with(rows, "(NovaPress)").startswith("(NovaPress) - Russia's top")
    assert all(len(row.rstrip()) <= 35 for row in rows)


def test_the_datelines_dash_never_starts_a_row():
    first, cairo, belo = STORY.split("\n\n")
    article = article_from_text(Path("wire.txt"), f"{first}\n\n{belo}")
    rows = _rows(article, 35)
    assert _row_with(rows, "BELO").rstrip() == "BELO HORIZONTE, Brazil, Jan 9"  # was "… (AFP)" / "- Authorities"
    assert _row_with(rows, "(AFP)").startswith("(AFP) - Authorities")


def test_a_wide_pane_is_wrapped_as_before():
    article = article_from_text(Path("agency.txt"), STORY)
    assert _row_with(_rows(article, 75), "CAIRO").startswith("CAIRO, March 3 (NovaPress) - Russia's top diplomat")


def test_only_the_dateline_of_the_first_paragraph_is_kept_with_it():
    article = article_from_text(Path("agency.txt"), STORY)
    text = article.text
    assert run_in_offsets(article) == {text.index("- Russia"), text.index("Russia's")}


@given(
    words=st.lists(st.text("abcdefghij", min_size=1, max_size=9), min_size=1, max_size=30),
    width=st.integers(1, 30),
    picks=st.sets(st.integers(0, 29)),
)
def test_every_character_is_on_one_row_and_rows_keep_to_the_width(words, width, picks):
    text = " ".join(words)
    starts = [i for i in range(len(text)) if text[i] != " " and (i == 0 or text[i - 1] == " ")]
    keep = frozenset(starts[p] for p in picks if p < len(starts))
    rows = wrap_line(text, 0, len(text), width, keep)
    assert "".join(text[s:e] for s, e in rows) == text
    assert all(b == c for (_, b), (c, _) in zip(rows, rows[1:]))
    # A row is over the width only where a single word is (cut in pieces).
    assert all(len(text[s:e].rstrip()) <= width for s, e in rows)
    # A kept offset starts a row only when no word of the row before could go down with it:
    # none is free (the first, or kept itself), or the last free one and it would not fit.
    for (s0, e0), (s1, _e1) in zip(rows, rows[1:]):
        if s1 in keep:
            free = [w for w in starts if s0 < w < e0 and w not in keep]
            first = text[s1:].split(" ")[0]
            assert not free or len(text[free[-1] : s1]) + len(first) > width


async def test_the_dateline_shares_its_row_with_the_story_at_80x24(make_app):
    articles = load_articles([str(TALKS)])
    app = make_app(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        index = next(i for i, a in enumerate(articles) if a.path.name == "agency.txt")
        pane = body(app, index)
        shown = [pane.render_line(y).text for y in range(pane.size.height)]
        row = next(line for line in shown if "(NovaPress) -" in line)
        assert "Russia's" in row, shown
        # The story is the passage; the dateline is not in it.
        text = articles[index].text
        dateline = text.index("CAIRO, March 3")
        assert all(not p.start <= dateline < p.end for g in app.alignment.groups for p in g.passages)
