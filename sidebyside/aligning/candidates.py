"""Candidates and chains: where two articles share an n-gram of content-word
keys, and runs of such seeds close together in both texts."""

from __future__ import annotations

import functools
import itertools
import operator
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Sequence

from .documents import Doc
from .options import AlignOptions

# A seed, (content index in one article, in the other), packed in one int so
# that a pair's seeds are an array of 64-bit ints (a tenth of the memory of a
# list of tuples) and sort as the tuples would.
_SHIFT = 32
_LOW = (1 << _SHIFT) - 1

Seeds = Sequence[int]

_MIN_SEEDS = 2  # seeds two articles must share to be compared


def seed(ja: int, jb: int) -> int:
    return ja << _SHIFT | jb


def candidate_pairs(docs: list[Doc], opts: AlignOptions) -> dict[tuple[int, int], Seeds]:
    """For each pair of articles, the seeds where they share an n-gram
    (see :func:`seed`)."""
    return _pairs(_index(docs, opts), len(docs), opts)


def _index(docs: list[Doc], opts: AlignOptions) -> dict[int, list]:
    """n-gram -> [article, positions, article, positions, ...]: positions is
    an int (one occurrence) or a list of up to ``max_repeats``; the n-grams
    that occur in two articles or more."""
    n = opts.ngram
    # Keys as integers, each n-gram as one integer: hashing and comparing
    # them is cheaper than tuples of strings, and they take less memory.
    vocabulary: dict[str, int] = {}
    for doc in docs:
        vocabulary.update(dict.fromkeys(map(doc.keys.__getitem__, doc.content), 0))
    vocabulary = dict(zip(vocabulary, itertools.count()))
    # Every number is one key here: a figure one outlet updates ("at least 41
    # people injured" / "at least 40 people") still leaves the n-grams around it.
    figure = len(vocabulary)
    vocabulary.update(dict.fromkeys([key for key in vocabulary if key[:1].isdigit()], figure))
    size = len(vocabulary) + 2
    index: defaultdict[int, list] = defaultdict(list)
    for d, doc in enumerate(docs):
        ck = list(map(vocabulary.__getitem__, map(doc.keys.__getitem__, doc.content)))
        cp = _content_paragraphs(doc)
        grams = ck[: max(0, len(ck) - n + 1)]
        for i in range(1, n):
            grams = [g * size + k for g, k in zip(grams, ck[i:])]
        # An n-gram inside one paragraph only.
        starts = list(itertools.compress(range(len(grams)), map(operator.eq, cp, cp[n - 1 :])))
        local = _positions(list(map(grams.__getitem__, starts)), starts, opts.max_repeats)
        # (a loop in C: each n-gram's posting list, found or made by the
        # defaultdict, is extended by (d, positions))
        deque(map(list.extend, map(index.__getitem__, local), zip(itertools.repeat(d), local.values())), maxlen=0)
    return index


def _positions(grams: list[int], starts: list[int], repeats: int) -> dict[int, int | list[int]]:
    """n-gram -> its position in one article (of ``starts``), or the list
    of its positions when it occurs more than once, up to ``repeats`` times
    (one more often is left out)."""
    local: dict[int, int | list[int]] = dict(zip(grams, starts))  # (the last position of each)
    if len(local) == len(grams):
        return local
    # The n-grams found at a position that is not their last occur more than once.
    again = set(itertools.compress(grams, map(operator.ne, map(local.__getitem__, grams), starts)))
    found: dict[int, list[int]] = {}
    for g, j in itertools.compress(zip(grams, starts), map(again.__contains__, grams)):
        found.setdefault(g, []).append(j)
    for g, occ in found.items():
        if len(occ) <= repeats:
            local[g] = occ
        else:
            del local[g]
    return local


def _pairs(index: dict[int, list], many: int, opts: AlignOptions) -> dict[tuple[int, int], Seeds]:
    """The seeds of each pair of articles that the n-grams of ``index``
    propose (the index is emptied)."""
    shared = [posting for posting in index.values() if len(posting) >= 4]  # n-grams of two articles or more
    index.clear()
    # pair of articles (a, b) as a * many + b -> its seeds
    pairs: defaultdict[int, array[int]] = defaultdict(functools.partial(array, "Q"))
    votes: list[int] = []  # pairs further apart along a frequent n-gram's posting list, once per n-gram
    narrow: set[int] = set()  # pairs proposed by an n-gram of a few articles, or next along a list
    for posting in shared:
        docs, occs = posting[::2], posting[1::2]
        # Up to `all_pairs_up_to` articles, every pair is compared.  A passage
        # that more articles share is compared along its posting list with
        # the next few articles only: enough to connect all its versions into
        # one group, and the work grows with the corpus, not its square.
        if len(docs) <= opts.all_pairs_up_to:
            found = [a * many + b for a, b in itertools.combinations(docs, 2)]
            narrow.update(found)
            _add_seeds(pairs, found, list(itertools.combinations(occs, 2)))
            continue
        multi = [i for i, occ in enumerate(occs) if occ.__class__ is list]  # the n-gram repeated in an article
        firsts = [occ[0] if occ.__class__ is list else occ for occ in occs] if multi else occs
        for step in range(1, opts.neighbours + 1):
            found = [a * many + b for a, b in zip(docs, docs[step:])]
            if step == 1:
                narrow.update(found)  # (the next article along a posting list is always compared)
            else:
                votes += found
            _add_seeds(pairs, found, list(zip(firsts, firsts[step:])))
            for i in {i for m in multi for i in (m - step, m) if 0 <= i < len(found)}:
                # the seeds of the n-gram's other positions in a or b
                more = [ja << _SHIFT | jb for ja in _as_list(occs[i]) for jb in _as_list(occs[i + step])]
                pairs[found[i]].extend(more[1:])
    # A pair of articles further apart along one frequent n-gram's posting
    # list, and along no other, is neighbours by chance (the list shifted by
    # a copy that lacks the n-gram): left out.  Next neighbours always stay,
    # so a passage of one n-gram that many articles share still links them all.
    # Two articles that share one n-gram once and nothing else are not
    # compared (passim's minimum of n-gram matches per pair, at 2): in a
    # large corpus such chance meetings grow with the square of its size, and
    # a statement two articles share has two n-grams or more.
    counted = Counter(votes)
    return {
        divmod(key, many): seeds  # type: ignore[misc]
        for key, seeds in pairs.items()
        if len(seeds) >= _MIN_SEEDS and (key in narrow or counted[key] >= 2)
    }


def _add_seeds(pairs: defaultdict[int, array[int]], found: list[int], occurrences: list[tuple]) -> None:
    """Add to each pair of ``found`` its seeds of one n-gram: ``occurrences``
    holds, for each pair, the n-gram's position in a and in b, each an int
    or a list of them (the n-gram repeated in one article)."""
    shift = _SHIFT
    try:
        seeds = [ja << shift | jb for ja, jb in occurrences]
    except TypeError:  # (a list among them: rare)
        for key, (occa, occb) in zip(found, occurrences):
            pairs[key].extend([ja << shift | jb for ja in _as_list(occa) for jb in _as_list(occb)])
        return
    # (a loop in C: each pair's array, found or made by the defaultdict, gets its seed)
    deque(map(array.append, map(pairs.__getitem__, found), seeds), maxlen=0)


def _as_list(occ: int | list[int]) -> list[int]:
    return occ if occ.__class__ is list else [occ]  # type: ignore[return-value]


def chains(da: Doc, db: Doc, seeds: Seeds, opts: AlignOptions) -> list[tuple[int, int, int, int]]:
    """Chain seeds that follow each other within the gap in both texts,
    inside one paragraph of each; returns (first ja, last ja, first jb,
    last jb) per chain."""
    if len(seeds) == 1:  # most pairs of articles share one n-gram, by chance
        return [(seeds[0] >> _SHIFT, seeds[0] >> _SHIFT, seeds[0] & _LOW, seeds[0] & _LOW)]
    pa, pb = _content_paragraphs(da), _content_paragraphs(db)
    gap = opts.max_gap
    back = opts.ngram - 1
    open_chains: list[list[int]] = []  # [ja0, ja1, jb0, jb1, paragraph in a, paragraph in b]
    done: list[tuple[int, int, int, int]] = []
    low = _LOW
    for packed in sorted(seeds):
        ja, jb = packed >> _SHIFT, packed & low
        para_a, para_b = pa[ja], pb[jb]
        if len(open_chains) == 1:
            # One chain open (most seeds): it takes the seed if it can, as below.
            chain = open_chains[0]
            if ja - chain[1] > gap:
                done.append((chain[0], chain[1], chain[2], chain[3]))
                open_chains = [[ja, ja, jb, jb, para_a, para_b]]
                continue
            dj = jb - chain[3]
            if -back <= dj <= gap and chain[2] - back <= jb and para_a == chain[4] and para_b == chain[5]:
                chain[1] = ja
                if jb < chain[2]:
                    chain[2] = jb
                elif jb > chain[3]:
                    chain[3] = jb
            else:
                open_chains.append([ja, ja, jb, jb, para_a, para_b])
            continue
        best = None
        best_cost = 0
        still_open = []
        for chain in open_chains:
            if ja - chain[1] > gap:
                done.append((chain[0], chain[1], chain[2], chain[3]))
                continue
            still_open.append(chain)
            dj = jb - chain[3]
            if -back <= dj <= gap and chain[2] - back <= jb and para_a == chain[4] and para_b == chain[5]:
                cost = abs((ja - chain[1]) - dj)
                if best is None or cost < best_cost:
                    best, best_cost = chain, cost
        open_chains = still_open
        if best is None:
            open_chains.append([ja, ja, jb, jb, para_a, para_b])
        else:
            best[1] = ja  # (the seeds come in order of ja)
            if jb < best[2]:
                best[2] = jb
            elif jb > best[3]:
                best[3] = jb
    done.extend((c[0], c[1], c[2], c[3]) for c in open_chains)
    return done


def _content_paragraphs(doc: Doc) -> list[int]:
    """The paragraph of each content word (worked out once per document)."""
    found = doc.cache.get("content paragraphs")
    if found is None:
        para = doc.para
        found = doc.cache["content paragraphs"] = [para[t] for t in doc.content]
    return found
