"""Tokens, their matching keys and normalised text (sidebyside.aligning.tokens)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidebyside.aligning.tokens import fold_punctuation, key_of, normalise, tokenize


def test_tokens_carry_offsets_into_the_text():
    text = "Lavrov said: “We’re ready.”"
    tokens = tokenize(text)
    assert [text[t.start : t.end] for t in tokens] == ["Lavrov", "said", "We’re", "ready"]
    assert [t.start for t in tokenize(text, 7)] == [7, 14, 20]  # a slice, offsets still into the text
    assert tokenize(text, 5, 5) == [] and tokenize("", 0) == [] and tokenize("— …") == []


def test_stopwords_are_tokens_but_not_content():
    tokens = tokenize("The talks with the West")
    assert [t.content for t in tokens] == [False, True, False, False, True]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei", "Sergey"),  # transliteration
        ("Kyiv", "Kiev"),
        ("negotiations", "negotiation"),  # suffixes
        ("Russia's", "Russia"),  # possessive
        ("café", "cafe"),  # accents
        ("TALKS", "talks"),
        # one sound written j, dj or dzh; -yev or -ev after a vowel
        ("Jamshid", "Dzhamshid"),
        ("Djamshid", "Jamshid"),
        ("Khojayev", "Khodzhayev"),
        ("Khojayev", "Khodjaev"),
        ("Dostoyevsky", "Dostoevsky"),
        ("Đức", "Duc"),  # Vietnamese Đ is written D
        ("Đặng", "Dang"),
        # British and American spellings
        ("neighbours", "neighbors"),
        ("metres", "meters"),
        ("centre", "center"),
    ],
)
def test_spellings_of_one_word_share_a_key(a, b):
    assert key_of(a) == key_of(b)


def test_different_words_keep_different_keys():
    assert key_of("talks") != key_of("walks")
    assert key_of("ready") != key_of("read")
    assert key_of("ministries") != key_of("ministers")  # (only -tre, -tres, -tred are British spellings)
    assert key_of("countries") != key_of("counters")


def test_non_latin_scripts_are_words_too():
    assert [t.key for t in tokenize("Путин готов к переговорам")] == ["путин", "готов", "к", "переговорам"]
    assert len(tokenize("日本語")) == 3  # one token per CJK character


def test_normalise_folds_case_quotes_dashes_and_punctuation():
    assert normalise("“Ready” — to TALK…") == "ready to talk"
    assert normalise("Ready to talk") == normalise("ready, to talk!")
    assert fold_punctuation("“a” – ‘b’\u00a0…") == "\"a\" - 'b' ..."


@given(st.text(max_size=200))
def test_tokens_are_ordered_non_empty_and_inside_the_text(text):
    tokens = tokenize(text)
    assert all(0 <= t.start < t.end <= len(text) for t in tokens)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Þórðarson", "Thordarson"),
        ("Víðir", "Vidir"),
        ("Ødegaard", "Odegaard"),
        ("Łukasz", "Lukasz"),
        ("Straße", "Strasse"),
    ],
)
def test_letters_that_do_not_decompose_meet_their_latin_spelling(a, b):
    assert key_of(a) == key_of(b)
    assert normalise(f"said {a} on Monday") == normalise(f"said {b} on Monday")


# Text mixing what each split path reads: ASCII, typographic punctuation,
# accented and CJK letters, combining marks, digits, apostrophes, underscores.
_CHARACTERS = list("ab Z09_'’-.,\n") + ["“", "—", "\u2000", "\u00a0", "é", "ß", "\u0301", "日", "ア", "٣"]
_MIXED = st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=80)


@given(_MIXED, st.integers(-2, 90), st.integers(-2, 90))
def test_token_pieces_are_the_token_pattern_and_the_text_between(text, start, end):
    from sidebyside.aligning.tokens import token_pieces, token_re

    starts, ends, words, gaps = token_pieces(text, start, end)
    lo, hi = min(max(start, 0), len(text)), min(max(end, 0), len(text))
    found = list(token_re().finditer(text, lo, max(lo, hi)))
    assert [(m.start(), m.end(), m.group()) for m in found] == list(zip(starts, ends, words))
    # the stretches around the tokens and the tokens make up the text read
    assert "".join(g + w for g, w in zip(gaps, [*words, ""])) == text[lo:hi]
    assert [(t.start, t.end) for t in tokenize(text, start, end)] == list(zip(starts, ends))


def test_a_relative_clause_is_set_off_by_commas_within_one_sentence():
    from sidebyside.aligning.tokens import in_relative_clause, tokenize

    def negation_in_clause(text: str) -> bool:
        tokens = tokenize(text)
        starts, ends = [t.start for t in tokens], [t.end for t in tokens]
        k = next(i for i, t in enumerate(tokens) if text[t.start : t.end] == "not")
        return in_relative_clause(text, starts, ends, k, 0, len(tokens))

    assert negation_in_clause("The man, who has not been named, was arrested at the scene.")
    # The clause ends at its sentence's end: the next sentence's "not" is no part of it.
    assert not negation_in_clause('Asante said, who led the study in Ghana. "A vaccine will not end malaria, he said."')
    assert not negation_in_clause('The man, who was "not a suspect", was released, police said.')
