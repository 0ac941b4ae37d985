"""The texts as the aligner reads them: tokens with their keys, which of
them are page boilerplate, where sentences, paragraphs and quotations are,
and prefix sums over the tokens so that any stretch's worth is two lookups.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from ..reading.articles import Article
from .tokens import Token, tokenize

# Word alignment scores: what a word both texts share is worth, what a
# difference costs.
MATCH_CONTENT = 1.0
MATCH_STOP = 0.4
_NEAR = 0.5
_MISMATCH = -1.0  # two different content words
_MISMATCH_STOP = -0.1  # "an" for "the"
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


def prepare(article: Article) -> Doc:
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
    weights = [MATCH_CONTENT if t.content else MATCH_STOP for t in tokens]
    gaps = [BOILERPLATE if f else (GAP if t.content else GAP_STOP) for t, f in zip(tokens, boilerplate)]
    return Doc(
        text,
        tokens,
        keys,
        boilerplate,
        content,
        quoted_spans(text),
        prefix(weights),
        prefix(gaps),
        prefix(t.content for t in tokens),
        prefix(breaks),
        [t.start for t in tokens],
        para,
        bounds,
    )


def prefix(values) -> list[float]:
    return list(itertools.accumulate(values, initial=0.0))
