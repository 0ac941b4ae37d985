"""Aligning: find the passages that several articles share, and group every
version of one passage across the outlets.

The design follows the published text-reuse detectors:

* **Candidates** (passim, TextPAIR): n-grams of content-word keys (stopwords
  left out, so dropped or inserted function words don't break them) that
  occur in at least two articles and at most a few times inside any one.
  Keys fold case, accents, possessives, transliteration and English suffixes
  (see :mod:`sidebyside.tokens`).
* **Chaining** (TextPAIR): for each pair of articles that share candidates,
  matches are chained when they lie within a bounded gap of each other in
  both texts.  Chains are found anywhere in each text, so passages that two
  outlets put in a different order are all found, unlike in an in-order diff.
* **Extension** (passim): each chain, with some context on both sides, is
  aligned word by word (rapidfuzz's Indel opcodes over the keys: the
  longest common subsequence of words); the
  best-scoring stretch of that alignment is the passage, so its edges grow
  or shrink to where the two texts really agree.  Page furniture inside an
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

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .articles import Article
from .tokens import Token, normalise, tokenize

Kind = Literal["verbatim", "variant"]


@dataclass(frozen=True)
class AlignOptions:
    min_similarity: float = 60.0  # 0–100: fuzz.ratio of two versions' normalised text
    min_words: int = 6  # words in each version of a passage
    ngram: int = 3  # content words in a candidate n-gram
    max_gap: int = 6  # content words between two candidates of one chain
    context: int = 8  # words on each side of a chain that extension may take in
    max_repeats: int = 4  # an n-gram more frequent than this inside one article is no candidate
    min_shared: int = 3  # content words the two versions must have in common

    def __post_init__(self) -> None:
        if not 0 <= self.min_similarity <= 100:
            raise ValueError("min_similarity must be between 0 and 100")
        if self.min_words < 1:
            raise ValueError("min_words must be at least 1")
        if self.ngram < 1:
            raise ValueError("ngram must be at least 1")


@dataclass(frozen=True)
class Passage:
    article: int  # index into Alignment.articles
    start: int  # character offsets into that article's text
    end: int
    text: str  # == articles[article].text[start:end]
    similarity: float  # 0–100: mean similarity to the group's versions in other articles


@dataclass(frozen=True)
class Group:
    id: str
    kind: Kind  # "verbatim": every version the same once case and punctuation are folded
    quote: bool  # some version stands inside quotation marks
    passages: tuple[Passage, ...]

    @property
    def similarity(self) -> float:
        return min(p.similarity for p in self.passages)

    @property
    def article_indexes(self) -> tuple[int, ...]:
        return tuple(sorted({p.article for p in self.passages}))


@dataclass(frozen=True)
class Alignment:
    articles: tuple[Article, ...]
    groups: tuple[Group, ...]
    options: AlignOptions = field(default_factory=AlignOptions)

    def group(self, group_id: str) -> Group:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    def passages_in(self, article: int) -> list[tuple[Passage, Group]]:
        """Every passage of one article with its group, in reading order."""
        found = [(p, g) for g in self.groups for p in g.passages if p.article == article]
        found.sort(key=lambda pg: (pg[0].start, pg[0].end))
        return found


Progress = Callable[[int, int], None]


# --- preparing the texts -----------------------------------------------------------


@dataclass
class _Doc:
    text: str
    tokens: list[Token]
    keys: list[str]  # furniture tokens get a key no other token has
    furniture: list[bool]
    content: list[int]  # indexes of content tokens outside furniture
    quoted: list[tuple[int, int]]  # spans inside quotation marks
    breaks: list[bool]  # a sentence or paragraph ends after this token


_BREAK_RE = re.compile(r"[.!?]|\n")
_OPEN_DOUBLE = "“«„"
_CLOSE_DOUBLE = "”»"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, paragraph by paragraph (a quote left
    open runs to the end of its paragraph, as in news copy)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        open_at: int | None = None
        single_at: int | None = None
        n = len(para)
        for i, ch in enumerate(para):
            if ch in _OPEN_DOUBLE and open_at is None:
                open_at = i + 1
            elif (ch in _CLOSE_DOUBLE and open_at is not None) or (ch == '"' and open_at is not None):
                spans.append((pos + open_at, pos + i))
                open_at = None
            elif ch == '"':
                open_at = i + 1
            elif ch in "‘'" and open_at is None and single_at is None:
                before = para[i - 1] if i else " "
                after = para[i + 1] if i + 1 < n else " "
                if not before.isalnum() and after.isalnum():
                    single_at = i + 1
            elif ch in "’'" and single_at is not None:
                after = para[i + 1] if i + 1 < n else " "
                if not after.isalnum():
                    spans.append((pos + single_at, pos + i))
                    single_at = None
        for start in (open_at, single_at):
            if start is not None and start < n:
                spans.append((pos + start, pos + n))
        pos += len(para) + 1
    spans.sort()
    return spans


def _prepare(article: Article) -> _Doc:
    text = article.text
    tokens = tokenize(text)
    skip = [(line.start, line.end) for line in article.lines if line.kind in ("furniture", "header")]
    furniture = [False] * len(tokens)
    keys = []
    li = 0
    for i, tok in enumerate(tokens):
        while li < len(skip) and skip[li][1] <= tok.start:
            li += 1
        if li < len(skip) and skip[li][0] <= tok.start < skip[li][1]:
            furniture[i] = True
            keys.append(f"\x00{i}")
        else:
            keys.append(tok.key)
    content = [i for i, tok in enumerate(tokens) if tok.content and not furniture[i]]
    breaks = [bool(_BREAK_RE.search(text, t.end, u.start)) for t, u in zip(tokens, tokens[1:])] + [True]
    return _Doc(text, tokens, keys, furniture, content, quoted_spans(text), breaks)


# --- candidates and chains ---------------------------------------------------------


def _candidate_pairs(docs: list[_Doc], opts: AlignOptions) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """For each pair of articles, the (content index, content index) where
    they share an n-gram."""
    n = opts.ngram
    index: dict[tuple[str, ...], list[tuple[int, list[int]]]] = defaultdict(list)
    for d, doc in enumerate(docs):
        ck = [doc.keys[t] for t in doc.content]
        local: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for j in range(len(ck) - n + 1):
            local[tuple(ck[j : j + n])].append(j)
        for gram, occ in local.items():
            if len(occ) <= opts.max_repeats:
                index[gram].append((d, occ))
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for posting in index.values():
        if len(posting) < 2:
            continue
        for x, (da, occa) in enumerate(posting):
            for db, occb in posting[x + 1 :]:
                seeds = pairs[(da, db)]
                for ja in occa:
                    for jb in occb:
                        seeds.append((ja, jb))
    return pairs


def _chains(seeds: list[tuple[int, int]], opts: AlignOptions) -> list[tuple[int, int, int, int]]:
    """Chain seeds that follow each other within the gap in both texts;
    returns (first ja, last ja, first jb, last jb) per chain."""
    seeds.sort()
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
            if -back <= dj <= gap and chain[2] - back <= jb:
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

_MATCH_CONTENT = 1.0
_MATCH_STOP = 0.4
_NEAR = 0.5
_MISMATCH = -1.0  # two different content words
_MISMATCH_STOP = -0.1  # "an" for "the"
_GAP = -0.6  # a content word only one side has
_GAP_STOP = -0.1  # a function word only one side has
_FURNITURE = -3.0


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


def _crosses_sentence(da: _Doc, db: _Doc, steps: list[tuple[float, int, int, bool]]) -> bool:
    for doc, side in ((da, 1), (db, 2)):
        toks = [s[side] for s in steps if s[side] >= 0]
        if any(doc.breaks[t] for t in toks[:-1]):
            return True
    return False


def _best_stretch(
    da: _Doc, db: _Doc, a0: int, a1: int, b0: int, b1: int
) -> tuple[float, int, int, int, int, int, bool, bool]:
    """Word-align tokens a0..a1 of ``da`` with b0..b1 of ``db`` (half open);
    return the best-scoring stretch as (score, sa, ea, sb, eb, shared
    content words, touches the start, touches the end), token ranges
    inclusive."""
    ka = da.keys[a0:a1]
    kb = db.keys[b0:b1]
    steps: list[tuple[float, int, int, bool]] = []  # score, a token, b token, content match

    def gap(doc: _Doc, t: int) -> float:
        if doc.furniture[t]:
            return _FURNITURE
        return _GAP if doc.tokens[t].content else _GAP_STOP

    for tag, i1, i2, j1, j2 in _word_opcodes(ka, kb):
        if tag == "equal":
            for k in range(i2 - i1):
                ta, tb = a0 + i1 + k, b0 + j1 + k
                content = da.tokens[ta].content
                steps.append((_MATCH_CONTENT if content else _MATCH_STOP, ta, tb, content))
        elif tag == "replace":
            m = min(i2 - i1, j2 - j1)
            for k in range(m):
                ta, tb = a0 + i1 + k, b0 + j1 + k
                if da.furniture[ta] or db.furniture[tb]:
                    steps.append((_FURNITURE, ta, tb, False))
                elif _near(da.keys[ta], db.keys[tb]):
                    steps.append((_NEAR, ta, tb, da.tokens[ta].content))
                elif not da.tokens[ta].content and not db.tokens[tb].content:
                    steps.append((_MISMATCH_STOP, ta, tb, False))
                else:
                    steps.append((_MISMATCH, ta, tb, False))
            for k in range(i1 + m, i2):
                steps.append((gap(da, a0 + k), a0 + k, -1, False))
            for k in range(j1 + m, j2):
                steps.append((gap(db, b0 + k), -1, b0 + k, False))
        elif tag == "delete":
            for k in range(i1, i2):
                steps.append((gap(da, a0 + k), a0 + k, -1, False))
        elif tag == "insert":
            for k in range(j1, j2):
                steps.append((gap(db, b0 + k), -1, b0 + k, False))
    # Kadane: the stretch of steps with the highest total.
    best = 0.0
    best_range = (0, -1)
    cur = 0.0
    cur_start = 0
    for i, step in enumerate(steps):
        if cur <= 0:
            cur, cur_start = 0.0, i
        cur += step[0]
        if cur > best:
            best, best_range = cur, (cur_start, i)
    lo, hi = best_range
    if hi < lo:
        return 0.0, 0, -1, 0, -1, 0, False, False
    # Past the first and last two words in a row that both texts share, a
    # stretch with lone shared words may only stay inside one sentence: across
    # a sentence end ("…approach," Lavrov added / …approach." Details: Lavrov
    # also added) the texts have already parted.
    solid = [i for i in range(lo, hi) if steps[i][0] >= _MATCH_STOP and steps[i + 1][0] >= _MATCH_STOP]
    if solid:
        first, last = solid[0], solid[-1] + 1
        if _crosses_sentence(da, db, steps[lo : first + 1]):
            lo = first
        if _crosses_sentence(da, db, steps[last : hi + 1]):
            hi = last
    stretch = steps[lo : hi + 1]
    a_tok = [s[1] for s in stretch if s[1] >= 0 and s[2] >= 0]
    b_tok = [s[2] for s in stretch if s[1] >= 0 and s[2] >= 0]
    shared = sum(1 for s in stretch if s[3])
    sa, ea, sb, eb = a_tok[0], a_tok[-1], b_tok[0], b_tok[-1]
    at_start = (sa == a0 and a0 > 0) or (sb == b0 and b0 > 0)
    at_end = (ea == a1 - 1 and a1 < len(da.tokens)) or (eb == b1 - 1 and b1 < len(db.tokens))
    return best, sa, ea, sb, eb, shared, at_start, at_end


_OPENERS = {"]": "[", ")": "(", "”": "“", "»": "«"}


def _tidy(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a bracket or quotation mark that the passage opens or closes
    but leaves outside its edges."""
    body = text[start:end]
    for close, open_ in _OPENERS.items():
        opens, closes = body.count(open_), body.count(close)
        if opens > closes and end < len(text) and text[end] == close:
            end += 1
            body = text[start:end]
        elif closes > opens and start > 0 and text[start - 1] == open_:
            start -= 1
            body = text[start:end]
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
    ctx = opts.context
    left = right = ctx
    for _ in range(6):
        a0, a1 = max(0, ta0 - left), min(len(da.tokens), ta1 + 1 + right)
        b0, b1 = max(0, tb0 - left), min(len(db.tokens), tb1 + 1 + right)
        score, sa, ea, sb, eb, shared, at_start, at_end = _best_stretch(da, db, a0, a1, b0, b1)
        if ea < sa:
            return None
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


def _links_for_pair(da: _Doc, db: _Doc, a: int, b: int, seeds, opts: AlignOptions) -> list[_Link]:
    links: list[_Link] = []
    seen: set[tuple[int, int, int, int]] = set()
    for chain in _chains(seeds, opts):
        grown = _extend(da, db, chain, opts)
        if grown is None:
            continue
        sa, ea, sb, eb, _shared = grown
        if (sa, ea, sb, eb) in seen:
            continue
        seen.add((sa, ea, sb, eb))
        ca = _tidy(da.text, da.tokens[sa].start, da.tokens[ea].end)
        cb = _tidy(db.text, db.tokens[sb].start, db.tokens[eb].end)
        sim = _similarity(da.text[ca[0] : ca[1]], db.text[cb[0] : cb[1]])
        if sim < opts.min_similarity:
            continue
        links.append(_Link(a, ca[0], ca[1], b, cb[0], cb[1], sim))
    return _merge_links(links)


def _overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    return max(0, min(e1, e2) - max(s1, s2))


def _merge_links(links: list[_Link]) -> list[_Link]:
    """Two links of one pair of articles that overlap in both texts are one."""
    links.sort(key=lambda l: (l.sa, l.sb))
    merged: list[_Link] = []
    for link in links:
        for m in merged:
            if _overlap(m.sa, m.ea, link.sa, link.ea) and _overlap(m.sb, m.eb, link.sb, link.eb):
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
        best, best_overlap = -1, 0.0
        for site in self.by_article[article]:
            _, s, e = self.spans[site]
            ov = _overlap(s, e, start, end)
            if ov and ov >= 0.5 * min(e - s, end - start) and ov >= 0.3 * max(e - s, end - start):
                if ov > best_overlap:
                    best, best_overlap = site, ov
        if best >= 0:
            span = self.spans[best]
            span[1], span[2] = min(span[1], start), max(span[2], end)
            return best
        self.spans.append([article, start, end])
        self.by_article[article].append(len(self.spans) - 1)
        return len(self.spans) - 1


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _is_quoted(doc: _Doc, start: int, end: int) -> bool:
    inside = sum(_overlap(s, e, start, end) for s, e in doc.quoted)
    return inside >= 0.5 * (end - start)


def _build_groups(docs: list[_Doc], links: list[_Link]) -> list[list[tuple[int, int, int]]]:
    sites = _Sites()
    # Longest first, so a short echo never swallows the passage it echoes.
    ends = []
    for link in links:
        ends.append((link.a, link.sa, link.ea))
        ends.append((link.b, link.sb, link.eb))
    order = sorted(range(len(ends)), key=lambda i: -(ends[i][2] - ends[i][1]))
    site_of = [0] * len(ends)
    for i in order:
        site_of[i] = sites.add(*ends[i])
    parent = list(range(len(sites.spans)))
    for k in range(len(links)):
        ra, rb = _find(parent, site_of[2 * k]), _find(parent, site_of[2 * k + 1])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    components: dict[int, list[int]] = defaultdict(list)
    for site in range(len(sites.spans)):
        components[_find(parent, site)].append(site)
    groups = []
    for members in components.values():
        spans = [tuple(sites.spans[s]) for s in members]
        if len({s[0] for s in spans}) < 2:
            continue
        # Inside one group, a version inside a longer version of the same article adds nothing.
        spans.sort(key=lambda s: (s[0], s[1], -s[2]))
        kept: list[tuple[int, int, int]] = []
        for span in spans:
            if kept and kept[-1][0] == span[0] and kept[-1][1] <= span[1] and span[2] <= kept[-1][2]:
                continue
            kept.append(span)  # type: ignore[arg-type]
        groups.append(kept)
    return groups


def _finish_group(docs: list[_Doc], spans: list[tuple[int, int, int]]) -> tuple[Kind, bool, list[float]]:
    norms = [normalise(docs[a].text[s:e]) for a, s, e in spans]
    sims = []
    for i, (a, _, _) in enumerate(spans):
        others = [fuzz.ratio(norms[i], norms[j]) for j, (b, _, _) in enumerate(spans) if b != a]
        sims.append(round(sum(others) / len(others), 1))
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
    for done, ((a, b), seeds) in enumerate(sorted(pairs.items())):
        links.extend(_links_for_pair(docs[a], docs[b], a, b, seeds, opts))
        if progress is not None:
            progress(done + 1, total)
    raw_groups = _build_groups(docs, links)
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
