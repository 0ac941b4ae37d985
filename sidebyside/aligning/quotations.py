"""Quotations in an article's text, and the sentences and paragraphs they
stand in: which stretches are inside quotation marks (a quotation left open
at a paragraph's end mended), where each sentence and paragraph begins, and
whether a span is a quote.  Found once per article (:class:`Quotations`);
:mod:`.speakers` builds on it."""

from __future__ import annotations

import bisect
import itertools
import re
from functools import cache

from .documents import handed_over_quotes
from .tokens import TITLE_ABBREVIATIONS

QUOTE_CHARS = "\"“”«»„‘’'"
# What stands before a word that begins a sentence (or a clause as good as one).
STARTS_AFTER = frozenset('.!?:;\n“"«‘')
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
_BEYOND_LATIN_RE = re.compile("[^\x00-\u02ff\u2000-\u206f]")
# In a text of ASCII, general punctuation and no-break spaces alone (most
# English text) the letters and digits are ASCII: the same split with a
# plain class, which the regex engine tests a third faster.
_BEYOND_ASCII_RE = re.compile("[^\x00-\x7f\u00a0\u2000-\u206f]")
_ASCII_WORD_SPLIT_RE = re.compile(r"([0-9A-Za-z]++(?:['’][0-9A-Za-z]++)*+)")
_SHARED = 1 << 16


@cache
def _shared_ints() -> list[int]:
    """The ints below :data:`_SHARED`, one object each, for every article's offsets."""
    return list(range(_SHARED))


# A sentence ends at . ! ? (and the closing quotes or brackets after it)
# followed by a space and a capital letter or an opening quote; or at a line end.
# (Written to start with one character class, which the regex engine scans for fast.)
# (After the first character, "not after a line end" is "after . ! ? …":
# said so, the pattern compiles in a millisecond, not ten.)
_SENTENCE_END = re.compile(r"[.!?…\n](?:(?<!\n)[.!?…]*[\"”’')\]]*\s+(?=[\"“‘«„']?[A-Z0-9])|(?<=\n)\n*)")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:"
    + "|".join(sorted(word.capitalize() for word in TITLE_ABBREVIATIONS))
    + r"|No|vs|U\.S|U\.K|[A-Z])\.)$"
)


class _GapStops(dict):
    """Whether a stretch between two words holds a stop (one of
    :data:`STARTS_AFTER`), by the stretch, worked out when first asked for
    (most are a space, a comma and a space …: one lookup each)."""

    def __missing__(self, gap: str) -> bool:
        if len(self) > 10_000:
            self.clear()
        found = self[gap] = not STARTS_AFTER.isdisjoint(gap)
        return found


_GAP_STOPS = _GapStops()


class _Folded(dict):
    """Words casefolded, by spelling, worked out when first asked for (a
    lookup takes half the time of a casefold)."""

    def __missing__(self, word: str) -> str:
        if len(self) > 200_000:
            self.clear()
        found = self[word] = word.casefold()
        return found


_FOLDED = _Folded()


class _Spellings(dict):
    """Each word's spelling as one string object, by spelling."""

    def __missing__(self, word: str) -> str:
        if len(self) > 200_000:
            self.clear()
        self[word] = word
        return word


_SPELLINGS = _Spellings()


class WordIndex:
    """An article's words: where each is (``starts``, ``ends``), as written
    (and casefolded, :meth:`folded`), which stand inside quotation marks
    (``flags``) and the runs of quoted words as (first, past the last) word
    index."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        ascii_words = not _BEYOND_ASCII_RE.search(text)
        pieces = (_ASCII_WORD_SPLIT_RE if ascii_words else _WORD_SPLIT_RE).split(text)
        offsets = itertools.accumulate(map(len, pieces), initial=0)
        # Offsets as shared int objects and words casefolded only where asked
        # for: an index is kept for every article of a corpus while its
        # groups are annotated (with an int object for each offset, some
        # 100 MB at 1,600 articles; an array takes as long to fill as the split).
        offsets = list(map(_shared_ints().__getitem__, offsets) if len(text) < _SHARED else offsets)
        self.starts: list[int] = offsets[1::2]
        self.ends: list[int] = offsets[2::2]
        # (each spelling one string object, shared by every article: an
        # article's own copies are let go, two fifths of the index's memory)
        self.words: list[str] = list(map(_SPELLINGS.__getitem__, pieces[1::2]))
        # Whether a stop stands before each word, since the word before.
        self._initial = list(map(_GAP_STOPS.__getitem__, pieces[0:-1:2]))
        # A word is quoted when the last quotation that starts at or before it
        # has not ended (as Quotations.in_quote): mark each quotation's words.
        flags = [False] * len(self.words)
        runs: list[tuple[int, int]] = []
        for k, (s, e) in enumerate(quoted):
            stop = min(e, quoted[k + 1][0]) if k + 1 < len(quoted) else e
            lo, hi = bisect.bisect_left(self.starts, s), bisect.bisect_left(self.starts, stop)
            if hi > lo:
                flags[lo:hi] = [True] * (hi - lo)
                runs[-1:] = [(runs[-1][0], hi)] if runs and runs[-1][1] == lo else [*runs[-1:], (lo, hi)]
        self.flags: list[bool] = flags
        self.runs = runs
        # Latin script and general punctuation only: no word the aligner's
        # tokens would split otherwise (CJK, combining marks).
        self.plain = ascii_words or not _BEYOND_LATIN_RE.search(text)

    def folded(self, lo: int, hi: int) -> list[str]:
        """Words ``[lo, hi)`` casefolded."""
        return list(map(_FOLDED.__getitem__, self.words[lo:hi]))

    def initial(self) -> list[bool]:
        """For each word, whether a stop, colon, semicolon, line end or
        opening quote stands between it and the word before."""
        return self._initial

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The words starting in ``[start, end)``, as (first, past the last) index."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)


class Quotations:
    """The quotations, sentences and paragraphs of one article's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quoted = _mend_quotes(text, handed_over_quotes(text))
        self._quote_starts = [s for s, _ in self.quoted]
        self.sentences = self._sentences()
        self._sentence_starts = [s for s, _ in self.sentences]
        self.paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        self._words: WordIndex | None = None  # made when first asked

    # where things are

    def in_quote(self, offset: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self._quote_starts, offset) - 1
        if k >= 0 and self.quoted[k][0] <= offset < self.quoted[k][1]:
            return self.quoted[k]
        return None

    def quote_flags(self, offsets: list[int]) -> list[bool]:
        """``in_quote(offset) is not None`` for each of ``offsets`` (in
        increasing order), found in one walk along the quotations."""
        starts, quoted = self._quote_starts, self.quoted
        if not quoted:
            return [False] * len(offsets)
        flags = []
        # The last quotation that starts at or before the offset.
        k = bisect.bisect_right(starts, offsets[0]) - 1 if offsets else -1
        last = len(starts) - 1
        for offset in offsets:
            while k < last and starts[k + 1] <= offset:
                k += 1
            flags.append(k >= 0 and offset < quoted[k][1])
        return flags

    def _sentences(self) -> list[tuple[int, int]]:
        """Sentence spans; a sentence end inside a quotation does not end
        the sentence the quotation stands in (a line end always does)."""
        text = self.text
        bounds = [0]
        for m in _SENTENCE_END.finditer(text):
            if "\n" not in m.group():
                if self.in_quote(m.start()) and self.in_quote(m.end() - 1):
                    continue
                if _ABBREVIATIONS.search(text, max(0, m.start() - 5), m.start() + 1):
                    continue
            bounds.append(m.end())
        bounds.append(len(text))
        return [(s, e) for s, e in zip(bounds, bounds[1:]) if e > s]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[k if k > 0 else 0] if self.sentences else (0, len(self.text))

    def sentence_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences of ``[start, end)`` that hold a word, cut to it."""
        out = []
        sentences = self.sentences
        k = max(0, bisect.bisect_right(self._sentence_starts, start) - 1)
        while k < len(sentences) and sentences[k][0] < end:
            s, e = sentences[k]
            k += 1
            s, e = (s if s > start else start), (e if e < end else end)
            if e > s and WORD_RE.search(self.text, s, e):
                out.append((s, e))
        return out

    def paragraph_index(self, offset: int) -> int:
        k = bisect.bisect_right(self._paragraph_starts, offset) - 1
        return k if k > 0 else 0

    def is_quote(self, start: int, end: int) -> bool:
        """Is ``[start, end)`` a quote, or does it carry one: at least half
        of its words stand inside quotation marks, or five in a row do."""
        index = self.word_index()
        lo, hi = index.span(start, end)
        if lo and index.ends[lo - 1] > start:
            return self._is_quote_cut(start, end)  # it begins inside a word
        if hi == lo:
            return False
        if index.flags[lo:hi].count(True) * 2 >= hi - lo:
            return True
        # Five quoted words in a row inside the span.
        runs = index.runs
        k = bisect.bisect_right(runs, (lo, hi)) - 1
        for a, b in runs[max(0, k) :]:
            if a > hi - 5:
                break
            if min(b, hi) - max(a, lo) >= 5:
                return True
        return False

    def word_index(self) -> WordIndex:
        """Every word of the article (as :data:`WORD_RE` finds them), found once."""
        if self._words is None:
            self._words = WordIndex(self.text, self.quoted)
        return self._words

    def _is_quote_cut(self, start: int, end: int) -> bool:
        """:meth:`is_quote` of a span beginning inside a word (whose part counts as a word)."""
        words = [m.start() for m in WORD_RE.finditer(self.text, start, end)]
        inside = self.quote_flags(words)
        if not words:
            return False
        longest = run = 0
        for flag in inside:
            run = run + 1 if flag else 0
            longest = max(longest, run)
        return sum(inside) * 2 >= len(words) or longest >= 5


def _mend_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations with a quotation left open at a paragraph's end mended: the
    next paragraph's first quotation mark closes it (`"…on the table,` /
    `and not one day less," she said`), so the words before that mark are
    quoted and the ones after it are not."""
    out = list(spans)
    for k in range(len(out) - 1):
        s, e = out[k]
        if text[e : e + 1] != "\n" or text[e - 1 : e] in QUOTE_CHARS:
            continue
        start = e
        while start < len(text) and text[start] in "\n \t":
            start += 1
        s2, e2 = out[k + 1]
        mark = s2 - 1
        if (
            mark > start  # (a paragraph that begins with the mark opens the quotation again)
            and text[mark] in '"”'
            and "\n" not in text[start:mark]
            and not any(ch in QUOTE_CHARS for ch in text[start:mark])
        ):
            out[k + 1] = (start, mark)
    return [(s, e) for s, e in out if e > s]
