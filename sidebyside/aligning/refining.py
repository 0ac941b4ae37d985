"""Refining: a pair's long passage cut where other outlets' passages begin
or end.

Between two articles a passage runs as long as both texts go on together
(one passage per reuse).  When a third article carries only part of it (the
lede but not the quotation that follows it in the other two), the third's
version is too unlike the pair's long passage to join its group, and the
lede is shown in no group, or in the wrong one.  So each link is cut, in
both its texts, at the sentence where another link in one of its articles
begins or ends: a group then holds the same sentences in each of its
outlets, and the reader sees who carries which.  Where no other passage
begins or ends inside a link (two articles, or outlets that all carry the
same run), it stays whole.

A cut found in one text is carried over to the other through the word
alignment of the two passages (rapidfuzz's Indel opcodes over the keys) and
made only where the other text has a sentence start within two words of it
(or, at a paragraph start, at the same paragraph of the other when both
have as many between the cuts found so), so a sentence one text splits in two and the other does not is never cut
in one of them only, and never inside a quotation.  A piece shorter than the
minimum length is not cut off, unless it is the first or the last and
another link holds it; a piece not similar enough to be shown (a paragraph
one text adds) is left out, and a link whose pieces all fall short stays as
it was.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ..reading.boilerplate import is_markdown_heading
from .documents import Doc
from .extension import end_of, other_speakers, similarity, tidy
from .grouping import Link, Repeat
from .options import AlignOptions
from .tokens import normalise

_TOLERANCE = 2  # words between a cut carried over and the sentence start it is moved to
_PASSES = 6  # at most (a generated corpus of 200 articles settles after 4)


def refine(docs: list[Doc], links: list[Link], repeats: list[Repeat], opts: AlignOptions) -> list[Link]:
    """The links, each cut where another link in one of its two articles
    begins or ends (see the module's note).  A repeat of a link that is cut
    (a pull-quote) goes with the piece it repeats.  Again while a pass
    cuts any (up to :data:`_PASSES`): where a link was cut (the paragraph a
    third outlet's passage ends at), a link of two outlets that carry the
    same run whole is cut too."""
    bounds = _bounds(links)
    fresh = None  # the bounds a pass made: only the links they fall inside are cut again
    for _ in range(_PASSES):
        cut = _refine_once(docs, links, bounds, repeats, opts, fresh)
        if len(cut) == len(links) and all(x is y for x, y in zip(cut, links)):
            break
        after = _bounds(cut)
        fresh = {article: sorted(after[article] - bounds.get(article, set())) for article in after}
        links, bounds = cut, after
    return links


def _bounds(links: list[Link]) -> dict[int, set[int]]:
    """Where the links begin and end (first token, token after the last), by article."""
    bounds: dict[int, set[int]] = defaultdict(set)
    for x in links:
        bounds[x.a].update((x.ta[0], x.ta[1] + 1))
        bounds[x.b].update((x.tb[0], x.tb[1] + 1))
    return bounds


def _refine_once(
    docs: list[Doc],
    links: list[Link],
    bounds: dict[int, set[int]],
    repeats: list[Repeat],
    opts: AlignOptions,
    fresh: dict[int, list[int]] | None = None,
) -> list[Link]:
    """One pass of :func:`refine` (``bounds``: the links' :func:`_bounds`);
    with ``fresh``, only the links that one of those bounds falls inside
    are read again."""
    sides: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for x in links:
        sides[x.a].append((*x.ta, id(x)))
        sides[x.b].append((*x.tb, id(x)))
    # Each article's bounds in order, so a link reads only those inside it.
    ordered = {article: sorted(found) for article, found in bounds.items()}
    repeats_of: dict[int, list[Repeat]] = defaultdict(list)
    for r in repeats:
        repeats_of[id(r.link)].append(r)
    out: list[Link] = []
    for x in links:
        if fresh is not None and not (_inside(fresh.get(x.a), x.ta) or _inside(fresh.get(x.b), x.tb)):
            out.append(x)
            continue

        def elsewhere(a_lo: int, a_hi: int, b_lo: int, b_hi: int, x: Link = x) -> bool:
            """Does another link hold these tokens of either text whole?"""
            return any(s <= a_lo and a_hi <= e for s, e, i in sides[x.a] if i != id(x)) or any(
                s <= b_lo and b_hi <= e for s, e, i in sides[x.b] if i != id(x)
            )

        cuts = _cuts(docs[x.a], docs[x.b], x, ordered[x.a], ordered[x.b], elsewhere, opts)
        pieces = _pieces(docs[x.a], docs[x.b], x, cuts, opts) if cuts else []
        for r in repeats_of.get(id(x), ()) if pieces else ():
            r.link = max(pieces, key=lambda piece, r=r: _repeated_in(docs, r, piece))
        out.extend(pieces or [x])
    return out


def _inside(bounds: list[int] | None, tokens: tuple[int, int]) -> bool:
    """Does one of the bounds (in order) fall inside tokens lo+1..hi?"""
    if not bounds:
        return False
    k = bisect.bisect_right(bounds, tokens[0])
    return k < len(bounds) and bounds[k] <= tokens[1]


def _repeated_in(docs: list[Doc], repeat: Repeat, piece: Link) -> float:
    """How much of a piece's passage (on the repeat's side) the repeat
    repeats (0–100): a pull-quote of a passage that is cut goes with the
    piece it quotes."""
    start, end = (piece.sa, piece.ea) if repeat.side == 0 else (piece.sb, piece.eb)
    text = docs[repeat.article].text
    return fuzz.partial_ratio(normalise(text[repeat.start : repeat.end]), normalise(text[start:end]))


def _cuts(
    da: Doc,
    db: Doc,
    link: Link,
    bounds_a: list[int],
    bounds_b: list[int],
    elsewhere: Callable[[int, int, int, int], bool],
    opts: AlignOptions,
) -> list[tuple[int, int]]:
    """Where to cut a link: pairs (token in a, token in b) that begin a
    piece, in order in both texts, each piece at least ``min_words`` long
    but the first and the last, which may be shorter when another link
    holds them ("…told a news conference. | "We will not rush.": the short
    sentence is left to the group of the quote it begins elsewhere)."""
    (alo, ahi), (blo, bhi) = link.ta, link.tb
    # (bounds_a and bounds_b are in order: those in alo+1..ahi, blo+1..bhi)
    inside_a = bounds_a[bisect.bisect_right(bounds_a, alo) : bisect.bisect_right(bounds_a, ahi)]
    inside_b = bounds_b[bisect.bisect_right(bounds_b, blo) : bisect.bisect_right(bounds_b, bhi)]
    inner_a = [c for c in inside_a if _may_cut(da, c)]
    inner_b = [c for c in inside_b if _may_cut(db, c)]
    if not inner_a and not inner_b:
        return []
    ops = Indel.opcodes(da.key_ids[alo : ahi + 1], db.key_ids[blo : bhi + 1]).as_list()
    pairs = set()
    for c in inner_a:
        other = _sentence_start_near(db, blo + _carry(ops, c - alo, forward=True), blo, bhi)
        if other is not None and _may_cut(db, other):
            pairs.add((c, other))
    for c in inner_b:
        other = _sentence_start_near(da, alo + _carry(ops, c - blo, forward=False), alo, ahi)
        if other is not None and _may_cut(da, other):
            pairs.add((other, c))
    # Paragraphs in step: between two cuts found so, with as many paragraphs
    # on each side, the k-th paragraph of one is the k-th of the other,
    # however their words moved ("City engineer Paul Hendricks said the bridge
    # had been inspected" / ""We inspected that bridge…," said city engineer").
    ends = [(alo, blo), *_in_order(pairs), (ahi + 1, bhi + 1)]
    for (a0, b0), (a1, b1) in zip(ends, ends[1:]):
        paras_a, paras_b = _paragraph_starts(da, a0, a1 - 1), _paragraph_starts(db, b0, b1 - 1)
        if len(paras_a) == len(paras_b):
            for ca, cb in zip(paras_a, paras_b):
                if (ca in inner_a or cb in inner_b) and _may_cut(da, ca) and _may_cut(db, cb):
                    pairs.add((ca, cb))
    least = opts.min_words
    cuts: list[tuple[int, int]] = []
    last_a, last_b = alo, blo
    for ca, cb in _in_order(pairs):
        before = (ca - last_a >= least and cb - last_b >= least) or (not cuts and elsewhere(alo, ca - 1, blo, cb - 1))
        after = (ahi + 1 - ca >= least and bhi + 1 - cb >= least) or elsewhere(ca, ahi, cb, bhi)
        if before and after:
            cuts.append((ca, cb))
            last_a, last_b = ca, cb
    return cuts


def _in_order(pairs: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cut pairs that go forward in both texts, first come first kept."""
    out: list[tuple[int, int]] = []
    for ca, cb in sorted(pairs):
        if not out or (ca > out[-1][0] and cb > out[-1][1]):
            out.append((ca, cb))
    return out


def _paragraph_starts(doc: Doc, lo: int, hi: int) -> list[int]:
    """The first tokens of the paragraphs that begin inside lo+1..hi."""
    return [p for p, _ in doc.para_bounds[doc.para[lo] + 1 : doc.para[hi] + 1]]


def _may_cut(doc: Doc, t: int) -> bool:
    """May a piece begin at token ``t``: a sentence start, not inside a
    quotation ("We will not rush. | Every further step…" is one quote)?"""
    k = bisect.bisect_left(doc.sentence_starts, t)
    if k >= len(doc.sentence_starts) or doc.sentence_starts[k] != t:
        return False
    start = doc.tokens[t].start
    q = bisect.bisect_right(doc.quoted, (start, len(doc.text))) - 1
    return not (q >= 0 and doc.quoted[q][0] < start < doc.quoted[q][1] and doc.text[doc.quoted[q][0] : start].strip())


def _carry(ops: list[tuple[str, int, int, int, int]], i: int, forward: bool) -> int:
    """Position ``i`` of one side of a word alignment (a, if ``forward``; else
    b) as a position of the other side."""
    for tag, i1, i2, j1, j2 in ops:
        lo, hi, olo, ohi = (i1, i2, j1, j2) if forward else (j1, j2, i1, i2)
        if lo <= i < hi:
            return olo + min(i - lo, max(0, ohi - olo - 1)) if tag in ("equal", "replace") else olo
    last = ops[-1] if ops else ("equal", 0, 0, 0, 0)
    return last[4] if forward else last[2]


def _sentence_start_near(doc: Doc, t: int, lo: int, hi: int) -> int | None:
    """The sentence start inside lo+1..hi nearest to token ``t``, within
    :data:`_TOLERANCE` words of it, or None."""
    starts = doc.sentence_starts
    k = bisect.bisect_left(starts, t)
    near = [s for s in starts[max(0, k - 1) : k + 1] if lo < s <= hi and abs(s - t) <= _TOLERANCE]
    return min(near, key=lambda s: (abs(s - t), s)) if near else None


def _pieces(da: Doc, db: Doc, link: Link, cuts: list[tuple[int, int]], opts: AlignOptions) -> list[Link]:
    """The link cut into pieces, those similar enough to be shown and not
    naming different speakers."""
    (alo, ahi), (blo, bhi) = link.ta, link.tb
    starts = [(alo, blo), *cuts]
    ends = [(ca - 1, cb - 1) for ca, cb in cuts] + [(ahi, bhi)]
    out = []
    for (a0, b0), (a1, b1) in zip(starts, ends):
        # (a piece never starts or ends with a subheading: "## The pacing" between two passages)
        a0, a1 = _past_headings(da, a0, a1)
        b0, b1 = _past_headings(db, b0, b1)
        if a1 - a0 + 1 < opts.min_words or b1 - b0 + 1 < opts.min_words:
            continue  # a short first or last piece, held by another link
        if other_speakers(da, a0, a1, db, b0, b1):
            continue  # two statements side by side ("Andreyev said Russia…" / "El-Masri said Egypt…")
        ca = tidy(da.text, da.tokens[a0].start, end_of(da, a1))
        cb = tidy(db.text, db.tokens[b0].start, end_of(db, b1))
        sim = similarity(da.text[ca[0] : ca[1]], db.text[cb[0] : cb[1]])
        if sim >= opts.min_similarity:
            out.append(Link(link.a, ca[0], ca[1], link.b, cb[0], cb[1], sim, (a0, a1), (b0, b1)))
    return out


_HEADING_WORDS = 6  # at most, in a subheading that is not a Markdown heading ("The pacing")


def _past_headings(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Tokens lo..hi (inclusive) without the subheadings they begin or end
    with: a paragraph that is a Markdown heading, or a short one that ends
    in no stop."""
    while lo <= hi and (after := _heading_after(doc, lo)) is not None and after <= hi:
        lo = after
    while lo <= hi:
        first = doc.para_bounds[doc.para[hi]][0]
        if first <= lo or _heading_after(doc, first) != hi + 1:
            break
        hi = first - 1
    return lo, hi


def _heading_after(doc: Doc, t: int) -> int | None:
    """Where the paragraph after a subheading starting at token ``t`` begins
    (the token after it), or None if no subheading starts there."""
    first, after = doc.para_bounds[doc.para[t]]
    if first != t:
        return None
    text = doc.text
    line_start = text.rfind("\n", 0, doc.starts[t]) + 1
    line_end = text.find("\n", line_start)
    if is_markdown_heading(text[line_start : line_end if line_end >= 0 else len(text)]):
        return after
    end = doc.tokens[after - 1].end
    rest = text[end : end + 4].lstrip("\"'”’)]» ")  # (a stop after closing marks: "‘a farce’.", "(12-3).")
    if after - first > _HEADING_WORDS or rest[:1] in (".", "!", "?", "…", ":", ",") or text[end : end + 1] in "\"”":
        return None
    return after

