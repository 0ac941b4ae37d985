"""Extension: a chain with some context on both sides aligned word by word,
its best-scoring stretch taken as the passage pair, and the passage's edges
tidied (a bracket or quotation mark it opens or closes taken in)."""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .documents import BOILERPLATE, Doc
from .options import AlignOptions
from .tokens import normalise

# What a word both texts share nearly is worth, what a difference costs.
_NEAR = 0.5
_MISMATCH = -1.0  # two different content words
_MISMATCH_STOP = -0.1  # "an" for "the"


def _near(a: str, b: str) -> bool:
    return len(a) >= 4 and len(b) >= 4 and fuzz.ratio(a, b) >= 80


def _word_opcodes(ka: list[str], kb: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes of the longest common subsequence of two key lists (Indel
    distance: as many shared words as possible), a deletion next to an
    insertion read as a replacement."""
    ops: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(ka, kb):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if ops and tag in ("insert", "delete") and ops[-1][0] in ("insert", "delete") and ops[-1][0] != tag:
            _, pi1, pi2, pj1, pj2 = ops.pop()
            ops.append(("replace", min(i1, pi1), max(i2, pi2), min(j1, pj1), max(j2, pj2)))
        else:
            ops.append((tag, i1, i2, j1, j2))
    return ops


def _best_stretch(
    da: Doc, db: Doc, a0: int, a1: int, b0: int, b1: int
) -> tuple[float, int, int, int, int, int]:
    """Word-align tokens a0..a1 of ``da`` with b0..b1 of ``db`` (half open);
    return the best-scoring stretch as (score, sa, ea, sb, eb, shared
    content words), token ranges inclusive.

    The alignment is cut into runs of one sign (a block of equal words, a
    block of words only one side has, one replaced pair); the best stretch is
    the run sequence with the highest total (Kadane), which is the same as
    the best stretch of single words since no best stretch starts or ends
    inside a run of one sign."""
    wa, ga = da.weight_sum, da.gap_sum
    runs: list[tuple[float, int, int, int, int, int]] = []  # score, a lo, a hi, b lo, b hi, shared (-1: no match)
    for tag, i1, i2, j1, j2 in _word_opcodes(da.keys[a0:a1], db.keys[b0:b1]):
        i1 += a0
        i2 += a0
        j1 += b0
        j2 += b0
        if tag == "equal":
            runs.append((wa[i2] - wa[i1], i1, i2, j1, j2, int(da.content_sum[i2] - da.content_sum[i1])))
            continue
        m = 0
        if tag == "replace":
            m = min(i2 - i1, j2 - j1)
            for k in range(m):
                ta, tb = i1 + k, j1 + k
                if da.boilerplate[ta] or db.boilerplate[tb]:
                    runs.append((BOILERPLATE, ta, ta + 1, tb, tb + 1, -1))
                elif _near(da.keys[ta], db.keys[tb]):
                    runs.append((_NEAR, ta, ta + 1, tb, tb + 1, int(da.tokens[ta].content)))
                elif not da.tokens[ta].content and not db.tokens[tb].content:
                    runs.append((_MISMATCH_STOP, ta, ta + 1, tb, tb + 1, -1))
                else:
                    runs.append((_MISMATCH, ta, ta + 1, tb, tb + 1, -1))
        if i2 > i1 + m:
            runs.append((ga[i2] - ga[i1 + m], i1 + m, i2, j2, j2, -1))
        if j2 > j1 + m:
            runs.append((db.gap_sum[j2] - db.gap_sum[j1 + m], i2, i2, j1 + m, j2, -1))
    best = 0.0
    lo = hi = -1
    cur = 0.0
    cur_start = 0
    for i, run in enumerate(runs):
        if cur <= 0:
            cur, cur_start = 0.0, i
        cur += run[0]
        if cur > best:
            best, lo, hi = cur, cur_start, i
    if lo < 0:
        return 0.0, 0, -1, 0, -1, 0
    # Past the first and last two words in a row that both texts share, a
    # stretch with lone shared words may only stay inside one sentence: across
    # a sentence end ("…approach," Lavrov added / …approach." Details: Lavrov
    # also added) the texts have already parted.
    matched = [i for i in range(lo, hi + 1) if runs[i][5] >= 0]
    solid = [
        i
        for k, i in enumerate(matched)
        if runs[i][2] - runs[i][1] >= 2
        or (k and matched[k - 1] == i - 1)
        or (k + 1 < len(matched) and matched[k + 1] == i + 1)
    ]
    if solid:
        first, last = solid[0], solid[-1]
        if first > lo and _breaks_between(da, db, runs[lo][1], runs[first][1], runs[lo][3], runs[first][3]):
            lo = first
        if last < hi and _breaks_between(da, db, runs[last][2] - 1, runs[hi][2] - 1, runs[last][4] - 1, runs[hi][4] - 1):
            hi = last
    stretch = [runs[i] for i in range(lo, hi + 1) if runs[i][5] >= 0]
    shared = sum(r[5] for r in stretch)
    return best, stretch[0][1], stretch[-1][2] - 1, stretch[0][3], stretch[-1][4] - 1, shared


def _breaks_between(da: Doc, db: Doc, a_from: int, a_to: int, b_from: int, b_to: int) -> bool:
    """Does a sentence end after any token in [from, to) of either text?"""
    return (a_to > a_from and da.break_sum[a_to] > da.break_sum[a_from]) or (
        b_to > b_from and db.break_sum[b_to] > db.break_sum[b_from]
    )


_OPENERS = {"]": "[", ")": "(", "”": "“", "»": "«"}


def _take_closing(text: str, end: int, close: str) -> int:
    """``end`` moved past ``close`` when it follows at once, or after one
    mark of punctuation (…sponsors." ends the quote after the stop)."""
    if text[end : end + 1] == close:
        return end + 1
    if text[end : end + 1] in (".", ",", ";", ":", "!", "?") and text[end + 1 : end + 2] == close:
        return end + 2
    return end


def tidy(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a bracket or quotation mark that the passage opens or closes
    but leaves outside its edges, so a cited passage is balanced."""
    for close, open_ in _OPENERS.items():
        body = text[start:end]
        opens, closes = body.count(open_), body.count(close)
        if opens > closes:
            end = _take_closing(text, end, close)
        elif closes > opens and start > 0 and text[start - 1] == open_:
            start -= 1
    if text.count('"', start, end) % 2:
        closed = _take_closing(text, end, '"')
        if closed != end:
            end = closed
        elif start > 0 and text[start - 1] == '"':
            start -= 1
    return start, end


def extend(
    da: Doc, db: Doc, chain: tuple[int, int, int, int], opts: AlignOptions
) -> tuple[int, int, int, int, int] | None:
    """Grow a chain into the passage pair around it: token ranges and the
    number of shared content words, or None."""
    ja0, ja1, jb0, jb1 = chain
    n = opts.ngram
    ta0, ta1 = da.content[ja0], da.content[ja1 + n - 1]
    tb0, tb1 = db.content[jb0], db.content[jb1 + n - 1]
    # A passage stays inside one paragraph of each text.
    pa0, pa1 = da.para_bounds[da.para[ta0]]
    pb0, pb1 = db.para_bounds[db.para[tb0]]
    ctx = opts.context
    left = right = ctx
    while True:
        a0, a1 = max(pa0, ta0 - left), min(pa1, ta1 + 1 + right)
        b0, b1 = max(pb0, tb0 - left), min(pb1, tb1 + 1 + right)
        _score, sa, ea, sb, eb, shared = _best_stretch(da, db, a0, a1, b0, b1)
        if ea < sa:
            return None
        at_start = (sa == a0 and a0 > pa0) or (sb == b0 and b0 > pb0)
        at_end = (ea == a1 - 1 and a1 < pa1) or (eb == b1 - 1 and b1 < pb1)
        if not (at_start or at_end):
            break
        if at_start:
            left *= 2
        if at_end:
            right *= 2
    if shared < opts.min_shared:
        return None
    if ea - sa + 1 < opts.min_words or eb - sb + 1 < opts.min_words:
        return None
    return sa, ea, sb, eb, shared


def similarity(a: str, b: str) -> float:
    return float(fuzz.ratio(normalise(a), normalise(b)))
