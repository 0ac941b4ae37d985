"""What each version of a passage says about who said it, and how the versions differ.

A separate step after aligning (:func:`annotate`), working from the result
model and the articles' texts only, so a saved file reopened without the
aligner gets the same facts.  The work is in three modules:
:mod:`.quotations` (quotation marks, sentences, paragraphs of an article),
:mod:`.speakers` (who the article says said a passage) and :mod:`.changes`
(the differences between a group's versions, classified); this one puts
them together.

Per passage:

* ``quoted`` — the version is a direct quote, or carries one: at least half
  of its words stand inside quotation marks in its own article, or a quoted
  stretch of five words or more does.
* ``speaker`` — whom its article attributes it to: the subject of a speech
  verb ("Lavrov said", "Putin told Rossiya-1", "said the minister", "Biden
  called the move 'reckless'"), "according to …", "Quote from …:", in the
  sentence that holds the passage (for a quote, the sentence of the
  quotation, which may run over several sentences).  The outermost
  attribution wins ("the top diplomat noted that Putin had said …" is the
  top diplomat's).  A role ("the top diplomat", "the Russian foreign
  minister") or a pronoun is resolved to the name the article gives that
  role or last named; a person is given by surname, a body whole ("Cal
  Fire", "the United Nations").  A quoted or first-person paragraph with no
  attribution takes the speaker of the paragraph before it.  None when
  nothing in the text says.  A passage of several sentences names its first
  quote's speaker (else its first attributed sentence's).

Per group, ``changes``: every version is compared word by word with the
group's most common wording (as :mod:`sidebyside.wording` does), and each
difference is classified, the first rule that fits:

* ``attribution`` — "according to X" on one side only when the other does
  not name X ("according to city figures" / "city figures show" is one
  source), a speaker's clause ("…, a court spokesman said") on one side
  with nothing saying who on the other, and the same sentence attributed to
  different speakers;
* ``negation`` — a "not", "never", "no", "denied" … whose scope (the next
  content word) the other side does not negate; not when both sides negate
  as often ("found no faults" / "no faults were found"), nor for a whole
  sentence added or left out;
* ``date`` — month and day names, years, "yesterday" …;
* ``number`` — digits and number words (also a number given otherwise in
  reworded words: "killed 12" / "14 … have been killed");
* ``name`` — a capitalised word (not at a sentence start) the other side
  lacks; ``spelling`` when it is one name spelt two ways (Sergei / Sergey,
  Volkonsky / Volkonski; not "Russia" / "Russia's");
* ``hedge`` — "allegedly", "reportedly", "claimed" … on one side only;
* ``quote-paraphrase`` — words both versions share, quoted in one and not in
  the other (a scare quote too: "ready" against ready), or a sentence one
  quotes and the other reports in its own words;
* ``quote-changed`` — words changed, added or left out inside a quotation
  both versions give (quoted words on both sides of them in both): a quote
  translated again, a bracketed insertion, a word dropped from it;
* ``added`` / ``dropped`` — words only the version / only the reference has;
* ``other`` — any other replaced words.

Date, number and name apply to replaced words only: a version that leaves
out a date drops it, it does not contradict it.  The kinds above ``added``
are the *material* ones; a group's flags are the material kinds among its
changes (:attr:`sidebyside.model.Group.flags`).
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Collection
from contextlib import contextmanager
from dataclasses import replace

from ..model import Alignment, Passage
from .changes import Words, group_changes, words_from, words_of
from .documents import drop_handed_over
from .speakers import ArticleFacts, Sentences, article_facts, passage_facts, passage_sentences

__all__ = ["annotate", "article_facts", "passage_facts", "passage_sentences"]


def _passage_words(facts: ArticleFacts, p: Passage, made: dict | None = None) -> Words:
    """A passage's words, each marked whether it stands in a quotation of
    its article; ``made``: the words made so far, by article, text and
    quotes (the words keep their article's text: whether a capitalised
    word is a name written so elsewhere in it is asked of that text)."""
    base = p.start
    index = facts.word_index()
    lo, hi = index.span(p.start, p.end)
    if (
        index.plain  # the article's words are the aligner's tokens
        and not (lo and index.ends[lo - 1] > p.start)
        and not (hi > lo and index.ends[hi - 1] > p.end)
        and facts.text[p.start : p.end] == p.text
    ):
        flags = index.flags[lo:hi]
        key = (p.article, p.text, tuple(flags))
        found = None if made is None else made.get(key)
        if found is None:
            starts, ends, words = index.starts[lo:hi], index.ends[lo:hi], index.words[lo:hi]
            found = words_from(p.text, starts, ends, words, flags, index.initial()[lo:hi], facts.text, base)
            if made is not None:
                made[key] = found
        return found
    return words_of(p.text, lambda offsets: facts.quote_flags([base + s for s in offsets]))


def annotate(alignment: Alignment, only: Collection[str] | None = None) -> Alignment:
    """The alignment with each passage's ``quoted`` and ``speaker`` and each
    group's ``changes`` filled in (every other field kept).  With ``only``
    (group ids), those groups alone (say, the ones saved highlights merged
    into); the others are kept as they are."""
    if not alignment.groups or (only is not None and not only):
        return alignment
    with _collector_paused():
        annotated = _annotate(alignment, only)
    drop_handed_over()
    return annotated


@contextmanager
def _collector_paused():
    """Python's cycle collector held off while the facts are worked out:
    they make many small lists and tuples (no cycles; reference counting
    frees them), which set off full passes over every object of the corpus
    (a fifth of the time on 800 articles).  Restored as it was after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _annotate(alignment: Alignment, only: Collection[str] | None) -> Alignment:
    wanted = None if only is None else set(only)
    facts: dict[int, ArticleFacts] = {}

    def of(index: int) -> ArticleFacts:
        found = facts.get(index)
        if found is None:
            found = facts[index] = article_facts(alignment.articles[index])
        return found

    groups = []
    for group in alignment.groups:
        if wanted is not None and group.id not in wanted:
            groups.append(group)
            continue
        passages: list[Passage] = []
        words: list[Words] = []
        sentences: list[Sentences] = []
        # The group's versions' words by text and quotes (kept for the group
        # only: every passage's words kept to the end would take a third more memory).
        made: dict[tuple[str, tuple[bool, ...]], Words] = {}
        for p in group.passages:
            f = of(p.article)
            quoted, speaker, said = passage_sentences(f, p.start, p.end)
            if len(said) == 1:  # (most passages: one sentence, one speaker or none)
                speakers = (said[0][2],) if said[0][2] else ()
            else:
                speakers = _distinct(who for _, _, who in said if who)
            same = p.quoted == quoted and p.speaker == speaker and p.speakers == speakers
            passages.append(p if same else _with_facts(p, quoted, speaker, speakers))
            words.append(_passage_words(f, p, made))
            sentences.append(said)
        annotated = replace(group, passages=tuple(passages))
        dates = [_day(alignment.articles[p.article].date) for p in group.passages]
        groups.append(replace(annotated, changes=group_changes(annotated, words, sentences, dates)))
    return replace(alignment, groups=tuple(groups))


def _day(iso: str | None) -> datetime.date | None:
    """The day of an ISO date ("2026-04-14", "2026-04-14T18:40"), if it gives one."""
    try:
        return datetime.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None  # (a year or a month only)


def _distinct(names) -> tuple[str, ...]:
    """The speakers in order, each once: "the AAIU" is "AAIU" named again."""
    seen: dict[str, str] = {}
    for name in names:
        bare = name[4:] if name.startswith(("the ", "The ")) else name
        seen.setdefault(bare.casefold(), name)
    return tuple(seen.values())


def _with_facts(p: Passage, quoted: bool, speaker: str | None, speakers: tuple[str, ...]) -> Passage:
    """``replace(p, quoted=…, speaker=…, speakers=…)``, made directly (a
    third of the time: ``replace`` looks up every field by name)."""
    return Passage(p.article, p.start, p.end, p.text, p.similarity, quoted, speaker, speakers)
