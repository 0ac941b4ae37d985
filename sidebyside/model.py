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

#: The highlights kept: group id -> note ("" when there is none).
Kept = dict[str, str]


class Place(NamedTuple):
    """A span of one article: its index and character offsets, half open."""

    article: int
    start: int
    end: int


def overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    """How many characters two half-open spans share (0 when apart)."""
    return max(0, min(e1, e2) - max(s1, s2))


@dataclass(frozen=True)
class Passage:
    article: int  # index into Alignment.articles
    start: int  # character offsets into that article's text
    end: int
    text: str  # == articles[article].text[start:end]
    similarity: float  # 0–100: mean similarity to the group's versions in other articles

    @property
    def place(self) -> Place:
        return Place(self.article, self.start, self.end)


@dataclass(frozen=True)
class Group:
    id: str
    kind: Kind  # "verbatim": every version the same once case and punctuation are folded
    quote: bool  # some version stands inside quotation marks
    passages: tuple[Passage, ...]

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
