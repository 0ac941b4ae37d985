"""The overwrite guard: never lose saved work.  :func:`check_overwrite`
says, in one line, what a save would drop from the file it replaces."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rapidfuzz import fuzz

from ..aligning.tokens import normalise
from ..model import Alignment, Passage, overlap
from ..text import one_line, plural
from .anchoring import match_articles
from .fileformat import (
    EXTENSIONS,
    HighlightsError,
    Unreadable,
    kept_groups,
    notes_of,
    parse_file,
)


class WouldOverwrite(HighlightsError):
    """:func:`save` refused to replace a file without ``overwrite=True``;
    ``warning`` is what :func:`check_overwrite` said."""

    def __init__(self, warning: str) -> None:
        super().__init__(warning)
        self.warning = warning


def _same_passage(old: dict, old_sha: str, new: Passage, new_sha: str) -> bool:
    if old_sha == new_sha and overlap(old["start"], old["end"], new.start, new.end) > 0:
        return True
    a, b = normalise(old["text"]), normalise(new.text)
    if not a or not b:
        return False
    return a == b or a in b or b in a or fuzz.ratio(a, b) >= 80




def check_overwrite(path: str | Path, alignment: Alignment, kept: Mapping[str, str | None]) -> str | None:
    """Call before saving ``kept`` to ``path``: a one-line warning when the
    save would replace something the reader may want, else None.

    * a highlights JSON at ``path`` holding kept highlights that this save
      leaves out, versions of them, or notes it would blank (compared by the
      passages' articles and text, not by group ids, which can change
      between alignments);
    * a file at ``path`` that is not a sidebyside highlights file, or is
      damaged or unreadable;
    * any existing file when saving a ``.md`` or ``.csv`` export.

    Never writes anything.
    """
    path = Path(path).expanduser()
    if not path.exists() or path.is_dir():
        return None  # a folder: save() says why it cannot write there
    if EXTENSIONS.get(path.suffix.lower()) != "json":
        return f"{path} already exists; saving will replace it"
    try:
        data = parse_file(path)
    except Unreadable as exc:
        return f"{path}: {exc}; saving will replace it"
    new_groups = kept_groups(alignment, kept)
    notes = notes_of(kept)
    old_articles = data["articles"]
    mapping = match_articles(old_articles, alignment.articles, path.parent)
    lost_groups: list[str] = []
    lost_versions = 0
    lost_notes = 0
    for record in data["groups"]:
        if record.get("kept") is False:
            continue
        matched: set[str] = set()
        versions_found = 0
        for p in record["passages"]:
            j = mapping.get(p["article"])
            if j is None:
                continue
            old_sha = old_articles[p["article"]]["sha256"]
            hit = False
            for g in new_groups:
                for q in g.passages:
                    if q.article == j and _same_passage(p, old_sha, q, alignment.articles[j].sha256):
                        matched.add(g.id)
                        hit = True
            versions_found += hit
        if not matched:
            text = record["passages"][0]["text"] if record["passages"] else ""
            lost_groups.append(f"{record['id']} “{one_line(text, 40)}”")
            continue
        lost_versions += len(record["passages"]) - versions_found
        if (record.get("note") or "").strip() and not any(notes.get(gid, "").strip() for gid in matched):
            lost_notes += 1
    if not (lost_groups or lost_versions or lost_notes):
        return None
    # A file that marks no group as kept (an ``align`` export) holds groups, not highlights.
    noun = "highlight" if any(record.get("kept") for record in data["groups"]) else "group"
    parts = []
    if lost_groups:
        shown = ", ".join(lost_groups[:3]) + (f" and {len(lost_groups) - 3} more" if len(lost_groups) > 3 else "")
        parts.append(f"{plural(len(lost_groups), noun)} ({shown})")
    if lost_versions:
        parts.append(f"{plural(lost_versions, 'version')} of {'other ' if lost_groups else ''}saved {noun}s")
    if lost_notes:
        parts.append(plural(lost_notes, "note"))
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"saving would drop from {path}: {listed}"
