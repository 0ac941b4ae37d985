"""What a plain text says about itself: its front-matter header, the outlet its
credits and datelines name, and the date it was published.

Pure functions of the text; :mod:`.articles` decides which source wins
(``corpus.toml`` first, then the header, then the text).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .patterns import lazy

# --- the front-matter header -----------------------------------------------------

_FENCE = re.compile(r"---[ \t]*")
_END_FENCE = lazy(r"(---|\.\.\.)[ \t]*")
_FIELD = lazy(r"([A-Za-z][\w -]{0,30}?)\s*:(.*)")
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
# "LOS ANGELES (Reuters) -", "MOSCOW, Oct 30 (Wire World) –", "(AP) —", "(CNN) --",
# and a date with no place: "Oct 23 (Reuters) -", "March 3 (AP) —"
_DATELINE_CREDIT = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.]*(?:,?\s+[\w.]+){0,5})?\s*"
    r"|(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\s*)?"
    rf"\(({_NAME})\)\s*(?:--|[-–—:])\s",
)
# A dateline, with or without a credit: "KYIV, March 3 —", "MOSCOW, Oct 30 (Wire World) –", "(AP) —"
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-][A-Z.'’ -]{0,39}(,\s*[A-Z][\w.]*(\s+[\w.]+){0,3})?\s*(\([^)]{1,40}\)\s*)?(--|[-–—])\s"
    # (a place and its full date: "ASHFORD, June 4, 2026 - ")
    r"|^[A-Z][A-Z.'’-][A-Z.'’ -]{0,39},\s*(?:[A-Z][a-z]+,\s*)?(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s*(--|[-–—])\s"
    r"|^\([A-Za-z][\w ]{0,30}\)\s*(--|[-–—])\s"
)


def dateline_end(line: str) -> int:
    """Where the dateline at the start of a paragraph ends ("ANTOFAGASTA,
    Chile, March 3 (Reuters) - " before "A magnitude 6.8 earthquake…"), or
    0 when it has none."""
    found = [m.end() for m in (_DATELINE_CREDIT.match(line), DATELINE.match(line)) if m]
    return max(found, default=0)


# "— Los Angeles Times", "- The Associated Press" (a signature line)
_SIGNATURE = lazy(rf"^[-–—]{{1,2}}\s*({_NAME})\s*$")
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
_BYLINE_SPLIT = lazy(r"\s*[,;]\s*|\s+[|–—-]\s+|\s+(?:for|on)\s+")
# Words that name a publication ("Harbour Times", "Associated Press", "Wire Service").
_PUBLICATION_NOUNS = frozenset(
    "times daily post news herald journal gazette tribune chronicle guardian telegraph press review "
    "observer wire agency mail mirror express standard independent courier sun star globe record register "
    "bulletin dispatch inquirer examiner sentinel monitor magazine weekly radio tv television network "
    "broadcasting service media today week world online digest ledger echo advertiser argus beacon "
    "courant enquirer diario zeitung gazzetta corriere newsroom".split()
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
_SMALL_WORDS = _CONNECTORS | _NAME_PARTICLES | {"el", "il", "los", "las"}  # not acronyms in a name in capitals
_INITIAL_OR_WORD = lazy(r"[A-Z](?:[\w'’.-]*)$")


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
    name = _capitalised_name(segment)
    if name is None:
        return None
    tokens = name.split()
    if len(tokens) == 1:
        return _AGENCIES.get(name.casefold())
    folded = [t.casefold().strip(".") for t in tokens]
    if any(t in _PUBLICATION_NOUNS for t in folded[1:]) or folded[0] == "the":
        return name
    return None


# (a station's frequency after its name dropped: "COSTA LUZ RADIO 97.4 FM | NEWS")
_NAME_AND_SECTION = re.compile(
    r"^([A-Z][A-Z0-9&.'’-]*(?: [A-Z][A-Z0-9&.'’-]*){0,3})(?: \d{2,3}(?:[.,]\d)? ?(?:FM|AM|MHz))?"
    r" \| [A-Z][\w&,' ]{2,40}$"
)


def _capitalised_name(segment: str) -> str | None:
    """``segment`` as a name of up to six capitalised words (with "of",
    "and", "the" between; a role after it dropped), written in title case
    if it is in capitals ("HARBOUR TIMES": "Harbour Times"; "BBC" stays);
    else None."""
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
    if segment.isupper():
        tokens = [t if len(t) <= 3 and t.casefold() not in _SMALL_WORDS else _capitalised(t) for t in tokens]
    return " ".join(tokens)


def _capitalised(word: str) -> str:
    """A word in capitals with a capital for each of its parts ("COURIER-TIMES": "Courier-Times")."""
    return "-".join(part.capitalize() for part in word.split("-"))


# "Headline - BBC News", "Headline | The Guardian": a browser tab's title copied
_SITE_SUFFIX = lazy(r"^(?P<title>.+?)\s+[-|–—]\s+(?P<site>[^-|–—]+)$")


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
_COPYRIGHT = lazy(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[^.,]+?)"
    r"\s*[.,]?\s*(?:all rights reserved\.?)?$",
    re.IGNORECASE,
)


_COPYRIGHT_HEAD = lazy(r"^(?:copyright\b|©|\(c\))", re.IGNORECASE)


def outlet_from_copyright(line: str) -> str | None:
    """The publication a copyright line names, or None."""
    if not _COPYRIGHT_HEAD.match(line):
        return None
    m = _COPYRIGHT.match(line)
    return _as_publication(m.group("name")) if m else None


def _bylines(lines: list[str]) -> list[list[str]]:
    """The bylines among the first lines, each as [writers, what follows
    …]: "By Anna Lindqvist, The Marlow Daily" -> ["Anna Lindqvist", "The
    Marlow Daily"].  A sentence that begins with "By" is no byline."""
    found = []
    content = [line.strip("*_ ") for line in lines if line][:15]  # (a Markdown page's "**By Hannah Brooks**")
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


def _as_written(name: str) -> str:
    """A name as a reader writes it: an all-capitals one ("JULIE WATSON and
    AMY TAXIN") in title case, initials kept."""
    words = name.split()
    if all(w.isupper() for w in words if w not in ("and", "&")):
        words = [w if w in ("and", "&") or len(w.rstrip(".")) == 1 else w.title() for w in words]
    return " ".join(words)


def author_from_byline(lines: list[str]) -> str | None:
    """The writers a byline names ("By JULIE WATSON and AMY TAXIN" ->
    "Julie Watson and Amy Taxin"), or, with no "By" anywhere, the writer's
    name on a line of its own under the headline ("Jane Smith", "Jane
    Smith, Reuters", "Fiona Harvey Environment editor"; see
    :func:`author_from_name_line`); or None."""
    for segments in _bylines(lines):
        return _as_written(segments[0])
    return author_from_name_line(lines)


# A writer's desk, said after the name with the role ("Environment editor").
_DESKS = frozenset(
    "environment climate energy education transport home defence defense security legal arts culture media "
    "consumer property travel world europe european africa asia us uk america american markets finance money "
    "crime social affairs community investigations data digital royal courts food wine fashion music film books "
    "religion diplomatic economic economy general news chief".split()
)
# Words that start or make up a place, a section or a page's furniture, never a
# writer's name: "New York", "Los Angeles", "Most Popular", "Latin America".
_NOT_NAME_WORDS = frozenset(
    "new north south east west upper lower central greater united saint st st. san santa sao são los las fort port "
    "cape lake mount mt mt. river bay city county island islands republic kingdom states gulf sea coast valley "
    "most popular read more related share comments top latest breaking live watch video photos home back next "
    "previous sign subscribe follow contact about privacy terms cookies menu search login register "
    "advertisement sponsored opinion analysis editorial exclusive explainer update updates news world sport "
    "sports business politics science health technology latin middle".split()
)
_EMPHASIS = re.compile(r"^[*_]+\s*|\s*[*_]+$")
_AND_STAFF = re.compile(r"\s+(?:and|with|&)\s+(?:staff|agencies|wires|wire services|agency staff)$", re.IGNORECASE)
_WORD_OF_NAME = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?")


def _name_words(tokens: list[str], capitals: bool = True) -> bool:
    """Two to four words that can make a person's name: capitalised words
    of letters (an apostrophe or hyphen inside), initials, particles; in
    capitals only with ``capitals``."""
    if not 2 <= len(tokens) <= 4:
        return False
    if tokens[0].casefold() in _NAME_PARTICLES or tokens[-1].casefold() in _NAME_PARTICLES:
        return False
    for t in tokens:
        if t.casefold() in _NAME_PARTICLES:
            continue
        if not _WORD_OF_NAME.fullmatch(t) or not t[0].isupper():
            return False
        folded = t.casefold().strip(".")
        if folded in _NOT_NAME_WORDS or folded in _MONTHS or folded in _WEEKDAYS:
            return False
        if t.casefold() in _ROLE_WORDS or t.casefold() in _PUBLICATION_NOUNS or t.casefold() in _DESKS:
            return False
        if len(t) > 2 and t.isupper() and not capitals:
            return False
    return True


def _name_and_role(segment: str) -> str | None:
    """The name in "Fiona Harvey Environment editor": a name followed,
    with no comma, by a role (its desk, then a role word)."""
    tokens = segment.split()
    for k in range(min(4, len(tokens) - 1), 1, -1):
        rest = [t.casefold().strip(".") for t in tokens[k:]]
        if rest[-1] in _ROLE_WORDS and all(t in _ROLE_WORDS or t in _DESKS for t in rest):
            if _name_words(tokens[:k]):
                return " ".join(tokens[:k])
    return None


def _name_in_line(line: str) -> tuple[str, bool] | None:
    """(name, said with its outlet or role) for a line that is only a
    writer's name, optionally with their outlet or role after a comma or a
    bar: "Jane Smith", "Jane Smith, Reuters", "Jane Smith | The Guardian",
    "Jane Smith, Senior Correspondent", "Fiona Harvey Environment editor"."""
    line = line.strip()
    if len(line.split(maxsplit=17)) > 17:
        return None  # over 12 words without emphasis marks and an "and staff" (5 words at most): prose
    line = _AND_STAFF.sub("", _EMPHASIS.sub("", line))
    if not line or len(line.split()) > 12:
        return None
    segments = [seg.strip() for seg in re.split(r"\s*[,;|]\s*|\s+[–—-]\s+", line) if seg.strip()]
    if not segments:  # punctuation only
        return None
    first, rest = segments[0], segments[1:]
    name = first if _name_words(first.split()) else _name_and_role(first)
    if name is None:
        return None
    credited = name != first
    for seg in rest:
        words = [t.casefold().strip(".") for t in seg.split()]
        if _as_publication(seg) or (words and all(w in _ROLE_WORDS or w in _DESKS for w in words)):
            credited = True
            continue
        return None  # a place, a date, anything else: not only a byline
    if not rest and not credited and any(len(t) > 2 and t.isupper() for t in name.split()):
        return None  # "NEW YORK", "BUENOS AIRES": a place in capitals as often as a name
    return name, credited or bool(rest)


def author_from_name_line(lines: list[str]) -> str | None:
    """A writer named without "By" on a line of their own right under the
    headline (or its standfirst): "Jane Smith", "Jane Smith, Reuters".

    Careful, as such a line can be other things: the line is among the
    first few, never the first (the headline); the line above it is a
    headline or standfirst (four words or more); a bare name (no outlet or
    role with it) is two to four capitalised words with no word that starts
    places or names sections ("New York", "Latin America", "Most Read"),
    not in capitals (a place as often as a name) and not named in the
    headline above it (a caption of the person the story is about)."""
    content = [line for line in lines if line][:8]
    for i, line in enumerate(content[1:], 1):
        found = _name_in_line(line)
        if found is None:
            continue
        name, credited = found
        above = content[i - 1]
        if len(above.split()) < 4 and not credited:
            continue
        if not credited and any(word.casefold() in above.casefold() for word in name.split()[-1:]):
            continue
        return _as_written(name)
    return None


# A release's label on a line of its own ("Press release", "Statement").
RELEASE_LABEL = re.compile(r"^\W*((press|news|media) release|(press )?statement|communiqu[ée]( de presse)?)\W*$", re.I)


def _capital_or_particle(word: str) -> bool:
    """A word of a name as written: capitalised, or a particle ("de",
    "of", "d'Athlétisme")."""
    return word[:1].isupper() or word.casefold() in _SMALL_WORDS or re.match(r"[a-z]{1,2}['’][A-Z]", word) is not None


def _cased_as_in(name: str, lines: list[str]) -> str:
    """A name read off capitals ("Costa LUZ Radio", its short word taken for
    an abbreviation) as the lines write it ("Posted by the Costa Luz Radio
    newsroom"), if they do; else as it is."""
    pattern = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    for line in lines:
        m = pattern.search(line)
        if m and not m.group().isupper() and all(_capital_or_particle(word) for word in m.group().split()):
            return m.group()
    return name


def outlet_from_credits(lines: list[str]) -> str | None:
    """The outlet a text's dateline or credit names: ``LOS ANGELES (Reuters) -``,
    ``(AP) —``, a signature line ``— Los Angeles Times``, a line ``BBC News``.
    ``lines`` are the text's lines, stripped, without the header."""
    content = [line for line in lines if line]
    # A masthead at the top names the outlet that publishes the text, before
    # any agency its dateline or byline credits ("Gulf Ledger" … "By Samy
    # Haddad, The Associated Press": the Ledger carries AP copy).
    # (Three words at most: a headline in capitals may end in a paper's name, "Musk Buys Washington Post".)
    for line in content[:2]:
        name = publication_line(line.strip("*_ ")) if len(line.split()) <= 3 else None
        if name:
            return name
    # A Markdown heading over the text that is not its headline (which is not
    # among ``lines``): a newsletter's name ("# The Flight Deck" … "## Jet
    # diverts to Shannon").
    if content and content[0].startswith("# ") and len(content[0].split()) <= 5:
        name = _as_publication(content[0][2:].strip())
        if name:
            return name
    # A site's name over its section path, as a page copied whole gives them
    # ("The Touchline" / "Football | Europe", "WELLBEING TODAY" / "Home > Heat").
    if len(content) >= 2 and len(content[0].split()) <= 3 and _SECTION_PATH.match(content[1]):
        # (over a section path, any name in capitals: "EUROPA DESK" / "Politics | Economy | …")
        name = _as_publication(content[0]) or (_capitalised_name(content[0]) if content[0].isupper() else None)
        if name:
            return name
    # A name in capitals and its section on one line: "GRIDWIRE | Security & Resilience".
    masthead_line = _NAME_AND_SECTION.match(content[0]) if content else None
    if masthead_line:
        name = _capitalised_name(masthead_line.group(1))
        if name:
            return _cased_as_in(name, content[1:])
    # A publication's name before its section and date on one line ("*STRIDE Magazine · Road racing · 12 April 2027*").
    for line in content[:4]:
        parts = re.split(r" [·|] ", line.strip("*_ "))
        if len(parts) >= 2 and len(parts[0].split()) <= 4:
            name = publication_line(parts[0])
            if name:
                return name
    # An issuer's name in capitals over its release ("FÉDÉRATION FRANÇAISE D'ATHLÉTISME" / "Press release").
    if len(content) >= 2 and content[0].isupper() and RELEASE_LABEL.match(content[1]):
        name = _capitalised_name(content[0])
        if name:
            return _cased_as_in(name, content[1:])
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
        name = outlet_from_copyright(line) or publication_line(line)
        if name:
            return name
    return None


# A section path: a few short names between "|", ">", "›", "»" or "/".
_SECTION_PATH = re.compile(r"^[\w'’&.-]+(?: [\w'’&.-]+){0,3}(?: [|>›»/] [\w'’&.-]+(?: [\w'’&.-]+){0,3}){1,9}$")
# The last word of a paper's name on a line of its own: not "World", "Today",
# "Record", "Service" or "Review", which end short headlines and sections too.
_MASTHEAD_NOUNS = frozenset(
    "times daily post herald journal gazette tribune chronicle guardian telegraph observer mail mirror "
    "express courier inquirer examiner sentinel dispatch wire agency magazine weekly ledger standard star "
    "globe register bulletin monitor echo advertiser argus beacon courant enquirer".split()
)


_LETTERS = frozenset(("letter", "newsletter"))


# A masthead's edition after the paper's name: "EL DIARIO DE LEVANTE · ENGLISH EDITION".
_EDITION = re.compile(r"\s*[·|•–—-]\s*(?:[A-Za-z]+\s+)?edition\s*$", re.IGNORECASE)


def masthead(line: str) -> str | None:
    """The publication a masthead line names before its edition ("EL
    DIARIO DE LEVANTE · ENGLISH EDITION": El Diario De Levante), or None."""
    edition = _EDITION.search(line)
    if edition is None or edition.start() == 0:
        return None
    name = line[: edition.start()]
    # (an edition says it is a paper, whatever its name: "LA CRÓNICA - ENGLISH EDITION")
    return _as_publication(name) or _capitalised_name(name)


def publication_line(line: str) -> str | None:
    """A short line of its own that is a publication's name ending in a
    publication noun ("The Marlow Daily", "Harbour Times"), not a section
    ("World News", "Business Review" are told apart by their first word),
    or any publication's name before its edition ("El Diario de Levante ·
    English edition")."""
    named = masthead(line)
    if named is not None:
        return named
    tokens = line.split(maxsplit=5)  # all its words when it has five or fewer
    last = tokens[-1].casefold().strip(".") if tokens else ""
    # (a newsletter's name only in capitals: "THE PROCESS WATER LETTER", not the headline "The Final Letter")
    if not 2 <= len(tokens) <= 5 or (last not in _MASTHEAD_NOUNS and not (last in _LETTERS and line.isupper())):
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
#: Each month's names, whole and short, folded, to its number (1 for "jan" and "january").
MONTH_NUMBERS = _MONTHS
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    # day, month and year with dots, as European outlets write them ("16.04.2027 16:20")
    re.compile(r"(?<![\w.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?![\d.]*\d)"),
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


# A time of day on a date line: "14:10", "19:25 CET", "6:45 p.m.", "9.41am BST".
_TIME_RE = re.compile(
    r"(?<![\d.:])(\d{1,2})(?::(\d{2})|\.(\d{2})(?=\s*[aApP]\.?[mM]))(?![\d:])"
    r"(?:\s*([aApP])\.?[mM]\.?(?!\w))?(?:\s*\(?([A-Z]{2,4})\)?(?!\w))?"
)
# Zones a date line names, as offsets from UTC in minutes (the ambiguous
# ones, IST and CST, are zones of a date line but give no offset).
_ZONE_MINUTES = {
    "GMT": 0, "UTC": 0, "WET": 0, "BST": 60, "WEST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "JST": 540,
    "AEST": 600, "AEDT": 660,
}


def _clock(t: re.Match[str]) -> tuple[int, int] | None:
    """The hour (0–23) and minute of a time :data:`_TIME_RE` found, am and
    pm read; None for no time of day ("13.30 pm", "25:10")."""
    hour, minute = int(t.group(1)), int(t.group(2) or t.group(3))
    half = (t.group(4) or "").casefold()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    return (hour, minute) if hour <= 23 and minute <= 59 else None


def time_of_day(line: str) -> str:
    """The time of day a date line gives, after its date, as ISO does after
    the day ("T14:10", "T19:25+01:00" with a zone it names), or "" if none.
    The date's own figures ("16.04.2027") are not read as a time."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(line)
        if m:
            line = line[: m.start()] + " " * (m.end() - m.start()) + line[m.end() :]
            break
    t = _TIME_RE.search(line)
    clock = None if t is None else _clock(t)
    if clock is None:
        return ""
    hour, minute = clock
    found = f"T{hour:02d}:{minute:02d}"
    zone = _ZONE_MINUTES.get((t.group(5) or "").upper())
    if zone is not None:
        sign = "-" if zone < 0 else "+"
        found += f"{sign}{abs(zone) // 60:02d}:{abs(zone) % 60:02d}"
    return found


# A time of day written as four figures with its zone ("0340 GMT"), and "local time" after a time.
_FOUR_FIGURE_TIME = re.compile(r"(?<![\d.:,])(\d{2})(\d{2})\s*(GMT|UTC)\b")
_LOCAL_TIME = re.compile(r"\s*local time\b", re.IGNORECASE)


def times_of_day(text: str) -> list[tuple[int, int, str, int, int]]:
    """The times of day a text gives ("05:40", "6.45 p.m.", "0340 GMT",
    "19:25 CET", "05:40 local time"), in order: (hour, minute, zone, start,
    end), the zone as written in capitals ("GMT", "CET"), "LOCAL" for "local
    time", or "" for none.  A figure with decimals ("12.75") is no time."""
    found = []
    for t in _TIME_RE.finditer(text):
        clock = _clock(t)
        if clock is None:
            continue
        hour, minute = clock
        zone, end = (t.group(5) or "").upper(), t.end()
        if not zone and (local := _LOCAL_TIME.match(text, end)):
            zone, end = "LOCAL", local.end()
        found.append((hour, minute, zone, t.start(), end))
    for m in _FOUR_FIGURE_TIME.finditer(text):
        if int(m.group(1)) <= 23 and int(m.group(2)) <= 59:
            found.append((int(m.group(1)), int(m.group(2)), m.group(3).upper(), m.start(), m.end()))
    return sorted(found, key=lambda x: x[3])


def same_moment(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """May two times of day (hour, minute, zone) be one moment: the same in
    zones whose offsets are known, or one in GMT/UTC and the other local or
    given without a zone, at the same minute past the hour (the local
    offset unknown: a whole number of hours, as nearly all are)?"""
    (ha, ma, za), (hb, mb, zb) = a, b
    if za in _ZONE_MINUTES and zb in _ZONE_MINUTES:
        return (ha * 60 + ma - _ZONE_MINUTES[za] - (hb * 60 + mb - _ZONE_MINUTES[zb])) % 1440 == 0
    utc = {"GMT", "UTC"}
    if (ha - hb) % 24 == 12:
        return False  # ("5.40am local time" / "5.40pm GMT": am and pm mixed up, no zone's offset)
    return ma == mb and za != zb and (za in utc and zb in ("LOCAL", "") or zb in utc and za in ("LOCAL", ""))


def is_time_zone(word: str) -> bool:
    """Is a word a time zone's name ("GMT", "CET")?"""
    return word.upper() in _ZONE_MINUTES and word.isupper()


# The marks between the parts of a line of page metadata ("Insights · 15 April 2026 · By …").
_MARKED_PARTS = re.compile(r" [·|•] ")


def _marked_date(line: str) -> str:
    """The part of a line of page metadata, between its marks, that is a
    date of six words at most, where the line also names who wrote it
    ("Insights · 15 April 2026 · By Ana Petrescu, …") and gives no other
    date; not an update's date, nor a date among related links; or ""."""
    parts = [p for p in _MARKED_PARTS.split(line.strip("*_ ")) if not _UPDATED.match(p)]
    if len(parts) < 2 or not any(_BYLINE_PART.match(p) or _reads_as_people(p) for p in parts):
        return ""
    dated = [p for p in parts if len(p.split()) <= 6 and parse_date(p)]
    if len(dated) == 1:
        return dated[0]
    published = [p for p in dated if _PUBLISHED.match(p)]  # ("Published 15 April 2026 · Updated 16 April 2026")
    return published[0] if len(published) == 1 else ""


_BYLINE_PART = re.compile(rf"(?i:{BYLINE_WORDS})\s+[A-Z]")


def date_from_text(lines: list[str]) -> str | None:
    """The publication date a text states near its top: a short line that is
    a date or a dateline ("Sunday, 30 October 2022, 10:49", "Published:
    March 3, 2022", "KYIV, Oct. 30, 2022 (AP) —").  Dates inside the prose
    are events, not the publication date, so only short lines (or a
    dateline's head) among the first lines count."""
    content = [line for line in lines if line]
    updated = None
    for line in content[:15]:
        m = _DATELINE_CREDIT.match(line) or DATELINE.match(line)  # ("ASHFORD, June 4, 2026 - The city …")
        if m:
            head = line[: m.end()]
        elif len(line.split(maxsplit=10)) <= 10 or _PUBLISHED.match(line):
            head = line[:120]
        else:  # over 10 words: only a date between the marks of a metadata line
            head = _marked_date(line)  # ("*Insights · 15 April 2026 · By Ana Petrescu, Senior Fellow, …*")
        found = parse_date(head) if head else None
        if found and _UPDATED.match(line):
            updated = updated or found  # when it was changed: the publication date if no other
        elif found:
            return found + time_of_day(head)
    day = undated_day(content)
    if day is not None:
        return _year_from_text(day, content) or updated
    return updated


# --- a dateline with no year ------------------------------------------------------
#
# "KYIV, March 3 (Reuters) -" says the day, not the year.  The year is taken
# only from what supports it: the text's own dated lines (an "Updated …" or
# "Published …" line with a year, a copyright line of one year) or, across a
# corpus, the dates of the other versions of the story (:func:`year_near`,
# used by :func:`~sidebyside.reading.articles.load_articles`).  Not from a
# date in the prose: a news style writes the year of a date only when it is
# not the story's own year, so "the law passed on March 1, 2019" tells the
# year of something else.  Not from the file's modification time either: it
# is when the file was last written (a download, a copy, a checkout, an
# edit), not when the story ran, and a year made from it would order "first
# seen" by a guess.  With nothing to support a year, the date stays unknown.

_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
_DAY_MONTH = re.compile(rf"(?<![\w.])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?!\w)", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"(?<!\w){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.]\d|\w)", re.IGNORECASE)
# "KYIV, March 3 —": a place in capitals, a comma, the day, a dash (no credit)
_PLACE_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40},[^.!?]{3,40}?\s(?:--|[-–—])\s")
# What a line that is only a date may hold besides it: "Published", a weekday, a time, a zone.
_DATE_LINE_WORDS = lazy(
    r"\b(?:published|posted|updated|last|first|on|at|date|am|pm|a\.m\.|p\.m\.|gmt|bst|utc|cet|cest|est|edt|"
    r"pst|pdt|"
    + "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
    + r")\b\.?|\d{1,2}[.:]\d\d|[,:|·–—-]",
    re.IGNORECASE,
)
_COPYRIGHT_YEAR = lazy(
    r"^(?:copyright\b|©|\(c\))\s*(?:©\s*)?(?P<year>(?:19|20)\d\d)(?!\s*[-–]\s*\d)", re.IGNORECASE
)


_WEEKDAY_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORD = re.compile(r"\b(?:(last|next|this)\s+)?(" + "|".join(_WEEKDAY_ORDER) + r")\b", re.IGNORECASE)
_YEAR_AFTER = re.compile(r",?\s*((?:19|20)\d\d)(?!\d)")
_RELATIVE_DAY = re.compile(
    r"\b(yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b", re.IGNORECASE
)
_RELATIVE_DAYS = {"yesterday": -1, "last night": -1, "tomorrow": 1}


def days_named(phrase: str, dated: date | None) -> frozenset[date] | None:
    """The day a phrase names, read on the day its text is dated, as the
    days it may be: a day of the month ("13 April", "April 13, 2025": in
    the year given, else the one nearest the day it is dated), a weekday
    (the one in the week before that day or the one in the week after:
    news names both so; "last Monday" the one before, "next Monday" the
    one after), "today", "yesterday", "last night", "this morning"; None
    if it names no day, days that cannot be one, or its text is not dated."""
    if dated is None:
        return None
    mentions: list[set[date]] = []
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(phrase):
            year = _YEAR_AFTER.match(phrase, m.end())
            month, day = _MONTHS[m.group("month").lower()], int(m.group("day"))
            years = [int(year.group(1))] if year else [dated.year - 1, dated.year, dated.year + 1]
            found = [d for y in years if (d := _on((month, day), y)) is not None]
            if not found:
                return None
            mentions.append({min(found, key=lambda d: abs(d - dated))})
    for m in _WEEKDAY_WORD.finditer(phrase):
        ahead = (_WEEKDAY_ORDER.index(m.group(2).lower()) - dated.weekday()) % 7  # 0..6 days after
        past, coming = dated - timedelta(days=(7 - ahead) % 7), dated + timedelta(days=ahead or 7)
        which = (m.group(1) or "").lower()
        if which == "last":
            mentions.append({past if past < dated else past - timedelta(days=7)})
        elif which == "next":
            mentions.append({coming})
        else:
            mentions.append({past, coming})
    for m in _RELATIVE_DAY.finditer(phrase):
        mentions.append({dated + timedelta(days=_RELATIVE_DAYS.get(m.group(1).lower(), 0))})
    if not mentions:
        return None
    days = set.intersection(*mentions)
    return frozenset(days) if days else None


def _month_day(value: str) -> tuple[int, int] | None:
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        m = pattern.search(value)
        if m:
            month, day = _MONTHS[m.group("month").lower()], int(m.group("day"))
            try:
                date(2024, month, day)  # a leap year: 29 February is a day
            except ValueError:
                continue
            return month, day
    return None


def undated_day(lines: list[str]) -> tuple[int, int] | None:
    """(month, day) of a dateline or date line near the top that has no
    year ("KYIV, March 3 (Reuters) -", "ATHENS, Aug 14 (AP) —", "14
    October", "Published 3 March"), or None (none, or it has a year)."""
    for line in [line for line in lines if line][:15]:
        m = _DATELINE_CREDIT.match(line) or _PLACE_DATELINE.match(line)
        if m:
            head = line[: m.end()]
        elif len(line.split(maxsplit=6)) <= 6:  # six words or fewer
            head = line
            found = _MONTH_DAY.search(line) or _DAY_MONTH.search(line)
            if not found or _DATE_LINE_WORDS.sub("", line.replace(found.group(0), "")).strip():
                continue  # more than a date: a headline, a sentence
        else:
            continue
        if parse_date(head):
            return None  # it has its year: date_from_text reads it
        day = _month_day(head)
        if day is not None:
            return day
    return None


def _on(day: tuple[int, int], year: int) -> date | None:
    try:
        return date(year, *day)
    except ValueError:  # 29 February of another year
        return None


def _year_from_text(day: tuple[int, int], lines: list[str]) -> str | None:
    """The date ``day`` falls on in the year the text itself supports: the
    latest such day on or before a dated "Updated"/"Published" line (a
    story is changed after it runs), else the year of a copyright line that
    names one year; None when the text names no year that way."""
    for line in lines:
        if _PUBLISHED.match(line) or _UPDATED.match(line):
            stated = parse_date(line[:120])
            if stated:
                limit = date.fromisoformat(stated)
                for year in (limit.year, limit.year - 1):
                    found = _on(day, year)
                    if found and found <= limit:
                        return found.isoformat()
    for line in lines[:10] + lines[-10:]:
        m = _COPYRIGHT_YEAR.match(line)
        if m:
            found = _on(day, int(m.group("year")))
            return found.isoformat() if found else None
    return None


def one_story(known: list[str], span: int = 62) -> bool:
    """Whether the ISO dates ``known`` lie within ``span`` days of each
    other, as the versions of one story do."""
    try:
        days = sorted(date.fromisoformat(iso[:10]) for iso in known)
    except ValueError:
        return False
    return bool(days) and (days[-1] - days[0]).days <= span


def year_near(day: tuple[int, int], known: list[str], within: int = 31) -> str | None:
    """The date ``day`` (month, day) falls on within ``within`` days of one
    of the ``known`` ISO dates (the other versions of the same story), when
    they point to one year only; else None."""
    found = set()
    for iso in known:
        try:
            anchor = date.fromisoformat(iso[:10])
        except ValueError:
            continue
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            candidate = _on(day, year)
            if candidate and abs((candidate - anchor).days) <= within:
                found.add(candidate)
    return found.pop().isoformat() if len(found) == 1 else None


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


# --- page metadata lines ----------------------------------------------------------


_ISSUE_WORDS = frozenset({"issue", "no", "vol", "volume", "edition", "number"})
_WEEKDAY_OR_ISSUE = _WEEKDAYS | _ISSUE_WORDS  # words a date line holds besides its date (is_metadata_line)
_SEPARATORS = frozenset("·|•–—-/")


_TIME_ZONES = frozenset(_ZONE_MINUTES) | {"IST", "CST"}
# A byline naming a newsroom or desk rather than a person.
_DESK_BYLINE = re.compile(
    rf"^(?i:{BYLINE_WORDS})\s+(?:[Tt]he\s+)?(?:[A-Z][\w.'’&-]*\s+){{0,6}}"
    r"(?i:(?:staff\s+)?(?:newsroom|news\s+desk|news\s+team|desk|staff|team|reporters|writers))\.?$"
)


def is_metadata_line(line: str) -> bool:
    """Is a short line near the top of a text page metadata, not prose: a
    byline ("By Olga Petrenko", "*Olga Petrenko and staff*", "Jane Smith,
    Reuters"), an outlet's name ("Almaty Radio News", "Harbour Times") or a
    date ("14 October", "June 13, 2026", "Published: 3 March 2025")?  The
    caller looks only at the lines above the first paragraph of prose."""
    stripped = _EMPHASIS.sub("", line.strip())
    words = stripped.split()
    if not words or len(words) > 12:
        return False
    if _bylines([stripped]) or _name_in_line(stripped) is not None:
        return True
    if _NEWS_LINE.match(stripped) or publication_line(stripped) is not None:
        return True
    if _DESK_BYLINE.match(stripped):  # "Posted by the Costa Luz Radio newsroom"
        return True
    date = _DAY_MONTH.search(stripped) or _MONTH_DAY.search(stripped)
    if _PUBLISHED.match(stripped):  # "Published: 3 March 2025", "Posted on January 10 by Carla Souza"
        return bool(date or parse_date(stripped))
    if len(words) <= 8 and date and not stripped.endswith((".", "!", "?")):
        # A date line: the date and little else (a weekday, the year, the time),
        # not a hard-wrapped line of prose ("On March 3 the city council voted").
        # ("Friday 19 November 2027 · Issue 212": an issue's number, and a mark between)
        rest = (stripped[: date.start()] + " " + stripped[date.end() :]).replace(",", " ").split()
        if len(rest) > 1 and rest[0][:1].isupper() and (rest[1] in _SEPARATORS or stripped.startswith(rest[0] + ",")):
            # the place it was written in: "Seville - 3 February 2027 - 19:25 CET", "Valencia, 9 March 2027 - 19:12 CET"
            rest = rest[2:] if rest[1] in _SEPARATORS else rest[1:]
        return all(
            w.casefold().rstrip(".") in _WEEKDAY_OR_ISSUE
            or any(c.isdigit() for c in w)
            or w in _SEPARATORS
            or w in _TIME_ZONES
            for w in rest
        )
    return False
