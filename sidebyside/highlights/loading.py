"""Reopening a highlights file: :func:`load` reads and checks it and finds
every saved passage in the current articles; what cannot be found is listed
in :attr:`Loaded.missing`, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Passage
from ..reading.articles import Article
from ..text import one_line, plural
from .anchoring import find_span, match_articles, saved_label
from .fileformat import FILE_TYPE, read_file


@dataclass(frozen=True)
class SavedGroup:
    """One saved group as found again in the current articles."""

    id: str  # its id when it was saved (ids can differ in a new alignment)
    kind: str  # "verbatim" | "variant", as saved
    quote: bool
    note: str
    passages: tuple[Passage, ...]  # article indexes into Loaded.articles; current offsets; never empty
    #: False for a group of a file with no kept marks (``sidebyside align
    #: --format json``): it opens as a group, not as a highlight.
    kept: bool = True


@dataclass(frozen=True)
class Missing:
    """A saved passage that is not in the current articles."""

    group_id: str  # the saved group's id (then: it may name another group now; not shown)
    article: str  # the article's outlet (or file name) as saved
    text: str  # the passage's saved text
    reason: str  # why: the article is not open / its text changed and this passage is gone
    note: str = ""  # the group's note, so it is not lost from view

    def message(self) -> str:
        """One line for the reader: the outlet and the saved text, never
        the saved group id (after a change, that id may be another group's)."""
        quote = one_line(self.text, 70)
        return f"{self.article}: “{quote}” {self.reason}"


@dataclass(frozen=True)
class Loaded:
    """A highlights file, read and found again in the current articles."""

    path: Path
    articles: tuple[Article, ...]  # the current articles it was matched to
    groups: tuple[SavedGroup, ...]  # kept groups with at least one passage found
    missing: tuple[Missing, ...]  # saved passages not found (whole groups included)
    changed: tuple[str, ...]  # labels of articles whose content changed since saving
    not_open: tuple[str, ...]  # labels of saved articles that are not among the current ones
    saved_at: str | None
    #: Whether the file marks which groups are kept (a highlights file does;
    #: ``align --format json`` output does not, and none of its groups is).
    marks: bool = True

    def passages_found(self) -> int:
        """Saved passages found in the current articles."""
        return sum(len(g.passages) for g in self.groups)

    def for_other_articles(self) -> bool:
        """Whether the file was saved with other articles than these: some of
        its articles are not open and most of its passages are not found (a
        file name two corpora share, ``wire.txt``, is no reason to read it
        as this corpus's highlights on changed articles)."""
        return bool(self.not_open) and self.passages_found() < len(self.missing)

    def summary(self) -> str:
        """What reopening found that the reader must know, in one line (or
        "" for nothing): the file belongs to other articles, or how many
        saved passages were not found and which articles changed."""
        name = self.path.name
        if self.for_other_articles():
            found = self.passages_found()
            total = plural(found + len(self.missing), "passage")
            return f"{name} belongs to other articles: {found} of its {total} found in these"
        parts = []
        if self.missing:
            parts.append(f"{plural(len(self.missing), 'saved passage')} not found")
        if self.changed:
            parts.append(f"articles changed since saving: {', '.join(self.changed)}")
        if self.not_open and not self.missing:
            parts.append(f"saved with {plural(len(self.not_open), 'article')} not open")
        return f"{name}: {'; '.join(parts)} (? in the app lists them)" if parts else ""

    def messages(self) -> list[str]:
        """One-line messages for the reader: changed and missing articles,
        and every passage that could not be found."""
        out = []
        if self.changed and not self.for_other_articles():  # (another story's file of the same name is no change)
            out.append(
                f"{self.path.name}: articles changed since these highlights were saved: "
                f"{', '.join(self.changed)}; their passages were looked for again"
            )
        if self.not_open:
            out.append(f"{self.path.name}: saved with articles that are not open: {', '.join(self.not_open)}")
        out.extend(f"{self.path.name}: not found: {m.message()}" for m in self.missing)
        return out


def load(path: str | Path, articles: Sequence[Article]) -> Loaded:
    """Read the highlights saved in ``path`` (a ``.json`` file written by
    :func:`save` or by ``sidebyside align --format json``) and find them in
    ``articles``.

    Saved articles are matched to ``articles`` by content hash, then by path
    (relative to the file, then as saved), then by file name.  A passage in
    an unchanged article keeps its offsets; in a changed article it is found
    again with :func:`find_span`.  Passages that cannot be found, or whose
    article is not open, are in :attr:`Loaded.missing`.

    Raises :class:`HighlightsError` (one line naming the file) for a
    missing, unreadable, corrupt or foreign file, a newer format, or a
    Markdown/CSV export; the file is never written to.
    """
    path = Path(path).expanduser()
    data = read_file(path)
    articles = tuple(articles)
    saved_articles = data["articles"]
    mapping = match_articles(saved_articles, articles, path.parent)
    changed = tuple(
        articles[j].label for i, j in sorted(mapping.items()) if articles[j].sha256 != saved_articles[i]["sha256"]
    )
    not_open = tuple(saved_label(rec) for i, rec in enumerate(saved_articles) if i not in mapping)
    groups: list[SavedGroup] = []
    missing: list[Missing] = []
    # A file with no kept marks at all is an alignment, not highlights: its
    # groups open, none of them kept.
    marks = data.get("type") == FILE_TYPE or any("kept" in record for record in data["groups"])
    for record in data["groups"]:
        if record.get("kept") is False:
            continue
        note = record.get("note") or ""
        found: list[Passage] = []
        for p in record["passages"]:
            passage = _find_passage(p, articles, mapping.get(p["article"]))
            if isinstance(passage, Passage):
                found.append(passage)
                continue
            if passage is None:
                label, reason = saved_label(saved_articles[p["article"]]), "(its article is not open)"
            else:
                label, reason = articles[passage].label, f"(no longer in {articles[passage].path.name})"
            missing.append(Missing(record["id"], label, p["text"], reason, note))
        if found:
            found.sort(key=lambda q: (q.article, q.start, q.end))
            groups.append(
                SavedGroup(
                    record["id"],
                    record.get("kind") or "variant",
                    bool(record.get("quote")),
                    note,
                    tuple(found),
                    kept=marks,
                )
            )
    return Loaded(
        path=path,
        articles=articles,
        groups=tuple(groups),
        missing=tuple(missing),
        changed=changed,
        not_open=not_open,
        saved_at=data.get("saved_at"),
        marks=marks,
    )


def _find_passage(p: dict, articles: Sequence[Article], j: int | None) -> Passage | int | None:
    """A saved passage found in the current article ``j``: the passage, or
    ``j`` when its text is no longer there, or None when its article is not
    open."""
    if j is None:
        return None
    text = articles[j].text
    start, end = p["start"], p["end"]
    if text[start:end] != p["text"]:
        span = find_span(text, p["text"], start)
        if span is None:
            return j
        start, end = span[0], span[1]
    similarity = p.get("similarity")
    return Passage(
        j,
        start,
        end,
        text[start:end],
        float(similarity) if similarity is not None else 100.0,
        # schema version 2 facts (version 1 files have none)
        quoted=p.get("quoted") is True,
        speaker=p["speaker"] if isinstance(p.get("speaker"), str) else None,
        speakers=_names(p.get("speakers")),
    )


def _names(value: object) -> tuple[str, ...]:
    """A saved list of speakers' names (none in files saved before there was one)."""
    return tuple(s for s in value if isinstance(s, str)) if isinstance(value, list) else ()


def saved_paths(path: str | Path) -> tuple[list[str], list[str]]:
    """The article files a highlights file was saved with, for opening them
    when no articles are named: each found by its path relative to the file
    first (a shared or moved folder), then by its path as saved.  Returns
    (the paths found, the labels of those not found).  Raises
    :class:`HighlightsError` as :func:`load` does."""
    path = Path(path).expanduser().absolute()
    found: list[str] = []
    lost: list[str] = []
    for rec in read_file(path)["articles"]:
        places = []
        if rec.get("relative_path"):
            places.append(path.parent / rec["relative_path"])
        places.append(Path(rec["path"]).expanduser())
        for place in places:
            try:
                if place.is_file():
                    found.append(str(place.resolve()))
                    break
            except OSError:
                continue
        else:
            lost.append(saved_label(rec))
    return found, lost
