"""Extension: a chain with some context on both sides aligned word by word,
its best-scoring stretch taken as the passage pair, and the passage's edges
tidied (a bracket or quotation mark it opens or closes taken in)."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from array import array
from functools import lru_cache
from itertools import compress

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .documents import BOILERPLATE, SAYING_KEYS, SAYING_WORDS, Doc
from .options import AlignOptions
from .quotations import QUOTE_CHARS
from .rewording import denies, reported, same_polarity, same_statement
from .speakers import name_run_end, person_after_role, short_names
from .tokens import key_of, normalise

#: Passages at least this similar are copies, whatever words changed; so are
#: passages at least _CLOSE similar whose shared stretch is most of each
#: (a copy with its ending rewritten), unless one negates what the other
#: says.  Others must also say the same thing (:func:`same_statement`).
NEAR_COPY = 90.0
_CLOSE = 75.0
_SHARED_END = 6  # words a passage's two versions end with alike, for a middle changed
_QUOTE_RUN = 60  # words at most a passage is run on by, to the end of the quotation it stops inside


def _mostly_shared(a0: int, a1: int, b0: int, b1: int, core: int, same_start: bool = False) -> bool:
    """Is the shared stretch three quarters of each passage, or two thirds
    when it is where both begin (the same subject and verb, the ending
    rewritten)?"""
    part = 2 / 3 if same_start else 3 / 4
    return core >= part * (a1 - a0 + 1) and core >= part * (b1 - b0 + 1)


def _same_start(da: Doc, a0: int, sa: int, db: Doc, b0: int, sb: int) -> bool:
    """Does the shared stretch begin both passages (but for function words)?"""
    return da.content_sum[max(sa, a0)] == da.content_sum[a0] and db.content_sum[max(sb, b0)] == db.content_sum[b0]


def _one_inside(da: Doc, a0: int, a1: int, sa: int, ea: int, db: Doc, b0: int, b1: int, sb: int, eb: int) -> bool:
    """Does one text's passage lie wholly in the stretch the two texts share,
    and read as a near copy (:data:`NEAR_COPY`) of the other's part of that
    stretch, so that the other only adds words at its edges (an added
    ending, a clause the other dropped)?"""
    if sa <= a0 and a1 <= ea:
        inner, outer = _words(da, a0, a1 + 1), _words(db, max(b0, sb), min(b1, eb) + 1)
    elif sb <= b0 and b1 <= eb:
        inner, outer = _words(db, b0, b1 + 1), _words(da, max(a0, sa), min(a1, ea) + 1)
    else:
        return False
    return similarity_of(inner, outer) >= NEAR_COPY


# What a word both texts share nearly is worth, what a difference costs.
_NEAR = 0.5
_MISMATCH = -1.0  # two different content words
_MISMATCH_STOP = -0.1  # "an" for "the"


@lru_cache(maxsize=65536)
def _near_keys(a: str, b: str) -> bool:
    """Two keys spelt nearly alike ("Zelenskiy" / "Zelensky"); asked only
    of keys of four letters or more."""
    return fuzz.ratio(a, b) >= 80


_APART = -1e9


def _best_stretch(da: Doc, db: Doc, a0: int, a1: int, b0: int, b1: int) -> tuple[float, int, int, int, int, int]:
    """Word-align tokens a0..a1 of ``da`` with b0..b1 of ``db`` (half open);
    return the best-scoring stretch as (score, sa, ea, sb, eb, shared
    content words), token ranges inclusive.

    The alignment is cut into runs of one sign (a block of equal words, a
    block of words only one side has, one replaced pair); the best stretch is
    the run sequence with the highest total (Kadane), which is the same as
    the best stretch of single words since no best stretch starts or ends
    inside a run of one sign."""
    best, matched, lo, hi = _runs(da, db, a0, a1, b0, b1)
    if lo < 0:
        return 0.0, 0, -1, 0, -1, 0
    if lo < hi:  # (one run is a stretch of its own)
        lo, hi = _within_sentences(da, db, matched, lo, hi)
    shared = 0.0
    for run in matched[lo : hi + 1]:
        shared += run[5]
    return best, matched[lo][1], matched[hi][2] - 1, matched[lo][3], matched[hi][4] - 1, int(shared)


# A run of words both texts have: (its place in the sequence of runs, a lo,
# a hi, b lo, b hi, shared content words).
_Match = tuple[int, int, int, int, int, float]


def _runs(da: Doc, db: Doc, a0: int, a1: int, b0: int, b1: int) -> tuple[float, list[_Match], int, int]:
    """The word alignment of the two token ranges cut into runs of one sign,
    and the run sequence with the highest total (Kadane): its total, the
    runs of words both texts have (:data:`_Match`: only these score above
    zero, so only these begin or end the best sequence), and the first and
    last of those in it (-1, -1 for none).

    The alignment is the longest common subsequence of the two key sequences
    (rapidfuzz's Indel opcodes: as many shared words as possible), a deletion
    next to an insertion read as a replacement of the words they pair up.  A
    run below zero only lowers a running total above zero (else Kadane starts
    afresh at the next run whatever it adds), and is kept nowhere."""
    wa, ga, gb, csa, csb = da.weight_sum, da.gap_sum, db.gap_sum, da.content_sum, db.content_sum
    (edge_a, class_a, long_a), (edge_b, class_b, long_b) = _token_bits(da), _token_bits(db)
    quoted_a, quoted_b = _quoted_tokens(da), _quoted_tokens(db)
    matched: list[_Match] = []
    append = matched.append
    best = cur = 0.0
    lo = hi = start = -1
    i = 0  # the next run's place in the sequence of runs
    ops = Indel.opcodes(da.key_ids[a0:a1], db.key_ids[b0:b1]).as_list()
    n = len(ops)
    k = 0
    while k < n:
        tag, i1, i2, j1, j2 = ops[k]
        k += 1
        i1 += a0
        i2 += a0
        j1 += b0
        j2 += b0
        if tag == "equal":
            if cur <= 0:
                cur, start = 0.0, len(matched)
            cur += wa[i2] - wa[i1]
            if cur > best:
                best, lo, hi = cur, start, len(matched)
            append((i, i1, i2, j1, j2, csa[i2] - csa[i1]))
            i += 1
            continue
        if k < n and ops[k][0] != tag and ops[k][0] != "equal":
            # a deletion next to an insertion (Indel gives no replacements): a replacement
            i2, j2 = ops[k][2] + a0, ops[k][4] + b0
            k += 1
        if (i2 > i1 and edge_a[i1] and edge_a[i2] and csa[i2] - csa[i1] >= 3 - quoted_a[i1]) or (
            j2 > j1 and edge_b[j1] and edge_b[j2] and csb[j2] - csb[j1] >= 3 - quoted_b[j1]
        ):
            cur = _APART  # a paragraph only one text has (a pull-quote from two content words): nothing runs across it
            i += 1
            continue
        m = i2 - i1 if i2 - i1 < j2 - j1 else j2 - j1  # the pairs replaced, one run each
        if m:
            near = ()
            for p in range(m):
                x = long_a[i1 + p]
                if x and long_b[j1 + p] and _near_keys(x, long_b[j1 + p]):
                    near += (p,)
            if near or (cur > 0 and k < n):  # (after the last runs only a near pair counts)
                scores = map(_PAIR_SCORES.__getitem__, map(operator.or_, class_a[i1 : i1 + m], class_b[j1 : j1 + m]))
                for p, score in enumerate(scores):
                    if p in near:  # two keys spelt nearly alike
                        if cur <= 0:
                            cur, start = 0.0, len(matched)
                        cur += _NEAR
                        if cur > best:
                            best, lo, hi = cur, start, len(matched)
                        append((i + p, i1 + p, i1 + p + 1, j1 + p, j1 + p + 1, csa[i1 + p + 1] - csa[i1 + p]))
                    elif cur > 0:
                        cur += score
                    elif not near:
                        break  # no run in the pairs left can count
            i += m
        if i2 > i1 + m:
            if cur > 0:
                cur += ga[i2] - ga[i1 + m]
            i += 1
        if j2 > j1 + m:
            if cur > 0:
                cur += gb[j2] - gb[j1 + m]
            i += 1
    return best, matched, lo, hi


# What a replaced pair that is no near match scores, by the _TOKEN_ bits of
# its two tokens or-ed: two function words, a content word, boilerplate.
_TOKEN_WORD, _TOKEN_BOILER = 1, 2
_PAIR_SCORES = (_MISMATCH_STOP, _MISMATCH, BOILERPLATE, BOILERPLATE)


def _token_bits(doc: Doc) -> tuple[bytearray, bytearray, list[str]]:
    """For each token (worked out once per document): 1 where it starts a
    paragraph (and past the last token); its :data:`_TOKEN_WORD` and
    :data:`_TOKEN_BOILER` bits; its key if that has four letters or more
    and it is no boilerplate, else ""."""
    found = doc.cache.get("token bits")
    if found is None:
        n = len(doc.tokens)
        edges = bytearray(n + 1)
        for lo, _hi in doc.para_bounds:
            edges[lo] = 1
        edges[n] = 1
        kinds = bytearray(content_flags(doc))
        for t in compress(range(n), doc.boilerplate):
            kinds[t] |= _TOKEN_BOILER
        found = doc.cache["token bits"] = (edges, kinds, list(map(_LONG_KEYS.__getitem__, doc.keys)))
    return found


class _LongKeys(dict):
    """A key of four letters or more as itself, others (and boilerplate's,
    which start with NUL) as ""."""

    def __missing__(self, key: str) -> str:
        if len(self) > 200_000:  # a bound on memory
            self.clear()
        long = self[key] = key if len(key) >= 4 and not key.startswith("\x00") else ""
        return long


_LONG_KEYS = _LongKeys()


def _within_sentences(da: Doc, db: Doc, matched: list[_Match], lo: int, hi: int) -> tuple[int, int]:
    """The best run sequence, from shared run ``lo`` to ``hi``, cut back to
    where the texts still agree.

    Past the first and last two words in a row that both texts share, a
    stretch with lone shared words may only stay inside one sentence: across
    a sentence end ("…approach," Lavrov added / …approach." Details: Lavrov
    also added) the texts have already parted."""
    solid = [
        k
        for k in range(lo, hi + 1)
        if matched[k][2] - matched[k][1] >= 2
        or (k > lo and matched[k - 1][0] == matched[k][0] - 1)
        or (k < hi and matched[k + 1][0] == matched[k][0] + 1)
    ]
    if solid:
        first, last = solid[0], solid[-1]
        if first > lo and _breaks_between(da, db, matched[lo][1], matched[first][1], matched[lo][3], matched[first][3]):
            lo = first
        a_from, a_to = matched[last][2] - 1, matched[hi][2] - 1
        b_from, b_to = matched[last][4] - 1, matched[hi][4] - 1
        if last < hi and _breaks_between(da, db, a_from, a_to, b_from, b_to):
            hi = last
    return lo, hi


def _breaks_between(da: Doc, db: Doc, a_from: int, a_to: int, b_from: int, b_to: int) -> bool:
    """Does a sentence end after any token in [from, to) of either text?"""
    return (a_to > a_from and da.break_sum[a_to] > da.break_sum[a_from]) or (
        b_to > b_from and db.break_sum[b_to] > db.break_sum[b_from]
    )


_OPENERS = {"]": "[", ")": "(", "”": "“", "»": "«"}
_BRACKET_RE = re.compile("[][()”“»«]")


def _take_closing(text: str, end: int, close: str) -> int:
    """``end`` moved past ``close`` when it follows at once, or after one
    mark of punctuation (…sponsors." ends the quote after the stop)."""
    if text[end : end + 1] == close:
        return end + 1
    if text[end : end + 1] in (".", ",", ";", ":", "!", "?") and text[end + 1 : end + 2] == close:
        return end + 2
    return end


_STOPS_RE = re.compile(r"[.!?…]+")


def _sentences(doc: Doc) -> tuple[array[int], array[int]]:
    """Where the sentence of each token begins, and where it ends (half
    open): :meth:`Doc.sentence_of` as two lookups, worked out once per
    document (tokens before the first sentence start, if any, in the last
    sentence, as there)."""
    found = doc.cache.get("sentences")
    if found is None:
        starts, n = doc.sentence_starts, len(doc.tokens)
        first, after = array("i"), array("i")
        if starts:
            first += array("i", (starts[-1],)) * starts[0]
            after += array("i", (n,)) * starts[0]
            for lo, hi in zip(starts, [*starts[1:], n]):
                first += array("i", (lo,)) * (hi - lo)
                after += array("i", (hi,)) * (hi - lo)
        found = doc.cache["sentences"] = (first, after)
    return found


sentence_bounds = _sentences


def end_of(doc: Doc, t: int) -> int:
    """Where a passage ending with token ``t`` ends: after the token, and
    after the full stop (or ! ? …) that ends its sentence, if it does."""
    end = doc.tokens[t].end
    if _sentences(doc)[1][t] == t + 1:
        m = _STOPS_RE.match(doc.text, end)
        if m:
            return m.end()
    return end


@lru_cache(maxsize=16384)
def tidy(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a bracket or quotation mark that the passage opens or closes
    but leaves outside its edges, so a cited passage is balanced.  (Kept for
    the spans last met: a sentence is tidied again for each partner.)"""
    if _BRACKET_RE.search(text, start, end):  # (else none to balance)
        for close, open_ in _OPENERS.items():
            opens, closes = text.count(open_, start, end), text.count(close, start, end)
            if opens > closes:
                end = _take_closing(text, end, close)
            elif closes > opens and start > 0 and text[start - 1] == open_:
                start -= 1
    if start > 0 and text[start - 1] == '"' and _left_open(text, start, end):
        # A quotation left open at its paragraph's end, as news copy does
        # when it goes on in the next ('"There is no military solution.\n\n"Every
        # day…'): its opening mark is the passage's too.
        start -= 1
    if (text.count('"', start, end) - _reopened(text, start, end)) % 2:
        closed = _take_closing(text, end, '"')
        if closed != end:
            end = closed
        elif start > 0 and text[start - 1] == '"':
            start -= 1
    elif start > 0 and text[start - 1] == '"' and _closes(text, text.find('"', start, end)):
        # It begins inside one quotation and ends inside another
        # ('…warning," Mayor Oduya said. "We are lucky nobody was killed'): both whole.
        closed = _take_closing(text, end, '"')
        if closed != end:
            start, end = start - 1, closed
    return _whole_quotation(text, start, end)


_QUOTE_PAIRS = {'"': '"', "“": "”", "«": "»"}


def _whole_quotation(text: str, start: int, end: int) -> tuple[int, int]:
    """A passage that is a whole quotation, from just after its opening
    mark to just before its closing one (or to its paragraph's end, where
    the quotation is left open), with no mark inside: the marks are the
    passage's too ('"We will replace every affected pump, however long it
    takes."')."""
    close = _QUOTE_PAIRS.get(text[start - 1 : start]) if start > 0 else None
    if close is None or any(mark in text[start:end] for mark in '"“”«»'):
        return start, end
    closed = _take_closing(text, end, close)
    if closed != end:
        return start - 1, closed
    rest = text[end : end + 2]
    if end == len(text) or rest.startswith("\n\n") or rest.strip() == "" and "\n" in rest:
        return start - 1, end  # left open at the paragraph's end
    return start, end


def _reopened(text: str, start: int, end: int) -> int:
    """How many quotations in ``[start, end)`` are left open at their
    paragraph's end and opened again at the next's start (no closing mark
    between the two, as news copy writes a quote of several paragraphs)."""
    found = 0
    brk = text.find("\n\n", start, end)
    while brk >= 0:
        before = text.rfind("\n\n", 0, brk)
        para_start = before + 2 if before >= 0 else 0
        if text.count('"', para_start, brk) % 2 and text[brk:end].lstrip().startswith('"'):
            found += 1
        brk = text.find("\n\n", brk + 2, end)
    return found


def _left_open(text: str, start: int, end: int) -> bool:
    """Does the quotation opened just before ``start`` run, unclosed, to its
    paragraph's end inside ``[start, end)``?"""
    brk = text.find("\n\n", start, end)
    return brk >= 0 and '"' not in text[start:brk]


def _closes(text: str, i: int) -> bool:
    """Is the straight quotation mark at ``i`` (if any, ``i`` >= 0) a
    closing one: after a word or punctuation, not before one?"""
    return i > 0 and not text[i - 1].isspace() and not text[i + 1 : i + 2].isalnum()


def extend(
    da: Doc, db: Doc, chain: tuple[int, int, int, int], opts: AlignOptions
) -> tuple[int, int, int, int, int] | None:
    """Grow a chain into the stretch the two texts share around it: token
    ranges (inclusive) and the number of shared content words, or None.
    The stretch runs across line and paragraph breaks while the texts go on
    in both, but never between the headline and the body."""
    ja0, ja1, jb0, jb1 = chain
    n = opts.ngram
    ta0, ta1 = da.content[ja0], da.content[ja1 + n - 1]
    tb0, tb1 = db.content[jb0], db.content[jb1 + n - 1]
    pa0, pa1 = da.region(ta0)
    pb0, pb1 = db.region(tb0)
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


# --- passages as readable units ----------------------------------------------------


def _start_levels(doc: Doc, t: int, floor: int) -> tuple[int, int]:
    """Where the sentence and the clause holding token ``t`` begin."""
    sentence = max(_sentences(doc)[0][t], floor)
    clause = doc.clause_start
    c = t
    while c > sentence and not clause[c]:
        c -= 1
    if c < t and doc.is_that[c]:  # "…said | that Putin had…": the clause is what follows "that"
        c += 1
    return sentence, c


def _end_levels(doc: Doc, t: int, ceiling: int) -> tuple[int, int]:
    """Where the sentence and the clause holding token ``t`` end (inclusive)."""
    sentence = min(_sentences(doc)[1][t] - 1, ceiling)
    clause, says = doc.clause_start, doc.says
    c = t
    while c < sentence and (not clause[c + 1] or says[c]):
        c += 1
    return sentence, c


def _inward_start(doc: Doc, t: int, last: int) -> int:
    """The first clause start in t..last, or -1."""
    clause = doc.clause_start
    c = t
    while c <= last and not clause[c]:
        c += 1
    return c if c <= last else -1


def _inward_end(doc: Doc, t: int, first: int) -> int:
    """The last clause end in first..t, or -1."""
    clause, says = doc.clause_start, doc.says
    c = t
    while c >= first and (not clause[c + 1] or says[c]):
        c -= 1
    return c if c >= first else -1


def _inward_sentence_start(doc: Doc, t: int, last: int) -> int:
    """The first sentence start in t..last, or -1."""
    lo, hi = doc.sentence_of(t)
    if lo == t:
        return t
    return hi if hi <= last else -1


def _inward_sentence_end(doc: Doc, t: int, first: int) -> int:
    """The last sentence end in first..t, or -1."""
    lo, hi = doc.sentence_of(t)
    if hi - 1 == t:
        return t
    return lo - 1 if lo - 1 >= first else -1


def _words(doc: Doc, lo: int, hi: int) -> str:
    """The text of tokens lo..hi-1, normalised ("" when none)."""
    if hi <= lo:
        return ""
    return normalise(doc.text[doc.starts[lo] : doc.tokens[hi - 1].end])


def _edges_agree(
    da: Doc,
    a_lo: int,
    a_hi: int,
    db: Doc,
    b_lo: int,
    b_hi: int,
    at_start: bool,
    core: int = 0,
    whole_sentence: bool = False,
) -> bool:
    """May the words a_lo..a_hi-1 of one text and b_lo..b_hi-1 of the other
    be taken into a passage at the same edge (the start, or the end)?  Yes
    when neither has any; when both have a few, up to half as many as the
    stretch they share (``core``): a changed name, number or ending; when
    one has at most two inside the clause the passage begins or ends with
    (an inserted word); when they read alike (``fuzz.ratio``
    at least 50, or a Dice overlap of their content words of 0.4).  Whether
    the passages so made say the same thing is checked after."""
    la, lb = a_hi - a_lo, b_hi - b_lo
    if la <= 0 and lb <= 0:
        return True
    if whole_sentence and not at_start:
        # A quotation's end and then who said it, in both ('…grows [...],"
        # Andreyev stressed.' / '…grows and the danger … grows with it,"
        # al-Masri said.'): the quotations' ends are compared, and the
        # attributions come along, so a quote cut short or given to another
        # speaker is shown.
        a_cut, b_cut = _attribution_start(da, a_lo, a_hi), _attribution_start(db, b_lo, b_hi)
        if a_cut < a_hi and b_cut < b_hi:
            return _edges_agree(da, a_lo, a_cut, db, b_lo, b_cut, at_start, core, whole_sentence)
    if min(la, lb) <= 0:
        doc, lo, hi = (da, a_lo, a_hi) if la > 0 else (db, b_lo, b_hi)
        if max(la, lb) > 2:
            # Words only one text has up to its sentence's end: an added or
            # dropped ending; the similarity decides.  (At the start they are
            # mostly an attribution, "Quote from Lavrov:", left outside.)
            return whole_sentence and not at_start
        # No clause begins among the words taken in (past the first, at the start).
        inside = range(lo + 1, hi + 1) if at_start else range(lo, hi)
        return not any(doc.clause_start[t] for t in inside)
    if max(la, lb) <= max(4, core // 2):
        return True
    if whole_sentence and at_start and _same_opening(da, a_lo, db, b_lo):
        # Two sentences that open alike and end alike, their middles
        # reworded ('The fee is understood to be £41million, smashing the
        # £39million Kingsmere paid …' / 'The fee of 48 million euros …
        # surpasses the 39 million pounds Kingsmere paid …').
        return True
    if fuzz.ratio(_words(da, a_lo, a_hi), _words(db, b_lo, b_hi)) >= 50:
        return True
    return _shared_content(da, a_lo, a_hi, db, b_lo, b_hi, 5)  # Dice >= 0.4


def _shared_content(da: Doc, a_lo: int, a_hi: int, db: Doc, b_lo: int, b_hi: int, parts: int) -> bool:
    """Do tokens a_lo..a_hi-1 and b_lo..b_hi-1 share content words (keys),
    each text some, with a Dice overlap of at least 2 / ``parts`` (5: 0.4,
    4: a half)?"""
    ka = {t.key for t in da.tokens[a_lo:a_hi] if t.content}
    kb = {t.key for t in db.tokens[b_lo:b_hi] if t.content}
    return bool(ka) and bool(kb) and parts * len(ka & kb) >= len(ka) + len(kb)


def _same_opening(da: Doc, a_lo: int, db: Doc, b_lo: int) -> bool:
    """Do the two texts' first two words from these tokens on have the same
    keys, one of them a content word ('The fee …')?"""
    ta, tb = da.tokens[a_lo : a_lo + 2], db.tokens[b_lo : b_lo + 2]
    return len(ta) == len(tb) == 2 and all(x.key == y.key for x, y in zip(ta, tb)) and any(x.content for x in ta)


def _middles_belong(da: Doc, a_lo: int, a_hi: int, db: Doc, b_lo: int, b_hi: int) -> bool:
    """Are tokens a_lo..a_hi-1 and b_lo..b_hi-1 the same words changed: a
    figure in each (an amount given otherwise), or a third of their content
    words shared?  Not two statements in one frame ("Police said a woman was
    charged …" / "Police said two teenagers were questioned …")."""
    ta, tb = da.tokens[a_lo:a_hi], db.tokens[b_lo:b_hi]
    if any(any(c.isdigit() for c in t.key) for t in ta) and any(any(c.isdigit() for c in t.key) for t in tb):
        return True
    return _shared_content(da, a_lo, a_hi, db, b_lo, b_hi, 6)


def _same_ending(da: Doc, a1: int, db: Doc, b1: int) -> bool:
    """Do the two texts' last :data:`_SHARED_END` words up to these tokens
    have the same keys?"""
    if a1 + 1 < _SHARED_END or b1 + 1 < _SHARED_END:
        return False
    ta, tb = da.tokens[a1 + 1 - _SHARED_END : a1 + 1], db.tokens[b1 + 1 - _SHARED_END : b1 + 1]
    return all(x.key == y.key for x, y in zip(ta, tb))


def _attribution_start(doc: Doc, lo: int, hi: int, most: int = 4) -> int:
    """The first of tokens lo..hi-1 that follows the close of the quotation
    token ``lo - 1`` is in, when from there on they name who said it (a verb
    of saying, ``most`` content words or fewer: '[...]," | Andreyev
    stressed.'); else ``hi``."""
    if not lo or hi <= lo:
        return hi
    inside = doc.tokens[lo - 1].start
    k = bisect.bisect_right(doc.quoted, (inside, len(doc.text))) - 1
    if k < 0 or not doc.quoted[k][0] <= inside < doc.quoted[k][1]:
        return hi
    close = doc.quoted[k][1]
    first = bisect.bisect_left(doc.starts, close, lo, hi)
    if first >= hi or not any(doc.says[first:hi]) or doc.content_sum[hi] - doc.content_sum[first] > most:
        return hi
    return first


def with_its_attribution(doc: Doc, hi: int) -> int | None:
    """Where a passage ending at token ``hi`` with a quotation's close goes
    on to the end of its sentence when the rest of the sentence only says
    who said it ('… for anyone who wants it," | Chief Executive Daniel
    Hartigan said in a statement.'): that sentence's last token, else None."""
    after = _sentences(doc)[1][hi]  # (past the last token of hi's sentence)
    if after <= hi + 1:
        return None
    return after - 1 if _attribution_start(doc, hi + 1, after, most=8) == hi + 1 else None


_FILLER = frozenset(
    ("has", "had", "have", "also", "repeatedly", "then", "later", "reportedly", "again", "once", "just")
)


def speakers(doc: Doc, lo: int, hi: int) -> frozenset[str]:
    """Who the tokens lo..hi (inclusive) say is speaking: the name (key) just
    before a verb of saying ("Lavrov says", "Putin has said"), or just after
    one that opens its clause ("…, said Kousser")."""
    found = set()
    tokens, text = doc.tokens, doc.text
    for t in range(lo, hi + 1):
        tok = tokens[t]
        if tok.key not in SAYING_KEYS or text[tok.start : tok.end].casefold() not in SAYING_WORDS:
            if not _spoke_to(doc, t, hi):
                continue
        name = None
        if not doc.clause_start[t]:
            k = t - 1
            while k >= max(lo, t - 4) and text[tokens[k].start : tokens[k].end].casefold() in _FILLER:
                k -= 1
            if k < t - 1 and k + 1 > lo and doc.clause_start[k + 1] and _comma_before(doc, k + 1):
                name = _apposition_speaker(doc, k + 1, lo)  # "Karim Nassar, a spokesman …, has just spoken to us"
            elif k >= lo and tokens[k].content and text[tokens[k].start].isupper():
                head = _before_affiliation(doc, k, lo)
                name = tokens[head].key
                joined = _joined_name(doc, head, lo)
                if joined is not None:
                    found.add(JOINED + joined)  # ("Shadow Vane claimed" is "ShadowVane claimed")
        elif t + 1 <= hi and _name_follows(doc, t) and not _says_of(doc, t, hi):
            name = tokens[name_run_end(text, tokens, t + 1, hi)].key
        elif t - 1 > lo and _comma_before(doc, t):
            name = _apposition_speaker(doc, t, lo)
        if name is not None:
            found.add(name)
    return frozenset(found)


def _name_follows(doc: Doc, t: int) -> bool:
    """Does a word in capitals follow the verb of saying at token ``t`` with
    no colon or quotation mark between ("…, said Kousser"; not 'said:
    "Eleven tugs …', where the quotation begins)?"""
    nxt = doc.tokens[t + 1]
    gap = doc.text[doc.tokens[t].end : nxt.start]
    return nxt.content and doc.text[nxt.start].isupper() and ":" not in gap and not any(q in gap for q in QUOTE_CHARS)


def _apposition_speaker(doc: Doc, t: int, lo: int) -> str | None:
    """The key of the person named before a comma and an apposition, the
    clause at token ``t`` saying what they said ("Ruslan Akhmetov, an
    analyst at Freedom Finance, said …": Akhmetov), or named in the
    apposition to a role ("The Chairman of the … Authority, Adil Rahmani,
    said"); None when no name is."""
    tokens, text = doc.tokens, doc.text
    k = _before_apposition(doc, t - 1, max(lo, t - 12))
    if _person_after_role(doc, k, t - 1, lo):
        return tokens[t - 1].key
    if k < t - 1 and k > lo and all(tokens[j].content and text[tokens[j].start].isupper() for j in (k - 1, k)):
        return tokens[k].key  # a full name, "Ruslan Akhmetov", not "…began in May, failed, said"
    return None


_SPOKE = frozenset(("spoke", "spoken"))


def _spoke_to(doc: Doc, t: int, hi: int) -> bool:
    """Is token ``t`` "spoke" or "spoken" followed by "to", which report
    speech like "said" ("has just spoken to us: "…"")?"""
    tokens, text = doc.tokens, doc.text
    return (
        t < hi
        and text[tokens[t].start : tokens[t].end].casefold() in _SPOKE
        and text[tokens[t + 1].start : tokens[t + 1].end].casefold() == "to"
    )


def _person_after_role(doc: Doc, k: int, last: int, floor: int) -> bool:
    """Do tokens k+1..last name a person in apposition to a role of a body
    ending at token ``k`` (:func:`.speakers.person_after_role`: "The
    Chairman of the Talmar Canal Authority, Adil Rahmani, said")?"""
    tokens, text = doc.tokens, doc.text
    words = [text[t.start : t.end] for t in tokens[max(floor, k - 9) : last + 1]]
    cut = len(words) - (last - k)
    return person_after_role(words[:cut], words[cut:])


JOINED = "+"  # before the key of a name's last two words written as one: met only as it is


def _joined_name(doc: Doc, t: int, lo: int) -> str | None:
    """The key of a name's last two words written as one ("Shadow Vane":
    the key of "ShadowVane"), where token ``t`` ends a name of two words or
    more in capitals (from token ``lo`` on), else None."""
    tokens, text = doc.tokens, doc.text
    if t - 1 < lo or not tokens[t - 1].content or not text[tokens[t - 1].start].isupper():
        return None
    if text[tokens[t - 1].end : tokens[t].start] != " ":
        return None
    return key_of(text[tokens[t - 1].start : tokens[t - 1].end] + text[tokens[t].start : tokens[t].end])


_LINKING = frozenset(("of", "at", "from"))


# Verbs that make the name after "said" the subject of what is said ("said
# Tajikistan planned", "said Russia would"): helpers, and any word in -ed.
_FINITE = frozenset(
    "was were is are had has have would will could should might may must can did does do wants needs plans "
    "intends hopes expects".split()
)


def _says_of(doc: Doc, t: int, hi: int) -> bool:
    """Is the name after the verb of saying at token ``t`` the subject of
    what is said ("…, said Tajikistan planned to hold back …"), not the
    speaker ("…, said Kousser, of the University", "said Jones on Monday")?
    A verb follows the name at once."""
    end = name_run_end(doc.text, doc.tokens, t + 1, hi)
    if end + 1 > hi:
        return False
    after = doc.tokens[end + 1]
    word = doc.text[after.start : after.end]
    return (
        doc.text[doc.tokens[end].end : after.start] == " "
        and word.islower()
        and (word in _FINITE or (word.endswith("ed") and len(word) > 4))
    )


def _before_affiliation(doc: Doc, k: int, floor: int) -> int:
    """The name before the body it is of, at or from, when a short name in
    capitals ends at token ``k`` ("Thorvaldur Thordarson of the University
    of Iceland said": Thordarson, not Iceland), else ``k``."""
    tokens, text = doc.tokens, doc.text

    def capital(j: int) -> bool:
        return tokens[j].content and text[tokens[j].start].isupper()

    def word(j: int) -> str:
        return text[tokens[j].start : tokens[j].end].casefold()

    head = k
    while True:
        j = head  # the run of words in capitals that ends at `head`
        while j - 1 >= floor and capital(j - 1) and not _comma_before(doc, j):
            j -= 1
        if head - j >= 2:
            return head  # a full name ("… Bank of England Andrew Bailey said")
        p = j - 1
        if p - 1 >= floor and word(p) == "the" and not _comma_before(doc, j):
            p -= 1
        if p - 1 < floor or word(p) not in _LINKING or not capital(p - 1) or _comma_before(doc, p + 1):
            return head
        head = p - 1


def _comma_before(doc: Doc, j: int) -> bool:
    """Is there a comma between token ``j`` and the token before it?"""
    return "," in doc.text[doc.tokens[j - 1].end : doc.tokens[j].start]


def _before_apposition(doc: Doc, k: int, floor: int) -> int:
    """The token before the comma that opens the apposition ending with
    token ``k`` ("Ruslan Akhmetov, an analyst at Freedom Finance, said": the
    speaker is Akhmetov, not Finance), or ``k`` when there is none."""
    for j in range(k, floor, -1):
        if _comma_before(doc, j):
            return j - 1
    return k


def other_speakers(da: Doc, a0: int, a1: int, db: Doc, b0: int, b1: int) -> bool:
    """Do the sentences holding two passages name different speakers (and
    none in common)?  "Lavrov says Putin is ready to hold talks" and "Putin
    has said Russia is ready to hold talks" are two statements."""
    first, after = _sentences(da)
    x = _sentence_speakers(da, first[a0], after[a1] - 1)
    if not x:
        return False
    first, after = _sentences(db)
    y = _sentence_speakers(db, first[b0], after[b1] - 1)
    if not y or {k.lstrip(JOINED) for k in x} & {k.lstrip(JOINED) for k in y}:
        return False
    # A body and the short name either text gives it ("The French Athletics Federation (FFA)").
    short = _short_names(da) | _short_names(db)
    if short and (_named_in(short, x, y, db, b0, b1) or _named_in(short, y, x, da, a0, a1)):
        return False
    # One quotation word for word, given to another speaker: a change to show, not two statements.
    if _same_quotation(da, a0, a1, db, b0, b1):
        return False
    # One name spelt two ways is one speaker ("Hrytsenko said" / "Hryzenko said"),
    # but not two names joined to their titles ("President Macron" / "President Maduro").
    return not any(
        len(a) >= 4 and len(b) >= 4 and a[0] != JOINED and b[0] != JOINED and _near_keys(a, b) for a in x for b in y
    )


def _short_names(doc: Doc) -> dict[str, str]:
    """:func:`.speakers.short_names` of the text, the short names as keys."""
    found = doc.cache.get("short names")
    if found is None:
        found = doc.cache["short names"] = {key_of(k): v for k, v in short_names(doc.text).items()}
    return found


def _named_in(short: dict[str, str], who: frozenset[str], others: frozenset[str], doc: Doc, lo: int, hi: int) -> bool:
    """Is one of ``who`` a short name for a body that ``others`` (the other
    text's speakers) name, in full in the sentences holding tokens lo..hi of
    ``doc``?"""
    names = [short[k] for k in who if k in short]
    if not names:
        return False
    named = {k.lstrip(JOINED) for k in others}
    names = [name for name in names if key_of(name.split()[-1]) in named]
    if not names:
        return False
    first, after = _sentences(doc)
    text = " ".join(doc.text[doc.starts[first[lo]] : doc.tokens[after[hi] - 1].end].casefold().split())
    return any(name in text for name in names)


_SAME_QUOTATION_WORDS = 8  # quoted words at least, in each passage ...
_SAME_QUOTATION = 0.95  # ... their keys this alike (Indel), for one quotation given to two speakers


def _same_quotation(da: Doc, a0: int, a1: int, db: Doc, b0: int, b1: int) -> bool:
    """Do tokens a0..a1 and b0..b1 quote the same words (eight at least,
    their keys alike but for a word or two in twenty), whoever each says
    spoke them, and does each text have it said once only?  (Where one text
    has two people say it, "Superintendent Ellery echoed her words. '…,' he
    said.", each version keeps to its own speaker; a pull-quote that gives
    it again with no one saying it is no second saying.)"""
    qa, qb = _quoted_tokens(da), _quoted_tokens(db)
    x = [k for k, q in zip(da.keys[a0 : a1 + 1], qa[a0 : a1 + 1]) if q]
    if len(x) < _SAME_QUOTATION_WORDS:
        return False
    y = [k for k, q in zip(db.keys[b0 : b1 + 1], qb[b0 : b1 + 1]) if q]
    if len(y) < _SAME_QUOTATION_WORDS:
        return False
    if Indel.normalized_similarity(x, y) < _SAME_QUOTATION:
        return False
    return _said_once(da, x[:_SAME_QUOTATION_WORDS]) and _said_once(db, y[:_SAME_QUOTATION_WORDS])


def _said_once(doc: Doc, keys: list[str]) -> bool:
    """Do these keys follow each other in one sentence with a verb of saying
    at most in the text?"""
    joined = doc.cache.get("joined keys")
    if joined is None:
        joined = doc.cache["joined keys"] = " " + " ".join(doc.keys) + " "
    phrase = " " + " ".join(keys) + " "
    said = 0
    at = joined.find(phrase)
    while at >= 0:
        lo, hi = doc.sentence_of(joined.count(" ", 0, at))  # (the sentence of the token the phrase starts at)
        said += any(doc.text[w.start : w.end].casefold() in SAYING_WORDS for w in doc.tokens[lo:hi])
        at = joined.find(phrase, at + 1)
    return said <= 1


def paragraph_speakers(doc: Doc, lo: int, hi: int) -> frozenset[str]:
    """Who the paragraphs holding tokens lo..hi name as speaking."""
    first, last = doc.para_bounds[doc.para[lo]][0], doc.para_bounds[doc.para[hi]][1] - 1
    return _sentence_speakers(doc, first, last)


def _sentence_speakers(doc: Doc, lo: int, hi: int) -> frozenset[str]:
    cache = doc.cache
    key = ("speakers", lo, hi)
    found = cache.get(key)
    if found is None:
        found = cache[key] = speakers(doc, lo, hi)
    return found


def states_something(da: Doc, a0: int, a1: int, db: Doc, b0: int, b1: int) -> bool:
    """Do two passages share at least two content words that are not names
    nor verbs of saying (words in lower case, outside a headline)?  "Foreign
    Minister Sergei Lavrov said" is no statement of its own."""
    if da.in_title(a0):
        return True
    words = set(compress(da.keys[a0 : a1 + 1], _plain(da)[a0 : a1 + 1]))
    return len(words) >= 2 and len(words.intersection(db.keys[b0 : b1 + 1])) >= 2


def _plain(doc: Doc) -> bytearray:
    """1 for each token that is a content word in lower case and no verb of
    saying (worked out once per document)."""
    found = doc.cache.get("plain")
    if found is None:
        text, starts, tokens = doc.text, doc.starts, doc.tokens
        found = doc.cache["plain"] = bytearray(content_flags(doc))
        for t in compress(range(len(tokens)), content_flags(doc)):
            if text[starts[t]].isupper() or tokens[t].key in SAYING_KEYS:
                found[t] = 0
    return found


def content_flags(doc: Doc) -> bytearray:
    """1 for each token that is a content word (worked out once per document)."""
    flags = doc.cache.get("content")
    if flags is None:
        flags = doc.cache["content"] = bytearray(map(_CONTENT, doc.tokens))
    return flags


_CONTENT = operator.attrgetter("content")


def _trim_strays(da: Doc, sa: int, ea: int, db: Doc, sb: int, eb: int) -> tuple[int, int, int, int]:
    """A shared stretch that runs past a sentence end in both texts by a
    content word or two ("…be'. | Earlier this month" / "…be'. | Earlier on
    Thursday"), or into two sentences that do not read alike (the next
    paragraphs differ), stops at that sentence end; the same at its start.
    Function words past a sentence end in one text go first ("…10% cover. |
    The effect…" / "…10% cover, | the study found")."""
    sa, ea, sb, eb = _trim_function_words(da, sa, ea, db, sb, eb)
    (first_a, after_a), (first_b, after_b) = _sentences(da), _sentences(db)
    while True:
        a_last, a_end, b_last, b_end = first_a[ea], after_a[ea], first_b[eb], after_b[eb]
        if not (sa < a_last and sb < b_last):
            break
        if not (_few(da, a_last, ea + 1) and _few(db, b_last, eb + 1)) and _alike(da, a_last, a_end, db, b_last, b_end):
            break
        ea, eb = a_last - 1, b_last - 1
    while True:
        a_first, a_next, b_first, b_next = first_a[sa], after_a[sa], first_b[sb], after_b[sb]
        if not (a_next <= ea and b_next <= eb):
            break
        if not (_few(da, sa, a_next) and _few(db, sb, b_next)) and _alike(da, a_first, a_next, db, b_first, b_next):
            break
        sa, sb = a_next, b_next
    return sa, ea, sb, eb


def _trim_function_words(da: Doc, sa: int, ea: int, db: Doc, sb: int, eb: int) -> tuple[int, int, int, int]:
    """The stretch without the function words at its end that follow its
    last content word across a sentence end in either text (a "The" opening
    the next sentence in one, a ", the" going on in the other), nor those at
    its start that come before its first content word across one."""
    ca, cb = da.content_sum, db.content_sum
    la, lb = ea, eb
    while la > sa and lb > sb and ca[la + 1] == ca[la] and cb[lb + 1] == cb[lb]:
        la, lb = la - 1, lb - 1
    if (la, lb) != (ea, eb) and (da.sentence_of(ea)[0] > la or db.sentence_of(eb)[0] > lb):
        ea, eb = la, lb
    fa, fb = sa, sb
    while fa < ea and fb < eb and ca[fa + 1] == ca[fa] and cb[fb + 1] == cb[fb]:
        fa, fb = fa + 1, fb + 1
    if (fa, fb) != (sa, sb) and (da.sentence_of(sa)[1] <= fa or db.sentence_of(sb)[1] <= fb):
        sa, sb = fa, fb
    return sa, ea, sb, eb


def _alike(da: Doc, a0: int, a1: int, db: Doc, b0: int, b1: int) -> bool:
    """Do two sentences (tokens a0..a1-1, b0..b1-1) read alike: the shorter
    found in the longer (``fuzz.partial_ratio`` at least 75)?  A sentence
    split over two paragraphs in one text still meets the whole."""
    x, y = _words(da, a0, a1), _words(db, b0, b1)
    if x == y:  # (a third are: 100)
        return True
    # partial_ratio is the best fuzz.ratio of the shorter against any stretch
    # of the longer as long (rapidfuzz 3 tries every one, and is slow): one
    # at either end that reaches 75 settles it, as it does for nearly all.
    short, longer = (x, y) if len(x) <= len(y) else (y, x)
    n = len(short)
    if n and (fuzz.ratio(short, longer[:n]) >= 75 or fuzz.ratio(short, longer[len(longer) - n :]) >= 75):
        return True
    return fuzz.partial_ratio(x, y) >= 75


def _tail(doc: Doc, t: int, last: int) -> bool:
    """Does a passage starting at token ``t`` (and going on to ``last``)
    start with the tail of a sentence begun before it: two content words or
    fewer, or an attribution of four or fewer ('…on the ground," | El-Masri
    said. | He said Cairo…', '…," | al-Masri said in Arabic. | He said…')?
    Such a start is no start: the passage begins at the next sentence."""
    first, after = _sentences(doc)
    lo, hi = first[t], after[t]
    if not (lo < t and hi <= last):
        return False
    words = doc.content_sum[hi] - doc.content_sum[t]
    return words <= 2 or (words <= 4 and any(doc.says[t:hi]))


def _few(doc: Doc, lo: int, hi: int) -> bool:
    """Are tokens lo..hi-1 at most two content words?"""
    return doc.content_sum[hi] - doc.content_sum[lo] <= 2


def _copied(
    da: Doc, a0: int, a1: int, sa: int, ea: int, db: Doc, b0: int, b1: int, sb: int, eb: int, core: int, sim: float
) -> bool:
    """Do two passages (tokens a0..a1, b0..b1) around a shared stretch
    (sa..ea, sb..eb) read as copies of one another, whatever words changed:
    similar at :data:`NEAR_COPY`; or one a near copy of its part of the
    stretch, the other adding words at an edge; or similar at ``_CLOSE``
    with the stretch most of each; the last two with no negation or
    opposite word in one only."""
    if sim >= NEAR_COPY:
        return True
    near = (  # (the cheap test first)
        sim >= _CLOSE and _mostly_shared(a0, a1, b0, b1, core, _same_start(da, a0, sa, db, b0, sb))
    ) or _one_inside(da, a0, a1, sa, ea, db, b0, b1, sb, eb)
    if (
        not near
        and a1 == ea
        and b1 == eb
        and _same_opening(da, a0, db, b0)
        and _same_ending(da, a1, db, b1)
        and _middles_belong(da, a0 + 2, sa, db, b0 + 2, sb)
    ):
        # The same opening words and the same last words, the middle changed
        # ('The fee is understood to be £41million, smashing the £39million
        # Kingsmere paid Flamengo for … in 2025.' / 'The fee of 48 million
        # euros ($52 million) surpasses the 39 million pounds Kingsmere …').
        near = True
    return near and same_polarity(da, a0, a1, db, b0, b1)


def snap(
    da: Doc, db: Doc, sa: int, ea: int, sb: int, eb: int, opts: AlignOptions
) -> tuple[int, int, int, int, int, int, int, int, float] | None:
    """The passage pair around a shared stretch (token ranges, inclusive),
    its edges at sentence or clause boundaries: at each edge the whole
    sentence when what the two texts have between the stretch and the
    sentence's edge belongs together (so a changed ending, a changed name or
    an inserted clause is inside both passages), else the clause, else the
    first clause inside the stretch, else the stretch's own edge.  Returns
    token ranges (inclusive), character spans (quotation marks and brackets
    balanced) and similarity, or None when no choice is similar enough."""
    sa, ea, sb, eb = _trim_strays(da, sa, ea, db, sb, eb)
    fa0, fa1 = da.region(sa)
    fb0, fb1 = db.region(sb)
    core = min(ea - sa, eb - sb) + 1
    sent_a, clause_a = _start_levels(da, sa, fa0)
    sent_b, clause_b = _start_levels(db, sb, fb0)
    send_a, cend_a = _end_levels(da, ea, fa1 - 1)
    send_b, cend_b = _end_levels(db, eb, fb1 - 1)
    # The edges that agree (all of them at once: a start or an end seldom
    # has more than two levels of its own, and lists are cheap to go over).
    start_levels = ((sent_a, sent_b), (clause_a, clause_b), (sent_a, clause_b), (clause_a, sent_b))
    starts = [
        (lo_a, lo_b)
        for lo_a, lo_b in dict.fromkeys(start_levels)
        if not (_tail(da, lo_a, ea) or _tail(db, lo_b, eb))
        and _edges_agree(da, lo_a, sa, db, lo_b, sb, True, core, (lo_a, lo_b) == (sent_a, sent_b))
    ]
    end_levels = ((send_a, send_b), (cend_a, cend_b), (send_a, cend_b), (cend_a, send_b))
    ends = [
        (hi_a, hi_b)
        for hi_a, hi_b in dict.fromkeys(end_levels)
        if _edges_agree(da, ea + 1, hi_a + 1, db, eb + 1, hi_b + 1, False, core, (hi_a, hi_b) == (send_a, send_b))
    ]

    def tries():
        yield from itertools.product(starts, ends)
        inner_start = (_inward_start(da, sa, ea), _inward_start(db, sb, eb))
        inner_end = (_inward_end(da, ea, sa), _inward_end(db, eb, sb))
        whole_start = (_inward_sentence_start(da, sa, ea), _inward_sentence_start(db, sb, eb))
        whole_end = (_inward_sentence_end(da, ea, sa), _inward_sentence_end(db, eb, sb))
        yield from ((s, whole_end) for s in starts)
        yield from ((whole_start, e) for e in ends)
        yield whole_start, whole_end
        yield from ((s, inner_end) for s in starts)
        yield from ((inner_start, e) for e in ends)
        yield inner_start, inner_end
        # Last, the two clauses whole even where their edges differ, if every
        # content word of one is in the other (a quotation translated again,
        # with a phrase added).
        yield None

    seen = set()
    for attempt in tries():
        last = attempt is None
        (a0, b0), (a1, b1) = ((clause_a, clause_b), (cend_a, cend_b)) if last else attempt
        if (a0, a1, b0, b1) in seen:
            continue
        seen.add((a0, a1, b0, b1))
        if min(a0, a1, b0, b1) < 0:
            continue
        if a1 - a0 + 1 < opts.min_words or b1 - b0 + 1 < opts.min_words:
            continue
        if other_speakers(da, a0, a1, db, b0, b1) or not states_something(da, a0, a1, db, b0, b1):
            continue
        ca = tidy(da.text, da.starts[a0], end_of(da, a1))
        cb = tidy(db.text, db.starts[b0], end_of(db, b1))
        sim = similarity(da.text[ca[0] : ca[1]], db.text[cb[0] : cb[1]])
        if sim < opts.min_similarity:
            continue
        copy = not last and _copied(da, a0, a1, sa, ea, db, b0, b1, sb, eb, core, sim)
        if copy or same_statement(da, a0, a1, db, b0, b1, contained=last):
            found = (a0, a1, b0, b1, ca[0], ca[1], cb[0], cb[1], sim)
            found = _quote_cut(da, db, found, opts) or found
            found = _denial_taken_in(da, db, found, opts) or found
            return _whole_quotation_reported(da, db, found, opts) or found
    # Last, one text quoting what the other reports in its own words.
    return _reported_speech(da, db, (sent_a, send_a, sent_b, send_b), opts)


def _if_alike(da: Doc, db: Doc, a0: int, a1: int, b0: int, b1: int, ca, cb, opts: AlignOptions):
    """The passage pair (token ranges inclusive, character spans ``ca`` and
    ``cb``) with its similarity, if it is similar enough to be shown; else None."""
    sim = similarity(da.text[ca[0] : ca[1]], db.text[cb[0] : cb[1]])
    return (a0, a1, b0, b1, ca[0], ca[1], cb[0], cb[1], sim) if sim >= opts.min_similarity else None


def _reported_speech(da: Doc, db: Doc, sentences: tuple[int, int, int, int], opts: AlignOptions):
    """Where one text quotes what the other reports around a shared stretch
    (:func:`.rewording.reported`: 'Wróbel said: "I will not cling to power.
    … I will accept the decision of the Sejm with my head held high …"' /
    "Wrobel told deputies that he would not cling to power and that he would
    accept the Sejm's decision with his head held high …"): the quotation's
    paragraph and the report's sentence, as :func:`snap` gives them, or None.
    The quotation is mostly quoted words, the report has none."""
    a0, a1, b0, b1 = sentences
    if min(a0, a1, b0, b1) < 0:
        return None
    a0, a1 = _quotation_paragraph(da, a0, a1)
    b0, b1 = _quotation_paragraph(db, b0, b1)
    if a1 - a0 + 1 < opts.min_words or b1 - b0 + 1 < opts.min_words:
        return None
    qa, qb = _quoted_share(da, a0, a1), _quoted_share(db, b0, b1)
    if qa >= _MOSTLY_QUOTED and qb == 0:
        said = reported(da, a0, a1, db, b0, b1, paragraph_speakers(da, a0, a1))
    elif qb >= _MOSTLY_QUOTED and qa == 0:
        said = reported(db, b0, b1, da, a0, a1, paragraph_speakers(db, b0, b1))
    else:
        return None
    if not said:
        return None
    ca = tidy(da.text, da.starts[a0], end_of(da, a1))
    cb = tidy(db.text, db.starts[b0], end_of(db, b1))
    return _if_alike(da, db, a0, a1, b0, b1, ca, cb, opts)


def _denial_taken_in(da: Doc, db: Doc, found, opts: AlignOptions):
    """Where one passage starts inside its sentence after words that deny
    it ("Halvern denied on Tuesday reports that | it will cut about 1,200
    jobs …"), both passages start at their sentences' starts, so the denial
    is inside, if the two are still similar enough; else None."""
    a0, a1, b0, b1, sa, ea, sb, eb, _sim = found
    first_a, first_b = da.sentence_of(a0)[0], db.sentence_of(b0)[0]
    if not ((first_a < a0 and denies(da, first_a, a0)) or (first_b < b0 and denies(db, first_b, b0))):
        return None
    ca = tidy(da.text, da.starts[first_a], ea)
    cb = tidy(db.text, db.starts[first_b], eb)
    return _if_alike(da, db, first_a, a1, first_b, b1, ca, cb, opts)


def _whole_quotation_reported(da: Doc, db: Doc, found, opts: AlignOptions):
    """Where one passage is part of a quotation and the other reports it
    unquoted ('two of them in Mejillones, and at least 41 people injured' /
    'two of the dead were in Mejillones and at least 40 people had been
    injured'), the quotation whole, if still similar enough; else None."""
    a0, a1, b0, b1, sa, ea, sb, eb, _sim = found
    qa, qb = _quoted_share(da, a0, a1), _quoted_share(db, b0, b1)
    if qa == 1 and qb == 0 and (whole := _the_quotation(da, a0, a1)) is not None:
        a0, a1, sa, ea = whole
    elif qb == 1 and qa == 0 and (whole := _the_quotation(db, b0, b1)) is not None:
        b0, b1, sb, eb = whole
    else:
        return None
    return _if_alike(da, db, a0, a1, b0, b1, (sa, ea), (sb, eb), opts)


def _the_quotation(doc: Doc, lo: int, hi: int) -> tuple[int, int, int, int] | None:
    """The quotation tokens lo..hi stand in, when it holds more than them
    (up to :data:`_QUOTE_RUN` words): its first and last tokens and its
    characters, tidied; else None."""
    at = doc.starts[lo]
    k = bisect.bisect_right(_quote_starts(doc), at) - 1
    if k < 0:
        return None
    s, e = doc.quoted[k]
    first, last = bisect.bisect_left(doc.starts, s), bisect.bisect_left(doc.starts, e) - 1
    if not first <= lo <= hi <= last or last - first > _QUOTE_RUN or (first, last) == (lo, hi):
        return None
    return (first, last, *tidy(doc.text, doc.starts[first], end_of(doc, last)))


_QUOTE_PARAGRAPH = 60  # words at most in a quotation's paragraph taken whole for a report of it
_MOSTLY_QUOTED = 0.6  # of a quotation's paragraph: the words inside its quotation marks


def _quotation_paragraph(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """A sentence that ends inside or with a quotation widened to its
    paragraph (up to :data:`_QUOTE_PARAGRAPH` words); another sentence as it is."""
    end = end_of(doc, hi)
    if _open_quote_end(doc, end) is None and not _closes_quote(doc, end):
        return lo, hi
    first, after = doc.para_bounds[doc.para[lo]]
    return (first, after - 1) if after - first <= _QUOTE_PARAGRAPH else (lo, hi)


def _quoted_share(doc: Doc, lo: int, hi: int) -> float:
    """The share of tokens lo..hi (inclusive) inside quotation marks."""
    return sum(_quoted_tokens(doc)[lo : hi + 1]) / (hi - lo + 1)


def _quoted_tokens(doc: Doc) -> bytearray:
    """1 for each token inside quotation marks (worked out once per document)."""
    found = doc.cache.get("quoted tokens")
    if found is None:
        found = doc.cache["quoted tokens"] = bytearray(len(doc.tokens))
        for s, e in doc.quoted:
            first, after = bisect.bisect_left(doc.starts, s), bisect.bisect_left(doc.starts, e)
            found[first:after] = b"\1" * (after - first)
    return found


def _quote_cut(da: Doc, db: Doc, found, opts: AlignOptions):
    """A quotation one version cuts short: where one passage ends with its
    quotation and the other stops inside its own, which goes on ('…already
    here."' / '…already here. Cities need shade…"'), the other runs to its
    quotation's end, so the cut is inside the passage.  None if neither."""
    a0, a1, b0, b1, sa, ea, sb, eb, _sim = found
    for x, y, t1, s, e, ye in ((da, db, a1, sa, ea, eb), (db, da, b1, sb, eb, ea)):
        rest = _open_quote_end(x, e)
        if rest is None or not _closes_quote(y, ye):
            continue
        t = bisect.bisect_right(x.starts, rest) - 1  # the last token starting inside the quotation
        # One sentence more at most, and one the other gives nowhere.
        if t <= t1 or t - t1 > 30 or x.sentence_of(t1 + 1) != x.sentence_of(t):
            continue
        if _given_elsewhere(x, t1 + 1, t + 1, y):
            continue
        line_end = y.text.find("\n", ye)
        if y.text[ye : line_end if line_end >= 0 else len(y.text)].strip():
            continue  # the other's quotation is followed by more words ('…," she said'): nothing left out
        cx = tidy(x.text, s, end_of(x, t))
        if x is da:
            a1, sa, ea = t, *cx
        else:
            b1, sb, eb = t, *cx
        found = _if_alike(da, db, a0, a1, b0, b1, (sa, ea), (sb, eb), opts)
        if found is not None:
            return found
    return None


def quotations_run_on(
    da: Doc, sa: int, ea: int, a1: int, db: Doc, sb: int, eb: int, b1: int
) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """Where two passages (characters sa..ea, sb..eb; last tokens a1, b1)
    each open a quotation and stop inside it, and the quotations go on in
    their paragraphs for about as many words (a speech translated twice,
    alike in its first sentence only): each passage run to the end of the
    sentence its quotation ends in, as (last token, start, end).  None
    otherwise: a quotation that goes on for longer in one is another cut."""
    if not (_opens_quotation(da, sa, ea) and _opens_quotation(db, sb, eb)):
        return None
    qa, qb = _quotation_last(da, ea), _quotation_last(db, eb)
    if qa is None or qb is None:
        return None
    more_a, more_b = qa - a1, qb - b1  # (the quotations' words left)
    if more_a <= 0 or more_b <= 0 or 10 * abs(more_a - more_b) > 3 * max(more_a, more_b):
        return None
    if not (_closed_in_paragraph(da, ea) and _closed_in_paragraph(db, eb)):
        return None  # (a quotation left open goes on in the next paragraph: joined there)
    if not _shared_content(da, a1 + 1, qa + 1, db, b1 + 1, qb + 1, 4):
        return None  # (the rests share less than half their words: "… reform will pass" / "… my full support")
    whole_a, whole_b = _to_quotation_end(da, sa, ea, a1), _to_quotation_end(db, sb, eb, b1)
    if whole_a[0] == a1 or whole_b[0] == b1:
        return None
    return whole_a, whole_b


def ends_inside_quotation(doc: Doc, t: int) -> bool:
    """Does a passage whose last token is ``t`` stop inside a quotation
    that goes on after it?"""
    return _open_quote_end(doc, end_of(doc, t)) is not None


def _closed_in_paragraph(doc: Doc, end: int) -> bool:
    """Does the quotation a passage ending at ``end`` stops inside close
    with a mark, in its paragraph?"""
    rest = _open_quote_end(doc, end)
    return rest is not None and doc.text[rest : rest + 1] in '"”»'


def _opens_quotation(doc: Doc, start: int, end: int) -> bool:
    """Does the quotation a passage ending at ``end`` stops inside open
    inside the passage (its opening mark at ``start`` or after)?"""
    k = bisect.bisect_right(_quote_starts(doc), end - 1) - 1
    return k >= 0 and doc.quoted[k][0] > start


def _given_elsewhere(x: Doc, lo: int, hi: int, y: Doc) -> bool:
    """Does ``y`` give the words of tokens lo..hi-1 of ``x`` somewhere (a
    third of their pairs of content words in a row), so that they are not
    left out there but quoted apart (a pull-quote, another paragraph)?"""
    keys = [x.keys[t] for t in x.content[bisect.bisect_left(x.content, lo) : bisect.bisect_left(x.content, hi)]]
    pairs = list(zip(keys, keys[1:]))
    if not pairs:
        return False
    theirs = y.cache.get("key pairs")
    if theirs is None:
        ys = [y.keys[t] for t in y.content]
        theirs = y.cache["key pairs"] = set(zip(ys, ys[1:]))
    return 3 * sum(p in theirs for p in pairs) >= len(pairs)


def _quote_starts(doc: Doc) -> list[int]:
    found = doc.cache.get("quote starts")
    if found is None:
        found = doc.cache["quote starts"] = [s for s, _ in doc.quoted]
    return found


def _open_quote_end(doc: Doc, end: int) -> int | None:
    """Where the quotation a passage ending at ``end`` stops inside ends."""
    k = bisect.bisect_right(_quote_starts(doc), end - 1) - 1
    if k >= 0:
        s, e = doc.quoted[k]
        if s < end < e:
            return e
    return None


def _to_quotation_end(doc: Doc, start: int, end: int, hi: int) -> tuple[int, int, int]:
    """A passage (characters ``start`` to ``end``; tokens up to ``hi``,
    inclusive) that stops inside a quotation going on in its paragraph runs
    to the end of the sentence the quotation ends in: its last token and
    character span, tidied.  Unchanged if it stops inside none, or the
    quotation runs on for more than :data:`_QUOTE_RUN` words."""
    t = _quotation_last(doc, end)
    if t is not None:
        t = doc.sentence_of(t)[1] - 1  # (and who said it, after it in its sentence)
        if hi < t <= hi + _QUOTE_RUN and doc.para[t] == doc.para[hi]:
            return (t, *tidy(doc.text, start, end_of(doc, t)))
    return hi, start, end


def _quotation_last(doc: Doc, end: int) -> int | None:
    """The last token of the quotation a passage ending at ``end`` stops
    inside, or None."""
    rest = _open_quote_end(doc, end)
    return None if rest is None else bisect.bisect_right(doc.starts, rest) - 1


def _closes_quote(doc: Doc, end: int) -> bool:
    """Does a passage ending at ``end`` end with a quotation's closing mark?"""
    k = bisect.bisect_right(_quote_starts(doc), end - 1) - 1
    return k >= 0 and doc.quoted[k][1] in (end - 1, end)


def similarity(a: str, b: str) -> float:
    """How alike two versions read, 0–100: see :func:`similarity_of`."""
    return similarity_of(normalise(a), normalise(b))


@lru_cache(maxsize=8192)
def similarity_of(na: str, nb: str) -> float:
    """The similarity of two normalised texts, 0–100: the mean of
    rapidfuzz's ``fuzz.ratio`` (characters to insert or delete to turn one
    into the other, in order) and ``fuzz.token_sort_ratio`` (the same with
    the words of each sorted, so a clause moved or a sentence turned
    passive costs only its changed words).  Equal texts score 100; every
    changed, added or dropped word lowers both, moved words only the first.

    ``token_sort_ratio`` is worked out as ``ratio`` of the sorted words,
    which is what it computes (normalised text: words split by single
    spaces); each text's sorted words are kept, since a version is scored
    against many others, and so are the scores of the pairs last met (the
    same two stretches are often scored again, by another try or step)."""
    return (fuzz.ratio(na, nb) + fuzz.ratio(_sorted_words(na), _sorted_words(nb))) / 2


@lru_cache(maxsize=16384)
def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))
