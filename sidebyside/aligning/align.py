"""Aligning: find the passages that several articles share, and group every
version of one passage across the outlets.

The design follows the published text-reuse detectors:

* **Candidates** (passim, TextPAIR): n-grams of content-word keys (stopwords
  left out, so dropped or inserted function words don't break them) that
  occur in at least two articles and at most a few times inside any one.
  Keys fold case, accents, possessives, transliteration and English suffixes
  (see :mod:`sidebyside.aligning.tokens`).
* **Chaining** (TextPAIR): for each pair of articles that share candidates,
  matches are chained when they lie within a bounded gap of each other in
  both texts.  Chains are found anywhere in each text, so passages that two
  outlets put in a different order are all found, unlike in an in-order diff.
* **Extension** (passim, :mod:`.extension`): each chain, with some context
  on both sides, is aligned word by word (rapidfuzz's Indel opcodes over the
  keys: the longest common subsequence of words); the best-scoring stretch
  of that alignment is what the two texts share, across line and paragraph
  breaks while both go on.  Page boilerplate, or a paragraph only one text
  has, stops it.
* **Units** (:func:`.extension.snap`): the stretch becomes a readable
  passage, its edges moved to sentence, clause or quotation boundaries
  (:mod:`.documents` finds them): the whole sentence where the two texts
  share it, differing words at its edges included; else the clause.
* **Scoring**: the two passages' similarity (0–100) is the mean of
  rapidfuzz's ``fuzz.ratio`` and ``fuzz.token_sort_ratio`` on their
  normalised text; pairs under the threshold, shorter than the minimum
  length, with too few content words in common, naming different speakers,
  or (below 90) not saying the same thing (:mod:`.rewording`) are dropped,
  so a trivial shared phrase ("in Ukraine", "Sergei Lavrov") never forms a
  passage on its own.
* **Rewording** (:mod:`.rewording`): whole sentences that share rare words
  and say the same thing in other words are linked too; so is, as a last
  resort around a shared stretch, a quotation and a sentence that reports
  it in other words, naming its speaker (:func:`.rewording.reported`).
* **One link per reuse** (:func:`.grouping.resolve_pair`): between two
  articles, links that overlap in both texts or follow each other at once
  are joined, one inside another's passage in one text only is a repeat.
* **Refining** (:mod:`.refining`): a pair's long passage is cut, in both
  texts, at the sentence where another outlet's passage begins or ends, so
  that an outlet carrying part of a run joins the group of that part.
* **Grouping** (MemeTracker, :mod:`.grouping`): versions linked by an
  accepted pair form one group (connected components, split where unrelated
  passages meet); each group then shows one version per article, each at or
  above both thresholds as the group finally is.  A version a group leaves
  still forms a group with the versions its own links join it to, and no two
  groups overlap in an article where they share a second one (strongest
  group first; a weaker one loses its clashing versions one at a time).

* **Repeats** (:mod:`.repeats`): a short paragraph that gives one of its
  article's versions again word for word (a pull-quote too short to seed a
  link) is a repeat of that version's group.

Everything is independent of the order the articles are given in: the work
runs on the articles sorted by path, and group ids follow the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Alignment, Group, Passage, overlap
from ..reading.articles import Article
from .candidates import candidate_pairs
from .documents import prepare
from .extension import tidy
from .facts import annotate
from .grouping import (
    Known,
    Link,
    Repeat,
    Scores,
    Taken,
    build_groups,
    dropped_links,
    finish_group,
    lede_links,
    links_for_pair,
    sentence_links,
    separate,
    settle,
)
from .options import AlignOptions
from .refining import refine
from .repeats import add_repeated_paragraphs
from .rewording import reworded_pairs

Progress = Callable[[int, int], None]


def align(
    articles: Iterable[Article], options: AlignOptions | None = None, progress: Progress | None = None
) -> Alignment:
    """Find and group the passages the articles share."""
    given = tuple(articles)
    opts = options or AlignOptions()
    # Work in an order that does not depend on the order given.
    order = sorted(range(len(given)), key=lambda i: (str(given[i].path), given[i].sha256))
    docs = [prepare(given[i]) for i in order]
    pairs = candidate_pairs(docs, opts)
    links: list[Link] = []
    repeats: list[Repeat] = []
    known = Known(docs)
    reworded = reworded_pairs(docs, opts)
    every_pair = sorted(set(pairs) | set(reworded))
    total = len(every_pair)
    for done, (a, b) in enumerate(every_pair):
        extra = sentence_links(docs[a], docs[b], a, b, reworded.get((a, b), ()), opts)
        found, reps = links_for_pair(docs[a], docs[b], a, b, pairs.get((a, b), []), opts, known, extra)
        # Two articles that share passages open on the same news, each in its own words.
        found = lede_links(docs[a], docs[b], a, b, found, opts)
        links.extend(found)
        repeats.extend(reps)
        if progress is not None:
            progress(done + 1, total)
    del pairs, reworded, known, every_pair  # done with: their memory goes to grouping
    scores = Scores()
    # A pair's long passage cut where other outlets' passages begin or end.
    links = refine(docs, links, repeats, opts)
    built = build_groups(docs, links, repeats, opts)
    done = [settle(docs, spans, reps, opts, scores) for spans, reps in built]
    # Versions a group left when it settled may still share a passage with
    # some of its other versions: their links form groups of their own.
    settled = [g for g in done if g is not None]
    rescued = build_groups(docs, dropped_links(built, done, links), [], opts)
    taken = Taken(settled)
    again = [settle(docs, taken.unclash(spans), reps, opts, scores) for spans, reps in rescued]
    settled += [g for g in again if g is not None and taken.clashing(g[0]) is None]
    del built, rescued, done, again, taken
    # No two groups overlap in an article where both have a second article in common.
    for gi in separate(settled):
        spans, _sims, reps = settled[gi]
        again = settle(docs, spans, reps, opts, scores)
        settled[gi] = again if again is not None else ([], [], [])
    settled = [g for g in settled if g[0]]
    # A short paragraph that gives a passage again word for word (a pull-quote).
    add_repeated_paragraphs(docs, settled, opts)
    # A repeat is never part of another group's version.
    versions: dict[int, list[tuple[int, int]]] = {}
    for spans, _sims, _reps in settled:
        for a, s, e in spans:
            versions.setdefault(a, []).append((s, e))
    for g in settled:
        g[2][:] = [r for r in g[2] if not any(overlap(s, e, r[1], r[2]) for s, e in versions.get(r[0], ()))]
    # Ids and order: by where each group first appears, articles taken by path.
    settled.sort(key=lambda g: min((s[0], s[1]) for s in g[0]))
    groups = []
    for number, (spans, sims, reps) in enumerate(settled, 1):
        kind, quote = finish_group(docs, spans)
        passages = tuple(
            Passage(order[a], s, e, docs[a].text[s:e], sim)
            for (a, s, e), sim in sorted(zip(spans, sims), key=lambda x: (order[x[0][0]], x[0][1]))
        )
        repeated = tuple(
            Passage(order[a], s, e, docs[a].text[s:e], round(sim, 1))
            for a, s, e, sim in sorted(reps, key=lambda r: (order[r[0]], r[1]))
        )
        groups.append(Group(f"g{number}", kind, quote, passages, repeats=repeated))
    if progress is not None and total == 0:
        progress(0, 0)
    del docs, links, settled  # done with: their memory goes to annotating
    tidy.cache_clear()  # (its spans hold the texts)
    # Who said what, and how the versions differ: a step of its own (facts.py).
    return annotate(Alignment(given, tuple(groups), opts))
