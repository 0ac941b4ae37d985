"""Rewording: sentences that carry one statement in other words.

The passages found by shared n-grams miss a sentence rewritten from end to
end (synonyms, clauses moved, active turned passive, a quote translated
again, a date changed).  This second pass pairs whole sentences:

* **Candidates**: each sentence is indexed under pairs of its rarest content
  words (rarest across the corpus's sentences), so two sentences meet only
  when they share rare words, the names, numbers and nouns that carry a
  statement.  A pair of words that many sentences share is no candidate.
  The work grows with the number of sentences, not its square.
* **Acceptance** is strict, since a looser matcher that groups different
  statements is worse, not better.  On the sentences' content-word keys
  (months and weekdays folded to one slot each, so a changed date still
  meets its original): the Dice overlap of the two sets at least
  0.8 and ``token_sort_ratio`` of the sorted keys at least 80; and the two
  sentences must not differ in negation ("not", "never", …) nor use
  opposite words ("open"/"close", "before"/"after", "rise"/"fall", …).
* A headline pairs only with a headline.

Accepted pairs become links like any other, so the thresholds and the
grouping apply to them unchanged.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .documents import SAYING_KEYS, Doc
from .options import AlignOptions
from .tokens import DURATIONS, MONTHS, NOT_NEGATING_AFTER_NO, WEEKDAYS, in_relative_clause, key_of

_RAREST = 5  # a sentence is indexed under pairs of its this many rarest words
_BUCKET = 12  # a pair of words shared by more sentences than this proposes none
_MAX_WORDS = 80  # longer "sentences" (lists, run-ons) are left to the n-gram pass
_MIN_DICE = 0.8
_MIN_SORTED = 80.0

_MONTHS = frozenset(map(key_of, MONTHS))
_DAYS = frozenset(map(key_of, WEEKDAYS))
_NEGATIONS = frozenset(("not", "no", "never", "nor", "none", "neither", "without", "nothing", "nobody"))
# Verbs that deny what follows them ("refused to meet" is "did not meet").
_DENIALS = frozenset(
    ("refuse", "refused", "refuses", "reject", "rejected", "rejects", "deny", "denied", "denies", "decline")
    + ("declined", "declines", "fail", "failed", "fails")
)
# Words of opposite sense (keys): one sentence with a word of one side and
# none of the other, the other sentence the reverse, are different statements.
_OPPOSITES = [
    (frozenset(map(key_of, a)), frozenset(map(key_of, b)))
    for a, b in (
        (("open", "opened", "opens", "reopened"), ("close", "closed", "closes", "shut")),
        (("before", "earlier"), ("after", "later")),
        (("rise", "rose", "risen", "raise", "raised", "increase", "increased", "grow", "grew", "higher"),
         ("fall", "fell", "fallen", "cut", "lower", "lowered", "decrease", "decreased", "drop", "dropped")),
        (("hire", "hired", "hiring"), ("cut", "fire", "fired", "lay", "laid")),
        (("win", "won", "wins"), ("lose", "lost", "loses")),
        (("accept", "accepted", "approve", "approved", "welcome", "welcomed", "sign", "signed", "agree", "agreed"),
         ("reject", "rejected", "veto", "vetoed", "dismiss", "dismissed", "refuse", "refused", "broke", "break")),
        (("more", "most", "higher"), ("less", "fewer", "least", "lower")),
        (("praise", "praised", "thank", "thanked"), ("criticise", "criticised", "criticize", "criticized")),
        (("buy", "bought", "sign", "signed"), ("sell", "sold")),
        (("productive", "useful"), ("pointless",)),
        # a rate or a price changed, or left as it was
        (("raise", "raised", "raises", "cut", "cuts", "lower", "lowered", "hike", "hiked", "increase", "increased"),
         ("held", "hold", "holds", "left", "kept", "keep", "unchanged", "steady", "paused", "pause")),
    )
]
_OPPOSITE_KEYS = frozenset().union(*(one | other for one, other in _OPPOSITES))
_NEGATION_KEYS = frozenset(map(key_of, _NEGATIONS | _DENIALS))
# Words that deny what the clause after them says ("denied … that", "did not confirm that").
_FRAMING_DENIALS = frozenset(("not", "never", "denied", "denies", "deny", "rejected", "rejects", "dismissed"))

# Irregular verbs: past forms meet their verb ("wrote a reply" / "had written a reply").
_IRREGULAR = {
    key_of(form): key_of(verb)
    for verb, *forms in (
        ("write", "wrote", "written"), ("take", "took", "taken"), ("give", "gave", "given"), ("make", "made"),
        ("tell", "told"), ("meet", "met"), ("lead", "led"), ("leave", "left"), ("hold", "held"),
        ("find", "found"), ("begin", "began", "begun"), ("speak", "spoke", "spoken"), ("break", "broke", "broken"),
        ("choose", "chose", "chosen"), ("rise", "rose", "risen"), ("fall", "fell", "fallen"), ("win", "won"),
        ("lose", "lost"), ("buy", "bought"), ("sell", "sold"), ("send", "sent"), ("build", "built"), ("pay", "paid"),
        ("run", "ran"), ("come", "came"), ("go", "went", "gone"), ("know", "knew", "known"), ("see", "saw", "seen"),
        ("think", "thought"), ("bring", "brought"), ("keep", "kept"), ("stand", "stood"), ("hear", "heard"),
        ("feel", "felt"), ("seek", "sought"), ("fight", "fought"), ("catch", "caught"), ("drive", "drove", "driven"),
        ("fly", "flew", "flown"), ("grow", "grew", "grown"), ("throw", "threw", "thrown"), ("draw", "drew", "drawn"),
        ("strike", "struck"), ("spend", "spent"), ("lay", "laid"), ("flee", "fled"), ("sit", "sat"),
        ("get", "got", "gotten"), ("forget", "forgot", "forgotten"), ("bear", "bore", "born"), ("wear", "wore", "worn"),
        ("steal", "stole", "stolen"), ("freeze", "froze", "frozen"), ("hide", "hid", "hidden"), ("eat", "ate", "eaten"),
        ("shoot", "shot"), ("feed", "fed"), ("hang", "hung"), ("sink", "sank", "sunk"), ("mean", "meant"),
        ("deal", "dealt"), ("withdraw", "withdrew", "withdrawn"), ("undertake", "undertook", "undertaken"),
        ("overthrow", "overthrew", "overthrown"), ("forbid", "forbade", "forbidden"), ("shake", "shook", "shaken"),
    )
    for form in forms
}
# Words of attribution, not of the statement: "…, a spokesman said" / "according to a spokesman".
_ATTRIBUTION = SAYING_KEYS | frozenset(map(key_of, ("according", "told", "tell", "tells", "reportedly", "allegedly")))


@dataclass
class _Sentence:
    doc: int
    lo: int  # tokens, inclusive
    hi: int
    keys: frozenset[str]
    sorted_keys: str
    negated: bool
    marks: frozenset[str]
    title: bool


@lru_cache(maxsize=65536)
def _slot(key: str) -> str:
    key = _IRREGULAR.get(key, key)
    # A country and its adjective meet: Russia/Russian, Ukraine/Ukrainian, Syria/Syrian.
    if key.endswith("ian") and len(key) > 5:
        key = key[:-3]
    elif key.endswith("ia") and len(key) > 4:
        key = key[:-2]
    if key in _MONTHS:
        return "#m"
    if key in _DAYS:
        return "#d"
    return key


class _Slots(dict):
    """key -> :func:`_slot` of it, looked up without a Python call."""

    def __missing__(self, key: str) -> str:
        if len(self) >= 200_000:  # a bound on memory (a corpus's keys are far fewer)
            self.clear()
        found = self[key] = _slot(key)
        return found


_SLOTS = _Slots()


def _profile(doc: Doc, lo: int, hi: int) -> tuple[frozenset[str], str, bool, frozenset[str]]:
    """Tokens lo..hi's content keys (months and weekdays as slots), the
    keys sorted and joined, whether a negation is among them, and the keys
    with the words of opposite sense among the function words."""
    keys = []
    marks = []
    negated = False
    attribution, opposite, negations, slots = _ATTRIBUTION, _OPPOSITE_KEYS, _NEGATION_KEYS, _SLOTS
    for token in doc.tokens[lo : hi + 1]:
        key = token[2]  # (token.key: the tuple's item read without a descriptor call)
        if token[3]:  # token.content
            if key not in attribution:
                keys.append(slots[key])
        elif key in opposite:
            # Words of opposite sense count even when they are function words ("before", "after").
            marks.append(key)
        if key in negations:
            negated = True
    if negated:
        tokens = doc.tokens
        negated = any(
            t.key in negations
            and not in_relative_clause(doc.text, doc.starts, _Ends(tokens), k, lo, hi + 1)
            and not (t.key == "no" and k < hi and tokens[k + 1].key in _NOT_NEGATING_KEYS)
            for k, t in enumerate(tokens[lo : hi + 1], lo)
        )
    found = frozenset(keys)
    return found, " ".join(sorted(keys)), negated, found.union(marks) if marks else found


class _Ends:
    """Where each token of a document ends, read off its tokens when asked
    (a list of them all, kept per document, took some 50 MB at 1,600
    articles)."""

    __slots__ = ("tokens",)

    def __init__(self, tokens) -> None:
        self.tokens = tokens

    def __getitem__(self, k: int) -> int:
        return self.tokens[k].end

    def __len__(self) -> int:
        return len(self.tokens)


def _sentences(d: int, doc: Doc, opts: AlignOptions) -> list[_Sentence]:
    out = []
    starts = doc.sentence_starts
    n = len(doc.tokens)
    for k, lo in enumerate(starts):
        hi = (starts[k + 1] if k + 1 < len(starts) else n) - 1
        if hi - lo + 1 < opts.min_words or hi - lo + 1 > _MAX_WORDS or doc.boilerplate[lo]:
            continue
        keys, sorted_keys, negated, marks = _profile(doc, lo, hi)
        if len(keys) < opts.min_shared:
            continue
        out.append(_Sentence(d, lo, hi, keys, sorted_keys, negated, marks, doc.in_title(lo)))
    return out


def _opposed(x: frozenset[str], y: frozenset[str]) -> bool:
    for one, other in _OPPOSITES:
        if (x & one and not x & other and y & other and not y & one) or (
            x & other and not x & one and y & one and not y & other
        ):
            return True
    return False


def _agree(
    xk: frozenset[str],
    xs: str,
    xn: bool,
    xm: frozenset[str],
    yk: frozenset[str],
    ys: str,
    yn: bool,
    ym: frozenset[str],
    contained: bool = False,
) -> bool:
    if xn != yn:
        return False
    shared = len(xk & yk)
    if contained:
        if shared < min(len(xk), len(yk)):
            return False
    else:
        if _amount(xk - yk) and _amount(yk - xk):
            shared += 1  # only an amount given otherwise ("about an hour" / "up to 90 minutes"): one word changed
        if 2 * shared < _MIN_DICE * (len(xk) + len(yk)) or fuzz.token_sort_ratio(xs, ys) < _MIN_SORTED:
            return False
    return not _opposed(xm, ym)


_DURATIONS = frozenset(map(key_of, DURATIONS))
_NOT_NEGATING_KEYS = frozenset(map(key_of, NOT_NEGATING_AFTER_NO))


def _amount(keys: frozenset[str]) -> bool:
    """Are these keys (some) all figures or units of time?"""
    return bool(keys) and all(key[:1].isdigit() or key in _DURATIONS for key in keys)


def _same_statement(x: _Sentence, y: _Sentence) -> bool:
    return x.title == y.title and _agree(
        x.keys, x.sorted_keys, x.negated, x.marks, y.keys, y.sorted_keys, y.negated, y.marks
    )


def denies(doc: Doc, lo: int, hi: int) -> bool:
    """Do tokens lo..hi-1 hold a verb of denial or a "not" ("Halvern denied
    on Tuesday reports that …", "did not confirm that …")?  (As written:
    the keys fold "noted" with "not".)"""
    text = doc.text
    return any(text[t.start : t.end].casefold() in _FRAMING_DENIALS for t in doc.tokens[lo:hi])


def same_polarity(da: Doc, a0: int, a1: int, db: Doc, b0: int, b1: int) -> bool:
    """No negation or denial in one only, no words of opposite sense?"""
    _, _, xn, xm = _profile(da, a0, a1)
    _, _, yn, ym = _profile(db, b0, b1)
    return xn == yn and not _opposed(xm, ym)


def same_statement(da: Doc, a0: int, a1: int, db: Doc, b0: int, b1: int, contained: bool = False) -> bool:
    """Do tokens a0..a1 of one text and b0..b1 of the other (inclusive) say
    the same thing in words close enough: most content words shared (Dice
    at least 0.8 on their keys, months and weekdays as slots), the sorted
    keys alike (``token_sort_ratio`` at least 80), no negation in one only,
    no opposite words?  With ``contained``, every content word of the
    shorter must be in the longer, which may add a phrase."""
    return _agree(*_profile(da, a0, a1), *_profile(db, b0, b1), contained=contained)


def reworded_pairs(docs: list[Doc], opts: AlignOptions) -> dict[tuple[int, int], list[tuple[int, int, int, int]]]:
    """For each pair of articles (a < b), the sentence pairs that carry the
    same statement: token ranges (inclusive) in a and in b."""
    sentences = [s for d, doc in enumerate(docs) for s in _sentences(d, doc, opts)]
    df = Counter(itertools.chain.from_iterable(s.keys for s in sentences))  # (counted in C)
    # The sentences of each set of keys (several articles may carry one
    # sentence): its rarest keys are worked out once.
    by_keys: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, s in enumerate(sentences):
        by_keys[s.keys].append(i)
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for keys, members in by_keys.items():
        rare = [k for _, k in sorted([(df[k], k) for k in keys if k[:1] != "#"])[:_RAREST]]
        for pair in itertools.combinations(sorted(rare), 2):
            buckets[pair] += members
    seen: set[int] = set()  # pairs of sentences (i, j) as i * many + j
    many = len(sentences)
    found: dict[tuple[int, int], list[tuple[int, int, int, int]]] = defaultdict(list)
    for members in buckets.values():
        if len(members) < 2 or len(members) > _BUCKET:
            continue
        members.sort()  # (in the order of the sentences, as each pair is seen once)
        for i, j in itertools.combinations(members, 2):
            x, y = sentences[i], sentences[j]
            if x.doc == y.doc or i * many + j in seen:
                continue
            seen.add(i * many + j)
            if _same_statement(x, y):
                if x.doc > y.doc:
                    x, y = y, x
                found[(x.doc, y.doc)].append((x.lo, x.hi, y.lo, y.hi))
    for spans in found.values():
        spans.sort()
    return found


_LEDE_MIN_SHARED = 5  # content words two ledes share at least ...
_LEDE_MIN_DICE = 0.5  # ... and half of those of both
_LEDE_PARAGRAPHS = 4  # a lede is in one of the body's first paragraphs
_LEDE_WORDS_IN_LOWER_CASE = 3  # at least: a line of names and figures (a date line) is no lede
_SENTENCE_END = re.compile(r"[\"”’)\]]*[.!?…]")  # after a sentence's last word


def lede(doc: Doc, opts: AlignOptions) -> tuple[int, int] | None:
    """The article's lede: the first sentence of its body, as tokens
    (inclusive), or None.  It comes after the headline, outside page
    furniture, in one of the first few paragraphs, ends as a sentence does
    and has words in lower case: the lines before it that end in no full
    stop (a subheading, an outlet's tagline) or are all names and figures
    (a date line) are not the story yet."""
    cached = doc.cache.get("lede", ())
    if cached != ():
        return cached
    found = None
    starts, n, text = doc.sentence_starts, len(doc.tokens), doc.text
    first = bisect.bisect_left(starts, doc.title[1])
    for k in range(first, len(starts)):
        lo = starts[k]
        hi = (starts[k + 1] if k + 1 < len(starts) else n) - 1
        if doc.para[lo] - doc.para[starts[first]] >= _LEDE_PARAGRAPHS:
            break
        if doc.boilerplate[lo] or not _SENTENCE_END.match(text, doc.tokens[hi].end):
            continue
        tokens = doc.tokens[lo : hi + 1]
        if sum(t.content and text[t.start].islower() for t in tokens) < _LEDE_WORDS_IN_LOWER_CASE:
            continue  # (a date line: "Monday, March 9, 2026, 6:45 p.m.")
        if opts.min_words <= hi - lo + 1 <= _MAX_WORDS:
            found = (lo, hi)
        break
    doc.cache["lede"] = found
    return found


def _lede_profile(doc: Doc, span: tuple[int, int]) -> tuple[frozenset[str], str, bool, frozenset[str]]:
    found = doc.cache.get("lede profile")
    if found is None:
        found = doc.cache["lede profile"] = _profile(doc, *span)
    return found


def same_news(da: Doc, db: Doc, opts: AlignOptions) -> tuple[int, int, int, int] | None:
    """The two articles' ledes, as token ranges (inclusive), when each
    tells the news in its own words ("A magnitude 6.8 earthquake struck off
    the coast of northern Chile on Monday, killing three people, cutting
    power to tens of thousands of homes …" / "Three people died and dozens
    were hurt when a powerful earthquake shook Chile's northern coast before
    dawn on Monday, knocking out power to tens of thousands of homes …"):
    half their content words shared (Dice), five at least, no negation in
    one only, no words of opposite sense.  Looser than two sentences
    anywhere (:func:`reworded_pairs`): a lede sums up its story, so two
    articles that share passages open on the same news.  Else None."""
    x, y = lede(da, opts), lede(db, opts)
    if x is None or y is None:
        return None
    kx, _, nx, mx = _lede_profile(da, x)
    ky, _, ny, my = _lede_profile(db, y)
    shared = len(kx & ky)
    if shared < _LEDE_MIN_SHARED or 2 * shared < _LEDE_MIN_DICE * (len(kx) + len(ky)):
        return None
    return (*x, *y) if nx == ny and not _opposed(mx, my) else None


_MIN_REPORTED_DICE = 0.5  # (of the content words, the speaker's name and words of saying left out)
_MIN_REPORTED_SHARED = 4


def reported(dq: Doc, q0: int, q1: int, dt: Doc, t0: int, t1: int, who: frozenset[str]) -> bool:
    """Does tokens t0..t1 of ``dt`` report in its own words what tokens
    q0..q1 of ``dq`` quote ('Wróbel said: "I will not cling to power. … I
    will accept the decision of the Sejm with my head held high …"' /
    "Wrobel told deputies that he would not cling to power and that he would
    accept the Sejm's decision with his head held high")?  The report has a
    word of saying and names one of ``who``, the quotation's speakers; half
    their other content words are shared (Dice), four at least; no negation
    in one only, no words of opposite sense."""
    if not who or not any(t.key in _ATTRIBUTION for t in dt.tokens[t0 : t1 + 1]):
        return False
    kq, _, nq, mq = _profile(dq, q0, q1)
    kt, _, nt, mt = _profile(dt, t0, t1)
    if not (who & kt):
        return False
    kq, kt = kq - who, kt - who
    shared = len(kq & kt)
    if shared < _MIN_REPORTED_SHARED or 2 * shared < _MIN_REPORTED_DICE * (len(kq) + len(kt)):
        return False
    return nq == nt and not _opposed(mq, mt)
