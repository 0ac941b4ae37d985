"""Properties of the engine that must hold for any input."""

from __future__ import annotations

import random
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidebyside.aligning.align import align
from sidebyside.aligning.options import AlignOptions
from sidebyside.aligning.tokens import Token, _word_info, fold_punctuation, token_re, tokenize
from sidebyside.model import Alignment
from sidebyside.reading.articles import article_from_text, load_articles

SENTENCES = [
    "Lavrov said Russia was ready to talk with the West about reducing tensions.",
    "The prospect of negotiation would only come if there were realistic proposals based on an equal approach.",
    "Putin had repeatedly said that Russia had never turned down an offer of negotiations with anyone.",
    "Officials in Kyiv said the offer was posturing and dismissed it within hours of the broadcast.",
    "The minister spoke on state television on Sunday evening from his office in Moscow.",
    "Analysts in Washington expect a long winter of fighting along the southern front line.",
    "Price said the State Department had very little confidence in the offer made this week.",
]

# Letters from many scripts, combining marks, emoji, right-to-left text.
ALPHABET = st.characters(
    codec="utf-8",
    categories=["L", "M", "N", "P", "S", "Zs"],
) | st.sampled_from(list("北京欢迎你こんにちはשלום مرحبا e\u0301 👍🏽 \u200f\n\n"))


def check_spans(alignment: Alignment) -> None:
    for group in alignment.groups:
        assert len({p.article for p in group.passages}) >= 2
        for p in (*group.passages, *group.repeats):
            text = alignment.articles[p.article].text
            assert 0 <= p.start < p.end <= len(text)
            assert text[p.start : p.end] == p.text
            assert 0 <= p.similarity <= 100


def canonical(alignment: Alignment) -> set[frozenset[tuple[str, int, int]]]:
    return {
        frozenset((str(alignment.articles[p.article].path), p.start, p.end) for p in g.passages)
        for g in alignment.groups
    }


@st.composite
def corpora(draw):
    """Articles built from shared sentences (some perturbed, reordered) and
    random noise, so that there is something to align."""
    n = draw(st.integers(2, 5))
    articles = []
    for i in range(n):
        parts = []
        for _ in range(draw(st.integers(1, 6))):
            if draw(st.booleans()):
                sentence = draw(st.sampled_from(SENTENCES))
                words = sentence.split()
                if draw(st.booleans()) and len(words) > 4:
                    del words[draw(st.integers(0, len(words) - 1))]
                if draw(st.booleans()):
                    words.insert(
                        draw(st.integers(0, len(words))), draw(st.sampled_from(["[We are]", "allegedly", "“so”", "—"]))
                    )
                parts.append(" ".join(words))
            else:
                parts.append(draw(st.text(ALPHABET, max_size=80)))
        text = draw(st.sampled_from(["\n\n", " ", "\n"])).join(parts)
        if not text.strip():
            text = "x"
        articles.append(article_from_text(Path(f"/corpus/art{i}.txt"), text))
    return articles


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_spans_lie_inside_and_select_the_reported_text(articles):
    check_spans(align(articles))


def folded(text: str) -> str:
    """A version as a reader compares it for "verbatim": case, quotation
    marks, dashes and whitespace folded (and the punctuation at its ends,
    where one version's passage takes in the full stop and another's not)."""
    text = fold_punctuation(text).casefold()
    text = re.sub(r"[\"']", "", text)
    text = re.sub(r"\s*-+\s*", "-", text)
    return " ".join(text.split()).strip(" .,;:!?")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.sampled_from([30.0, 60.0, 80.0]), st.sampled_from([3, 6, 10]))
def test_every_shown_version_meets_both_thresholds(articles, min_similarity, min_words):
    """Whatever merging and regrouping happens after linking, each version
    scores at least min_similarity (the figure reported for it) and has at
    least min_words words."""
    alignment = align(articles, AlignOptions(min_similarity=min_similarity, min_words=min_words))
    for group in alignment.groups:
        assert group.similarity >= min_similarity, group.id
        for p in group.passages:
            assert p.similarity >= min_similarity, (group.id, p.text, p.similarity)
            assert len(tokenize(p.text)) >= min_words, (group.id, p.text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_verbatim_groups_hold_equal_folded_text(articles):
    for group in align(articles).groups:
        if group.kind == "verbatim":
            assert len({folded(p.text) for p in group.passages}) == 1, [p.text for p in group.passages]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_no_two_groups_overlap_in_the_same_pair_of_articles(articles):
    """One passage per reuse: two groups that both have versions in the same
    two articles never overlap in either (nor lies one inside the other)."""
    alignment = align(articles)
    places = [(g.id, {p.article for p in g.passages}, p) for g in alignment.groups for p in g.passages]
    for gid, arts, p in places:
        for hid, brts, q in places:
            if gid < hid and p.article == q.article and len(arts & brts) >= 2:
                assert q.end <= p.start or p.end <= q.start, (gid, hid, p.text, q.text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_file_order(articles, rnd):
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    first, second = align(articles), align(shuffled)
    assert canonical(first) == canonical(second)
    by_path = lambda al: {  # noqa: E731
        tuple(sorted((str(al.articles[p.article].path), p.start) for p in g.passages)): g.id for g in al.groups
    }
    assert by_path(first) == by_path(second)  # same ids too


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(ALPHABET, min_size=1, max_size=400), min_size=2, max_size=4), st.integers(1, 8))
def test_random_unicode_never_crashes(texts, min_words):
    articles = [article_from_text(Path(f"/u/{i}.txt"), t) for i, t in enumerate(texts)]
    # the same text twice guarantees candidates in odd scripts
    articles.append(article_from_text(Path("/u/copy.txt"), texts[0] + "\n" + texts[-1]))
    check_spans(align(articles, AlignOptions(min_words=min_words, min_similarity=30)))


def test_sample_corpus_order_independent():
    articles = load_articles()
    expected = canonical(align(articles))
    for seed in range(3):
        shuffled = list(articles)
        random.Random(seed).shuffle(shuffled)
        assert canonical(align(shuffled)) == expected


def test_duplicate_article_aligns_everywhere_verbatim():
    text = "\n\n".join(SENTENCES)
    a = article_from_text(Path("/d/a.txt"), text)
    b = article_from_text(Path("/d/b.txt"), text)
    alignment = align([a, b])
    check_spans(alignment)
    covered = sum(p.end - p.start for g in alignment.groups for p in g.passages if p.article == 0)
    assert covered >= 0.8 * len(text)


def test_reordered_passages_are_all_found():
    a = article_from_text(Path("/r/a.txt"), "\n\n".join(SENTENCES))
    b = article_from_text(Path("/r/b.txt"), "\n\n".join(reversed(SENTENCES)))
    alignment = align([a, b])
    found = {g.passages[0].text for g in alignment.groups}
    for sentence in SENTENCES:
        assert any(sentence.rstrip(".") in f or f in sentence for f in found), sentence


def test_transliteration_case_punctuation_and_brackets():
    a = article_from_text(
        Path("/t/a.txt"),
        'Foreign Minister Sergei Lavrov said: "[We are] ready to talk with the West about reducing tensions."',
    )
    b = article_from_text(
        Path("/t/b.txt"),
        "FOREIGN MINISTER SERGEY LAVROV SAID THEY WERE "
        "\u201cREADY TO TALK WITH THE WEST ABOUT REDUCING TENSIONS\u201d.",
    )
    alignment = align([a, b])
    assert len(alignment.groups) == 1
    texts = [p.text for p in alignment.groups[0].passages]
    assert any("Sergei" in t for t in texts) and any("SERGEY" in t for t in texts)
    assert all("REDUCING TENSIONS".casefold() in t.casefold() for t in texts)


def test_progress_is_reported():
    calls = []
    align(load_articles(), progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]


@settings(max_examples=150, deadline=None)
@given(st.text(ALPHABET | st.sampled_from(list("_'’-")), max_size=200), st.integers(-2, 210), st.integers(-2, 210))
def test_tokenize_reads_as_the_token_pattern(text, start, end):
    """The fast tokenizer reads exactly what the token pattern finds, with the same
    offsets and keys, over the whole text or a stretch of it."""
    expected = [
        Token(m.start(), m.end(), *_word_info(m.group()))
        for m in token_re().finditer(text, max(start, 0), max(end, 0))
    ]
    assert tokenize(text, start, end) == expected
    if start == 0:
        assert tokenize(text) == [
            Token(m.start(), m.end(), *_word_info(m.group())) for m in token_re().finditer(text)
        ]
