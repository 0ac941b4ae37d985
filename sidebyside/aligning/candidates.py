"""Candidates and chains: where two articles share an n-gram of content-word
keys, and runs of such seeds close together in both texts."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from .documents import Doc
from .options import AlignOptions

# A seed, (content index in one article, in the other), packed in one int so
# that a pair's seeds are an array of 64-bit ints (a tenth of the memory of a
# list of tuples) and sort as the tuples would.
_SHIFT = 32
_LOW = (1 << _SHIFT) - 1

Seeds = Sequence[int]


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
        keys = doc.keys
        vocabulary.update(dict.fromkeys([keys[t] for t in doc.content], 0))
    for number, key in enumerate(vocabulary):
        vocabulary[key] = number
    # Every number is one key here: a figure one outlet updates ("at least 41
    # people injured" / "at least 40 people") still leaves the n-grams around it.
    figure = len(vocabulary)
    for key in vocabulary:
        if key[:1].isdigit():
            vocabulary[key] = figure
    size = len(vocabulary) + 2
    # n-gram -> [article, positions, article, positions, ...]: positions is
    # an int (one occurrence) or a list of up to `max_repeats`.
    index: dict[int, list] = {}
    repeats = opts.max_repeats
    for d, doc in enumerate(docs):
        keys, para = doc.keys, doc.para
        ck = [vocabulary[keys[t]] for t in doc.content]
        cp = [para[t] for t in doc.content]
        grams = ck[: max(0, len(ck) - n + 1)]
        for i in range(1, n):
            grams = [g * size + k for g, k in zip(grams, ck[i:])]
        # An n-gram inside one paragraph only.
        starts = [j for j, same in enumerate(map(int.__eq__, cp, cp[n - 1 :])) if same]
        local: dict[int, int | list[int]] = {}
        for j in starts:
            g = grams[j]
            occ = local.get(g)
            if occ is None:
                local[g] = j
            elif occ.__class__ is int:
                local[g] = [occ, j]
            else:
                occ.append(j)  # type: ignore[union-attr]
        for g, occ in local.items():
            if occ.__class__ is int or len(occ) <= repeats:  # type: ignore[arg-type]
                posting = index.get(g)
                if posting is None:
                    index[g] = [d, occ]
                else:
                    posting += (d, occ)
    return index


def _pairs(index: dict[int, list], many: int, opts: AlignOptions) -> dict[tuple[int, int], Seeds]:
    """The seeds of each pair of articles that the n-grams of ``index``
    propose (the index is emptied as it is read)."""
    pairs: dict[int, array[int]] = {}  # pair of articles (a, b) as a * many + b
    reach = opts.all_pairs_up_to
    span = 2 * (opts.neighbours + 1)
    shift = _SHIFT
    votes: dict[int, int] = {}  # pair -> how many frequent n-grams propose it
    narrow: set[int] = set()  # pairs proposed by an n-gram of a few articles
    while index:  # taken out one by one: the memory goes to the seeds
        posting = index.popitem()[1]
        k = len(posting)
        if k < 4:
            continue
        # Up to `all_pairs_up_to` articles, every pair is compared.  A passage
        # that more articles share is compared along its posting list with
        # the next few articles only: enough to connect all its versions
        # into one group, and the work grows with the corpus, not its square.
        wide = k > 2 * reach
        step = span if wide else k
        for x in range(0, k, 2):
            da, occa = posting[x], posting[x + 1]
            for y in range(x + 2, min(k, x + step), 2):
                db, occb = posting[y], posting[y + 1]
                key = da * many + db
                if wide and y > x + 2:
                    votes[key] = votes.get(key, 0) + 1
                else:
                    narrow.add(key)  # (the next article along a posting list is always compared)
                seeds = pairs.get(key)
                if seeds is None:
                    seeds = pairs[key] = array("Q")
                if occa.__class__ is int:
                    if occb.__class__ is int:
                        seeds.append(occa << shift | occb)
                    else:
                        seeds.extend(occa << shift | jb for jb in occb)
                else:
                    occb = occb if occb.__class__ is list else (occb,)
                    seeds.extend(ja << shift | jb for ja in occa for jb in occb)
    # A pair of articles further apart along one frequent n-gram's posting
    # list, and along no other, is neighbours by chance (the list shifted by
    # a copy that lacks the n-gram): left out.  Next neighbours always stay,
    # so a passage of one n-gram that many articles share still links them all.
    return {
        divmod(key, many): seeds  # type: ignore[misc]
        for key, seeds in pairs.items()
        if key in narrow or votes.get(key, 0) >= 2
    }


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
        best = None
        best_cost = 0
        still_open = []
        para_a, para_b = pa[ja], pb[jb]
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
            open_chains.append([ja, ja, jb, jb, pa[ja], pb[jb]])
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
