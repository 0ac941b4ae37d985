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

import bisect
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ..reading.articles import Article
from .options import AlignOptions
from .tokens import Token, normalise, tokenize
from ..model import Alignment, Group, Kind, Passage, overlap

Progress = Callable[[int, int], None]


# Word alignment scores: what a word both texts share is worth, what a
# difference costs.
_MATCH_CONTENT = 1.0
_MATCH_STOP = 0.4
_NEAR = 0.5
_MISMATCH = -1.0  # two different content words
_MISMATCH_STOP = -0.1  # "an" for "the"
_GAP = -0.6  # a content word only one side has
_GAP_STOP = -0.1  # a function word only one side has
_BOILERPLATE = -3.0


# --- preparing the texts -----------------------------------------------------------


@dataclass
class _Doc:
    text: str
    tokens: list[Token]
    keys: list[str]  # boilerplate tokens get a key no other token has
    boilerplate: list[bool]
    content: list[int]  # indexes of content tokens outside boilerplate
    quoted: list[tuple[int, int]]  # spans inside quotation marks
    weight_sum: list[float]  # prefix sums: what matching tokens are worth
    gap_sum: list[float]  # … what leaving them unmatched costs
    content_sum: list[float]  # … how many are content words
    break_sum: list[float]  # … after how many a sentence or paragraph ends
    starts: list[int]  # each token's start offset
    para: list[int]  # each token's paragraph
    para_bounds: list[tuple[int, int]]  # each paragraph's tokens, half open


_BREAK_RE = re.compile(r"[.!?]|\n")
# A paragraph ends at a blank line, or at a line end after the end of a
# sentence (a hard-wrapped line that stops mid-sentence does not end one).
_PARA_RE = re.compile(r"\n[ \t\u00a0]*\n|[.!?:;\"”’…)\]][ \t\u00a0]*\n")
_OPEN_DOUBLE = "“«„"
_CLOSE_DOUBLE = "”»"


_QUOTE_MARKS_RE = re.compile("[\"“”«»„‘’'\n]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, paragraph by paragraph (a quote left
    open runs to the end of its paragraph, as in news copy).  Straight
    double quotes alternate; a single quote opens only before a letter and
    after a non-letter, and closes only before a non-letter, so apostrophes
    ("Russia’s") are not quotes."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    open_at: int | None = None
    single_at: int | None = None
    for m in _QUOTE_MARKS_RE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            for start in (open_at, single_at):
                if start is not None and start < i:
                    spans.append((start, i))
            open_at = single_at = None
        elif ch in _OPEN_DOUBLE and open_at is None:
            open_at = i + 1
        elif ch in _CLOSE_DOUBLE or ch == '"':
            if open_at is not None:
                spans.append((open_at, i))
                open_at = None
            elif ch == '"':
                open_at = i + 1
        elif ch in "‘'" and open_at is None and single_at is None:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < n else " "
            if not before.isalnum() and after.isalnum():
                single_at = i + 1
        elif ch in "’'" and single_at is not None:
            after = text[i + 1] if i + 1 < n else " "
            if not after.isalnum():
                spans.append((single_at, i))
                single_at = None
    for start in (open_at, single_at):
        if start is not None and start < n:
            spans.append((start, n))
    spans.sort()
    return spans


def _prepare(article: Article) -> _Doc:
    text = article.text
    tokens = tokenize(text)
    skip = [(line.start, line.end) for line in article.lines if line.kind in ("boilerplate", "header")]
    boilerplate = [False] * len(tokens)
    keys = []
    li = 0
    for i, tok in enumerate(tokens):
        while li < len(skip) and skip[li][1] <= tok.start:
            li += 1
        if li < len(skip) and skip[li][0] <= tok.start < skip[li][1]:
            boilerplate[i] = True
            keys.append(f"\x00{i}")
        else:
            keys.append(tok.key)
    content = [i for i, tok in enumerate(tokens) if tok.content and not boilerplate[i]]
    # Punctuation and line ends are never inside a token, so each one found
    # in the text falls between the last token that ends before it and the next.
    ends = [t.end for t in tokens]
    breaks = [False] * len(tokens)
    for m in _BREAK_RE.finditer(text):
        t = bisect.bisect_right(ends, m.start()) - 1
        if t >= 0:
            breaks[t] = True
    if breaks:
        breaks[-1] = True
    para_ends = sorted({bisect.bisect_right(ends, m.start()) for m in _PARA_RE.finditer(text)} - {0, len(tokens)})
    bounds = list(zip([0, *para_ends], [*para_ends, len(tokens)]))
    para = [0] * len(tokens)
    for number, (lo, hi) in enumerate(bounds):
        para[lo:hi] = [number] * (hi - lo)
    weights = [_MATCH_CONTENT if t.content else _MATCH_STOP for t in tokens]
    gaps = [_BOILERPLATE if f else (_GAP if t.content else _GAP_STOP) for t, f in zip(tokens, boilerplate)]
    return _Doc(
        text,
        tokens,
        keys,
        boilerplate,
        content,
        quoted_spans(text),
        _prefix(weights),
        _prefix(gaps),
        _prefix(t.content for t in tokens),
        _prefix(breaks),
        [t.start for t in tokens],
        para,
        bounds,
    )


# --- candidates and chains ---------------------------------------------------------


def _candidate_pairs(docs: list[_Doc], opts: AlignOptions) -> dict[tuple[int, int], list[tuple[int, int]]]:
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


def _chains(da: _Doc, db: _Doc, seeds: list[tuple[int, int]], opts: AlignOptions) -> list[tuple[int, int, int, int]]:
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
            if -back <= dj <= gap and chain[2] - back <= jb and pa[ca[ja]] == pa[ca[chain[0]]] and pb[cb[jb]] == pb[cb[chain[2]]]:
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


# --- extension: word alignment of a chain and its context ------------------------------



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


def _prefix(values) -> list[float]:
    return list(itertools.accumulate(values, initial=0.0))


def _best_stretch(
    da: _Doc, db: _Doc, a0: int, a1: int, b0: int, b1: int
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
                    runs.append((_BOILERPLATE, ta, ta + 1, tb, tb + 1, -1))
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


def _breaks_between(da: _Doc, db: _Doc, a_from: int, a_to: int, b_from: int, b_to: int) -> bool:
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


def _tidy(text: str, start: int, end: int) -> tuple[int, int]:
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


@dataclass
class _Link:
    a: int
    sa: int
    ea: int
    b: int
    sb: int
    eb: int
    similarity: float


def _extend(
    da: _Doc, db: _Doc, chain: tuple[int, int, int, int], opts: AlignOptions
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
        score, sa, ea, sb, eb, shared = _best_stretch(da, db, a0, a1, b0, b1)
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


def _similarity(a: str, b: str) -> float:
    return float(fuzz.ratio(normalise(a), normalise(b)))


class _Known:
    """Token ranges already linked, per paragraph of each article, and which
    of them are connected.  A chain that lies inside two ranges already
    connected (by this pair of articles or through others) would only add a
    link between versions already grouped, so it is not grown again: with a
    passage in k articles this keeps the work near k links instead of k²."""

    def __init__(self, docs: list[_Doc]) -> None:
        self.docs = docs
        self.ranges: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
        self.parent: list[int] = []

    def _find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _union(self, x: int, y: int) -> None:
        rx, ry = self._find(x), self._find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)

    def _roots_around(self, doc: int, lo: int, hi: int) -> set[int]:
        ranges = self.ranges.get((doc, self.docs[doc].para[lo]))
        if not ranges:
            return set()
        return {self._find(node) for s, e, node in ranges if s <= lo and hi <= e}

    def connected(self, a: int, alo: int, ahi: int, b: int, blo: int, bhi: int) -> bool:
        around_a = self._roots_around(a, alo, ahi)
        return bool(around_a) and not around_a.isdisjoint(self._roots_around(b, blo, bhi))

    def add(self, a: int, alo: int, ahi: int, b: int, blo: int, bhi: int) -> None:
        nodes = []
        for doc, lo, hi in ((a, alo, ahi), (b, blo, bhi)):
            node = len(self.parent)
            self.parent.append(node)
            ranges = self.ranges[(doc, self.docs[doc].para[lo])]
            length = hi - lo
            for s, e, other in ranges:  # the same passage, found before
                if e <= lo or s >= hi:
                    continue
                if (e if e < hi else hi) - (s if s > lo else lo) >= 0.8 * (e - s if e - s > length else length):
                    self._union(node, other)
            ranges.append((lo, hi, node))
            nodes.append(node)
        self._union(*nodes)


def _links_for_pair(
    da: _Doc, db: _Doc, a: int, b: int, seeds: list[tuple[int, int]], opts: AlignOptions, known: _Known
) -> list[_Link]:
    links: list[_Link] = []
    n = opts.ngram
    for chain in _chains(da, db, seeds, opts):
        ta0, ta1 = da.content[chain[0]], da.content[chain[1] + n - 1]
        tb0, tb1 = db.content[chain[2]], db.content[chain[3] + n - 1]
        if known.connected(a, ta0, ta1, b, tb0, tb1):
            continue
        grown = _extend(da, db, chain, opts)
        if grown is None:
            continue
        sa, ea, sb, eb, _shared = grown
        ca = _tidy(da.text, da.tokens[sa].start, da.tokens[ea].end)
        cb = _tidy(db.text, db.tokens[sb].start, db.tokens[eb].end)
        sim = _similarity(da.text[ca[0] : ca[1]], db.text[cb[0] : cb[1]])
        if sim < opts.min_similarity:
            continue
        known.add(a, sa, ea, b, sb, eb)
        links.append(_Link(a, ca[0], ca[1], b, cb[0], cb[1], sim))
    return _merge_links(links)



def _merge_links(links: list[_Link]) -> list[_Link]:
    """Two links of one pair of articles that overlap in both texts are one."""
    links.sort(key=lambda l: (l.sa, l.sb))
    merged: list[_Link] = []
    for link in links:
        for m in merged:
            if overlap(m.sa, m.ea, link.sa, link.ea) and overlap(m.sb, m.eb, link.sb, link.eb):
                m.sa, m.ea = min(m.sa, link.sa), max(m.ea, link.ea)
                m.sb, m.eb = min(m.sb, link.sb), max(m.eb, link.eb)
                m.similarity = max(m.similarity, link.similarity)
                break
        else:
            merged.append(link)
    return merged


# --- grouping --------------------------------------------------------------------


class _Sites:
    """The distinct passages found in each article: two spans are one site
    when their overlap is most of the shorter and a good part (30%) of the
    longer, so a version that quotes part of a longer passage joins it, and a
    short echo inside a long unrelated passage does not."""

    def __init__(self) -> None:
        self.spans: list[list[int]] = []  # [article, start, end]
        self.by_article: dict[int, list[int]] = defaultdict(list)

    def add(self, article: int, start: int, end: int) -> int:
        best, best_overlap = -1, 0
        length = end - start
        spans = self.spans
        for site in self.by_article[article]:
            _, s, e = spans[site]
            if e <= start or s >= end:
                continue
            ov = min(e, end) - max(s, start)
            if ov > best_overlap and 2 * ov >= min(e - s, length) and ov >= 0.3 * max(e - s, length):
                best, best_overlap = site, ov
        if best >= 0:
            span = self.spans[best]
            span[1], span[2] = min(span[1], start), max(span[2], end)
            return best
        self.spans.append([article, start, end])
        self.by_article[article].append(len(self.spans) - 1)
        return len(self.spans) - 1


def _is_quoted(doc: _Doc, start: int, end: int) -> bool:
    """Is the passage a quotation, or does it carry one: half of it inside
    quotation marks, or a quoted stretch of some 5 words or more?"""
    overlaps = [overlap(s, e, start, end) for s, e in doc.quoted]
    return sum(overlaps) >= 0.5 * (end - start) or max(overlaps, default=0) >= 30


def _content_words(doc: _Doc, start: int, end: int) -> frozenset[str]:
    lo = bisect.bisect_left(doc.starts, start)
    hi = bisect.bisect_left(doc.starts, end)
    return frozenset(doc.keys[t] for t in range(lo, hi) if doc.tokens[t].content and not doc.boilerplate[t])


def _components(members: list[int], adjacency: dict[int, list[int]]) -> list[list[int]]:
    """Connected components of the links among ``members``, each sorted."""
    inside = set(members)
    seen: set[int] = set()
    out = []
    for start in members:
        if start in seen:
            continue
        seen.add(start)
        stack, comp = [start], []
        while stack:
            site = stack.pop()
            comp.append(site)
            for other in adjacency[site]:
                if other in inside and other not in seen:
                    seen.add(other)
                    stack.append(other)
        out.append(sorted(comp))
    return out


def _contains(x: frozenset[str], y: frozenset[str], threshold: float) -> bool:
    """Does one version's set of content words mostly lie in the other's?"""
    small = min(len(x), len(y))
    return small > 0 and len(x & y) >= threshold * small


def _cohere(
    members: list[int], adjacency: dict[int, list[int]], words: dict[int, frozenset[str]], threshold: float
) -> tuple[list[list[int]], list[int]]:
    """Split a component of linked versions into groups that each read as
    one passage.  Links chain: A shares a quote with B, B's longer passage
    shares another with C, and so on, until unrelated passages meet in one
    component.  A group grows from its most linked version along links, to
    the versions whose content words mostly lie in its own or hold most of
    its own; what is left is split again.  Returns the groups and the
    versions left alone."""
    groups: list[list[int]] = []
    alone: list[int] = []
    pending = [members]
    while pending:
        comp = pending.pop()
        if len(comp) < 2:
            alone.extend(comp)
            continue
        inside = set(comp)
        rep = max(comp, key=lambda x: (sum(1 for y in adjacency[x] if y in inside), len(words[x]), -x))
        core = {rep}
        stack = [rep]
        while stack:
            x = stack.pop()
            for y in adjacency[x]:
                if y in inside and y not in core and _contains(words[y], words[rep], threshold):
                    core.add(y)
                    stack.append(y)
        groups.append(sorted(core))
        rest = [x for x in comp if x not in core]
        if rest:
            pending.extend(_components(rest, adjacency))
    return groups, alone


def _build_groups(docs: list[_Doc], links: list[_Link], opts: AlignOptions) -> list[list[tuple[int, int, int]]]:
    sites = _Sites()
    # Longest first, so a short echo never swallows the passage it echoes.
    ends = []
    for link in links:
        ends.append((link.a, link.sa, link.ea))
        ends.append((link.b, link.sb, link.eb))
    order = sorted(range(len(ends)), key=lambda i: (-(ends[i][2] - ends[i][1]), ends[i]))
    site_of = [0] * len(ends)
    for i in order:
        site_of[i] = sites.add(*ends[i])
    adjacency: dict[int, list[int]] = defaultdict(list)
    strength: dict[tuple[int, int], float] = {}
    for k, link in enumerate(links):
        u, v = site_of[2 * k], site_of[2 * k + 1]
        if u != v:
            adjacency[u].append(v)
            adjacency[v].append(u)
            strength[(u, v)] = strength[(v, u)] = max(link.similarity, strength.get((u, v), 0.0))
    words = {x: _content_words(docs[a], s, e) for x, (a, s, e) in enumerate(sites.spans)}
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    leftovers: list[int] = []
    for comp in _components(sorted(adjacency), adjacency):
        found, alone = _cohere(comp, adjacency, words, opts.min_similarity / 100)
        for members in found:
            for x in members:
                group_of[x] = len(groups)
            groups.append(members)
        leftovers.extend(alone)
    # A version left alone still has the link that found it: it joins the
    # group of the version it is most like.
    for x in sorted(leftovers):
        partners = [y for y in adjacency[x] if y in group_of]
        if partners:
            best = max(partners, key=lambda y: (strength[(x, y)], -y))
            groups[group_of[best]].append(x)
    out = []
    for members in groups:
        spans = [tuple(sites.spans[x]) for x in members]
        if len({s[0] for s in spans}) < 2:
            continue
        # Inside one group, a version inside a longer version of the same article adds nothing.
        spans.sort(key=lambda s: (s[0], s[1], -s[2]))
        kept: list[tuple[int, int, int]] = []
        for span in spans:
            if kept and kept[-1][0] == span[0] and kept[-1][1] <= span[1] and span[2] <= kept[-1][2]:
                continue
            kept.append(span)  # type: ignore[arg-type]
        out.append(kept)
    return out


_SIMILARITY_SAMPLE = 16


def _finish_group(docs: list[_Doc], spans: list[tuple[int, int, int]]) -> tuple[Kind, bool, list[float]]:
    norms = [normalise(docs[a].text[s:e]) for a, s, e in spans]
    sims = []
    n = len(spans)
    for i, (a, _, _) in enumerate(spans):
        if n - 1 > _SIMILARITY_SAMPLE:  # a very large group: an even sample of the others
            step = (n - 1) / _SIMILARITY_SAMPLE
            candidates = [(i + 1 + int(k * step)) % n for k in range(_SIMILARITY_SAMPLE)]
        else:
            candidates = range(n)
        others = [j for j in candidates if spans[j][0] != a] or [j for j in range(n) if spans[j][0] != a]
        scores = [fuzz.ratio(norms[i], norms[j]) for j in others]
        sims.append(round(sum(scores) / len(scores), 1))
    kind: Kind = "verbatim" if len(set(norms)) == 1 else "variant"
    quote = any(_is_quoted(docs[a], s, e) for a, s, e in spans)
    return kind, quote, sims


# --- the whole run -----------------------------------------------------------------


def align(
    articles: Iterable[Article], options: AlignOptions | None = None, progress: Progress | None = None
) -> Alignment:
    """Find and group the passages the articles share."""
    given = tuple(articles)
    opts = options or AlignOptions()
    # Work in an order that does not depend on the order given.
    order = sorted(range(len(given)), key=lambda i: (str(given[i].path), given[i].sha256))
    docs = [_prepare(given[i]) for i in order]
    pairs = _candidate_pairs(docs, opts)
    links: list[_Link] = []
    total = len(pairs)
    known = _Known(docs)
    for done, ((a, b), seeds) in enumerate(sorted(pairs.items())):
        links.extend(_links_for_pair(docs[a], docs[b], a, b, seeds, opts, known))
        if progress is not None:
            progress(done + 1, total)
    raw_groups = _build_groups(docs, links, opts)
    # Ids and order: by where each group first appears, articles taken by path.
    raw_groups.sort(key=lambda spans: min((s[0], s[1]) for s in spans))
    groups = []
    for number, spans in enumerate(raw_groups, 1):
        kind, quote, sims = _finish_group(docs, spans)
        passages = tuple(
            Passage(order[a], s, e, docs[a].text[s:e], sim)
            for (a, s, e), sim in sorted(zip(spans, sims), key=lambda x: (order[x[0][0]], x[0][1]))
        )
        groups.append(Group(f"g{number}", kind, quote, passages))
    if progress is not None and total == 0:
        progress(0, 0)
    return Alignment(given, tuple(groups), opts)
