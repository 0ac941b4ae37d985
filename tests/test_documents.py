"""The marks prepare reads from the text between tokens (sidebyside.aligning.documents):
what each stretch between two tokens holds is what the patterns find over the whole text."""

from __future__ import annotations

import bisect
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidebyside.aligning import documents as d
from sidebyside.aligning.tokens import token_pieces

_CHARACTERS = list("ab Zi09_'’-–—.,;:!?…()\"”»\n\t") + ["\u00a0", "é", "日", "٣", "Mr", "1,000", "U.S.", " - "]
_TEXT = st.lists(st.sampled_from(_CHARACTERS), max_size=60).map("".join)
# The sentence end over a whole text: terminal punctuation before a space,
# a closing mark or the text's end.
# A sentence end: stops before white space, a closing mark or the text's end,
# but for one just inside an opening bracket ("[...]", "(.)": a cut, not an end).
_SENTENCE_END_OVER_TEXT = re.compile(r"(?<![\[(.!?…])[.!?…]+(?=[\s\"”’'»)\]]|$)(?<![\[(][.…]{3})(?<![\[(]…)")


def _after(ends: list[int], pattern: re.Pattern[str], text: str) -> set[int]:
    """For each match, how many tokens end at or before it."""
    return {bisect.bisect_right(ends, m.start()) for m in pattern.finditer(text)}


@given(_TEXT)
def test_the_marks_between_tokens_are_the_patterns_matches(text):
    starts, ends, _words, gaps = token_pieces(text)
    n = len(starts)
    codes = [d._gap_code(gap) for gap in gaps]

    def marked(bit: int) -> set[int]:
        return {k for k, code in enumerate(codes) if code & bit}

    assert marked(d._GAP_BREAK) == _after(ends, d._BREAK_RE, text)
    assert marked(d._GAP_PARA) == _after(ends, d._PARA_RE, text)
    # a comma before a digit ("1,000") marks no clause: the only look past the stretch
    comma = {k for k in marked(d._GAP_COMMA) if k < n and not re.match(r"\d", text[starts[k]])}
    inner = set(range(n))
    assert (marked(d._GAP_CLAUSE) | comma) & inner == _after(ends, d._CLAUSE_MARK_RE, text) & inner
    # sentence ends between two tokens; _GAP_STOP when each is a full stop alone
    between = set(range(1, n))
    ends_found = {}
    for m in _SENTENCE_END_OVER_TEXT.finditer(text):
        k = bisect.bisect_right(ends, m.start())
        if k in between:
            ends_found[k] = ends_found.get(k, True) and m.group() == "."
    assert marked(d._GAP_STOP | d._GAP_END) & between == set(ends_found)
    assert {k for k in between if codes[k] & d._GAP_STOP} == {k for k, stop in ends_found.items() if stop}


def test_a_comma_inside_a_date_begins_no_clause():
    from pathlib import Path

    from sidebyside.reading.articles import article_from_text

    text = (
        "Utility hack\n\nThe party first gained access on February 18, 2026, using a contractor's login. "
        "On Monday, March 9, the company said so, and it apologised.\n"
    )
    doc = d.prepare(article_from_text(Path("a.txt"), text))
    starts = {text[doc.starts[k] : doc.starts[k] + 6] for k in range(len(doc.tokens)) if doc.clause_start[k]}
    assert "2026, " not in starts and "March " not in starts
    assert "using " in starts and "and it" in starts  # (the date's own commas only)


def test_a_colon_inside_a_time_begins_no_clause():
    """'2:00:35' is one figure: a passage never starts at its '00:35'; a
    colon before words still begins a clause."""
    from pathlib import Path

    from sidebyside.reading.articles import article_from_text

    text = "Marathon\n\nHe ran outside the world record of 2:00:35 set in 2023. The verdict: a new course record.\n"
    doc = d.prepare(article_from_text(Path("a.txt"), text))
    starts = {text[doc.starts[k] : doc.starts[k] + 5] for k in range(len(doc.tokens)) if doc.clause_start[k]}
    assert "00:35" not in starts and "35 se" not in starts
    assert "a new" in starts


def test_a_piece_of_a_passage_does_not_start_or_end_with_a_subheading():
    """Where a passage is cut in pieces (refining), '## The pacing' or a
    short crosshead between two paragraphs goes with neither piece."""
    from pathlib import Path

    from sidebyside.aligning.refining import _past_headings
    from sidebyside.reading.articles import article_from_text

    text = (
        "# Race report\n\nThe pacemaker dropped out at 30 kilometres, as planned.\n\n## The pacing\n\n"
        "Rotich said the Ethiopian had asked him to run faster.\n\nThe verdict\n\nA record, in the end.\n"
    )
    doc = d.prepare(article_from_text(Path("a.md"), text))
    words = [text[t.start : t.end] for t in doc.tokens]
    lo, hi = _past_headings(doc, words.index("The", 5), words.index("record") - 2)
    assert (words[lo], words[hi]) == ("Rotich", "faster")


@pytest.mark.parametrize(
    "paragraph",
    ["#MeToo campaigners cheered outside.", "The minister called it ‘a farce’.", "The vote passed (12-3)."],
)
def test_a_short_paragraph_that_ends_as_a_sentence_is_no_subheading(paragraph):
    from pathlib import Path

    from sidebyside.aligning.refining import _past_headings
    from sidebyside.reading.articles import article_from_text

    text = f"# Race report\n\nThe pacemaker dropped out, as planned.\n\n{paragraph}\n\nRotich said he ran faster.\n"
    doc = d.prepare(article_from_text(Path("a.md"), text))
    first = next(k for k, t in enumerate(doc.tokens) if t.start >= text.index(paragraph))
    assert _past_headings(doc, first, len(doc.tokens) - 1)[0] == first


@pytest.mark.parametrize(
    ("second", "deck"),
    [
        ("Shepherd boy from the highlands runs the fastest marathon ever seen in France - and pockets a prize", True),
        ("Union leader Halvorsen said the strike would go on until the authority puts an offer on the table,", False),
        ("The Ethiopian ran the fastest marathon ever seen in France on Sunday.", False),  # a sentence: the lede
    ],
)
def test_a_standfirst_under_the_headline_goes_with_the_headline(second, deck):
    from pathlib import Path

    from sidebyside.reading.articles import article_from_text

    text = f"Ethiopian flyer blitzes Lyon in record time\n\nSport | Athletics\n\n{second}\n\nThe prose goes on.\n"
    doc = d.prepare(article_from_text(Path("a.txt"), text))
    first_word = next(k for k, t in enumerate(doc.tokens) if t.start >= text.index(second))
    assert doc.in_title(first_word) is deck
