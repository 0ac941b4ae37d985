"""Web pages: the article text and metadata of a saved or fetched news page.

The main text is extracted by trafilatura (the maintained extractor of news
pages' text and metadata: it drops navigation, related links, promos, cookie
banners, comments, scripts and meta descriptions, and reads JSON-LD, Open
Graph and ``<title>``).  An article made from a page has, as its text, the
headline on the first line and then the paragraphs, one blank line between
them; offsets index that text, and the article's ``sha256`` is of it.

trafilatura is imported on the first page read, so opening ``.txt`` files
never pays for it.
"""

from __future__ import annotations

import codecs
import html as html_module
import logging
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .articles import Article, FolderMetadata

# Fewer words of prose (paragraphs of PROSE_WORDS words or more) than this is
# not an article: an empty body, a page of links and section names.
MIN_WORDS = 25
PROSE_WORDS = 10

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TITLE_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+(?:\||–|—|-|::|·|•)\s+(?P<site>[^|–—·•]{2,60})$")
_WORD = re.compile(r"\w+")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_lock = threading.Lock()
_config: Any = None


def charset_of(data: bytes, declared: str | None = None) -> str:
    """The encoding of a page's bytes: the HTTP header's charset, else a byte
    order mark, else the page's own ``<meta charset>``, else UTF-8 when the
    bytes are UTF-8, else Windows-1252 (what browsers assume)."""
    for candidate in (declared, _bom(data), _meta_charset(data)):
        if candidate and _known(candidate):
            return codecs.lookup(candidate).name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _bom(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", "replace") if m else None


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def decode_page(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(html, encoding) of a page's bytes; undecodable bytes are replaced."""
    encoding = charset_of(data, declared)
    if encoding in ("latin-1", "iso8859-1", "ascii"):
        encoding = "cp1252"  # as browsers read pages that say Latin-1
    return data.decode(encoding, errors="replace"), encoding


def _trafilatura_config() -> Any:
    global _config
    with _lock:
        if _config is None:
            from trafilatura.settings import use_config

            # trafilatura logs what it discards as warnings; a reader gets one
            # line per bad page from us instead.
            for name in ("trafilatura", "htmldate", "courlan", "justext"):
                logging.getLogger(name).setLevel(logging.CRITICAL)
            config = use_config()
            # Its timeout uses signal.alarm, which only works in the main
            # thread; pages are extracted in worker threads.
            config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
            _config = config
        return _config


def warm_up() -> None:
    """Import trafilatura and make its settings (a few tenths of a second),
    so the first page read does not pay for it."""
    import trafilatura  # noqa: F401

    _trafilatura_config()


def _clean(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _author(found: str | None) -> str | None:
    """The page's author as trafilatura reads it, without the section names
    it takes from a byline ("Sok Chanthy | Culture & Heritage" is read
    "Sok Chanthy; Culture; Heritage"): a part of one word is left out when
    another part names someone in two words or more."""
    if not found:
        return None
    parts = [part for part in map(_clean, found.split(";")) if part]
    if any(len(part.split()) >= 2 for part in parts):
        parts = [part for part in parts if len(part.split()) >= 2]
    return "; ".join(parts) or None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    netloc = urlsplit(url).netloc.lower()
    return netloc.removeprefix("www.") or None


def split_title(title: str | None, sitename: str | None) -> tuple[str | None, str | None]:
    """A ``<title>``'s headline and site name: "Headline | Site News" ->
    ("Headline", "Site News") when the suffix is the site's name (or no site
    name is known)."""
    if not title:
        return None, sitename
    title = _clean(title)
    m = _TITLE_SUFFIX.match(title)
    if m:
        site = m.group("site").strip()
        if sitename is None or site.casefold() == sitename.casefold():
            return m.group("title").strip(), sitename or site
    return title, sitename


def extract(html: str, url: str | None = None) -> dict[str, str | None] | None:
    """The article of a page: ``text`` (paragraphs, one a line), ``title``,
    ``outlet``, ``author`` and ``date`` (ISO), or None when the page has no
    article text."""
    from trafilatura import bare_extraction

    doc = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_trafilatura_config(),
    )
    if doc is None or not getattr(doc, "text", None):
        return None
    sitename = doc.sitename and _clean(doc.sitename)
    host = _host(url)
    if sitename and host and sitename.casefold() in (host, f"www.{host}", doc.hostname or ""):
        sitename = None  # trafilatura's stand-in: the host, not a name the page gives
    title, outlet = split_title(doc.title, sitename)
    if outlet is None:  # the site's name as the suffix of <title>: "Headline – The Kyiv Ledger"
        m = _TITLE_TAG.search(html[:65536])
        if m:
            _, outlet = split_title(html_module.unescape(m.group(1)), None)
    if outlet is None and host:
        outlet = host
    paragraphs = [p for p in (_clean(line) for line in doc.text.splitlines()) if p]
    if title:  # the headline, given first (or after a section's name: "Men's First Team"), is the title's
        repeated = [k for k, p in enumerate(paragraphs[:3]) if p.casefold() == title.casefold()]
        if repeated:
            del paragraphs[repeated[0]]
    return {
        "text": "\n".join(paragraphs),
        "title": title,
        "outlet": outlet,
        "author": _author(doc.author),
        "date": doc.date or None,
    }


def prose_words(paragraphs: str) -> int:
    """Words in the paragraphs long enough to be prose (not links, section
    names or headings)."""
    counts = (len(_WORD.findall(p)) for p in paragraphs.splitlines())
    return sum(n for n in counts if n >= PROSE_WORDS)


def page_text(title: str | None, paragraphs: str) -> str:
    """The article text of a page: the headline, a blank line, then the
    paragraphs with a blank line between them."""
    body = "\n\n".join(p for p in paragraphs.splitlines() if p)
    return f"{title}\n\n{body}\n" if title else f"{body}\n"


def article_from_html(
    path: Path,
    data: bytes,
    metadata: FolderMetadata | None = None,
    *,
    url: str | None = None,
    charset: str | None = None,
) -> Article:
    """The article of a page's bytes (saved at ``path``, fetched from ``url``
    when given, ``charset`` from the HTTP header); raises InputError when the
    page holds no article text."""
    from .articles import InputError, article_from_text

    source = url or str(path)
    html, encoding = decode_page(data, charset)
    if not html.strip():
        raise InputError(f"{source}: empty page")
    try:
        found = extract(html, url)
    except Exception as exc:  # a page trafilatura cannot parse is one line, not a traceback
        raise InputError(f"{source}: not a readable web page ({type(exc).__name__})") from None
    if found is None or not found["text"]:
        raise InputError(f"{source}: no article text found in the page")
    if prose_words(found["text"]) < MIN_WORDS:
        raise InputError(f"{source}: no article text found in the page (only links, headings or navigation)")
    text = page_text(found["title"], found["text"] or "")
    known = {k: found[k] for k in ("title", "outlet", "author", "date")}
    return article_from_text(path, text, metadata, encoding=encoding, known=known, url=url)
