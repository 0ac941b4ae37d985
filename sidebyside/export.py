"""Writing an alignment out: JSON (complete, documented in the README),
Markdown (a report to paste), CSV (one row per passage) and a plain table for
the terminal.  The same passage shape serves ``sidebyside align`` and the
saved-highlights files.

Articles are named by their outlet label everywhere (the CSV, the report,
the table), never by a number.  Schema version 2 adds each passage's
``quoted`` and ``speaker`` and each group's ``changes`` and ``flags``;
version 1 files carry none of them and still load.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from . import __version__
from .marks import as_read, is_markdown_path, without_marks
from .text import clip, one_line, plural, shown_similarity

if TYPE_CHECKING:  # types only: the app's panel imports this module at start-up
    from .model import Alignment, Change, Group, Passage
    from .reading.articles import Article

SCHEMA_VERSION = 2
#: Versions a reader of saved files accepts.
SCHEMA_VERSIONS = (1, 2)
#: What opens a CSV file so that spreadsheets read it as UTF-8 ("—", "Ü").
CSV_BOM = "\ufeff"
FORMATS = ("table", "json", "markdown", "csv")
#: File extensions and the format each names (``align --output``, saved highlights).
EXTENSIONS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".csv": "csv"}


def article_record(article: Article) -> dict[str, Any]:
    record = {
        "path": str(article.path),
        "source": article.source,  # the path, or the URL a page was fetched from
        "title": article.title,
        "outlet": article.outlet,
        "sha256": article.sha256,  # of what offsets index: the file's bytes, or a page's extracted text
        "encoding": article.encoding,
    }
    for key in ("date", "author"):  # when known
        if getattr(article, key, None):
            record[key] = getattr(article, key)
    return record


def passage_record(passage: Passage) -> dict[str, Any]:
    return {
        "article": passage.article,
        "start": passage.start,
        "end": passage.end,
        "text": passage.text,
        "similarity": passage.similarity,
        "quoted": passage.quoted,
        "speaker": passage.speaker,
        "speakers": list(passage.speakers),
    }


def change_record(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "passage": change.passage,
        "reference": change.reference,
        "before": change.before,
        "after": change.after,
    }


def group_record(group: Group, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": group.id,
        "kind": group.kind,
        "quote": group.quote,
        "similarity": group.similarity,
        "flags": list(group.flags),
        "changes": [change_record(c) for c in group.changes],
    }
    if extra:
        record.update(extra)
    record["passages"] = [passage_record(p) for p in group.passages]
    if group.repeats:  # optional: absent means none (older version 2 files, most groups)
        record["repeats"] = [passage_record(r) for r in group.repeats]
    return record


def repeat_line(article: Article, repeat: Passage) -> int:
    """The line of its file (1-based) a repeat starts on, as an editor or
    ``grep -n`` counts them."""
    return article.text.count("\n", 0, repeat.start) + 1


def repeat_text(article: Article, repeat: Passage) -> str:
    """"also repeated in Press TV at line 14": where a version's repeat is."""
    return f"also repeated in {article.label} at line {repeat_line(article, repeat)}"


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
    """The text ``json.dumps(record, ensure_ascii=False, indent=2)`` gives,
    written faster (:mod:`.jsontext`)."""
    from .jsontext import dumps  # only this format needs json: the table, report and CSV start without it

    return dumps(alignment_record(alignment)) + "\n"




def write_json(alignment: Alignment, write: Callable[[str], object]) -> None:
    """:func:`to_json`'s text handed to ``write`` a part at a time."""
    from .jsontext import dump

    dump(alignment_record(alignment), write)
    write("\n")


def group_heading(group: Group) -> str:
    """"g3 · variant · quote · similarity 70": a group quoted by some of its
    versions only says so ("quoted in 2 of 3")."""
    quoted = sum(1 for p in group.passages if p.quoted)
    n = len(group.passages)
    if 0 < quoted < n:
        quote = f"quoted in {quoted} of {n}"
    else:
        quote = "quote" if group.quote or quoted else "narrative"
    return f"{group.id} · {group.kind} · {quote} · similarity {shown_similarity(group.similarity)}"


def flag_text(group: Group) -> str:
    """The group's flags in words ("who said, number"), "" without any."""
    from .coverage import FLAG_LABELS

    return ", ".join(FLAG_LABELS.get(f, f) for f in group.flags)


def change_text(change: Change, cut: int | None = None) -> str:
    """One change in words: its kind and the words on each side; the words
    quoted or paraphrased whole (exports, the copied text), or cut to
    ``cut`` characters (the passage panel's rows)."""
    from .coverage import FLAG_LABELS

    label = FLAG_LABELS.get(change.kind, change.kind)
    if change.kind == "added":
        return f"adds “{change.after}”"
    if change.kind == "dropped":
        return f"drops “{change.before}”"
    if change.kind == "quote-paraphrase":
        # Say which way round, with the words as quoted (the quoted side carries “”).
        if change.before.startswith("“") and not change.after.startswith("“"):
            return f"{label}: paraphrases {_clip_quoted(change.before, cut)}"
        if change.after.startswith("“") and not change.before.startswith("“"):
            return f"{label}: quotes {_clip_quoted(change.after, cut)}"
        return f"{label}: {change.before} → {change.after}"
    if change.kind == "attribution" and change.span is None and change.ref_span is None:
        return f"{label}: {change.before} → {change.after}"  # the versions' speakers
    if not change.before:
        return f"{label}: adds “{change.after}”"
    if not change.after:
        return f"{label}: drops “{change.before}”"
    before, after = f"“{change.before}”", f"“{change.after}”"
    if change.kind == "other":
        return f"{before} → {after}"
    return f"{label}: {before or '—'} → {after or '—'}"


def _clip_quoted(text: str, cut: int | None) -> str:
    """Quoted words cut to ``cut`` characters at a word's end, their closing
    mark kept (“library will be open to every child…”): cut mid-word with
    no closing mark, the next change read as part of the quotation."""
    if cut is None or len(text) <= cut:
        return text
    inner = text[1:-1] if text.endswith("”") else text[1:]
    room = max(1, cut - 3)
    part = inner[:room]
    if inner[room : room + 1].isalnum() and " " in part:
        part = part.rsplit(" ", 1)[0]  # not mid-word
    return f"“{part.rstrip(' ,;:.')}…”"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


#: A quotation mark with the spaces and punctuation round it: bold stops there.
_QUOTE_BREAK = re.compile(r"""[^\w]*["“”«»„‘’][^\w]*""")


def _bold(words: str) -> str:
    """``words`` in bold, the bold round the words only: never across a
    quotation mark (``**happy," Kovalenco**`` read as the quote's words and
    the speaker's run together), nor with space inside its marks."""
    out, at = [], 0
    for mark in [*_QUOTE_BREAK.finditer(words), None]:
        end = mark.start() if mark else len(words)
        piece = words[at:end]
        if piece.strip():
            lead, core = piece[: len(piece) - len(piece.lstrip())], piece.strip()
            out.append(f"{lead}**{core}**{piece[len(piece.rstrip()):]}")
        else:
            out.append(piece)
        if mark:
            out.append(mark.group())
            at = mark.end()
    return "".join(out)


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """The version's text on one line, the changed words in bold (and
    only they: an ``*`` of the text is escaped, ``\\*``)."""
    out = []
    at = 0
    for s, e in sorted(spans):
        if s < at:
            continue
        out.append(_escaped(text[at:s]))
        out.append(_bold(_escaped(text[s:e])))
        at = e
    out.append(_escaped(text[at:]))
    return one_line("".join(out))


def _escaped(text: str) -> str:
    return text.replace("*", "\\*")


def overview_markdown(alignment: Alignment, groups: Iterable[Group] | None = None) -> list[str]:
    """The overview table: one row per group, one column per outlet (by date
    when the articles have one), with flags and who carried it first."""
    from .coverage import cell_text, column_order, group_row, own_counts

    arts = alignment.articles
    columns, dated = column_order(alignment)
    shown = list(alignment.groups if groups is None else groups)
    head = ["group", "passage", "speaker", "flags", *(arts[a].label for a in columns)]
    out = ["| " + " | ".join(_cell(h) for h in head) + " |", "|" + "---|" * len(head)]
    firsts = False
    for group in shown:
        row = group_row(alignment, group)
        firsts = firsts or bool(row.first_seen)
        cells = [
            group.id,
            clip(row.wording, 60),
            row.speaker or "",
            flag_text(group),
            *(cell_text(row.cells.get(a), dated) for a in columns),
        ]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    legend = "● word for word · ◐ a variant (its similarity) · · not carried · ❝ a direct quote"
    if dated and firsts:
        legend += " · ¹ carried first (outlets in date order)"
    out += ["", legend + "."]
    own = own_counts(alignment)
    mine = [(a, own[a]) for a in columns]
    if any(n for _, n in mine):
        counts = " · ".join(f"{arts[a].label} {n}" for a, n in mine)
        out += ["", f"Only here (paragraphs no other outlet carries): {counts}."]
    return out


def to_markdown(
    alignment: Alignment,
    notes: Mapping[str, str] | None = None,
    title: str | None = None,
    kept: Collection[str] | None = None,
    groups: Iterable[Group] | None = None,
) -> str:
    """A Markdown report: the overview table (outlets × groups, flags, first
    seen), the articles, then each group with its versions per outlet (the
    changed words in bold, quote status and speaker), its flags and changes,
    and its note (``notes``: group id -> note).  With ``kept``, the headings
    of those groups say "kept".  With ``groups``, only those groups are
    reported (a reader's highlights), while what each outlet carries alone
    is still counted on the whole alignment."""
    arts = alignment.articles
    shown = tuple(alignment.groups if groups is None else groups)
    out = [f"# {title or 'Aligned passages'}", ""]
    out.append(f"{plural(len(shown), 'passage group')} across {plural(len(arts), 'article')}.")
    if shown:
        out += [""] + overview_markdown(alignment, shown)
    out += ["", "The articles:", ""]
    out.append("| outlet | date | title | file | sha256 |")
    out.append("|---|---|---|---|---|")
    for a in arts:
        cells = [a.label, getattr(a, "date", None) or "", a.title, a.path.name, a.sha256[:12]]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    for group in shown:
        mark = " · kept" if kept is not None and group.id in kept else ""
        flags = flag_text(group)
        out += ["", f"## {group_heading(group)}{' · ⚑ ' + flags if flags else ''}{mark}", ""]
        if notes and notes.get(group.id):
            out += [f"> **Note:** {one_line(notes[group.id])}", ""]
        for k, p in enumerate(group.passages):
            art = arts[p.article]
            mine = [c for c in group.changes if c.passage == k]
            spans = [c.span for c in mine if c.span and c.kind != "quote-paraphrase"]
            facts = [f"chars {p.start}–{p.end}", *_version_facts(p)]
            # A Markdown article's own ** is left out: the bold is the changed words.
            out.append(f"- **{art.label}** ({', '.join(facts)}): “{_marked(*as_read(art, p, spans))}”")
            if mine:
                out.append(f"  - {_changes_line(read_changes(alignment, group, mine))}")
        for r in group.repeats:
            art = arts[r.article]
            out.append(f"- ↻ {repeat_text(art, r)} (chars {r.start}–{r.end}): “{one_line(as_read(art, r)[0])}”")
    return "\n".join(out) + "\n"


def _version_facts(p: Passage) -> list[str]:
    """What a version's line says of it: its similarity, whether it is a
    direct quote, who said it."""
    facts = [f"similarity {shown_similarity(p.similarity)}", "direct quote" if p.quoted else "not quoted"]
    if p.said_by:
        facts.append(f"said by {p.said_by}")
    return facts


def read_changes(alignment: Alignment, group: Group, changes: Iterable[Change]) -> list[Change]:
    """``changes`` with each side's words as a reader reads them: a Markdown
    article's marks left out of the words it gives, by the article each
    side comes from (``before``: the reference version's, which may be a
    Markdown file while this version is plain; ``after``: the version's
    own), one change at a time (a stray ``**`` in one change is never
    paired with one in the next)."""
    from dataclasses import replace

    def words(index: int, text: str) -> str:
        if not text or not 0 <= index < len(group.passages):
            return text
        path = getattr(alignment.articles[group.passages[index].article], "path", None)
        return without_marks(text) if path is not None and is_markdown_path(path) else text

    return [replace(c, before=words(c.reference, c.before), after=words(c.passage, c.after)) for c in changes]


def _changes_line(changes: list[Change]) -> str:
    """A version's changes in words, on one line, what it drops last."""
    material, others, dropped = listed_changes(changes)
    return " · ".join(one_line(text) for text in [*material, *others, *(f"drops {d}" for d in dropped)])


#: Verbs of saying: an attribution moved before or after its quote is the same words
#: ("said Marta Castell" / "Marta Castell said"). "added" only after a name: before
#: words it is their verb ("added 200 jobs" is no move of "200 jobs").
_SAYING_ENDS = re.compile(r"^(?:(?:said|says|told)\b[\s,]*)+|[\s,]*(?:\b(?:said|says|told|added)[\s,.]*)+$")


def _content(text: str) -> list[str]:
    """A phrase's words in order, casefolded, without a verb of saying at
    either end: words moved are the same words in the same order ("shot the
    suspect" is never "suspect shot the"), an attribution's "said" aside."""
    return re.findall(r"\w+", _SAYING_ENDS.sub("", text.casefold()))


def _counted(texts: list[str]) -> list[str]:
    """``texts`` each once, in order, "×2" after one listed twice."""
    counts: dict[str, int] = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    return [text + (f" ×{n}" if n > 1 else "") for text, n in counts.items()]


def listed_changes(changes: list[Change], cut: int | None = None) -> tuple[list[str], list[str], list[str]]:
    """A version's changes as the panel and the reports list them: the ones
    a reader must check, the others (words added or replaced, and words
    moved: added in one place and dropped in another, "moves “said Marta
    Castell …”", an attribution put after its quote), and the phrases it
    drops (in quotation marks); each said once ("adds “EUR” ×2", not "adds “EUR” · adds “EUR”").
    ``cut``: the quote-vs-paraphrase words cut to that many characters."""
    added = [c for c in changes if c.kind in ("added", "other")]
    dropped = [c for c in changes if c.kind == "dropped"]
    moves = []
    for change in [c for c in added if c.kind == "added"]:
        words = _content(change.after)
        twin = next((d for d in dropped if words and _content(d.before) == words), None)
        if twin is not None:
            added.remove(change)
            dropped.remove(twin)
            moves.append(f"moves “{_SAYING_ENDS.sub('', twin.before) or twin.before}”")
    return (
        _counted([change_text(c, cut=cut) for c in changes if c.material]),
        _counted([change_text(c) for c in added] + moves),
        _counted([f"“{c.before}”" for c in dropped]),
    )


def group_plain_text(alignment: Alignment, group: Group) -> str:
    """A group as plain text, as the clipboard takes it: its heading and
    flags, then each version with its outlet, facts and text, and the
    changes against the group's most common wording under it."""
    flags = flag_text(group)
    lines = [group_heading(group) + (f" · ⚑ {flags}" if flags else "")]
    for k, p in enumerate(group.passages):
        art = alignment.articles[p.article]
        # As read: a Markdown version without its ** (the panel above it shows none).
        lines.append(f"- {art.label} ({', '.join(_version_facts(p))}): “{one_line(as_read(art, p)[0])}”")
        mine = [c for c in group.changes if c.passage == k]
        if mine:
            lines.append(f"  {_changes_line(read_changes(alignment, group, mine))}")
    return "\n".join(lines) + "\n"


CSV_FIELDS = [
    "group", "kind", "quote", "group_similarity", "flags", "outlet", "date", "title", "path",
    "start", "end", "similarity", "quoted", "speaker", "changes", "text",
]


def to_csv(
    alignment: Alignment,
    notes: Mapping[str, str] | None = None,
    kept: Collection[str] | None = None,
    bom: bool = False,
) -> str:
    """One row per passage, its article named by its outlet label.  With
    ``notes`` (group id -> note) a ``note`` column; with ``kept`` a ``kept``
    column (yes/no).  ``changes`` lists the version's differences from the
    group's most common wording ("kind: before → after", separated by
    "; ").  A text or note is one line, its line breaks (a hard-wrapped
    article's) read as spaces, as in the Markdown report.  With ``bom``,
    the text starts with a byte-order mark, so that a spreadsheet opening
    the file reads it as UTF-8."""
    import csv  # only this format needs it: not loaded by every align run

    buf = io.StringIO()
    if bom:
        buf.write(CSV_BOM)
    fields = CSV_FIELDS + (["kept"] if kept is not None else []) + (["note"] if notes is not None else [])
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for group in alignment.groups:
        flags = flag_text(group)
        for k, p in enumerate(group.passages):
            art = alignment.articles[p.article]
            row = {
                "group": group.id,
                "kind": group.kind,
                "quote": "yes" if group.quote else "no",
                "group_similarity": group.similarity,
                "flags": flags,
                "outlet": art.label,
                "date": getattr(art, "date", None) or "",
                "title": art.title,
                "path": str(art.path),
                "start": p.start,
                "end": p.end,
                "similarity": p.similarity,
                "quoted": "yes" if p.quoted else "no",
                "speaker": p.said_by or "",
                "changes": "; ".join(
                    one_line(change_text(c))
                    for c in read_changes(alignment, group, (c for c in group.changes if c.passage == k))
                ),
                "text": one_line(p.text),
            }
            if kept is not None:
                row["kept"] = "yes" if group.id in kept else "no"
            if notes is not None:
                row["note"] = one_line(notes.get(group.id, ""))
            writer.writerow(row)
    return buf.getvalue()


#: The table's group column at most, and its outlet column at least (in columns).
GROUP_WIDTH = 16
OUTLET_WIDTH = 14


def to_table(alignment: Alignment, width: int | None = None, color: bool = False) -> str:
    """A readable table for the terminal, rendered with rich."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, expand=True, title=None, header_style="bold")
    # The group's flags wrap (a long list took a third of an 80-column
    # table); an outlet's name keeps room for a word or two a line.
    table.add_column("group", max_width=GROUP_WIDTH)
    table.add_column("outlet", ratio=1, width=OUTLET_WIDTH)  # (with a ratio, width is its least)
    table.add_column("sim", justify="right", no_wrap=True)
    table.add_column("passage", ratio=4)
    for group in alignment.groups:
        flags = flag_text(group)
        label = f"{group.id}\n{group.kind}" + ("\nquote" if group.quote else "") + (f"\n⚑ {flags}" if flags else "")
        for i, p in enumerate(group.passages):
            # Text, not markup: "[that refused talks]" is the quote, not a style.
            passage = Text(one_line(as_read(alignment.articles[p.article], p)[0]))
            mine = [c for c in group.changes if c.passage == i]
            if mine:
                # What it changes, under it: the flags name the kinds, these the words ("never" → "rarely").
                changed = _changes_line(read_changes(alignment, group, mine))
                passage.append(f"\n↳ {'⚑ ' if any(c.material for c in mine) else ''}{changed}", style="dim")
            table.add_row(
                Text(label if i == 0 else ""),
                Text(
                    alignment.articles[p.article].label
                    + ("\n❝ quoted" if p.quoted else "")
                    + (f"\nsaid by {p.said_by}" if p.said_by else "")
                ),
                shown_similarity(p.similarity),
                passage,
            )
        for r in group.repeats:  # a stretch repeating a version inside its own article
            art = alignment.articles[r.article]
            table.add_row(
                Text(""),
                Text(f"{art.label}\n↻ repeat, line {repeat_line(art, r)}"),
                shown_similarity(r.similarity),
                Text(one_line(as_read(art, r)[0])),
            )
        table.add_section()
    buf = io.StringIO()
    console = Console(file=buf, width=width or 120, color_system="standard" if color else None, legacy_windows=False)
    arts = alignment.articles
    console.print(
        f"{plural(len(alignment.groups), 'passage group')} across {plural(len(arts), 'article')}: "
        + ", ".join(a.label for a in arts),
        markup=False,
        highlight=False,
    )
    if alignment.groups:
        console.print(table)
    return buf.getvalue()


def render(
    alignment: Alignment, fmt: str, width: int | None = None, color: bool = False, to_file: bool = False
) -> str:
    """The alignment in ``fmt``; ``to_file``: for a file (a CSV starts with a
    byte-order mark, for spreadsheets), else for a terminal or a pipe."""
    if fmt == "json":
        return to_json(alignment)
    if fmt == "markdown":
        return to_markdown(alignment)
    if fmt == "csv":
        return to_csv(alignment, bom=to_file)
    if fmt == "table":
        return to_table(alignment, width, color)
    raise ValueError(f"unknown format {fmt!r}")
