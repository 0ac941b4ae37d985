"""Search in an article (sidebyside.find): the typed text, and words folded
as the aligner folds them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sidebyside.find import find

TEXT = "Foreign Minister Sergey Lavrov met Sergei Lavrov in Kiev; KYIV said. The negotiations went on."


def shown(query: str) -> list[str]:
    return [TEXT[a:b] for a, b in find(TEXT, query)]


def test_a_name_in_either_spelling():
    assert shown("Sergei") == ["Sergey", "Sergei"]
    assert shown("Kyiv") == ["Kiev", "KYIV"]


def test_a_phrase_of_folded_words():
    assert shown("sergey lavrov") == ["Sergey Lavrov", "Sergei Lavrov"]
    assert shown("negotiate") == ["negotiations"]


def test_a_word_being_typed_matches_as_it_grows():
    assert shown("Serg") == ["Serg", "Serg"]
    assert shown("lavrov in") == ["Lavrov in"]


def test_nothing_to_find():
    assert find(TEXT, "") == find(TEXT, "   ") == []
    assert find(TEXT, "zzqx") == []


@given(st.text(alphabet="ab cABé’'.\n", max_size=80), st.text(alphabet="ab cABé’'", min_size=1, max_size=6))
def test_matches_are_ordered_spans_of_the_text_that_do_not_overlap(text, query):
    spans = find(text, query)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start
    # The typed text itself, wherever it stands, is inside a match.
    needle = query.strip().casefold()
    if needle and len(needle) == len(query.strip()):
        lowered = text.casefold()
        if len(lowered) == len(text):
            at = lowered.find(needle)
            if at >= 0:
                assert any(s <= at and at + len(needle) <= e for s, e in spans) or any(
                    s < at + len(needle) and at < e for s, e in spans
                )
