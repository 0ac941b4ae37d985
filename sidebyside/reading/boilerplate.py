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

import itertools
import operator
import re
from typing import Literal, NamedTuple

from .patterns import lazy
from .textmeta import BYLINE_WORDS, DATELINE, RELEASE_LABEL, masthead, parse_date, publication_line

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
    r"^(discover|listen to|subscribe to) our ((latest|daily|weekly|new) )?(podcast|newsletter)",
    r"^more under this ad$",
    r"^(advertisement|advert|ad|sponsored( content)?|promoted( content)?)$",
    r"^read (more|also|next)\b",
    r"^(related|recommended)( (articles|stories|news|content|posts))?:?$",
    r"^share (this|on|via)\b",
    r"^(share|tweet|e-?mail|print|comments?|save|unsubscribe)( (this|article|story))?$",
    r"^forwarded this (e-?mail|newsletter)\b",
    r"^you (are|were) (receiving|getting) ((this|the)\b.{0,80}\b|[^.!?]{1,60}\s)"
    r"(because you (signed up|subscribed|registered|opted in|asked)|as an? (subscriber|member|registered))\b",
    r"\bunsubscribe\]?(\(\S*\))?\s*(\||·|•|-)",  # "Unsubscribe | …", "[Unsubscribe](https://…) · …"
    r"^[^.!?]{0,40}:\s*https?://\S+$",
    r"\bsign up here\.?$",
    r"^(follow|subscribe)( to)?( us)?( on)?\b.{0,30}$",
    r"^follow( us)? ([\w&'’-]+ ){0,4}(on|via) (facebook|x|twitter|instagram|telegram|tiktok|linkedin|youtube)\b"
    r"([^,]{0,50}|((, | and | & )(facebook|x|twitter|instagram|telegram|tiktok|linkedin|youtube|threads|bluesky)\b)+"
    r"[.!]?)$",
    r"\A[^.!?]{0,80}\bin your inbox\b[^.!?]{0,20}(\b(sign up|subscribe)\b.{0,60}|[.!] (sign up|subscribe)"
    r"( (free|now|here|today))?[.!]?)\Z",
    # A line of Markdown links only ("[Unsubscribe](https://…)", "[Subscribe](…) · [All posts](…)")
    r"\A\[[^\]]{1,40}\]\(\S+\)(\s*[·|•,–-]\s*\[[^\]]{1,40}\]\(\S+\))*[*_]*\Z",
    # An author's disclaimer: "The views expressed are the author's own."
    r"(?:\A|[.!?] )the views expressed( here| in this [\w ]{1,20})? are (the author['’]?s['’]? own|those of the author)"
    r"( alone)?( and (do|does) not (necessarily )?(reflect|represent) [^.!?]{0,80})?[.!]?[*_]*\Z",
    r"^sources?( used)?:?$",
    r"website can (also )?be accessed at",
    r"^(sign up|log in|sign in|register)\b.{0,40}$",
    r"^(photo|image|picture|credit|caption)s?\s*:",
    r"^(image|photo|picture|video) (copyright|caption|credit|source)\b",
    r"©",
    r"\((afp|ap|reuters|getty( images)?|epa|tass|sputnik|anadolu)( photo| images?)?\)\s*$",
    r"/\s*(contributeur|contributor|getty images|shutterstock|alamy)\s*$",
    r"\((l|r|c|left|right|centre|center)\)",
    r"^(news|home)\s*[/›»>|]",
    r"^(click|tap) here\b",
    r"^subscribe\b.{0,80}$",
    r"^(sign up|register) (for|to) (our|the)\b.{0,60}$",
    r"^sign up (for|to get) [^.!?,]{0,40}\b(alerts|updates|newsletters?|e-?mails)\b[^.!?,]{0,60}[.!]?$",
    r"^(news|press|media) release$",
    r"^copyright\s+(©\s*|\(c\)\s*)?\d{4}(\s*[-–]\s*\d{4})?\b[^.]{0,60}(\.\s*all rights reserved\.?)?$",
    r"\ball rights reserved\.?$",
    r"^\(?(additional )?(reporting|writing|editing|compiled|produced) by\b.{0,200}$",
    r"\bcontributed to this (report|story|article)\.?$",
    r"^(tags?|topics?|keywords|filed under|categories|more on)\s*:",
    r"^(related|read (more|also|next)|see also)( (articles?|stories|story|news|content|posts|coverage))?\s*:\s*\S",
    # A live blog's controls and the time over each entry ("Key events", "16:50", "9.41am BST")
    r"^(show )?key events( only)?$",
    r"^(show|hide|load) (all|more|newer|older) (events|posts|updates|entries)$",
    r"^(pinned( post)?|live( updates| coverage)?)$",
    r"^\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s+[a-z]{2,4})?$",
    # A story's own notices ("This is a developing story. Check back for
    # updates.", "Listen to this story (4 min)") and a publication's asks.
    r"^this (is an? (developing|breaking)( news)? story|story (is developing|will be updated|has been updated))"
    r"( and (will|may) be updated)?[.!]?(\s*check (back|[\w-]+(\.[\w-]+)+) (later )?for (updates|more)\b[^,;]{0,40})?$",
    r"^check (back|[\w-]+(\.[\w-]+)+) (later )?for (updates|more)( on this( developing)? story)?\.?$",
    r"^listen to (this|the) (story|article)(\s*\(\d+\s*min(utes?|s)?\))?\.?$",
    r"^support (local|independent|our|quality) journalism\s*"
    r"([:.!–—-]\s*((subscribe|donate|become|join|give|sign)\b.{0,60})?)?$",
    r"\A[^.!?]{0,40}\b(brief|briefing|digest|newsletter|letter|bulletin|roundup|memo) is published (every|each) "
    r"(weekday|day|week|morning|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\.?"
    r"(\s*forward this (e-?mail|newsletter)\b.{0,40})?\Z",
    r"^forward this (e-?mail|newsletter) to\b.{0,40}$",
    r"^disclaimer\s*:",
    r"^shop now\s*[:.!–—-].{0,80}$",  # "Shop now: get your Kovalenko 9 shirt in the official club store"
    r"^tickets (for|to) [^.!?]{0,60}\b(are|is) (on sale|available)( now)?[.!]?$",
    r"^download (the|our) [^.!?]{0,40}\bapp\b[^.!?]{0,60}[.!]?$",
    r"^get the (latest|biggest|best|top)\b[^.!?]{0,40}:\s*download (the|our) [^.!?,]{0,40}\bapp\b[^.!?,]{0,30}[.!]?$",
    r"^support [^.!?:]{2,40}:\s*(become an? (member|supporter|subscriber|patron)|join us|donate|subscribe)\b"
    r"[^.!?,]{0,60}[.!]?$",  # "Support River Watch: become a member from 5 euros a month."
    r"^listen (again )?to (all )?our\b[^.!?]{0,60}\b(app|podcasts?|bulletins|website)\b[^.!?,]{0,40}[.!]?$",
    r"^got a (story|tip|news tip)\?.{0,80}$",
    r"^an? ((daily|weekly|monthly|fortnightly|free) )?newsletter (on|about|for|from|of)\b[^.!?]{0,60}$",
    r"\bsubscribe (at|via|on) [\w-]+(\.[\w-]+)+(/\S*)?\s*\Z",  # "… Subscribe at example.com/digest."
    # "Sign up to receive Ministry of Health media releases by email."
    r"^sign up to (receive|get) [^.!?,]{0,60}\b(by e-?mail|in your inbox|alerts|newsletters?|e-?mails)[.!]?$",
    # "Listen live to Radio Aotearoa on 101.7 FM or on the Radio Aotearoa app."
    r"^listen (live )?to [^.!?,]{0,40}\bon \d{2,3}([.,]\d)? ?(fm|am)\b[^.!?,]{0,50}[.!]?$",
    # "Listen to RMI News every hour on the hour, or live on the RMI app.", "Watch Channel 7 News live on
    # channel 107 or on the Channel 7 app."
    r"^(listen|watch)( live)?( to| on)? (?-i:[A-Z])[^.!?]{0,80}\b(on|in) (the|our) [^.!?,]{0,30}\bapp[.!]?$",
    # "Sign up for The Bench Weekly, our round-up of the week in science, every Friday."
    r"^sign up (for|to) (?-i:(the |The )?[A-Z])[^.!?]{0,80}\bevery (weekday|day|week|morning|evening|monday|tuesday"
    r"|wednesday|thursday"
    r"|friday|saturday|sunday)\b[^.!?]{0,30}[.!]?$",
    # A newsletter's line under its name: "Weekly news for the industrial water trade".
    r"^(daily|weekly|monthly|fortnightly) (news|briefing|digest|intelligence|analysis|insight)s? (for|on|about|from)"
    r"(?![^.!?]*\b(is|are|was|were|has|have|had|will|would|showed|shows|as|after|up|getting)\b)(?![^.!?]*\w+ed\b)"
    r" [^.!?,]{3,60}$",
    # A translation's note: "English translation. In case of any discrepancy, the Polish text … shall prevail."
    r"^(english|unofficial|automatic|machine) translation\.?(\s+in (the )?case of (any )?discrepanc(y|ies)\b[^!?]{0,80}"
    r"\bshall prevail\.?)?$",
    r"\Ain (the )?case of (any )?discrepanc(y|ies)\b[^,!?]{0,40},? the [^,!?]{0,60}\bshall prevail\.?\Z",
    # "Get live scores, results and breaking news alerts on the Trackside app."
    r"^get [^.!?]{0,80}\b(on|in|with) the (?-i:[A-Z])[^.!?,]{0,30}\bapp[.!]?$",
    # An outlet's correction note: "Correction: An earlier version of this article said …", "This story has
    # been corrected to show that …", "This article was amended on 24 October 2026. An earlier version said …"
    r"^(correction|clarification)s?(,? [^:]{1,30})?\s*:\s*an earlier version of this (story|article|report)\b",
    r"^this (story|article|report) (has been|was) (corrected|amended)( on [^.]{1,30})?"
    r"( to (show|correct|reflect|clarify|remove|say)\b|\.)",
    # "Get SiliconBeat Daily: the chip industry in five minutes, every weekday morning."
    r"^get [^.!?:]{2,40}\b(daily|weekly|briefing|newsletter):[^.!?]{0,80}\bevery (weekday|day|week|morning)\b"
    r"[^.!?]{0,30}[.!]?$",
    # Contact lines: "Media: press@halvern.example · Investors: ir@…", "Press contact: Nuria Bermejo, +34 …, prensa@…"
    # (after the label only names, phones, addresses and the marks between them)
    r"^((press|media|investor|public) (contact|enquiries|inquiries|office|relations)|media|press|investors?"
    r"|contact)\s*:\s*(?:(?:(?-i:[A-Z])[\w'’.-]*|(?-i:of|the|and|de|for|at)\b"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{5,}\d|(?-i:[A-Z][a-z]+):"
    r"|[·|,/;&•–-])\s*)+[*_]*$",
    # A helpline and its hours: "Members with questions can call the UTI member line on 088 555 0140, weekdays
    # from 08:30 to 17:00." (an appeal without hours, "call police on 101", is prose)
    r"\A(?![^.!?]*\b(said|says|told|urged|asked|appealed)\b)[^.!?]{0,80}\bcall\b[^.!?]{0,60}\bon \+?\d[\d ]{5,}\d\b,?"
    r" (on )?(weekdays|monday (to|-) friday|mon-fri|daily) (from|between) \d{1,2}[:.]\d{2}[^.!?]{0,30}[.!]?\Z",
]
# The patterns tied to the line's start are tried there only, the others
# everywhere (one alternation of them all tried at every position took most
# of the time of reading a large corpus).
_AT_START_RE = lazy("|".join(f"(?:{p})" for p in _PATTERNS if p.startswith("^")), re.IGNORECASE)
# The words (lower-cased, after an opening parenthesis, if any) that the
# patterns tied to the line's start begin with: a line that begins with
# another word can match none of them, but the one of a link ("Source:
# https://…"), so it is not tried (most lines of prose; and the long
# pattern, some 4 ms to compile, is not compiled for a text without them).
_FIRST_WORDS = frozenset(
    """
    ad additional advert advertisement back caption captions categories click comment comments compiled copyright
    credit credits discover e editing email filed follow forwarded home image images keywords leave listen log more
    most news photo photos picture pictures print produced promoted read recommended register related reporting save
    see share sign source sources sponsored subscribe support tag tags tap to topic topics tweet unsubscribe video
    writing you key show hide load pinned live this check forward disclaimer got a an shop tickets download
    press media get investor investors public contact watch daily weekly monthly fortnightly english unofficial
    automatic machine correction corrections clarification clarifications
    """.split()
)
# A publication's tagline under its masthead, which says what it is, whose,
# and since when, in a noun phrase: "The independent student newspaper of
# Kingsford University since 1961" (not "Power station output fell to its lowest since 1990").
_TAGLINE_RE = lazy(
    r"(?i:the |an? )?(?:[\w'’-]+ ){0,4}(?i:newspaper|magazine|news ?site|journal|radio|station|voice)"
    r" (?:of|for|in|from) (?:the )?(?:[A-Z][\w'’.-]*|of|and|the)(?: (?:[A-Z][\w'’.-]*|of|and|the)){0,6}"
    r" (?i:since|established|founded(?: in)?) \d{4}"
)
_FIRST_LETTERS = re.compile(r"\(?([a-z]*)")
_ANYWHERE_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS if not p.startswith("^")), re.IGNORECASE)
# The head of a list of links to other stories, after the article.
_LINKS_HEAD = re.compile(
    r"^(read (more|also|next)|related( \w+)?|more on this( story)?|see also|most (read|popular))\b\W*$", re.I
)
_BREADCRUMB_RE = lazy(r"^[^/›»>|]{1,30}(\s[/›»>|]\s[^/›»>|]{1,30}){1,6}$")
# What a breadcrumb holds: a quick test first (five searches with `in` take a
# tenth of the time of one search of the pattern "[/›»>|]").
_BREADCRUMB_MARKS = "/›»>|"
_WORD_RE = re.compile(r"\w+")
_RULE_RE = re.compile(r"([-*_=~] ?){3,}\Z")


class Line(NamedTuple):
    start: int  # offset of the first character
    end: int  # offset just past the last character, before the newline
    kind: LineKind


_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")


# A line wrapped whole in one emphasis, the mark nowhere inside ("**Title**", not "**A** and **B**").
_MARKDOWN_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(?!\s)((?:(?!\1).)+)(?<!\s)\1$")


def is_markdown_heading(line: str) -> bool:
    """Is ``line`` a Markdown heading ("## The pacing"; not "#MeToo …")?"""
    return _MARKDOWN_HEADING.match(line) is not None


def heading_text(line: str) -> str:
    """A line without its Markdown heading or emphasis marks ("# Title",
    "**Title**" -> "Title")."""
    m = _MARKDOWN_HEADING.match(line)
    text = m.group(1) if m else line.strip()
    emphasis = _MARKDOWN_EMPHASIS.match(text)
    return emphasis.group(2) if emphasis else text


def _collapsed(text: str) -> str:
    """``text`` stripped, each run of white space one space (str.split's
    white space is the patterns' ``\\s``)."""
    return " ".join(text.split())


def line_key(text: str) -> str:
    return _collapsed(text).casefold()


def words(text: str) -> int:
    return len(_WORD_RE.findall(text))


# What each pattern of _ANYWHERE_RE holds, lower-cased: a line with none of
# them matches none (checked with `in`, many times faster than the search).
_ANYWHERE_NEEDS = (
    "(", "/", "©", "your email", "required fields", "support ", "website can", "rights reserved", "contributed to this"
) + ("sign up here", "unsubscribe", "your inbox", "is published", "subscribe at", "subscribe via", "subscribe on")
_ANYWHERE_NEEDS += ("call ", "views expressed", "discrepanc")
# The letters other than A-Z that a case-blind pattern takes for one of them
# (İ, ı, ſ and the Kelvin sign): a line with one is searched in full.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def _may_hold_anywhere(low: str) -> bool:
    """Whether a line, lower-cased, may match a pattern of _ANYWHERE_RE (a
    line with a letter of _FOLDS_TO_ASCII is tried whatever this says)."""
    for need in _ANYWHERE_NEEDS:  # (a loop: any() of a generator takes longer)
        if need in low:
            return True
    return False


def _holds_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds any of the characters ``chars``."""
    for c in chars:
        if c in text:
            return True
    return False


def _may_match_at_start(low: str) -> bool:
    """Whether a line, lower-cased, may match a pattern of _AT_START_RE (see
    _FIRST_WORDS; a line with a letter of _FOLDS_TO_ASCII is tried whatever
    this says; one that opens with a digit may be a live blog's time, "16:50")."""
    return (
        _FIRST_LETTERS.match(low).group(1) in _FIRST_WORDS  # type: ignore[union-attr]
        or low[:1].isdigit()
        or "http" in low
    )


def is_known_boilerplate(text: str) -> bool:
    return _is_known(_collapsed(text))


# Markdown's marks around a line ("**Read also:** …", "> Advertisement").
_MARKDOWN_MARKS_RE = lazy(r"^(?:[*_>#]+\s*)+|(?<=:)[*_]+")


def _is_known(stripped: str) -> bool:
    """:func:`is_known_boilerplate` of a line already collapsed."""
    if _RULE_RE.match(stripped):  # a rule between parts of a newsletter ("---", "* * *")
        return True
    if stripped[:1] in ("*", "_", ">", "#"):
        stripped = _MARKDOWN_MARKS_RE.sub("", stripped)
    low = stripped.lower()
    if "edition" in low and masthead(stripped):  # "EL DIARIO DE LEVANTE · ENGLISH EDITION"
        return True
    folds = not stripped.isascii() and _holds_any(stripped, _FOLDS_TO_ASCII)
    if stripped[-4:].isdigit() and _TAGLINE_RE.fullmatch(stripped):
        return True
    return bool(
        ((folds or _may_match_at_start(low)) and _AT_START_RE.match(stripped))
        or ((folds or _may_hold_anywhere(low)) and _ANYWHERE_RE.search(stripped))
        or (_holds_any(stripped, _BREADCRUMB_MARKS) and _BREADCRUMB_RE.match(stripped))
    )


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    lengths = list(map(len, text.split("\n")))
    if not lengths[-1]:
        lengths.pop()  # after the last newline: no line
    starts = list(itertools.accumulate([length + 1 for length in lengths], initial=0))
    return list(zip(starts, map(operator.add, starts, lengths)))


_SENTENCE_END = lazy(r"[.!?…][\"'”’)\]]*$")
_PERIOD_END = lazy(r"[.…][\"'”’)\]]*$")
_TWO_SENTENCES = lazy(r"[a-z0-9\"”’)]\.\s+[\"“‘]?[A-Z]")
_BYLINE = re.compile(rf"^{BYLINE_WORDS}\s+\S", re.IGNORECASE)
_CAPTION = lazy(
    r"\b(image|photo|picture|video) (copyright|caption|credit|source)\b|\b(file )?photo\b.*\)|\bpictured\b"
    r"|\((photo|file photo|getty|reuters|ap|afp|epa)[^)]*\)",
    re.IGNORECASE,
)


#: Hard-wrapped prose is wrapped at this many characters or fewer; longer
#: lines are paragraphs of their own.
HARD_WRAP_MAX = 100
#: … and at this many or more: shorter lines are a list's or a poem's.
HARD_WRAP_MIN = 40
_FIRST_WORD = lazy(r"\s*\S+")
#: A line that starts an item of a list is never joined to the line before.
_ITEM = lazy(r"[ \t]*(?:[-*+•–—]|\d{1,3}[.)])[ \t]")


def runs_on(text: str, line: Line, after: Line, widest: int) -> bool:
    """Was ``line`` cut by a text wrapper before the next line, ``after``
    (of a paragraph whose widest line is ``widest``)?  Yes when the next
    line's first word would not have fitted, and it starts no list item."""
    word = _FIRST_WORD.match(text, after.start, after.end)
    return (
        word is not None
        and line.end - line.start + len(word.group().strip()) + 1 > widest
        and not _ITEM.match(text, after.start, after.end)
    )


def is_headline(body: str) -> bool:
    """Whether a line can be a headline: 4 to 25 words, one phrase that does
    not end like a sentence, and not a byline, dateline, caption, credit or
    date."""
    body = body.strip()
    n = words(body)
    return (
        4 <= n <= 25
        and not _PERIOD_END.search(body)
        and not _TWO_SENTENCES.search(body)
        and not _BYLINE.match(body)
        and not DATELINE.match(body)
        and not _CAPTION.search(body)
        and not (n <= 10 and parse_date(body))
    )


def guess_title(text: str, lines: list[Line]) -> int | None:
    """Index of the line that reads as the headline, or None: among the first
    few lines of four words or more, before the prose begins, one that
    :func:`is_headline`.  A caption, photo credit, byline, dateline or body
    sentence is never the headline (the file name is better than a wrong
    title)."""
    candidates = 0
    paper = None  # a first line naming a paper: its name, unless no other headline follows
    for i, line in enumerate(lines):
        if line.kind in ("blank", "header"):
            continue
        body = text[line.start : line.end].strip()
        if is_known_boilerplate(body) or words(body) < 4:  # (a masthead is known boilerplate)
            continue
        if not candidates and paper is None and publication_line(body) is not None and is_headline(body):
            # The paper's name over its page ("THE INLAND NORTHWEST LEDGER"),
            # or a headline about a paper ("Musk Buys Washington Post").
            paper = i
            continue
        if not candidates and paper is None and body.isupper() and _release_follows(text, lines, i):
            # The issuer's name over its release ("FÉDÉRATION FRANÇAISE
            # D'ATHLÉTISME" / "Press release"), unless no headline follows
            # ("HALVERN TO CUT 1,200 JOBS" / "Statement" / the prose).
            paper = i
            continue
        found = _headline_here(text, lines, i, body)
        if found is not _NOT_YET:
            return found if found is not None or paper is None else paper
        candidates += 1
        if candidates >= 4:
            return paper
    return paper


_NOT_YET = -1  # (what _headline_here says of a line that is neither the headline nor the prose)



def _release_follows(text: str, lines: list[Line], i: int) -> bool:
    """Is the next line that holds words after line ``i`` a release's label ("Press release")?"""
    for line in lines[i + 1 : i + 3]:
        body = text[line.start : line.end].strip()
        if body:
            return bool(RELEASE_LABEL.match(body))
    return False


def _headline_here(text: str, lines: list[Line], i: int, body: str) -> int | None:
    """Line ``i`` (its text ``body``) read for :func:`guess_title`: its own
    index if it is the headline; where the prose begins there, the heading of
    a newsletter's first story or None; else :data:`_NOT_YET`."""
    line = lines[i]
    # A line that a hard-wrapped paragraph of prose goes on from ("Novak
    # Djokovic saved two match points and beat Spain's Alvaro Nunez" /
    # "6-4, 3-6, 7-6 (7-5) on Sunday to win …") is no headline.
    j = i + 1
    while j < len(lines) and lines[j].kind == "body" and j - i < 8:
        j += 1
    widest = max(ln.end - ln.start for ln in lines[i:j])
    if j > i + 1 and HARD_WRAP_MIN <= widest <= HARD_WRAP_MAX and runs_on(text, line, lines[i + 1], widest):
        paragraph = " ".join(text[lines[k].start : lines[k].end].strip() for k in range(i, j))
        if words(paragraph) >= 12 and _SENTENCE_END.search(paragraph):
            return _story_heading(text, lines, i)  # the prose has begun
    if is_headline(body):
        return i
    if words(body) >= 12 and _SENTENCE_END.search(body):
        return _story_heading(text, lines, i)  # the prose has begun
    return _NOT_YET


def _story_heading(text: str, lines: list[Line], i: int) -> int | None:
    """Where a newsletter's first story is headed, after its greeting: a
    Markdown heading of four words or more among the next dozen lines
    ("## Jet diverts to Shannon after losing cabin pressure"), or None."""
    for k in range(i + 1, min(len(lines), i + 12)):
        line = text[lines[k].start : lines[k].end]
        if _MARKDOWN_HEADING.match(line) and words(heading_text(line)) >= 4 and is_headline(line.strip()):
            return k
    return None


def _mark_link_lists(text: str, lines: list[Line], kinds: list[LineKind]) -> None:
    """Under "Read more:" or "Related:", anywhere in the page: the headlines
    of other stories listed right below it (no blank line between), lines
    that are not sentences, are boilerplate."""
    for i, line in enumerate(lines):
        if kinds[i] != "boilerplate" or not _LINKS_HEAD.match(text[line.start : line.end].strip()):
            continue
        for k in range(i + 1, len(lines)):
            body = text[lines[k].start : lines[k].end].strip()
            if kinds[k] != "body" or body.endswith((".", "!", "?", '"', "”")) or words(body) > 15:
                break
            kinds[k] = "boilerplate"


def classify(text: str, title: str | None = None, header_end: int = 0) -> tuple[list[Line], int | None]:
    """Classify every line of ``text``; returns the lines and the index of the
    headline line (None if there is none).  ``title``, when known from
    metadata, picks the headline line; lines ending at or before
    ``header_end`` are the file's own metadata header."""
    spans = split_lines(text)
    kinds: list[LineKind] = []
    collapsed = []  # each line's text as compared (see _collapsed), "" for others
    for start, end in spans:
        stripped = _collapsed(text[start:end]) if end > header_end else ""
        collapsed.append(stripped)
        if end <= header_end:
            kinds.append("header")
        elif not stripped:
            kinds.append("blank")
        elif _is_known(stripped):
            kinds.append("boilerplate")
        else:
            kinds.append("body")
    lines = _lines(spans, kinds)

    title_index: int | None = None
    if title:
        wanted = line_key(title)
        for i, line in enumerate(lines):
            if line.kind != "header" and line_key(heading_text(text[line.start : line.end])) == wanted:
                title_index = i
                break
    else:
        title_index = guess_title(text, lines)

    # Repeats: every occurrence is boilerplate, but the headline's first one.
    counts: dict[str, int] = {}
    keys = []
    for line, stripped in zip(lines, collapsed):
        key = stripped.casefold() if line.kind in ("body", "boilerplate") else ""  # its line_key
        keys.append(key)
        if key:
            counts[key] = counts.get(key, 0) + 1
    for i in range(len(lines)):
        if keys[i] and counts[keys[i]] > 1 and i != title_index:
            kinds[i] = "boilerplate"

    _mark_link_lists(text, lines, kinds)
    _mark_wrapped_boilerplate(text, lines, kinds)

    # Edges: short lines before the headline (before the prose, when there
    # is none: a newsletter's "THE BASELINE"), short lines after the prose.
    top = title_index
    if title_index is not None:
        kinds[title_index] = "title"
    else:
        top = next(
            (i for i, k in enumerate(kinds) if k == "body" and words(text[lines[i].start : lines[i].end]) >= 12), 0
        )
    for i in range(top or 0):
        above = text[lines[i].start : lines[i].end]
        if kinds[i] == "body" and (words(above) < 4 or publication_line(above.strip()) is not None):
            kinds[i] = "boilerplate"
    last_prose = next(
        (i for i in reversed(range(len(kinds))) if kinds[i] == "body" and words(collapsed[i]) >= 12), None
    )
    if last_prose is not None:
        links = False  # under "Read more:" or "Related:": the headlines of other stories
        for i in range(last_prose + 1, len(lines)):
            body = text[lines[i].start : lines[i].end].strip()
            if kinds[i] == "boilerplate":
                links = links or bool(_LINKS_HEAD.match(body))
                continue
            if kinds[i] != "body":
                continue
            sentence = body.endswith((".", "!", "?", '"', "”"))
            if not sentence and (words(body) <= 5 or (links and words(body) <= 15)):
                kinds[i] = "boilerplate"
            else:
                links = False

    return _lines(spans, kinds), title_index


def _mark_wrapped_boilerplate(text: str, lines: list[Line], kinds: list[LineKind]) -> None:
    """A short line that goes on from a hard-wrapped line of boilerplate
    ("You are receiving … because you subscribed at" / "example.org."):
    the boilerplate's end.  Only after a line that breaks off at a word in
    lower case (not a caption's credit), with no blank line between."""
    known = list(kinds)  # (a line marked here never makes the next one boilerplate: no chain)
    for i in range(1, len(lines)):
        if kinds[i] != "body" or known[i - 1] != "boilerplate" or lines[i].start - lines[i - 1].end > 1:
            continue
        before = text[lines[i - 1].start : lines[i - 1].end].rstrip()
        last = before.rsplit(None, 1)[-1] if before else ""
        if len(before) >= 40 and last.isalpha() and last.islower() and words(text[lines[i].start : lines[i].end]) <= 12:
            kinds[i] = "boilerplate"


def _lines(spans: list[tuple[int, int]], kinds: list[LineKind]) -> list[Line]:
    """Lines from their (start, end) and kinds, made in C (a Python call of
    Line's own constructor per line was a tenth of the time of reading)."""
    return list(map(_NEW_TUPLE, itertools.repeat(Line), map(operator.add, spans, zip(kinds))))


_NEW_TUPLE = tuple.__new__
