"""An article's text as its pane draws it, for searching (review R4 §4).

A Markdown pane does not draw its marks (``**`` around a bold name, a
heading's ``#``): a search runs over the text without them, so that
"Kenya's Elijah" finds ``Kenya's **Elijah`` and ``**`` finds nothing, and
its matches are taken back to offsets into the article's text, which is
what the panes, the highlights and the passages use.  Any other article
is searched as it is.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from ..marks import read_past
from ..reading.articles import Article
from ..reading.flow import joined_lines
from .wrap import inline_marks, is_markdown, shown_lines


def drawn_marks(article: Article) -> list[tuple[int, int]]:
    """Where the marks a Markdown pane does not draw are (offsets into the
    article's text, in order): the parts of a line it narrows away (a
    heading's #, a line all in emphasis) and the marks inside its lines."""
    if not is_markdown(article):
        return []
    lines = shown_lines(article)
    found = list(inline_marks(article, lines)[0])
    for (start, end, _), (shown_start, shown_end, _) in zip(joined_lines(article), lines, strict=True):
        found += [(start, shown_start), (shown_end, end)]
    merged: list[tuple[int, int]] = []
    for s, e in sorted(m for m in found if m[1] > m[0]):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


class DrawnText:
    """``text``: the article's text without the marks its pane does not draw;
    :meth:`to_article` takes spans of it back to the article's offsets."""

    def __init__(self, article: Article) -> None:
        self._article = article
        self._marks = drawn_marks(article)
        self.text = read_past(article.text, self._marks)[0] if self._marks else article.text
        # Where each mark is in ``text``, and how many characters it and those before it hide.
        hidden = list(accumulate(e - s for s, e in self._marks))
        self._at = [s - (hidden[k - 1] if k else 0) for k, (s, _) in enumerate(self._marks)]
        self._hidden = hidden
        self._tokens: list | None = None  # its words, once searched

    def find(self, query: str) -> list[tuple[int, int]]:
        """The matches of ``query`` in the text as drawn, as spans of the article's text."""
        from ..aligning.find import find
        from ..aligning.tokens import tokenize

        if self._tokens is None:  # the words, kept for the next query
            self._tokens = tokenize(self.text)
        return self.to_article(find(self.text, query, self._tokens))

    def _offset(self, at: int) -> int:
        """The article's offset of ``text[at]`` (past any mark just before it)."""
        k = bisect_right(self._at, at)
        return at + (self._hidden[k - 1] if k else 0)

    def to_article(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if not self._marks:
            return spans
        return [(self._offset(s), self._offset(e - 1) + 1) for s, e in spans if e > s]

    def shown(self, start: int, end: int) -> str:
        """The article's ``text[start:end]`` as drawn (without its marks)."""
        marks = [(max(s, start) - start, min(e, end) - start) for s, e in self._marks if s < end and e > start]
        return read_past(self._article.text[start:end], marks)[0]
