"""How a set of articles is presented: their order, labels that tell them
apart, and what a reader should know about the set (two articles with the
same text).  Pure functions; the command line applies them once, for the app
and for ``align`` alike.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from .articles import Article

ORDERS = ("date", "path", "outlet")
DEFAULT_ORDER = "date"


def order_articles(articles: Sequence[Article], order: str = DEFAULT_ORDER) -> list[Article]:
    """The articles in the order the panes show them:

    - ``date``: oldest first, when at least two articles have a date (the
      undated ones after them, in the order given); otherwise as given;
    - ``path``: by path (URLs by URL);
    - ``outlet``: by outlet label, case folded (then by path).

    The sort is stable: ties keep the order given."""
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}; one of {', '.join(ORDERS)}")
    items = list(articles)
    if order == "date":
        if sum(1 for a in items if a.date) < 2:
            return items
        return sorted(items, key=lambda a: _when(a.date))
    if order == "path":
        return sorted(items, key=lambda a: a.source)
    return sorted(items, key=lambda a: ((a.outlet or a.path.stem).casefold(), a.source))


def _when(value: str | None) -> tuple:
    """An article's date as it orders: undated last; by day, then on one day
    by its time where it carries one (a time with a zone taken in UTC), a
    day without a time after the times, as the overview's columns are."""
    if not value:
        return (True, "", True, datetime.min)
    day, moment = value[:10], None
    if len(value) > 10:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
            day = moment.date().isoformat()  # (the day in UTC too: "00:01+01:00" on the 14th is the 13th)
    return (False, day, moment is None, moment or datetime.min)


def _distinguishing_names(paths: Sequence[Path]) -> list[str]:
    """Names for ``paths`` that differ: the file name, or as many parent
    folders as it takes."""
    for depth in range(1, 6):
        names = ["/".join(p.parts[-depth:]) for p in paths]
        if len(set(names)) == len(names):
            return names
    return [str(p) for p in paths]


def distinct_labels(articles: Sequence[Article]) -> list[str]:
    """Each article's label, told apart from the others: when two articles
    share a label ("Press TV" twice), each of them gets its file name added
    ("Press TV (press-tv.txt)", "Press TV (press-tv-copy.txt)"), with
    parent folders when the file names are the same too."""
    return [
        f"{a.outlet or a.path.stem} ({tag})" if tag else (a.outlet or a.path.stem)
        for a, tag in zip(articles, _tags(articles))
    ]


def _tags(articles: Sequence[Article]) -> list[str | None]:
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        by_label[(a.outlet or a.path.stem).casefold()].append(i)
    tags: list[str | None] = [None] * len(articles)
    for indexes in by_label.values():
        if len(indexes) < 2:
            continue
        names = _distinguishing_names([articles[i].path for i in indexes])
        for i, name in zip(indexes, names):
            tags[i] = name
    return tags


def tell_apart(articles: Sequence[Article]) -> list[Article]:
    """The articles, those sharing a label tagged with their file names so
    their :attr:`~.Article.label` differs (see :func:`distinct_labels`)."""
    return [replace(a, tag=tag) if tag != a.tag else a for a, tag in zip(articles, _tags(articles))]


def _body(article: Article) -> str:
    return "\n".join(article.text[ln.start : ln.end] for ln in article.lines if ln.kind != "header")


_FIRST_WORDS = 50


def same_text_notes(articles: Sequence[Article]) -> list[str]:
    """A note for each set of articles with the same text: every passage of
    theirs aligns word for word, which says nothing about how they differ."""
    # Texts whose first words differ are not the same: only articles that
    # share their first words are compared whole (splitting every text into
    # words took a tenth of the time of reading the articles).
    by_start: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        by_start[tuple(_body(a).split(None, _FIRST_WORDS)[:_FIRST_WORDS])].append(i)
    alike = {i for group in by_start.values() if len(group) > 1 for i in group}
    by_text: dict[str | int, list[Article]] = defaultdict(list)
    for i, a in enumerate(articles):
        key = hashlib.sha256(" ".join(_body(a).split()).encode("utf-8")).hexdigest() if i in alike else i
        by_text[key].append(a)
    notes = []
    for group in by_text.values():
        if len(group) < 2:
            continue
        names = _distinguishing_names([a.path for a in group])
        shown = [a.url or name for a, name in zip(group, names)]
        listed = ", ".join(shown[:-1]) + f" and {shown[-1]}"
        both = "both" if len(group) == 2 else f"all {len(group)}"
        notes.append(f"{listed} have the same text: every passage aligns word for word ({both} shown)")
    return notes


def arrange(articles: Sequence[Article], order: str = DEFAULT_ORDER) -> tuple[list[Article], list[str]]:
    """The articles ordered and told apart, and notes about the set."""
    ordered = tell_apart(order_articles(articles, order))
    return ordered, same_text_notes(ordered)
