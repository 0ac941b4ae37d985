"""Reading articles: files, folders, globs, web pages and URLs into texts with
character offsets.

An :class:`Article` holds its text exactly as Python reads the file in text
mode with the reported encoding (``open(path, encoding=article.encoding).read()``
gives ``article.text``), so every offset the engine reports can be checked
against the file.  Two exceptions, both said in the article's notes or
documented: a saved web page (``.html``/``.htm``) or a URL, whose text is the
article text extracted from the page (:mod:`.pages`); and a nearly-text file
whose stray control characters are shown as markers (one character for one,
so offsets do not move).  It also knows its headline, its outlet, its date
and author when anything says so, and which of its lines are page
boilerplate or the file's own metadata header.

Where titles, outlets and dates come from, first match wins:

1. a metadata file ``corpus.toml`` beside the articles
   (``[articles."file.txt"] title = … outlet = … date = …``; ``exclude = [...]``);
2. a header at the top of the file, between ``---`` lines
   (``title: …``, ``outlet: …``, ``date: …``, ``author: …``); for a page,
   its metadata (JSON-LD, Open Graph, ``<title>``);
3. the text itself: the first line that reads as a headline (else the file
   name); an outlet named in the page's own boilerplate ("Support Ukrainska
   Pravda or become our patron"), its credits or datelines ("LOS ANGELES
   (Reuters) -", "(AP) —", "— Los Angeles Times", "BBC News"); a date line
   near the top.

Only regular files are read (a FIFO, socket or device is refused at once,
never opened for a blocking read), and none over a size cap
(:data:`DEFAULT_MAX_SIZE`).
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import textmeta
from .boilerplate import Line, classify, heading_text
from .patterns import lazy

TEXT_SUFFIXES = (".txt", ".md")
PAGE_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES
METADATA_FILE = "corpus.toml"
DEFAULT_MAX_SIZE = 10 * 1024 * 1024  # bytes; --max-size changes it
# Files in a folder that describe the folder rather than report the story.
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|changelog|contributing|notice)(\..*)?$", re.IGNORECASE)
_URL_RE = re.compile(r"^https?://", re.IGNORECASE)


class InputError(Exception):
    """A path that cannot be read as articles; the message is one line that
    names the path and the problem."""


@dataclass(frozen=True)
class Article:
    path: Path  # the file read (for a URL: the page kept in the cache)
    text: str
    title: str
    outlet: str | None
    sha256: str  # of the file's bytes; of ``text`` for a page or URL (what offsets index)
    encoding: str  # what the bytes were decoded as
    lines: tuple[Line, ...] = field(repr=False)
    notes: tuple[str, ...] = ()  # things a reader should know (a legacy encoding, …)
    url: str | None = None  # where a fetched page came from
    date: str | None = None  # publication date, ISO (YYYY-MM-DD), when known
    author: str | None = None
    tag: str | None = None  # told apart from another article with the same label (its file name)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def source(self) -> str:
        """Where the article was read from: its URL, else its path."""
        return self.url or str(self.path)

    @property
    def is_page(self) -> bool:
        """A web page (a saved ``.html`` file or a URL): the text is extracted."""
        return self.url is not None or self.path.suffix.lower() in PAGE_SUFFIXES

    @property
    def label(self) -> str:
        """Short name for headers and reports: the outlet, else the file name
        (with the file name added when another article has the same label)."""
        base = self.outlet or self.path.stem
        return f"{base} ({self.tag})" if self.tag else base

    @property
    def boilerplate(self) -> tuple[tuple[int, int], ...]:
        """Spans of the page-boilerplate lines."""
        return tuple((line.start, line.end) for line in self.lines if line.kind == "boilerplate")

    @property
    def header(self) -> tuple[int, int] | None:
        """The span of the file's front-matter header (metadata, never a passage)."""
        spans = [line for line in self.lines if line.kind == "header"]
        return (spans[0].start, spans[-1].end) if spans else None

    @property
    def metadata(self) -> tuple[tuple[int, int], ...]:
        """Spans of the page-metadata lines above the first paragraph of
        prose (bylines, an outlet's name, a date line: see
        :func:`~sidebyside.reading.textmeta.is_metadata_line`) and of that
        paragraph's dateline: shown as written, never part of a passage."""
        found = []
        seen = 0
        for line in self.lines:
            if line.kind != "body":
                continue
            body = self.text[line.start : line.end]
            dateline = textmeta.dateline_end(body)
            if len(body.split()) > 12 or seen >= 8 or (dateline and body[dateline:].strip()):
                # the first paragraph of prose (or its first line, hard-wrapped), its "KYIV, March 3 (Reuters) - "
                if dateline:
                    found.append((line.start, line.start + dateline))
                break
            seen += 1
            if textmeta.is_metadata_line(body):
                found.append((line.start, line.end))
        return tuple(found)

    def line_at(self, offset: int) -> Line | None:
        lo, hi = 0, len(self.lines)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.lines[mid].end < offset:
                lo = mid + 1
            else:
                hi = mid
        return self.lines[lo] if lo < len(self.lines) else None


def is_url(value: str | Path) -> bool:
    return isinstance(value, str) and bool(_URL_RE.match(value))


def sample_corpus_path() -> Path:
    """The sample corpus: installed inside the package, or at the top of a
    source checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "sample_corpus", package.parent / "sample_corpus"):
        if candidate.is_dir():
            return candidate
    raise InputError(f"{package / 'sample_corpus'}: the sample corpus is not installed")


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


# --- decoding -----------------------------------------------------------------


# Byte-order marks of the UTF-16/32 encodings (Windows Notepad's "Unicode"),
# longest first: UTF-32-LE starts like UTF-16-LE.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters that are not text (tab, newline, vertical tab, form feed
# and carriage return are: white space); each is shown as its Unicode control
# picture (NUL as ␀).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) + b"\x7f"
_CONTROLS_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_NAMES = {0: "NUL", 0x7F: "DEL"}


def _controls(data: bytes) -> int:
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def _looks_binary(data: bytes) -> bool:
    """Mostly not text: more than 1 in 100 bytes are control characters (and
    more than 8 of them, or 1 in 10 in a tiny file).  A text with a few
    stray NULs or escapes is still text (read with markers)."""
    n = _controls(data)
    return n * 100 > len(data) and (n > 8 or n * 10 > len(data))


def _marker(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def _mark_controls(path: Path, text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with its stray control characters replaced by visible
    markers (one character each, so offsets do not move), and a note."""
    found = _CONTROLS_RE.findall(text)
    if not found:
        return text, ()
    kinds = sorted({_CONTROL_NAMES.get(ord(c), f"U+{ord(c):04X}") for c in found})
    n = len(found)
    note = (
        f"{path.name}: {n} control character{'s' if n != 1 else ''} ({', '.join(kinds[:4])}"
        f"{', …' if len(kinds) > 4 else ''}) shown as {'markers' if len(kinds) > 1 else 'a marker'} "
        f"such as {_marker(_CONTROLS_RE.search(text))}"
    )
    return _CONTROLS_RE.sub(_marker, text), (note,)


def decode(path: Path, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding, notes) for a file's bytes; raises InputError."""
    notes: tuple[str, ...] = ()
    bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        try:
            raw = data.decode(bom)
        except UnicodeDecodeError:
            raise InputError(f"{path}: not a text file (starts as {bom.upper()} but does not decode)") from None
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise InputError(f"{path}: empty file")
        text, marked = _mark_controls(path, text)
        return text, bom, marked
    if _looks_binary(data):
        raise InputError(f"{path}: not a text file (binary data)")
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
        raw = data.decode(encoding)
    else:
        try:
            encoding = "utf-8"
            raw = data.decode(encoding)
        except UnicodeDecodeError:
            try:
                encoding = "cp1252"
                raw = data.decode(encoding)
            except UnicodeDecodeError:
                encoding = "latin-1"
                raw = data.decode(encoding)
            notes = (f"{path.name}: not UTF-8, read as {encoding}",)
    # Universal newlines, as text mode reads them.
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # (not text.strip(): no copy of the text)
        raise InputError(f"{path}: empty file")
    if not _controls(data):  # (these bytes are the control characters of every encoding tried here)
        return text, encoding, notes
    text, marked = _mark_controls(path, text)
    return text, encoding, notes + marked


# --- metadata -------------------------------------------------------------------

_OUTLET_IN_TEXT = [
    lazy(r"\bsupport ([A-Z][\w.&' -]{2,40}?) or become (?:our|a) (?:patron|member|subscriber)", re.IGNORECASE),
    lazy(r"^([A-Z][\w.&' -]{1,40}?)[’']s website can (?:also )?be accessed", re.MULTILINE),
]
_GIVEN_FIELDS = ("title", "outlet", "date", "author")


@dataclass(frozen=True)
class FolderMetadata:
    exclude: frozenset[str] = frozenset()
    articles: dict[str, dict[str, str]] = field(default_factory=dict)


def read_metadata(folder: Path) -> FolderMetadata:
    meta_path = folder / METADATA_FILE
    if not meta_path.is_file():
        return FolderMetadata()
    import tomllib  # only for a folder that has the file: some 8 ms of start-up otherwise

    try:
        data = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{meta_path}: not a readable metadata file ({exc})") from None
    exclude = data.get("exclude", [])
    articles = data.get("articles", {})
    if not isinstance(exclude, list) or not isinstance(articles, dict):
        raise InputError(f"{meta_path}: 'exclude' must be a list and 'articles' a table")
    clean: dict[str, dict[str, str]] = {}
    for name, entry in articles.items():
        if isinstance(entry, dict):
            clean[name] = {k: str(v) for k, v in entry.items() if k in _GIVEN_FIELDS}
    return FolderMetadata(frozenset(map(str, exclude)), clean)


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    return textmeta.front_matter(text)


def _outlet_from_text(text: str, lines: list[Line]) -> str | None:
    for line in lines:
        if line.kind != "boilerplate":
            continue
        body = text[line.start : line.end].strip()
        for pattern in _OUTLET_IN_TEXT:
            m = pattern.search(body)
            if m:
                return m.group(1).strip()
    # not the headline: "Rishi Sunak Faces the Press" is no outlet
    stripped = [text[line.start : line.end].strip() for line in lines if line.kind not in ("header", "title")]
    return textmeta.outlet_from_credits(stripped)


def _date_of(value: str | None) -> str | None:
    if not value:
        return None
    return textmeta.parse_date(value) or None


# --- reading --------------------------------------------------------------------

_NOT_REGULAR = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _check_file(path: Path, st: os.stat_result, max_size: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        what = next((name for test, name in _NOT_REGULAR if test(st.st_mode)), "something else")
        raise InputError(f"{path}: is {what}, not a regular file; only files are read")
    if st.st_size > max_size:
        raise InputError(
            f"{path}: {format_size(st.st_size)}, over the {format_size(max_size)} size limit (--max-size to change it)"
        )


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes; anything
    else (a FIFO, device, socket, folder, a file too large) is an
    :class:`InputError` at once: the file is checked before it is read and
    opened without blocking."""
    try:
        _check_file(path, os.stat(path), max_size)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            raise InputError(f"{path}: no such file (a folder on the way is a file)") from None
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        _check_file(path, st, max_size)  # the file opened is the one checked
        with os.fdopen(fd, "rb", closefd=True) as f:
            fd = -1
            # As f.read(max_size + 1), with a buffer of the file's size, not
            # of the limit (10 MB made and given back for each file), and
            # the rest read if the file has grown since.
            size = min(st.st_size, max_size) + 1
            data = f.read(size)
            if len(data) == size < max_size + 1:
                data += f.read(max_size + 1 - size)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_size:
        raise InputError(f"{path}: over the {format_size(max_size)} size limit (--max-size to change it)")
    return data


def read_article(
    path: Path,
    metadata: FolderMetadata | None = None,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    url: str | None = None,
    charset: str | None = None,
) -> Article:
    """The article in the file ``path``: a text file, or a web page (by its
    suffix, or ``url`` given: a page fetched from there)."""
    data = read_bytes(path, max_size)
    if not data:
        raise InputError(f"{url or path}: empty file")
    if url is not None or path.suffix.lower() in PAGE_SUFFIXES:
        from .pages import article_from_html

        return article_from_html(path, data, metadata, url=url, charset=charset)
    text, encoding, notes = decode(path, data)
    return article_from_text(
        path, text, metadata, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, notes=notes
    )


def article_from_text(
    path: Path,
    text: str,
    metadata: FolderMetadata | None = None,
    *,
    sha256: str | None = None,
    encoding: str = "utf-8",
    notes: tuple[str, ...] = (),
    known: dict[str, str | None] | None = None,
    url: str | None = None,
) -> Article:
    """An article from text already read (text mode: ``\n`` line ends).

    ``known`` is what the source says about itself besides the text (a
    page's metadata: title, outlet, date, author); ``corpus.toml`` wins over
    it, and it over the text's header and the text itself."""
    header, header_end = _front_matter(text)
    given = (metadata or FolderMetadata()).articles.get(path.name, {})
    known = {k: v for k, v in (known or {}).items() if v}

    def pick(key: str, *alternatives: str) -> str | None:
        for source in (given, known, header):
            for name in (key, *alternatives):
                if source.get(name):
                    return source[name]
        return None

    title = pick("title", "headline")
    lines, title_index = classify(text, title, header_end)
    site = None
    if not title:
        if title_index is not None:
            line = lines[title_index]
            # a title copied from a browser tab: "Storm … - BBC News"
            title, site = textmeta.split_site_suffix(heading_text(text[line.start : line.end]))
        else:
            title = path.stem
    outlet = pick("outlet", "source", "publisher", "site_name", "sitename") or site or _outlet_from_text(text, lines)
    date = _date_of(pick("date", "published", "date_published", "published_at", "pubdate"))
    # the lines below the header, stripped (what the text says of its date and author)
    stripped = [text[ln.start : ln.end].strip() for ln in lines if ln.kind != "header"]
    if date is None:
        date = textmeta.date_from_text(stripped)
    return Article(
        path=path,
        text=text,
        title=title,
        outlet=outlet,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        encoding=encoding,
        lines=tuple(lines),
        notes=notes,
        url=url,
        date=date,
        author=_not_the_outlet(
            pick("author", "by", "byline", "authors") or textmeta.author_from_byline(stripped), outlet
        ),
    )


def _not_the_outlet(author: str | None, outlet: str | None) -> str | None:
    """The author, unless it only names the outlet (a byline "Radio Wisła
    English Service | Politics" read as its author)."""
    if author and outlet and author.casefold() == outlet.casefold():
        return None
    return author


def _is_article_file(path: Path, metadata: FolderMetadata) -> bool:
    return (
        path.suffix.lower() in ARTICLE_SUFFIXES
        and path.name not in metadata.exclude
        and not _NOT_ARTICLES.match(path.name)
        and not path.name.startswith(".")
        # not only regular files: a FIFO, socket or device is then skipped
        # with its one-line note, like a binary or empty file
        and not path.is_dir()
    )


def resolve_paths(paths: list[str | Path]) -> list[Path]:
    """The article files that ``paths`` name: files as given, the articles in
    each folder (sorted by name), and what each glob matches.  (URLs are
    left out: :func:`load_articles` fetches them.)"""
    return [path for path, _ in _resolve([p for p in paths if not is_url(p)])]


def _resolve(paths: list[str | Path], metadata: dict[Path, FolderMetadata] | None = None) -> list[tuple[Path, bool]]:
    """Each article file, and whether it was named itself (not found in a
    folder or by a glob).  Each folder's metadata read is kept in
    ``metadata``, when given (read once: parsing it is most of the time of
    reading a small corpus)."""
    found: list[tuple[Path, bool]] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            meta = read_metadata(p)
            if metadata is not None:
                metadata[p.resolve()] = meta  # (the files found are resolved)
            try:
                children = list(p.iterdir())
            except OSError as exc:
                raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
            inside = sorted((c for c in children if _is_article_file(c, meta)), key=lambda c: c.name)
            if not inside:
                looked = ", ".join(ARTICLE_SUFFIXES)
                raise InputError(f"{p}: no articles here (looked for {looked} files)")
            found.extend((c, False) for c in inside)
        elif p.exists() or p.is_symlink():
            found.append((p, True))
        elif glob.has_magic(str(raw)):
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True))
            matches = [m for m in matches if m.suffix.lower() in ARTICLE_SUFFIXES and not m.is_dir()]
            if not matches:
                raise InputError(f"{raw}: matches no articles")
            found.extend((m, False) for m in matches)
        else:
            raise InputError(f"{raw}: no such file or directory")
    unique: dict[Path, bool] = {}
    for p, named in found:
        key = p.resolve()
        unique[key] = unique.get(key, False) or named
    return list(unique.items())


Progress = Callable[[int, int], None]


def load_articles(
    paths: list[str | Path] | None = None,
    skipped: list[str] | None = None,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    refresh: bool = False,
    timeout: float = 15.0,
    progress: Progress | None = None,
    failed: list[str] | None = None,
) -> list[Article]:
    """Read the articles that ``paths`` name (the sample corpus when empty),
    in the order given (a folder's articles by name).

    ``paths`` may hold URLs (``http://``, ``https://``): they are fetched
    concurrently (or read from the cache, see :mod:`.fetch`), ``progress``
    called with (done, total) as they arrive.  A URL that cannot be read is
    left out and its one-line reason added to ``failed`` (or ``skipped``),
    unless fewer than two articles would remain: then it is an
    :class:`InputError`.

    A file named itself that cannot be read is an :class:`InputError`.  With
    a ``skipped`` list, a file found in a folder or by a glob that cannot be
    read (empty, binary) is left out and its one-line reason added to the
    list instead, unless that leaves no article at all."""
    given = list(paths) if paths else [sample_corpus_path()]
    urls = [p for p in given if is_url(p)]
    # Paths first: a missing one fails before any page is fetched.
    metadata: dict[Path, FolderMetadata] = {}
    files = {i: _resolve([raw], metadata) for i, raw in enumerate(given) if not is_url(raw)}
    fetched: dict[str, Article | InputError] = {}
    if urls:
        from .fetch import fetch_articles

        fetched = fetch_articles(urls, max_size=max_size, refresh=refresh, timeout=timeout, progress=progress)
    articles = []
    reasons = []
    url_failures = []
    seen: set[Path] = set()
    for i, raw in enumerate(given):
        if is_url(raw):
            result = fetched[raw]
            if isinstance(result, InputError):
                url_failures.append(str(result))
            elif result.path not in seen:
                seen.add(result.path)
                articles.append(result)
            continue
        for path, named in files[i]:
            if path in seen:
                continue
            seen.add(path)
            if path.parent not in metadata:
                metadata[path.parent] = read_metadata(path.parent)
            try:
                articles.append(read_article(path, metadata[path.parent], max_size=max_size))
            except InputError as exc:
                if named or skipped is None:
                    raise
                reasons.append(f"skipped {exc}")
    if url_failures:
        if len(articles) < 2:
            others = f" ({len(url_failures) - 1} more: {'; '.join(url_failures[1:])})" if len(url_failures) > 1 else ""
            left = "no article" if not articles else "only one article"
            raise InputError(f"{url_failures[0]}{others}; {left} left to compare")
        target = failed if failed is not None else skipped
        if target is not None:
            target.extend(url_failures)
    if not articles:
        raise InputError(
            reasons[0].removeprefix("skipped ") if len(reasons) == 1 else f"no readable articles: {'; '.join(reasons)}"
        )
    if skipped is not None:
        skipped.extend(reasons)
    return _complete_dates(articles)


def _complete_dates(articles: list[Article]) -> list[Article]:
    """A dateline with no year ("KYIV, March 3 (Reuters) -") takes its year
    from the other versions' dates, when they put it in one year within a
    month of them (see :func:`.textmeta.year_near`); else it stays undated.
    Only when the dated articles ran within two months of each other, as
    versions of one story do: a folder of unrelated articles gives no year."""
    known = sorted(a.date[:10] for a in articles if a.date)
    if not known or all(a.date for a in articles) or not textmeta.one_story(known):
        return articles
    out = []
    for a in articles:
        lines = [a.text[ln.start : ln.end].strip() for ln in a.lines[:40] if ln.kind != "header"]
        day = None if a.date else textmeta.undated_day(lines)
        found = textmeta.year_near(day, known) if day else None
        out.append(replace(a, date=found) if found else a)
    return out
