"""The texts as the aligner reads them: tokens with their keys, which of
them are page boilerplate, where sentences, paragraphs and quotations are,
and prefix sums over the tokens so that any stretch's worth is two lookups.
"""

from __future__ import annotations

import bisect
import gc
import itertools
import operator
import re
import struct
from array import array
from dataclasses import dataclass, field

from ..reading.articles import Article
from .tokens import (
    MONTHS,
    STOPWORDS,
    TITLE_ABBREVIATIONS,
    WEEKDAYS,
    Token,
    key_of,
    make_tokens,
    token_pieces,
    word_keys,
)

# Word alignment scores: what a word both texts share is worth, what a
# difference costs.
MATCH_CONTENT = 1.0
MATCH_STOP = 0.4
GAP = -0.6  # a content word only one side has
GAP_STOP = -0.1  # a function word only one side has
BOILERPLATE = -3.0


@dataclass
class Doc:
    text: str
    tokens: list[Token]
    keys: list[str]  # boilerplate tokens get a key no other token has
    boilerplate: list[bool]
    content: list[int]  # indexes of content tokens outside boilerplate
    quoted: list[tuple[int, int]]  # spans inside quotation marks
    weight_sum: array[float]  # prefix sums: what matching tokens are worth
    gap_sum: array[float]  # … what leaving them unmatched costs
    content_sum: array[float]  # … how many are content words
    break_sum: array[float]  # … after how many a sentence or paragraph ends
    starts: list[int]  # each token's start offset
    para: list[int]  # each token's paragraph
    para_bounds: list[tuple[int, int]]  # each paragraph's tokens, half open
    sentence_starts: list[int]  # the first token of every sentence, in order
    clause_start: bytearray  # 1 where a token begins a clause (a sentence too); one more entry, 1
    title: tuple[int, int]  # the headline's tokens, half open ((0, 0) without one)
    is_that: bytearray  # 1 where a token is the word "that"
    says: bytearray  # 1 where a token is a verb of saying or naming (and an "as" after one): its clause goes on
    key_ids: array[int]  # each key as an int, the same int for the same key in every document
    # The tokens of each sentence, half open, after one entry for a token
    # before the first sentence: sentence_spans[k] for the k sentences that
    # start at or before a token (see sentence_of).
    sentence_spans: list[tuple[int, int]]
    regions: tuple[tuple[int, int], ...]  # the tokens before the headline, of it, after it (see region)
    cache: dict = field(default_factory=dict)  # what the later steps work out once per document

    def region(self, t: int) -> tuple[int, int]:
        """The tokens a passage through token ``t`` may span: the headline,
        or the text before or after it."""
        lo, hi = self.title
        if t < lo:
            return self.regions[0]
        if t < hi:
            return self.regions[1]
        return self.regions[2]

    def in_title(self, t: int) -> bool:
        return self.title[0] <= t < self.title[1]

    def sentence_of(self, t: int) -> tuple[int, int]:
        """The tokens of the sentence holding token ``t``, half open."""
        return self.sentence_spans[bisect.bisect_right(self.sentence_starts, t)]


_BREAK_RE = re.compile(r"[.!?]|\n")
# A paragraph ends at a blank line, or at a line end after the end of a
# sentence (a hard-wrapped line that stops mid-sentence does not end one).
_PARA_RE = re.compile(r"\n[ \t\u00a0]*\n|[.!?:;\"”’…)\]][ \t\u00a0]*\n")
_OPEN_DOUBLE = "“«„"
_CLOSE_DOUBLE = "”»"


_QUOTE_MARKS_RE = re.compile("[\"“”«»„‘’']")


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
    last = 0  # where the text after the last mark starts
    for m in _QUOTE_MARKS_RE.finditer(text):
        i = m.start()
        # A line end since the last mark closes what is open there (the
        # line ends are looked for only then, not visited one by one).
        if open_at is not None or single_at is not None:
            end = text.find("\n", last, i)
            if end >= 0:
                for start in (open_at, single_at):
                    if start is not None and start < end:
                        spans.append((start, end))
                open_at = single_at = None
        last = i + 1
        ch = text[i]
        if ch in _OPEN_DOUBLE and open_at is None:
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
    end = text.find("\n", last)
    end = n if end < 0 else end
    for start in (open_at, single_at):
        if start is not None and start < end:
            spans.append((start, end))
    spans.sort()
    return spans


# The quoted spans of the texts prepared last, by text, for the facts step
# (:class:`.quotations.Quotations`), which reads the same texts after
# aligning: taken from here once each (and dropped), not found again.
_HANDED_OVER: dict[str, list[tuple[int, int]]] = {}


def hand_over_quotes(text: str, spans: list[tuple[int, int]]) -> None:
    if len(_HANDED_OVER) >= 10_000:  # (texts never annotated: a bound)
        _HANDED_OVER.clear()
    _HANDED_OVER[text] = spans


def drop_handed_over() -> None:
    """Let go of the spans no facts step took (its texts hard-wrapped, or never annotated)."""
    _HANDED_OVER.clear()


def handed_over_quotes(text: str) -> list[tuple[int, int]]:
    """:func:`quoted_spans` of ``text``: as a text prepared last handed them over, else found."""
    found = _HANDED_OVER.pop(text, None)
    return quoted_spans(text) if found is None else found


# Sentence ends: terminal punctuation before a space or a closing mark (in
# the text between two tokens: what follows it is never the text's end).
# (An ellipsis in brackets, "[...]" or "(…)", marks words left out of a
# quotation: the sentence goes on.)
_SENTENCE_END_RE = re.compile(r"(?<![\[(.!?…])[.!?…]+(?=[\s\"”’'»)\]])(?<![\[(][.…]{3})(?<![\[(]…)")
# Clause marks between two words: commas (not in 1,000), semicolons, colons,
# parentheses, dashes standing apart from words.
_CLAUSE_MARK_RE = re.compile(r",(?!\d)|:(?!\d)|[;()]|\s[-–—]+\s|[–—]")  # (no clause in "1,000" nor "2:00:35")
_ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset(
    ("vs", "etc", "no", "nos", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "jan", "feb", "mar")
    + ("apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u", "s", "e", "g", "i")
)
# Words that open a clause of their own ("…has reported | that Putin…").
_CLAUSE_WORDS = frozenset(
    ("that", "which", "who", "whom", "whose", "because", "but", "if", "when", "while", "although", "though")
    + ("unless", "whether", "where", "whereas", "saying", "adding")
)
_CLAUSE_KEYS = frozenset(key_of(w) for w in _CLAUSE_WORDS)
_CONJUNCTIONS = frozenset(("and", "or", "but", "nor", "yet"))
# Verbs of saying: what follows them is a clause ("Lavrov said | Russia was ready").
SAYING_WORDS = frozenset(
    ("say", "says", "said", "add", "adds", "added", "state", "states", "stated", "note", "notes", "noted")
    + ("insist", "insists", "insisted", "stress", "stresses", "stressed", "warn", "warns", "warned", "report")
    + ("reports", "reported", "claim", "claims", "claimed", "announce", "announces", "announced", "believe")
    + ("believes", "believed", "argue", "argues", "argued", "explain", "explains", "explained")
)
SAYING_KEYS = frozenset(key_of(w) for w in SAYING_WORDS)
# Verbs of naming: a quotation after them is what they name, so a passage
# never ends on them ("…which it called | "unlawful"", "…described as | "…"").
_NAMING_WORDS = frozenset(
    ("called", "calling", "describe", "describes", "described", "describing", "dubbed", "termed", "labelled")
    + ("labeled", "branded", "named")  # (not "call", "name", "term", "brand", "label": nouns as often)
)
_NAMING_KEYS = frozenset(key_of(w) for w in _NAMING_WORDS)


# What a stretch of text between two tokens tells (the same few stretches
# recur: " ", ", ", ". ", ".\n\n"), worked out once per stretch: a bit each.
_GAP_BREAK = 1  # a sentence or a line may end here (_BREAK_RE)
_GAP_PARA = 2  # a paragraph ends (_PARA_RE)
_GAP_CLAUSE = 4  # a clause mark (_CLAUSE_MARK_RE)
_GAP_COMMA = 8  # a clause mark unless the next token starts with a digit ("1,000")
_GAP_STOP = 16  # a sentence ends, unless the token before is an abbreviation or initial
_GAP_END = 32  # a sentence ends
_DIGIT_RE = re.compile(r"\d")


def _gap_code(gap: str) -> int:
    """The :data:`_GAP_BREAK`… bits of a stretch of text between two tokens
    (punctuation and white space are never inside a token, so every match
    of those patterns in a text lies in one such stretch)."""
    code = _GAP_BREAK if _BREAK_RE.search(gap) else 0
    if _PARA_RE.search(gap):
        code |= _GAP_PARA
    if _CLAUSE_MARK_RE.search(gap):
        # only a comma's "(?!\d)" looks past the stretch, at the next token
        code |= _GAP_CLAUSE if _CLAUSE_MARK_RE.search(gap + "0") else _GAP_COMMA
    ends = _SENTENCE_END_RE.findall(gap)
    if ends:
        code |= _GAP_STOP if all(end == "." for end in ends) else _GAP_END
    return code


class _GapCodes(dict):
    def __missing__(self, gap: str) -> int:
        if len(self) > 100_000:  # never more than a few hundred in real text
            self.clear()
        code = self[gap] = _gap_code(gap)
        return code


_GAP_CODES = _GapCodes()


def _boundaries(
    text: str,
    spans: tuple[list[int], list[int]],
    keys: list[str],
    marks: list[tuple[int, int]],
    para_bounds: list[tuple[int, int]],
    title: tuple[int, int],
    quoted: list[tuple[int, int]],
    boilerplate: list[bool],
) -> tuple[list[int], bytearray, bytearray, bytearray]:
    """Where sentences and clauses begin: the first token of each sentence
    (paragraphs, the headline and page boilerplate lines are sentences of
    their own; an abbreviation's or initial's full stop, or one before a
    lower-case word, ends none), and a flag per token that begins a clause
    (a sentence, a clause mark before it, a quotation of three words or
    more opening before it or closing after the token before, or a word such
    as "that" or "because").  ``spans`` are the tokens' starts and ends,
    ``keys`` their keys (boilerplate's too), ``marks`` (k, :func:`_gap_code`)
    of each stretch of text before token k (or after the last) that has any."""
    starts, ends = spans
    n = len(starts)
    sentence = bytearray(n + 1)
    sentence[n] = 1
    for lo, _hi in para_bounds:
        sentence[lo] = 1
    for t in title:
        sentence[min(t, n)] = 1
    if True in boilerplate:
        for t in itertools.compress(range(1, n), map(operator.ne, boilerplate[1:], boilerplate)):
            sentence[t] = 1
    # A sentence ends before token k (after token t = k - 1).
    for k, code in marks:
        if not (0 < k < n and code & (_GAP_STOP | _GAP_END)):
            continue
        t = k - 1
        if not code & _GAP_END:
            word = text[starts[t] : ends[t]]
            if word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
        if text[starts[k]].islower():
            continue
        sentence[k] = 1
    clause = bytearray(sentence)
    for k, code in marks:
        if k < n and (code & _GAP_CLAUSE or (code & _GAP_COMMA and not _DIGIT_RE.match(text, starts[k]))):
            clause[k] = not _inside_a_date(text, starts, ends, k)
    for s, e in quoted:
        lo = bisect.bisect_left(starts, s)
        hi = bisect.bisect_left(starts, e)
        if hi - lo >= 3:
            clause[lo] = 1
            clause[hi] = 1
    is_that, says = _clause_words(text, spans, keys, clause)
    clause[0] = 1 if n else clause[0]
    return list(itertools.compress(range(n), sentence)), clause, is_that, says


_YEAR_RE = re.compile(r"(?:19|20)\d\d\b")
_DAY_RE = re.compile(r"\d{1,2}\b")


def _inside_a_date(text: str, starts: list[int], ends: list[int], k: int) -> bool:
    """Is the comma before token ``k`` one inside a date ("February 18,
    2026", "Monday, March 9"), not a clause's mark?"""
    if not k or text[ends[k - 1] : starts[k]] != ", ":
        return False
    before, word = text[starts[k - 1] : ends[k - 1]], text[starts[k] : ends[k]]
    if _DAY_RE.fullmatch(before) and _YEAR_RE.fullmatch(word):
        return True
    return before.casefold() in WEEKDAYS and word.casefold() in MONTHS


def _clause_words(
    text: str, spans: tuple[list[int], list[int]], keys: list[str], clause: bytearray
) -> tuple[bytearray, bytearray]:
    """Clauses that words open ("that", "because", after "said"), marked in
    ``clause``; and the flags of the word "that" and of verbs of saying or
    naming."""
    starts, ends = spans
    n = len(starts)
    is_that = bytearray(n)
    says = bytearray(n)
    for t in itertools.compress(range(n), map(_SPECIAL_KEYS.__contains__, keys)):
        key = keys[t]
        word = text[starts[t] : ends[t]].casefold()
        if key in _CLAUSE_KEYS and word in _CLAUSE_WORDS:
            # "…in Ukraine | and that it would…": the clause takes in a conjunction before it
            if t and keys[t - 1] in _CONJUNCTIONS and starts[t] - ends[t - 1] <= 1:
                clause[t - 1] = 1
            else:
                clause[t] = 1
            is_that[t] = word == "that"
        if key in SAYING_KEYS and t + 1 < n and word in SAYING_WORDS:
            clause[t + 1] = 1
            says[t] = 1
        if key in _NAMING_KEYS and word in _NAMING_WORDS:
            says[t] = 1
            if t + 1 < n and text[starts[t + 1] : ends[t + 1]].casefold() == "as":
                says[t + 1] = 1
    return is_that, says


_SPECIAL_KEYS = _CLAUSE_KEYS | SAYING_KEYS | _NAMING_KEYS


def prepare(article: Article) -> Doc:
    """The document the aligner reads of ``article``."""
    # Some ten objects per token are made here and none is ever part of a
    # cycle: the cyclic garbage collector, run after every 700 of them,
    # would only walk them again and again (a fifth of the time it takes).
    if not gc.isenabled():
        return _prepare(article)
    gc.disable()
    try:
        return _prepare(article)
    finally:
        gc.enable()


def _prepare(article: Article) -> Doc:
    text = article.text
    starts, ends, words, gaps = token_pieces(text)
    # The front-matter header is metadata: its words are never tokens, so no
    # passage starts in it or grows into it (boilerplate is crossed, it is not).
    header_end = max((line.end for line in article.lines if line.kind == "header"), default=-1)
    if header_end >= 0:
        first = bisect.bisect_right(starts, header_end)
        starts, ends, words, gaps = starts[first:], ends[first:], words[first:], gaps[first:]
    token_keys, flags = word_keys(words)
    tokens = make_tokens(starts, ends, token_keys, flags)
    n = len(tokens)
    # (k, code) of each stretch of text before token k that holds a mark
    # (most are a plain space, which holds none)
    codes = list(map(_GAP_CODES.__getitem__, gaps))
    marks = list(itertools.compress(enumerate(codes), codes))
    skip = [(line.start, line.end) for line in article.lines if line.kind in ("boilerplate", "header")]
    skip = sorted(skip + list(article.metadata))  # bylines, date lines: page metadata
    # A token is boilerplate when it starts inside a boilerplate line (the
    # lines are in order and apart): its key is one no other token has.
    boilerplate = [False] * n
    for line_start, line_end in skip:
        lo, hi = bisect.bisect_left(starts, line_start), bisect.bisect_left(starts, line_end)
        boilerplate[lo:hi] = [True] * (hi - lo)
    apart = list(itertools.compress(range(n), boilerplate))
    keys = token_keys.copy() if apart else token_keys
    for i in apart:
        keys[i] = f"\x00{i}"
    content = list(itertools.compress(range(n), map(operator.gt, flags, boilerplate)))
    # After which tokens a sentence or line may end (and after the last).
    breaks = [0] * n
    for k, code in marks:
        if k and code & _GAP_BREAK:
            breaks[k - 1] = 1
    if breaks:
        breaks[-1] = 1
    title = _title_tokens(article, ends)
    para_ends = sorted(({k for k, code in marks if code & _GAP_PARA} | set(title)) - {0, n})
    bounds = list(zip([0, *para_ends], [*para_ends, n]))
    para = list(itertools.chain.from_iterable(itertools.repeat(k, hi - lo) for k, (lo, hi) in enumerate(bounds)))
    gap_costs = list(map(_GAPS.__getitem__, flags))
    for i in apart:
        gap_costs[i] = BOILERPLATE
    quoted = quoted_spans(text)
    hand_over_quotes(text, quoted)
    sentence_starts, clause_start, is_that, says = _boundaries(
        text, (starts, ends), token_keys, marks, bounds, title, quoted, boilerplate
    )
    return Doc(
        text,
        tokens,
        keys,
        boilerplate,
        content,
        quoted,
        prefix(map(_WEIGHTS.__getitem__, flags)),
        prefix(gap_costs),
        prefix(flags),
        prefix(breaks),
        starts,
        para,
        bounds,
        sentence_starts,
        clause_start,
        title,
        is_that,
        says,
        _key_ids(keys, apart),
        _sentence_spans(sentence_starts, n),
        ((0, title[0]), title, (title[1], n)),
    )


def _sentence_spans(starts: list[int], n: int) -> list[tuple[int, int]]:
    """:attr:`Doc.sentence_spans` from the first token of every sentence
    and the number of tokens: for a token before the first sentence (none
    is, but a negative index), the pair the search in sentence_of found."""
    if not starts:
        return []
    return [(starts[-1], starts[0]), *zip(starts, [*starts[1:], n])]


_WEIGHTS = (MATCH_STOP, MATCH_CONTENT)  # by content flag
_GAPS = (GAP_STOP, GAP)


# Keys as ints, shared by all documents: the word alignment compares ints
# (hashed once) instead of strings.  Ids come from a counter and go in with
# setdefault, both atomic, so two alignments in two threads never give two
# keys one id.
class _Ids(dict):
    def __missing__(self, key: str) -> int:
        return self.setdefault(key, next(_NEXT_ID))


_KEY_IDS: dict[str, int] = _Ids()
_NEXT_ID = itertools.count()


# Boilerplate tokens match nothing, in any document: each gets an id of its
# own, counting down from the top of the ids' range (a key such as "\x0010"
# is the same string in two documents whose boilerplate starts at the same
# token, and rapidfuzz takes no ids below zero).
_NEXT_APART = itertools.count(2**31 - 1, -1)


def _key_ids(keys: list[str], apart: list[int]) -> array[int]:
    """Each key's id; the tokens at ``apart`` (boilerplate, in order) get
    ids of their own."""
    ids: list[int] = []
    done = 0
    for i in apart:
        ids.extend(map(_KEY_IDS.__getitem__, keys[done:i]))
        ids.append(next(_NEXT_APART))
        done = i + 1
    ids.extend(map(_KEY_IDS.__getitem__, keys[done:]))
    return array("i", struct.pack(f"{len(ids)}i", *ids))  # (packed: see prefix)


_WORDS_RE = re.compile(r"[^\W_]+")


def _title_tokens(article: Article, ends: list[int]) -> tuple[int, int]:
    """The headline line's tokens, half open: a unit of its own, unless the
    line is the start of prose cut by a line break: the next line follows at
    once and goes on in lower case, the line ends in a comma or hyphen, or it
    ends in a function word or a clause just begun ("…has reported that
    Vladimir")."""
    lines = article.lines
    for k, line in enumerate(lines):
        if line.kind != "title":
            continue
        text = article.text
        body = text[line.start : line.end].rstrip()
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if body.endswith((",", "-")):
            break
        words = [w.casefold() for w in _WORDS_RE.findall(body)]
        if words and (words[-1] in STOPWORDS or any(w in _CLAUSE_WORDS for w in words[-3:])):
            break
        if nxt is not None and nxt.kind == "body":
            follow = text[nxt.start : nxt.end].lstrip()
            if follow[:1].islower():
                break
        lo = bisect.bisect_right(ends, line.start)
        hi = bisect.bisect_right(ends, _deck_end(article, k) or line.end)
        return lo, hi
    return 0, 0


_DECK_WORDS = (4, 30)  # words in a standfirst, at least and at most


def _deck_end(article: Article, k: int) -> int | None:
    """Where the standfirst under the headline at line ``k`` ends, if one
    does ("Shepherd boy from the highlands runs the fastest marathon ever
    seen in France - and pockets a £78,000 jackpot"): the next line (past
    page furniture), a paragraph of its own that ends in no stop, leaves no
    quotation open and is no page metadata; it goes with the headline,
    never with the prose.  Else None."""
    lines, text = article.lines, article.text
    j = k + 1
    while j < len(lines) and lines[j].kind in ("blank", "boilerplate"):  # (a section's name between)
        j += 1
    if j == k + 1 or j >= len(lines) or lines[j].kind != "body":
        return None
    deck = lines[j]
    if j + 1 < len(lines) and lines[j + 1].kind != "blank":
        return None  # (a paragraph of more lines: prose, hard-wrapped)
    body = text[deck.start : deck.end].strip().rstrip("*_ ")
    n = len(body.split())
    if not _DECK_WORDS[0] <= n <= _DECK_WORDS[1] or not body[:1].isupper():
        return None
    if body.rstrip("\"'”’)]» ").endswith((".", "!", "?", "…", ":", ",", ";", "-", "–", "—")):
        return None  # (a sentence, or one that goes on in the next paragraph)
    if (body.count('"') + body.count("“") + body.count("”")) % 2:
        return None  # (a quotation left open: it goes on)
    nxt = text[lines[j + 2].start : lines[j + 2].end].lstrip() if j + 2 < len(lines) else ""
    if nxt[:1].islower():
        return None
    if any(s <= deck.start < e for s, e in article.metadata):
        return None
    return deck.end


def prefix(values) -> array[float]:
    # An array of doubles: a quarter of the memory of a list of floats (some
    # 100 MB of the four prefix sums at 1,600 articles); reads the same.
    # Packed by struct: array("d", floats) converts each float through the
    # argument parser, several times slower.
    sums = tuple(itertools.accumulate(values, initial=0.0))
    return array("d", struct.pack(f"{len(sums)}d", *sums))
