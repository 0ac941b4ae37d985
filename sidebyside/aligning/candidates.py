"""Candidates and chains: where two articles share an n-gram of content-word
keys, and runs of such seeds close together in both texts."""

from __future__ import annotations

from collections import defaultdict

from .documents import Doc
from .options import AlignOptions


def candidate_pairs(docs: list[Doc], opts: AlignOptions) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """For each pair of articles, the (content index, content index) where
    they share an n-gram."""
    n = opts.ngram
    index: dict[tuple[str, ...], list[tuple[int, list[int]]]] = defaultdict(list)
    for d, doc in enumerate(docs):
        ck = [doc.keys[t] for t in doc.content]
        cp = [doc.para[t] for t in doc.content]
        local: dict[tuple[str, ...], list[int]] = defaultdict(list)
        grams = zip(*(ck[i:] for i in range(n)))
        one_paragraph = map(int.__eq__, cp, cp[n - 1 :])
        for j, (gram, ok) in enumerate(zip(grams, one_paragraph)):
            if ok:
                local[gram].append(j)
        for gram, occ in local.items():
            if len(occ) <= opts.max_repeats:
                index[gram].append((d, occ))
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    reach = opts.all_pairs_up_to
    for posting in index.values():
        k = len(posting)
        if k < 2:
            continue
        # Up to `all_pairs_up_to` articles, every pair is compared.  A passage
        # that more articles share is compared along its posting list with
        # the next few articles only: enough to connect all its versions
        # into one group, and the work grows with the corpus, not its square.
        span = k if k <= reach else opts.neighbours + 1
        for x, (da, occa) in enumerate(posting):
            for db, occb in posting[x + 1 : x + span]:
                seeds = pairs[(da, db)]
                for ja in occa:
                    for jb in occb:
                        seeds.append((ja, jb))
    return pairs


def chains(da: Doc, db: Doc, seeds: list[tuple[int, int]], opts: AlignOptions) -> list[tuple[int, int, int, int]]:
    """Chain seeds that follow each other within the gap in both texts,
    inside one paragraph of each; returns (first ja, last ja, first jb,
    last jb) per chain."""
    seeds.sort()
    pa, pb, ca, cb = da.para, db.para, da.content, db.content
    gap = opts.max_gap
    back = opts.ngram - 1
    open_chains: list[list[int]] = []  # [ja0, ja1, jb0, jb1]
    done: list[tuple[int, int, int, int]] = []
    for ja, jb in seeds:
        best = None
        best_cost = None
        still_open = []
        for chain in open_chains:
            if ja - chain[1] > gap:
                done.append(tuple(chain))  # type: ignore[arg-type]
                continue
            still_open.append(chain)
            dj = jb - chain[3]
            if (
                -back <= dj <= gap
                and chain[2] - back <= jb
                and pa[ca[ja]] == pa[ca[chain[0]]]
                and pb[cb[jb]] == pb[cb[chain[2]]]
            ):
                cost = abs((ja - chain[1]) - dj)
                if best_cost is None or cost < best_cost:
                    best, best_cost = chain, cost
        open_chains = still_open
        if best is None:
            open_chains.append([ja, ja, jb, jb])
        else:
            best[1] = max(best[1], ja)
            best[2] = min(best[2], jb)
            best[3] = max(best[3], jb)
    done.extend(tuple(c) for c in open_chains)  # type: ignore[misc]
    return done
