"""Reading articles: files, folders and globs into texts with character offsets.

An :class:`Article` holds its text exactly as Python reads the file in text
mode with the reported encoding (``open(path, encoding=article.encoding).read()``
gives ``article.text``), so every offset the engine reports can be checked
against the file.  It also knows its headline, its outlet when anything says
so, and which of its lines are page boilerplate.

Where titles and outlets come from, first match wins:

1. a metadata file ``corpus.toml`` beside the articles
   (``[articles."file.txt"] title = … outlet = …``; ``exclude = [...]``);
2. a header at the top of the file, between ``---`` lines
   (``title: …``, ``outlet: …``);
3. the text itself: the first line that reads as a headline; an outlet named
   in the page's own boilerplate ("Support Ukrainska Pravda or become our
   patron", "Press TV's website can also be accessed …").
"""

from __future__ import annotations

import glob
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .boilerplate import Line, classify

ARTICLE_SUFFIXES = (".txt", ".md")
METADATA_FILE = "corpus.toml"
# Files in a folder that describe the folder rather than report the story.
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|changelog|contributing|notice)(\..*)?$", re.IGNORECASE)


class InputError(Exception):
    """A path that cannot be read as articles; the message is one line that
    names the path and the problem."""


@dataclass(frozen=True)
class Article:
    path: Path
    text: str
    title: str
    outlet: str | None
    sha256: str  # of the file's bytes
    encoding: str  # what the bytes were decoded as
    lines: tuple[Line, ...] = field(repr=False)
    notes: tuple[str, ...] = ()  # things a reader should know (a legacy encoding, …)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def label(self) -> str:
        """Short name for headers and reports: the outlet, else the file name."""
        return self.outlet or self.path.stem

    @property
    def boilerplate(self) -> tuple[tuple[int, int], ...]:
        """Spans of the page-boilerplate lines."""
        return tuple((line.start, line.end) for line in self.lines if line.kind == "boilerplate")

    def line_at(self, offset: int) -> Line | None:
        lo, hi = 0, len(self.lines)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.lines[mid].end < offset:
                lo = mid + 1
            else:
                hi = mid
        return self.lines[lo] if lo < len(self.lines) else None


def sample_corpus_path() -> Path:
    """The sample corpus: installed inside the package, or at the top of a
    source checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "sample_corpus", package.parent / "sample_corpus"):
        if candidate.is_dir():
            return candidate
    raise InputError(f"{package / 'sample_corpus'}: the sample corpus is not installed")


# --- decoding -----------------------------------------------------------------


# Byte-order marks of the UTF-16/32 encodings (Windows Notepad's "Unicode"),
# longest first: UTF-32-LE starts like UTF-16-LE.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 50)


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
        return text, bom, notes
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
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text, encoding, notes


# --- metadata -------------------------------------------------------------------

_HEADER_RE = re.compile(r"\A---\n((?:[A-Za-z_-]+\s*:.*\n)+)---\n")
_OUTLET_IN_TEXT = [
    re.compile(r"\bsupport ([A-Z][\w.&' -]{2,40}?) or become (?:our|a) (?:patron|member|subscriber)", re.IGNORECASE),
    re.compile(r"^([A-Z][\w.&' -]{1,40}?)[’']s website can (?:also )?be accessed", re.MULTILINE),
]


@dataclass(frozen=True)
class FolderMetadata:
    exclude: frozenset[str] = frozenset()
    articles: dict[str, dict[str, str]] = field(default_factory=dict)


def read_metadata(folder: Path) -> FolderMetadata:
    meta_path = folder / METADATA_FILE
    if not meta_path.is_file():
        return FolderMetadata()
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
            clean[name] = {k: str(v) for k, v in entry.items() if k in ("title", "outlet")}
    return FolderMetadata(frozenset(map(str, exclude)), clean)


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    m = _HEADER_RE.match(text)
    if not m:
        return {}, 0
    fields = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, m.end()


def _outlet_from_text(text: str, lines: list[Line]) -> str | None:
    for line in lines:
        if line.kind != "boilerplate":
            continue
        body = text[line.start : line.end].strip()
        for pattern in _OUTLET_IN_TEXT:
            m = pattern.search(body)
            if m:
                return m.group(1).strip()
    return None


# --- reading --------------------------------------------------------------------


def read_article(path: Path, metadata: FolderMetadata | None = None) -> Article:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise InputError(f"{path}: empty file")
    text, encoding, notes = decode(path, data)
    return article_from_text(path, text, metadata, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, notes=notes)


def article_from_text(
    path: Path,
    text: str,
    metadata: FolderMetadata | None = None,
    *,
    sha256: str | None = None,
    encoding: str = "utf-8",
    notes: tuple[str, ...] = (),
) -> Article:
    """An article from text already read (text mode: ``\n`` line ends)."""
    header, header_end = _front_matter(text)
    given = (metadata or FolderMetadata()).articles.get(path.name, {})
    title = given.get("title") or header.get("title")
    lines, title_index = classify(text, title, header_end)
    if not title:
        if title_index is not None:
            line = lines[title_index]
            title = text[line.start : line.end].strip()
        else:
            title = path.stem
    outlet = given.get("outlet") or header.get("outlet") or header.get("source") or _outlet_from_text(text, lines)
    return Article(
        path=path,
        text=text,
        title=title,
        outlet=outlet,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        encoding=encoding,
        lines=tuple(lines),
        notes=notes,
    )


def _is_article_file(path: Path, metadata: FolderMetadata) -> bool:
    return (
        path.is_file()
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and path.name not in metadata.exclude
        and not _NOT_ARTICLES.match(path.name)
        and not path.name.startswith(".")
    )


def resolve_paths(paths: list[str | Path]) -> list[Path]:
    """The article files that ``paths`` name: files as given, the articles in
    each folder (sorted by name), and what each glob matches."""
    return [path for path, _ in _resolve(paths)]


def _resolve(paths: list[str | Path]) -> list[tuple[Path, bool]]:
    """Each article file, and whether it was named itself (not found in a
    folder or by a glob)."""
    found: list[tuple[Path, bool]] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            meta = read_metadata(p)
            inside = sorted((c for c in p.iterdir() if _is_article_file(c, meta)), key=lambda c: c.name)
            if not inside:
                raise InputError(f"{p}: no articles here (looked for {' and '.join(ARTICLE_SUFFIXES)} files)")
            found.extend((c, False) for c in inside)
        elif p.exists():
            found.append((p, True))
        elif glob.has_magic(str(raw)):
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True))
            matches = [m for m in matches if m.is_file() and m.suffix.lower() in ARTICLE_SUFFIXES]
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


def load_articles(paths: list[str | Path] | None = None, skipped: list[str] | None = None) -> list[Article]:
    """Read the articles that ``paths`` name (the sample corpus when empty).

    A file named itself that cannot be read is an :class:`InputError`.  With
    a ``skipped`` list, a file found in a folder or by a glob that cannot be
    read (empty, binary) is left out and its one-line reason added to the
    list instead, unless that leaves no article at all."""
    files = _resolve(list(paths) if paths else [sample_corpus_path()])
    metadata: dict[Path, FolderMetadata] = {}
    articles = []
    reasons = []
    for path, named in files:
        if path.parent not in metadata:
            metadata[path.parent] = read_metadata(path.parent)
        try:
            articles.append(read_article(path, metadata[path.parent]))
        except InputError as exc:
            if named or skipped is None:
                raise
            reasons.append(f"skipped {exc}")
    if not articles:
        raise InputError(reasons[0].removeprefix("skipped ") if len(reasons) == 1 else f"no readable articles: {'; '.join(reasons)}")
    if skipped is not None:
        skipped.extend(reasons)
    return articles
