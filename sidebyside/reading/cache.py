"""The page cache: every page fetched from a URL is kept in the user cache
folder (``~/.cache/sidebyside/pages`` on Linux), keyed by its URL, so an
article opened from a URL reopens offline, with the same text (saved
highlights re-anchor to it); ``--refresh`` fetches again.

Each URL has two files: ``<key>.html``, the bytes as received, and
``<key>.json``, what the response said (URL, final URL after redirects,
content type, charset, when it was fetched).  The key is a readable slug of
the URL and a hash of it, so the page's file name shows in the app when two
articles need telling apart.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from ..atomic import atomic_write

_SLUG = re.compile(r"[^A-Za-z0-9]+")


def cache_folder() -> Path:
    """Where pages are kept: the platform's user cache folder for sidebyside."""
    return platformdirs.user_cache_path("sidebyside") / "pages"


def key(url: str) -> str:
    """The file stem a URL is kept under: host and path as a slug, then a
    hash of the whole URL (two URLs never share a file)."""
    parts = urlsplit(url)
    host = parts.hostname or "page"
    host = host.removeprefix("www.")
    slug = _SLUG.sub("-", f"{host} {parts.path}").strip("-").lower()
    if len(slug) > 60:
        slug = slug[:60].rstrip("-")
    return f"{slug}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:12]}"


@dataclass(frozen=True)
class Entry:
    url: str
    final_url: str
    content_type: str
    charset: str | None
    fetched_at: str  # UTC, ISO 8601
    path: Path  # the page's bytes

    def record(self) -> dict[str, str | None]:
        data = asdict(self)
        data.pop("path")
        return data


def lookup(url: str, folder: Path | None = None) -> Entry | None:
    """The kept copy of ``url``, or None (never kept, or unreadable)."""
    folder = folder or cache_folder()
    stem = key(url)
    page, meta = folder / f"{stem}.html", folder / f"{stem}.json"
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        if data.get("url") != url or not page.is_file():
            return None
        return Entry(
            url=url,
            final_url=str(data.get("final_url") or url),
            content_type=str(data.get("content_type") or "text/html"),
            charset=data.get("charset") or None,
            fetched_at=str(data.get("fetched_at") or ""),
            path=page,
        )
    except (OSError, ValueError, AttributeError):
        return None


def page_path(url: str, folder: Path | None = None) -> Path:
    return (folder or cache_folder()) / f"{key(url)}.html"


def store(
    url: str,
    data: bytes,
    *,
    final_url: str,
    content_type: str,
    charset: str | None,
    fetched_at: str,
    folder: Path | None = None,
) -> Entry:
    """Keep a fetched page (each file written whole, then renamed into
    place); raises OSError when the cache folder cannot be written."""
    folder = folder or cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stem = key(url)
    entry = Entry(url, final_url, content_type, charset, fetched_at, folder / f"{stem}.html")
    atomic_write(entry.path, data)
    atomic_write(folder / f"{stem}.json", json.dumps(entry.record(), indent=2) + "\n")
    return entry
