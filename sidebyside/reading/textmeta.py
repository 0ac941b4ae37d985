"""What a plain text says about itself: its front-matter header, the outlet its
credits and datelines name, and the date it was published.

Pure functions of the text; :mod:`.articles` decides which source wins
(``corpus.toml`` first, then the header, then the text).
"""

from __future__ import annotations

import re
from datetime import date

# --- the front-matter header -----------------------------------------------------

_FENCE = re.compile(r"---[ \t]*")
_END_FENCE = re.compile(r"(---|\.\.\.)[ \t]*")
_FIELD = re.compile(r"([A-Za-z][\w -]{0,30}?)\s*:(.*)")
_MAX_HEADER_LINES = 60


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """(fields, end) of the header between ``---`` lines at the very top of
    ``text``: lower-cased keys to unquoted values, and the offset just past
    the closing fence's line.  ({}, 0) when the text has no header.

    Lines inside are ``key: value``; blank lines and indented or ``- ``
    lines (YAML continuations and lists) are part of the header but give no
    field.  Anything else means the ``---`` was not a header."""
    first_nl = text.find("\n")
    if first_nl < 0 or not _FENCE.fullmatch(text[:first_nl]):
        return {}, 0
    fields: dict[str, str] = {}
    pos = first_nl + 1
    for _ in range(_MAX_HEADER_LINES):
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        end = len(text) if nl < 0 else nl + 1
        if _END_FENCE.fullmatch(line):
            return (fields, end) if fields else ({}, 0)
        if nl < 0:
            return {}, 0
        if line.strip() and not line[0].isspace() and not line.startswith("- "):
            m = _FIELD.fullmatch(line)
            if not m:
                return {}, 0
            key = m.group(1).strip().lower().replace(" ", "_").replace("-", "_")
            fields.setdefault(key, m.group(2).strip().strip("\"'").strip())
        pos = end
    return {}, 0


# --- outlets named by the text ---------------------------------------------------

_AGENCIES = {
    "ap": "AP",
    "afp": "AFP",
    "reuters": "Reuters",
    "upi": "UPI",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "tass": "TASS",
    "xinhua": "Xinhua",
    "cnn": "CNN",
    "bloomberg": "Bloomberg",
    "ians": "IANS",
    "pti": "PTI",
}
_NAME = r"[A-Z][\w&.'’]*(?: [A-Z][\w&.'’]*){0,4}"
# "LOS ANGELES (Reuters) -", "MOSCOW, Oct 30 (Wire World) –", "(AP) —", "(CNN) --"
_DATELINE_CREDIT = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.]*(?:,?\s+[\w.]+){0,3})?\s*)?"
    rf"\(({_NAME})\)\s*(?:--|[-–—:])\s",
)
# "— Los Angeles Times", "- The Associated Press" (a signature line)
_SIGNATURE = re.compile(rf"^[-–—]{{1,2}}\s*({_NAME})\s*$")
# "BBC News", "Sky News" as a line of its own
_NEWS_LINE = re.compile(r"^((?:[A-Z][\w&.]*\s){1,3}News)$")


# "Breaking News", "World News": a section or a label, not an outlet.
_NOT_OUTLETS = frozenset(
    "breaking latest top more related world local business sport sports national international other "
    "recent trending live good fake tech technology science health entertainment politics political "
    "economy us u.s. uk europe asia africa america middle east today's todays daily's your our the "
    "news".split()
)


# --- an outlet in a byline: "By Anna Lindqvist, The Marlow Daily" ----------------

BYLINE_WORDS = r"(?:by|written by|words by|reporting by|report by|story by|analysis by|opinion by|posted by)"
_BYLINE_HEAD = re.compile(rf"^{BYLINE_WORDS}\s+(?=\S)", re.IGNORECASE)
# After the name: ", The Marlow Daily", " | Northern Herald", " for The Guardian", " — Reuters"
_BYLINE_SPLIT = re.compile(r"\s*[,;]\s*|\s+[|–—-]\s+|\s+(?:for|on)\s+")
# Words that name a publication ("Harbour Times", "Associated Press", "Wire Service").
_PUBLICATION_NOUNS = frozenset(
    "times daily post news herald journal gazette tribune chronicle guardian telegraph press review "
    "observer wire agency mail mirror express standard independent courier sun star globe record register "
    "bulletin dispatch inquirer examiner sentinel monitor magazine weekly radio tv television network "
    "broadcasting service media today week world online digest".split()
)
# A person's title or role after their name ("Senior Correspondent", "Staff Writer").
_ROLE_WORDS = frozenset(
    "correspondent correspondents editor editors writer writers reporter reporters columnist contributor "
    "contributing staff producer analyst journalist chief senior special deputy associate assistant bureau "
    "fellow professor director photographer critic president vice executive officer manager secretary "
    "minister head intern freelance freelancer author commentator anchor host researcher lecturer founder "
    "ceo md phd ph.d. jr jr. sr sr. esq esq. lead principal managing political foreign diplomatic "
    "economics science health business technology sports".split()
)
_CONNECTORS = frozenset({"of", "and", "&", "the", "on", "de"})
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "al", "bin", "ibn"})
_INITIAL_OR_WORD = re.compile(r"[A-Z](?:[\w'’.-]*)$")


def _is_capitalised(token: str) -> bool:
    return bool(_INITIAL_OR_WORD.match(token))


def _reads_as_people(segment: str) -> bool:
    """Names: "Jane Doe", "J. R. O'Neill", "Jane Doe and Tom Brown": names of
    two to five words each (capitalised, or a particle like "de")."""
    for name in re.split(r"\s+(?:and|&)\s+", segment):
        tokens = name.split()
        if not 2 <= len(tokens) <= 5:
            return False
        if not _is_capitalised(tokens[0]) or not _is_capitalised(tokens[-1]):
            return False
        if not all(_is_capitalised(t) or t.casefold() in _NAME_PARTICLES for t in tokens):
            return False
    return True


def _as_publication(segment: str) -> str | None:
    """``segment`` as a publication's name, or None: capitalised words
    (with "of", "and", "the" between), a publication noun among them, or
    "The …", or a known agency; a role after it ("Washington Post Staff
    Writer") is dropped, a role alone ("Senior Correspondent") is no outlet."""
    tokens = segment.split()
    while tokens and tokens[-1].casefold() in _ROLE_WORDS:
        tokens.pop()
    if not tokens or len(tokens) > 6 or any(t.casefold() in _ROLE_WORDS for t in tokens):
        return None
    if not _is_capitalised(tokens[0]) or not _is_capitalised(tokens[-1]):
        return None
    if not all(_is_capitalised(t) or t.casefold() in _CONNECTORS for t in tokens):
        return None
    if any(not re.search(r"[A-Za-z]", t) for t in tokens):
        return None
    if segment.isupper():  # "HARBOUR TIMES" -> "Harbour Times" ("BBC" stays)
        tokens = [t if len(t) <= 3 and t.casefold() not in _CONNECTORS else t.capitalize() for t in tokens]
    name = " ".join(tokens)
    if len(tokens) == 1:
        return _AGENCIES.get(name.casefold())
    folded = [t.casefold().strip(".") for t in tokens]
    if any(t in _PUBLICATION_NOUNS for t in folded[1:]) or folded[0] == "the":
        return name
    return None


# "Headline - BBC News", "Headline | The Guardian": a browser tab's title copied
_SITE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+[-|–—]\s+(?P<site>[^-|–—]+)$")


def split_site_suffix(title: str) -> tuple[str, str | None]:
    """(headline, outlet) of a title that ends with its site's name, as a
    page's title does ("Storm leaves thousands without power - BBC News");
    (title, None) when the end is no publication's name ("Ready for talks -
    Lavrov")."""
    m = _SITE_SUFFIX.match(title.strip())
    if m and len(m.group("title").split()) >= 3:
        site = _as_publication(m.group("site").strip())
        if site:
            return m.group("title").strip(), site
    return title, None


# "Copyright 2024 The Marlow Daily. All rights reserved.", "© 2024 Harbour Times"
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[^.,]+?)"
    r"\s*[.,]?\s*(?:all rights reserved\.?)?$",
    re.IGNORECASE,
)


def outlet_from_copyright(line: str) -> str | None:
    """The publication a copyright line names, or None."""
    if not re.match(r"^(?:copyright\b|©|\(c\))", line, re.IGNORECASE):
        return None
    m = _COPYRIGHT.match(line)
    return _as_publication(m.group("name")) if m else None


def _bylines(lines: list[str]) -> list[list[str]]:
    """The bylines among the first lines, each as [writers, what follows
    …]: "By Anna Lindqvist, The Marlow Daily" -> ["Anna Lindqvist", "The
    Marlow Daily"].  A sentence that begins with "By" is no byline."""
    found = []
    content = [line for line in lines if line][:15]
    for i, line in enumerate(content):
        head = _BYLINE_HEAD.match(line)
        if not head or len(line.split()) > 16:
            continue
        rest = line[head.end() :].rstrip(" .")
        if i + 1 < len(content) and _reads_as_people(rest):
            # the outlet on the line under the name: "By Tom Edgington" / "BBC News, Cornwall"
            rest = f"{rest}, {content[i + 1]}"
        segments = [s.strip() for s in _BYLINE_SPLIT.split(rest) if s.strip()]
        if segments and _reads_as_people(segments[0]):
            found.append(segments)
    return found


def outlet_from_byline(lines: list[str]) -> str | None:
    """The outlet a byline names after the writer: "By Anna Lindqvist, The
    Marlow Daily", "By Lena Marsh, Harbour Times", "By Jane Doe for The
    Guardian".  A role ("By Jane Doe, Senior Correspondent"), a place or a
    date after the name is no outlet.  ``lines`` are stripped lines, the
    first ones looked at."""
    for segments in _bylines(lines):
        for segment in segments[1:]:
            name = _as_publication(segment)
            if name:
                return name
    return None


def author_from_byline(lines: list[str]) -> str | None:
    """The writers a byline names ("By JULIE WATSON and AMY TAXIN" ->
    "Julie Watson and Amy Taxin"), or None."""
    for segments in _bylines(lines):
        words = segments[0].split()
        if all(w.isupper() for w in words if w not in ("and", "&")):
            words = [w if w in ("and", "&") or len(w.rstrip(".")) == 1 else w.title() for w in words]
        return " ".join(words)
    return None


def outlet_from_credits(lines: list[str]) -> str | None:
    """The outlet a text's dateline or credit names: ``LOS ANGELES (Reuters) -``,
    ``(AP) —``, a signature line ``— Los Angeles Times``, a line ``BBC News``.
    ``lines`` are the text's lines, stripped, without the header."""
    content = [line for line in lines if line]
    for line in content[:20]:
        m = _DATELINE_CREDIT.match(line)
        if m:
            name = m.group(1)
            return _AGENCIES.get(name.casefold(), name)
    byline = outlet_from_byline(content)
    if byline:
        return byline
    for line in content[:8] + content[-8:]:
        m = _SIGNATURE.match(line) or _NEWS_LINE.match(line)
        if m and len(m.group(1).split()) <= 5 and m.group(1).split()[0].casefold() not in _NOT_OUTLETS:
            name = m.group(1).strip()
            return _AGENCIES.get(name.casefold(), name)
    for line in content[:8] + content[-8:]:
        name = outlet_from_copyright(line) or _publication_line(line)
        if name:
            return name
    return None


# The last word of a paper's name on a line of its own: not "World", "Today",
# "Record", "Service" or "Review", which end short headlines and sections too.
_MASTHEAD_NOUNS = frozenset(
    "times daily post herald journal gazette tribune chronicle guardian telegraph observer mail mirror "
    "express courier inquirer examiner sentinel dispatch wire agency magazine weekly".split()
)


def _publication_line(line: str) -> str | None:
    """A short line of its own that is a publication's name ending in a
    publication noun ("The Marlow Daily", "Harbour Times"), not a section
    ("World News", "Business Review" are told apart by their first word)."""
    tokens = line.split()
    if not 2 <= len(tokens) <= 5 or tokens[-1].casefold().strip(".") not in _MASTHEAD_NOUNS:
        return None
    if tokens[0].casefold() in _NOT_OUTLETS and tokens[0].casefold() != "the":
        return None
    if len(tokens) == 2 and tokens[0].casefold() == "the":
        return None  # "The Week", "The News": a section as often as a paper
    return _as_publication(line)


# --- dates ------------------------------------------------------------------------

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
]
_PUBLISHED = re.compile(r"^(published|posted|updated|last updated|date|first published)\b", re.IGNORECASE)
_UPDATED = re.compile(r"^(last )?(updated|modified|edited|changed|amended)\b", re.IGNORECASE)


def parse_date(value: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from a written date, or None."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(value)
        if not m:
            continue
        parts = m.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()]
        try:
            return date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            continue
    return None


def date_from_text(lines: list[str]) -> str | None:
    """The publication date a text states near its top: a short line that is
    a date or a dateline ("Sunday, 30 October 2022, 10:49", "Published:
    March 3, 2022", "KYIV, Oct. 30, 2022 (AP) —").  Dates inside the prose
    are events, not the publication date, so only short lines (or a
    dateline's head) among the first lines count."""
    content = [line for line in lines if line]
    updated = None
    for line in content[:15]:
        words = line.split()
        head = line
        m = _DATELINE_CREDIT.match(line)
        if m:
            head = line[: m.end()]
        elif len(words) > 10 and not _PUBLISHED.match(line):
            continue
        found = parse_date(head if m else line[:120])
        if found and _UPDATED.match(line):
            updated = updated or found  # when it was changed: the publication date if no other
        elif found:
            return found
    return updated


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def display_date(iso: str | None) -> str:
    """An ISO date as a reader reads it: "2022-10-30" -> "30 Oct 2022"
    (anything else as it is)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"  # not strftime: no locale
