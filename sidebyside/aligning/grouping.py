"""Grouping: links between passage pairs, merged per pair of articles; the
distinct passages (sites) of each article; versions linked into groups that
each read as one passage; each group's kind, quote flag and similarities.

Similarities are 0–100 here as everywhere."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import compress

from rapidfuzz import fuzz

from ..model import Kind, overlap
from .candidates import Seeds, chains
from .documents import Doc
from .extension import (
    content_flags,
    end_of,
    ends_inside_quotation,
    extend,
    other_speakers,
    quotations_run_on,
    sentence_bounds,
    similarity,
    similarity_of,
    snap,
    states_something,
    tidy,
    with_its_attribution,
)
from .options import AlignOptions
from .rewording import same_news
from .tokens import fold_punctuation, normalise


@dataclass
class Link:
    """Two passages, one in each of two articles: character spans (half
    open), token ranges (inclusive), similarity (0–100)."""

    a: int
    sa: int
    ea: int
    b: int
    sb: int
    eb: int
    similarity: float
    ta: tuple[int, int] = (0, -1)
    tb: tuple[int, int] = (0, -1)


@dataclass
class Repeat:
    """A stretch that repeats, inside its own article, a passage of a link:
    ``side`` 0 is the link's passage in article ``a``, 1 in ``b``."""

    article: int
    start: int
    end: int
    link: Link
    side: int
    similarity: float


class Known:
    """Token ranges already linked, per paragraph of each article, and which
    of them are connected.  A chain that lies inside two ranges already
    connected (by this pair of articles or through others) would only add a
    link between versions already grouped, so it is not grown again: with a
    passage in k articles this keeps the work near k links instead of k².
    A range spanning several paragraphs is listed under each."""

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
        ranges = self.ranges.get((b, self.docs[b].para[blo]))
        if not ranges:
            return False
        # (the ranges of b around the tokens first: most chains have none)
        around_b = [node for s, e, node in ranges if s <= blo and bhi <= e]
        if not around_b:
            return False
        around_a = self._roots_around(a, alo, ahi)
        if not around_a:
            return False
        find = self._find
        return any(find(node) in around_a for node in around_b)

    def add(self, a: int, alo: int, ahi: int, b: int, blo: int, bhi: int) -> None:
        nodes = []
        for doc, lo, hi in ((a, alo, ahi), (b, blo, bhi)):
            node = len(self.parent)
            self.parent.append(node)
            para = self.docs[doc].para
            length = hi - lo
            for p in range(para[lo], para[hi] + 1):
                ranges = self.ranges[(doc, p)]
                for s, e, other in ranges:  # the same passage, found before
                    if e <= lo or s >= hi:
                        continue
                    if (min(hi, e)) - (max(lo, s)) >= 0.8 * (max(length, e - s)):
                        self._union(node, other)
                ranges.append((lo, hi, node))
            nodes.append(node)
        self._union(*nodes)


def links_for_pair(
    da: Doc,
    db: Doc,
    a: int,
    b: int,
    seeds: Seeds,
    opts: AlignOptions,
    known: Known,
    extra: list[Link] = (),  # type: ignore[assignment]
) -> tuple[list[Link], list[Repeat]]:
    """The passages two articles share, one link per reuse, and the
    stretches that repeat one of them inside its own article."""
    links: list[Link] = list(extra)
    n = opts.ngram
    for chain in chains(da, db, seeds, opts):
        ta0, ta1 = da.content[chain[0]], da.content[chain[1] + n - 1]
        tb0, tb1 = db.content[chain[2]], db.content[chain[3] + n - 1]
        if da.in_title(ta0) != db.in_title(tb0):
            continue  # a headline aligns with headlines only
        if known.connected(a, ta0, ta1, b, tb0, tb1):
            continue
        grown = extend(da, db, chain, opts)
        if grown is None:
            continue
        snapped = snap(da, db, *grown[:4], opts)
        if snapped is None:
            continue
        sa, ea, sb, eb, ca0, ca1, cb0, cb1, sim = snapped
        known.add(a, sa, ea, b, sb, eb)
        links.append(Link(a, ca0, ca1, b, cb0, cb1, sim, (sa, ea), (sb, eb)))
    return resolve_pair(da, db, links, opts)


def sentence_links(
    da: Doc, db: Doc, a: int, b: int, spans: list[tuple[int, int, int, int]], opts: AlignOptions
) -> list[Link]:
    """Links for whole sentences found to carry one statement (token ranges,
    inclusive), those similar enough."""
    links = []
    for alo, ahi, blo, bhi in spans:
        if other_speakers(da, alo, ahi, db, blo, bhi) or not states_something(da, alo, ahi, db, blo, bhi):
            continue
        ca = tidy(da.text, da.tokens[alo].start, end_of(da, ahi))
        cb = tidy(db.text, db.tokens[blo].start, end_of(db, bhi))
        sim = similarity(da.text[ca[0] : ca[1]], db.text[cb[0] : cb[1]])
        if sim >= opts.min_similarity:
            links.append(Link(a, ca[0], ca[1], b, cb[0], cb[1], sim, (alo, ahi), (blo, bhi)))
    return links


def lede_links(da: Doc, db: Doc, a: int, b: int, links: list[Link], opts: AlignOptions) -> list[Link]:
    """The pair's links with one between the two articles' ledes, each
    written in its own words (:func:`.rewording.same_news`), when the
    articles share another passage: the ledes whole in place of a link that
    holds only part of each (a clause both kept); the thresholds as for any
    link.  The links as they were when a lede is part of a longer passage,
    or the ledes are not alike enough."""
    if not links or (span := same_news(da, db, opts)) is None:
        return links
    sa, ea = da.starts[span[0]], end_of(da, span[1])
    sb, eb = db.starts[span[2]], end_of(db, span[3])
    inside = []
    for x in links:
        if overlap(sa, ea, x.sa, x.ea) or overlap(sb, eb, x.sb, x.eb):
            if not (sa <= x.sa and x.ea <= ea and sb <= x.sb and x.eb <= eb):
                return links
            inside.append(x)
    found = sentence_links(da, db, a, b, [span], opts) if len(inside) < len(links) else []
    if not found:
        return links  # (not alike enough, or the articles share nothing but the ledes)
    return [x for x in links if x not in inside] + found


def _gap_is_empty(doc: Doc, end: int, start: int) -> bool:
    """Is there no word, nor page boilerplate, between two character offsets?"""
    if start < end:
        return False
    lo = bisect.bisect_left(doc.starts, end)
    return lo >= len(doc.starts) or doc.starts[lo] >= start


def _span_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The tokens (inclusive) inside a character span."""
    return bisect.bisect_left(doc.starts, start), bisect.bisect_left(doc.starts, end) - 1


def _union_link(da: Doc, db: Doc, x: Link, y: Link, opts: AlignOptions) -> Link | None:
    """The link covering both, if its passages are still similar enough."""
    # The whole balanced again: a quote's last sentence joined on may leave
    # its closing mark outside ('"… ERT. "The passengers behaved … calm.').
    sa, ea = tidy(da.text, min(x.sa, y.sa), max(x.ea, y.ea))
    sb, eb = tidy(db.text, min(x.sb, y.sb), max(x.eb, y.eb))
    if x.sa == sa and x.ea == ea and x.sb == sb and x.eb == eb:
        return x
    sim = similarity(da.text[sa:ea], db.text[sb:eb])
    if sim < opts.min_similarity:
        return None
    return Link(x.a, sa, ea, x.b, sb, eb, sim, _span_tokens(da, sa, ea), _span_tokens(db, sb, eb))


def _says_again(da: Doc, db: Doc, link: Link, kept: Link, in_a: bool) -> bool:
    """Does the link's passage in the text where it does not overlap the
    kept link give again the kept link's words there ('"No child will spend
    another winter in a cold classroom," Mayor Tom Hale said. He spoke for
    twenty minutes. "No child will spend …"'): a phrase said twice, a
    repeat, not the next piece of one reuse?"""
    doc, (s, e), (ks, ke) = (
        (db, (link.sb, link.eb), (kept.sb, kept.eb)) if in_a else (da, (link.sa, link.ea), (kept.sa, kept.ea))
    )
    return fuzz.partial_ratio(normalise(doc.text[s:e]), normalise(doc.text[ks:ke])) >= 90


def _same_paragraphs(da: Doc, db: Doc, x: Link, y: Link) -> bool:
    """Do the two links lie in one and the same paragraph of each text?"""
    pa, pb = da.para, db.para
    return pa[x.ta[0]] == pa[x.ta[1]] == pa[y.ta[0]] == pa[y.ta[1]] and (
        pb[x.tb[0]] == pb[x.tb[1]] == pb[y.tb[0]] == pb[y.tb[1]]
    )


def _nested(s: int, e: int, outer_s: int, outer_e: int) -> bool:
    return overlap(s, e, outer_s, outer_e) >= 0.8 * (e - s)


def resolve_pair(da: Doc, db: Doc, links: list[Link], opts: AlignOptions) -> tuple[list[Link], list[Repeat]]:
    """One link per reuse between two articles.  Strongest first (length
    times similarity): a link overlapping a kept one in both texts, or
    following it at once in both (a paragraph break between), is joined to
    it when the whole is still similar enough; a link whose passage in one
    text lies inside a kept one's while its passage in the other text lies
    elsewhere is a repeat of the kept passage there (a pull-quote, a phrase
    said twice); any other overlap is dropped, so no two passages of this
    pair overlap."""
    order = sorted(links, key=lambda x: (-(x.ea - x.sa + x.eb - x.sb) * x.similarity, x.sa, x.sb))
    kept: list[Link] = []
    repeats: list[Repeat] = []
    for link in order:
        placed = False
        for k, other in enumerate(kept):
            in_a = overlap(link.sa, link.ea, other.sa, other.ea) > 0
            in_b = overlap(link.sb, link.eb, other.sb, other.eb) > 0
            if in_a and in_b:
                joined = _union_link(da, db, other, link, opts)
                if joined is not None:
                    kept[k] = joined
                placed = True
                break
            if in_a or in_b:
                if _same_paragraphs(da, db, link, other) and not _says_again(da, db, link, other, in_a):
                    # Pieces of one reuse that overlap in one text: a quote
                    # one outlet cuts after its first sentence, its
                    # attribution following it there and the whole quote in
                    # the other ('"A. B. C," X said.' / '"A," X said.').
                    joined = _union_link(da, db, other, link, opts)
                    if joined is not None:
                        kept[k] = joined
                        placed = True
                        break
                if in_a and _nested(link.sa, link.ea, other.sa, other.ea):
                    repeats.append(Repeat(link.b, link.sb, link.eb, other, 1, link.similarity))
                elif in_b and _nested(link.sb, link.eb, other.sb, other.eb):
                    repeats.append(Repeat(link.a, link.sa, link.ea, other, 0, link.similarity))
                placed = True
                break
        if not placed:
            kept.append(link)
    # Passages that follow each other at once in both texts are one.
    kept.sort(key=lambda x: (x.sa, x.sb))
    out: list[Link] = []
    for link in kept:
        last = out[-1] if out else None
        if (
            last is not None
            and _gap_is_empty(da, last.ea, link.sa)
            and _gap_is_empty(db, last.eb, link.sb)
            and da.in_title(last.ta[0]) == da.in_title(link.ta[0])
        ):
            joined = _union_link(da, db, last, link, opts)
            if joined is not None:
                for r in repeats:
                    if r.link is last or r.link is link:
                        r.link = joined
                out[-1] = joined
                continue
        out.append(link)
    out = _join_pieces(da, db, out, repeats, opts)
    live = {id(x) for x in out}
    found = []
    for r in repeats:
        if id(r.link) not in live:  # its link was joined into another
            old = r.link
            r.link = next(
                (x for x in out if overlap(x.sa, x.ea, old.sa, old.ea) and overlap(x.sb, x.eb, old.sb, old.eb)), old
            )
        if id(r.link) in live and not any(
            overlap(r.start, r.end, *((x.sa, x.ea) if r.article == x.a else (x.sb, x.eb))) for x in out
        ):
            found.append(r)
    for x in out:
        others = [y for y in out if y is not x]
        _grow_by_sentences(da, db, x, others, opts)
        _run_to_quotation_ends(da, db, x, others, opts)
        _take_attributions(da, db, x, others, opts)
    return out, found


def _take_attributions(da: Doc, db: Doc, link: Link, others: list[Link], opts: AlignOptions) -> None:
    """A passage that ends with its quotation, the rest of its sentence only
    saying who said it ('…," Chief Executive Daniel Hartigan said in a
    statement.'), takes that in, when the link then meets no other link of
    the pair and is still similar enough."""
    ha, hb = with_its_attribution(da, link.ta[1]), with_its_attribution(db, link.tb[1])
    if ha is None and hb is None:
        return
    ta, (sa, ea) = (
        (link.ta, (link.sa, link.ea)) if ha is None else ((link.ta[0], ha), tidy(da.text, link.sa, end_of(da, ha)))
    )
    tb, (sb, eb) = (
        (link.tb, (link.sb, link.eb)) if hb is None else ((link.tb[0], hb), tidy(db.text, link.sb, end_of(db, hb)))
    )
    _widen(da, db, link, others, (ta, sa, ea), (tb, sb, eb), opts)


def _run_to_quotation_ends(da: Doc, db: Doc, link: Link, others: list[Link], opts: AlignOptions) -> None:
    """A link whose passages each open a quotation and stop inside it runs
    to the quotations' ends (:func:`.extension.quotations_run_on`: 'Wróbel
    said: "I will not cling to power.' / '… said: "I am not going to hold
    on to power at any price.', a speech translated twice), when it then
    meets no other link of the pair and is still similar enough."""
    whole = quotations_run_on(da, link.sa, link.ea, link.ta[1], db, link.sb, link.eb, link.tb[1])
    if whole is None:
        return
    (ta, sa, ea), (tb, sb, eb) = whole
    _widen(da, db, link, others, ((link.ta[0], ta), sa, ea), ((link.tb[0], tb), sb, eb), opts)


def _widen(
    da: Doc,
    db: Doc,
    link: Link,
    others: list[Link],
    side_a: tuple[tuple[int, int], int, int],
    side_b: tuple[tuple[int, int], int, int],
    opts: AlignOptions,
) -> None:
    """The link given these wider passages (tokens, start, end in each
    text), when they meet no other link of the pair and are still similar
    enough."""
    (ta, sa, ea), (tb, sb, eb) = side_a, side_b
    if any(overlap(y.sa, y.ea, sa, ea) or overlap(y.sb, y.eb, sb, eb) for y in others):
        return
    sim = similarity(da.text[sa:ea], db.text[sb:eb])
    if sim >= opts.min_similarity:
        link.sa, link.ea, link.sb, link.eb, link.similarity, link.ta, link.tb = sa, ea, sb, eb, sim, ta, tb


def _join_pieces(da: Doc, db: Doc, links: list[Link], repeats: list[Repeat], opts: AlignOptions) -> list[Link]:
    """Links of one pair of articles that are pieces of one reuse (see
    :func:`_pieces_of_one_reuse`) are joined into one link over the pieces
    and what lies between, when the whole is still similar enough."""
    out = links
    for cluster in _pieces_of_one_reuse(da, db, links):
        joined: Link | None = cluster[0]
        for piece in cluster[1:]:
            joined = _union_link(da, db, joined, piece, opts) if joined is not None else None
        if joined is None or len({da.in_title(x.ta[0]) for x in cluster}) > 1:
            continue
        gone = {id(x) for x in cluster}
        for r in repeats:
            if id(r.link) in gone:
                r.link = joined
        out = [x for x in out if id(x) not in gone] + [joined]
    out.sort(key=lambda x: (x.sa, x.sb))
    return out


def _pieces_of_one_reuse(da: Doc, db: Doc, links: list[Link]) -> list[list[Link]]:
    """The links, two or more at a time, chained as pieces of one reuse.
    Two links are pieces of one when

    * they share a sentence in one text and begin in the same paragraph of
      each, in whatever order (an attribution moved from the middle of a
      quote to its end: apart, each would end inside the sentence); or
    * they come in the same order in both texts, with no other link and no
      whole paragraph between them in either, and share a sentence in one
      text (a quote cut with "[...]" in one, carried over a paragraph break
      in the other) or begin in the same paragraph of each with no whole
      sentence between them (a phrase one text drops).

    Whole sentences in another order, or with a sentence of one text's own
    between them that the other does not mark as cut ("…", "[...]"), stay
    passages of their own."""
    if len(links) < 2:
        return []
    spans = [(_sentence_indexes(da, *x.ta), _sentence_indexes(db, *x.tb)) for x in links]

    def pieces(i: int, j: int) -> bool:
        x, y = links[i], links[j]
        sharing = _meet(spans[i][0], spans[j][0]) or _meet(spans[i][1], spans[j][1])
        same_paragraphs = (da.para[x.ta[0]], db.para[x.tb[0]]) == (da.para[y.ta[0]], db.para[y.tb[0]])
        if sharing and same_paragraphs:
            return True
        if not (sharing or same_paragraphs) or (x.sa < y.sa) != (x.sb < y.sb):
            return False
        first, then = (x, y) if x.sa < y.sa else (y, x)
        between = (first.ta[1] + 1, then.ta[0]), (first.tb[1] + 1, then.tb[0])
        if any(overlap(z.sa, z.ea, first.ea, then.sa) > 0 or overlap(z.sb, z.eb, first.eb, then.sb) > 0 for z in links):
            return False
        if _holds_whole_paragraph(da, *between[0]) or _holds_whole_paragraph(db, *between[1]):
            return False
        if sharing:
            return True
        # Sentences between them in one text only where the other marks a cut ("… purse … A sentence").
        whole_a, whole_b = _holds_whole_sentence(da, *between[0]), _holds_whole_sentence(db, *between[1])
        if whole_a and whole_b:
            return False
        if whole_a:
            return _CUT_MARK.search(db.text, first.eb, then.sb) is not None
        if whole_b:
            return _CUT_MARK.search(da.text, first.ea, then.sa) is not None
        return True

    clusters: list[list[int]] = []
    for i in range(len(links)):
        touching = [c for c in clusters if any(pieces(j, i) for j in c)]
        merged = [i] + [j for c in touching for j in c]
        clusters = [c for c in clusters if c not in touching] + [merged]
    return [[links[j] for j in sorted(c)] for c in clusters if len(c) > 1]


_CUT_MARK = re.compile(r"…|\.\.\.|\[…\]|\[\.\.\.\]")  # where a quotation's words were left out


def _sentence_indexes(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """The sentences tokens lo..hi (inclusive) run over, by number."""
    return bisect.bisect_right(doc.sentence_starts, lo), bisect.bisect_right(doc.sentence_starts, hi)


def _meet(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] <= y[1] and y[0] <= x[1]


def _holds_whole_paragraph(doc: Doc, lo: int, hi: int) -> bool:
    """Does a whole paragraph lie among tokens lo..hi (half open)?"""
    if lo >= hi:
        return False
    return any(lo <= s and e <= hi for s, e in doc.para_bounds[doc.para[lo] : doc.para[hi - 1] + 1])


def _holds_whole_sentence(doc: Doc, lo: int, hi: int) -> bool:
    """Does a whole sentence lie among tokens lo..hi (half open)?"""
    starts = doc.sentence_starts
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi and doc.sentence_of(starts[k])[1] <= hi


def _grow_by_sentences(da: Doc, db: Doc, link: Link, others: list[Link], opts: AlignOptions) -> None:
    """Take in the next (and the previous) sentence of both texts while they
    follow the passage at once in both and read alike: a quotation's short
    last paragraph, a line too short to be found on its own.  The link keeps
    its old extent if the whole would not be similar enough."""
    (lo_a, hi_a), (lo_b, hi_b) = link.ta, link.tb
    grew = False
    # Each token's sentence, (first, past the last): Doc.sentence_of as two lookups.
    (first_a, after_a), (first_b, after_b) = sentence_bounds(da), sentence_bounds(db)
    region_a, region_b = da.region(lo_a), db.region(lo_b)
    keys_a, keys_b, flags_a, flags_b = da.keys, db.keys, content_flags(da), content_flags(db)
    for forward in (True, False):
        while True:
            if forward:
                na, nb = hi_a + 1, hi_b + 1
                if na >= len(da.tokens) or nb >= len(db.tokens):
                    break
            else:
                na, nb = lo_a - 1, lo_b - 1
                if na < 0 or nb < 0:
                    break
            if da.boilerplate[na] or db.boilerplate[nb]:
                break
            if da.region(na) != region_a or db.region(nb) != region_b:
                break
            sa0, sa1, sb0, sb1 = first_a[na], after_a[na], first_b[nb], after_b[nb]
            if forward and (sa0 != na or sb0 != nb) or not forward and (sa1 != na + 1 or sb1 != nb + 1):
                break
            if forward:  # (sentences that each open a quotation going on: to its end)
                whole = quotations_run_on(
                    da, da.starts[sa0], end_of(da, sa1 - 1), sa1 - 1, db, db.starts[sb0], end_of(db, sb1 - 1), sb1 - 1
                )
                if whole is not None:
                    sa1, sb1 = whole[0][0] + 1, whole[1][0] + 1
                elif (da.para[sa0] != da.para[hi_a] or db.para[sb0] != db.para[hi_b]) and (
                    ends_inside_quotation(da, sa1 - 1) and ends_inside_quotation(db, sb1 - 1)
                ):
                    break  # (the first sentence of the next paragraph's quotation, going on in both: not cut after it)
            # (the two sentences share no content word)
            if set(compress(keys_a[sa0:sa1], flags_a[sa0:sa1])).isdisjoint(compress(keys_b[sb0:sb1], flags_b[sb0:sb1])):
                break
            a_text = da.text[da.starts[sa0] : da.tokens[sa1 - 1].end]
            b_text = db.text[db.starts[sb0] : db.tokens[sb1 - 1].end]
            if similarity(a_text, b_text) < opts.min_similarity:
                break
            new_a = (lo_a, sa1 - 1) if forward else (sa0, hi_a)
            new_b = (lo_b, sb1 - 1) if forward else (sb0, hi_b)
            if any(
                y.ta[0] <= new_a[1] and new_a[0] <= y.ta[1] or y.tb[0] <= new_b[1] and new_b[0] <= y.tb[1]
                for y in others
            ):
                break
            (lo_a, hi_a), (lo_b, hi_b) = new_a, new_b
            region_a, region_b = da.region(lo_a), db.region(lo_b)
            grew = True
    if not grew:
        return
    ca = tidy(da.text, da.tokens[lo_a].start, end_of(da, hi_a))
    cb = tidy(db.text, db.tokens[lo_b].start, end_of(db, hi_b))
    sim = similarity(da.text[ca[0] : ca[1]], db.text[cb[0] : cb[1]])
    if sim >= opts.min_similarity:
        link.sa, link.ea, link.sb, link.eb, link.similarity = ca[0], ca[1], cb[0], cb[1], sim
        link.ta, link.tb = (lo_a, hi_a), (lo_b, hi_b)


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
            span = spans[site]
            if span[2] <= start or span[1] >= end:
                continue
            s, e = span[1], span[2]
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
    quoted = doc.quoted
    # Only the quotations from the first that may end after ``start`` (see
    # _quote_reach) to the last that begins before ``end`` can overlap it.
    first = bisect.bisect_right(_quote_reach(doc), start)
    last = bisect.bisect_left(quoted, (end,))
    overlaps = [overlap(s, e, start, end) for s, e in quoted[first:last]]
    return sum(overlaps) >= 0.5 * (end - start) or max(overlaps, default=0) >= 30


def _quote_reach(doc: Doc) -> list[int]:
    """For each quotation (in order of start), the furthest end of it and
    those before it (worked out once per document)."""
    found = doc.cache.get("quote reach")
    if found is None:
        found = doc.cache["quote reach"] = list(itertools.accumulate((e for _, e in doc.quoted), max))
    return found


def _content_words(doc: Doc, start: int, end: int) -> frozenset[str]:
    lo = bisect.bisect_left(doc.starts, start)
    hi = bisect.bisect_left(doc.starts, end)
    flags = doc.cache.get("content outside boilerplate")
    if flags is None:
        flags = doc.cache["content outside boilerplate"] = bytearray(content_flags(doc))
        for t in compress(range(len(flags)), doc.boilerplate):
            flags[t] = 0
    return frozenset(compress(doc.keys[lo:hi], flags[lo:hi]))


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
        rep = max(comp, key=lambda x: (sum(map(inside.__contains__, adjacency[x])), len(words[x]), -x))
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


Span = tuple[int, int, int]  # article, start, end
Rep = tuple[int, int, int, float]  # article, start, end, similarity


def build_groups(
    docs: list[Doc], links: list[Link], repeats: list[Repeat], opts: AlignOptions
) -> list[tuple[list[Span], list[Rep]]]:
    """Every version of each passage across the articles, with the
    stretches that repeat a version inside its own article."""
    sites = _Sites()
    # Longest first, so a short echo never swallows the passage it echoes.
    ends = []
    for link in links:
        ends.append((link.a, link.sa, link.ea))
        ends.append((link.b, link.sb, link.eb))
    order = sorted(range(len(ends)), key=[(s - e, a, s, e) for a, s, e in ends].__getitem__)
    site_of = [0] * len(ends)
    for i in order:
        site_of[i] = sites.add(*ends[i])
    link_index = {id(link): k for k, link in enumerate(links)}
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
            group_of[x] = group_of[best]
            groups[group_of[best]].append(x)
    reps_of: dict[int, list[Rep]] = defaultdict(list)
    for r in repeats:
        k = link_index.get(id(r.link))
        if k is None:
            continue
        g = group_of.get(site_of[2 * k + r.side])
        if g is not None:
            reps_of[g].append((r.article, r.start, r.end, r.similarity))
    out = []
    for g, members in enumerate(groups):
        spans = [tuple(sites.spans[x]) for x in members]
        if len({s[0] for s in spans}) < 2:
            continue
        out.append((sorted(spans), reps_of.get(g, [])))  # type: ignore[arg-type]
    return out


_SIMILARITY_SAMPLE = 16


def _word_count(doc: Doc, start: int, end: int) -> int:
    return bisect.bisect_left(doc.starts, end) - bisect.bisect_left(doc.starts, start)


def _similarities(norms: list[str], spans: list[Span], memo: dict[int, float], number: dict[Span, int]) -> list[float]:
    """Each version's mean similarity (0–100, to one decimal) to the
    group's versions in other articles (an even sample of 16 of them in a
    very large group); ``memo`` keeps the scores of pairs already scored,
    under both orders of the pair's two numbers (``number``: each version's,
    given as met) packed in one int."""
    sims = []
    n = len(spans)
    step = (n - 1) / _SIMILARITY_SAMPLE
    offsets = [1 + int(k * step) for k in range(_SIMILARITY_SAMPLE)]
    articles = [span[0] for span in spans]
    ids = [number.setdefault(span, len(number)) for span in spans]
    get = memo.get
    for i, here in enumerate(spans):
        a = here[0]
        if n - 1 > _SIMILARITY_SAMPLE:
            others = [j for j in [(i + offset) % n for offset in offsets] if articles[j] != a]
        else:
            others = []
        if not others:
            others = [j for j in range(n) if articles[j] != a]
        if not others:
            sims.append(0.0)
            continue
        row = ids[i] << 32
        scores = [get(row | ids[j]) for j in others]
        if None in scores:  # pairs not scored yet
            for k, j in enumerate(others):
                if scores[k] is None:
                    scores[k] = memo[row | ids[j]] = memo[ids[j] << 32 | ids[i]] = similarity_of(norms[i], norms[j])
        sims.append(round(sum(scores) / len(scores), 1))
    return sims


class Scores:
    """What settling works out about versions, kept across groups (a group
    settled again after :func:`separate`, a version in two groups): each
    span's normalised text.  (The pairs' similarities are kept per group
    only: kept for all groups they would cost some 40 MB at 1,600 articles.)"""

    def __init__(self) -> None:
        self.norms: dict[Span, str] = {}

    def norm(self, docs: list[Doc], span: Span) -> str:
        found = self.norms.get(span)
        if found is None:
            a, s, e = span
            found = self.norms[span] = normalise(docs[a].text[s:e])
        return found


def settle(
    docs: list[Doc], spans: list[Span], reps: list[Rep], opts: AlignOptions, scores: Scores | None = None
) -> tuple[list[Span], list[float], list[Rep]] | None:
    """The versions a group shows, and what each scores: one version per
    article (the one most like the others; other stretches of that article
    in the group become repeats), each with at least ``min_words`` words and
    a similarity to the group of at least ``min_similarity``, checked on the
    group as it finally is (the weakest version leaves first, then the rest
    are scored again).  None when fewer than two articles are left."""
    spans = [s for s in spans if _word_count(docs[s[0]], s[1], s[2]) >= opts.min_words]
    reps = list(reps)
    scores = scores if scores is not None else Scores()
    memo: dict[int, float] = {}
    number: dict[Span, int] = {}
    while True:
        if len({s[0] for s in spans}) < 2:
            return None
        norms = [scores.norm(docs, span) for span in spans]
        sims = _similarities(norms, spans, memo, number)
        by_article: dict[int, list[int]] = defaultdict(list)
        for i, s in enumerate(spans):
            by_article[s[0]].append(i)
        demoted = set()
        for members in by_article.values():
            if len(members) > 1:
                best = max(members, key=lambda i: (sims[i], spans[i][2] - spans[i][1], -spans[i][1]))
                for i in members:
                    if i != best:
                        demoted.add(i)
                        reps.append((*spans[i], sims[i]))
        if demoted:
            spans = [s for i, s in enumerate(spans) if i not in demoted]
            continue
        weak = [i for i, sim in enumerate(sims) if sim < opts.min_similarity]
        if not weak:
            break
        if len(spans) > _SIMILARITY_SAMPLE:
            drop = set(weak)
        else:
            drop = {min(weak, key=lambda i: (sims[i], i))}
        spans = [s for i, s in enumerate(spans) if i not in drop]
    kept_reps: list[Rep] = []
    taken = list(spans)
    for r in sorted(reps, key=lambda r: (-r[3], r[0], r[1])):
        a, s, e, sim = r
        if sim < opts.min_similarity or _word_count(docs[a], s, e) < opts.min_words:
            continue
        if any(t[0] == a and overlap(t[1], t[2], s, e) for t in taken):
            continue
        taken.append((a, s, e))
        kept_reps.append(r)
    return spans, sims, sorted(kept_reps)


def dropped_links(
    built: list[tuple[list[Span], list[Rep]]],
    settled: list[tuple[list[Span], list[float], list[Rep]] | None],
    links: list[Link],
) -> list[Link]:
    """The links of the versions a group left when it settled (too unlike the
    group as a whole), so that they can form a group of their own.  An outlet
    that carries only the first of two sentences that two other outlets carry
    together is too unlike their two-sentence passage, but it still carries
    that sentence: it is grouped with the sentence, not lost."""
    dropped: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (spans, _reps), done in zip(built, settled):
        kept = set(done[0]) | {r[:3] for r in done[2]} if done is not None else set()
        for a, s, e in spans:
            if (a, s, e) not in kept:
                dropped[a].append((s, e))
    if not dropped:
        return []

    def inside(a: int, s: int, e: int) -> bool:
        return any(overlap(s, e, ds, de) >= 0.5 * (e - s) for ds, de in dropped.get(a, ()))

    return [x for x in links if inside(x.a, x.sa, x.ea) or inside(x.b, x.sb, x.eb)]


class Taken:
    """The versions of groups already made, by article, to tell whether a
    new group's version clashes with one: overlaps it in an article where
    the two groups also share a second article."""

    def __init__(self, groups: list[tuple[list[Span], list[float], list[Rep]]] = ()) -> None:  # type: ignore[assignment]
        self.articles: list[set[int]] = []
        self.by_article: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for spans, _sims, _reps in groups:
            self.add(spans)

    def add(self, spans: list[Span]) -> None:
        gi = len(self.articles)
        self.articles.append({a for a, _, _ in spans})
        for a, s, e in spans:
            self.by_article[a].append((s, e, gi))

    def clashing(self, spans: list[Span]) -> Span | None:
        """The first of ``spans`` that clashes, or None."""
        articles = {a for a, _, _ in spans}
        for a, s, e in spans:
            for os, oe, gi in self.by_article.get(a, ()):
                # (overlap(s, e, os, oe) > 0, written out: this loop is hot)
                if s < oe and os < e and s < e and os < oe and len(articles & self.articles[gi]) >= 2:
                    return a, s, e
        return None

    def unclash(self, spans: list[Span]) -> list[Span]:
        """``spans`` without those that clash (one at a time, until none does)."""
        spans = list(spans)
        while (clash := self.clashing(spans)) is not None:
            spans.remove(clash)
        return spans


def separate(groups: list[tuple[list[Span], list[float], list[Rep]]]) -> list[int]:
    """Groups whose versions overlap another group's in an article where
    both groups also share a second article: strongest first (longer
    versions, then higher similarity), each group loses its versions that
    clash with a stronger group's, one at a time, so that a group which
    shares one sentence of a longer group's passage keeps the versions that
    no longer clash once the first is gone.  Returns the indexes of the
    groups changed."""
    strength = [sum(s[2] - s[1] for s in g[0]) * min(g[1]) for g in groups]
    taken = Taken()
    changed = []
    for gi in sorted(range(len(groups)), key=lambda gi: (-strength[gi], gi)):
        spans = groups[gi][0]
        kept = taken.unclash(spans)
        if len(kept) != len(spans):
            spans[:] = kept
            changed.append(gi)
        taken.add(kept)
    return sorted(changed)


def finish_group(docs: list[Doc], spans: list[Span]) -> tuple[Kind, bool]:
    """The group's kind and whether it carries a quotation."""
    # Verbatim when every version has the first's key (the second that
    # differs settles it).
    first = verbatim_key(docs[spans[0][0]].text[spans[0][1] : spans[0][2]])
    same = all(verbatim_key(docs[a].text[s:e]) == first for a, s, e in spans[1:])
    kind: Kind = "verbatim" if same else "variant"
    quote = any(_is_quoted(docs[a], s, e) for a, s, e in spans)
    return kind, quote


_QUOTE_CHARS_RE = re.compile("[\"'`]")
_DASH_SPACE_RE = re.compile(r"\s*-+\s*")
_SPACES_RE = re.compile(r"\s+")
_EDGE_PUNCTUATION = " .,;:!?"


_EMPHASIS_RE = re.compile(r"(?<!\w)[*_]+(?=\w)|(?<=[\w.,;:!?'\"”’])[*_]+(?!\w)")


def verbatim_key(text: str) -> str:
    """A version as compared for "verbatim": case, quotation marks, dashes
    and whitespace folded, Markdown's emphasis marks ("**Getachew
    Alemayehu**") and the punctuation at its two ends left out."""
    if "*" in text or "_" in text:
        text = _EMPHASIS_RE.sub("", text)
    folded = _QUOTE_CHARS_RE.sub("", fold_punctuation(text).casefold())
    folded = _SPACES_RE.sub(" ", _DASH_SPACE_RE.sub("-", folded))
    return folded.strip(_EDGE_PUNCTUATION)
