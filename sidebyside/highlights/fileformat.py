"""The highlights file: its format, the record :func:`~.saving.save` writes,
and the checks a file must pass before anything is read from it.

The format is the JSON of ``sidebyside align --format json`` (see the
README) with a few more keys: ``type``, ``saved_at``, each article's
``relative_path`` (to the saved file, so a shared folder still opens), and
each group's ``note`` and ``kept``.  Files written by ``sidebyside align
--format json`` load too: they have no kept marks, and their groups open
unkept.

Reading never writes: :func:`parse_file` raises :class:`Unreadable` (one
line, no file name) and :func:`read_file` turns that into a
:class:`HighlightsError` naming the file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..export import EXTENSIONS, SCHEMA_VERSION, SCHEMA_VERSIONS, alignment_record, article_record, group_record
from ..model import Alignment, Group

FILE_TYPE = "sidebyside-highlights"


class HighlightsError(Exception):
    """Something a user can cause (a corrupt file, an unwritable folder);
    ``str(error)`` is one line naming the file and the problem."""


class _Foreign(Exception):
    """Not a highlights file at all (or a format this version cannot read)."""


class _Damaged(Exception):
    """A highlights file with something wrong inside."""



def format_of(path: str | Path) -> str:
    """The format :func:`save` writes to ``path`` ("json", "markdown" or
    "csv"); raises :class:`HighlightsError` (one line, naming the file and
    the extensions it could have) for any other extension, so a save
    dialog can say so before saving."""
    path = Path(path)
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        shown = f"'{path.suffix}'" if path.suffix else "no extension"
        raise HighlightsError(
            f"{path}: cannot save as {shown}; use .json (can be reopened), .md (a report) or .csv (a table)"
        )
    return fmt


def kept_groups(alignment: Alignment, kept: Mapping[str, str | None]) -> list[Group]:
    ids = {g.id for g in alignment.groups}
    unknown = [gid for gid in kept if gid not in ids]
    if unknown:
        raise ValueError(f"kept group ids not in the alignment: {', '.join(map(str, unknown))}")
    return [g for g in alignment.groups if g.id in kept]


def notes_of(kept: Mapping[str, str | None]) -> dict[str, str]:
    return {gid: (note or "") for gid, note in kept.items()}


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _relative(target: Path, folder: Path) -> str | None:
    try:
        return Path(os.path.relpath(Path(target).resolve(), folder.resolve())).as_posix()
    except (ValueError, OSError):  # another drive on Windows
        return None


def highlights_record(
    path: Path, alignment: Alignment, kept: Mapping[str, str | None], *, all_groups: bool = False
) -> dict[str, Any]:
    """The JSON object :func:`save` writes to ``path`` (see the module doc)."""
    notes = notes_of(kept)
    chosen = kept_groups(alignment, kept)  # unknown ids are an error either way
    groups = alignment.groups if all_groups else chosen
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
        "saved_at": utc_now().isoformat().replace("+00:00", "Z"),
        "generator": base["generator"],
        "options": base["options"],
        "articles": articles,
        "groups": [group_record(g, {"kept": g.id in notes, "note": notes.get(g.id, "")}) for g in groups],
    }


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
    if version not in SCHEMA_VERSIONS:  # version 1 files (no facts) load too
        newer = "a newer" if version > SCHEMA_VERSION else "an unknown"
        raise _Foreign(
            f"written in {newer} format (schema version {version}; this sidebyside {__version__} "
            f"reads versions {', '.join(map(str, SCHEMA_VERSIONS))})"
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


class Unreadable(Exception):
    """Why a file cannot be read as highlights (one line, no file name)."""


def parse_file(path: Path) -> dict:
    """Read and validate a highlights file; raises Unreadable.  Never
    writes to the file."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown", ".csv"):
        what = "a Markdown report" if suffix != ".csv" else "a CSV table"
        raise Unreadable(f"is {what}, which cannot be reopened; open the .json file saved with the highlights")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except IsADirectoryError:
        raise Unreadable("is a folder, not a highlights file") from None
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise Unreadable("not a sidebyside highlights file (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise Unreadable(f"damaged or not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise Unreadable("damaged (nested too deeply)") from None
    try:
        return _validate(data)
    except _Foreign as exc:
        raise Unreadable(str(exc)) from None
    except _Damaged as exc:
        raise Unreadable(f"damaged highlights file ({exc})") from None


def read_file(path: Path) -> dict:
    """:func:`parse_file`, its failures as HighlightsError."""
    try:
        return parse_file(path)
    except Unreadable as exc:
        untouched = path.is_file() and not str(exc).startswith("is a")
        raise HighlightsError(f"{path}: {exc}" + ("; the file was left as it is" if untouched else "")) from None

