"""Fetching articles from URLs: concurrently, redirects followed, the charset
from the response's header or the page, a timeout for the whole response, a
size cap, and every page kept in the cache (:mod:`.cache`).

The standard library's ``urllib`` does the HTTP: it follows redirects,
speaks HTTPS with the system's certificates and needs no dependency; pages
are fetched in a small thread pool (the work is waiting on the network).

Every failure is one line naming the URL and the reason: an unreachable
host, a refused connection, an HTTP error, a timeout, a response that is not
a web page (a PDF), one over the size cap, a page with no article text.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from . import cache
from .articles import DEFAULT_MAX_SIZE, InputError, format_size, read_article

if TYPE_CHECKING:
    from .articles import Article

DEFAULT_TIMEOUT = 15.0  # seconds, for the whole response
MAX_WORKERS = 10  # the app shows up to 10 articles: all fetched at once
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
USER_AGENT = f"Mozilla/5.0 (compatible; sidebyside/{__version__}; reading news side by side)"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """Why a URL gave no page: the message is the reason, without the URL."""


class Response:
    """What a fetch returned: the body's bytes and what the headers said."""

    def __init__(self, data: bytes, final_url: str, content_type: str, charset: str | None) -> None:
        self.data = data
        self.final_url = final_url
        self.content_type = content_type
        self.charset = charset


def _seconds(value: float) -> str:
    return f"{value:g} s"


def as_uri(url: str) -> str:
    """``url`` as HTTP sends it: a non-ASCII host in IDNA, other non-ASCII
    characters and spaces percent-encoded (what a browser's address bar does)."""
    parts = urllib.parse.urlsplit(url.strip())
    host = parts.hostname or ""
    try:
        ascii_host = host.encode("idna").decode("ascii") if host and not host.isascii() else host
    except UnicodeError:
        raise FetchError(f"not a valid host name ({host})") from None
    netloc = parts.netloc.replace(host, ascii_host, 1) if host else parts.netloc
    safe = "/:@!$&'()*+,;=%~-._"
    path = urllib.parse.quote(parts.path, safe=safe)
    query = urllib.parse.quote(parts.query, safe=safe + "?")
    return urllib.parse.urlunsplit((parts.scheme, netloc, path, query, ""))


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_size: int = DEFAULT_MAX_SIZE) -> Response:
    """GET ``url``; raises :class:`FetchError` with a one-line reason."""
    request = urllib.request.Request(
        as_uri(url),
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "identity",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in HTML_TYPES:
                raise FetchError(f"not a web page (the server sent {content_type})")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_size:
                size = format_size(int(length))
                raise FetchError(f"response of {size} is over the {format_size(max_size)} size limit (--max-size)")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {_seconds(timeout)}")
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_size:
                    raise FetchError(f"response is over the {format_size(max_size)} size limit (--max-size)")
                chunks.append(chunk)
            data = _decompress(b"".join(chunks), response.headers.get("Content-Encoding", ""), max_size)
            return Response(data, response.geturl(), content_type, response.headers.get_content_charset())
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP error {exc.code} ({exc.reason})") from None
    except urllib.error.URLError as exc:
        raise FetchError(_reason(exc.reason, timeout)) from None
    except TimeoutError:
        raise FetchError(f"timed out after {_seconds(timeout)}") from None
    except http.client.HTTPException as exc:
        raise FetchError(f"bad response from the server ({type(exc).__name__})") from None
    except (OSError, ValueError) as exc:
        raise FetchError(_reason(exc, timeout)) from None


def _decompress(data: bytes, encoding: str, max_size: int) -> bytes:
    """The body as sent before compression (servers may compress though
    asked not to), never more than ``max_size`` bytes of it."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"the server sent the page compressed as {encoding!r}, which is not read")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, max_size + 1)
    except zlib.error:
        raise FetchError(f"the page does not decompress ({encoding})") from None
    if len(out) > max_size or inflater.unconsumed_tail:
        raise FetchError(f"response is over the {format_size(max_size)} size limit (--max-size)")
    return out


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out after {_seconds(timeout)}"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (nothing is listening there)"
    if isinstance(reason, socket.gaierror):
        return "host not found (no such host, or offline)"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({getattr(reason, 'reason', None) or reason})"
    if isinstance(reason, OSError):
        return f"cannot connect ({reason.strerror or reason})"
    return f"cannot fetch ({reason})"


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _when(fetched_at: str) -> str:
    """'2026-12-01T00:17:05Z' as '2026-12-01 00:17 UTC' (as kept, if not that form)."""
    if len(fetched_at) >= 16 and fetched_at[10:11] == "T" and fetched_at.endswith("Z"):
        return f"{fetched_at[:10]} {fetched_at[11:16]} UTC"
    return fetched_at


def _from_cache(url: str, entry: cache.Entry, max_size: int) -> Article:
    return read_article(entry.path, max_size=max_size, url=url, charset=entry.charset)


def fetch_article(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_size: int = DEFAULT_MAX_SIZE,
    refresh: bool = False,
    folder: Path | None = None,
) -> Article:
    """The article at ``url``: from the cache unless ``refresh``, else
    fetched (and kept).  When a refresh fails and a copy is kept, the copy
    is read and a note says so.  Raises InputError naming the URL."""
    kept = cache.lookup(url, folder)
    if kept is not None and not refresh:
        try:
            article = _from_cache(url, kept, max_size)
        except InputError:
            pass  # a damaged copy: fetch again
        else:
            # Said each time: a page edited since (a stealth edit) is what a reader may be looking for.
            note = f"{url}: read the copy fetched {_when(kept.fetched_at)} (--refresh fetches it again)"
            return _replace_notes(article, (*article.notes, note))
    try:
        response = fetch(url, timeout=timeout, max_size=max_size)
    except FetchError as exc:
        if kept is not None:
            try:
                article = _from_cache(url, kept, max_size)
            except InputError:
                pass
            else:
                note = f"{url}: could not fetch again ({exc}); read the copy fetched {kept.fetched_at}"
                return _replace_notes(article, (*article.notes, note))
        raise InputError(f"{url}: {exc}") from None
    from .pages import article_from_html

    target = cache.page_path(url, folder)
    article = article_from_html(target, response.data, url=url, charset=response.charset)
    try:
        cache.store(
            url,
            response.data,
            final_url=response.final_url,
            content_type=response.content_type,
            charset=response.charset,
            fetched_at=_now(),
            folder=folder,
        )
    except OSError as exc:
        note = f"{url}: not kept for reading offline ({target.parent}: {exc.strerror or exc})"
        article = _replace_notes(article, (*article.notes, note))
    return article


def _replace_notes(article: Article, notes: tuple[str, ...]) -> Article:
    from dataclasses import replace

    return replace(article, notes=notes)


def fetch_articles(
    urls: list[str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_size: int = DEFAULT_MAX_SIZE,
    refresh: bool = False,
    folder: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Article | InputError]:
    """Each URL's article, or the InputError saying why there is none.
    Pages are fetched concurrently; ``progress(done, total)`` is called from
    the worker threads as each URL is done (and once with (0, total))."""
    unique = list(dict.fromkeys(urls))
    results: dict[str, Article | InputError] = {}
    total = len(unique)
    if progress:
        progress(0, total)
    if not unique:
        return results

    def one(url: str) -> Article | InputError:
        try:
            return fetch_article(url, timeout=timeout, max_size=max_size, refresh=refresh, folder=folder)
        except InputError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=min(MAX_WORKERS, total), thread_name_prefix="sidebyside-fetch") as pool:
        futures = {pool.submit(one, url): url for url in unique}
        # While the pages are on their way: load the extractor here, once,
        # rather than in every worker at the same moment.
        from .pages import warm_up

        warm_up()
        for done, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            if progress:
                progress(done, total)
    return results
