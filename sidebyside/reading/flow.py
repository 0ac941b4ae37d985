"""Hard-wrapped text: which line ends are only where a text wrapper cut a
paragraph (wire copy, e-mail, plain-text archives wrapped at 40–100
columns), so that the reader can wrap the paragraph again to a pane's width
and the facts read a sentence, a quotation or a name across the cut.

A line is taken to run on into the next (of the same paragraph: body text,
no blank line between) when it was cut because the next line's first word
would not have fitted in the widest line of the paragraph, as a text
wrapper cuts.  A list or a poem, whose short lines would have had room, keeps
its lines, and so does a line that ends before a list item."""

from __future__ import annotations

from .articles import Article
from .boilerplate import HARD_WRAP_MAX, HARD_WRAP_MIN, runs_on


def joined_lines(article: Article) -> list[tuple[int, int, str]]:
    """The article's lines, ``(start, end, kind)``, with the lines of a
    hard-wrapped paragraph joined into one (which then holds newlines)."""
    text = article.text
    lines = article.lines
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1  # the paragraph: lines i..j-1 of body text, none blank
        while j < len(lines) and lines[j].kind == line.kind == "body":
            j += 1
        if j == i + 1:  # a line of its own (most lines): nothing to join
            out.append((line.start, line.end, line.kind))
            i = j
            continue
        widest = max(ln.end - ln.start for ln in lines[i:j])
        wrapped = HARD_WRAP_MIN <= widest <= HARD_WRAP_MAX
        start = line.start
        for k in range(i, j):
            this = lines[k]
            if k + 1 < j and wrapped and runs_on(text, this, lines[k + 1], widest):
                continue
            out.append((start, this.end, this.kind))
            if k + 1 < j:
                start = lines[k + 1].start
        i = j
    return out


def flowing_text(article: Article) -> str:
    """The article's text with the line ends inside hard-wrapped paragraphs
    as spaces: as long as the text, every offset the same."""
    text = article.text
    pieces: list[str] = []
    last = 0
    for start, end, _kind in joined_lines(article):
        cut = text.find("\n", start, end)
        if cut < 0:
            continue
        pieces.append(text[last:start])
        pieces.append(text[start:end].replace("\n", " "))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
