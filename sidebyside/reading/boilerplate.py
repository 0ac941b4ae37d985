"""Telling an article's prose from its page boilerplate, and finding its headline.

Web captures keep what surrounded the article: breadcrumbs, photo credits,
"More under this ad", comment prompts, "Back to top".  These lines are kept in
the text (offsets never move) but classified, so the aligner ignores them and
the app can dim them.

The rules, in the order they apply:

1. *Known boilerplate*: lines that match patterns of page chrome (comment
   prompts, ads, credits, breadcrumbs, "Read more" links, captions marked
   "(L)"/"(R)").
2. *Repeats*: a line that occurs more than once in one article is boilerplate
   (ads, repeated headlines, related-story links); the first occurrence of the
   headline stays the headline.
3. *Edges*: short lines before the headline (section names, "Support Us") and
   short lines after the last paragraph of prose ("Most Popular", "To Top").
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

LineKind = Literal["blank", "title", "body", "boilerplate", "header"]

_PATTERNS = [
    r"^(click|tap)( here)? to comment\b",
    r"^leave a (reply|comment)\b",
    r"your email address will not be published",
    r"required fields are marked",
    r"^most (popular|read|viewed|shared)$",
    r"^(back )?to top( button)?$",
    r"^support us$",
    r"\bsupport .{2,40} or become (our|a) (patron|member|subscriber)",
    r"^(discover|listen to|subscribe to) our (latest )?(podcast|newsletter)",
    r"^more under this ad$",
    r"^(advertisement|advert|ad|sponsored( content)?|promoted( content)?)$",
    r"^read (more|also|next)\b",
    r"^(related|recommended)( (articles|stories|news|content|posts))?:?$",
    r"^share (this|on|via)\b",
    r"^(follow|subscribe)( to)?( us)?( on)?\b.{0,30}$",
    r"^sources?( used)?:?$",
    r"website can (also )?be accessed at",
    r"^(sign up|log in|sign in|register)\b.{0,40}$",
    r"^(photo|image|picture|credit|caption)s?\s*:",
    r"©",
    r"\((afp|ap|reuters|getty( images)?|epa|tass|sputnik|anadolu)( photo| images?)?\)\s*$",
    r"/\s*(contributeur|contributor|getty images|shutterstock|alamy)\s*$",
    r"\((l|r|c|left|right|centre|center)\)",
    r"^(news|home)\s*[/›»>|]",
]
_BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_BREADCRUMB_RE = re.compile(r"^[^/›»>|]{1,30}(\s[/›»>|]\s[^/›»>|]{1,30}){1,6}$")
_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")


class Line(NamedTuple):
    start: int  # offset of the first character
    end: int  # offset just past the last character, before the newline
    kind: LineKind


def line_key(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip().casefold()


def words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def is_known_boilerplate(text: str) -> bool:
    stripped = _SPACE_RE.sub(" ", text).strip()
    return bool(_BOILERPLATE_RE.search(stripped) or _BREADCRUMB_RE.match(stripped))


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            if pos < n:
                spans.append((pos, n))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def guess_title(text: str, lines: list[Line]) -> int | None:
    """Index of the line that reads as the headline: the first line of prose
    between 4 and 30 words that is not boilerplate."""
    for i, line in enumerate(lines):
        if line.kind in ("blank", "header"):
            continue
        body = text[line.start : line.end]
        if is_known_boilerplate(body):
            continue
        if 4 <= words(body) <= 30:
            return i
    return None


def classify(text: str, title: str | None = None, header_end: int = 0) -> tuple[list[Line], int | None]:
    """Classify every line of ``text``; returns the lines and the index of the
    headline line (None if there is none).  ``title``, when known from
    metadata, picks the headline line; lines ending at or before
    ``header_end`` are the file's own metadata header."""
    spans = split_lines(text)
    kinds: list[LineKind] = []
    for start, end in spans:
        body = text[start:end]
        if end <= header_end:
            kinds.append("header")
        elif not body.strip():
            kinds.append("blank")
        elif is_known_boilerplate(body):
            kinds.append("boilerplate")
        else:
            kinds.append("body")
    lines = [Line(s, e, k) for (s, e), k in zip(spans, kinds)]

    title_index: int | None = None
    if title:
        wanted = line_key(title)
        for i, line in enumerate(lines):
            if line.kind != "header" and line_key(text[line.start : line.end]) == wanted:
                title_index = i
                break
    else:
        title_index = guess_title(text, lines)

    # Repeats: every occurrence is boilerplate, but the headline's first one.
    counts: dict[str, int] = {}
    keys = []
    for line in lines:
        key = line_key(text[line.start : line.end]) if line.kind in ("body", "boilerplate") else ""
        keys.append(key)
        if key:
            counts[key] = counts.get(key, 0) + 1
    for i, line in enumerate(lines):
        if keys[i] and counts[keys[i]] > 1 and i != title_index:
            kinds[i] = "boilerplate"

    # Edges: short lines before the headline, short lines after the prose.
    if title_index is not None:
        kinds[title_index] = "title"
        for i in range(title_index):
            if kinds[i] == "body" and words(text[lines[i].start : lines[i].end]) < 4:
                kinds[i] = "boilerplate"
    last_prose = max(
        (i for i, k in enumerate(kinds) if k == "body" and words(text[lines[i].start : lines[i].end]) >= 12),
        default=None,
    )
    if last_prose is not None:
        for i in range(last_prose + 1, len(lines)):
            body = text[lines[i].start : lines[i].end].strip()
            if kinds[i] == "body" and words(body) <= 5 and not body.endswith((".", "!", "?", '"', "”")):
                kinds[i] = "boilerplate"

    return [Line(line.start, line.end, kind) for line, kind in zip(lines, kinds)], title_index
