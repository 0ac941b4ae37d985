"""Where highlights files go: one default file per corpus in the user data
folder, named ``<slug>-<key>.json``, found again when the corpus folder was
renamed (same key) or its articles were edited (same article paths).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
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


def _saved_paths(path: Path) -> frozenset[str] | None:
    """The article paths a highlights file was saved for, or None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(str(Path(a["path"])) for a in data["articles"])
    except (OSError, ValueError, TypeError, KeyError):
        return None


def default_path(articles: Sequence[Article]) -> Path:
    """Where the highlights of these articles are saved by default:
    ``<user data>/sidebyside/highlights/<slug>-<key>.json``, where the key is
    :func:`corpus_key`.  The same corpus finds its file again when it was
    moved or renamed (same key under another slug) and when its articles
    were edited since (a file saved for the same article paths).  Nothing is
    created."""
    folder = highlights_dir()
    key = corpus_key(articles)
    if folder.is_dir():
        existing = sorted(p for p in folder.glob(f"*-{key}.json") if p.is_file())
        if existing:
            return existing[0]
        here = frozenset(str(a.path) for a in articles)
        for candidate in sorted(folder.glob("*.json")):
            if candidate.is_file() and _saved_paths(candidate) == here:
                return candidate
    return folder / f"{corpus_slug(articles)}-{key}.json"

