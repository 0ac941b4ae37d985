"""Where highlights files go: one default file per corpus in the user data
folder, named ``<slug>-<key>.json``.

A corpus's file is found by its articles' paths first (so a folder whose
articles were edited finds its file again), and only when no file was
saved for these paths, by their content (:func:`corpus_key`): the folder
was moved or renamed, or this is a copy of it.  A copy never saves into
the other copy's file: it reopens the highlights from it once, and saves
to a file of its own.  A folder that was moved (none of the saved paths is
there any more) takes its file along.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

import platformdirs

from ..reading.articles import Article


def highlights_dir() -> Path:
    """The folder of the default highlights files (the user data folder)."""
    return platformdirs.user_data_path("sidebyside") / "highlights"


def corpus_key(articles: Sequence[Article]) -> str:
    """A short stable key of a set of articles: the same files (by content)
    give the same key, whatever order they are given in or where they are."""
    digest = sha256("\n".join(sorted(a.sha256 for a in articles)).encode("ascii"))
    return digest.hexdigest()[:12]


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")


def corpus_slug(articles: Sequence[Article]) -> str:
    """A readable name for a set of articles: their folder's name when they
    share one, else the first file's name."""
    folders = {a.path.parent.name for a in articles}
    if len(folders) == 1:
        slug = _slug(folders.pop())
    else:
        slug = _slug(min(articles, key=lambda a: str(a.path)).path.stem) if articles else ""
    return slug or "corpus"


def _saved_articles(path: Path) -> tuple[frozenset[str], frozenset[str]] | None:
    """The article paths and content hashes a highlights file was saved
    for, or None if it cannot be read as one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        records = data["articles"]
        return (
            frozenset(str(Path(a["path"])) for a in records),
            frozenset(str(a["sha256"]) for a in records),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _paths_key(paths: frozenset[str]) -> str:
    return sha256("\n".join(sorted(paths)).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class SavedPlace:
    """Where a corpus's highlights are reopened from and saved to."""

    path: Path  # where ``s`` saves them
    reopen: Path | None = None  # the file to reopen now (None: nothing saved yet)
    #: Set when ``reopen`` was saved for articles at other paths (found by
    #: their content): the folder it was saved for.
    other_folder: Path | None = None
    moved: bool = False  # … and that folder is gone: this one took its file over


def find_saved(articles: Sequence[Article]) -> SavedPlace:
    """Find the highlights saved for these articles (see the module doc).
    Nothing is created or written."""
    folder = highlights_dir()
    key = corpus_key(articles)
    here = frozenset(str(a.path) for a in articles)
    shas = frozenset(a.sha256 for a in articles)
    own = folder / f"{corpus_slug(articles)}-{key}.json"
    if not folder.is_dir():
        return SavedPlace(own)
    by_content: list[tuple[Path, frozenset[str]]] = []
    for candidate in sorted(folder.glob("*.json")):
        if not candidate.is_file():
            continue
        saved = _saved_articles(candidate)
        if saved is None:
            continue
        paths, hashes = saved
        if paths == here:
            return SavedPlace(candidate, candidate)
        if hashes == shas:
            by_content.append((candidate, paths))
    if own.exists():
        if _saved_articles(own) is None:
            # Damaged, or not a highlights file: reopening it says so, and
            # saving over it asks first.
            return SavedPlace(own, own)
        # Another copy's file: this copy gets a file of its own.
        own = folder / f"{corpus_slug(articles)}-{key}-{_paths_key(here)}.json"
    if not by_content:
        return SavedPlace(own)
    # Prefer a file whose folder is gone (this one was moved there).
    by_content.sort(key=lambda found: any(Path(p).exists() for p in found[1]))
    found, paths = by_content[0]
    parents = {Path(p).parent for p in paths}
    other = parents.pop() if len(parents) == 1 else Path(os.path.commonpath(sorted(paths)))
    if not any(Path(p).exists() for p in paths):
        return SavedPlace(found, found, other, moved=True)
    return SavedPlace(own, found, other)


def default_path(articles: Sequence[Article]) -> Path:
    """Where the highlights of these articles are saved by default:
    ``<user data>/sidebyside/highlights/<slug>-<key>.json`` (the key is
    :func:`corpus_key`), or the file saved for the same article paths, or
    that of the folder this one was moved from (:func:`find_saved`).
    Nothing is created."""
    return find_saved(articles).path
