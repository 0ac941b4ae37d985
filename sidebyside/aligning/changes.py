"""How the versions of a passage group differ: every version is compared
word by word with the group's most common wording (as
:mod:`sidebyside.wording` does), and each difference is classified (see
:mod:`.facts` for the kinds and their order)."""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import not_

from ..model import MATERIAL, Change, ChangeKind, Group
from ..reading.textmeta import MONTH_NUMBERS, days_named, is_time_zone, same_moment, times_of_day
from .quotations import STARTS_AFTER
from .speakers import _WEAK_VERBS, SPEECH_VERBS, Sentences, short_names
from .tokens import (
    DURATIONS,
    NOT_NEGATING_AFTER_NO,
    STOPWORDS,
    WEEKDAYS,
    in_relative_clause,
    key_of,
    normalise,
    tokenize,
)

_NEGATIONS = frozenset("not no never none nobody nothing neither nor cannot without hardly".split())
# Verbs that negate what they report: "denied he had ever taken" is "never took".
_DENIALS = frozenset("denied denies deny denying".split())
# Verbs that say who spoke (not the ones with other uses: "called", "say" of example, "reports").
_SAID = SPEECH_VERBS - _WEAK_VERBS - frozenset("say tell reported reports cited quoted".split())
# The counts written in words up to twenty, in order (a word's place is its value).
_COUNT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
_NUMBER_WORDS = frozenset(_COUNT_WORDS) | frozenset(
    """
    thirty forty fifty sixty seventy eighty ninety hundred
    hundreds thousand thousands million millions billion billions trillion dozen dozens first second
    third fourth fifth sixth seventh eighth ninth tenth half twice once percent several
    """.split()
)
_CARDINALS = _NUMBER_WORDS - frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth half twice once percent several".split()
)
# Months, also as written short ("Feb." for February).
_MONTHS = frozenset(MONTH_NUMBERS)
_DATE_WORDS = (
    _MONTHS
    | WEEKDAYS
    | frozenset("today yesterday tomorrow tonight week weekend month year morning evening night".split())
)
# Where a person stands before the law.  A replaced phrase with such a word
# on each side that differ ("detained for questioning" / "arrested",
# "charged with" / "arrested on suspicion of") changes it; a word of the
# strong ones added or left out alone ("arrested and charged" / "arrested")
# does too.
_LEGAL_STRONG = frozenset(
    """
    arrested detained charged indicted convicted sentenced acquitted jailed imprisoned remanded extradited
    bailed cautioned
    """.split()
)
_LEGAL = _LEGAL_STRONG | frozenset(
    """
    arrest arrests detain detains questioning suspicion suspected guilty innocent pleaded custody released freed
    bail
    """.split()
)


_BEFORE_LEGAL = frozenset("was were is are be been being has have had and not".split())
_AFTER_LEGAL = frozenset("with on for over after in at".split())


def _legal_words(w: Words, lo: int, hi: int, words: frozenset[str]) -> set[str]:
    """The words of ``words`` among words ``[lo, hi)``; a strong one only as
    said of a person ("was arrested", "charged with", "arrested and
    charged"), not "the prices charged", "fully charged batteries"."""
    found = set()
    for k in range(lo, hi):
        word = w.words[k].casefold()
        if word not in words:
            continue
        if word in _LEGAL_STRONG:
            before = w.words[k - 1].casefold() if k > 0 else ""
            after = w.words[k + 1].casefold() if k + 1 < len(w.words) else ""
            if before not in _BEFORE_LEGAL and after not in _AFTER_LEGAL:
                continue
        found.add(word)
    return found


def _legal_status_changed(ref: Words, i1: int, i2: int, ver: Words, j1: int, j2: int, tag: str) -> bool:
    """Do the words replaced, added or left out change where someone stands
    before the law (see :data:`_LEGAL`): a word of it on one side that the
    other version does not hold anywhere (not one moved: a headline's
    "Man charged with …" / "…: man, 35, charged")?"""
    if tag == "replace":
        a, b = _legal_words(ref, i1, i2, _LEGAL), _legal_words(ver, j1, j2, _LEGAL)
        strong = (a | b) & _LEGAL_STRONG  # ("released" / "freed" is one status: no strong word, no change)
        return bool(a) and bool(b) and bool(strong) and bool(a - _all_words(ver) or b - _all_words(ref))
    if tag in ("delete", "insert"):
        side, lo, hi, other = (ref, i1, i2, ver) if tag == "delete" else (ver, j1, j2, ref)
        found = _legal_words(side, lo, hi, _LEGAL_STRONG)
        return bool(found) and bool(found - _all_words(other))  # (the other's words only when there is one)
    return False


def _all_words(w: Words) -> set[str]:
    return {word.casefold() for word in w.words}


# Words that change who vouches for a statement (a speech verb alone does not:
# which speaker is named is compared separately).
_HEDGES = frozenset(
    """
    according allegedly alleged alleges reportedly claimed claims claim claiming purportedly
    supposedly apparently
    """.split()
)


_DETERMINERS = frozenset("the a an this that its his her their our your".split())
_HEDGE_NOUNS = frozenset(("claim", "claims"))


def _hedges(w: Words, lo: int, hi: int) -> set[str]:
    """The hedge words among words ``[lo, hi)``, but "claim" as a noun, after
    a determiner ("aware of the claim" vouches for nothing; "the alleged
    attacker" does)."""
    return {
        key
        for k in range(lo, hi)
        if (key := w.keys[k]) in _HEDGES and not (key in _HEDGE_NOUNS and k and w.keys[k - 1] in _DETERMINERS)
    }


@dataclass(slots=True)  # (not frozen: made for every version, and frozen fields are set one call each)
class Words:
    text: str  # the version's text
    # What the word offsets are offsets into (the version's article, or
    # its text), and where the version's text starts in it.
    source: str
    base: int
    ends: list[int]  # where each word ends (in ``source``)
    keys: list[str]  # as the word diff compares them
    stems: list[str]  # as the aligner matches them
    quoted: list[bool]
    initial: list[bool]  # begins a sentence
    title_case: bool  # a headline's Capitalised Words: no telling names apart
    negations: list[bool]  # a "not", "never", "no" …
    starts: list[int]  # where each word starts (in ``source``)
    words: list[str]  # each word as written


class _WordInfo(dict):
    """A word's diff key, matching key, whether it negates and whether it
    begins with a capital, by spelling, worked out when first asked for."""

    def __missing__(self, word: str) -> tuple[str, str, bool, bool]:
        return _word_info(word)


_WORD_INFO = _WordInfo()


def _word_info(word: str) -> tuple[str, str, bool, bool]:
    if len(_WORD_INFO) > 200_000:
        _WORD_INFO.clear()
    low = word.casefold()
    found = _WORD_INFO[word] = (
        # (normalise keeps an ASCII word of letters and digits as it is, casefolded)
        low if word.isascii() and word.isalnum() else normalise(word) or low,
        key_of(word),
        low in _NEGATIONS or low in _DENIALS or low.endswith(("n't", "n’t")),
        word[:1].isupper(),
    )
    return found


def words_of(text: str, quoted_of=None) -> Words:
    """A version's words; ``quoted_of(offsets)`` says for the words at
    those offsets (in order) whether each stands inside quotation marks."""
    tokens = tokenize(text)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    quoted = quoted_of(starts) if quoted_of is not None else [False] * len(starts)
    return words_from(text, starts, ends, [text[s:e] for s, e in zip(starts, ends)], quoted)


# A stop or comma between two word characters (\w takes in every character
# str.isdigit does), written to start with the stop: the regex engine scans for it fast.
_DECIMAL_GAP_RE = re.compile(r"[.,](?<=\w[.,])(?=\w)")


def _mark_decimal_parts(source: str, starts: list[int], ends: list[int], stems: list[str]) -> None:
    """The digits before and after a decimal point or a thousands comma
    matched as such ("5." and ".2" of "5.2"), so the word diff never pairs
    the "5" of "£5.2" with the "5" of "$6.5" (which showed "adds 6")."""
    # (Such a stop or comma has a word character on each side: most
    # versions have none, and one search tells.)
    if not starts or not _DECIMAL_GAP_RE.search(source, starts[0], ends[-1]):
        return
    for k in range(len(starts) - 1):
        if (
            source[ends[k] : starts[k + 1]] in (".", ",")
            and source[ends[k] - 1 : ends[k]].isdigit()
            and source[starts[k + 1] : starts[k + 1] + 1].isdigit()
        ):
            stems[k] += "."
            stems[k + 1] = "." + stems[k + 1]


def words_from(
    text: str,
    starts: list[int],
    ends: list[int],
    words: list[str],
    quoted: list[bool],
    initial: list[bool] | None = None,
    source: str | None = None,
    base: int = 0,
) -> Words:
    """A version's words from its tokens (where each starts and ends in
    ``source``, by default its text ``text``, which starts at ``base`` in
    it; whether each is quoted), as :func:`words_of` finds them;
    ``initial``, when given: whether a stop stands before each word
    (:meth:`.quotations.WordIndex.initial`)."""
    source = text if source is None else source
    if not words:
        return Words(text, source, base, [], [], [], quoted, [], False, [], [], [])
    info = list(map(_WORD_INFO.__getitem__, words))
    keys, stems, negations, capitalised = map(list, zip(*info))
    _mark_decimal_parts(source, starts, ends, stems)
    if any(negations):
        for k in range(len(words) - 1):  # "no matter how long": no negation
            if negations[k] and words[k].casefold() == "no" and words[k + 1].casefold() in NOT_NEGATING_AFTER_NO:
                negations[k] = False
            elif negations[k] and source[ends[k] : starts[k + 1]] == "-":
                negations[k] = False  # part of a word ("a no-confidence vote", "a no-fly zone")
    # A word begins a sentence when what stands before it holds a stop (or it is the first).
    if initial is None:
        gaps = map(source.__getitem__, map(slice, [base, *ends[:-1]], starts))
        initial = list(map(not_, map(STARTS_AFTER.isdisjoint, gaps)))
    initial[0] = True
    title_case = _in_title_case(len(words), sum(capitalised))
    return Words(text, source, base, ends, keys, stems, quoted, initial, title_case, negations, starts, words)


def _scope_of(w: Words, i: int) -> str:
    """The stem of the content word the negation at ``i`` bears on."""
    k = i + 1
    n = len(w.keys)
    while k < n and (w.keys[k] in STOPWORDS or w.negations[k]):
        k += 1
    return w.stems[k] if k < n else ""


_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")


def _negative_form(target: str, w: Words, lo: int, hi: int) -> bool:
    """Do words ``[lo, hi)`` of ``w`` give the negated word as one word of
    the opposite sense ("not acceptable" / "unacceptable", "not possible"
    / "impossible", "not legal" / "illegal": stems keep one of a doubled
    letter, so "il" + "legal" is "ilegal"; "did not accept" / "rejected")?"""
    if not target:
        return False
    for stem in w.stems[lo:hi]:
        prefix = stem[: len(stem) - len(target)].rstrip("-")
        if stem.endswith(target) and (prefix in _NEGATIVE_PREFIXES or (prefix == "i" and target[0] in "lmr")):
            return True
    # "did not accept" / "rejected": the verb of the opposite sense, with no
    # other word but function words beside it ("lifted its ban on" turns it round again).
    opposites = _OPPOSITE_VERBS.get(target, ())
    found = [k for k in range(lo, hi) if w.stems[k] in opposites]
    return len(found) == 1 and all(w.keys[k] in STOPWORDS for k in range(lo, hi) if k != found[0])


# Verbs whose negation another verb says in one word ("did not accept" /
# "rejected", "did not allow" / "barred"), by their stems (key_of).
_OPPOSITE_VERBS = {
    key_of(word): frozenset(map(key_of, opposites))
    for word, opposites in (
        ("accept", ("reject", "rejected", "rejects", "refuse", "refused", "refuses", "dismiss", "dismissed")),
        ("allow", ("bar", "barred", "ban", "banned", "forbid", "forbade", "forbidden", "prohibit", "prohibited")),
        ("include", ("exclude", "excluded", "excludes", "omit", "omitted")),
    )
}


def _litotes(target: str, w: Words, lo: int, hi: int) -> bool:
    """Is the negated word itself the negative form of one of words ``[lo,
    hi)`` of ``w``: "not unexpected" / "expected", a double negative that
    says the same?"""
    for prefix in _NEGATIVE_PREFIXES:
        if target.startswith(prefix) and len(target) - len(prefix) >= 4:
            base = target[len(prefix) :].lstrip("-")
            if base in w.stems[lo:hi]:
                return True
    return False


def _negated(w: Words) -> Counter[str]:
    """What the version negates: the key of the content word after each
    negation (never changed after: a version without one shares one empty counter)."""
    if True not in w.negations:
        return _NOTHING_NEGATED
    return Counter(_scope_of(w, i) for i, negation in enumerate(w.negations) if negation)


_NOTHING_NEGATED: Counter[str] = Counter()


def _moved_negation(w: Words, other: Words) -> bool:
    """Does ``w`` negate a word ``other`` gives too, but not negated there,
    not even a few words from a negation ("no faults" / "no structural
    faults", "not won anything" / "won nothing" are not moved; "would not
    inspect" / "did not say whether it would inspect" is)?"""
    near: set[str] = set()
    for i, negation in enumerate(other.negations):
        if negation:
            near.update(other.stems[max(0, i - 4) : i + 5])
    other_stems = set(other.stems)
    return any(
        scope and scope in other_stems and scope not in near
        for scope in (_scope_of(w, i) for i, negation in enumerate(w.negations) if negation)
    )


def _scope_negations(w: Words, lo: int, hi: int) -> set[str]:
    """What the negations among words ``[lo, hi)`` negate, but for those in
    a relative clause set off by commas that lies whole among them (", who
    did not want to be named,"): a clause added or left out, not a negation."""
    return {
        _scope_of(w, i)
        for i in range(lo, hi)
        if w.negations[i] and not in_relative_clause(w.source, w.starts, w.ends, i, lo, hi)
    }


def _is_year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2100


def _has_date(w: Words, lo: int, hi: int) -> bool:
    """Do words ``[lo, hi)`` hold a date: a date word, a year, or a day of
    the month beside its month ("December 3" / "3 December")?"""
    keys = w.keys[lo:hi]
    if not _DATE_WORDS.isdisjoint(keys) or any(map(_is_year, keys)):
        return True
    day = keys[0].rstrip("stndrh") if hi - lo == 1 else ""  # ("3", "3rd", "21st")
    return day.isdigit() and 1 <= int(day) <= 31 and (_month_at(w, lo - 1) or _month_at(w, hi))


def _month_at(w: Words, k: int) -> bool:
    """Is word ``k`` a month's name, written with its capital ("May", not "may")?"""
    return 0 <= k < len(w.keys) and w.keys[k] in _MONTHS and w.words[k][:1].isupper()


def _numbers(w: Words, lo: int, hi: int) -> set[str]:
    """The numbers among words ``[lo, hi)``, a decimal or a thousands
    group joined to the digits before it ("5.5", not "5" and "5")."""
    found = set()
    k = lo
    while k < hi:
        key = w.keys[k]
        if key in _NUMBER_WORDS or _HAS_DIGIT[key]:
            end = k + 1
            while end < hi and w.keys[end].isdigit() and w.source[w.ends[end - 1] : w.starts[end]] in (".", ","):
                end += 1
            found.add(w.source[w.starts[k] : w.ends[end - 1]] if end > k + 1 else key)
            k = end
        else:
            k += 1
    return found


def _names(w: Words, lo: int, hi: int) -> set[str]:
    if w.title_case:
        return set()
    out = set()
    for i in range(lo, hi):
        word = w.source[w.starts[i] : w.ends[i]]
        if (
            word[:1].isupper()
            and not w.initial[i]
            and w.keys[i] not in _DATE_WORDS
            and w.keys[i] != "i"
            and word.casefold() not in _UNITS  # (Celsius, Fahrenheit)
        ):
            out.add(w.stems[i])
    return out


@lru_cache(maxsize=4096)
def same_name(a: str, b: str) -> bool:
    """Two spellings of one name (Brandvold / Brandvoll, Sergei / Sergey,
    Katherine / Catherine), or the same name."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    if _alike(a, b):
        return True
    # Their keys alike, for letters no two spellings share (Đoković / Djokovic).
    ka, kb = key_of(a), key_of(b)
    return not (a.isascii() and b.isascii()) and len(ka) >= 4 and len(kb) >= 4 and _alike(ka, kb)


def _alike(a: str, b: str) -> bool:
    """SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75, letter by letter."""
    matches = sum(size for _, _, size in _matching_blocks(a, b, _positions(a)))
    return 2.0 * matches / (len(a) + len(b)) >= 0.75


class _HasDigit(dict):
    """Whether a key holds a digit, by key, worked out when first asked for."""

    def __missing__(self, key: str) -> bool:
        if len(self) > 200_000:
            self.clear()
        found = self[key] = any(map(str.isdigit, key))
        return found


_HAS_DIGIT = _HasDigit()


def _whole_sentence(w: Words, lo: int, hi: int) -> bool:
    """Words ``[lo, hi)`` hold a sentence's end: a whole sentence (or the
    rest of one) added or left out, not a word changed inside one."""
    if hi - lo < 4:
        return False
    end = w.starts[hi] if hi < len(w.starts) else w.base + len(w.text)
    return not _SENTENCE_STOPS.isdisjoint(w.source[w.starts[lo] : end])


_SENTENCE_STOPS = frozenset(".!?")


def _classify(
    ref: Words, ver: Words, tag: str, i1: int, i2: int, j1: int, j2: int, negated, sides: tuple[bool, ...]
) -> ChangeKind:
    # (``sides``: whether the reference and the version hold an "according",
    # and a speech verb, anywhere: the tests for them skip a side without)
    ref_negated, ver_negated, balanced = negated
    ref_according, ver_according, ref_says, ver_says = sides
    if balanced:
        # As many negations on each side: reworded around them ("no
        # structural faults" / "no faults"), none added or taken away.
        negated = None
    # "according to X" on one side only: a source given or taken away, unless
    # the other side names X too ("according to city figures" / "city figures show").
    if (ref_according and _own_source(ref, i1, i2, ver)) or (ver_according and _own_source(ver, j1, j2, ref)):
        return "attribution"
    # "…, a court spokesman said" on one side, nothing saying who on the other.
    if (tag == "delete" and ref_says and _unsaid(ref, i1, i2, ver)) or (
        tag == "insert" and ver_says and _unsaid(ver, j1, j2, ref)
    ):
        return "attribution"
    if tag == "delete" and _whole_sentence(ref, i1, i2):
        return "dropped"
    if tag == "insert" and _whole_sentence(ver, j1, j2):
        return "added"
    if (tag == "insert" and _decimals(ver, j1, j2)) or (tag == "delete" and _decimals(ref, i1, i2)):
        return "number"
    if tag == "replace" and (_decimals(ref, i1, i1 + 1) or _decimals(ver, j1, j1 + 1)):
        return "number"  # "11.4%" / "11 per cent": the decimals replaced
    if (tag == "insert" and _in_figures(ver, j1, j2)) or (tag == "delete" and _in_figures(ref, i1, i2)):
        return "number"  # a score or a range changed ("7-6 (5)" / "7-5")
    if negated:  # (else as many negations on each side: none added or taken away)
        neg_a, neg_b = _scope_negations(ref, i1, i2), _scope_negations(ver, j1, j2)
        if any(
            target not in ver_negated and not _negative_form(target, ver, j1, j2) and not _litotes(target, ver, j1, j2)
            for target in neg_a
        ) or any(
            target not in ref_negated and not _negative_form(target, ref, i1, i2) and not _litotes(target, ref, i1, i2)
            for target in neg_b
        ):
            return "negation"
    if _legal_status_changed(ref, i1, i2, ver, j1, j2, tag):
        return "legal-status"
    if tag == "replace":
        # A date or number replaced by another one (one only left out is dropped).
        numbers_a, numbers_b = _numbers(ref, i1, i2), _numbers(ver, j1, j2)
        dated_a, dated_b = _has_date(ref, i1, i2), _has_date(ver, j1, j2)
        if i2 - i1 == 1 == j2 - j1 and _same_month(ref.keys[i1], ver.keys[j1]):
            return "other"  # "Feb." / "February": a month written short (or a first name, "Aug" / "August")
        if dated_a != dated_b and _clock_only(*((ver, j1, j2) if dated_a else (ref, i1, i2))):
            return "other"  # "on Thursday" / "(0340 GMT)": a day left out, a time of day put in
        if (dated_a or dated_b) and (dated_a or numbers_a) and (dated_b or numbers_b):
            return "date"
        if numbers_a and numbers_b and numbers_a != numbers_b:
            if _currency(ref, i1) and _currency(ver, j1) and _currency(ref, i1) != _currency(ver, j1):
                return "other"  # "(£5.2 million)" / "($6.5 million)": the same amount in other money
            return "number"
        if (numbers_a or numbers_b) and _duration(ref, i1, i2) and _duration(ver, j1, j2):
            return "number"  # "about an hour" / "up to 90 minutes": a time given in other figures
        if _unit_after_number(ref, i1, i2) and _unit_after_number(ver, j1, j2):
            return "number"  # "5 kilometres" / "5 miles" (the same amount converted is told apart later)
        swapped = _one_word_swapped(ref.words[i1:i2], ver.words[j1:j2], ref.keys[i2 : i2 + 1])
        if swapped is not None:
            return swapped
        if _particles(ref, i1, i2, ver, j1, j2) or _one_name_respelt(ref, i1, i2, ver, j1, j2):
            return "spelling"
        renamed = _renamed(ref, i1, i2, ver, j1, j2)
        if renamed is not None:
            return renamed
    # A hedge on one side only ("allegedly") changes who vouches for the words;
    # "according to" names a source.
    hedges = (_hedges(ref, i1, i2) ^ _hedges(ver, j1, j2)) - {"according"}
    if hedges:
        return "hedge"
    if tag == "replace":
        return "other"
    if tag == "insert":
        return "added"
    if tag == "delete":
        return "dropped"
    return "other"


def _same_month(a: str, b: str) -> bool:
    """Do two words name one month, written whole or short ("feb", "february")?"""
    return a in MONTH_NUMBERS and MONTH_NUMBERS[a] == MONTH_NUMBERS.get(b)


def _one_word_swapped(a: list[str], b: list[str], after: list[str]) -> ChangeKind | None:
    """What one word put for another (as written; ``after``: the key of the
    word after them, in the reference) changes: a length of time ("could take days" / "weeks": a
    number), a certainty made a possibility ("will strike" / "could strike":
    a hedge), or "last" made "next" before a day ("last Monday": a date);
    None for any other."""
    if len(a) != 1 or len(b) != 1 or a == b:
        return None
    if is_time_zone(a[0]) and is_time_zone(b[0]):
        return "other"  # "05:40 CET" / "04:40 GMT": the zone a time is given in (the time is compared on its own)
    x, y = a[0].casefold(), b[0].casefold()
    if x in _TIME_UNITS and y in _TIME_UNITS and _TIME_UNITS[x] != _TIME_UNITS[y]:
        return "number"
    pair = {x, y}
    if pair == {"last", "next"} and after and after[0] in _DATE_WORDS:
        return "date"
    return "hedge" if pair & _CERTAIN and pair & _POSSIBLE else None


# Lengths of time, in hours; what will be against what may be.
_TIME_UNITS = {"minute": 1 / 60, "minutes": 1 / 60, "hour": 1, "hours": 1, "day": 24, "days": 24}
_TIME_UNITS |= {"week": 168, "weeks": 168, "fortnight": 336, "fortnights": 336, "month": 730, "months": 730}
_TIME_UNITS |= {"year": 8766, "years": 8766, "decade": 87660, "decades": 87660}
_CERTAIN = frozenset(("will", "would", "shall", "must"))
_POSSIBLE = frozenset(("could", "may", "might"))


_FIGURE_JOINS = frozenset(("-", "–", "—", "/", ":", " (", "(", ") ", ")"))


def _in_figures(w: Words, lo: int, hi: int) -> bool:
    """Are words ``[lo, hi)`` numbers joined to a number beside them by a
    dash, a slash, a colon or a bracket: part of a score, a range or a
    ratio ("7-6 (5)" / "7-5", "3:1" / "3:2")?"""
    if not (0 <= lo < hi) or not w.keys[lo].isdigit() or not all(w.keys[k].isdigit() for k in range(lo, hi)):
        return False
    before = lo > 0 and w.keys[lo - 1].isdigit() and w.source[w.ends[lo - 1] : w.starts[lo]] in _FIGURE_JOINS
    after = hi < len(w.keys) and w.keys[hi].isdigit() and w.source[w.ends[hi - 1] : w.starts[hi]] in _FIGURE_JOINS
    return before or after


def _written_short(short: str, name: str) -> bool:
    """Is ``short``, its stops left out, the initials of ``name``'s
    capitalised words ("U.S." / "United States", "BTP" / "British Transport
    Police")?"""
    letters = short.replace(".", "")
    words = name.split()
    while len(words) > 2 and words[0].isupper() and len(words[0]) <= 3:
        words = words[1:]  # ("US Federal Aviation Administration" is the FAA too)
    return (
        2 <= len(letters) <= 8
        and letters.isupper()
        and letters in ("".join(word[0] for word in w if word[:1].isupper()) for w in (name.split(), words))
    )


def _initials_of(ref: Words, i1: int, i2: int, ver: Words, j1: int, j2: int) -> bool:
    """Is one side's name the other's written short (:func:`_written_short`;
    "NHTSA" / "National Highway Traffic Safety Administration")?"""
    a, b = ref.words[i1:i2], ver.words[j1:j2]
    return _written_short("".join(a), " ".join(b)) or _written_short("".join(b), " ".join(a))


def _currency(w: Words, k: int) -> str:
    """The currency sign written right before word ``k`` ("$", "£"), or ""."""
    before = w.source[w.ends[k - 1] if k else w.base : w.starts[k]]
    return before[-1:] if before[-1:] in "$£€¥₹₽" and before[-1:] else ""


def _whole_number(w: Words, lo: int, hi: int, figures: bool = False) -> tuple[int, int]:
    """Words lo..hi-1 widened to the whole numbers they are part of: digits
    joined by a decimal point or a thousands comma ("8.5", "1,200"); with
    ``figures``, the whole score or range too ("7-6 (5)", "2-1")."""
    joins = (".", ",", *_FIGURE_JOINS) if figures else (".", ",")

    def joined(k: int) -> bool:  # words k and k + 1 are one number
        gap = w.source[w.ends[k] : w.starts[k + 1]]
        return gap in joins and w.source[w.ends[k] - 1].isdigit() and w.source[w.starts[k + 1]].isdigit()

    while lo > 0 and lo < len(w.starts) and joined(lo - 1):
        lo -= 1
    while 0 < hi < len(w.starts) and joined(hi - 1):
        hi += 1
    return lo, hi


_AMOUNT_RE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d{3})*(?:\.\d+)?)(?:\s*(?:°\s*|degrees?\s+)?(c|f|celsius|fahrenheit|km|kilomet(?:re|er)s?"
    r"|miles?|mi|kg|kilograms?|pounds?|lbs?|ha|hectares?|acres?|feet|ft|metres?|meters?)\b"
    r"|\s*(trillion|tn|billion|bn|million|mn|m|thousand|k)?(?![a-z]))"
    r"|\bq([1-4])\b|\b(first|second|third|fourth)[- ]quarter\b",
    re.IGNORECASE,
)
_SCALE = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6}
_SCALE |= {"thousand": 1e3, "k": 1e3}
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# A unit: what it measures, and its value in that measure's own unit (a
# temperature in Fahrenheit is read both as a reading and as a difference).
_UNITS: dict[str, tuple[str, float]] = {
    "c": ("°", 1.0),
    "celsius": ("°", 1.0),
    "f": ("°", 5 / 9),
    "fahrenheit": ("°", 5 / 9),
    "km": ("m", 1000.0),
    "kilometre": ("m", 1000.0),
    "kilometer": ("m", 1000.0),
    "mile": ("m", 1609.344),
    "mi": ("m", 1609.344),
    "metre": ("m", 1.0),
    "meter": ("m", 1.0),
    "feet": ("m", 0.3048),
    "ft": ("m", 0.3048),
    "kg": ("kg", 1.0),
    "kilogram": ("kg", 1.0),
    "pound": ("kg", 0.45359237),
    "lb": ("kg", 0.45359237),
    "ha": ("m2", 1e4),
    "hectare": ("m2", 1e4),
    "acre": ("m2", 4046.8564),
}
# An amount: a number scaled ("$1.2bn" 1.2e9), a quarter ("q3"), or a
# measure with the values it may stand for and how near a rounding comes.
Amount = float | str | tuple[str, tuple[float, ...], float]


def _unit(word: str) -> tuple[str, float] | None:
    """What a unit's name measures and its size ("miles", "km"), or None."""
    word = word.casefold()
    return _UNITS.get(word) or (_UNITS.get(word[:-1]) if word.endswith("s") else None)


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNIT_WORD = "|".join(_COUNT_WORDS[1:20])
_TENS_WORD = rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_COUNT_WORDS[1:10])}))?"
_SMALL = rf"(?:{_TENS_WORD}|{_UNIT_WORD})"
_HUNDREDS = rf"(?:(?:a|{_UNIT_WORD}) hundred(?:(?: and)? {_SMALL})?)"
# A number written out in words with tens or hundreds in it ("two hundred
# and fourteen", "forty-five", "three thousand five hundred"); a single
# word ("fourteen") is left as it is.
_SPELLED_RE = re.compile(
    rf"\b(?:(?:{_HUNDREDS}|{_SMALL}) thousand(?:(?: and)? (?:{_HUNDREDS}|{_SMALL}))?"
    rf"|{_HUNDREDS}|{_TENS_WORD})(?![-\w])",
    re.IGNORECASE,
)


_SPELLED_NEEDS = ("hundred", "thousand", *_TENS)  # (a text holds one of these, or no such number)


def _spelled_figures(text: str) -> str:
    """``text`` with its numbers written out with tens or hundreds
    (:data:`_SPELLED_RE`) as figures."""
    folded = text.casefold()
    if any(word in folded for word in _SPELLED_NEEDS):
        return _SPELLED_RE.sub(lambda m: str(_spelled_value(m.group())), text)
    return text


def _spelled_value(words: str) -> int:
    """The value of a number :data:`_SPELLED_RE` found."""
    total = part = 0
    for word in re.split(r"[- ]", words.casefold()):
        if word == "hundred":
            part = (part or 1) * 100
        elif word == "thousand":
            total, part = total + (part or 1) * 1000, 0
        elif word in _TENS:
            part += 10 * (_TENS.index(word) + 2)
        elif word in _COUNT_WORDS:
            part += _COUNT_WORDS.index(word)
        elif word == "a":
            part = 1
    return total + part


def _amounts(text: str) -> list[Amount]:
    """The amounts a phrase gives, as values: "$1.2bn" and "1.2 billion
    dollars" are 1.2e9, "18%" and "18 per cent" 18, "Q3" and
    "third-quarter" the third quarter, "4.1C" and "4.1 degrees Celsius"
    one temperature (which "7.4 degrees Fahrenheit" converts to), "two
    hundred and fourteen" 214."""
    found: list[Amount] = []
    for m in _AMOUNT_RE.finditer(_spelled_figures(text)):
        if m.group(1):
            value = float(m.group(1).replace(",", ""))
            if m.group(2):
                measure, factor = _unit(m.group(2))  # type: ignore[misc]  (the pattern takes units only)
                digits = len(m.group(1).partition(".")[2])
                # within half the last digit given, as a rounding is, and 2% for a converted one
                near = 0.5 * 10**-digits * factor + 0.02 * abs(value * factor)
                values = (value * factor,)
                if factor == 5 / 9:
                    values += ((value - 32) * factor,)  # a reading, not a difference
                found.append((measure, values, near))
            else:
                found.append(round(value * _SCALE.get((m.group(3) or "").casefold(), 1), 6))
        else:
            found.append(f"q{m.group(4) or _QUARTERS[m.group(5).casefold()]}")
    return sorted(found, key=str)


def _same_amount(a: Amount, b: Amount) -> bool:
    """One amount, written alike or otherwise (a unit converted and rounded)."""
    if a.__class__ is tuple and b.__class__ is tuple:
        return a[0] == b[0] and any(abs(x - y) <= max(a[2], b[2]) for x in a[1] for y in b[1])  # type: ignore[index]
    return a == b


def _among(amounts: list[Amount] | set[Amount], others: list[Amount]) -> bool:
    """Is each of ``amounts`` one of ``others``, written any way?"""
    return all(any(_same_amount(a, b) for b in others) for a in amounts)


_COUNT_WORD_RE = re.compile(rf"\b({'|'.join(_COUNT_WORDS[1:])})\b(?![-\w])", re.IGNORECASE)


def _same_amounts(before: str, after: str) -> bool:
    """Do two phrases give the same amounts, only written otherwise ("2" /
    "two", "$1.2bn" / "1.2 billion dollars")?  A count word alone is read
    as its figure here, where the two phrases stand for each other."""
    return _same_amount_lists(_amounts(_count_figures(before)), _amounts(_count_figures(after)))


def _count_figures(text: str) -> str:
    """``text`` with its numbers in words ("two hundred and fourteen",
    "twelve", "four and a half") as figures."""
    if "half" in text:
        text = _HALF_HYPHENS.sub(" and a half", text)  # ("four-and-a-half")
    found = _COUNT_WORD_RE.sub(lambda m: str(_COUNT_WORDS.index(m.group(1).casefold())), _spelled_figures(text))
    return _HALF_RE.sub(r"\1.5", found) if "half" in found else found


_HALF_RE = re.compile(r"\b(\d+) and a half\b", re.IGNORECASE)
_HALF_HYPHENS = re.compile(r"-and-a-half\b", re.IGNORECASE)


def _same_amount_lists(a: list[Amount], b: list[Amount]) -> bool:
    return bool(a) and len(a) == len(b) and _among(a, b) and _among(b, a)


_SCORE_RE = re.compile(r"(\d+)[-–](\d+) ?\((\d+)(?:[-–](\d+))?\)")


_DURATION_RE = re.compile(rf"\b(\d+|{'|'.join(_COUNT_WORDS)})[ -](month|year)s?\b", re.IGNORECASE)


def _same_duration(before: str, after: str) -> bool:
    """Do two phrases give one length of time each, the same in months
    ("24 months" / "two years", "a five-year contract" / "60 months")?"""
    a, b = _months(before), _months(after)
    return len(a) == 1 == len(b) and a == b


def _months(phrase: str) -> list[int]:
    """The lengths of time a phrase gives, in months ("24 months", "a
    five-year contract", "between 2019 and 2024": 60)."""
    found = []
    for count, unit in _DURATION_RE.findall(phrase):
        n = int(count) if count.isdigit() else _COUNT_WORDS.index(count.casefold())
        found.append(n * (12 if unit.casefold() == "year" else 1))
    found += [12 * (int(last) - int(first)) for first, last in _YEAR_SPAN_RE.findall(phrase) if last > first]
    return found


_YEAR_SPAN_RE = re.compile(r"\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|until)\s+((?:19|20)\d\d)\b", re.I)


def _same_score(before: str, after: str) -> bool:
    """A set won on a tiebreak written in full and by the loser's points
    only: "7-6 (7-5)" and "7-6 (5)" are the same score."""
    a, b = _SCORE_RE.fullmatch(before.strip()), _SCORE_RE.fullmatch(after.strip())
    if a is None or b is None or a.group(1, 2) != b.group(1, 2):
        return False

    def lost(m: re.Match[str]) -> int:  # the tiebreak's loser's points
        return int(m.group(3)) if m.group(4) is None else min(int(m.group(3)), int(m.group(4)))

    return lost(a) == lost(b)


def _inside_quotes(r: Words, i1: int, i2: int, v: Words, j1: int, j2: int) -> bool:
    """Are words changed inside a quotation both versions give: the changed
    words quoted, and quoted words on both sides of them in both versions
    ("Novak showed me today why…" / "Today Novak taught me why…"), not a
    quotation trimmed at its ends?"""

    def inside(w: Words, lo: int, hi: int) -> bool:
        return 0 < lo and hi < len(w.quoted) and w.quoted[lo - 1] and w.quoted[hi] and all(w.quoted[lo:hi])

    return (i2 > i1 or j2 > j1) and inside(r, i1, i2) and inside(v, j1, j2)


def _cut_from_quote(r: Words, i1: int, i2: int, v: Words, j1: int, j2: int) -> bool:
    """Are words one version gives, quoted words among them, missing where
    the other version's quotation runs on past the spot (a quote cut in its
    middle, often marked "[...]"), or all quoted to their quotation's close
    where the other's quotation closes at the spot (a quote cut at its end)?"""
    if i2 > i1 and j2 == j1:
        given, lo, hi, cut, at = r, i1, i2, v, j1
    elif j2 > j1 and i2 == i1:
        given, lo, hi, cut, at = v, j1, j2, r, i1
    else:
        return False
    quote_runs_on = 0 < at < len(cut.quoted) and cut.quoted[at - 1] and cut.quoted[at]
    # (or the quotation ends at the spot, its last quoted words left out:
    # '"Our investigation is continuing."' / '"… continuing. We will not pay a ransom."')
    quote_ends = 0 < at and cut.quoted[at - 1] and (at == len(cut.quoted) or not cut.quoted[at])
    return (quote_runs_on and sum(given.quoted[lo:hi]) >= 3) or (quote_ends and _all_quoted_to_close(given, lo, hi))


def _all_quoted_to_close(w: Words, lo: int, hi: int) -> bool:
    """Are words lo..hi-1 three or more, all quoted, the last of them the
    last of its quotation (a sentence left out at a quotation's end)?"""
    return hi - lo >= 3 and all(w.quoted[lo:hi]) and (hi == len(w.quoted) or not w.quoted[hi])


def _particles(ref: Words, i1: int, i2: int, ver: Words, j1: int, j2: int) -> bool:
    """One word replaced by another, each joined by a hyphen to the same
    name: a particle spelt two ways ("al-Masri" / "El-Masri")."""
    if i2 - i1 != 1 or j2 - j1 != 1 or i2 >= len(ref.starts) or j2 >= len(ver.starts):
        return False
    joined_a = ref.source[ref.ends[i1] : ref.starts[i2]] == "-"
    joined_b = ver.source[ver.ends[j1] : ver.starts[j2]] == "-"
    return joined_a and joined_b and ref.stems[i2] == ver.stems[j2] and ref.source[ref.starts[i2]].isupper()


def _one_name_respelt(ref: Words, i1: int, i2: int, ver: Words, j1: int, j2: int) -> bool:
    """One capitalised word for another spelt nearly alike, even where it
    opens a sentence ("Hrytsenko, 24, joined" / "Hryzenko, 24, joined")."""
    if i2 - i1 != 1 or j2 - j1 != 1 or ref.title_case or ver.title_case:
        return False
    a, b = ref.source[ref.starts[i1] : ref.ends[i1]], ver.source[ver.starts[j1] : ver.ends[j1]]
    return (
        a[:1].isupper()
        and b[:1].isupper()
        and min(len(a), len(b)) >= 5
        and ref.keys[i1] not in STOPWORDS
        and ver.keys[j1] not in STOPWORDS
        and (_proper(ref, i1, a) or _proper(ver, j1, b))
        and not _affixed(ref.keys[i1], ver.keys[j1])
        and same_name(a, b)
    )


def _affixed(a: str, b: str) -> bool:
    """Is one key the other with an ending ("Russia's" / "Russian"): another
    word from one name, not the name spelt otherwise?"""
    a, b = _bare(a), _bare(b)
    return a.startswith(b) or b.startswith(a)


def _renamed(ref: Words, i1: int, i2: int, ver: Words, j1: int, j2: int) -> ChangeKind | None:
    """How names replaced by others differ: a spelling, another name, one
    name written short ("other"), or None when no name is replaced (or one
    is said with another word of it: "Cambodia" / "the Cambodian government")."""
    names_a, names_b = _names(ref, i1, i2), _names(ver, j1, j2)
    only_a, only_b = (names_a - set(ver.stems), names_b - set(ref.stems)) if names_a and names_b else ((), ())
    if not (only_a or only_b):
        return None
    if _initials_of(ref, i1, i2, ver, j1, j2):
        return "other"  # "United States" / "U.S.", "British Transport Police" / "BTP": one name, written short
    before, after = _phrase(ref, i1, i2)[0], _phrase(ver, j1, j2)[0]
    if _named_short(before, after, (ref.source, ver.source)) or _named_short(after, before, (ref.source, ver.source)):
        return "other"  # "FFA" / "French Athletics Federation", as one text names it short
    said_of = _adjectives(ref, i1, i2) | _adjectives(ver, j1, j2)
    if all(any(_demonym(a, b, said_of) for b in names_b) for a in only_a) and all(
        any(_demonym(b, a, said_of) for a in names_a) for b in only_b
    ):
        return None
    # One person's name spelt two ways is a spelling, not another name.
    if all(any(same_name(a, b) for b in names_b) for a in only_a) and all(
        any(same_name(b, a) for a in names_a) for b in only_b
    ):
        return "spelling"
    return "name"


_DEMONYM_ENDINGS = ("n", "an", "ian", "ean", "es", "ese", "ish", "i")


def _demonym(a: str, b: str, adjectives: set[str]) -> bool:
    """Is one stem a place and the other its people's word, said before a
    noun ("cambodia" / "cambodian" of "the Cambodian government", "china" /
    "chines" of "Chinese officials"), not another name (Julia / Julian)?"""
    short, long = sorted((a, b), key=len)
    if long not in adjectives:
        return False
    return any(
        len(base) >= 3 and long.startswith(base) and long[len(base) :] in _DEMONYM_ENDINGS
        for base in (short, short[:-1])
    )


def _adjectives(w: Words, lo: int, hi: int) -> set[str]:
    """The stems of the capitalised words among ``[lo, hi)`` that a content
    word in lower case follows ("Cambodian government", not "Julian at")."""
    return {
        w.stems[k]
        for k in range(lo, min(hi, len(w.stems) - 1))
        if w.source[w.starts[k]].isupper() and w.source[w.starts[k + 1]].islower() and w.keys[k + 1] not in STOPWORDS
    }


def _proper(w: Words, k: int, word: str) -> bool:
    """Is word ``k`` a name: capitalised where no sentence starts, here or
    elsewhere in its article ("… a cross for Hrytsenko" makes the
    "Hrytsenko, 24, joined" that opens a sentence a name; "Colour" stays a word)?"""
    if not _opens(w, k):
        return True
    return re.search(rf"[a-z,] {re.escape(word)}\b", w.source) is not None


def _decimals(w: Words, lo: int, hi: int) -> bool:
    """Are words ``[lo, hi)`` of ``w`` the digits after a number's decimal
    point or comma, glued to it ("5" of "5.5%" / "5%": a number changed,
    not a word added)?"""
    keys = w.keys
    if not (0 < lo < hi) or not keys[lo - 1].isdigit() or not all(keys[k].isdigit() for k in range(lo, hi)):
        return False
    return all(w.source[w.ends[k - 1] : w.starts[k]] in (".", ",") for k in range(lo, hi))


def _unsaid(w: Words, lo: int, hi: int, other: Words) -> bool:
    """Words ``[lo, hi)`` of ``w`` say who spoke ("…, a court spokesman
    said") and nothing in ``other`` says anyone did: a source given on one
    side only (a whole sentence added or left out is not one)."""
    if not 2 <= hi - lo <= 15 or _SAID.isdisjoint(w.keys[lo:hi]) or w.initial[lo] or not other.keys:
        return False
    return _SAID.isdisjoint(other.keys) and "according" not in other.keys


def _own_source(w: Words, lo: int, hi: int, other: Words) -> bool:
    """Words ``[lo, hi)`` of ``w`` hold an "according to X" whose X the
    ``other`` version does not name (its content words are not all there)."""
    if "according" not in w.keys[lo:hi]:
        return False
    theirs = set(other.stems)
    for k in range(lo, hi):
        if w.keys[k] != "according" or k + 1 >= len(w.keys) or w.keys[k + 1] != "to":
            continue
        source = []
        for m in range(k + 2, min(len(w.keys), k + 9)):
            if w.initial[m] or "," in w.source[w.ends[m - 1] : w.starts[m]]:
                break
            if w.keys[m] not in STOPWORDS:
                source.append(w.stems[m])
        if not source:  # "according to him": a source when the other gives none
            if "according" not in other.keys:
                return True
        elif not set(source) <= theirs:
            return True
    return False


def _phrase(w: Words, lo: int, hi: int) -> tuple[str, tuple[int, int] | None]:
    if hi <= lo:
        return "", None
    s, e = w.starts[lo], w.ends[hi - 1]
    if hi - lo == 1:
        return w.words[lo], (s - w.base, e - w.base)  # (a word holds no white space)
    return " ".join(w.source[s:e].split()), (s - w.base, e - w.base)


def _quoted_phrase(w: Words, lo: int, hi: int) -> str:
    text, _ = _phrase(w, lo, hi)
    return f"“{text}”" if w.quoted[lo] else text


def _merged_runs(r: Words, quote_runs: list[tuple[int, int, int, int]]) -> list[list[int]]:
    """Adjacent quote runs (split by a shared punctuation-only gap) as one."""
    merged: list[list[int]] = []
    for run in quote_runs:
        if (
            merged
            and run[0] - merged[-1][1] <= 3
            and run[2] - merged[-1][3] <= 3
            and r.quoted[run[0]] == r.quoted[merged[-1][0]]
        ):
            merged[-1][1], merged[-1][3] = run[1], run[3]
        else:
            merged.append(list(run))
    return merged


def _same_speaker(one: str, other: str, sources: tuple[str, ...] = ()) -> bool:
    """One speaker named two ways: the same last word, one the initials of
    the other ("BTP" / "British Transport Police"), or one the short name
    that one of ``sources`` (the versions' texts) gives the other ("The
    French Athletics Federation (FFA)")?"""
    if key_of(one.split()[-1]) == key_of(other.split()[-1]):
        return True
    one, other = one.removeprefix("the "), other.removeprefix("the ")
    if any(" " not in short and _written_short(short, name) for short, name in ((one, other), (other, one))):
        return True
    return any(_named_short(short, name, sources) for short, name in ((one, other), (other, one)))


def _named_short(short: str, name: str, sources: tuple[str, ...]) -> bool:
    """Does one of ``sources`` give ``short`` as the short name of ``name``,
    in brackets after it ("The French Athletics Federation (FFA)")?"""
    short, name = short.removeprefix("the ").strip().casefold(), name.removeprefix("the ").strip().casefold()
    if " " in short or " " not in name:
        return False
    return any(short_names(text).get(short) == " ".join(name.split()) for text in sources)


def _speaker_change(k: int, base: int, before: str, after: str) -> Change:
    kind: ChangeKind = "spelling" if same_name(before.split()[-1], after.split()[-1]) else "attribution"
    return Change(kind, k, base, before, after)


def _attribution_changes(passages) -> list[Change]:
    """Versions attributed to different speakers than most are (when the
    passages' sentences are not known: the passages' own speakers)."""
    speakers = [p.speaker for p in passages]
    named = [s for s in speakers if s]
    if len({key_of(s.split()[-1]) for s in named}) <= 1:
        return []
    common = Counter(key_of(s.split()[-1]) for s in named).most_common(1)[0][0]
    base = next(k for k, s in enumerate(speakers) if s and key_of(s.split()[-1]) == common)
    return [
        _speaker_change(k, base, speakers[base], s)
        for k, s in enumerate(speakers)
        if s and key_of(s.split()[-1]) != common and not _same_speaker(speakers[base], s)
    ]


def _word_range(w: Words, start: int, end: int) -> tuple[int, int]:
    """The words starting in ``[start, end)`` of the version's text."""
    return bisect.bisect_left(w.starts, w.base + start), bisect.bisect_left(w.starts, w.base + end)


def _sentence_speaker_changes(
    r: Words, v: Words, ref_sentences: Sentences, sentences: Sentences, blocks, i: int, ref: int
) -> list[Change]:
    """Speakers compared sentence by sentence, for the sentences the two
    versions share (the same quote in both), never across different ones."""
    out: list[Change] = []
    ver_ranges = [(*_word_range(v, s, e), who) for s, e, who in sentences if who]
    for s, e, who in ref_sentences:
        if not who:
            continue
        a_lo, a_hi = _word_range(r, s, e)
        for b_lo, b_hi, other in ver_ranges:
            if other == who:
                continue  # (one speaker, written alike: never a change, whatever the sentences share)
            shared = 0
            for a, b, n in blocks:
                lo, hi = max(a, a_lo, a + b_lo - b), min(a + n, a_hi, a + b_hi - b)
                shared += max(0, hi - lo)
            if shared < 3 or shared * 2 < min(a_hi - a_lo, b_hi - b_lo):
                continue
            if not _same_speaker(who, other, (r.source, v.source)):
                change = _speaker_change(i, ref, who, other)
                if change not in out:
                    out.append(change)
    return out


def _sentence_parts(w: Words, spans: Sentences) -> list[tuple[int, int, set[str], set[str]]]:
    """Each sentence's words (as a range), content words and quoted content words."""
    out = []
    for s, e, _ in spans:
        lo, hi = _word_range(w, s, e)
        content = {w.stems[k] for k in range(lo, hi) if w.keys[k] not in STOPWORDS}
        if len(content) >= 4:
            quoted = {w.stems[k] for k in range(lo, hi) if w.keys[k] not in STOPWORDS and w.quoted[k]}
            out.append((lo, hi, content, quoted))
    return out


def _reworded_quotes(
    r: Words, v: Words, ref_parts, sentences: Sentences, found: list[Change], i: int, ref: int
) -> list[Change]:
    """Quote against paraphrase in other words: a sentence one version
    quotes and the other reports in its own words ("'We … found no
    structural faults,' said Hendricks" / "Hendricks said … no faults were
    found"): the same content words, mostly quoted on one side only
    (``ref_parts``: the reference's :func:`_sentence_parts`; ``found``:
    the version's changes so far)."""
    if any(c.kind == "quote-paraphrase" for c in found):
        return []
    out: list[Change] = []
    theirs = _sentence_parts(v, sentences)
    for a_lo, a_hi, a_content, a_inside in ref_parts:
        a_quoted = len(a_inside) * 2 >= len(a_content)
        for b_lo, b_hi, b_content, b_inside in theirs:
            b_quoted = len(b_inside) * 2 >= len(b_content)
            # The same statement, quoted in one only (not the same words quoted in both).
            if (
                a_quoted == b_quoted
                or len(a_content & b_content) < 0.7 * min(len(a_content), len(b_content))
                or len(a_inside & b_inside) >= 3
            ):
                continue
            before, ref_span = _phrase(r, *(_quoted_words(r, a_lo, a_hi) if a_quoted else (a_lo, a_hi)))
            after, span = _phrase(v, *(_quoted_words(v, b_lo, b_hi) if b_quoted else (b_lo, b_hi)))
            out.append(
                Change(
                    "quote-paraphrase",
                    i,
                    ref,
                    f"“{before}”" if a_quoted else before,
                    f"“{after}”" if b_quoted else after,
                    span,
                    ref_span,
                )
            )
    return out


def _quoted_words(w: Words, lo: int, hi: int) -> tuple[int, int]:
    """From the first to the last quoted word of ``[lo, hi)`` (the quote, not who said it)."""
    inside = [k for k in range(lo, hi) if w.quoted[k]]
    return (inside[0], inside[-1] + 1) if inside else (lo, hi)


def _spellings(r: Words, v: Words, i1: int, i2: int, j1: int, i: int, ref: int) -> list[Change]:
    """In a run of words the two versions share: a name spelt two ways the
    stems fold together (Volkonsky / Volkonski), or joined otherwise
    (:func:`_hyphens`)."""
    hyphens = "-" in r.source[r.starts[i1] : r.ends[i2 - 1]] or "-" in v.source[v.starts[j1] : v.ends[j1 + i2 - i1 - 1]]
    out: list[Change] = _hyphens(r, v, i1, i2, j1, i, ref) if hyphens else []
    ra, va = r.words, v.words
    if ra[i1:i2] == va[j1 : j1 + i2 - i1]:
        return out  # the same words as written
    if r.keys[i1:i2] == v.keys[j1 : j1 + i2 - i1] and r.text.isascii() and v.text.isascii():
        return out
    for k in range(i2 - i1):
        a, b = i1 + k, j1 + k
        if ra[a] == va[b]:
            continue  # the same word as written: the same key and letters
        if (
            (_bare(r.keys[a]) != _bare(v.keys[b]) if r.keys[a] != v.keys[b] else _letters(r, a) != _letters(v, b))
            and r.source[r.starts[a] : r.starts[a] + 1].isupper()
            and v.source[v.starts[b] : v.starts[b] + 1].isupper()
            and not (r.title_case or v.title_case)
            and (
                (not _opens(r, a) and not _opens(v, b))
                or (_name_goes_on(r, a) and _name_goes_on(v, b))
                or (_named_elsewhere(r, a) and _named_elsewhere(v, b))
            )
        ):
            before, ref_span = _phrase(r, a, a + 1)
            after, span = _phrase(v, b, b + 1)
            out.append(Change("spelling", i, ref, before, after, span, ref_span))
    return out


def _hyphens(r: Words, v: Words, i1: int, i2: int, j1: int, i: int, ref: int) -> list[Change]:
    """In a run of words the two versions share: a name joined by a hyphen
    in one and by a space (or a line's end) in the other ("Hollis-Tan" /
    "Hollis Tan", "Petrescu-Lund" / "Petrescu Lund"); not two names joined
    as a word before a noun ("Russia-Ukraine talks", "US-China trade"), nor
    in a title-case line (a headline's "Cease-Fire")."""
    out: list[Change] = []
    for k in range(i2 - i1 - 1):
        a, b = i1 + k, j1 + k
        gaps = {r.source[r.ends[a] : r.starts[a + 1]], v.source[v.ends[b] : v.starts[b + 1]]}
        if (
            len(gaps) == 2
            and "-" in gaps
            and gaps <= {"-", " ", "\n"}
            and all(w.words[x][:1].isupper() for w, x in ((r, a), (r, a + 1), (v, b), (v, b + 1)))
            and _name_ends_after(r, a + 1)
            and not _title_case_line(r.source, r.starts[a])
            and not _title_case_line(v.source, v.starts[b])
        ):
            before, ref_span = _phrase(r, a, a + 2)
            after, span = _phrase(v, b, b + 2)
            out.append(Change("spelling", i, ref, before, after, span, ref_span))
    return out


# Words after a name that show it is a name, not a word before a noun ("Hollis-Tan said", "Hollis-Tan has").
_AFTER_A_NAME = SPEECH_VERBS | frozenset("has had have is was were are will would can could also and who which".split())


def _name_ends_after(w: Words, k: int) -> bool:
    """Is word ``k`` the last of a name: followed by a word in capitals, by
    punctuation, by the text's end, or by a verb ("Hollis-Tan said"), not
    by a noun it qualifies ("Russia-Ukraine talks")?"""
    if k + 1 >= len(w.words):
        return True
    if w.source[w.ends[k] : w.starts[k + 1]].strip():
        return True  # ("Hollis-Tan, the operator", "Petrescu-Lund.")
    after = w.words[k + 1]
    return after[:1].isupper() or after.casefold() in _AFTER_A_NAME


def _letters(w: Words, k: int) -> str:
    """Word ``k`` as written but for its case and the apostrophe's form:
    "Weiß" and "Weiss" differ in letters, and so do "Muñoz" and "Munoz" (a
    name's accents dropped is its spelling changed), but not "PUTIN" and
    "Putin"."""
    word = w.source[w.starts[k] : w.ends[k]].replace("’", "'").lower()
    return word if word.isascii() else unicodedata.normalize("NFC", word)


def _opens(w: Words, k: int) -> bool:
    """Does word ``k`` open a sentence (where a capital tells nothing)?  Not
    after a quotation closed by a comma ('…the flight home," Djokovic said'),
    nor at the start of a hard-wrapped line ('…Huntly and\nŌtorohanga.')."""
    if not w.initial[k] or k == 0:
        return w.initial[k]
    gap = w.source[w.ends[k - 1] : w.starts[k]]
    return not ("," in gap and not any(ch in gap for ch in ".!?")) and gap.strip(" \t") != "\n"


def _title_case_line(source: str, at: int) -> bool:
    """Is the line of ``source`` holding offset ``at`` in title case (four
    words or more, three in five in capitals): a headline's, where capitals
    tell no names?"""
    end = source.find("\n", at)
    words = source[source.rfind("\n", 0, at) + 1 : end if end >= 0 else len(source)].split()
    return _in_title_case(len(words), sum(x[:1].isupper() for x in words))


def _in_title_case(words: int, capitals: int) -> bool:
    """Are words written in title case: four or more, three in five in capitals?"""
    return words >= 4 and 10 * capitals >= 6 * words


def _named_elsewhere(w: Words, k: int) -> bool:
    """Is word ``k``, as written, in capitals inside a sentence somewhere
    in its article ("Zaretsky, 54, …" at a paragraph's start, "Foreign
    Minister Fyodor Zaretsky said" elsewhere): a name where it opens a
    sentence too?  Not in a line in title case (a headline's "Paris Café
    Owners Protest" makes no name of "Café")."""
    return any(
        not _title_case_line(w.source, m.start()) for m in re.finditer(rf"[\w,] {re.escape(w.words[k])}\b", w.source)
    )


def _name_goes_on(w: Words, k: int) -> bool:
    """Is word ``k`` followed, in its sentence, by another word in capitals
    ("Sergey Andreyev, …"): the first name of a name, even at a sentence's
    start, where a capital tells nothing?"""
    nxt = k + 1
    return (
        nxt < len(w.starts)
        and not w.initial[nxt]
        and w.source[w.ends[k] : w.starts[nxt]] == " "
        and w.source[w.starts[nxt]].isupper()
    )


def _bare(key: str) -> str:
    """A word's key without a possessive or plural: "Russia's" is not another spelling of Russia."""
    key = key[:-2] if key.endswith(" s") else key
    return key[:-1] if key.endswith("s") else key


def _moved_numbers(r: Words, v: Words, opcodes, found: list[Change], i: int, ref: int) -> list[Change]:
    """A number the version gives otherwise in words it reworded around it
    ("killed at least 12 people" / "At least 14 people have been killed"):
    one only the reference has and one only the version has, in the words
    they do not share (no whole sentence added or left out)."""
    if any(c.kind in ("number", "date") for c in found):
        return []
    if any(c.kind == "other" and _HAS_DIGIT[c.before] and _HAS_DIGIT[c.after] for c in found):
        return []  # amounts compared where they stand, and found the same written otherwise (other money)
    if any(
        c.kind == "other" and (_HAS_DIGIT[c.before] or _HAS_DIGIT[c.after]) and _same_amounts(c.before, c.after)
        for c in found
    ):
        return []  # ("2" / "two", found the same where they stand)
    if any(c.kind == "other" and _same_duration(c.before, c.after) for c in found):
        return []  # ("24 months" / "two years", found the same where they stand)
    lost, gained = [], []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag in ("delete", "replace") and not (tag == "delete" and _whole_sentence(r, i1, i2)):
            lost += [a for a in range(i1, i2) if _cardinal(r.keys[a])]
        if tag in ("insert", "replace") and not (tag == "insert" and _whole_sentence(v, j1, j2)):
            gained += [b for b in range(j1, j2) if _cardinal(v.keys[b])]
    if not (lost and gained):
        return []  # (the amounts of both texts read only when a number is lost and one gained)
    our_amounts, their_amounts = _amounts(r.text), _amounts(v.text)
    if _same_amount_lists(our_amounts, their_amounts):
        return []  # (the same amounts in both, written otherwise: "$1.2 billion" / "$1.2bn")
    # the numbers one side has and the other has nowhere, written any way
    theirs, ours = set(v.keys), set(r.keys)
    lost = [a for a in lost if r.keys[a] not in theirs and not _among(_amount_at(r, a), their_amounts)]
    gained = [b for b in gained if v.keys[b] not in ours and not _among(_amount_at(v, b), our_amounts)]
    # One number given for another: first those that count the same thing
    # ("killed at least 12 people" / "At least 14 people"), else any two
    # but a measure for a count ("a magnitude 6.8 earthquake" / "dozens
    # were hurt" is no number changed).
    pairs = [(a, b) for a in lost for b in gained if _count_the_same(_counted(r, a), _counted(v, b))]
    pairs = pairs or [(a, b) for a in lost for b in gained if _measure(r, a) == _measure(v, b)]
    # ("more than 200" / "214": a lower bound the other keeps)
    pairs = [(a, b) for a, b in pairs if not (_within_bound(r, a, v, b) or _within_bound(v, b, r, a))]
    if not pairs:
        return []
    before, ref_span = _phrase(r, pairs[0][0], pairs[0][0] + 1)
    after, span = _phrase(v, pairs[0][1], pairs[0][1] + 1)
    return [Change("number", i, ref, before, after, span, ref_span)]


def _number_written_otherwise(r: Words, i1: int, i2: int, v: Words, j1: int, j2: int, before: str, after: str) -> bool:
    """Do two replaced phrases give the same number written otherwise: the
    same amount ("$1.2 billion" / "$1.2bn", "third-quarter" / "Q3", the
    words around it taken in on both sides), a tiebreak written in full or
    by the loser's points only, one length of time ("24 months" / "two
    years"), or a lower bound the other keeps ("more than 200" / "214")?"""
    return (
        _same_amounts(_amount_phrase(r, max(0, i1 - 1), i2 + 1), _amount_phrase(v, max(0, j1 - 1), j2 + 1))
        or _same_score(before, after)
        or _same_duration(
            _phrase(r, max(0, i1 - 1), min(len(r.keys), i2 + 1))[0],
            _phrase(v, max(0, j1 - 1), min(len(v.keys), j2 + 1))[0],
        )
        or _bounded(r, i1, i2, v, j1, j2)
        or _zone_shifted(r, i1, i2, v, j1, j2)
    )


def _clock_only(w: Words, lo: int, hi: int) -> bool:
    """Are the figures of words ``[lo, hi)`` times of day only ("(0340 GMT)")?"""
    phrase = _phrase(w, lo, hi)[0]
    times = times_of_day(phrase)
    rest = list(phrase)
    for *_, start, end in times:
        rest[start:end] = " " * (end - start)
    return bool(times) and not any(c.isdigit() for c in rest)


def _zone_shifted(r: Words, i1: int, i2: int, v: Words, j1: int, j2: int) -> bool:
    """Is the one time of day of a replaced phrase the other's given in
    another zone ("05:40 local time" / "03:40 GMT", the zones read in the
    words after the phrase too: :func:`.textmeta.same_moment`)?"""
    a = times_of_day(_phrase(r, max(0, i1 - 1), min(len(r.keys), i2 + 3))[0])
    b = times_of_day(_phrase(v, max(0, j1 - 1), min(len(v.keys), j2 + 3))[0])
    return len(a) == 1 == len(b) and same_moment(a[0][:3], b[0][:3])


def _same_day(r: Words, i1: int, i2: int, v: Words, j1: int, j2: int, reference: _Reference, ref: int, i: int) -> bool:
    """Do two replaced phrases name one day, written otherwise ("on Monday"
    / "on 13 April" / "this morning", read on the day each article is
    dated, ``reference.dates[ref]`` and ``[i]``: :func:`.textmeta.days_named`),
    the word before and after each taken in ("last" / "next" with the
    weekday they go with)?"""
    dates = reference.dates
    if not dates:
        return False
    a = days_named(_phrase(r, max(0, i1 - 1), min(len(r.keys), i2 + 1))[0], dates[ref])
    b = days_named(_phrase(v, max(0, j1 - 1), min(len(v.keys), j2 + 1))[0], dates[i])
    return a is not None and b is not None and not a.isdisjoint(b)


def _per_cent_written_out(r: Words, v: Words, tag: str, i1: int, i2: int, j1: int, j2: int) -> bool:
    """Are the words one side adds only "per cent" (or "percent") after a
    number the other side gives with "%" ("4.5%" / "4.5 per cent")?"""
    if tag not in ("insert", "delete"):
        return False
    w, lo, hi, other, at = (v, j1, j2, r, i1) if tag == "insert" else (r, i1, i2, v, j1)
    if [k.casefold() for k in w.words[lo:hi]] not in (["per", "cent"], ["percent"]) or not lo or not at:
        return False
    return _HAS_DIGIT[w.keys[lo - 1]] and other.source[other.ends[at - 1] : other.ends[at - 1] + 1] == "%"


def _counted(w: Words, k: int) -> str | None:
    """What the number at word ``k`` counts: the stem of the first word
    after it (its scale, "per cent" and function words passed over) in its
    sentence, within three words; None if there is none."""
    _, hi = _whole_number(w, k, k + 1)
    for x in range(hi, min(hi + 3, len(w.keys))):
        if w.initial[x]:
            return None
        if w.keys[x] in STOPWORDS or w.keys[x] in _SCALE or _cardinal(w.keys[x]) or w.keys[x] in ("per", "cent"):
            continue
        return w.stems[x]
    return None


_AT_LEAST = ("more than", "over", "top", "tops", "topped", "above", "at least", "upwards of", "exceeding")


def _within_bound(w: Words, k: int, other: Words, j: int) -> bool:
    """Is the number at word ``k`` of ``w`` a lower bound ("more than 200",
    "topped 200") that the other's exact number at ``j`` keeps ("214")?  A
    figure rounded ("about 8%" for 7.5%, "nearly 40%" for 37.8%) is still a
    number changed, and so are two bounds that differ."""
    if not _qualifier(w, k) or _qualifier(other, j):
        return False
    ours, theirs = _value_at(w, k), _value_at(other, j)
    return ours is not None and theirs is not None and theirs >= ours


def _qualifier(w: Words, k: int) -> str:
    """The lower bound before the number at word ``k`` ("more than",
    "at least"), or ""."""
    lo, _ = _whole_number(w, k, k + 1)
    before = " ".join(x.casefold() for x in w.words[max(0, lo - 2) : lo])
    return next((q for q in _AT_LEAST if before == q or before.endswith(" " + q)), "")


def _bounded(r: Words, i1: int, i2: int, v: Words, j1: int, j2: int) -> bool:
    """Is one of the numbers of two replaced phrases a bound the other keeps
    (:func:`_within_bound`)?"""
    a = next((x for x in range(i2 - 1, i1 - 1, -1) if _cardinal(r.keys[x])), None)
    b = next((x for x in range(j2 - 1, j1 - 1, -1) if _cardinal(v.keys[x])), None)
    return a is not None and b is not None and (_within_bound(r, a, v, b) or _within_bound(v, b, r, a))


def _value_at(w: Words, k: int) -> float | None:
    """The value of the number at word ``k``, if it reads as one, the whole
    number in words it ends ("A hundred and twelve") read as one."""
    if not _HAS_DIGIT[w.keys[k]]:
        lo, hi = max(0, k - 4), min(len(w.keys), k + 5)
        at = w.starts[k] - w.starts[lo]
        for m in _SPELLED_RE.finditer(w.source, w.starts[lo], w.ends[hi - 1]):
            if m.start() - w.starts[lo] <= at < m.end() - w.starts[lo]:
                return float(_spelled_value(m.group()))
    found = _amounts(_count_figures(_amount_phrase(w, k, k + 1)))
    return found[0] if found and isinstance(found[0], float) else None


_MEASURE_WORDS = frozenset(("magnitude", "per", "percent", "%", "degrees", "degree"))


def _measure(w: Words, k: int) -> bool:
    """Is the number at word ``k`` a measure (with decimals, a unit, a
    magnitude or a share: "6.8", "5 kilometres", "magnitude 7", "18 per
    cent") rather than a count of things?"""
    lo, hi = _whole_number(w, k, k + 1)
    if _decimals(w, hi - 1, hi) or (hi < len(w.keys) and _decimals(w, hi, hi + 1)) or _unit_after_number(w, hi, hi + 1):
        return True
    near = {w.words[x].casefold() for x in (lo - 1, hi) if 0 <= x < len(w.words)}
    return bool(near & _MEASURE_WORDS) or "%" in w.source[w.ends[hi - 1] : w.ends[hi - 1] + 1]


def _count_the_same(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def _amount_at(w: Words, k: int) -> list[Amount]:
    """The amounts the number at word ``k`` and the word after it give
    ("412 million", "2.37bn", "Q3"), or the key itself for a number word
    ("fourteen")."""
    if k and w.keys[k] in _SCALE and _HAS_DIGIT[w.keys[k - 1]]:
        k -= 1  # "million" of "412 million"
    lo, hi = _whole_number(w, k, k + 1)
    return _amounts(_amount_phrase(w, lo, hi + 1)) or [f"?{w.keys[k]}"]


def _duration(w: Words, lo: int, hi: int) -> bool:
    """Do words ``[lo, hi)`` name a unit of time ("hour", "minutes")?"""
    return any(w.words[k].casefold() in DURATIONS for k in range(lo, hi))


def _unit_after_number(w: Words, lo: int, hi: int) -> bool:
    """Is word ``lo`` (the only one) a unit right after a number ("5 miles")?"""
    if hi - lo != 1 or not lo or not _HAS_DIGIT[w.keys[lo - 1]]:
        return False
    return _unit(w.source[w.starts[lo] : w.ends[lo]]) is not None


def _amount_phrase(w: Words, lo: int, hi: int) -> str:
    """Words ``[lo, hi)`` widened to whole numbers, and to the unit after
    "degrees" ("7.4 degrees Fahrenheit")."""
    lo, hi = _whole_number(w, lo, min(len(w.keys), hi))
    if hi < len(w.keys) and w.source[w.starts[hi - 1] : w.ends[hi - 1]].casefold() in ("degree", "degrees"):
        hi += 1
    return _phrase(w, lo, hi)[0]


class _Cardinals(dict):
    """Whether a key is a count: digits or a number word ("fourteen",
    "million"; not "first", "once"), by key, worked out when first asked for."""

    def __missing__(self, key: str) -> bool:
        if len(self) > 200_000:
            self.clear()
        found = self[key] = key in _CARDINALS or _HAS_DIGIT[key]
        return found


_cardinal = _Cardinals().__getitem__  # _cardinal(key): is it a count (one lookup per word)


def _is_name(w: Words, k: int) -> bool:
    return w.source[w.starts[k] : w.starts[k] + 1].isupper() and not w.initial[k] and w.keys[k] != "i"


def _names_by_stem(w: Words) -> dict[str, int]:
    """The first capitalised word (not opening a sentence) of each stem."""
    out: dict[str, int] = {}
    for k in range(len(w.keys)):
        if _is_name(w, k):
            out.setdefault(w.stems[k], k)
    return out


def _moved_spellings(
    r: Words, v: Words, changed: list[tuple[int, int]], ref_names: dict[str, int], found: list[Change], i: int, ref: int
) -> list[Change]:
    """A name the version spells otherwise in words it moved or reworded
    ("Foreign Minister Sergei Lavrov said that …" / "…, Foreign Minister
    Sergey Lavrov said"): the stems fold together, the words differ."""
    out: list[Change] = []
    seen = {(c.before, c.after) for c in found if c.kind == "spelling"}
    for j1, j2 in changed:
        for b in range(j1, j2):
            a = ref_names.get(v.stems[b])
            if a is None or not _is_name(v, b) or v.keys[b] in _MONTHS:
                continue  # (a month is no name respelt)
            if r.keys[a] != v.keys[b] and _bare(r.keys[a]) == _bare(v.keys[b]):
                continue  # one name, another ending ("Lavrov" / "Lavrov's")
            if r.keys[a] == v.keys[b] and _letters(r, a) == _letters(v, b):
                continue  # the same letters ("Sójka" / "Sojka" differ: its accents dropped)
            before, ref_span = _phrase(r, a, a + 1)
            after, span = _phrase(v, b, b + 1)
            if (before, after) not in seen:
                seen.add((before, after))
                out.append(Change("spelling", i, ref, before, after, span, ref_span))
    return out


def _quoted_one_side(r: Words, v: Words, i1: int, i2: int, j1: int) -> list[tuple[int, int, int, int]]:
    """In a run of words the two versions share: the stretches quoted on one
    side only, as (ref lo, ref hi, version lo, version hi)."""
    runs: list[tuple[int, int, int, int]] = []
    if r.quoted[i1:i2] == v.quoted[j1 : j1 + i2 - i1]:
        return runs
    k = 0
    while k < i2 - i1:
        if r.quoted[i1 + k] != v.quoted[j1 + k]:
            m = k
            while m < i2 - i1 and r.quoted[i1 + m] != v.quoted[j1 + m] and r.quoted[i1 + m] == r.quoted[i1 + k]:
                m += 1
            runs.append((i1 + k, i1 + m, j1 + k, j1 + m))
            k = m
        else:
            k += 1
    return runs


def _quote_changes(
    r: Words, v: Words, passages, i: int, ref: int, quote_runs: list[tuple[int, int, int, int]]
) -> list[Change]:
    """Quote against paraphrase: the shared words one version quotes and the
    other does not, else the whole passage when only one is quoted."""
    changes = [
        Change(
            "quote-paraphrase",
            i,
            ref,
            _quoted_phrase(r, i1, i2),
            _quoted_phrase(v, j1, j2),
            _phrase(v, j1, j2)[1],
            _phrase(r, i1, i2)[1],
        )
        for i1, i2, j1, j2 in _merged_runs(r, quote_runs)
    ]
    if not changes and passages[i].quoted != passages[ref].quoted:
        changes.append(
            Change(
                "quote-paraphrase",
                i,
                ref,
                f"“{' '.join(r.text.split())}”" if passages[ref].quoted else " ".join(r.text.split()),
                f"“{' '.join(v.text.split())}”" if passages[i].quoted else " ".join(v.text.split()),
            )
        )
    return changes


def _diff(a: list[str], b: list[str], where: dict[str, list[int]] | None = None) -> tuple[list, list]:
    """The opcodes and matching blocks of ``a`` against ``b``, as
    :class:`difflib.SequenceMatcher` (no junk, no autojunk) gives them.

    Worked out as the matcher does (the longest block the two share, the
    first in ``a`` and then in ``b`` of the longest, then the same on
    either side of it), but from every maximal run of equal words along a
    diagonal, found once, instead of a table walk for each step.
    ``where``: :func:`_positions` of ``a``, when known."""
    if a == b:
        n = len(a)
        return ([("equal", 0, n, 0, n)], [(0, 0, n), (n, n, 0)]) if n else ([], [(0, 0, 0)])
    blocks = _matching_blocks(a, b, _positions(a) if where is None else where)
    opcodes = []
    i = j = 0
    for ai, bj, size in blocks:
        if i < ai:
            opcodes.append(("replace" if j < bj else "delete", i, ai, j, bj))
        elif j < bj:
            opcodes.append(("insert", i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            opcodes.append(("equal", ai, i, bj, j))
    return opcodes, blocks


def _positions(words: list[str]) -> dict[str, list[int]]:
    """Where each word stands in ``words``."""
    where: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        where.setdefault(word, []).append(i)
    return where


def _matching_blocks(a: list[str], b: list[str], where: dict[str, list[int]]) -> list[tuple[int, int, int]]:
    """:meth:`difflib.SequenceMatcher.get_matching_blocks` of ``a`` and ``b``
    (as tuples; ``where``: :func:`_positions` of ``a``)."""
    la, lb = len(a), len(b)
    # Every maximal run of a[i + m] == b[j + m], as (-size, i, j): the
    # least of a box's runs is the one the matcher takes.
    runs = []
    for j, word in enumerate(b):
        for i in where.get(word, ()):
            if i and j and a[i - 1] == b[j - 1]:
                continue  # inside a run begun before
            size = 1
            while i + size < la and j + size < lb and a[i + size] == b[j + size]:
                size += 1
            runs.append((-size, i, j))
    found = []
    queue = [(0, la, 0, lb, runs)]
    while queue:
        alo, ahi, blo, bhi, inside = queue.pop()
        if not inside:
            continue
        size, i, j = min(inside)
        size = -size
        found.append((i, j, size))
        if alo < i and blo < j:
            queue.append((alo, i, blo, j, _clipped(inside, alo, i, blo, j)))
        if i + size < ahi and j + size < bhi:
            queue.append((i + size, ahi, j + size, bhi, _clipped(inside, i + size, ahi, j + size, bhi)))
    found.sort()
    # Adjacent blocks as one (as the matcher gives them), and its end marker.
    blocks = []
    i1 = j1 = k1 = 0
    for i2, j2, k2 in found:
        if i1 + k1 == i2 and j1 + k1 == j2:
            k1 += k2
        else:
            if k1:
                blocks.append((i1, j1, k1))
            i1, j1, k1 = i2, j2, k2
    if k1:
        blocks.append((i1, j1, k1))
    blocks.append((la, lb, 0))
    return blocks


def _clipped(runs, alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int, int]]:
    """The parts of ``runs`` (as (-size, i, j)) inside the box ``[alo, ahi) x [blo, bhi)``."""
    out = []
    for run in runs:
        size, i, j = run
        i_end, j_end = i - size, j - size
        if i >= ahi or j >= bhi or i_end <= alo or j_end <= blo:
            continue  # wholly outside
        if i >= alo and j >= blo and i_end <= ahi and j_end <= bhi:
            out.append(run)  # wholly inside
            continue
        # The start and end along the run's diagonal (max and min written out: a third faster).
        shift = j - i
        start = i if i > alo else alo
        if blo - shift > start:
            start = blo - shift
        end = i_end if i_end < ahi else ahi
        if bhi - shift < end:
            end = bhi - shift
        if end > start:
            out.append((start - end, start, start + shift))
    return out


def group_changes(
    group: Group,
    words: list[Words],
    sentences: list[Sentences] | None = None,
    dates: list[datetime.date | None] | None = None,
) -> tuple[Change, ...]:
    """The classified differences between the group's versions and its most
    common wording (``words``: each passage's parsed words, in order;
    ``sentences``: each passage's sentences and their speakers, which the
    speakers are compared by; ``dates``: the day each passage's article
    is dated, when known, which a weekday and "today" are read in)."""
    passages = group.passages
    if len(passages) < 2:
        return ()
    norms = [" ".join(w.keys) for w in words]
    counts = Counter(norms)
    # (then as written: where one outlet drops a name's accents, the others' "Zieliński" is the common wording)
    written = [" ".join(w.words).casefold() for w in words]
    as_written = Counter(written)
    ref = max(
        range(len(passages)), key=lambda i: (counts[norms[i]], as_written[written[i]], passages[i].similarity, -i)
    )
    changes: list[Change] = []
    r = words[ref]
    reference = _Reference(r, _negated(r), {} if r.title_case else _names_by_stem(r))
    reference.counts = any(map(_cardinal, r.keys))
    reference.according, reference.says = "according" in r.keys, not _SAID.isdisjoint(r.keys)
    reference.negations = r.negations.count(True)
    reference.dates = dates
    if sentences is not None:
        reference.parts = _sentence_parts(r, sentences[ref])
        reference.speaking = any(who for _, _, who in sentences[ref])
    diffs: dict[tuple[str, ...], tuple[list, list]] = {}  # versions worded alike are compared once
    # A version with the same text, quotes and speakers as an earlier one
    # of the same article differs from the reference as that one does (of
    # another article it may not: a name is told from a word by its article).
    done: dict[tuple, list[Change]] = {}
    where = None  # the reference's words' positions, for the diffs
    for i, v in enumerate(words):
        if i == ref or passages[i].article == passages[ref].article and norms[i] == norms[ref]:
            continue
        said = None if sentences is None else (sentences[ref], sentences[i])
        again = (passages[i].article, v.text, tuple(v.quoted), passages[i].quoted, said and tuple(said[1]))
        if again in done:
            changes.extend(_renumbered(done[again], i))
            continue
        stems = tuple(v.stems)
        if stems not in diffs:
            if where is None:
                where = _positions(r.stems)
            diffs[stems] = _diff(r.stems, v.stems, where)
        mine = done[again] = _version_changes(reference, v, passages, i, ref, diffs[stems], said)
        changes.extend(mine)
    if sentences is None:
        changes.extend(_attribution_changes(passages))
    order = sorted((_RANK[c.kind], c.passage, (c.span or (0, 0))[0], n) for n, c in enumerate(changes))
    return tuple(changes[key[-1]] for key in order)


_RANK = {kind: n for n, kind in enumerate((*MATERIAL, "added", "dropped", "other"))}  # the order changes are given in


def _renumbered(changes: list[Change], passage: int) -> list[Change]:
    """``changes`` as the changes of version ``passage``."""
    return [Change(c.kind, passage, c.reference, c.before, c.after, c.span, c.ref_span) for c in changes]


@dataclass
class _Reference:
    """The group's most common wording, with what every comparison needs of it."""

    words: Words
    negated: Counter[str]
    names: dict[str, int]  # its capitalised words by stem
    parts: list[tuple[int, int, set[str], set[str]]] | None = None  # its sentences (_sentence_parts)
    counts: bool = True  # it holds a count (_cardinal): a version may give one otherwise (_moved_numbers)
    speaking: bool = True  # a sentence of it is attributed: a version's may be to someone else
    # whether it holds an "according" and a speech verb (_SAID), and its number of negations
    according: bool = True
    says: bool = True
    negations: int = 0
    dates: list[datetime.date | None] | None = None  # the day each version's article is dated, when known


def _version_changes(
    reference: _Reference, v: Words, passages, i: int, ref: int, diff, said: tuple[Sentences, Sentences] | None
) -> list[Change]:
    """Version ``i``'s differences from the reference (``diff``: the
    opcodes and matching blocks of their stems; ``said``: the two
    versions' sentences and speakers, when known)."""
    r = reference.words
    opcodes, blocks = [op for op in diff[0] if not _per_cent_written_out(r, v, *op)], diff[1]
    ver_negated = _negated(v)
    # (with as many negations on each side, whether it is a third; the
    # counters' totals are the numbers of negations)
    balanced = v.negations.count(True) == reference.negations
    if balanced and ver_negated != reference.negated and (_moved_negation(r, v) or _moved_negation(v, r)):
        balanced = False  # "did not say whether it would inspect" / "said it would not inspect"
    negated = (reference.negated, ver_negated, balanced)
    sides = (reference.according, "according" in v.keys, reference.says, not _SAID.isdisjoint(v.keys))
    mine: list[Change] = []
    quote_runs: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            # (most runs are the same words as written, quoted alike: nothing to look for but hyphens)
            mine.extend(_spellings(r, v, i1, i2, j1, i, ref))
            if r.quoted[i1:i2] != v.quoted[j1 : j1 + i2 - i1]:
                quote_runs.extend(_quoted_one_side(r, v, i1, i2, j1))
            continue
        kind = _classify(r, v, tag, i1, i2, j1, j2, negated, sides)
        glued = kind == "number" and (
            tag != "replace"
            or _decimals(r, i1, i1 + 1)
            or _decimals(v, j1, j1 + 1)
            or _unit_after_number(r, i1, i2)  # "5 kilometres" / "5 miles", the number with its unit
        )
        if kind == "number" and i1 and j1 and glued:
            i1, j1 = i1 - 1, j1 - 1  # decimals: the whole number on each side ("5" / "5.5", "11.4%" / "11 per cent")
        if kind == "number":  # the whole numbers ("8.5 million" / "9.5 million": "8.5" → "9.5", not "8" → "9")
            i1, i2 = _whole_number(r, i1, i2, figures=True)
            j1, j2 = _whole_number(v, j1, j2, figures=True)
        before, ref_span = _phrase(r, i1, i2)
        after, span = _phrase(v, j1, j2)
        if kind == "number":  # a score's bracket closed: "7-6 (5)", not "7-6 (5"
            before, after = (x + ")" * (x.count("(") - x.count(")")) for x in (before, after))
        if kind in ("added", "dropped", "other") and (
            _inside_quotes(r, i1, i2, v, j1, j2) or _cut_from_quote(r, i1, i2, v, j1, j2)
        ):
            kind = "quote-changed"  # words changed inside a quotation both versions give
        if kind == "number" and _number_written_otherwise(r, i1, i2, v, j1, j2, before, after):
            kind = "other"
        if kind == "date" and (_same_duration(before, after) or _same_day(r, i1, i2, v, j1, j2, reference, ref, i)):
            kind = "other"  # "on Monday" / "on 13 April", that Monday; "between 2019 and 2024" / "for five years"
        mine.append(Change(kind, i, ref, before, after, span, ref_span))
    if quote_runs or passages[i].quoted != passages[ref].quoted:  # (else there is no quote against paraphrase)
        mine.extend(_quote_changes(r, v, passages, i, ref, quote_runs))
    if reference.counts:  # (else no number is lost: nothing moved)
        mine.extend(_moved_numbers(r, v, opcodes, mine, i, ref))
    changed = [(j1, j2) for tag, _, _, j1, j2 in opcodes if tag != "equal"]
    if changed and not (r.title_case or v.title_case):
        mine.extend(_moved_spellings(r, v, changed, reference.names, mine, i, ref))
    if said is not None:
        if reference.speaking:  # (else no sentence of the reference has a speaker to differ from)
            spelt = {(c.before, c.after) for c in mine if c.kind == "spelling"}
            mine.extend(
                c
                for c in _sentence_speaker_changes(r, v, said[0], said[1], blocks, i, ref)
                if not (c.kind == "spelling" and (c.before, c.after) in spelt)  # shown already, where it stands
            )
        if reference.parts is not None and (any(r.quoted) or any(v.quoted)):
            mine.extend(_reworded_quotes(r, v, reference.parts, said[1], mine, i, ref))
    return mine
