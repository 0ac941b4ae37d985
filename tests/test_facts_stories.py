"""Facts on short stories written for them (tests/data/facts_stories: four
stories, two outlets each, gold.json says how each was decided), and the
cases of the user's bridge story the flags got wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from story import _groups

from sidebyside.aligning.facts import annotate
from sidebyside.aligning.speakers import ArticleFacts, passage_facts
from sidebyside.model import Alignment
from sidebyside.reading.articles import load_articles

DATA = Path(__file__).resolve().parent / "data"
STORIES = DATA / "facts_stories"
GOLD = json.loads((STORIES / "gold.json").read_text(encoding="utf-8"))["groups"]


def _group(folder: Path, members: dict[str, tuple[str, str]]):
    """One annotated group of the articles in ``folder``: per file, the
    passage from its first to its last words."""
    articles = tuple(load_articles([str(folder)]))
    names = [a.path.name for a in articles]
    picked = []
    for name, (first, last) in members.items():
        text = articles[names.index(name)].text
        start = text.index(first)
        picked.append((names.index(name), text[start : text.index(last, start) + len(last)]))
    group = annotate(Alignment(articles, _groups(articles, [picked]))).groups[0]
    return group, names


@pytest.mark.parametrize("entry", GOLD, ids=[f"{e['story']}-{e['id']}" for e in GOLD])
def test_gold_speakers_quotes_and_flags(entry):
    group, names = _group(STORIES / entry["story"], entry["members"])
    assert {names[p.article]: p.speaker for p in group.passages} == entry["speakers"], entry["why"]
    assert {names[p.article]: p.quoted for p in group.passages} == entry["quoted"], entry["why"]
    assert sorted(group.flags) == sorted(entry["flags"]), (entry["why"], group.changes)


def test_bridge_same_source_is_not_a_change_of_attribution():
    """'according to city figures' / 'city figures show': one source, no flag."""
    group, _ = _group(
        DATA / "ut_bridge",
        {"wire.txt": ("The bridge, built", "city figures."), "blog.md": ("The bridge was built", "city figures show.")},
    )
    assert "attribution" not in group.flags
    assert [c.kind for c in group.changes if "according" in c.before + c.after] in (["dropped"], ["added"], ["other"])


def test_bridge_engineer_he_said_is_hendricks_and_no_faults_is_no_negation():
    """The engineer's paragraphs: 'said city engineer Paul Hendricks' and
    'he said' are one speaker; 'found no structural faults' / 'no faults
    were found' negate alike; one quotes what the other reports."""
    group, names = _group(
        DATA / "ut_bridge",
        {"wire.txt": ('"We inspected', 'any crossing."'), "daily.txt": ("City engineer Paul", "he said.")},
    )
    assert {names[p.article]: p.speaker for p in group.passages} == {"wire.txt": "Hendricks", "daily.txt": "Hendricks"}
    assert "negation" not in group.flags
    assert "attribution" not in group.flags
    # The wire quotes the inspection, the Daily gives it in its own words.
    (change,) = [c for c in group.changes if c.kind == "quote-paraphrase"]
    assert {change.before, change.after} == {
        "“We inspected that bridge in January and found no structural faults”",
        "City engineer Paul Hendricks said the bridge had been inspected in January and no faults were found",
    }


def _speaker(text: str, phrase: str) -> str | None:
    facts = ArticleFacts(f"Title\n\n{text}\n")
    start = facts.text.index(phrase)
    return passage_facts(facts, start, start + len(phrase))[1]


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        ("Biden called the move 'reckless' and a danger to peace in the region.", "the move", "Biden"),
        ('Senator Elizabeth Warren described the plan as "a giveaway to the banks."', "a giveaway", "Warren"),
        ("Governor Gavin Newsom called for calm as the fire spread towards the town.", "calm as the fire", "Newsom"),
        ("The mayor posted on X that the bridge would stay closed until Friday.", "the bridge would", "the mayor"),
        ("They live in a small town called Marlow Falls on the Tessel River.", "a small town", None),
        ("The so-called peace plan was rejected by both sides on Monday.", "peace plan was", None),
        ("Troops posted to the border were told to stay in their barracks.", "to stay in", None),
        ("He was warned by officials that the bridge could fail at any time.", "the bridge could", None),
        ('"We moved people out fast," said Cal Fire battalion chief Maria Delgado.', "We moved", "Delgado"),
        ("Homes were evacuated, according to Cal Fire.", "Homes were evacuated", "Cal Fire"),
        ("The deal expired in July, according to the United Nations.", "The deal expired", "the United Nations"),
        (
            "Prices rose, according to the Office for National Statistics.",
            "Prices rose",
            "the Office for National Statistics",
        ),
        ("It was not tested, according to two people familiar with the matter.", "It was not tested", None),
        ("Foreign Minister Sergei Lavrov said talks could resume next week.", "talks could resume", "Lavrov"),
        ("Prosecutors say the payments were made in 2019.", "the payments were", "Prosecutors"),
        ("Prime Minister Janez Jansa conceded defeat, saying his party would oppose.", "his party would", "Jansa"),
        ('"It is not true," Lavrov stressed, adding that Russia was ready to talk.', "Russia was ready", "Lavrov"),
        ("On the same day, the spokesman was cited by TASS, saying talks would need the US.", "talks would", None),
        ("Obviously, it is impossible to discuss anything, say, with Kiev.", "it is impossible", None),
        ("The case rests on one witness, according to his lawyer, Anna Nowak.", "The case rests", "Nowak"),
    ],
)
def test_speech_verbs_bodies_and_roles(text, phrase, speaker):
    assert _speaker(text, phrase) == speaker


def test_a_pronoun_is_the_last_named_speaker():
    text = (
        'Title\n\n"We will not reopen the crossing," said city engineer Paul Hendricks.\n\n'
        "He added that every inspection record would be reviewed.\n"
    )
    facts = ArticleFacts(text)
    start = text.index("every inspection")
    assert passage_facts(facts, start, text.index("reviewed"))[1] == "Hendricks"


def test_a_possessive_is_not_a_spelling_and_a_moved_name_spelt_otherwise_is(tmp_path):
    (tmp_path / "a.txt").write_text(
        "A\n\nForeign Minister Sergei Lavrov said on Monday that Russia's army would stay in the region for now.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "B\n\nThe army of Russia would stay in the region for now, Foreign Minister Sergey Lavrov said on Monday.\n",
        encoding="utf-8",
    )
    group, _ = _group(
        tmp_path,
        {"a.txt": ("Foreign Minister", "for now."), "b.txt": ("The army", "on Monday.")},
    )
    spellings = {(c.before, c.after) for c in group.changes if c.kind == "spelling"}
    assert spellings in ({("Sergei", "Sergey")}, {("Sergey", "Sergei")})
