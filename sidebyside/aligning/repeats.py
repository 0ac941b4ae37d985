"""Repeats inside one article found word for word: a short paragraph that
gives again part of one of the article's own passages (a pull-quote, a
standfirst that repeats a sentence of the story) is a repeat of that
passage, shown with its group, not a passage of its own.

Repeats are mostly found as a side of a link (:func:`.grouping.resolve_pair`),
but a pull-quote of a few words has too few content words to seed a link of
its own ("I will not cling to power." has two), and the extension does not
run across it (a paragraph only one text has).  So each short paragraph no
group holds is looked for, by its keys, inside the article's versions."""

from __future__ import annotations

from collections import defaultdict

from ..model import overlap
from .documents import Doc
from .extension import end_of, similarity, tidy
from .grouping import Rep, Span
from .options import AlignOptions

_LONGEST = 40  # words: a pull-quote or a standfirst is short

Settled = tuple[list[Span], list[float], list[Rep]]


def add_repeated_paragraphs(docs: list[Doc], settled: list[Settled], opts: AlignOptions) -> None:
    """Add to each group's repeats the short paragraphs of its articles that
    repeat, word for word (by their keys), part of the group's version
    there, where no group holds the paragraph already."""
    held: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # article -> (start, end, group or -1)
    for g, (spans, _sims, reps) in enumerate(settled):
        for a, s, e in spans:
            held[a].append((s, e, g))
        for r in reps:
            held[r[0]].append((r[1], r[2], -1))
    for a, spans in held.items():
        doc = docs[a]
        versions = [x for x in spans if x[2] >= 0]
        keys = doc.key_ids.tobytes()
        width = doc.key_ids.itemsize
        for lo, hi in doc.para_bounds:
            if not opts.min_words <= hi - lo <= _LONGEST or doc.in_title(lo) or doc.boilerplate[lo]:
                continue
            start, end = tidy(doc.text, doc.starts[lo], end_of(doc, hi - 1))
            if any(overlap(start, end, s, e) for s, e, _g in spans):
                continue
            for t in _occurrences(keys, doc.key_ids[lo:hi].tobytes(), width):
                if t == lo:
                    continue
                s, e = doc.starts[t], end_of(doc, t + hi - lo - 1)
                home = next((g for vs, ve, g in versions if vs <= s and e <= ve), None)
                if home is not None:
                    sim = similarity(doc.text[start:end], doc.text[s:e])
                    settled[home][2].append((a, start, end, sim))
                    spans.append((start, end, -1))
                    break


def _occurrences(haystack: bytes, needle: bytes, width: int) -> list[int]:
    """Where the items of ``needle`` stand in ``haystack`` (both arrays'
    bytes, items ``width`` bytes wide), by item."""
    found = []
    at = haystack.find(needle)
    while at >= 0:
        if at % width == 0:
            found.append(at // width)
        at = haystack.find(needle, at + 1)
    return found
