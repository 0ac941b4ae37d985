"""Saving kept highlights: :func:`save` writes ``.json`` (complete,
reopenable), ``.md`` (a report to paste) or ``.csv`` (one row per passage),
atomically, and never replaces a file the reader may want without
``overwrite=True`` (see :mod:`.overwrite`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..atomic import atomic_write
from ..export import to_csv, to_markdown
from ..jsontext import dumps
from ..model import Alignment
from ..text import plural
from .fileformat import (
    HighlightsError,
    format_of,
    highlights_record,
    kept_groups,
    notes_of,
    utc_now,
)
from .overwrite import WouldOverwrite, check_overwrite


@dataclass(frozen=True)
class Saved:
    """What :func:`save` wrote."""

    path: Path
    groups: int  # groups written (the kept ones, or every group with ``all_groups``)
    passages: int  # passages of those groups
    backup: Path | None = None  # the replaced file's copy, when a forced save dropped something
    all_groups: bool = False  # every group was written, not only the kept ones
    kept: int = 0  # how many of the groups written are kept

    def message(self, where: str | None = None, backup: str | None = None) -> str:
        """What was saved where: ``where`` names the file (by default its
        path), ``backup`` the previous file's copy (by default its name)."""
        if self.all_groups:
            written = f"{plural(self.groups, 'group')} ({'none' if not self.kept else self.kept} kept)"
        else:
            written = plural(self.groups, "highlight")
        text = f"saved {written} to {self.path if where is None else where}"
        if self.backup is not None:
            text += f" (the old file is kept as {backup or self.backup.name})"
        return text



def render(path: Path, alignment: Alignment, kept: Mapping[str, str | None], *, all_groups: bool = False) -> str:
    """The text :func:`save` would write to ``path`` (format by extension)."""
    path = Path(path)
    fmt = format_of(path)
    if fmt == "json":
        record = highlights_record(path, alignment, kept, all_groups=all_groups)
        return dumps(record) + "\n"  # json.dumps(record, ensure_ascii=False, indent=2), faster
    notes = notes_of(kept)
    chosen = kept_groups(alignment, kept)
    groups = tuple(alignment.groups) if all_groups else tuple(chosen)
    shown = replace(alignment, groups=groups)
    if fmt == "markdown":
        stamp = utc_now().strftime("%Y-%m-%d %H:%M UTC")
        title = f"{'Aligned passages' if all_groups else 'Highlights'} (saved {stamp})"
        # The overview's "only here" counts what each outlet carries alone in the whole alignment.
        return to_markdown(alignment, notes, title=title, kept=notes.keys() if all_groups else None, groups=groups)
    return to_csv(shown, notes, kept=notes.keys() if all_groups else None, bom=True)


def _backup(path: Path) -> Path:
    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
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
    groups = kept_groups(alignment, kept)
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
    kept_count = len(groups)
    if all_groups:
        groups = list(alignment.groups)
    return Saved(path, len(groups), sum(len(g.passages) for g in groups), backup, all_groups, kept_count)

