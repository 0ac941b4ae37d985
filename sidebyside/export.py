"""Writing an alignment out: JSON (complete, documented in the README),
Markdown (a report to paste), CSV (one row per passage) and a plain table for
the terminal.  The same passage shape serves ``sidebyside align`` and the
saved-highlights files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:  # types only: the app's panel imports this module at start-up
    from .model import Alignment, Group, Passage
    from .reading.articles import Article

SCHEMA_VERSION = 1
FORMATS = ("table", "json", "markdown", "csv")


def article_record(article: Article) -> dict[str, Any]:
    return {
        "path": str(article.path),
        "title": article.title,
        "outlet": article.outlet,
        "sha256": article.sha256,
        "encoding": article.encoding,
    }


def passage_record(passage: Passage) -> dict[str, Any]:
    return {
        "article": passage.article,
        "start": passage.start,
        "end": passage.end,
        "text": passage.text,
        "similarity": passage.similarity,
    }


def group_record(group: Group, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": group.id,
        "kind": group.kind,
        "quote": group.quote,
        "similarity": group.similarity,
    }
    if extra:
        record.update(extra)
    record["passages"] = [passage_record(p) for p in group.passages]
    return record


def alignment_record(alignment: Alignment, groups: Iterable[Group] | None = None) -> dict[str, Any]:
    opts = alignment.options
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"sidebyside {__version__}",
        "options": {"min_similarity": opts.min_similarity, "min_words": opts.min_words},
        "articles": [article_record(a) for a in alignment.articles],
        "groups": [group_record(g) for g in (alignment.groups if groups is None else groups)],
    }


def to_json(alignment: Alignment) -> str:
    return json.dumps(alignment_record(alignment), ensure_ascii=False, indent=2) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def group_heading(group: Group) -> str:
    quote = "quote" if group.quote else "narrative"
    return f"{group.id} · {group.kind} · {quote} · similarity {group.similarity:.0f}"


def to_markdown(
    alignment: Alignment,
    notes: Mapping[str, str] | None = None,
    title: str | None = None,
    kept: Collection[str] | None = None,
) -> str:
    """A Markdown report: the articles, then each group with its versions
    per outlet and its note (``notes``: group id -> note).  With ``kept``,
    the headings of those groups say "kept"."""
    arts = alignment.articles
    out = [f"# {title or 'Aligned passages'}", ""]
    out.append(f"{_count(len(alignment.groups), 'passage group')} across {_count(len(arts), 'article')}.")
    out.append("")
    out.append("| # | outlet | title | file | sha256 |")
    out.append("|---|---|---|---|---|")
    for i, a in enumerate(arts, 1):
        cells = [str(i), a.outlet or "", a.title, a.path.name, a.sha256[:12]]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    for group in alignment.groups:
        mark = " · kept" if kept is not None and group.id in kept else ""
        out += ["", f"## {group_heading(group)}{mark}", ""]
        if notes and notes.get(group.id):
            out += [f"> **Note:** {_one_line(notes[group.id])}", ""]
        for p in group.passages:
            art = arts[p.article]
            out.append(
                f"- **{art.label}** (chars {p.start}–{p.end}, similarity {p.similarity:.0f}): “{_one_line(p.text)}”"
            )
    return "\n".join(out) + "\n"


CSV_FIELDS = [
    "group", "kind", "quote", "group_similarity", "article", "outlet", "title", "path",
    "start", "end", "similarity", "text",
]


def to_csv(
    alignment: Alignment, notes: Mapping[str, str] | None = None, kept: Collection[str] | None = None
) -> str:
    """One row per passage.  With ``notes`` (group id -> note) a ``note``
    column; with ``kept`` a ``kept`` column (yes/no)."""
    buf = io.StringIO()
    fields = CSV_FIELDS + (["kept"] if kept is not None else []) + (["note"] if notes is not None else [])
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for group in alignment.groups:
        for p in group.passages:
            art = alignment.articles[p.article]
            row = {
                "group": group.id,
                "kind": group.kind,
                "quote": "yes" if group.quote else "no",
                "group_similarity": group.similarity,
                "article": p.article,
                "outlet": art.outlet or "",
                "title": art.title,
                "path": str(art.path),
                "start": p.start,
                "end": p.end,
                "similarity": p.similarity,
                "text": p.text,
            }
            if kept is not None:
                row["kept"] = "yes" if group.id in kept else "no"
            if notes is not None:
                row["note"] = notes.get(group.id, "")
            writer.writerow(row)
    return buf.getvalue()


def to_table(alignment: Alignment, width: int | None = None, color: bool = False) -> str:
    """A readable table for the terminal, rendered with rich."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, expand=True, title=None, header_style="bold")
    table.add_column("group", no_wrap=True)
    table.add_column("outlet", ratio=1)
    table.add_column("sim", justify="right", no_wrap=True)
    table.add_column("passage", ratio=4)
    for group in alignment.groups:
        label = f"{group.id}\n{group.kind}" + ("\nquote" if group.quote else "")
        for i, p in enumerate(group.passages):
            # Text, not markup: "[that refused talks]" is the quote, not a style.
            table.add_row(
                Text(label if i == 0 else ""),
                Text(alignment.articles[p.article].label),
                f"{p.similarity:.0f}",
                Text(_one_line(p.text)),
            )
        table.add_section()
    buf = io.StringIO()
    console = Console(file=buf, width=width or 120, color_system="standard" if color else None, legacy_windows=False)
    arts = alignment.articles
    console.print(
        f"{_count(len(alignment.groups), 'passage group')} across {_count(len(arts), 'article')}: "
        + ", ".join(f"{i}. {a.label}" for i, a in enumerate(arts, 1)),
        markup=False,
        highlight=False,
    )
    if alignment.groups:
        console.print(table)
    return buf.getvalue()


def render(alignment: Alignment, fmt: str, width: int | None = None, color: bool = False) -> str:
    if fmt == "json":
        return to_json(alignment)
    if fmt == "markdown":
        return to_markdown(alignment)
    if fmt == "csv":
        return to_csv(alignment)
    if fmt == "table":
        return to_table(alignment, width, color)
    raise ValueError(f"unknown format {fmt!r}")
