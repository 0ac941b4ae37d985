"""Passages as a reader needs them (issue 9): whole sentences or clauses with
every difference inside, thresholds that hold for what is shown, one passage
per reuse, headlines apart, reworded sentences grouped with precision.

The articles here are written for these tests, so they measure the aligner
on text in general, not on the sample corpus.  Run this file as a script to
print the precision and recall on tests/data/reworded.json.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from sidebyside.aligning.align import align
from sidebyside.aligning.documents import prepare
from sidebyside.aligning.extension import speakers, tidy
from sidebyside.aligning.grouping import verbatim_key
from sidebyside.aligning.options import AlignOptions
from sidebyside.aligning.tokens import key_of, tokenize
from sidebyside.model import Alignment, Group
from sidebyside.reading.articles import article_from_text, load_articles

REWORDED = json.loads((Path(__file__).parent / "data" / "reworded.json").read_text(encoding="utf-8"))

HEADLINE_A = "Kalashnikov wrote to church about his guilt"
HEADLINE_B = "Rifle designer asked patriarch about guilt"

KALASHNIKOV = [
    "Mikhail Kalashnikov, the designer of the AK-47 assault rifle, wrote to the head of the Russian Orthodox "
    "Church months before his death to express fears that he was morally responsible for the people it killed.",
    "The Russian Orthodox Church received Kalashnikov's letter and had written a reply, a spokesman said on Monday.",
    "In the letter, Kalashnikov described years of doubt about the weapon that made his name famous around the "
    "world. He asked whether a man who had created a tool of war could still be forgiven by the church.",
    "Analysts at the Moscow Institute of Political Studies said the letter would be read closely by veterans.",
    "Political scientist Thad Kousser, of the University of California, San Diego, said the letter was unusual.",
]
FILLER_A = [
    "The weather in the capital stayed mild for most of the week, forecasters reported.",
    "Local traders reported a quiet morning at the central market near the river port.",
]
FILLER_B = [
    "Schools in the northern district will reopen after the holidays, officials announced.",
    "A new bus line has connected the airport with the old town since the start of June.",
]


def article(name: str, text: str):
    return article_from_text(Path(f"/tests/{name}.txt"), text)


def pair(text_a: str, text_b: str, options: AlignOptions | None = None) -> Alignment:
    return align([article("a", text_a), article("b", text_b)], options)


def body(headline: str, paragraphs: list[str]) -> str:
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def groups_holding(alignment: Alignment, phrase_a: str, phrase_b: str) -> list[Group]:
    """The groups with a version in article 0 holding phrase_a and one in
    article 1 holding phrase_b."""
    found = []
    for g in alignment.groups:
        in_a = any(p.article == 0 and phrase_a in p.text for p in g.passages)
        in_b = any(p.article == 1 and phrase_b in p.text for p in g.passages)
        if in_a and in_b:
            found.append(g)
    return found


# --- 1. readable units, every difference inside ----------------------------------


def test_a_changed_ending_is_inside_one_variant_group_covering_both_endings():
    a = body(HEADLINE_A, FILLER_A[:1] + KALASHNIKOV)
    b = body(HEADLINE_B, FILLER_B[:1] + KALASHNIKOV[:4] + [KALASHNIKOV[4].replace(", San Diego,", "-Berkeley,")])
    (group,) = groups_holding(pair(a, b), "San Diego", "California-Berkeley")
    assert group.kind == "variant"
    texts = {p.article: p.text for p in group.passages}
    # The whole copy is one passage (its paragraphs follow in both), ending with the changed sentence whole.
    assert texts[0].startswith("Mikhail Kalashnikov") and texts[1].startswith("Mikhail Kalashnikov")
    assert texts[0].endswith("San Diego, said the letter was unusual.")
    assert texts[1].endswith("California-Berkeley, said the letter was unusual.")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("months before his death", "weeks before his death"),  # a changed word inside
        ("wrote to the head", "Mikhail Kalashnikov wrote to the head"),  # an inserted phrase
        ("for the people it killed.", "for the many people it has killed over decades."),  # a rewritten ending
        ("Mikhail Kalashnikov, the designer", "Kalashnikov, who designed"),  # a rewritten start
    ],
)
def test_an_edit_anywhere_in_a_sentence_is_inside_both_versions(old, new):
    edited = KALASHNIKOV[0].replace(old, new)
    if new.startswith("Kalashnikov, who"):
        edited = edited.replace("assault rifle, wrote", "assault rifle, wrote")
    assert edited != KALASHNIKOV[0]
    a = body(HEADLINE_A, FILLER_A + KALASHNIKOV)
    b = body(HEADLINE_B, FILLER_B + [edited] + KALASHNIKOV[1:])
    groups = groups_holding(pair(a, b), old.strip(" ."), new.strip(" ."))
    assert len(groups) == 1, [g.passages for g in pair(a, b).groups]
    assert groups[0].kind == "variant"


@pytest.mark.parametrize(
    ("short", "long"),
    [
        (
            "Shipping firms said at least 30 vessels were waiting offshore.",
            "Shipping firms said at least 35 vessels were waiting offshore on Saturday as a strike by dock "
            "workers entered its second day.",
        ),
        (
            "The council said the bridge would reopen to traffic next month.",
            "The council said the bridge would reopen to traffic next month after repairs to its deck.",
        ),
    ],
)
def test_an_ending_only_one_version_has_is_inside_its_passage(short, long):
    # A sentence that one outlet goes on with (an added ending, a changed
    # number before it): both whole sentences are one variant group.
    a = body(HEADLINE_A, FILLER_A + [short])
    b = body(HEADLINE_B, FILLER_B + [long])
    (group,) = pair(a, b).groups
    assert group.kind == "variant"
    assert {p.article: p.text for p in group.passages} == {0: short, 1: long}


def test_verbatim_only_when_the_folded_texts_are_equal():
    sentence = KALASHNIKOV[1]
    typographic = sentence.replace("Kalashnikov's", "Kalashnikov’s").replace("ON MONDAY", "on Monday")
    a = body(HEADLINE_A, FILLER_A[:1] + [sentence, KALASHNIKOV[2]])
    b = body(HEADLINE_B, FILLER_B[:1] + [typographic.upper().replace("MONDAY", "Monday"), KALASHNIKOV[2]])
    for g in pair(a, b).groups:
        assert g.kind == "verbatim", [p.text for p in g.passages]
    changed = body(HEADLINE_B, FILLER_B[:1] + [sentence.replace("Monday", "Tuesday"), KALASHNIKOV[2]])
    kinds = {g.kind for g in pair(a, changed).groups if any("Tuesday" in p.text for p in g.passages)}
    assert kinds == {"variant"}


def test_verbatim_key_folds_case_quotes_dashes_spaces_and_edge_punctuation():
    assert verbatim_key('“Ready” — to  talk,') == verbatim_key('"ready" - to talk')
    assert verbatim_key("ready to talk") != verbatim_key("ready to walk")
    assert verbatim_key("[We are] ready") != verbatim_key("We are ready")


_CLAUSE_END = re.compile(r"[\w\]\)”\"’'.!?…]$")


QUOTE_MARKS = "\"“”«»"


def _at_boundaries(alignment: Alignment) -> list[str]:
    """Passages whose start or end is not at a sentence, clause or quotation
    boundary of their article (a word before the start or after the end with
    only a space between, no punctuation, no line break, no clause word)."""
    bad = []
    for g in alignment.groups:
        for p in g.passages:
            text = alignment.articles[p.article].text
            before = text[max(0, p.start - 2) : p.start]
            after = text[p.end : p.end + 2]
            words_after = text[p.end : p.end + 30].split()
            # (a quotation's marks are a boundary: '…said "We…' / '…tensions," Lavrov said')
            loose_start = re.fullmatch(r"\w ", before) is not None and p.text[:1] not in QUOTE_MARKS
            next_word = words_after[0].casefold().strip(",.;:") if words_after else ""
            loose_end = (
                re.fullmatch(r" \w", after) is not None and p.text[-1:] not in QUOTE_MARKS
            ) and next_word not in (
                "that", "which", "who", "but", "and", "if", "when", "while", "because", "where", "whether"
            )
            if loose_start and p.text.split()[0].casefold() not in (
                "that", "which", "who", "but", "and", "if", "when", "while", "because", "where", "whether", "only"
            ):
                prev_word = text[: p.start].split()[-1].casefold()
                if prev_word not in ("said", "says", "added", "reported", "stated", "noted", "that", "told"):
                    bad.append(f"{g.id} starts mid-clause: …{text[max(0, p.start - 30) : p.start + 30]!r}")
            if loose_end:
                bad.append(f"{g.id} ends mid-clause: {text[p.end - 30 : p.end + 30]!r}…")
    return bad


def test_sample_passages_start_and_end_at_boundaries():
    assert _at_boundaries(align(load_articles())) == []


def test_written_pairs_start_and_end_at_boundaries():
    a = body(HEADLINE_A, FILLER_A + KALASHNIKOV)
    b = body(HEADLINE_B, FILLER_B + [KALASHNIKOV[0].replace("months", "weeks")] + KALASHNIKOV[2:])
    assert _at_boundaries(pair(a, b)) == []


# --- 2. thresholds hold for what is shown ----------------------------------------------


@pytest.mark.parametrize("min_similarity", [60, 70, 80, 90])
def test_every_shown_version_meets_both_thresholds(min_similarity):
    options = AlignOptions(min_similarity=min_similarity, min_words=8)
    articles = list(load_articles())
    articles.append(article("kalashnikov-a", body(HEADLINE_A, FILLER_A + KALASHNIKOV)))
    edited = [KALASHNIKOV[0].replace("months", "weeks")] + KALASHNIKOV[1:4]
    articles.append(article("kalashnikov-b", body(HEADLINE_B, FILLER_B + edited)))
    alignment = align(articles, options)
    assert alignment.groups
    for g in alignment.groups:
        assert len({p.article for p in g.passages}) == len(g.passages), "one version per article"
        for p in g.passages:
            assert p.similarity >= min_similarity, (g.id, p.text, p.similarity)
            assert len(tokenize(p.text)) >= 8, (g.id, p.text)
        for r in g.repeats:
            assert len(tokenize(r.text)) >= 8 and r.similarity >= min_similarity


def test_the_figure_shown_is_the_version_s_mean_similarity_to_the_others():
    from sidebyside.aligning.extension import similarity

    alignment = align(load_articles())
    for g in alignment.groups:
        for p in g.passages:
            others = [q for q in g.passages if q.article != p.article]
            mean = sum(similarity(p.text, q.text) for q in others) / len(others)
            assert p.similarity == round(mean, 1)


def test_closer_wording_scores_higher():
    from sidebyside.aligning.extension import similarity

    original = "The Russian Orthodox Church received Kalashnikov's letter and had written a reply."
    close = "The Russian Orthodox Church received Kalashnikov's letter and wrote a reply."
    looser = "The Russian Orthodox Church received the letter and wrote a personal reply."
    loosest = "The church got the letter from the designer and answered him personally."
    scores = [similarity(original, x) for x in (original, close, looser, loosest)]
    assert scores == sorted(scores, reverse=True) and scores[0] == 100 and len(set(scores)) == 4


# --- 3. one passage per reuse -------------------------------------------------------


QUOTE = [
    'Kalashnikov wrote: "I keep asking myself the same question over and over again. If my assault rifle took '
    "people's lives, then does that mean that I, Mikhail Kalashnikov, son of a peasant woman and an Orthodox "
    'Christian, am guilty of their deaths, even if they were enemies?',
    '"My spiritual pain is unbearable."',
]


def test_a_quote_s_last_sentence_joined_on_keeps_its_closing_mark():
    quote = (
        '"The captain\'s decision to keep the ship on the reef rather than try to pull it off saved it from taking on '
        'more water," coast guard spokesman Nikos Alexiou told state broadcaster ERT. "The passengers behaved with '
        'great calm."'
    )
    (group,) = pair(body(HEADLINE_A, FILLER_A + [quote]), body(HEADLINE_B, FILLER_B + [quote])).groups
    assert [p.text for p in group.passages] == [quote, quote]

def test_a_passage_running_from_one_quotation_into_the_next_takes_both_whole():
    first, second = '"The structure gave way without any warning,"', '"We are lucky nobody was killed,"'
    text = f"said: {first} Mayor Oduya said.\n\n{second} she added."
    start, end = text.index("The structure"), text.index("killed") + len("killed")
    s, e = tidy(text, start, end)
    assert text[s:e] == f"{first} Mayor Oduya said.\n\n{second}"
    # Two quotations inside the passage, whole: nothing to take in.
    inner = 'He said "no" and left in "haste" today.'
    assert tidy(inner, inner.index("He"), len(inner)) == (0, len(inner))


def test_a_quotation_left_open_at_a_paragraph_end_is_taken_whole():
    # News copy leaves a quote open at the end of a paragraph when it goes on
    # in the next, and opens it again there.
    text = 'He said: "There is no military solution.\n\n"Every day the war goes on, it grows," he added.'
    start, end = text.index("There"), text.index("grows") + len("grows")
    s, e = tidy(text, start, end)
    assert text[s:e] == '"There is no military solution.\n\n"Every day the war goes on, it grows,"'
    text = '"Such conduct cannot be excused.\n\n"It is a betrayal, and the sentence must reflect that." She left.'
    s, e = tidy(text, 0, text.index("that.") + len("that."))
    assert text[s:e].endswith('that."')


def test_paragraphs_in_step_are_cut_in_step_where_a_third_outlet_s_passage_ends():
    # Two outlets carry the fire chief's sentence and then the engineer's
    # statement, one as a paraphrase, the other as a quote; a third carries
    # the fire chief's sentence only.  The pair's passage is cut at the
    # paragraph, so all three fire-chief sentences are one group.
    chief = "Fire chief Dmitri Volkonsky said rescuers had pulled 14 people from the water within forty minutes."
    paraphrase = "City engineer Paul Hendricks said the bridge had been inspected in January."
    a = body(HEADLINE_A, FILLER_A + [chief, paraphrase])
    b = body(HEADLINE_B, FILLER_B + [chief.replace("14", "16")])
    c = body(
        "Bridge collapse",
        [chief, '"We inspected that bridge in January and found no faults," said city engineer Paul Hendricks.'],
    )
    alignment = align([article("a", a), article("b", b), article("c", c)])
    (group,) = [g for g in alignment.groups if any("Volkonsky" in p.text for p in g.passages)]
    assert {p.article for p in group.passages} == {0, 1, 2}
    assert all("Hendricks" not in p.text for p in group.passages)

PORT = [
    'The port authority said about 2,400 workers had joined the stoppage, which it called "unlawful and deeply '
    'irresponsible."',
    "Trade minister Oskar Brandvold urged both sides to return to talks, warning that every day the port stays "
    "closed costs exporters roughly 40 million crowns and puts thousands of jobs across the region at risk.",
]


def test_an_outlet_carrying_one_of_two_sentences_others_carry_together_keeps_its_group():
    # Two outlets carry both sentences, one passage per reuse; a third
    # carries only the first, reworded at its end.  It is grouped with the
    # first sentence of another (a group of its own beside theirs), not lost
    # because it is too unlike their two-sentence passage.
    third = 'The port authority said about 2,400 workers had joined the stoppage, which it described as "unlawful."'
    alignment = align(
        [
            article("a", body(HEADLINE_A, FILLER_A + PORT)),
            article("b", body(HEADLINE_B, [third] + FILLER_B)),
            article("c", body("Port strike goes on", PORT)),
        ]
    )
    with_third = [g for g in alignment.groups if any(p.article == 1 for p in g.passages)]
    assert len(with_third) == 1, [[p.text for p in g.passages] for g in alignment.groups]
    texts = {p.article: p.text for p in with_third[0].passages}
    assert texts[1] == third
    # The changed ending is inside both versions, not cut off at "which it called".
    assert PORT[0] in [t for k, t in texts.items() if k != 1], texts
    assert with_third[0].kind == "variant"
    # The two outlets that carry both sentences still share them as one passage.
    assert any({p.article: p.text for p in g.passages}.get(2, "").endswith("at risk.") for g in alignment.groups)


def test_a_quotation_continued_over_a_paragraph_break_is_one_passage_with_its_short_last_paragraph():
    a = body(HEADLINE_A, FILLER_A + QUOTE + KALASHNIKOV[3:4])
    b = body(HEADLINE_B, FILLER_B[:1] + QUOTE + FILLER_B[1:])
    alignment = pair(a, b)
    groups = groups_holding(alignment, "I keep asking", "I keep asking")
    assert len(groups) == 1
    for p in groups[0].passages:
        assert p.text.rstrip('."”').endswith("My spiritual pain is unbearable"), p.text
    assert len(alignment.groups) == 1


def _hard_wrap(text: str, width: int = 38) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def test_a_hard_wrapped_copy_is_found_whole_in_one_passage():
    paragraph = " ".join(KALASHNIKOV[:3])
    a = body(HEADLINE_A, FILLER_A[:1] + [paragraph] + FILLER_A[1:])
    b = body(HEADLINE_B, FILLER_B[:1] + [_hard_wrap(paragraph)] + FILLER_B[1:])
    alignment = pair(a, b)
    assert len(alignment.groups) == 1
    (group,) = alignment.groups
    for p in group.passages:
        words = " ".join(p.text.split())
        assert words == paragraph


COSTA_WIRE = (
    '"We will reopen the line within a week, but the repairs to the bridge will take until the spring," transport '
    "minister Ana Costa told reporters at the depot on Friday. \"Until then, buses will replace the trains between "
    'the two towns."'
)
COSTA_CUT = (
    '"We will reopen the line within a week [...] Until then, buses will replace the trains between the two '
    'towns," transport minister Ana Costa told reporters at the depot on Friday.'
)


def test_a_quote_cut_with_its_attribution_moved_is_one_passage_with_the_cut_flagged():
    # The attribution moves from the middle of the quote to its end, and the
    # middle is cut with "[...]": the pieces cross, but they are one reuse.
    a = body(HEADLINE_A, FILLER_A[:1] + [COSTA_WIRE] + FILLER_A[1:])
    b = body(HEADLINE_B, FILLER_B[:1] + [COSTA_CUT] + FILLER_B[1:])
    alignment = pair(a, b)
    (group,) = groups_holding(alignment, "within a week", "within a week")
    texts = {p.article: p.text for p in group.passages}
    assert texts == {0: COSTA_WIRE, 1: COSTA_CUT}
    assert "quote-changed" in group.flags
    assert len(alignment.groups) == 1


ADLER_WIRE = [
    'Safety campaigner Ruth Adler said: "A fire in a tunnel is the worst thing that can happen on a railway, because '
    "the smoke spreads faster than people can walk.",
    '"Passengers should not wait for an announcement. They should leave the train at once."',
]
ADLER_CUT = (
    'Safety campaigner Ruth Adler said: "A fire in a tunnel is the worst thing that can happen on a railway [...] '
    'Passengers should not wait for an announcement. They should leave the train at once."'
)


def test_a_quote_over_two_paragraphs_cut_into_one_is_one_passage():
    a = body(HEADLINE_A, FILLER_A[:1] + ADLER_WIRE + FILLER_A[1:])
    b = body(HEADLINE_B, FILLER_B[:1] + [ADLER_CUT] + FILLER_B[1:])
    alignment = pair(a, b)
    (group,) = groups_holding(alignment, "Ruth Adler", "Ruth Adler")
    texts = {p.article: p.text for p in group.passages}
    assert texts == {0: "\n\n".join(ADLER_WIRE), 1: ADLER_CUT}
    assert "quote-changed" in group.flags


NANDA_CLUB = (
    '"Signing a player of his quality at 24 is a statement about where this club wants to be. We moved quickly '
    "when we knew he was available, and we are grateful to the sellers for the way they handled the talks,\" "
    "director of football Priya Nandakumar said."
)
NANDA_WIRE = (
    '"Signing a player of his quality at 24 is a statement about where this club wants to be," Kingsmere '
    "director of football Priya Nandakumar said in a statement."
)


def test_a_phrase_said_twice_in_one_paragraph_is_a_repeat_not_a_piece():
    said = '"No child will spend another winter in a cold classroom," Mayor Tom Hale said.'
    again = '"No child will spend another winter in a cold classroom."'
    a = body(HEADLINE_A, FILLER_A[:1] + [f"{said} He spoke for twenty minutes. {again}"])
    b = body(HEADLINE_B, FILLER_B[:1] + [said.replace("said.", "said at the meeting.")])
    (group,) = groups_holding(pair(a, b), "No child", "No child")
    assert [p.text for p in group.passages if p.article == 0] == [said]
    assert [r.text for r in group.repeats] == [again]


def test_a_quote_one_outlet_cuts_after_its_first_sentence_is_one_passage_with_its_attribution():
    # The wire's one sentence holds the quote's first sentence and the
    # attribution; the club's paragraph the whole quote, then the
    # attribution: both pieces share the wire's sentence, so the club's
    # attribution is no repeat of it but the end of one passage.
    a = body(HEADLINE_A, FILLER_A[:1] + [NANDA_CLUB] + FILLER_A[1:])
    b = body(HEADLINE_B, FILLER_B[:1] + [NANDA_WIRE] + FILLER_B[1:])
    alignment = pair(a, b)
    (group,) = groups_holding(alignment, "Signing a player", "Signing a player")
    texts = {p.article: p.text for p in group.passages}
    assert texts == {0: NANDA_CLUB, 1: NANDA_WIRE}
    assert not group.repeats


FEE_WIRE = (
    "The fee of 48 million euros ($52 million) surpasses the 39 million pounds the club paid Flamengo for Brazilian "
    "midfielder Caio Rezende in 2025."
)
FEE_TABLOID = (
    "The fee is understood to be £41million, smashing the £39million the club paid Flamengo for Brazilian "
    "midfielder Caio Rezende in 2025."
)


def test_two_statements_in_one_frame_are_not_one_passage():
    # The same opening ("Police said") and the same last ten words, but the
    # middles share nothing: two statements, not one sentence reworded.
    searched = "after officers searched the flat above the bar on Sunday."
    a = f"Police said a woman was charged with attempted murder {searched}"
    b = f"Police said two teenagers were questioned as witnesses {searched}"
    alignment = pair(body(HEADLINE_A, FILLER_A[:1] + [a]), body(HEADLINE_B, FILLER_B[:1] + [b]))
    assert not groups_holding(alignment, "woman", "teenagers")


def test_a_sentence_that_opens_and_ends_alike_with_its_middle_rewritten_is_one_passage():
    # Only the last ten words are shared word for word; the sentences open
    # alike, so the changed figures and verbs are inside both passages.
    a = body(HEADLINE_A, FILLER_A[:1] + [FEE_WIRE] + FILLER_A[1:])
    b = body(HEADLINE_B, FILLER_B[:1] + [FEE_TABLOID] + FILLER_B[1:])
    alignment = pair(a, b)
    (group,) = groups_holding(alignment, "The fee", "The fee")
    assert {p.article: p.text for p in group.passages} == {0: FEE_WIRE, 1: FEE_TABLOID}
    assert group.kind == "variant"


COUNCIL = "The city council approved the new budget for schools and roads on Monday evening after a long debate"
WALKOUT = (
    "Opposition members walked out of the chamber before the vote, saying they had not been given time to read it."
)
TAXES = "Local taxes will rise by two percent next year under the plan, the mayor told reporters."


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # a sentence of one text's own between two the texts share, in one paragraph
        ([f"{COUNCIL}. {TAXES}"], [f"{COUNCIL}. {WALKOUT} {TAXES}"]),
        # one sentence of one text given as two paragraphs, a paragraph of the other's own between them
        (
            [f"{COUNCIL}, and the mayor told reporters that local taxes would rise by two percent next year."],
            [f"{COUNCIL}.", WALKOUT, TAXES],
        ),
    ],
)
def test_a_sentence_or_paragraph_of_one_text_s_own_keeps_the_pieces_apart(text_a, text_b):
    alignment = pair(body(HEADLINE_A, FILLER_A[:1] + text_a + FILLER_A[1:]), body(HEADLINE_B, FILLER_B[:1] + text_b))
    for g in alignment.groups:
        for p in g.passages:
            assert "walked out" not in p.text, p.text
    assert groups_holding(alignment, "city council approved", "city council approved")


@pytest.mark.parametrize("mark", ["…", "..."])
def test_a_quote_cut_with_an_ellipsis_between_its_sentences_is_one_passage(mark):
    said = 'Judge Ana Ruiz read out a summary of the ruling. "The defendant treated the plant as a private purse.'
    end = 'A sentence at the upper end of the range is the only proportionate answer," she said.'
    whole = f"{said} He did so not out of need but out of greed, over several years. {end}"
    cut = f"{said[:-1]} {mark} {end}"
    alignment = pair(body(HEADLINE_A, FILLER_A[:1] + [whole] + FILLER_A[1:]), body(HEADLINE_B, FILLER_B[:1] + [cut]))
    (group,) = groups_holding(alignment, "out of greed", "private purse")
    assert {p.article: p.text for p in group.passages} == {0: whole, 1: cut}
    assert group.flags == ("quote-changed",)


def test_whole_sentences_in_another_order_stay_passages_of_their_own():
    first, second, third = KALASHNIKOV[1], KALASHNIKOV[2], KALASHNIKOV[3]
    a = body(HEADLINE_A, FILLER_A[:1] + [f"{first} {second} {third}"] + FILLER_A[1:])
    b = body(HEADLINE_B, FILLER_B[:1] + [f"{third} {first} {second}"] + FILLER_B[1:])
    alignment = pair(a, b)
    for g in alignment.groups:
        for p in g.passages:
            assert not (first in p.text and third in p.text), p.text
    assert groups_holding(alignment, third, third)
    assert groups_holding(alignment, first, first)


def test_no_group_overlaps_another_in_the_same_two_articles():
    articles = list(load_articles())
    articles.append(article("kalashnikov-a", body(HEADLINE_A, FILLER_A + KALASHNIKOV + QUOTE)))
    articles.append(article("kalashnikov-b", body(HEADLINE_B, QUOTE[:1] + KALASHNIKOV[::-1] + [KALASHNIKOV[1]])))
    alignment = align(articles)
    places = [(g.id, {p.article for p in g.passages}, p) for g in alignment.groups for p in g.passages]
    for gid, arts, p in places:
        for hid, brts, q in places:
            if gid < hid and p.article == q.article and len(arts & brts) >= 2:
                assert q.end <= p.start or p.end <= q.start, (gid, hid, p.text, q.text)


def test_a_pull_quote_repeated_inside_an_article_is_a_repeat_not_a_second_version():
    pull = "He asked whether a man who had created a tool of war could still be forgiven by the church."
    a = body(HEADLINE_A, FILLER_A[:1] + KALASHNIKOV[:3] + [pull] + KALASHNIKOV[3:])
    b = body(HEADLINE_B, FILLER_B + KALASHNIKOV[2:3])
    alignment = pair(a, b)
    (group,) = groups_holding(alignment, "forgiven by the church", "forgiven by the church")
    assert sorted(p.article for p in group.passages) == [0, 1]
    assert [r.article for r in group.repeats] == [0]
    assert group.repeats[0].text.startswith("He asked whether")


SPEECH = (
    'Speaking before the vote, the prime minister said: "I will not cling to power. If the chamber decides today '
    'that my time is over, I will accept its decision with my head held high."'
)


def test_a_short_line_of_one_text_s_own_that_is_no_quotation_is_run_across():
    # "Hale added:" (two content words, no quotation marks) between two paragraphs both texts carry.
    budget = "The city council approved the new budget for schools and roads on Monday evening after a long debate."
    said = (
        "Mayor Tom Hale said the city would fix the roof of every school before the first snow falls, so that no "
        "child would spend another winter in a cold classroom."
    )
    money = '"The money is there, the contractors are ready, and the work on the first three schools starts next week'
    a = body(HEADLINE_A, [budget, said, "Hale added:", f'{money}."'])
    b = body(HEADLINE_B, [budget, said, f'{money}," he said.'])
    assert len(pair(a, b).groups) == 1


@pytest.mark.parametrize("mark", ["> ", ""])
def test_a_short_pull_quote_is_a_repeat_of_its_passage_and_in_no_version(mark):
    # Two content words ('cling', 'power'): too few to seed a link of its
    # own, and no passage runs across it into the next paragraph.
    pull = f'{mark}"I will not cling to power."'
    after = "The opposition leader said the government had lost the trust of parliament and of the country."
    a = body(HEADLINE_A, FILLER_A[:1] + [SPEECH, pull, after] + FILLER_A[1:])
    b = body(HEADLINE_B, FILLER_B[:1] + [SPEECH, after] + FILLER_B[1:])
    alignment = pair(a, b)
    for g in alignment.groups:
        for p in g.passages:
            assert "cling to power.\"\n" not in p.text, p.text
    (group,) = groups_holding(alignment, "held high", "held high")
    assert [(r.article, r.text) for r in group.repeats] == [(0, '"I will not cling to power."')]


SPEECH_WIRE = (
    'Speaking in the Sejm before the vote, Wróbel said: "I will not cling to power. If the Sejm decides today that '
    "my time is over, I will accept the decision of the Sejm with my head held high, because that is what "
    'democracy demands."'
)
SPEECH_AGAIN = (
    'In a speech to the chamber before the vote, Wróbel said: "I am not going to hold on to power at any price. '
    "If the Sejm decides today that my time has come to an end, I will accept the Sejm's decision with my head "
    'raised high, because democracy requires this."'
)
COALITION = (
    "Wróbel's coalition fell apart last month when the Rural Alliance, its junior partner, walked out over plans "
    "to end fuel subsidies for farmers and voted with the opposition on Friday."
)


def test_two_quotations_that_close_on_different_sentences_stop_where_they_part():
    # The rests of the two quotations say different things: the passages end
    # at the last sentence they share, not at the quotations' ends.
    said = (
        'Kowalczyk told deputies: "I will not resign from my post before the elections next year, whatever the '
        "opposition says."
    )
    a = body(HEADLINE_A, FILLER_A[:1] + [f'{said} Our pension reform will pass the senate by the summer."'])
    b = body(HEADLINE_B, FILLER_B[:1] + [f'{said} My husband and my children have my full support."'])
    alignment = pair(a, b)
    (group,) = groups_holding(alignment, "resign", "resign")
    assert all(p.text.endswith("whatever the opposition says.") for p in group.passages)


def test_a_speech_translated_twice_is_one_passage_to_the_quotations_ends():
    # The quotations read alike in their first sentences only; no passage
    # stops inside either, and the two speeches are one variant group.
    a = body(HEADLINE_A, FILLER_A[:1] + [COALITION, SPEECH_WIRE] + FILLER_A[1:])
    b = body(HEADLINE_B, FILLER_B[:1] + [COALITION, SPEECH_AGAIN] + FILLER_B[1:])
    alignment = pair(a, b)
    for g in alignment.groups:
        for p in g.passages:
            assert p.text.count('"') % 2 == 0, p.text
    (group,) = groups_holding(alignment, "cling to power", "hold on to power")
    texts = {p.article: p.text for p in group.passages}
    assert texts[0].endswith(SPEECH_WIRE) and texts[1].endswith(SPEECH_AGAIN)


def test_a_passage_never_runs_on_into_the_first_sentence_of_a_quotation_that_goes_on():
    """'… published it in full on Tuesday.' then '"We are not asking Brussels
    for charity. We are asking …," Zaretsky told the paper.' / '… for
    favours. We want …': the quotation, translated twice, is in one passage
    whole in each (with the paragraph both carry after it), not cut after its
    first sentence, which the paragraph before would take."""
    intro = (
        "Zaretsky gave the interview to the daily Vestnik Dorvanii on April 13, a day after returning from talks in "
        "Brussels, and the paper published it in full on Tuesday."
    )
    quote_a = (
        '"We are not asking Brussels for charity. We are asking to be treated as a partner that keeps its word," '
        "Zaretsky told the paper."
    )
    quote_b = (
        '"We are not asking Brussels for favours. We want to be treated like a partner who keeps its promises," '
        "Zaretsky told the paper."
    )
    after = (
        "The European Commission has agreed in principle to contribute 1.2 billion euros to the 240-km pipeline, "
        "which would link Dorvania's network to the EU's at the western border town of Melnik, Zaretsky said."
    )
    alignment = pair(
        body(HEADLINE_A, FILLER_A[:1] + [intro, quote_a, after] + FILLER_A[1:]),
        body(HEADLINE_B, FILLER_B[:1] + [intro, quote_b, after] + FILLER_B[1:]),
    )
    for g in alignment.groups:
        for p in g.passages:
            assert not p.text.endswith("for charity.") and not p.text.endswith("for favours."), p.text
            assert not p.text.startswith(("We are asking", "We want")), p.text


APOLOGY = (
    '"Our customers trust us to keep the lights on and to keep their information safe. On this occasion we failed '
    'them on the second, and I am sorry," Chief Executive Daniel Hartigan said in a statement. "We are contacting '
    'every affected customer directly, and we will pay for credit monitoring for anyone who wants it."'
)
APOLOGY_REPORTED = (
    "Chief Executive Daniel Hartigan apologized in a statement, saying the company had failed to keep its "
    "customers' information safe and would contact every affected customer directly and pay for credit "
    "monitoring for anyone who wanted it."
)


@pytest.mark.parametrize(
    ("report", "grouped"),
    [
        (APOLOGY_REPORTED, True),
        # another speaker
        (APOLOGY_REPORTED.replace("Chief Executive Daniel Hartigan", "Regulator Ann Rennick"), False),
        # another statement of the same speaker's, a few of its words alike
        (
            "Chief Executive Daniel Hartigan said in a statement that the company would raise its prices next year "
            "to pay for new security systems, and that customers' information was safe.",
            False,
        ),
    ],
)
def test_a_quote_reported_in_other_words_is_grouped_with_it(report, grouped):
    # Half the words shared, the same speaker named in both, the same
    # polarity: one statement, quoted in one outlet and reported in the other.
    a = body(HEADLINE_A, FILLER_A[:1] + [APOLOGY] + FILLER_A[1:])
    b = body(HEADLINE_B, FILLER_B[:1] + [report] + FILLER_B[1:])
    alignment = pair(a, b)
    whole = [g for g in alignment.groups if {p.article: p.text for p in g.passages} == {0: APOLOGY, 1: report}]
    assert bool(whole) == grouped
    if grouped:
        assert "quote-paraphrase" in whole[0].flags


@pytest.mark.parametrize(
    ("one", "other"), [("President Macron", "President Maduro"), ("Chancellor Merz", "Chancellor Merkel")]
)
def test_two_people_with_one_title_are_two_speakers(one, other):
    # The words after "said" alike, the speakers two people: two statements.
    said = "said the two regions must work together to rebuild the ports and the railways before the winter."
    a, b = body(HEADLINE_A, FILLER_A[:1] + [f"{one} {said}"]), body(HEADLINE_B, FILLER_B[:1] + [f"{other} {said}"])
    assert not groups_holding(pair(a, b), one, other)


def test_a_name_written_as_one_word_or_two_is_one_speaker():
    # "claimed" is a verb of saying: "ShadowVane" and "Shadow Vane" name one speaker.
    wire = (
        "A ransomware group calling itself ShadowVane claimed responsibility for the attack on its leak site on "
        "Friday and posted what it said were samples of the stolen records."
    )
    local = wire.replace("ShadowVane", "Shadow Vane")
    alignment = pair(body(HEADLINE_A, FILLER_A[:1] + [wire]), body(HEADLINE_B, FILLER_B[:1] + [local]))
    (group,) = groups_holding(alignment, "ShadowVane", "Shadow Vane")
    assert {p.article: p.text for p in group.passages} == {0: wire, 1: local}


def test_part_of_a_quotation_reported_unquoted_is_taken_with_its_quotation_whole():
    # The report gives the quote's second half in its own words: the quoted
    # side is the quotation whole, not a piece cut out of its middle.
    quote = (
        '"We have three confirmed deaths, two of them in Mejillones, and at least 41 people injured," Interior '
        "Minister Rodrigo Valenzuela told reporters in Santiago."
    )
    report = (
        "Interior Minister Rodrigo Valenzuela said two of the dead were in Mejillones and at least 40 people had "
        "been injured."
    )
    alignment = pair(body(HEADLINE_A, FILLER_A[:1] + [quote]), body(HEADLINE_B, FILLER_B[:1] + [report]))
    (group,) = groups_holding(alignment, "41", "40")
    texts = {p.article: p.text for p in group.passages}
    assert texts[0].startswith('"We have three confirmed deaths')
    assert "number" in group.flags


def test_a_quote_ending_a_passage_takes_the_attribution_that_ends_its_sentence():
    # The trade paper cuts the quote with "[...]" and moves the attribution
    # to its end: the passage ends with it, not at the closing mark.
    first = '"Our customers trust us to keep the lights on and to keep their information safe'
    last = "We are contacting every affected customer directly, and we will pay for credit monitoring for anyone"
    attribution = "Chief Executive Daniel Hartigan said in a statement."
    wire = f'{first}. On this occasion we failed them, and I am sorry," {attribution} "{last} who wants it."'
    trade = f'{first} [...] {last} who wants it," {attribution}'
    alignment = pair(body(HEADLINE_A, FILLER_A[:1] + [wire]), body(HEADLINE_B, FILLER_B[:1] + [trade]))
    (group,) = groups_holding(alignment, "credit monitoring", "credit monitoring")
    assert [p.text for p in group.passages if p.article == 1] == [trade]


# --- 4. headlines -----------------------------------------------------------------


def test_a_headline_is_never_fused_with_the_lede():
    headline = "Kalashnikov feared he was to blame for deaths"
    lede = KALASHNIKOV[0]
    alignment = pair(f"{headline}\n{lede}\n\n{FILLER_A[0]}\n", f"{headline}\n{lede}\n\n{FILLER_B[0]}\n")
    texts = sorted(p.text for g in alignment.groups for p in g.passages)
    assert texts == sorted([headline, headline, lede, lede])


def test_a_byline_date_line_or_dateline_is_never_part_of_a_passage():
    lede = (
        "ALMATY, Oct 14 (Reuters) - Kazakhstan's central bank cut its base interest rate by 50 basis points to "
        "14.75% on Monday, its first reduction this year."
    )
    a = "Kazakhstan cuts base rate\n\nBy Olga Petrenko\n\n" + lede + "\n"
    b = "Central bank begins easing cycle\n\n*Olga Petrenko and staff*\n\n14 October\n\n" + lede + "\n"
    (group,) = pair(a, b).groups
    # nor is the lede's dateline
    assert [p.text for p in group.passages] == [lede.removeprefix("ALMATY, Oct 14 (Reuters) - ")] * 2

def test_boilerplate_at_the_same_place_in_two_articles_matches_nothing():
    # Boilerplate tokens once had keys made of their index ("\x0010"): two
    # articles whose bylines began at the same token matched each other there.
    a = prepare(article("a", "Rates cut in Almaty today\n\nBy Olga Petrenko\n\nThe bank cut its rate on Monday.\n"))
    b = prepare(article("b", "Rates cut in Almaty again\n\nBy Olga Petrenko\n\nThe bank cut its rate on Monday.\n"))
    apart = [i for i, off in enumerate(a.boilerplate) if off]
    assert apart and all(b.boilerplate[i] for i in apart)
    assert not {a.key_ids[i] for i in apart} & set(b.key_ids)

def test_a_headline_aligns_with_headlines_only():
    headline = "Kalashnikov wrote to the church about guilt over deaths caused by his rifle"
    a = body(headline, FILLER_A)
    b = body(HEADLINE_B, FILLER_B + [headline + " months before he died."])
    assert pair(a, b).groups == ()


# --- 5. rewording ----------------------------------------------------------------


def _filled(headline: str, filler: list[str], sentence: str) -> str:
    return body(headline, filler[:1] + [sentence] + filler[1:])


def _covers(text: str, passage, sentence: str) -> bool:
    """Does the passage cover at least half of the sentence's characters?"""
    at = text.index(sentence)
    return min(passage.end, at + len(sentence)) - max(passage.start, at) >= 0.5 * len(sentence)


def reworded_found(a: str, b: str) -> bool:
    """Is there a group with a version over sentence ``a`` in one article and
    one over ``b`` in the other (each between unrelated paragraphs)?"""
    text_a = _filled("Morning report from the region", FILLER_A, a)
    text_b = _filled("Evening bulletin for all listeners", FILLER_B, b)
    alignment = pair(text_a, text_b)
    for g in alignment.groups:
        in_a = any(p.article == 0 and _covers(text_a, p, a) for p in g.passages)
        in_b = any(p.article == 1 and _covers(text_b, p, b) for p in g.passages)
        if in_a and in_b:
            return True
    return False


def measure(held_out: bool = False) -> tuple[int, int, int, int]:
    """Reworded pairs found, of how many; different-statement pairs grouped,
    of how many (the pairs the thresholds were set on, or those held out)."""
    same, different = ("held_out_same", "held_out_different") if held_out else ("same", "different")
    found = sum(reworded_found(a, b) for a, b in REWORDED[same])
    wrong = sum(reworded_found(a, b) for a, b in REWORDED[different])
    return found, len(REWORDED[same]), wrong, len(REWORDED[different])


def test_reworded_sentences_are_grouped_with_precision():
    found, total, wrong, distractors = measure()
    assert total >= 30 and distractors >= 30
    assert found >= 0.85 * total, f"recall {found}/{total}"
    precision = found / (found + wrong)
    assert precision >= 0.95, f"{wrong} of {distractors} different statements grouped"


def test_held_out_reworded_sentences_are_grouped():
    found, total, _, _ = measure(held_out=True)
    assert found >= 0.85 * total, f"recall {found}/{total}"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The health ministry confirmed 37 new cases of measles in the eastern province this week.",
            "The health ministry said no new cases of measles had been found in the eastern province this week.",
        ),
        (
            "The prime minister will meet union leaders on Wednesday to discuss the pension reform.",
            "Union leaders refused to meet the prime minister on Wednesday over the pension reform.",
        ),
        (
            "Shares in the carmaker fell sharply after it cut its profit forecast for the year.",
            "Shares in the carmaker rose sharply after it raised its profit forecast for the year.",
        ),
    ],
    ids=["no-new-cases", "refused-to-meet", "fell-rose"],
)
def test_a_statement_negated_or_turned_around_in_other_words_is_not_grouped(a, b):
    assert not reworded_found(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The Russian Orthodox Church received Kalashnikov's letter and had written a reply, a spokesman said.",
            "The Russian Orthodox Church received the letter and wrote a personal reply, according to a spokesman.",
        ),
        (
            "In April he wrote a lengthy emotional letter to the head of the church about the weapon.",
            "He wrote a long emotional letter to the head of the church about the weapon in May 2012.",
        ),
    ],
    ids=["received-the-letter", "april-may"],
)
def test_the_issue_s_reworded_sentences_are_grouped(a, b):
    assert reworded_found(a, b)


def test_another_speaker_s_statement_is_not_forced_together():
    a = "Foreign Minister Sergei Lavrov says President Vladimir Putin is ready to hold negotiations with the West."
    b = "President Vladimir Putin has said Russia is ready to hold negotiations with the West on Ukraine."
    assert not reworded_found(a, b)



def test_a_quote_one_outlet_cuts_short_is_never_cut_inside_in_the_others():
    # Two outlets carry a two-sentence quote after the governor's words; a
    # third cuts it after its first sentence, which is too short to be a
    # passage of its own.  No passage is cut inside the quote, and all three
    # versions are one group.
    said = "The balance of risks has shifted, Governor Yerlan Abdrakhmanov told a news conference in Astana."
    quote = '"We will not rush. Every further step the bank takes will depend on the data."'
    alignment = align(
        [
            article("a", body(HEADLINE_A, FILLER_A + [f"{said} {quote}"])),
            article("b", body(HEADLINE_B, FILLER_B + [f'{said} "We will not rush."'])),
            article("c", body("Bank cuts rate", [f"{said} {quote}"])),
        ]
    )
    for g in alignment.groups:
        for p in g.passages:
            assert p.text.count('"') % 2 == 0, p.text
    (group,) = [g for g in alignment.groups if any("not rush" in p.text for p in g.passages)]
    assert {p.article for p in group.passages} == {0, 1, 2}

@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Ruslan Akhmetov, an analyst at Freedom Finance, said the cut was in line with expectations.", {"ahmetov"}),
        ("Maria Sokolova, chief economist at Halyk Finance, said the cut was in line.", {"sokolova"}),
        ("The talks, which began in May, failed, said the minister.", set()),
        ("The talks failed, Lavrov said on Sunday.", {"lavrov"}),
        ('"I am proud of the team," said Rheinfeld coach Jürgen Haas.', {key_of("Haas")}),  # not the club
        # what follows "said" is what is said, not who says it
        (
            "Foreign Minister Jamshid Khojayev, speaking in Russian at a news conference in Tashkent, said "
            "Tajikistan planned to hold back 2.4 billion cubic meters of water.",
            {key_of("Khojayev")},
        ),
        ("The chances are slim, said Kousser, of the University of California.", {key_of("Kousser")}),
        ('"We will appeal the ruling," said Jones on Monday.', {key_of("Jones")}),
        ('"It is over for now," said Maria Lopez as she left the court.', {key_of("Lopez")}),
        # the person in apposition to a role of a body, not the body
        ('The Chairman of the Talmar Canal Authority, Adil Rahmani, said: "All are safe."', {key_of("Rahmani")}),
        # "spoken to", and a word between the apposition and the verb
        ('Karim Nassar, a spokesman for the Pilots\' Association, has just spoken to us: "Safe."', {key_of("Nassar")}),
        # (review R5) the quotation's first word is no speaker; "for" and four words, as the facts read them
        ('The Chairman of the Talmar Canal Authority, Adil Rahmani, said: "Eleven tugs."', {key_of("Rahmani")}),
        ('The head of the Bank of England, Andrew Bailey, said: "Rates stay."', {key_of("Bailey")}),
        ('The spokesman for the Interior Ministry, Oleg Petrov, said: "Eleven tugs."', {key_of("Petrov")}),
        ('The head of the Canal Authority, Lieutenant General Oleg Petrov, said: "Eleven."', {key_of("Petrov")}),
    ],
)
def test_the_speaker_before_an_apposition_is_the_name_not_the_firm(sentence, who):
    # "X, an analyst at Y, said": the speaker is X, not the firm Y (both firms
    # here end in "Finance", which made two analysts one speaker).
    doc = prepare(article("a", "A headline\n\n" + sentence))
    assert speakers(doc, 0, len(doc.tokens) - 1) == who


def test_a_sentence_of_a_long_shared_run_carried_by_a_third_outlet_is_grouped():
    # Two outlets share a long run; a third carries one sentence of it, with
    # a number changed.  The run is cut at that sentence in both, and the
    # three versions of the sentence are one group.
    sentence = "Senapred said about 87,000 households in the region were without electricity on Monday morning."
    run = KALASHNIKOV[:2] + [sentence] + KALASHNIKOV[2:]
    third = sentence.replace("87,000", "85,000")
    alignment = align(
        [
            article("a", body(HEADLINE_A, run)),
            article("b", body(HEADLINE_B, FILLER_B + [third])),
            article("c", body("Rifle maker's letter", run)),
        ]
    )
    with_third = [g for g in alignment.groups if any(p.article == 1 for p in g.passages)]
    assert len(with_third) == 1, [[p.text for p in g.passages] for g in alignment.groups]
    texts = sorted(p.text for p in with_third[0].passages)
    assert texts == sorted([sentence, sentence, third]) and with_third[0].kind == "variant"
    # The rest of the run is still shared by the two outlets that carry it.
    rest = [g for g in alignment.groups if {p.article for p in g.passages} == {0, 2}]
    assert any(KALASHNIKOV[0][:40] in g.passages[0].text for g in rest)
    assert any(KALASHNIKOV[-1][-30:] in g.passages[0].text for g in rest)

if __name__ == "__main__":
    for held_out in (False, True):
        found, total, wrong, distractors = measure(held_out)
        print("held-out pairs (see held_out_note):" if held_out else "pairs the thresholds were set on:")
        print(f"  reworded pairs grouped: {found}/{total} (recall {found / total:.2f})")
        print(f"  different-statement pairs grouped: {wrong}/{distractors}")
        print(f"  precision {found / max(1, found + wrong):.2f}")
    sys.exit(0)


def test_one_speaker_spelt_two_ways_keeps_the_quote_whole():
    """derby: "…closed my eyes," Hrytsenko said. "This goal…" / Hryzenko
    said: one speaker, so the whole paragraph is one passage."""
    from pathlib import Path

    from sidebyside.aligning.align import align
    from sidebyside.reading.articles import article_from_text

    quote = '"I saw the ball coming and I just closed my eyes," {} said. "This goal is for my family in Odesa."'
    filler = "The match was played in front of a full stadium on a cold evening in the north of the country."
    texts = [f"Derby report\n\n{filler}\n\n{quote.format(name)}\n" for name in ("Hrytsenko", "Hryzenko")]
    articles = [article_from_text(Path(f"/t/{n}.txt"), t) for n, t in zip("ab", texts)]
    (group,) = [g for g in align(articles).groups if "Odesa" in g.passages[0].text]
    assert all("closed my eyes" in p.text for p in group.passages)
    assert [c.kind for c in group.changes] == ["spelling"]


def test_a_quotation_cut_short_by_one_version_is_inside_the_passage_of_the_other():
    """study: '…already here."' / '…already here. Cities need shade…"': the
    wire's passage runs to its quotation's end, so the cut is shown."""
    from pathlib import Path

    from sidebyside.aligning.align import align
    from sidebyside.reading.articles import article_from_text

    lede = "Trees cool city streets by several degrees during heatwaves, a large new study has found this week."
    quote = '"Trees are not a cure-all," Rowe said. "They take twenty years to grow, and the heat is already here.'
    texts = [
        f"Trees and heat\n\n{lede}\n\n{quote} Cities need shade and better homes at the same time.\"\n",
        f"Trees and heat\n\n{lede}\n\n{quote}\"\n\nOther news followed in the rest of the bulletin that evening.\n",
    ]
    articles = [article_from_text(Path(f"/t/{n}.txt"), t) for n, t in zip("ab", texts)]
    (group,) = [g for g in align(articles).groups if "cure-all" in g.passages[0].text]
    assert "Cities need shade" in group.passages[0].text
    assert group.passages[0].text.endswith('time."') and group.passages[1].text.endswith('here."')


def test_a_passage_does_not_run_into_the_next_sentence_on_a_shared_the():
    """'…10% cover. The effect…' / '…10% cover, the study found.': the "the"
    both texts go on with opens a new sentence in one only, so neither
    passage takes in the next sentence, and both end at their sentence's end."""
    a = (
        "Emergency admissions for heat stroke fell by 37.8% on the hottest days, compared with streets with less"
        " than 10% cover. The effect was strongest in the afternoon and in districts built before 1950."
    )
    b = (
        "Emergency admissions for heat stroke fell by nearly 40% on the hottest days, compared with streets with"
        " less than 10% cover, the study found."
    )
    alignment = pair(body("Morning report", [*FILLER_A[:1], a]), body("Evening bulletin", [*FILLER_B[:1], b]))
    [group] = groups_holding(alignment, "heat stroke", "heat stroke")
    texts = {p.article: p.text for p in group.passages}
    assert texts[0].endswith("10% cover.") and "The effect" not in texts[0]
    assert texts[1].endswith("the study found.")


def test_a_relative_clause_with_a_not_in_one_version_keeps_both_sentences_whole():
    """A relative clause with a "not" (", who has not been named,") in one version only: no difference of
    polarity between the two statements, so neither passage stops short of
    its sentence's end (", police said on Saturday evening.")."""
    a = "The man, who has not been named, was arrested at the scene within four minutes of the attack, police said."
    b = "The man was arrested at the scene within four minutes of the attack, police said on Saturday evening."
    alignment = pair(body("Morning report", [*FILLER_A[:1], a]), body("Evening bulletin", [*FILLER_B[:1], b]))
    [group] = groups_holding(alignment, "arrested", "arrested")
    texts = {p.article: p.text for p in group.passages}
    assert texts[0].endswith(a) and texts[1].endswith(b)


def test_a_sentence_with_its_amount_given_otherwise_is_one_statement():
    """'for about an hour' / 'for up to 90 minutes', the rest of the clause
    the same: grouped, the changed amount inside both passages, and flagged."""
    a = (
        "Trains were delayed for about an hour while part of the concourse was closed, and Network Rail said"
        " services were running normally by Saturday morning."
    )
    b = "Trains were delayed for up to 90 minutes while part of the concourse was closed."
    # (the two reports share another sentence, as two of one story do: one
    # shared n-gram and nothing else is no reason to compare two articles)
    shared = "A teenager was stabbed on the concourse of the station during the Friday evening rush hour."
    alignment = pair(body("Morning report", [shared, a]), body("Evening bulletin", [shared, b]))
    [group] = groups_holding(alignment, "about an hour", "up to 90 minutes")
    assert group.kind == "variant" and "number" in group.flags


def test_two_articles_that_share_one_phrase_only_are_not_compared():
    """One three-word phrase of content words in common, once, and nothing
    else: chance (passim's minimum of matches per pair); more is a candidate
    pair."""
    from sidebyside.aligning.candidates import candidate_pairs
    from sidebyside.aligning.documents import prepare
    from sidebyside.aligning.options import AlignOptions

    once = "Officials closed part of the concourse before dawn."
    twice = "Police closed part of the concourse while trains waited outside the station."
    texts = [("a", FILLER_A[0], once), ("b", FILLER_B[0], twice), ("c", FILLER_A[1], twice)]
    docs = [prepare(article(name, body(f"{name} report", [filler, text]))) for name, filler, text in texts]
    pairs = candidate_pairs(docs, AlignOptions())
    assert (0, 1) not in pairs and (0, 2) not in pairs
    assert (1, 2) in pairs


def test_a_passage_that_is_a_whole_quotation_takes_its_marks():
    """'…on the news. "We will replace every affected pump, however long it
    takes."' / '…the new parts. "We will replace all of the affected pumps,
    however long it takes.': the quotation whole, marks and all (the second
    left open at its paragraph's end)."""
    a = 'Shares fell 3% in Tokyo on the news. "We will replace every affected pump, however long it takes."'
    b = "Dealers had not seen the new parts. \"We will replace all of the affected pumps, however long it takes."
    alignment = pair(body("Morning report", [*FILLER_A[:1], a]), body("Evening bulletin", [*FILLER_B[:1], b]))
    [group] = groups_holding(alignment, "affected pump", "affected pumps")
    texts = {p.article: p.text for p in group.passages}
    assert texts[0] == '"We will replace every affected pump, however long it takes."'
    assert texts[1] == '"We will replace all of the affected pumps, however long it takes.'


def test_a_speaker_s_name_over_a_line_end_is_one_name():
    # a newsletter hard-wrapped at 70 columns puts "said Prof" and "Gareth Low" on two lines
    text = 'A headline\n\n"This is careful work," said Prof\nGareth Low, a paediatric consultant in London.\n'
    doc = prepare(article("a", text))
    assert speakers(doc, 0, len(doc.tokens) - 1) == {key_of("Low")}


# Two ledes of one quake, each outlet's own.
_QUAKE_WIRE_LEDE = (
    "A magnitude 6.8 earthquake struck off the coast of northern Chile on Monday, killing three people,"
    " cutting power to tens of thousands of homes and damaging the port of Antofagasta, authorities said."
)
_QUAKE_COURIER_LEDE = (
    "Three people died and dozens were hurt when a powerful earthquake shook Chile's northern coast on Monday,"
    " knocking out power to tens of thousands of homes and damaging the port of Antofagasta."
)
_QUAKE_SHARED = (
    "The port authority said cranes at two terminals had been damaged and that ships were being sent to"
    " Mejillones while engineers inspected the docks."
)


def test_two_ledes_telling_the_news_in_their_own_words_are_one_passage():
    """Two articles of one story (they share a paragraph) that each open on
    the news in their own words: the two ledes whole are one variant group,
    what each outlet changed inside it."""
    wire, courier = _QUAKE_WIRE_LEDE, _QUAKE_COURIER_LEDE
    alignment = pair(
        body("Quake hits Chile", [wire, FILLER_A[0], _QUAKE_SHARED]),
        body("Deadly quake", [courier, FILLER_B[0], _QUAKE_SHARED]),
    )
    [group] = groups_holding(alignment, "A magnitude 6.8", "Three people died")
    assert group.kind == "variant"
    assert {p.text for p in group.passages} == {wire, courier}
    # no number flag: the magnitude left out and the injured added count other things than each other
    assert "number" not in group.flags


def test_ledes_that_do_not_tell_the_same_news_stay_apart():
    """Openings about the same story that share too few words, or where one
    denies what the other says, are not grouped."""
    wire = _QUAKE_WIRE_LEDE
    other_angle = (
        "Insurers in Santiago expect claims from Monday's earthquake to run into hundreds of millions of"
        " dollars, brokers told clients in notes."
    )
    denied = (
        "No one was killed when a powerful earthquake shook Chile's northern coast on Monday, though it cut"
        " power to tens of thousands of homes and damaged the port of Antofagasta, authorities said."
    )
    for lede in (other_angle, denied):
        alignment = pair(
            body("Quake hits Chile", [wire, FILLER_A[0], _QUAKE_SHARED]),
            body("Later", [lede, FILLER_B[0], _QUAKE_SHARED]),
        )
        assert groups_holding(alignment, "cranes at two terminals", "cranes at two terminals")
        assert not [g for g in alignment.groups if any(p.text.startswith(lede[:20]) for p in g.passages)]


def test_the_lede_is_the_first_sentence_of_the_story_not_a_date_line():
    from sidebyside.aligning.documents import prepare
    from sidebyside.aligning.options import AlignOptions
    from sidebyside.aligning.rewording import lede

    text = (
        "Quake hits Chile\n\nMonday, March 9, 2026, 6:45 p.m.\n\nWhat we know so far\n\n"
        "A magnitude 6.8 earthquake struck off the coast of northern Chile on Monday. More follows.\n"
    )
    doc = prepare(article("a", text))
    lo, hi = lede(doc, AlignOptions())
    opening = doc.text[doc.starts[lo] : doc.tokens[hi].end]
    assert opening == "A magnitude 6.8 earthquake struck off the coast of northern Chile on Monday"


def test_markdown_emphasis_does_not_make_a_passage_a_variant():
    from sidebyside.aligning.grouping import verbatim_key

    assert verbatim_key("Ethiopia's **Getachew Alemayehu** won the race.") == verbatim_key(
        "Ethiopia's Getachew Alemayehu won the race."
    )
    assert verbatim_key("_Nobody_ had Lyon down as a record course.") == verbatim_key(
        "Nobody had Lyon down as a record course."
    )
    assert verbatim_key("a snake_case name") != verbatim_key("a snakecase name")
    assert verbatim_key("Ethiopia's **Getachew** won") != verbatim_key("Ethiopia's Getahun won")


def test_ledes_alone_are_no_reason_to_link_two_articles():
    """Two articles that share nothing but a lede each wrote in its own
    words (one clause of it alike) are not linked by their ledes."""
    wire, courier = _QUAKE_WIRE_LEDE, _QUAKE_COURIER_LEDE
    alignment = pair(body("Quake hits Chile", [wire, FILLER_A[0]]), body("Deadly quake", [courier, FILLER_B[0]]))
    assert not groups_holding(alignment, "A magnitude 6.8", "Three people died")
