"""Hard-wrapped text read as paragraphs (reading/flow.py): the facts read a
quotation, a sentence or a name across a wrapper's cut, offsets unchanged."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sidebyside.aligning.speakers import article_facts, passage_facts
from sidebyside.reading.articles import article_from_text
from sidebyside.reading.flow import flowing_text, joined_lines

NEWSLETTER = """Former deputy minister jailed for 11 years

"Every hryvnia that was stolen from the army was stolen from the soldiers
at the front, and the court has recognised this today," said Andriy
Savchuk, a lawyer for the soldiers' families.

Short line one
short line two
"""


def _article(text: str):
    return article_from_text(Path("newsletter.txt"), text)


def test_flowing_text_joins_a_wrapped_paragraph_only():
    article = _article(NEWSLETTER)
    flowing = flowing_text(article)
    assert len(flowing) == len(article.text)
    assert "soldiers at the front" in flowing and "said Andriy Savchuk, a lawyer" in flowing
    assert "\n\nShort line one\nshort line two\n" in flowing  # blank lines and a list's short lines stay
    assert flowing.startswith("Former deputy minister jailed for 11 years\n\n")


def test_a_speaker_named_across_a_line_end():
    article = _article(NEWSLETTER)
    start = NEWSLETTER.index('"Every')
    end = NEWSLETTER.index("today,") + len("today,")
    quoted, speaker = passage_facts(article_facts(article), start, end)
    assert quoted
    assert speaker in ("Savchuk", "Andriy Savchuk")  # not "Andriy", cut at the line end


@given(st.lists(st.text(alphabet="abc de\n", max_size=120), min_size=1, max_size=6))
def test_flowing_text_changes_only_line_ends_inside_joined_lines(parts):
    article = _article("Headline\n\n" + "\n".join(parts))
    flowing = flowing_text(article)
    assert len(flowing) == len(article.text)
    inside = {i for s, e, _ in joined_lines(article) for i in range(s, e)}
    for i, (a, b) in enumerate(zip(article.text, flowing)):
        assert a == b or (a == "\n" and b == " " and i in inside)


def test_an_outlets_own_hard_wrapped_paragraph_counts_once():
    from sidebyside.aligning.align import align
    from sidebyside.coverage import only_here

    shared = "The court found the former deputy minister guilty of abusing his office and of causing losses."
    own = (
        "In a separate case, the same court on Wednesday acquitted Petro Lysenko,\n"
        "a former head of the ministry's logistics department, of similar\n"
        "charges, saying prosecutors had not proved he knew of the prices.\n"
    )
    one = article_from_text(Path("a.txt"), f"Jailed for nine years\n\nBy Daria Melnyk\n\n{shared}\n\n{own}")
    two = article_from_text(Path("b.txt"), f"Court jails ex-minister\n\n{shared}\n")
    mine = only_here(align([one, two]), 0)
    assert len(mine) == 1 and mine[0].text.startswith("In a separate case") and mine[0].text.endswith("the prices.")
