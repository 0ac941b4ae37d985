"""Kept highlights: saving them to a file a reader can cite, share and
reopen, and finding them again in the articles when the file is reopened.

The model is simple: the highlights a reader keeps are a mapping
``group id -> note`` (:data:`Kept`; the note is ``""`` when there is none),
over the groups of one :class:`~sidebyside.model.Alignment`.

What the app calls, and when:

* **Where to save by default**: :func:`default_path` (one file per corpus in
  the user data folder; it finds the file again even if the corpus folder
  was renamed).
* **Before saving**: :func:`check_overwrite` returns a one-line warning when
  the save would replace a file holding highlights, versions or notes that
  the new save leaves out, or a file that is not a sidebyside highlights
  file at all; ask the reader, then save with ``overwrite=True``.
* **Saving**: :func:`save` writes ``.json`` (complete, reopenable), ``.md``
  (a report to paste) or ``.csv`` (one row per passage), atomically.  Without
  ``overwrite=True`` it refuses (raises :class:`WouldOverwrite`) whenever
  :func:`check_overwrite` has a warning, so nothing is ever replaced
  silently, even if the file changed between the check and the save.  A
  forced save that drops highlights keeps a backup of the old file beside
  it.  Every failure is a :class:`HighlightsError` with a one-line message.
* **Reopening**: :func:`load` reads and validates a ``.json`` file and finds
  every saved passage in the current articles, even if an article was
  edited since (:func:`find_span`); what cannot be found is listed in
  :attr:`Loaded.missing`, never dropped silently.  Then :func:`apply` merges
  the loaded highlights into the current alignment and returns the kept
  mapping keyed by the current group ids.

The file format is the JSON of ``sidebyside align --format json`` (see the
README) with a few more keys: ``type``, ``saved_at``, each article's
``relative_path`` (to the saved file, so a shared folder still opens), and
each group's ``note`` and ``kept``.  Files written by ``sidebyside align
--format json`` load too, every group counting as kept.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from hashlib import sha256
from pathlib import Path
from typing import Any

import platformdirs
from rapidfuzz import fuzz

from . import __version__
from .aligning.options import AlignOptions
from .model import Alignment, Group, Kept, Passage, overlap
from .reading.articles import Article
from .atomic import atomic_write
from .export import SCHEMA_VERSION, alignment_record, article_record, group_record, to_csv, to_markdown
from .aligning.tokens import normalise

FILE_TYPE = "sidebyside-highlights"
#: Extensions :func:`save` understands, and the format each writes.
FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".csv": "csv"}
#: Lowest fuzzy score (rapidfuzz ``fuzz.ratio``, 0-100) at which a passage
#: whose text changed is taken as found again.
MIN_SCORE = 85.0


class HighlightsError(Exception):
    """Something a user can cause (a corrupt file, an unwritable folder);
    ``str(error)`` is one line naming the file and the problem."""


class _Foreign(Exception):
    """Not a highlights file at all (or a format this version cannot read)."""


class _Damaged(Exception):
    """A highlights file with something wrong inside."""


class WouldOverwrite(HighlightsError):
    """:func:`save` refused to replace a file without ``overwrite=True``;
    ``warning`` is what :func:`check_overwrite` said."""

    def __init__(self, warning: str) -> None:
        super().__init__(warning)
        self.warning = warning


# --- where ---------------------------------------------------------------------------


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


# --- saving ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Saved:
    """What :func:`save` wrote."""

    path: Path
    groups: int  # kept groups written
    passages: int  # passages of those groups
    backup: Path | None = None  # the replaced file's copy, when a forced save dropped something

    def message(self) -> str:
        text = f"saved {self.groups} highlight{'s' if self.groups != 1 else ''} to {self.path}"
        if self.backup is not None:
            text += f" (the previous file is kept as {self.backup.name})"
        return text


def format_of(path: str | Path) -> str:
    """The format :func:`save` writes to ``path`` ("json", "markdown" or
    "csv"); raises :class:`HighlightsError` (one line, naming the file and
    the extensions it could have) for any other extension, so a save
    dialog can say so before saving."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        shown = f"'{path.suffix}'" if path.suffix else "no extension"
        raise HighlightsError(
            f"{path}: cannot save as {shown}; use .json (can be reopened), .md (a report) or .csv (a table)"
        )
    return fmt


def _kept_groups(alignment: Alignment, kept: Mapping[str, str | None]) -> list[Group]:
    ids = {g.id for g in alignment.groups}
    unknown = [gid for gid in kept if gid not in ids]
    if unknown:
        raise ValueError(f"kept group ids not in the alignment: {', '.join(map(str, unknown))}")
    return [g for g in alignment.groups if g.id in kept]


def _notes(kept: Mapping[str, str | None]) -> dict[str, str]:
    return {gid: (note or "") for gid, note in kept.items()}


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _relative(target: Path, folder: Path) -> str | None:
    try:
        return Path(os.path.relpath(Path(target).resolve(), folder.resolve())).as_posix()
    except (ValueError, OSError):  # another drive on Windows
        return None


def highlights_record(
    path: Path, alignment: Alignment, kept: Mapping[str, str | None], *, all_groups: bool = False
) -> dict[str, Any]:
    """The JSON object :func:`save` writes to ``path`` (see the module doc)."""
    notes = _notes(kept)
    kept_groups = _kept_groups(alignment, kept)  # unknown ids are an error either way
    groups = alignment.groups if all_groups else kept_groups
    base = alignment_record(alignment, groups=[])
    articles = []
    for article in alignment.articles:
        record = article_record(article)
        rel = _relative(article.path, Path(path).parent)
        if rel is not None:
            record["relative_path"] = rel
        articles.append(record)
    return {
        "schema_version": base["schema_version"],
        "type": FILE_TYPE,
        "saved_at": _now().isoformat().replace("+00:00", "Z"),
        "generator": base["generator"],
        "options": base["options"],
        "articles": articles,
        "groups": [group_record(g, {"kept": g.id in notes, "note": notes.get(g.id, "")}) for g in groups],
    }


def render(path: Path, alignment: Alignment, kept: Mapping[str, str | None], *, all_groups: bool = False) -> str:
    """The text :func:`save` would write to ``path`` (format by extension)."""
    path = Path(path)
    fmt = format_of(path)
    if fmt == "json":
        record = highlights_record(path, alignment, kept, all_groups=all_groups)
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    notes = _notes(kept)
    kept_groups = _kept_groups(alignment, kept)
    groups = tuple(alignment.groups) if all_groups else tuple(kept_groups)
    shown = replace(alignment, groups=groups)
    if fmt == "markdown":
        stamp = _now().strftime("%Y-%m-%d %H:%M UTC")
        title = f"{'Aligned passages' if all_groups else 'Highlights'} (saved {stamp})"
        return to_markdown(shown, notes, title=title, kept=notes.keys() if all_groups else None)
    return to_csv(shown, notes, kept=notes.keys() if all_groups else None)


def _backup(path: Path) -> Path:
    stamp = _now().strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.{stamp}.bak")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.{stamp}-{n}.bak")
    data = path.read_bytes()
    atomic_write(backup, data.decode("latin-1"), encoding="latin-1")  # byte for byte
    return backup


def save(
    path: str | Path,
    alignment: Alignment,
    kept: Mapping[str, str | None],
    *,
    all_groups: bool = False,
    overwrite: bool = False,
) -> Saved:
    """Save the kept highlights to ``path``; the extension picks the format:

    * ``.json``: complete and reopenable with :func:`load`;
    * ``.md`` / ``.markdown``: a readable report, each group with its versions
      per outlet and its note;
    * ``.csv``: one row per passage, with the group's note.

    ``kept`` maps group ids of ``alignment`` to notes (``""`` or ``None`` for
    none); an id that is not in the alignment is a programming error
    (``ValueError``).  With ``all_groups=True`` every group of the alignment
    is written, the kept ones marked (``"kept": true`` in JSON, a ``kept``
    column in CSV, "kept" in the Markdown headings).

    Without ``overwrite=True``, raises :class:`WouldOverwrite` when
    :func:`check_overwrite` has a warning.  With it, a JSON file that held
    something this save drops (or that was not a highlights file) is first
    copied to ``<name>.<UTC time>.bak`` beside it (see :attr:`Saved.backup`).

    Missing folders are created.  The write is atomic: the old file stays
    whole if anything fails.  Any failure to write is a
    :class:`HighlightsError` naming the file.
    """
    path = Path(path).expanduser()
    fmt = format_of(path)
    groups = _kept_groups(alignment, kept)
    text = render(path, alignment, kept, all_groups=all_groups)
    warning = check_overwrite(path, alignment, kept)
    if warning and not overwrite:
        raise WouldOverwrite(warning)
    backup = None
    try:
        if path.is_dir():
            raise HighlightsError(f"{path}: is a folder; give a file name ending in .json, .md or .csv")
        for folder in (path.parent, *path.parent.parents):
            if folder.exists():
                if not folder.is_dir():
                    raise HighlightsError(f"{path}: cannot save here ({folder} is a file, not a folder)")
                break
        path.parent.mkdir(parents=True, exist_ok=True)
        if warning and fmt == "json" and path.is_file():
            backup = _backup(path)
        atomic_write(path, text)
    except OSError as exc:
        raise HighlightsError(f"{path}: cannot save here ({exc.strerror or exc})") from None
    return Saved(path, len(groups), sum(len(g.passages) for g in groups), backup)


# --- reading and validating --------------------------------------------------------------


def _kind_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _require(obj: dict, key: str, types: tuple[type, ...], where: str, optional: bool = False) -> Any:
    if key not in obj:
        if optional:
            return None
        raise _Damaged(f"{where} has no '{key}'")
    value = obj[key]
    if optional and value is None:
        return None
    if isinstance(value, bool) and bool not in types:
        ok = False
    else:
        ok = isinstance(value, types)
    if not ok:
        wanted = " or ".join({bool: "true/false", int: "a whole number", float: "a number", str: "text",
                              list: "a list", dict: "an object"}[t] for t in types)
        raise _Damaged(f"{where}.{key} should be {wanted}, not {_kind_name(value)}")
    return value


def _validate(data: Any) -> dict:
    """Check a parsed file's shape; raises _Foreign or _Damaged saying what is wrong."""
    if not isinstance(data, dict):
        raise _Foreign("not a sidebyside highlights file (the JSON is not an object)")
    if "schema_version" not in data or "groups" not in data or "articles" not in data:
        raise _Foreign("not a sidebyside highlights file (no schema_version, articles and groups)")
    generator = data.get("generator")
    file_type = data.get("type")
    if file_type is not None and file_type != FILE_TYPE:
        raise _Foreign(f"not a sidebyside highlights file (its type is {json.dumps(file_type)})")
    if file_type is None and not (isinstance(generator, str) and generator.startswith("sidebyside")):
        raise _Foreign("not a sidebyside highlights file (not written by sidebyside)")
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise _Damaged(f"schema_version should be a whole number, not {_kind_name(version)}")
    if version != SCHEMA_VERSION:
        newer = "a newer" if version > SCHEMA_VERSION else "an unknown"
        raise _Foreign(
            f"written in {newer} format (schema version {version}; this sidebyside {__version__} "
            f"reads version {SCHEMA_VERSION})"
        )
    _require(data, "saved_at", (str,), "file", optional=True)
    articles = _require(data, "articles", (list,), "file")
    for i, art in enumerate(articles):
        where = f"articles[{i}]"
        if not isinstance(art, dict):
            raise _Damaged(f"{where} should be an object, not {_kind_name(art)}")
        _require(art, "path", (str,), where)
        digest = _require(art, "sha256", (str,), where)
        if not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise _Damaged(f"{where}.sha256 is not a SHA-256 hash")
        for key in ("title", "outlet", "encoding", "relative_path"):
            _require(art, key, (str,), where, optional=True)
    groups = _require(data, "groups", (list,), "file")
    for i, group in enumerate(groups):
        where = f"groups[{i}]"
        if not isinstance(group, dict):
            raise _Damaged(f"{where} should be an object, not {_kind_name(group)}")
        _require(group, "id", (str,), where)
        kind = _require(group, "kind", (str,), where, optional=True)
        if kind is not None and kind not in ("verbatim", "variant"):
            raise _Damaged(f"{where}.kind should be \"verbatim\" or \"variant\", not {json.dumps(kind)}")
        _require(group, "quote", (bool,), where, optional=True)
        _require(group, "kept", (bool,), where, optional=True)
        _require(group, "note", (str,), where, optional=True)
        _require(group, "similarity", (int, float), where, optional=True)
        passages = _require(group, "passages", (list,), where)
        for k, passage in enumerate(passages):
            pwhere = f"{where}.passages[{k}]"
            if not isinstance(passage, dict):
                raise _Damaged(f"{pwhere} should be an object, not {_kind_name(passage)}")
            article = _require(passage, "article", (int,), pwhere)
            start = _require(passage, "start", (int,), pwhere)
            end = _require(passage, "end", (int,), pwhere)
            _require(passage, "text", (str,), pwhere)
            _require(passage, "similarity", (int, float), pwhere, optional=True)
            if not 0 <= article < len(articles):
                raise _Damaged(f"{pwhere}.article is {article}, but there are {len(articles)} articles")
            if not 0 <= start <= end:
                raise _Damaged(f"{pwhere} has start {start} and end {end}")
    return data


class _Unreadable(Exception):
    """Why a file cannot be read as highlights (one line, no file name)."""


def _parse(path: Path) -> dict:
    """Read and validate a highlights file; raises _Unreadable.  Never
    writes to the file."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown", ".csv"):
        what = "a Markdown report" if suffix != ".csv" else "a CSV table"
        raise _Unreadable(f"is {what}, which cannot be reopened; open the .json file saved with the highlights")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _Unreadable("no such file") from None
    except IsADirectoryError:
        raise _Unreadable("is a folder, not a highlights file") from None
    except OSError as exc:
        raise _Unreadable(f"cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _Unreadable("not a sidebyside highlights file (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise _Unreadable(f"damaged or not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise _Unreadable("damaged (nested too deeply)") from None
    try:
        return _validate(data)
    except _Foreign as exc:
        raise _Unreadable(str(exc)) from None
    except _Damaged as exc:
        raise _Unreadable(f"damaged highlights file ({exc})") from None


def _read(path: Path) -> dict:
    """:func:`_parse`, its failures as HighlightsError."""
    try:
        return _parse(path)
    except _Unreadable as exc:
        untouched = path.is_file() and not str(exc).startswith("is a")
        raise HighlightsError(f"{path}: {exc}" + ("; the file was left as it is" if untouched else "")) from None


# --- matching saved articles to the current ones ------------------------------------------


def _file_name(saved_path: str) -> str:
    return re.split(r"[\\/]", saved_path)[-1]


def _match_articles(saved: Sequence[dict], articles: Sequence[Article], folder: Path | None) -> dict[int, int]:
    """Saved article index -> current article index: by content hash first,
    then by path (relative to the saved file, then as saved), then by file
    name.  Each current article is used once."""
    mapping: dict[int, int] = {}
    used: set[int] = set()

    def claim(i: int, test) -> None:
        for j, article in enumerate(articles):
            if j not in used and test(article):
                mapping[i] = j
                used.add(j)
                return

    for i, rec in enumerate(saved):
        claim(i, lambda a, rec=rec: a.sha256 == rec["sha256"])
    for i, rec in enumerate(saved):
        if i in mapping:
            continue
        wanted: set[Path] = set()
        try:
            if rec.get("relative_path") and folder is not None:
                wanted.add((folder / rec["relative_path"]).resolve())
            wanted.add(Path(rec["path"]).expanduser().resolve())
        except (OSError, ValueError, RuntimeError):
            pass
        claim(i, lambda a, wanted=wanted: Path(a.path).resolve() in wanted)
    for i, rec in enumerate(saved):
        if i in mapping:
            continue
        name = _file_name(rec["path"])
        claim(i, lambda a, name=name: a.path.name == name)
    return mapping


def _saved_label(rec: dict) -> str:
    return rec.get("outlet") or Path(_file_name(rec["path"])).stem


# --- finding a passage again ----------------------------------------------------------


def _char_class(ch: str) -> int:
    if ch.isspace():
        return 0
    if ch.isalnum():
        return 1
    return 2


def _starts(text: str, lo: int, hi: int) -> list[int]:
    lo, hi = max(0, lo), min(len(text), hi)
    out = []
    for p in range(lo, hi + 1):
        if p < len(text) and not text[p].isspace() and (p == 0 or _char_class(text[p - 1]) != _char_class(text[p])):
            out.append(p)
    return out


def _ends(text: str, lo: int, hi: int) -> list[int]:
    lo, hi = max(1, lo), min(len(text), hi)
    out = []
    for p in range(lo, hi + 1):
        if not text[p - 1].isspace() and (p == len(text) or _char_class(text[p - 1]) != _char_class(text[p])):
            out.append(p)
    return out


def _refine(text: str, wanted: str, d0: int, d1: int) -> tuple[int, int, float]:
    """The span near text[d0:d1] most like ``wanted``, edges on word or
    punctuation boundaries."""
    slack = min(60, max(12, len(wanted) // 4))
    starts = sorted(set(_starts(text, d0 - slack, d0 + slack)) | {d0})
    ends = sorted(set(_ends(text, d1 - slack, d1 + slack)) | {d1})
    best = (d0, d1, fuzz.ratio(wanted, text[d0:d1]))
    best_key = (best[2], -abs((d1 - d0) - len(wanted)))
    for s in starts:
        for e in ends:
            if e <= s:
                continue
            score = fuzz.ratio(wanted, text[s:e], score_cutoff=best[2] - 0.001 if best[2] > 0 else 0)
            key = (score, -abs((e - s) - len(wanted)))
            if key > best_key:
                best, best_key = (s, e, score), key
    return best


def find_span(text: str, wanted: str, near: int = 0, min_score: float = MIN_SCORE) -> tuple[int, int, float] | None:
    """Where ``wanted`` (a passage's saved text) is in ``text`` now:
    ``(start, end, score)`` or None.

    The exact text wins, the occurrence nearest ``near`` (the old offset)
    first; else the best fuzzy match (rapidfuzz), looked for in windows
    growing around ``near`` up to the whole text (so of two equally good
    matches the nearer wins), its edges moved to the word or punctuation
    boundaries most like the saved text's.  A fuzzy match counts only when
    ``fuzz.ratio`` of the two texts is at least ``min_score``.
    """
    if not wanted or not text:
        return None
    hits = []
    at = text.find(wanted)
    while at >= 0:
        hits.append(at)
        at = text.find(wanted, at + 1)
    if hits:
        start = min(hits, key=lambda s: (abs(s - near), s))
        return start, start + len(wanted), 100.0
    n = len(wanted)
    windows: list[tuple[int, int]] = []
    for pad in (max(200, n), max(2000, 3 * n), len(text)):  # nearest first: a repeated passage stays put
        window = (max(0, near - pad), min(len(text), near + n + pad))
        if window not in windows:
            windows.append(window)
    for lo, hi in windows:
        found = fuzz.partial_ratio_alignment(wanted, text[lo:hi], score_cutoff=min_score - 15)
        if found is None:
            continue
        d0, d1 = lo + found.dest_start, lo + found.dest_end
        # A match cut by the window's edge: align again with room around it.
        lo, hi = max(0, d0 - n), min(len(text), d1 + n)
        again = fuzz.partial_ratio_alignment(wanted, text[lo:hi])
        if again is not None and again.score >= found.score:
            d0, d1 = lo + again.dest_start, lo + again.dest_end
        start, end, score = _refine(text, wanted, d0, d1)
        if score >= min_score:
            return start, end, score
    return None


# --- loading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedGroup:
    """One kept group as found again in the current articles."""

    id: str  # its id when it was saved (ids can differ in a new alignment)
    kind: str  # "verbatim" | "variant", as saved
    quote: bool
    note: str
    passages: tuple[Passage, ...]  # article indexes into Loaded.articles; current offsets; never empty


@dataclass(frozen=True)
class Missing:
    """A saved passage that is not in the current articles."""

    group_id: str  # the saved group's id
    article: str  # the article's outlet (or file name) as saved
    text: str  # the passage's saved text
    reason: str  # why: the article is not open / its text changed and this passage is gone
    note: str = ""  # the group's note, so it is not lost from view

    def message(self) -> str:
        """One line for the reader."""
        quote = " ".join(self.text.split())
        if len(quote) > 70:
            quote = quote[:69] + "…"
        return f"{self.group_id} · {self.article}: “{quote}” {self.reason}"


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
    options: AlignOptions | None  # the thresholds of the saved alignment, when valid

    def messages(self) -> list[str]:
        """One-line messages for the reader: changed and missing articles,
        and every passage that could not be found."""
        out = []
        if self.changed:
            out.append(
                f"{self.path.name}: articles changed since these highlights were saved: "
                f"{', '.join(self.changed)}; their passages were looked for again"
            )
        if self.not_open:
            out.append(f"{self.path.name}: saved with articles that are not open: {', '.join(self.not_open)}")
        out.extend(f"{self.path.name}: not found: {m.message()}" for m in self.missing)
        return out


def _options(data: dict) -> AlignOptions | None:
    raw = data.get("options")
    if not isinstance(raw, dict):
        return None
    try:
        sim, words = raw["min_similarity"], raw["min_words"]
        if isinstance(sim, bool) or isinstance(words, bool) or not isinstance(sim, (int, float)) or not isinstance(words, int):
            return None
        return AlignOptions(min_similarity=float(sim), min_words=words)
    except (KeyError, ValueError):
        return None


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
    data = _read(path)
    articles = tuple(articles)
    saved_articles = data["articles"]
    mapping = _match_articles(saved_articles, articles, path.parent)
    changed = tuple(
        articles[j].label for i, j in sorted(mapping.items()) if articles[j].sha256 != saved_articles[i]["sha256"]
    )
    not_open = tuple(_saved_label(rec) for i, rec in enumerate(saved_articles) if i not in mapping)
    groups: list[SavedGroup] = []
    missing: list[Missing] = []
    for record in data["groups"]:
        if record.get("kept") is False:
            continue
        note = record.get("note") or ""
        found: list[Passage] = []
        for p in record["passages"]:
            saved_art = saved_articles[p["article"]]
            j = mapping.get(p["article"])
            if j is None:
                missing.append(Missing(record["id"], _saved_label(saved_art), p["text"], "(its article is not open)", note))
                continue
            text = articles[j].text
            start, end = p["start"], p["end"]
            if text[start:end] != p["text"]:
                span = find_span(text, p["text"], start)
                if span is None:
                    missing.append(
                        Missing(
                            record["id"],
                            articles[j].label,
                            p["text"],
                            f"(no longer in {articles[j].path.name})",
                            note,
                        )
                    )
                    continue
                start, end = span[0], span[1]
            similarity = p.get("similarity")
            found.append(Passage(j, start, end, text[start:end], float(similarity) if similarity is not None else 100.0))
        if found:
            found.sort(key=lambda q: (q.article, q.start, q.end))
            groups.append(
                SavedGroup(record["id"], record.get("kind") or "variant", bool(record.get("quote")), note, tuple(found))
            )
    return Loaded(
        path=path,
        articles=articles,
        groups=tuple(groups),
        missing=tuple(missing),
        changed=changed,
        not_open=not_open,
        saved_at=data.get("saved_at"),
        options=_options(data),
    )


# --- applying to an alignment ------------------------------------------------------------


def _same_site(p: Passage, q: Passage) -> int:
    """Overlap of two passages of one article when it is most of the shorter, else 0."""
    if p.article != q.article:
        return 0
    ov = overlap(p.start, p.end, q.start, q.end)
    shorter = min(p.end - p.start, q.end - q.start)
    return ov if ov and ov >= 0.5 * shorter else 0


def _join_notes(a: str, b: str) -> str:
    if not a or a == b:
        return b
    if not b:
        return a
    return f"{a}\n\n{b}"


def apply(loaded: Loaded, alignment: Alignment) -> tuple[Alignment, Kept]:
    """Merge loaded highlights into an alignment of the same articles.

    Each saved group is matched to the current group that shares most of
    its passages (same article, overlapping by at least half of the shorter
    span): that group is kept with the saved note, and any saved passage it
    lacks is added to it so nothing saved disappears from view.  A saved
    group that matches no current group (the thresholds changed, say) is
    added as an extra group with a new id ``s1``, ``s2``, … (it may have a
    single passage when the other versions could not be found).  Groups
    stay in reading order.

    Returns the new alignment (``dataclasses.replace``) and the kept mapping
    keyed by its group ids.  ``alignment.articles`` must include the
    articles ``loaded`` was loaded with (``ValueError`` otherwise).
    """
    index: dict[int, int] = {}
    for i, article in enumerate(loaded.articles):
        for j, current in enumerate(alignment.articles):
            if current is article or (current.sha256 == article.sha256 and current.path == article.path):
                index[i] = j
                break
        else:
            raise ValueError(f"{article.path}: not among the alignment's articles")
    groups = list(alignment.groups)
    position = {g.id: n for n, g in enumerate(groups)}
    used_ids = {g.id for g in groups}
    kept: Kept = {}
    extra = 0
    for saved in loaded.groups:
        passages = [replace(p, article=index[p.article]) for p in saved.passages]
        best, best_score = None, 0
        for g in groups:
            score = sum(max((_same_site(p, q) for q in g.passages), default=0) for p in passages)
            if score > best_score:
                best, best_score = g, score
        if best is not None:
            lacking = [p for p in passages if not any(_same_site(p, q) for q in best.passages)]
            if lacking:
                merged = tuple(sorted(best.passages + tuple(lacking), key=lambda q: (q.article, q.start, q.end)))
                best = replace(best, passages=merged)
                groups[position[best.id]] = best
            kept[best.id] = _join_notes(kept.get(best.id, ""), saved.note)
            continue
        extra += 1
        while f"s{extra}" in used_ids:
            extra += 1
        gid = f"s{extra}"
        used_ids.add(gid)
        kind = "verbatim" if len({normalise(p.text) for p in passages}) == 1 and len(passages) > 1 else "variant"
        group = Group(gid, kind, saved.quote, tuple(sorted(passages, key=lambda q: (q.article, q.start, q.end))))
        position[gid] = len(groups)
        groups.append(group)
        kept[gid] = saved.note
    # Reading order, as align() orders groups: articles by path, then offset.
    rank = {
        j: r
        for r, j in enumerate(
            sorted(range(len(alignment.articles)), key=lambda j: (str(alignment.articles[j].path), alignment.articles[j].sha256))
        )
    }
    groups.sort(key=lambda g: min((rank[p.article], p.start) for p in g.passages))
    return replace(alignment, groups=tuple(groups)), kept


# --- never lose work -------------------------------------------------------------------------


def _same_passage(old: dict, old_sha: str, new: Passage, new_sha: str) -> bool:
    if old_sha == new_sha and overlap(old["start"], old["end"], new.start, new.end) > 0:
        return True
    a, b = normalise(old["text"]), normalise(new.text)
    if not a or not b:
        return False
    return a == b or a in b or b in a or fuzz.ratio(a, b) >= 80


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


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
    if FORMATS.get(path.suffix.lower()) != "json":
        return f"{path} already exists; saving will replace it"
    try:
        data = _parse(path)
    except _Unreadable as exc:
        return f"{path}: {exc}; saving will replace it"
    new_groups = _kept_groups(alignment, kept)
    notes = _notes(kept)
    old_articles = data["articles"]
    mapping = _match_articles(old_articles, alignment.articles, path.parent)
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
            lost_groups.append(f"{record['id']} “{_short(text)}”")
            continue
        lost_versions += len(record["passages"]) - versions_found
        if (record.get("note") or "").strip() and not any(notes.get(gid, "").strip() for gid in matched):
            lost_notes += 1
    if not (lost_groups or lost_versions or lost_notes):
        return None
    parts = []
    if lost_groups:
        shown = ", ".join(lost_groups[:3]) + (f" and {len(lost_groups) - 3} more" if len(lost_groups) > 3 else "")
        parts.append(f"{_plural(len(lost_groups), 'highlight')} ({shown})")
    if lost_versions:
        parts.append(f"{_plural(lost_versions, 'version')} of {'other ' if lost_groups else ''}saved highlights")
    if lost_notes:
        parts.append(_plural(lost_notes, "note"))
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"saving would drop from {path}: {listed}"
