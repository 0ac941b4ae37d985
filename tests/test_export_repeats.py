"""Group.repeats in the exports: a stretch repeated inside one article (a
pull-quote, a headline repeated as a standfirst) is listed with its group in
the JSON (an optional field of schema version 2), the Markdown report and
the table; files without it, older version 2 and version 1, still load."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import sample_alignment

from sidebyside.export import SCHEMA_VERSION, passage_record, repeat_line, to_json, to_markdown, to_table
from sidebyside.highlights import loading
from sidebyside.model import Alignment, Passage
from sidebyside.reading.articles import load_articles

HEADLINE = "Putin 'ready' for talks with West over Ukraine: Lavrov"


@pytest.fixture(scope="module")
def plain() -> Alignment:
    return sample_alignment.load(load_articles())


def with_repeat(alignment: Alignment) -> Alignment:
    """The fixed sample alignment with Press TV's headline given to g1 as a
    repeat of its Press TV version."""
    g1 = alignment.groups[0]
    press = next(p.article for p in g1.passages if alignment.articles[p.article].label == "Press TV")
    text = alignment.articles[press].text
    start = text.index(HEADLINE)
    repeat = Passage(press, start, start + len(HEADLINE), HEADLINE, 71.4)
    return replace(alignment, groups=(replace(g1, repeats=(repeat,)), *alignment.groups[1:]))


@pytest.fixture(scope="module")
def repeated(plain) -> Alignment:
    return with_repeat(plain)


def test_json_lists_a_groups_repeats_in_the_passages_shape(repeated):
    data = json.loads(to_json(repeated))
    assert data["schema_version"] == SCHEMA_VERSION == 2
    g1, *others = data["groups"]
    (record,) = g1["repeats"]
    assert record == passage_record(repeated.groups[0].repeats[0])
    article = repeated.articles[record["article"]]
    assert article.text[record["start"] : record["end"]] == record["text"] == HEADLINE
    assert record["similarity"] == 71.4
    # optional: groups without repeats have no field, as before
    assert all("repeats" not in g for g in others)


def test_json_without_repeats_is_unchanged(plain):
    assert '"repeats"' not in to_json(plain)


def test_repeat_line_counts_lines_of_the_file(repeated):
    repeat = repeated.groups[0].repeats[0]
    article = repeated.articles[repeat.article]
    lines = article.text.split("\n")
    n = repeat_line(article, repeat)
    assert HEADLINE in lines[n - 1]


@pytest.mark.parametrize("drop", [False, True], ids=["with-repeats", "older-v2-without"])
def test_a_file_with_or_without_repeats_loads(tmp_path, repeated, drop):
    data = json.loads(to_json(repeated))
    if drop:
        for g in data["groups"]:
            g.pop("repeats", None)
    path = tmp_path / "aligned.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = loading.load(path, repeated.articles)
    assert not loaded.missing
    assert [g.id for g in loaded.groups] == [g.id for g in repeated.groups]
    # the repeat is no version: the group's versions are its passages only
    assert [p.place for p in loaded.groups[0].passages] == [p.place for p in repeated.groups[0].passages]


def test_a_version_1_file_still_loads(tmp_path, repeated):
    data = json.loads(to_json(repeated))
    data["schema_version"] = 1
    for g in data["groups"]:
        for key in ("repeats", "changes", "flags"):
            g.pop(key, None)
        for p in g["passages"]:
            p.pop("quoted"), p.pop("speaker")
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert len(loading.load(path, repeated.articles).groups) == len(repeated.groups)


def test_the_report_and_the_table_show_repeats(repeated, plain):
    report = to_markdown(repeated)
    repeat = repeated.groups[0].repeats[0]
    line = repeat_line(repeated.articles[repeat.article], repeat)
    assert f"- ↻ also repeated in Press TV at line {line} (chars {repeat.start}–{repeat.end}): “{HEADLINE}”" in report
    assert "↻" not in to_markdown(plain)
    table = to_table(repeated, width=160)
    assert f"↻ repeat, line {line}" in table
    assert "↻" not in to_table(plain, width=160)


def test_align_json_lists_the_pull_quotes_of_an_unseen_story(capsys):
    """End to end: the dam story's portal repeats a piece of the governor's
    quote as a standfirst and as a pull-quote; ``align --format json`` lists
    both with the quote's group, as repeats, offsets into the portal's text."""
    from pathlib import Path

    from sidebyside.cli import main

    folder = Path(__file__).parent / "data" / "unseen" / "dam"
    assert main(["align", "--format", "json", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [Path(a["path"]).name for a in data["articles"]]
    (group,) = [g for g in data["groups"] if g.get("repeats")]
    assert any("wait for a tragedy" in p["text"] for p in group["passages"])
    portal = (folder / "portal.txt").read_text(encoding="utf-8")
    pull = "Nobody will be allowed back until the engineers tell us it is safe"
    assert [names[r["article"]] for r in group["repeats"]] == ["portal.txt", "portal.txt"]
    for r in group["repeats"]:
        assert portal[r["start"] : r["end"]] == r["text"]
        assert pull in r["text"]
    assert all(pull not in p["text"] or "wait for a tragedy" in p["text"] for p in group["passages"])
