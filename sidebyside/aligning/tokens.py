"""Words with character offsets, and the normalised keys the aligner compares.

A token is a run of letters and digits (apostrophes inside a word kept, so
"Russia's" is one token); each CJK ideograph or kana is a token of its own,
since those scripts do not separate words with spaces.  Offsets are into the
text exactly as given, so ``text[start:end]`` is always the token.

The *key* of a token is what two outlets' spellings of one word have in
common: case, accents, apostrophes and possessives are folded; common
transliteration variants (Sergei/Sergey, Zelenskyy/Zelensky) meet; a light
English suffix-stripper lets "negotiations" meet "negotiate" and "equality"
meet "equal".  Keys are for matching only: nothing shown to a reader is ever
built from them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

# Letters/digits (no underscore), combining marks of the common blocks, words
# joined by an apostrophe; CJK characters one at a time.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = rf"(?:[^\W_{_CJK}]|[{_MARKS}])++"
# (Possessive: a word is all its letters, no backtracking; twice as fast.)
TOKEN_PATTERN = rf"[{_CJK}]|{_WORD}(?:['’]{_WORD})*+"


# Compiling the patterns with the CJK blocks takes some 10 ms each: they are
# compiled when a text first needs them (most never does), not at start-up.
@cache
def token_re() -> re.Pattern[str]:
    """The token pattern, compiled."""
    return re.compile(TOKEN_PATTERN)


@cache
def _token_split_re() -> re.Pattern[str]:
    return re.compile(f"({TOKEN_PATTERN})")


@cache
def _not_plain_re() -> re.Pattern[str]:
    return re.compile(f"[_{_CJK}{_MARKS}]")


def __getattr__(name: str) -> object:
    if name == "TOKEN_RE":
        return token_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves said says say saying
    """.split()
)

# Spellings of the same name that transliteration or politics keep apart.
_VARIANTS = {
    "kiev": "kyiv",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "lugansk": "luhansk",
    "nikolaev": "mykolaiv",
    "zaporozhye": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia",
}

_SUFFIXES = (
    "ations", "ation", "ating", "ated", "ates", "ate", "ities", "ity",
    "ings", "ing", "ies", "ied", "ed", "es", "ly", "s", "e",
)


class Token(NamedTuple):
    start: int
    end: int
    key: str
    content: bool  # not a stopword nor a lone Latin letter: the words that make a passage worth aligning


# Combining marks: those of _MARKS, and Hebrew and Arabic points.
_COMBINING = (
    [(0x0300, 0x036F), (0x0483, 0x0489), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)]
    + [(0x0591, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED)]
)


# Letters that decomposing does not turn into Latin ones, as they are
# usually written in English ("Þórðarson" / "Thordarson", "Ødegaard" /
# "Odegaard", "Łukasz" / "Lukasz").
_LETTERS = str.maketrans(
    {"þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "o", "Ø": "O"}
    | {"ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i"}
)


# Combining marks dropped, the letters of _LETTERS made Latin: one table (a
# translation, not a pattern, which took 2 ms to compile at start-up).
_STRIP = dict.fromkeys(itertools.chain.from_iterable(range(lo, hi + 1) for lo, hi in _COMBINING)) | _LETTERS


def _strip_marks(text: str) -> str:
    """Compatibility-decomposed text without its accents, and the letters
    of :data:`_LETTERS` in Latin ones."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_STRIP)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_DOUBLED_RE = re.compile(r"(.)\1+")
_VOWEL_IEV_RE = re.compile(r"([aeiou])iev")


@lru_cache(maxsize=65536)
def key_of(word: str) -> str:
    """The matching key of one token's text."""
    w = _strip_marks(word.casefold())
    w = w.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    w = _VARIANTS.get(w, w)
    if w.isascii() and w.isalpha():
        if len(w) >= 5 and w.endswith(("tre", "tres", "tred")):  # British spelling: metres / meters, centre / center
            cut = w.rindex("tre")
            w = w[:cut] + "ter" + w[cut + 3 :]
        w = _stem(w)
        # transliteration: y/i and doubled letters are where spellings part,
        # umlauts written out (Mueller/Müller), one sound written j, dj or dzh
        # (Jamshid/Djamshid/Dzhamshid; Đ is read d, as Vietnamese names are
        # written: Đức/Duc), and -yev or -ev after a vowel (Khojayev/Khodjaev,
        # Dostoyevsky/Dostoevsky)
        w = w.replace("y", "i").replace("kh", "h").replace("ph", "f")
        w = w.replace("dzh", "j").replace("dj", "j")
        if "iev" in w:
            w = _VOWEL_IEV_RE.sub(r"\1ev", w)
        w = w.replace("ue", "u").replace("oe", "o").replace("ae", "a")
        w = _DOUBLED_RE.sub(r"\1", w)
        if len(w) > 5 and w.endswith("our"):  # British spelling: neighbour / neighbor
            w = w[:-3] + "or"
    return w


@lru_cache(maxsize=65536)
def _word_info(word: str) -> tuple[str, bool]:
    low = word.casefold()
    return key_of(word), low not in STOPWORDS and (len(low) > 1 or not low.isascii())


# For speed: the token pattern as a splitting pattern, and the same reading
# for text with no underscore, CJK character or combining mark (most text),
# where a single character class does what the pattern's alternation does.
_PLAIN_SPLIT_RE = re.compile(r"([^\W_]++(?:['’][^\W_]++)*+)")
# Outside Latin and general punctuation: the text may hold CJK or marks.
_BEYOND_LATIN_RE = re.compile("[^\x00-\u02ff\u2000-\u206f]")


_OFFSETS = list(range(1 << 16))


# Text of ASCII and general punctuation only (typographic quotes, dashes,
# ellipses: no letter or digit among them) has A-Z, a-z and 0-9 for letters
# and digits: split with that class, no Unicode table looked up per character.
_NOT_ASCII_RE = re.compile("[^\x00-\x7f\u2000-\u206f]")
_ASCII_SPLIT_RE = re.compile(r"([A-Za-z0-9]++(?:['’][A-Za-z0-9]++)*+)")


def _splitter(text: str) -> re.Pattern[str]:
    if text.isascii() or not _NOT_ASCII_RE.search(text):
        return _ASCII_SPLIT_RE
    return _PLAIN_SPLIT_RE if _plain(text) else _token_split_re()


def _plain(text: str) -> bool:
    if "_" in text:
        return False
    return not _BEYOND_LATIN_RE.search(text) or not _not_plain_re().search(text)


def token_pieces(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[int], list[int], list[str], list[str]]:
    """The tokens of ``text[start:end]`` as lists: their start and end
    offsets into ``text``, their words, and the stretches of text around
    them (one more than the tokens: before the first, between each two,
    after the last)."""
    n = len(text)
    start = min(max(start, 0), n)
    end = n if end is None else min(max(end, 0), n)
    part = text[start:end] if end > start else ""
    # Words and the stretches between them alternate; offsets are running sums.
    pieces = _splitter(part).split(part)
    if len(pieces) < 2:
        return [], [], [], pieces
    offsets = itertools.accumulate(map(len, pieces), initial=start)
    # Offsets as shared int objects (every article has offsets 0, 1, 2, …):
    # two of the five objects of a token, a third of the tokens' memory.
    offsets = list(map(_OFFSETS.__getitem__, offsets) if end < len(_OFFSETS) else offsets)
    return offsets[1:-1:2], offsets[2::2], pieces[1::2], pieces[::2]


class _WordTable(dict):
    """One part of :func:`_word_info` by word (``part`` 0: the key, 1: the
    content flag), looked up without a Python call."""

    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, word: str) -> str | bool:
        if len(self) >= 200_000:  # a bound on memory (a corpus's words are far fewer)
            self.clear()
        value = self[word] = _word_info(word)[self.part]
        return value


_WORD_KEYS = _WordTable(0)
_WORD_CONTENT = _WordTable(1)


def word_keys(words: list[str]) -> tuple[list[str], list[bool]]:
    """The key of each word, and whether it is a content word (two lists:
    two passes in C, no pair per word to take apart)."""
    return list(map(_WORD_KEYS.__getitem__, words)), list(map(_WORD_CONTENT.__getitem__, words))


def make_tokens(starts: list[int], ends: list[int], keys: list[str], content: list[bool]) -> list[Token]:
    """Tokens from their offsets, keys and content flags (built in C, no
    Python call per token: tokenizing is mostly making these)."""
    return list(map(_NEW_TUPLE, itertools.repeat(Token), zip(starts, ends, keys, content)))


_NEW_TUPLE = tuple.__new__


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with offsets into ``text``."""
    starts, ends, words, _ = token_pieces(text, start, end)
    if not words:
        return []
    return make_tokens(starts, ends, *word_keys(words))


_FOLD = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
        "–": "-", "—": "-", "‑": "-", "−": "-", "\u00a0": " ", "…": "...",
    }
)


# (No plain form is itself a mark: replacing the marks one after another
# is translating them all at once.)
_FOLD_PAIRS = tuple((chr(mark), plain) for mark, plain in _FOLD.items())


def fold_punctuation(text: str) -> str:
    """Typographic quotes, dashes and no-break spaces as their plain forms."""
    if text.isascii():  # (the marks are not ASCII)
        return text
    # str.replace for each mark the text holds: translate, which looks every
    # character up in the table, took twenty times as long on a passage.
    for mark, plain in _FOLD_PAIRS:
        if mark in text:
            text = text.replace(mark, plain)
    return text


_NON_WORD = re.compile(r"[\W_]+")
# In ASCII text the non-word characters (_NON_WORD) are those that are not
# letters or digits: each made a space, the words are what str.split finds
# (translating ASCII with an ASCII table is fast, the pattern a fourth as).
_ASCII_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """Text as compared for similarity: case, accents, quotes, dashes and
    punctuation folded; words separated by single spaces."""
    folded = _strip_marks(fold_punctuation(text).casefold())
    if folded.isascii():
        return " ".join(folded.translate(_ASCII_NON_WORD).split())
    return _NON_WORD.sub(" ", folded).strip()


#: The months' and the weekdays' names.
MONTHS = frozenset("january february march april may june july august september october november december".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Titles written short with a stop ("Dr. Amara Osei", "Sgt. Ruiz"): the
#: stop ends no sentence, and the name goes on past it.
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr prof rep sen gov gen col lt capt sgt rev st jr sr".split())
#: Words that open a relative clause ("The man, who has not been named, …").
RELATIVE_OPENERS = frozenset(("who", "whose", "which", "whom"))
#: Units of time a duration is given in ("about an hour" / "up to 90 minutes").
DURATIONS = frozenset(("second", "seconds", "minute", "minutes", "hour", "hours"))


def in_relative_clause(text: str, starts: Sequence[int], ends: Sequence[int], k: int, lo: int, hi: int) -> bool:
    """Is word ``k`` (its offsets ``starts[k]``, ``ends[k]`` in ``text``) in a
    relative clause set off by commas that lies whole among words
    ``[lo, hi)`` (", who has not been named,")?"""

    def comma_before(m: int) -> bool:
        return "," in text[ends[m - 1] : starts[m]]

    def breaks_before(m: int) -> bool:  # a clause set off by commas holds no sentence end nor quotation mark
        return any(mark in text[ends[m - 1] : starts[m]] for mark in _CLAUSE_BREAKS)

    start = k
    while start > lo and not comma_before(start):
        if breaks_before(start):
            return False
        start -= 1
    if start == 0 or not comma_before(start) or text[starts[start] : ends[start]].casefold() not in RELATIVE_OPENERS:
        return False
    end = k + 1
    while end < hi and not comma_before(end):
        if breaks_before(end):
            return False
        end += 1
    return end < len(starts) and comma_before(end)


_CLAUSE_BREAKS = '.!?"“”\n'


#: Words after "no" with which it negates nothing ("no matter how long it takes").
NOT_NEGATING_AFTER_NO = frozenset(("matter",))
