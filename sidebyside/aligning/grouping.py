"""Grouping: links between passage pairs, merged per pair of articles; the
distinct passages (sites) of each article; versions linked into groups that
each read as one passage; each group's kind, quote flag and similarities.

Similarities are 0–100 here as everywhere."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Kind, overlap
from .candidates import chains
from .documents import Doc
from .extension import extend, similarity, tidy
from .options import AlignOptions
from .tokens import normalise


@dataclass
class Link:
    a: int
    sa: int
    ea: int
    b: int
    sb: int
    eb: int
    similarity: float


class Known:
    """Token ranges already linked, per paragraph of each article, and which
    of them are connected.  A chain that lies inside two ranges already
    connected (by this pair of articles or through others) would only add a
    link between versions already grouped, so it is not grown again: with a
    passage in k articles this keeps the work near k links instead of k²."""

    def __init__(self, docs: list[Doc]) -> None:
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
                if (min(hi, e)) - (max(lo, s)) >= 0.8 * (max(length, e - s)):
                    self._union(node, other)
            ranges.append((lo, hi, node))
            nodes.append(node)
        self._union(*nodes)


def links_for_pair(
    da: Doc, db: Doc, a: int, b: int, seeds: list[tuple[int, int]], opts: AlignOptions, known: Known
) -> list[Link]:
    links: list[Link] = []
    n = opts.ngram
    for chain in chains(da, db, seeds, opts):
        ta0, ta1 = da.content[chain[0]], da.content[chain[1] + n - 1]
        tb0, tb1 = db.content[chain[2]], db.content[chain[3] + n - 1]
        if known.connected(a, ta0, ta1, b, tb0, tb1):
            continue
        grown = extend(da, db, chain, opts)
        if grown is None:
            continue
        sa, ea, sb, eb, _shared = grown
        ca = tidy(da.text, da.tokens[sa].start, da.tokens[ea].end)
        cb = tidy(db.text, db.tokens[sb].start, db.tokens[eb].end)
        sim = similarity(da.text[ca[0] : ca[1]], db.text[cb[0] : cb[1]])
        if sim < opts.min_similarity:
            continue
        known.add(a, sa, ea, b, sb, eb)
        links.append(Link(a, ca[0], ca[1], b, cb[0], cb[1], sim))
    return _merge_links(links)


def _merge_links(links: list[Link]) -> list[Link]:
    """Two links of one pair of articles that overlap in both texts are one."""
    links.sort(key=lambda link: (link.sa, link.sb))
    merged: list[Link] = []
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


def _is_quoted(doc: Doc, start: int, end: int) -> bool:
    """Is the passage a quotation, or does it carry one: half of it inside
    quotation marks, or a quoted stretch of some 5 words or more?"""
    overlaps = [overlap(s, e, start, end) for s, e in doc.quoted]
    return sum(overlaps) >= 0.5 * (end - start) or max(overlaps, default=0) >= 30


def _content_words(doc: Doc, start: int, end: int) -> frozenset[str]:
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
    """Does one version's set of content words mostly lie in the other's:
    at least ``threshold`` (0–100) per cent of the smaller set?"""
    small = min(len(x), len(y))
    return small > 0 and 100 * len(x & y) >= threshold * small


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


def build_groups(docs: list[Doc], links: list[Link], opts: AlignOptions) -> list[list[tuple[int, int, int]]]:
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
        found, alone = _cohere(comp, adjacency, words, opts.min_similarity)
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


def finish_group(docs: list[Doc], spans: list[tuple[int, int, int]]) -> tuple[Kind, bool, list[float]]:
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
