"""Who carries which passage: the overview table of an alignment, as data.

One :class:`Row` per passage group in story order, one :class:`Cell` per
outlet: does that outlet carry the passage, word for word (the group's most
common wording) or as a variant, is its version a direct quote, and did it
carry it first.  Per outlet, the passages of its own that no other outlet
carries ("only here").  The app's overview screen and the Markdown report
both show this; nothing here imports Textual or the aligner.

Outlets are ordered by date when the articles have one (undated ones after,
in their given order); for each group whose carriers are all dated, those
with the earliest date are marked first seen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from .marks import as_read
from .model import Place
from .reading.flow import joined_lines
from .text import shown_similarity

if TYPE_CHECKING:
    from .model import Alignment, Group

Status = Literal["verbatim", "variant", "absent"]

#: Flag names as the overview, panel and report show them.
FLAG_LABELS = {
    "attribution": "who said",
    "quote-paraphrase": "quote vs paraphrase",
    "quote-changed": "quote's words",
    "number": "number",
    "name": "name",
    "date": "date",
    "negation": "negation",
    "legal-status": "legal status",
    "hedge": "hedge",
    "spelling": "name spelling",
}
#: Short forms for narrow columns.
FLAG_SHORT = {
    "attribution": "who",
    "quote-paraphrase": "quote",
    "quote-changed": "q.words",
    "number": "num",
    "name": "name",
    "date": "date",
    "negation": "neg",
    "legal-status": "legal",
    "hedge": "hedge",
    "spelling": "spell",
}


@dataclass(frozen=True)
class Cell:
    status: Status
    similarity: float | None  # the version's (the best, with several), None when absent
    quoted: bool  # a version there is a direct quote
    first: bool  # among the outlets that carried it first
    versions: tuple[int, ...] = ()  # indexes into the group's passages


@dataclass(frozen=True)
class Row:
    group: Group
    wording: str  # the most common wording, on one line
    speaker: str | None  # the speaker most versions name ("Lavrov / Putin" when they differ)
    flags: tuple[str, ...]
    cells: dict[int, Cell]  # article index -> cell
    outlets: int  # how many outlets carry it

    @property
    def quoted(self) -> bool:
        return any(c.quoted for c in self.cells.values())

    @property
    def variant(self) -> bool:
        return self.group.kind == "variant"

    @property
    def first_seen(self) -> tuple[int, ...]:
        return tuple(a for a, c in self.cells.items() if c.first)


@dataclass(frozen=True)
class OnlyHere:
    """A paragraph of one outlet that no aligned passage covers; ``echo``,
    another outlet with a paragraph that reads much like it (the same
    statement reworded, too loosely to be aligned), or None: its own."""

    place: Place
    text: str
    echo: int | None = None

    @property
    def own(self) -> bool:
        """Does no other outlet carry it, even reworded?"""
        return self.echo is None


@dataclass(frozen=True)
class Coverage:
    columns: tuple[int, ...]  # article indexes, in column order
    rows: tuple[Row, ...]
    only_here: dict[int, tuple[OnlyHere, ...]]  # article index -> its own passages
    dated: bool  # the columns are ordered by date

    def row(self, group_id: str) -> Row:
        return next(r for r in self.rows if r.group.id == group_id)


def one_line(text: str) -> str:
    return " ".join(text.split())


def _norm(text: str) -> str:
    # Case, quotes and punctuation folded, as "verbatim" is defined.
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


def reference_index(group: Group) -> int:
    """The most common wording among the group's versions (ties: the most
    similar to the others, then the first)."""
    norms = [_norm(p.text) for p in group.passages]
    counts = Counter(norms)
    return max(range(len(norms)), key=lambda i: (counts[norms[i]], group.passages[i].similarity, -i))


def speaker_of(group: Group) -> str | None:
    named = Counter(p.speaker for p in group.passages if p.speaker)
    if not named:
        return None
    ranked = [s for s, _ in named.most_common()]
    return " / ".join(ranked[:3]) + (" …" if len(ranked) > 3 else "")


def when(value: str | None) -> tuple[str, datetime | None] | None:
    """An article's date as it orders: its day (ISO), and its time when the
    date carries one ("2027-02-03T14:10", "2027-02-03 19:25+01:00": one
    with a zone in UTC, its day included), else None; None when undated."""
    if not value:
        return None
    day, moment = str(value)[:10], None
    if len(str(value)) > 10:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            # Its day too in UTC: 00:01+01:00 on the 14th is 23:01 on the 13th.
            moment = moment.astimezone(UTC).replace(tzinfo=None)
            day = moment.date().isoformat()
    return day, moment


def _order_key(value: str | None) -> tuple:
    found = when(value)
    if found is None:
        return (True, "", True, datetime.min)
    day, moment = found
    return (False, day, moment is None, moment or datetime.min)


def column_order(alignment: Alignment) -> tuple[tuple[int, ...], bool]:
    """The outlets' columns: by date, and on one day by time where the
    dates carry one (undated ones last, in their given order)."""
    arts = alignment.articles
    dates = [getattr(a, "date", None) for a in arts]
    if not any(dates):
        return tuple(range(len(arts))), False
    order = sorted(range(len(arts)), key=lambda i: (*_order_key(dates[i]), i))
    return tuple(order), True


def first_carriers(dates: dict[int, str | None]) -> set[int]:
    """Of the outlets carrying a passage (article -> its date), those that
    carried it first: none unless every one is dated (an undated one may be
    earlier); of those dated the earliest day, the earliest time where their
    dates carry one (14:10 before 19:25), and any whose date has no time
    (it may be earlier)."""
    found = {a: when(d) for a, d in dates.items()}
    if not found or any(w is None for w in found.values()):
        return set()
    day = min(w[0] for w in found.values())
    that_day = {a: w[1] for a, w in found.items() if w[0] == day}
    times = [t for t in that_day.values() if t is not None]
    earliest = min(times) if times else None
    return {a for a, t in that_day.items() if t is None or t == earliest}


def group_row(alignment: Alignment, group: Group) -> Row:
    ref = reference_index(group)
    norms = [_norm(p.text) for p in group.passages]
    # Word for word: the same as at least one other version (a version alone
    # in its wording is a variant, even the one the others are compared with).
    shared = Counter(norms)
    by_article: dict[int, list[int]] = {}
    for k, p in enumerate(group.passages):
        by_article.setdefault(p.article, []).append(k)
    firsts = first_carriers({a: getattr(alignment.articles[a], "date", None) for a in by_article})
    cells: dict[int, Cell] = {}
    for a, ks in by_article.items():
        same = any(shared[norms[k]] >= 2 for k in ks)
        cells[a] = Cell(
            "verbatim" if same else "variant",
            max(group.passages[k].similarity for k in ks),
            any(group.passages[k].quoted for k in ks),
            a in firsts,
            tuple(ks),
        )
    reference = group.passages[ref]
    return Row(
        group,
        one_line(as_read(alignment.articles[reference.article], reference)[0]),  # (a Markdown article's, no **)
        speaker_of(group),
        tuple(group.flags),
        cells,
        len(by_article),
    )


_WORD_RE = re.compile(r"[^\W\d_]{4,}")
# Words too common to tell two paragraphs of a story apart.
_COMMON = frozenset(
    """
    said says that with from have been were this they their them which would about after also will more than when
    what there these those into over some such just only other could should while where being does into
    """.split()
)
#: A paragraph reads like another when it shares this many of its words with it, and this part of them.
ECHO_WORDS, ECHO_PART = 6, 0.5


class _Paragraphs:
    """Every article's paragraphs of prose as sets of their words, indexed
    by word, to find the paragraph of another outlet of the same story (one
    it shares a passage group with) that one reads like."""

    def __init__(self, alignment: Alignment) -> None:
        self.owner: list[int] = []
        self.index: dict[str, list[int]] = {}
        # The articles each one shares a passage group with: the same story (another
        # story in the same corpus may share words, not statements).
        self.related: dict[int, set[int]] = {}
        for group in alignment.groups:
            carriers = {p.article for p in group.passages}
            for a in carriers:
                self.related.setdefault(a, set()).update(carriers - {a})
        for a, art in enumerate(alignment.articles):
            for start, end, kind in joined_lines(art):
                if kind != "body":
                    continue
                for word in _words(art.text[start:end]):
                    self.index.setdefault(word, []).append(len(self.owner))
                self.owner.append(a)

    def echo(self, article: int, text: str) -> int | None:
        """The other article whose paragraph ``text`` reads most like, if one does."""
        words = _words(text)
        if len(words) < ECHO_WORDS:
            return None
        related = self.related.get(article, set())
        shared: Counter[int] = Counter()
        for word in words:
            shared.update(self.index.get(word, ()))
        best = max(
            ((n, paragraph) for paragraph, n in shared.items() if self.owner[paragraph] in related),
            default=(0, -1),
        )
        if best[0] >= ECHO_WORDS and best[0] >= ECHO_PART * len(words):
            return self.owner[best[1]]
        return None


def _words(text: str) -> set[str]:
    return {w for w in _WORD_RE.findall(text.casefold()) if w not in _COMMON}


def only_here(
    alignment: Alignment, article: int, min_words: int | None = None, paragraphs: _Paragraphs | None = None
) -> tuple[OnlyHere, ...]:
    """The article's paragraphs of prose that no aligned passage touches,
    nor a repeat of one (a pull-quote: :attr:`Group.repeats`), a
    hard-wrapped paragraph's lines as one (:func:`.reading.flow.joined_lines`),
    each with the outlet whose paragraph it reads like, if one does (see
    :attr:`OnlyHere.echo`)."""
    art = alignment.articles[article]
    least = min_words if min_words is not None else max(3, alignment.options.min_words)
    repeats = [(r.start, r.end) for g in alignment.groups for r in g.repeats if r.article == article]
    covered = sorted([(p.start, p.end) for p, _ in alignment.passages_in(article)] + repeats)
    out = []
    k = 0
    metadata = {start for start, _end in art.metadata}  # bylines and date lines: no paragraph of prose
    for start, end, kind in joined_lines(art):
        if kind != "body" or start in metadata:
            continue
        text = art.text[start:end]
        if len(text.split()) < least:
            continue
        while k < len(covered) and covered[k][1] <= start:
            k += 1
        if k < len(covered) and covered[k][0] < end:
            continue
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        if paragraphs is None:
            paragraphs = _Paragraphs(alignment)
        place = Place(article, start + lead, start + lead + len(stripped))
        out.append(OnlyHere(place, one_line(stripped), paragraphs.echo(article, stripped)))
    return tuple(out)


def own_counts(alignment: Alignment) -> dict[int, int]:
    """Per article, how many paragraphs of its own no other outlet carries,
    even reworded (see :func:`only_here`)."""
    paragraphs = _Paragraphs(alignment)
    return {
        a: sum(1 for item in only_here(alignment, a, paragraphs=paragraphs) if item.own)
        for a in range(len(alignment.articles))
    }


def coverage(alignment: Alignment) -> Coverage:
    columns, dated = column_order(alignment)
    rows = tuple(group_row(alignment, g) for g in alignment.groups)
    paragraphs = _Paragraphs(alignment)
    mine = {a: only_here(alignment, a, paragraphs=paragraphs) for a in range(len(alignment.articles))}
    return Coverage(columns, rows, mine, dated)


def cell_text(cell: Cell | None, dated: bool = False) -> str:
    """A cell as plain text (the Markdown report): ● word for word, ◐ and
    its similarity for a variant, · absent; ❝ a direct quote; ¹ first seen."""
    if cell is None or cell.status == "absent":
        return "·"
    mark = "●" if cell.status == "verbatim" else f"◐ {shown_similarity(cell.similarity)}"
    return ("❝ " if cell.quoted else "") + mark + (" ¹" if cell.first and dated else "")
