"""Quotations in an article's text, and the sentences and paragraphs they
stand in: which stretches are inside quotation marks (a quotation left open
at a paragraph's end mended), where each sentence and paragraph begins, and
whether a span is a quote.  Found once per article (:class:`Quotations`);
:mod:`.speakers` builds on it."""

from __future__ import annotations

import bisect
import re

from .documents import quoted_spans

QUOTE_CHARS = "\"“”«»„‘’'"
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# A sentence ends at . ! ? (and the closing quotes or brackets after it)
# followed by a space and a capital letter or an opening quote; or at a line end.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘«„']?[A-Z0-9])|\n+")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Rep|Sen|Gen|Col|Lt|No|vs|Jr|Sr|U\.S|U\.K|[A-Z])\.)$")


class Quotations:
    """The quotations, sentences and paragraphs of one article's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quoted = _mend_quotes(text, quoted_spans(text))
        self._quote_starts = [s for s, _ in self.quoted]
        self.sentences = self._sentences()
        self._sentence_starts = [s for s, _ in self.sentences]
        self.paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        self._paragraph_starts = [s for s, _ in self.paragraphs]

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
        k = -1  # the last quotation that starts at or before the offset
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
        k = max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)
        return self.sentences[k] if self.sentences else (0, len(self.text))

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def quoted_share(self, start: int, end: int) -> tuple[bool, list[bool]]:
        """Is ``[start, end)`` a quote (or does it carry one), and which of its
        words stand inside quotation marks."""
        words = [m.start() for m in WORD_RE.finditer(self.text, start, end)]
        inside = self.quote_flags(words)
        if not words:
            return False, inside
        longest = run = 0
        for flag in inside:
            run = run + 1 if flag else 0
            longest = max(longest, run)
        return (sum(inside) * 2 >= len(words) or longest >= 5), inside


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
            mark >= start
            and text[mark] in '"”'
            and "\n" not in text[start:mark]
            and not any(ch in QUOTE_CHARS for ch in text[start:mark])
        ):
            out[k + 1] = (start, mark)
    return [(s, e) for s, e in out if e > s]
