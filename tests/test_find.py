"""Search in an article (sidebyside.aligning.find): the typed text, and words folded
as the aligner folds them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sidebyside.aligning.find import find

TEXT = "Foreign Minister Sergey Lavrov met Sergei Lavrov in Kiev; KYIV said. The negotiations went on."


def shown(query: str) -> list[str]:
    return [TEXT[a:b] for a, b in find(TEXT, query)]


def test_a_name_in_either_spelling():
    assert shown("Sergei") == ["Sergey", "Sergei"]
    assert shown("Kyiv") == ["Kiev", "KYIV"]


def test_a_name_spelt_as_the_flags_tell_spellings_apart():
    # The keys differ ("sohavi" / "sohavei"), the flags call it a spelling.
    text = "Sokhavey Chhun said the statues would go home. Sokhavy Chhun and Sokha Meas agreed."
    assert [text[a:b] for a, b in find(text, "Sokhavy")] == ["Sokhavey", "Sokhavy"]
    assert [text[a:b] for a, b in find(text, "sokhavy")] == ["Sokhavy"]  # (a name has its capital)
    other = "Iraq and Mary and Boden: not Iran, Mark or Biden."
    for name in ("Iran", "Mark", "Biden"):
        assert [other[a:b] for a, b in find(other, name)] == [name]


def test_a_phrase_of_folded_words():
    assert shown("sergey lavrov") == ["Sergey Lavrov", "Sergei Lavrov"]
    assert shown("negotiate") == ["negotiations"]


def test_a_word_being_typed_matches_as_it_grows():
    assert shown("Serg") == ["Serg", "Serg"]
    assert shown("lavrov in") == ["Lavrov in"]


def test_nothing_to_find():
    assert find(TEXT, "") == find(TEXT, "   ") == []
    assert find(TEXT, "zzqx") == []


def test_a_query_with_other_characters_is_matched_as_typed():
    text = "He said [here] and here; Sergei (left) and Sergey."
    assert [text[a:b] for a, b in find(text, "[here]")] == ["[here]"]
    assert [text[a:b] for a, b in find(text, "Sergei (")] == ["Sergei ("]
    # An apostrophe is part of a word: a possessive folds like the aligner's.
    assert [text[a:b] for a, b in find(text, "Sergey's")] == ["Sergei", "Sergey"]


@given(st.text(alphabet="ab cABé’'.\n", max_size=80), st.text(alphabet="ab cABé’'", min_size=1, max_size=6))
def test_matches_are_ordered_spans_that_cover_every_literal_occurrence(text, query):
    spans = find(text, query)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start  # in order, none overlapping
    # Every occurrence of the typed text (case folded) meets a match: it is
    # one, or is inside or across one taken first.
    needle = query.strip()
    if needle:
        import re

        for m in re.finditer(re.escape(needle), text, re.IGNORECASE):
            assert any(s < m.end() and m.start() < e for s, e in spans), (m.span(), spans)
