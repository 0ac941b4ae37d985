"""The alignment as JSON, Markdown, CSV and a table (sidebyside.export),
on the fixed alignment of the sample corpus (engine work never changes these)."""

from __future__ import annotations

import csv
import io
import json

import pytest
import sample_alignment

from sidebyside.export import CSV_BOM, CSV_FIELDS, FORMATS, SCHEMA_VERSION, render, to_csv, to_json, to_markdown


@pytest.fixture(scope="module")
def alignment(sample_articles):
    return sample_alignment.load(sample_articles)


def test_json_holds_every_passage_with_offsets_into_its_article(alignment):
    data = json.loads(to_json(alignment))
    assert data["schema_version"] == SCHEMA_VERSION and data["generator"].startswith("sidebyside")
    assert [a["sha256"] for a in data["articles"]] == [a.sha256 for a in alignment.articles]
    assert [g["id"] for g in data["groups"]] == [g.id for g in alignment.groups]
    for record in data["groups"]:
        for p in record["passages"]:
            assert alignment.articles[p["article"]].text[p["start"] : p["end"]] == p["text"]


def test_csv_is_one_row_per_passage(alignment):
    rows = list(csv.DictReader(io.StringIO(to_csv(alignment))))
    assert len(rows) == sum(len(g.passages) for g in alignment.groups)
    assert list(rows[0]) == CSV_FIELDS
    first = alignment.groups[0].passages[0]
    assert rows[0]["group"] == alignment.groups[0].id and rows[0]["text"] == first.text
    assert (int(rows[0]["start"]), int(rows[0]["end"])) == (first.start, first.end)


def test_csv_with_notes_and_kept_columns(alignment):
    gid = alignment.groups[1].id
    rows = list(csv.DictReader(io.StringIO(to_csv(alignment, notes={gid: "a, note"}, kept={gid}))))
    assert {r["group"] for r in rows if r["kept"] == "yes"} == {gid}
    assert {r["note"] for r in rows if r["group"] == gid} == {"a, note"}  # the comma quoted, read back whole
    assert {r["note"] for r in rows if r["group"] != gid} == {""}


def test_csv_for_a_file_starts_with_a_byte_order_mark(alignment):
    assert render(alignment, "csv", to_file=True).startswith(CSV_BOM)
    assert not render(alignment, "csv").startswith(CSV_BOM)


def test_markdown_has_a_section_per_group_with_its_versions_and_note(alignment):
    gid = alignment.groups[0].id
    text = to_markdown(alignment, {gid: "why\nit matters"}, title="Highlights", kept={gid})
    assert text.startswith("# Highlights\n")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(headings) == len(alignment.groups)
    assert headings[0].startswith(f"## {gid} ") and headings[0].endswith("· kept")
    assert not any(h.endswith("· kept") for h in headings[1:])
    assert "> **Note:** why it matters" in text  # on one line
    for p in alignment.groups[0].passages:
        assert f"**{alignment.articles[p.article].label}**" in text


def test_every_format_renders(alignment):
    for fmt in FORMATS:
        assert alignment.groups[0].id in render(alignment, fmt, width=120)
    with pytest.raises(ValueError):
        render(alignment, "yaml")


def test_an_80_column_table_keeps_room_for_the_outlet(alignment):
    # The outlet column was squeezed to 6 characters while the group column
    # took 31 for its flags on one line: the flags wrap now.
    table = render(alignment, "table", width=80)
    header = next(line for line in table.splitlines() if "outlet" in line)
    cells = header.split("┃")[1:-1]
    assert [c.strip() for c in cells] == ["group", "outlet", "sim", "passage"]
    assert len(cells[1]) >= 14 + 2 and len(cells[0]) <= 16 + 2  # (a space each side)
    assert all(len(line) <= 80 for line in table.splitlines())
    assert max(len(line) for line in table.splitlines()) == 80
    assert "Ukrainska Pravda" in table  # the outlet's name whole on a line


def test_a_similarity_is_shown_as_100_only_for_versions_that_read_the_same():
    from sidebyside.text import shown_similarity

    assert [shown_similarity(x) for x in (100.0, 99.5, 99.4, 98.6, 60.0, 59.5)] == ["100", "99", "99", "99", "60", "60"]


def test_csv_cells_are_one_line_as_in_the_report():
    """A hard-wrapped article's passage (a newsletter wrapped at 70
    columns) is one line in its CSV text cell, as in the Markdown report;
    a note's line breaks too. The offsets still index the article."""
    from pathlib import Path

    from sidebyside.model import Alignment, Group, Passage
    from sidebyside.reading.articles import article_from_text

    wrapped = "The Calloway Museum bought them between 1986\nand 1991 from the London dealer\nGerald Asquith."
    plain = " ".join(wrapped.split())
    articles = (article_from_text(Path("/tmp/letter.md"), wrapped), article_from_text(Path("/tmp/wire.txt"), plain))
    group = Group("g1", "verbatim", False, (
        Passage(0, 0, len(wrapped), wrapped, 100.0), Passage(1, 0, len(plain), plain, 100.0)
    ))
    alignment = Alignment(articles, (group,))
    text = to_csv(alignment, notes={"g1": "check\nthe sum"})
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["text"] for r in rows] == [plain, plain]
    assert {r["note"] for r in rows} == {"check the sum"}
    assert (int(rows[0]["start"]), int(rows[0]["end"])) == (0, len(wrapped))
    assert len(text.splitlines()) == 3  # the header and a line per passage
    assert f"“{plain}”" in to_markdown(alignment)
