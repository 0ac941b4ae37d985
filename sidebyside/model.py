"""The result model: what aligning produces and what everything after it
(saving, exporting, the app) reads.

* :class:`Passage` — one version of a passage: a character span of one
  article, with its text and its similarity to the group's other versions.
* :class:`Group` — every version of one passage across the articles.
* :class:`Alignment` — the articles and their groups, with an index built
  once so that an article's passages are a lookup, not a scan.
* :class:`Place` — a span of one article that is not (yet) a passage version:
  a search match, a selection, the version the reader is on.
* :data:`Kept` — the highlights a reader keeps: group id -> note.

Invariants: ``Passage.text == articles[passage.article].text[start:end]``;
similarities are on one scale, 0–100, everywhere in the model; a group's
passages are sorted by article index, then start.  The types are frozen.
Nothing here imports the aligner, so the saving layer and the app can name a
passage without loading the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal, NamedTuple

from .aligning.options import AlignOptions

if TYPE_CHECKING:
    from .reading.articles import Article

Kind = Literal["verbatim", "variant"]

#: How two versions of a passage differ (see :mod:`sidebyside.aligning.facts`).
ChangeKind = Literal[
    "number", "name", "date", "negation", "attribution", "quote-paraphrase", "quote-changed", "legal-status",
    "hedge", "spelling", "added", "dropped", "other",
]
#: The kinds a reader must check, in the order they are listed: a group
#: carries a flag for each of them among its changes.
MATERIAL: tuple[ChangeKind, ...] = (
    "attribution", "quote-paraphrase", "quote-changed", "number", "name", "date", "negation", "legal-status",
    "hedge", "spelling",
)

#: The highlights kept: group id -> note ("" when there is none).
Kept = dict[str, str]


class Place(NamedTuple):
    """A span of one article: its index and character offsets, half open."""

    article: int
    start: int
    end: int


def overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    """How many characters two half-open spans share (0 when apart)."""
    # max(0, min(e1, e2) - max(s1, s2)), without three calls (a hot path of grouping)
    start = s1 if s1 > s2 else s2
    end = e1 if e1 < e2 else e2
    return end - start if end > start else 0


@dataclass(frozen=True)
class Change:
    """One difference between a version and the group's most common wording."""

    kind: ChangeKind
    passage: int  # index into the group's passages: the version that differs
    reference: int  # the version it is compared with
    before: str  # the words as the reference has them ("" when added)
    after: str  # the words as this version has them ("" when dropped)
    span: tuple[int, int] | None = None  # where ``after`` is, offsets into the version's text
    ref_span: tuple[int, int] | None = None  # where ``before`` is in the reference's text

    @property
    def material(self) -> bool:
        return self.kind in MATERIAL


@dataclass(frozen=True)
class Passage:
    article: int  # index into Alignment.articles
    start: int  # character offsets into that article's text
    end: int
    text: str  # == articles[article].text[start:end]
    similarity: float  # 0–100: mean similarity to the group's versions in other articles
    quoted: bool = False  # a direct quote in its own article (or carries one)
    speaker: str | None = None  # whom its article attributes it (its first quote) to ("Lavrov"), if it says
    # Everyone its sentences are attributed to, in order: several when it runs
    # over statements by different people ("Nunez", "Djokovic").
    speakers: tuple[str, ...] = ()

    @property
    def place(self) -> Place:
        return Place(self.article, self.start, self.end)

    @property
    def said_by(self) -> str | None:
        """Who said it, as shown: every speaker of its sentences when they
        are several ("Nunez; Djokovic"), else its speaker."""
        return "; ".join(self.speakers) if len(self.speakers) > 1 else self.speaker


@dataclass(frozen=True)
class Group:
    id: str
    kind: Kind  # "verbatim": every version the same once case and punctuation are folded
    quote: bool  # some version stands inside quotation marks
    passages: tuple[Passage, ...]
    changes: tuple[Change, ...] = ()  # how the versions differ from the most common wording
    # Stretches repeating a version inside its own article (a pull-quote, a
    # headline repeated as standfirst); similarity as for the link that found it.
    repeats: tuple[Passage, ...] = ()

    @property
    def flags(self) -> tuple[ChangeKind, ...]:
        """The material kinds among the changes, in :data:`MATERIAL` order."""
        kinds = {c.kind for c in self.changes}
        return tuple(k for k in MATERIAL if k in kinds)

    @property
    def similarity(self) -> float:
        return min(p.similarity for p in self.passages)

    @property
    def article_indexes(self) -> tuple[int, ...]:
        return tuple(sorted({p.article for p in self.passages}))


@dataclass(frozen=True)
class Alignment:
    articles: tuple[Article, ...]
    groups: tuple[Group, ...]
    options: AlignOptions = field(default_factory=AlignOptions)

    @cached_property
    def _by_id(self) -> dict[str, Group]:
        return {g.id: g for g in self.groups}

    @cached_property
    def _by_article(self) -> dict[int, tuple[tuple[Passage, Group], ...]]:
        found: dict[int, list[tuple[Passage, Group]]] = {}
        for g in self.groups:
            for p in g.passages:
                found.setdefault(p.article, []).append((p, g))
        return {a: tuple(sorted(pg, key=lambda x: (x[0].start, x[0].end))) for a, pg in found.items()}

    def group(self, group_id: str) -> Group:
        try:
            return self._by_id[group_id]
        except KeyError:
            raise KeyError(group_id) from None

    def passages_in(self, article: int) -> tuple[tuple[Passage, Group], ...]:
        """Every passage of one article with its group, in reading order."""
        return self._by_article.get(article, ())
