"""Exports with the facts: the .md report's overview table, versions with
their changed words, speakers and flags; the CSV's quoted, speaker and
changes columns, outlet labels and byte-order mark; JSON schema version 2,
and version 1 files still loading."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from sidebyside.aligning.align import align
from sidebyside.coverage import cell_text, coverage
from sidebyside.export import CSV_BOM, SCHEMA_VERSION, alignment_record, render, to_csv, to_markdown


@pytest.fixture(scope="module")
def alignment(sample_articles):
    return align(sample_articles)


def _never_group(alignment):
    return next(g for g in alignment.groups if any("Western sponsors" in p.text for p in g.passages))


def test_report_opens_with_the_overview_table(alignment):
    text = to_markdown(alignment)
    lines = text.splitlines()
    table = [line for line in lines if line.startswith("| group | passage | speaker | flags |")]
    assert table, text[:500]
    head = lines.index(table[0])
    # The overview comes before the articles and before any group section.
    first_group = next(i for i, line in enumerate(lines) if line.startswith("## "))
    assert head < first_group
    assert head < lines.index("The articles:")
    columns = [c.strip() for c in table[0].strip("|").split("|")]
    cov = coverage(alignment)
    assert columns[4:] == [alignment.articles[a].label for a in cov.columns]
    rows = lines[head + 2 : head + 2 + len(alignment.groups)]
    assert [r.split("|")[1].strip() for r in rows] == [g.id for g in alignment.groups]
    never = _never_group(alignment)
    row = rows[[g.id for g in alignment.groups].index(never.id)]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[2] == "Lavrov" and "hedge" in cells[3]
    for a, cell in zip(cov.columns, cells[4:]):
        assert cell == cell_text(cov.row(never.id).cells.get(a), cov.dated)
        assert (cell == "·") == (a not in never.article_indexes)
        if a in never.article_indexes:
            assert cell.startswith("❝")  # both versions carry the direct quote
    assert "● word for word" in text


def test_report_groups_mark_changed_words_speakers_and_flags(alignment):
    text = to_markdown(alignment)
    never = _never_group(alignment)
    section = text.split(f"## {never.id} ", 1)[1].split("\n## ", 1)[0]
    assert section.splitlines()[0].endswith("⚑ hedge")
    up = next(line for line in section.splitlines() if line.startswith("- **Ukrainska Pravda**"))
    assert "direct quote" in up and "said by Lavrov" in up
    assert "**allegedly**" in up
    changes = section.splitlines()[section.splitlines().index(up) + 1]
    # Material changes first, dropped words last.
    assert changes.index("hedge: adds “allegedly”") < changes.index("drops “saying”")


def test_report_marks_who_was_first_when_every_outlet_is_dated(alignment):
    dates = ["2022-10-31", "2022-10-30", "2022-11-01", "2022-10-30", "2022-10-29"]
    dated = replace(alignment, articles=tuple(replace(a, date=d) for a, d in zip(alignment.articles, dates)))
    cov = coverage(dated)
    assert cov.dated
    assert [dates[a] for a in cov.columns] == sorted(dates)
    for row in cov.rows:
        carriers = row.group.article_indexes
        earliest = min(dates[a] for a in carriers)
        assert row.first_seen == tuple(a for a in carriers if dates[a] == earliest)
    text = to_markdown(dated)
    assert "¹" in text and "carried first (outlets in date order)" in text


def test_csv_has_facts_columns_and_outlet_labels(alignment):
    text = to_csv(alignment)
    assert not text.startswith(CSV_BOM)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"quoted", "speaker", "changes", "flags", "outlet"} <= set(rows[0])
    assert "article" not in rows[0]  # articles are named by their outlet label, never numbered
    labels = {a.label for a in alignment.articles}
    assert {r["outlet"] for r in rows} <= labels
    never = _never_group(alignment)
    up = next(r for r in rows if r["group"] == never.id and r["outlet"] == "Ukrainska Pravda")
    assert up["quoted"] == "yes" and up["speaker"] == "Lavrov"
    assert "hedge: adds “allegedly”" in up["changes"]


def test_csv_file_opens_in_a_spreadsheet_as_utf8(alignment, tmp_path):
    """A file gets a UTF-8 byte-order mark; "—" and "Ü" survive."""
    first = alignment.groups[0]
    article = alignment.articles[first.passages[0].article]
    renamed = replace(article, outlet="Überblick — Test")
    odd = replace(alignment, articles=tuple(renamed if a is article else a for a in alignment.articles))
    data = render(odd, "csv", to_file=True).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    # What a spreadsheet's UTF-8 import (utf-8-sig) reads back.
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert "Überblick — Test" in {r["outlet"] for r in rows}
    assert list(rows[0])[0] == "group"


def test_json_is_schema_2_with_facts(alignment):
    record = alignment_record(alignment)
    assert record["schema_version"] == SCHEMA_VERSION == 2
    never = _never_group(alignment)
    group = next(g for g in record["groups"] if g["id"] == never.id)
    assert group["flags"] == ["hedge"]
    assert any(c["kind"] == "hedge" and c["after"] == "allegedly" for c in group["changes"])
    assert all({"quoted", "speaker"} <= set(p) for p in group["passages"])
    json.dumps(record)  # plain JSON


def test_version_1_and_2_files_both_load(alignment, sample_articles, tmp_path):
    from sidebyside.highlights import load, save

    never = _never_group(alignment)
    target = tmp_path / "v2.json"
    save(target, alignment, {never.id: "check allegedly"})
    loaded = load(target, sample_articles)
    assert [g.id for g in loaded.groups] == [never.id]
    assert loaded.groups[0].passages == never.passages  # the facts come back too
    data = json.loads(target.read_text(encoding="utf-8"))
    data["schema_version"] = 1
    for g in data["groups"]:
        g.pop("changes"), g.pop("flags")
        for p in g["passages"]:
            p.pop("quoted"), p.pop("speaker")
    old = tmp_path / "v1.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    loaded = load(old, sample_articles)
    assert [g.note for g in loaded.groups] == ["check allegedly"]
    assert [(p.start, p.end) for p in loaded.groups[0].passages] == [(p.start, p.end) for p in never.passages]


def test_csv_and_report_carry_each_articles_date(alignment):
    """Issue 10 item 6: exports carry the article's date (the report's outlet
    table and a CSV ``date`` column), blank when it is not known."""
    dated = replace(
        alignment, articles=[replace(a, date=f"2024-03-{10 + i:02d}") for i, a in enumerate(alignment.articles)]
    )
    rows = list(csv.DictReader(io.StringIO(to_csv(dated))))
    assert rows and all(r["date"] == f"2024-03-{10 + _outlet_index(dated, r['outlet']):02d}" for r in rows)
    blank = replace(alignment, articles=[replace(a, date=None) for a in alignment.articles])
    undated = list(csv.DictReader(io.StringIO(to_csv(blank))))
    assert {r["date"] for r in undated} == {""}
    report = to_markdown(dated)
    assert "| outlet | date |" in report
    assert all(f"2024-03-{10 + i:02d}" in report for i in range(len(dated.articles)))


def _outlet_index(alignment, label: str) -> int:
    return next(i for i, a in enumerate(alignment.articles) if a.label == label)


def test_word_for_word_only_where_two_versions_match():
    """User test item 5: ● means the same words as another version; in a
    variant row where no two versions match, no outlet gets ●."""
    from sidebyside.coverage import group_row
    from sidebyside.model import Group, Passage

    def alignment_of(texts):
        passages = tuple(Passage(i, 0, len(t), t, 90.0 - i) for i, t in enumerate(texts))
        group = Group("g1", "variant", False, passages)
        return group, type("A", (), {"articles": [type("Art", (), {"date": None})() for _ in texts]})()

    group, al = alignment_of(
        ["Talks could start soon, he said.", "Talks may start soon, he said.", "Talks start soon."]
    )
    row = group_row(al, group)
    assert {c.status for c in row.cells.values()} == {"variant"}
    assert "●" not in "".join(cell_text(c) for c in row.cells.values())
    group, al = alignment_of(["Talks could start soon.", "Talks could start soon!", "Talks may start."])
    row = group_row(al, group)
    assert [row.cells[a].status for a in range(3)] == ["verbatim", "verbatim", "variant"]
