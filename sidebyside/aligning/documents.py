"""The texts as the aligner reads them: tokens with their keys, which of
them are page boilerplate, where sentences, paragraphs and quotations are,
and prefix sums over the tokens so that any stretch's worth is two lookups.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from dataclasses import dataclass, field

from ..reading.articles import Article
from .tokens import STOPWORDS, Token, key_of, tokenize

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
    cache: dict = field(default_factory=dict)  # what the later steps work out once per document

    def region(self, t: int) -> tuple[int, int]:
        """The tokens a passage through token ``t`` may span: the headline,
        or the text before or after it."""
        lo, hi = self.title
        if t < lo:
            return 0, lo
        if t < hi:
            return lo, hi
        return hi, len(self.tokens)

    def in_title(self, t: int) -> bool:
        return self.title[0] <= t < self.title[1]

    def sentence_of(self, t: int) -> tuple[int, int]:
        """The tokens of the sentence holding token ``t``, half open."""
        starts = self.sentence_starts
        k = bisect.bisect_right(starts, t) - 1
        return starts[k], starts[k + 1] if k + 1 < len(starts) else len(self.tokens)


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


# Sentence ends: terminal punctuation before a space, a closing mark or the end.
_SENTENCE_END_RE = re.compile(r"[.!?…]+(?=[\s\"”’'»)\]]|$)")
# Clause marks between two words: commas (not in 1,000), semicolons, colons,
# parentheses, dashes standing apart from words.
_CLAUSE_MARK_RE = re.compile(r",(?!\d)|[;:()]|\s[-–—]+\s|[–—]")
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "rep", "sen", "gov", "gen", "col", "lt", "capt", "sgt", "st", "jr", "sr")
    + ("vs", "etc", "no", "nos", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "jan", "feb", "mar")
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


def _boundaries(
    text: str,
    tokens: list[Token],
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
    as "that" or "because")."""
    n = len(tokens)
    ends = [t.end for t in tokens]
    sentence = bytearray(n + 1)
    sentence[n] = 1
    for lo, _hi in para_bounds:
        sentence[lo] = 1
    for t in title:
        sentence[min(t, n)] = 1
    for t in [t for t in range(1, n) if boilerplate[t] != boilerplate[t - 1]]:
        sentence[t] = 1
    for m in _SENTENCE_END_RE.finditer(text):
        t = bisect.bisect_right(ends, m.start()) - 1
        if t < 0 or t + 1 >= n:
            continue
        word = text[tokens[t].start : tokens[t].end]
        if m.group() == "." and (word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            continue
        if text[tokens[t + 1].start].islower():
            continue
        sentence[t + 1] = 1
    clause = bytearray(sentence)
    for m in _CLAUSE_MARK_RE.finditer(text):
        t = bisect.bisect_right(ends, m.start())
        if t < n:
            clause[t] = 1
    starts = [t.start for t in tokens]
    for s, e in quoted:
        lo = bisect.bisect_left(starts, s)
        hi = bisect.bisect_left(starts, e)
        if hi - lo >= 3:
            clause[lo] = 1
            clause[hi] = 1
    is_that = bytearray(n)
    says = bytearray(n)
    special = _CLAUSE_KEYS | SAYING_KEYS
    for t in [t for t, tok in enumerate(tokens) if tok.key in special]:
        tok = tokens[t]
        key = tok.key
        if key in _CLAUSE_KEYS:
            word = text[tok.start : tok.end].casefold()
            if word in _CLAUSE_WORDS:
                # "…in Ukraine | and that it would…": the clause takes in a conjunction before it
                if t and tokens[t - 1].key in _CONJUNCTIONS and tokens[t].start - tokens[t - 1].end <= 1:
                    clause[t - 1] = 1
                else:
                    clause[t] = 1
                is_that[t] = word == "that"
        if key in SAYING_KEYS and t + 1 < n and text[tok.start : tok.end].casefold() in SAYING_WORDS:
            clause[t + 1] = 1
            says[t] = 1
    for t in [t for t, tok in enumerate(tokens) if tok.key in _NAMING_KEYS]:
        if text[tokens[t].start : tokens[t].end].casefold() in _NAMING_WORDS:
            says[t] = 1
            if t + 1 < n and text[tokens[t + 1].start : tokens[t + 1].end].casefold() == "as":
                says[t + 1] = 1
    clause[0] = 1 if n else clause[0]
    return [t for t in range(n) if sentence[t]], clause, is_that, says


def prepare(article: Article) -> Doc:
    text = article.text
    # The front-matter header is metadata: its words are never tokens, so no
    # passage starts in it or grows into it (boilerplate is crossed, it is not).
    header_end = max((line.end for line in article.lines if line.kind == "header"), default=-1)
    tokens = [t for t in tokenize(text) if t.start > header_end]
    skip = [(line.start, line.end) for line in article.lines if line.kind in ("boilerplate", "header")]
    skip = sorted(skip + list(article.metadata))  # bylines, date lines: page metadata
    boilerplate = [False] * len(tokens)
    keys = [t.key for t in tokens]
    starts = [t.start for t in tokens]
    # A token is boilerplate when it starts inside a boilerplate line (the
    # lines are in order and apart): its key is one no other token has.
    for line_start, line_end in skip:
        for i in range(bisect.bisect_left(starts, line_start), bisect.bisect_left(starts, line_end)):
            boilerplate[i] = True
            keys[i] = f"\x00{i}"
    flags = [t.content for t in tokens]
    content = [i for i, (c, b) in enumerate(zip(flags, boilerplate)) if c and not b]
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
    title = _title_tokens(article, ends)
    para_marks = {bisect.bisect_right(ends, m.start()) for m in _PARA_RE.finditer(text)} | set(title)
    para_ends = sorted(para_marks - {0, len(tokens)})
    bounds = list(zip([0, *para_ends], [*para_ends, len(tokens)]))
    para = [0] * len(tokens)
    for number, (lo, hi) in enumerate(bounds):
        para[lo:hi] = [number] * (hi - lo)
    weights = [MATCH_CONTENT if c else MATCH_STOP for c in flags]
    gaps = [BOILERPLATE if f else (GAP if c else GAP_STOP) for c, f in zip(flags, boilerplate)]
    quoted = quoted_spans(text)
    sentence_starts, clause_start, is_that, says = _boundaries(text, tokens, bounds, title, quoted, boilerplate)
    return Doc(
        text,
        tokens,
        keys,
        boilerplate,
        content,
        quoted,
        prefix(weights),
        prefix(gaps),
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
        _key_ids(keys, boilerplate),
    )


# Keys as ints, shared by all documents: the word alignment compares ints
# (hashed once) instead of strings.  Ids come from a counter and go in with
# setdefault, both atomic, so two alignments in two threads never give two
# keys one id.
_KEY_IDS: dict[str, int] = {}
_NEXT_ID = itertools.count()


# Boilerplate tokens match nothing, in any document: each gets an id of its
# own, counting down from the top of the ids' range (a key such as "\x0010"
# is the same string in two documents whose boilerplate starts at the same
# token, and rapidfuzz takes no ids below zero).
_NEXT_APART = itertools.count(2**31 - 1, -1)


def _key_ids(keys: list[str], boilerplate: list[bool]) -> array[int]:
    ids, fresh, apart = _KEY_IDS, _NEXT_ID, _NEXT_APART
    return array(
        "i",
        [
            next(apart) if off else ids[k] if k in ids else ids.setdefault(k, next(fresh))
            for k, off in zip(keys, boilerplate)
        ],
    )


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
        hi = bisect.bisect_right(ends, line.end)
        return lo, hi
    return 0, 0


def prefix(values) -> array[float]:
    # An array of doubles: a quarter of the memory of a list of floats (some
    # 100 MB of the four prefix sums at 1,600 articles); reads the same.
    return array("d", itertools.accumulate(values, initial=0.0))
