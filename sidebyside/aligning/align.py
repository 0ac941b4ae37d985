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
* **Extension** (passim): each chain, with some context on both sides, is
  aligned word by word (rapidfuzz's Indel opcodes over the keys: the
  longest common subsequence of words); the
  best-scoring stretch of that alignment is the passage, so its edges grow
  or shrink to where the two texts really agree.  Page boilerplate inside an
  alignment costs so much that passages never run through it.
* **Scoring**: the two passages' similarity is rapidfuzz's ``fuzz.ratio`` on
  their normalised text (case, accents, quotes, dashes and punctuation
  folded); pairs under the threshold, shorter than the minimum length, or
  with too few content words in common are dropped, so a trivial shared
  phrase ("in Ukraine", "Sergei Lavrov") never forms a passage on its own.
* **Grouping** (MemeTracker): the versions found in one article are merged
  where they cover mostly the same text; versions linked by an accepted pair
  form one group (connected components), so a quote and its variants across
  all N articles — and a second version inside one article — land together.

Everything is independent of the order the articles are given in: the work
runs on the articles sorted by path, and group ids follow the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Alignment, Group, Passage
from ..reading.articles import Article
from .candidates import candidate_pairs
from .documents import prepare
from .grouping import Known, Link, build_groups, finish_group, links_for_pair
from .options import AlignOptions

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
    total = len(pairs)
    known = Known(docs)
    for done, ((a, b), seeds) in enumerate(sorted(pairs.items())):
        links.extend(links_for_pair(docs[a], docs[b], a, b, seeds, opts, known))
        if progress is not None:
            progress(done + 1, total)
    raw_groups = build_groups(docs, links, opts)
    # Ids and order: by where each group first appears, articles taken by path.
    raw_groups.sort(key=lambda spans: min((s[0], s[1]) for s in spans))
    groups = []
    for number, spans in enumerate(raw_groups, 1):
        kind, quote, sims = finish_group(docs, spans)
        passages = tuple(
            Passage(order[a], s, e, docs[a].text[s:e], sim)
            for (a, s, e), sim in sorted(zip(spans, sims), key=lambda x: (order[x[0][0]], x[0][1]))
        )
        groups.append(Group(f"g{number}", kind, quote, passages))
    if progress is not None and total == 0:
        progress(0, 0)
    return Alignment(given, tuple(groups), opts)
