"""Saving, reopening and re-anchoring kept highlights (sidebyside.highlights)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sidebyside import cli, highlights
from sidebyside.aligning.align import align
from sidebyside.aligning.options import AlignOptions
from sidebyside.export import passage_record, to_json
from sidebyside.highlights import HighlightsError, WouldOverwrite, apply, check_overwrite, find_span, load, save
from sidebyside.model import Alignment
from sidebyside.reading.articles import load_articles, sample_corpus_path

# ids in the sample corpus's alignment (default options) and what they hold
QUOTE = "[We are] ready to talk with the West about reducing tensions"  # g2: Press TV, Ukrainska Pravda
PROPOSALS = "only if there are realistic proposals based on an equal approach"  # g4: Press TV, Aggregator, UP
REPEATEDLY = "Putin had repeatedly said that Russia had never turned down"  # g5 starts so in Press TV


@pytest.fixture(scope="module")
def sample():
    articles = load_articles()
    return articles, align(articles)


@pytest.fixture
def corpus(tmp_path):
    """A copy of the sample corpus that a test may edit."""
    folder = tmp_path / "corpus"
    shutil.copytree(sample_corpus_path(), folder)
    return folder


def group_with(alignment: Alignment, text: str):
    for g in alignment.groups:
        if any(text in p.text for p in g.passages):
            return g
    raise AssertionError(f"no group holds {text!r}")


def press_tv(articles) -> int:
    return next(i for i, a in enumerate(articles) if a.path.name == "press-tv.txt")


def assert_spans_valid(loaded):
    for group in loaded.groups:
        assert group.passages
        for p in group.passages:
            assert loaded.articles[p.article].text[p.start : p.end] == p.text


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# --- .json round trip ------------------------------------------------------------------------


def test_json_round_trip_keeps_every_field(sample, tmp_path):
    articles, alignment = sample
    quote, proposals = group_with(alignment, QUOTE), group_with(alignment, PROPOSALS)
    kept = {quote.id: "The one quote every outlet ran word for word —\n“verbatim”.", proposals.id: ""}
    target = tmp_path / "mine.json"
    saved = save(target, alignment, kept)
    assert saved.path == target and saved.groups == 2 and saved.backup is None
    assert saved.passages == len(quote.passages) + len(proposals.passages)
    assert "2 highlights" in saved.message()

    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2
    assert data["type"] == "sidebyside-highlights"
    assert data["generator"].startswith("sidebyside ")
    saved_at = datetime.fromisoformat(data["saved_at"].replace("Z", "+00:00"))
    assert saved_at.tzinfo is not None and saved_at.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - saved_at) < timedelta(minutes=5)
    assert len(data["articles"]) == len(articles)
    for record, article in zip(data["articles"], articles):
        assert record["path"] == str(article.path)
        assert record["title"] == article.title
        assert record["outlet"] == article.outlet
        assert record["sha256"] == article.sha256
        assert (tmp_path / record["relative_path"]).resolve() == article.path.resolve()
    by_id = {g["id"]: g for g in data["groups"]}
    assert set(by_id) == set(kept)
    for group in (quote, proposals):
        record = by_id[group.id]
        assert record["note"] == kept[group.id]
        assert record["kept"] is True
        assert record["kind"] == group.kind and record["quote"] == group.quote
        assert record["passages"] == [passage_record(p) for p in group.passages]

    loaded = load(target, articles)
    assert loaded.missing == () and loaded.changed == () and loaded.not_open == ()
    assert loaded.saved_at == data["saved_at"]
    assert_spans_valid(loaded)
    assert {g.id: g.note for g in loaded.groups} == kept
    for g in loaded.groups:
        assert g.passages == alignment.group(g.id).passages
    new_alignment, new_kept = apply(loaded, alignment)
    assert new_kept == kept
    assert new_alignment.groups == alignment.groups


def test_passages_have_the_align_json_shape(sample, tmp_path):
    articles, alignment = sample
    g = group_with(alignment, QUOTE)
    save(tmp_path / "h.json", alignment, {g.id: "n"})
    ours = json.loads((tmp_path / "h.json").read_text())
    theirs = json.loads(to_json(alignment))
    assert (
        ours["groups"][0]["passages"] == theirs["groups"][[x["id"] for x in theirs["groups"]].index(g.id)]["passages"]
    )
    assert set(theirs["articles"][0]) <= set(ours["articles"][0])
    assert set(theirs["groups"][0]) <= set(ours["groups"][0])


def test_align_json_output_reopens_with_no_group_kept(sample, tmp_path):
    """A plain ``align --format json`` file has no kept marks: its groups
    open, none of them kept (issue 12, item 7: every group was kept)."""
    articles, alignment = sample
    target = tmp_path / "aligned.json"
    target.write_text(to_json(alignment), encoding="utf-8")
    loaded = load(target, articles)
    assert [g.id for g in loaded.groups] == [g.id for g in alignment.groups]
    assert all(g.note == "" and not g.kept for g in loaded.groups) and not loaded.marks
    merged, kept = apply(loaded, alignment)
    assert kept == {}
    assert [g.id for g in merged.groups] == [g.id for g in alignment.groups]


def test_all_groups_json_marks_kept_and_reopens_only_kept(sample, tmp_path):
    articles, alignment = sample
    g = group_with(alignment, PROPOSALS)
    save(tmp_path / "all.json", alignment, {g.id: "why"}, all_groups=True)
    data = json.loads((tmp_path / "all.json").read_text())
    assert [x["id"] for x in data["groups"]] == [x.id for x in alignment.groups]
    assert [x["id"] for x in data["groups"] if x["kept"]] == [g.id]
    loaded = load(tmp_path / "all.json", articles)
    assert [(x.id, x.note) for x in loaded.groups] == [(g.id, "why")]


def test_saving_every_group_says_so(sample, tmp_path):
    _, alignment = sample
    count = len(alignment.groups)
    saved = save(tmp_path / "none.json", alignment, {}, all_groups=True)
    assert saved.groups == count and saved.message() == f"saved {count} groups (none kept) to {tmp_path / 'none.json'}"
    g = group_with(alignment, PROPOSALS)
    saved = save(tmp_path / "one.md", alignment, {g.id: ""}, all_groups=True)
    assert saved.message().startswith(f"saved {count} groups (1 kept) to ")


def test_unknown_group_id_is_a_programming_error(sample, tmp_path):
    _, alignment = sample
    with pytest.raises(ValueError, match="nope"):
        save(tmp_path / "h.json", alignment, {"nope": ""})
    assert not (tmp_path / "h.json").exists()


def test_empty_highlights_save_and_reopen(sample, tmp_path):
    articles, alignment = sample
    assert save(tmp_path / "none.json", alignment, {}).groups == 0
    loaded = load(tmp_path / "none.json", articles)
    assert loaded.groups == () and loaded.missing == ()


# --- .md and .csv ------------------------------------------------------------------------------


def test_markdown_report(sample, tmp_path):
    articles, alignment = sample
    quote, proposals = group_with(alignment, QUOTE), group_with(alignment, PROPOSALS)
    save(tmp_path / "report.md", alignment, {quote.id: "same words everywhere", proposals.id: None})
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# Highlights")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.split()[1] for h in headings] == [g.id for g in alignment.groups if g.id in (quote.id, proposals.id)]
    assert "> **Note:** same words everywhere" in text
    for group in (quote, proposals):
        for p in group.passages:
            assert f"**{articles[p.article].label}**" in text
            assert " ".join(p.text.split()) in text.replace("**", "")  # changed words are in bold
    others = [g for g in alignment.groups if g.id not in (quote.id, proposals.id)]
    assert all(f"## {g.id} " not in text for g in others)


def test_markdown_highlights_count_only_here_on_the_whole_alignment(sample, tmp_path):
    # Keeping one group must not change how many paragraphs each outlet
    # carries alone: that is a fact of the articles, not of the selection.
    from sidebyside.coverage import own_counts

    articles, alignment = sample
    save(tmp_path / "one.md", alignment, {group_with(alignment, QUOTE).id: None})
    text = (tmp_path / "one.md").read_text(encoding="utf-8")
    (line,) = [ln for ln in text.splitlines() if ln.startswith("Only here")]
    own = own_counts(alignment)
    for a, article in enumerate(articles):
        assert f"{article.label} {own[a]}" in line

def test_markdown_all_groups_marks_the_kept(sample, tmp_path):
    _, alignment = sample
    g = group_with(alignment, QUOTE)
    save(tmp_path / "all.md", alignment, {g.id: ""}, all_groups=True)
    headings = [line for line in (tmp_path / "all.md").read_text().splitlines() if line.startswith("## ")]
    assert len(headings) == len(alignment.groups)
    assert [h for h in headings if h.endswith("· kept")] == [h for h in headings if h.split()[1] == g.id]


def test_csv_one_row_per_passage_with_notes(sample, tmp_path):
    articles, alignment = sample
    quote, proposals = group_with(alignment, QUOTE), group_with(alignment, PROPOSALS)
    notes = {quote.id: 'a note, with "quotes",\nand a second line', proposals.id: ""}
    save(tmp_path / "table.csv", alignment, notes)
    with open(tmp_path / "table.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(quote.passages) + len(proposals.passages)
    for row in rows:  # one line each, as in the report
        assert row["note"] == " ".join(notes[row["group"]].split())
        article = next(a for a in articles if str(a.path) == row["path"])
        assert " ".join(article.text[int(row["start"]) : int(row["end"])].split()) == row["text"]
        assert row["outlet"] == article.label


def test_csv_all_groups_has_kept_column(sample, tmp_path):
    _, alignment = sample
    g = group_with(alignment, QUOTE)
    save(tmp_path / "all.csv", alignment, {g.id: "x"}, all_groups=True)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "all.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == sum(len(x.passages) for x in alignment.groups)
    assert {r["group"] for r in rows if r["kept"] == "yes"} == {g.id}
    assert {r["note"] for r in rows if r["kept"] == "no"} == {""}


def test_unknown_extension_is_a_clear_error(sample, tmp_path):
    _, alignment = sample
    for name in ("notes.txt", "noext"):
        with pytest.raises(HighlightsError) as err:
            save(tmp_path / name, alignment, {})
        message = str(err.value)
        assert "\n" not in message and name in message and ".json" in message
        assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name", ["report.md", "table.csv"])
def test_exports_cannot_be_reopened(sample, tmp_path, name):
    articles, alignment = sample
    save(tmp_path / name, alignment, {group_with(alignment, QUOTE).id: ""})
    before = (tmp_path / name).read_bytes()
    with pytest.raises(HighlightsError, match="cannot be reopened") as err:
        load(tmp_path / name, articles)
    assert name in str(err.value) and ".json" in str(err.value)
    assert (tmp_path / name).read_bytes() == before


# --- articles that changed or moved ---------------------------------------------------------------


def test_changed_article_passages_found_at_new_offsets(corpus, tmp_path):
    articles = load_articles([corpus])
    alignment = align(articles)
    quote, proposals, repeatedly = (group_with(alignment, t) for t in (QUOTE, PROPOSALS, REPEATEDLY))
    kept = {quote.id: "quote", proposals.id: "proposals", repeatedly.id: "repeatedly"}
    save(tmp_path / "h.json", alignment, kept)

    ptv = press_tv(articles)
    old = {g.id: next(p for p in g.passages if p.article == ptv) for g in (quote, proposals, repeatedly)}
    path = corpus / "press-tv.txt"
    text = path.read_text(encoding="utf-8")
    inserted = "An editor added this paragraph after the story was first published.\n\n"
    at = text.rfind("\n\n", 0, text.index(QUOTE)) + 2  # before the quote's paragraph (and its opening mark)
    edited = text[:at] + inserted + text[at:]
    edited = edited.replace("Putin had repeatedly said", "Putin has repeatedly said", 1)  # inside a kept passage
    edited = edited.replace("Foreign Minister", "foreign minister", 1)  # a word elsewhere
    path.write_text(edited, encoding="utf-8")

    new_articles = load_articles([corpus])
    loaded = load(tmp_path / "h.json", new_articles)
    assert loaded.missing == ()
    assert loaded.changed == ("Press TV",)
    assert_spans_valid(loaded)
    got = {g.id: next(p for p in g.passages if p.article == ptv) for g in loaded.groups}
    for gid in (quote.id, proposals.id):  # unchanged text, moved by the insertion
        assert got[gid].text == old[gid].text
        assert got[gid].start == old[gid].start + len(inserted)
    moved = got[repeatedly.id]  # one word changed inside: found by fuzzy search
    assert moved.text.startswith("Putin has repeatedly said")
    assert abs(moved.start - (old[repeatedly.id].start + len(inserted))) <= 2
    assert abs(moved.end - (old[repeatedly.id].end + len(inserted))) <= 2
    assert {g.id: g.note for g in loaded.groups} == kept
    assert any("articles changed since" in m and "Press TV" in m for m in loaded.messages())

    new_alignment, new_kept = apply(loaded, align(new_articles))
    assert sorted(new_kept.values()) == sorted(kept.values())
    for gid, note in new_kept.items():
        texts = [p.text for p in new_alignment.group(gid).passages]
        wanted = {"quote": QUOTE, "proposals": PROPOSALS, "repeatedly": "repeatedly said"}[note]
        assert any(wanted in t for t in texts)


def version_text(alignment, group, label: str) -> str:
    """The text of ``group``'s version in the article labelled ``label`` (a
    quotation's marks with it, where the passage is the whole quotation)."""
    return next(p.text for p in group.passages if alignment.articles[p.article].label == label)


def test_deleted_passage_is_reported_missing_not_dropped(corpus, tmp_path):
    articles = load_articles([corpus])
    alignment = align(articles)
    quote, proposals = group_with(alignment, QUOTE), group_with(alignment, PROPOSALS)
    save(tmp_path / "h.json", alignment, {quote.id: "the quote", proposals.id: "the offer"})
    for name in ("press-tv.txt", "ukrainska-pravda.txt"):  # the quote is gone from both its articles
        path = corpus / name
        path.write_text(path.read_text(encoding="utf-8").replace(QUOTE, ""), encoding="utf-8")
    path = corpus / "press-tv.txt"  # and Press TV's version of the offer too
    path.write_text(path.read_text(encoding="utf-8").replace(PROPOSALS, "nothing like it"), encoding="utf-8")

    loaded = load(tmp_path / "h.json", load_articles([corpus]))
    assert_spans_valid(loaded)
    missing = {(m.group_id, m.article, m.text) for m in loaded.missing}
    assert missing == {
        (quote.id, "Press TV", version_text(alignment, quote, "Press TV")),
        (quote.id, "Ukrainska Pravda", version_text(alignment, quote, "Ukrainska Pravda")),
        (proposals.id, "Press TV", version_text(alignment, proposals, "Press TV")),
    }
    assert {m.note for m in loaded.missing if m.group_id == quote.id} == {"the quote"}
    assert [g.id for g in loaded.groups] == [proposals.id]  # the rest of the offer is still there
    assert len(loaded.groups[0].passages) == len(proposals.passages) - 1
    lines = loaded.messages()
    assert sum("not found" in line for line in lines) == 3
    assert all("\n" not in line for line in lines)
    # Saving what is left over the file would lose these: the app is warned.
    new_alignment, kept = apply(loaded, align(loaded.articles))
    warning = check_overwrite(tmp_path / "h.json", new_alignment, kept)
    assert warning and quote.id in warning and "1 version" in warning


def test_articles_not_open_are_reported(sample, tmp_path):
    articles, alignment = sample
    quote = group_with(alignment, QUOTE)
    save(tmp_path / "h.json", alignment, {quote.id: ""})
    subset = [a for a in articles if a.path.name != "ukrainska-pravda.txt"]
    loaded = load(tmp_path / "h.json", subset)
    assert loaded.not_open == ("Ukrainska Pravda",)
    assert [(m.article, m.text) for m in loaded.missing] == [("Ukrainska Pravda", QUOTE)]
    assert "not open" in loaded.missing[0].reason
    assert [len(g.passages) for g in loaded.groups] == [1]
    assert_spans_valid(loaded)


def test_moved_shared_folder_with_edited_article(tmp_path):
    shared = tmp_path / "shared"
    shutil.copytree(sample_corpus_path(), shared / "articles")
    articles = load_articles([shared / "articles"])
    alignment = align(articles)
    quote = group_with(alignment, QUOTE)
    save(shared / "highlights.json", alignment, {quote.id: "n"})
    data = json.loads((shared / "highlights.json").read_text())
    assert {a["relative_path"] for a in data["articles"]} == {f"articles/{a.path.name}" for a in articles}

    moved = tmp_path / "elsewhere" / "copy"
    shutil.move(str(shared), moved)
    edited = moved / "articles" / "press-tv.txt"
    edited.write_text("A new first line.\n" + edited.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = load(moved / "highlights.json", load_articles([moved / "articles"]))
    assert loaded.missing == () and loaded.changed == ("Press TV",)
    assert_spans_valid(loaded)
    assert {loaded.articles[p.article].path.name for p in loaded.groups[0].passages} == {
        "press-tv.txt",
        "ukrainska-pravda.txt",
    }


# --- apply ------------------------------------------------------------------------------------


def test_apply_keeps_saved_groups_the_new_thresholds_do_not_find(sample, tmp_path):
    articles, alignment = sample
    quote, proposals, repeatedly = (group_with(alignment, t) for t in (QUOTE, PROPOSALS, REPEATEDLY))
    save(tmp_path / "h.json", alignment, {quote.id: "q", proposals.id: "p", repeatedly.id: "r"})
    strict = align(articles, AlignOptions(min_similarity=95))
    assert not any("repeatedly" in p.text for g in strict.groups for p in g.passages)

    loaded = load(tmp_path / "h.json", articles)
    merged, kept = apply(loaded, strict)
    assert sorted(kept.values()) == ["p", "q", "r"]
    assert len({g.id for g in merged.groups}) == len(merged.groups)
    extra = merged.group(next(gid for gid, note in kept.items() if note == "r"))
    assert extra.id.startswith("s") and extra.id not in {g.id for g in strict.groups}
    assert [p.text for p in extra.passages] == [p.text for p in repeatedly.passages]
    # The strict run found only the verbatim part of the offer; the saved
    # version in the aggregator's article is added to it, not lost.
    offer = merged.group(next(gid for gid, note in kept.items() if note == "p"))
    assert offer.id in {g.id for g in strict.groups}
    # (each saved version is there, as saved or as the strict run's version of
    # it: Press TV's takes in its '"…," Lavrov added.' only at the default threshold)
    for saved in proposals.passages:
        assert any(p.article == saved.article and p.start < saved.end and saved.start < p.end for p in offer.passages)
    # Reading order is kept: groups sorted by where they first appear.
    rank = {i: r for r, i in enumerate(sorted(range(len(articles)), key=lambda i: str(articles[i].path)))}
    firsts = [min((rank[p.article], p.start) for p in g.passages) for g in merged.groups]
    assert firsts == sorted(firsts)
    assert merged.options == strict.options and merged.articles == strict.articles


def test_apply_rejects_an_alignment_of_other_articles(sample, tmp_path, corpus):
    articles, alignment = sample
    save(tmp_path / "h.json", alignment, {group_with(alignment, QUOTE).id: ""})
    (corpus / "press-tv.txt").write_text("changed\n" + (corpus / "press-tv.txt").read_text())
    loaded = load(tmp_path / "h.json", load_articles([corpus]))
    with pytest.raises(ValueError):
        apply(loaded, alignment)


# --- damaged and foreign files -------------------------------------------------------------------

BAD_FILES = {
    "corrupt.json": b'{"schema_version": 1, "articles": [',
    "not-utf8.json": b"\xff\xfe\x00garbage",
    "foreign.json": json.dumps({"name": "my-package", "version": "1.0.0"}).encode(),
    "list.json": b"[1, 2, 3]",
    "newer.json": None,  # filled in below
    "wrong-type.json": None,
    "bad-index.json": None,
    "other-tool.json": json.dumps(
        {"schema_version": 1, "generator": "othertool", "articles": [], "groups": []}
    ).encode(),
}


def _variant(alignment: Alignment, change) -> bytes:
    record = highlights.highlights_record(Path("x.json"), alignment, {alignment.groups[0].id: ""})
    change(record)
    return json.dumps(record).encode()


@pytest.mark.parametrize(
    "name, expected",
    [
        ("corrupt.json", "not JSON"),
        ("not-utf8.json", "not UTF-8"),
        ("foreign.json", "not a sidebyside highlights file"),
        ("list.json", "not a sidebyside highlights file"),
        ("other-tool.json", "not a sidebyside highlights file"),
        ("newer.json", "schema version 3"),
        ("wrong-type.json", "start should be a whole number"),
        ("bad-index.json", "article is 99"),
    ],
)
def test_bad_files_are_refused_and_left_untouched(sample, tmp_path, name, expected):
    articles, alignment = sample
    content = BAD_FILES[name]
    if name == "newer.json":
        content = _variant(alignment, lambda r: r.update(schema_version=3))
    elif name == "wrong-type.json":
        content = _variant(alignment, lambda r: r["groups"][0]["passages"][0].update(start="580"))
    elif name == "bad-index.json":
        content = _variant(alignment, lambda r: r["groups"][0]["passages"][0].update(article=99))
    target = tmp_path / name
    target.write_bytes(content)
    stamp = target.stat().st_mtime_ns
    with pytest.raises(HighlightsError) as err:
        load(target, articles)
    message = str(err.value)
    assert expected in message and str(target) in message and "\n" not in message
    # Saving over it is never silent either.
    g = group_with(alignment, QUOTE)
    warning = check_overwrite(target, alignment, {g.id: ""})
    assert warning and str(target) in warning and "replace" in warning
    with pytest.raises(WouldOverwrite):
        save(target, alignment, {g.id: ""})
    assert target.read_bytes() == content and target.stat().st_mtime_ns == stamp
    assert files_in(tmp_path) == {name}


def test_forced_save_over_a_foreign_file_keeps_a_backup(sample, tmp_path):
    articles, alignment = sample
    target = tmp_path / "h.json"
    original = b'{"precious": "data that is not ours"}'
    target.write_bytes(original)
    saved = save(target, alignment, {group_with(alignment, QUOTE).id: ""}, overwrite=True)
    assert saved.backup is not None and saved.backup.read_bytes() == original
    assert saved.backup.parent == tmp_path and saved.backup.name.startswith("h.json.")
    assert "kept as" in saved.message()
    assert [g.id for g in load(target, articles).groups] == [group_with(alignment, QUOTE).id]


def test_load_missing_file_and_folder(sample, tmp_path):
    articles, _ = sample
    with pytest.raises(HighlightsError, match="no such file"):
        load(tmp_path / "nothing.json", articles)
    with pytest.raises(HighlightsError, match="folder"):
        load(tmp_path, articles)
    assert files_in(tmp_path) == set()


# --- writing safely -------------------------------------------------------------------------------


def _blocked_folder(tmp_path: Path) -> tuple[Path, str]:
    """A folder that cannot be written to: chmod 0o500 when that blocks this
    user (not root), else a 'folder' below a regular file."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        probe = folder / ".probe"
        probe.write_text("x")
        probe.unlink()
    except OSError:
        return folder, "chmod"
    folder.chmod(0o700)
    regular = tmp_path / "a-file"
    regular.write_text("not a folder")
    return regular / "sub", "under a regular file"


def test_unwritable_folder_is_a_clear_error_and_leaves_nothing(sample, tmp_path):
    _, alignment = sample
    folder, how = _blocked_folder(tmp_path)
    try:
        for name in ("h.json", "h.md", "h.csv"):
            with pytest.raises(HighlightsError) as err:
                save(folder / name, alignment, {group_with(alignment, QUOTE).id: ""})
            message = str(err.value)
            assert "cannot save" in message and str(folder / name) in message and "\n" not in message, how
            assert not (folder / name).exists()
        if folder.is_dir():
            assert files_in(folder) == set()
    finally:
        if folder.is_dir():
            folder.chmod(0o700)


def test_chmod_locked_folder_when_not_root(sample, tmp_path):
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("running as root: chmod does not block writes (the test above uses a path under a file)")
    _, alignment = sample
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(HighlightsError, match="Permission denied"):
            save(folder / "h.json", alignment, {})
        assert files_in(folder) == set()
    finally:
        folder.chmod(0o700)


def test_a_folder_at_the_target_is_a_clear_error(sample, tmp_path):
    _, alignment = sample
    (tmp_path / "h.json").mkdir()
    with pytest.raises(HighlightsError, match="is a folder"):
        save(tmp_path / "h.json", alignment, {})


def test_failed_replace_leaves_the_original_and_no_temp_files(sample, tmp_path, monkeypatch):
    articles, alignment = sample
    quote, proposals = group_with(alignment, QUOTE), group_with(alignment, PROPOSALS)
    target = tmp_path / "h.json"
    save(target, alignment, {quote.id: "first"})
    before = target.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(HighlightsError, match="No space left on device"):
        save(target, alignment, {quote.id: "first", proposals.id: "second"})
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert files_in(tmp_path) == {"h.json"}
    assert [g.note for g in load(target, articles).groups] == ["first"]


def test_save_creates_missing_folders(sample, tmp_path):
    articles, alignment = sample
    target = tmp_path / "a" / "b" / "h.json"
    save(target, alignment, {group_with(alignment, QUOTE).id: ""})
    assert len(load(target, articles).groups) == 1


# --- never lose work: overwrite checks ---------------------------------------------------------------


def test_overwrite_check(sample, tmp_path):
    articles, alignment = sample
    quote, proposals, repeatedly = (group_with(alignment, t) for t in (QUOTE, PROPOSALS, REPEATEDLY))
    target = tmp_path / "h.json"
    assert check_overwrite(target, alignment, {quote.id: ""}) is None  # nothing there yet
    save(target, alignment, {quote.id: "q", proposals.id: "p", repeatedly.id: ""})

    same = {quote.id: "q", proposals.id: "p", repeatedly.id: ""}
    assert check_overwrite(target, alignment, same) is None
    assert check_overwrite(target, alignment, {**same, alignment.groups[0].id: "more"}) is None
    assert check_overwrite(target, alignment, {**same, quote.id: "an edited note"}) is None

    fewer = {quote.id: "q"}
    warning = check_overwrite(target, alignment, fewer)
    assert warning is not None and "\n" not in warning
    assert "2 highlights" in warning and proposals.id in warning and repeatedly.id in warning
    assert str(target) in warning

    blanked = {**same, quote.id: ""}
    assert "1 note" in check_overwrite(target, alignment, blanked)

    before = target.read_bytes()
    with pytest.raises(WouldOverwrite) as err:
        save(target, alignment, fewer)
    assert err.value.warning == warning
    assert target.read_bytes() == before

    saved = save(target, alignment, fewer, overwrite=True)
    assert saved.backup is not None and saved.backup.read_bytes() == before
    assert [g.id for g in load(target, articles).groups] == [quote.id]
    assert [g.id for g in load(saved.backup, articles).groups] == [quote.id, proposals.id, repeatedly.id]


def test_overwrite_check_compares_passages_not_ids(sample, tmp_path):
    """Ids can change between alignments: the same passages under other ids
    are the same highlights; other passages under the same ids are not."""
    articles, alignment = sample
    quote = group_with(alignment, QUOTE)
    save(tmp_path / "h.json", alignment, {quote.id: ""})
    renamed = Alignment(
        alignment.articles,
        tuple(type(g)(f"x{n}", g.kind, g.quote, g.passages) for n, g in enumerate(alignment.groups)),
        alignment.options,
    )
    new_id = f"x{alignment.groups.index(quote)}"
    assert check_overwrite(tmp_path / "h.json", renamed, {new_id: ""}) is None
    other = next(f"x{n}" for n, g in enumerate(alignment.groups) if g is not quote)
    assert check_overwrite(tmp_path / "h.json", renamed, {other: ""}) is not None


def test_exports_never_replaced_silently(sample, tmp_path):
    _, alignment = sample
    g = group_with(alignment, QUOTE)
    save(tmp_path / "r.md", alignment, {g.id: ""})
    before = (tmp_path / "r.md").read_bytes()
    warning = check_overwrite(tmp_path / "r.md", alignment, {g.id: "new"})
    assert warning and "already exists" in warning
    with pytest.raises(WouldOverwrite):
        save(tmp_path / "r.md", alignment, {g.id: "new"})
    assert (tmp_path / "r.md").read_bytes() == before
    saved = save(tmp_path / "r.md", alignment, {g.id: "new"}, overwrite=True)
    assert saved.backup is None and "new" in (tmp_path / "r.md").read_text()


# --- default path --------------------------------------------------------------------------------


def test_default_path_is_per_corpus_in_the_user_data_folder(tmp_path, monkeypatch, corpus):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    articles = load_articles([corpus])
    path = highlights.default_path(articles)
    assert path.parent == tmp_path / "data" / "sidebyside" / "highlights"
    assert path.suffix == ".json" and path.name.startswith("corpus-")
    assert highlights.default_path(list(reversed(articles))) == path
    assert highlights.default_path(articles[:3]) != path
    assert not path.parent.exists()  # nothing created until a save

    alignment = align(articles)
    save(path, alignment, {group_with(alignment, QUOTE).id: ""})
    renamed = tmp_path / "renamed-folder"
    shutil.move(str(corpus), renamed)
    assert highlights.default_path(load_articles([renamed])) == path  # found again by its key
    # Articles edited in place: the file saved for the same paths is found again.
    moved = load_articles([renamed])
    save(path, align(moved), {group_with(align(moved), QUOTE).id: ""}, overwrite=True)
    (renamed / "press-tv.txt").write_text("edited\n" + (renamed / "press-tv.txt").read_text())
    assert highlights.default_path(load_articles([renamed])) == path
    # A different set of articles gets a file of its own.
    other = highlights.default_path(load_articles([renamed / "press-tv.txt", renamed / "ukrainska-pravda.txt"]))
    assert other != path and other.name.startswith("renamed-folder-")


# --- finding a passage again: properties --------------------------------------------------------------

TEXT = (sample_corpus_path() / "press-tv.txt").read_text(encoding="utf-8")
AT = TEXT.index(QUOTE)
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.\n", min_size=0, max_size=40)


@st.composite
def far_edits(draw):
    """Edits (position, delete count, inserted text) at least 80 characters away from the quote."""
    edits = []
    for _ in range(draw(st.integers(1, 6))):
        before = draw(st.booleans())
        if before:
            pos = draw(st.integers(0, AT - 80))
        else:
            pos = draw(st.integers(AT + len(QUOTE) + 80, len(TEXT)))
        cut = draw(st.integers(0, 30))
        edits.append((pos, cut, draw(WORDS)))
    return edits


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(far_edits())
def test_find_span_finds_a_passage_after_unrelated_edits(edits):
    text, start = TEXT, AT
    # apply from the end so positions stay meaningful; keep the quote intact
    for pos, cut, insert in sorted(edits, reverse=True):
        if pos < start:
            cut = min(cut, start - pos)
            text = text[:pos] + insert + text[pos + cut :]
            start += len(insert) - cut
        else:
            text = text[:pos] + insert + text[pos + cut :]
    assert text[start : start + len(QUOTE)] == QUOTE
    assume(text.count(QUOTE) == 1)
    found = find_span(text, QUOTE, AT)
    assert found == (start, start + len(QUOTE), 100.0)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(QUOTE) - 1), st.sampled_from("xyzq"), st.integers(0, 6000))
def test_find_span_finds_a_slightly_reworded_passage(where, letter, shift):
    changed = QUOTE[:where] + letter + QUOTE[where + 1 :]
    assume(changed != QUOTE)
    text = "Lorem ipsum dolor sit amet. " * (shift // 28) + TEXT.replace(QUOTE, changed)
    new_start = text.index(changed)
    found = find_span(text, QUOTE, AT)
    assert found is not None
    start, end, score = found
    assert score >= highlights.MIN_SCORE
    assert abs(start - new_start) <= 1 and abs(end - (new_start + len(changed))) <= 1


def test_fuzzy_match_nearest_the_old_offset_wins():
    old = "still ready for negotiations regarding Ukraine"
    text = (sample_corpus_path() / "ukrainska-pravda.txt").read_text(encoding="utf-8")
    first, second = text.index(old), text.rindex(old)
    assert first != second
    edited = text.replace(old, "still ready for talks regarding Ukraine")
    for near, wanted in ((first, first), (second, edited.rindex("still ready for talks"))):
        start, end, score = find_span(edited, old, near)
        assert (start, edited[start:end]) == (wanted, "still ready for talks regarding Ukraine")
        assert score >= highlights.MIN_SCORE


def test_find_span_refuses_weak_matches():
    assert find_span(TEXT, "Completely different words about the weather in Lisbon today") is None
    assert find_span("", QUOTE) is None
    assert find_span(TEXT, "") is None


def test_exact_match_nearest_the_old_offset_wins():
    text = f"{QUOTE}. Filler text in between. {QUOTE}."
    second = text.rindex(QUOTE)
    assert find_span(text, QUOTE, second - 3)[0] == second
    assert find_span(text, QUOTE, 0)[0] == 0


# --- the command line ------------------------------------------------------------------------------


def test_cli_alignments_good_file_starts_the_app(sample, tmp_path, fake_app, capsys):
    articles, alignment = sample
    save(tmp_path / "h.json", alignment, {group_with(alignment, QUOTE).id: "n"})
    assert cli.main(["--alignments", str(tmp_path / "h.json")]) == 0
    assert len(fake_app) == 1 and capsys.readouterr().err == ""


def test_cli_alignments_reports_missing_passages(sample, tmp_path, corpus, fake_app, capsys):
    articles = load_articles([corpus])
    alignment = align(articles)
    quote = group_with(alignment, QUOTE)
    save(tmp_path / "h.json", alignment, {quote.id: "n"})
    path = corpus / "press-tv.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(QUOTE, ""), encoding="utf-8")
    assert cli.main([str(corpus), "--alignments", str(tmp_path / "h.json")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    # One line (the app lists the passages, whole, under ?): usertest 2, finding 10.
    assert err == [
        "sidebyside: h.json: 1 saved passage not found; articles changed since saving: Press TV "
        "(? in the app lists them)",
    ]
    assert len(fake_app) == 1


def test_a_passage_not_found_is_named_by_its_text_not_an_old_group_id(tmp_path, corpus):
    """Usertest 14: "not found: g1 · Wire Service" named the saved id, while
    the current g1 was another group."""
    articles = load_articles([corpus])
    alignment = align(articles)
    quote = group_with(alignment, QUOTE)
    saved_id = quote.id
    save(tmp_path / "h.json", alignment, {saved_id: "n"})
    path = corpus / "press-tv.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(QUOTE, ""), encoding="utf-8")
    loaded = load(tmp_path / "h.json", load_articles([corpus]))
    (missing,) = [m for m in loaded.missing if m.article == "Press TV"]
    assert missing.message() == f"Press TV: “{version_text(alignment, quote, 'Press TV')}” (no longer in press-tv.txt)"
    assert saved_id not in missing.message()


def test_cli_alignments_without_paths_opens_the_saved_articles(tmp_path, corpus, fake_app, capsys):
    """Usertest 12: ``--alignments FILE`` alone opened the sample corpus and
    reported every saved passage "not found"."""
    alignment = align(load_articles([corpus]))
    (tmp_path / "notes").mkdir()
    save(tmp_path / "notes" / "h.json", alignment, {group_with(alignment, QUOTE).id: "n"})
    assert cli.main(["--alignments", str(tmp_path / "notes" / "h.json")]) == 0
    assert capsys.readouterr().err == ""
    ((articles, kwargs),) = fake_app
    assert sorted(a.path.parent for a in articles) == [corpus.resolve()] * len(articles)
    assert not kwargs["highlights"].missing and kwargs["highlights"].groups
    # Moved together (the relative paths), they are found again.
    shutil.move(tmp_path / "notes", corpus / "notes")
    fake_app.clear()
    assert cli.main(["--alignments", str(corpus / "notes" / "h.json")]) == 0
    assert capsys.readouterr().err == "" and len(fake_app[0][0]) == len(articles)


def test_cli_alignments_without_paths_says_when_its_articles_are_gone(tmp_path, corpus, fake_app, capsys):
    alignment = align(load_articles([corpus]))
    save(tmp_path / "h.json", alignment, {group_with(alignment, QUOTE).id: "n"})
    shutil.rmtree(corpus)
    assert cli.main(["--alignments", str(tmp_path / "h.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "h.json: the articles it was saved with are not found (" in err[0]
    assert "Press TV" in err[0] and fake_app == []


@pytest.mark.parametrize("content, expected", [(None, "no such file"), (b"{oops", "not JSON")])
def test_cli_bad_alignments_file_exits_2(tmp_path, capsys, fake_app, content, expected):
    target = tmp_path / "h.json"
    if content is not None:
        target.write_bytes(content)
    assert cli.main(["--alignments", str(target)]) == 2
    err = capsys.readouterr().err
    assert expected in err and len(err.strip().splitlines()) == 1
    assert fake_app == []
    if content is not None:
        assert target.read_bytes() == content


def test_saving_layer_never_loads_the_aligner():
    """highlights and export name passages through the model: importing them
    loads no part of the aligner (only its options and token folding)."""
    import subprocess
    import sys

    code = (
        "import sys, sidebyside.highlights, sidebyside.export;"
        "loaded = sorted(m for m in sys.modules if m.startswith('sidebyside.aligning.'));"
        "extra = set(loaded) - {'sidebyside.aligning.options', 'sidebyside.aligning.tokens'};"
        "assert not extra, f'loaded the aligner: {sorted(extra)}'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_saving_over_an_align_export_calls_its_groups_groups(sample, tmp_path):
    """An ``align`` JSON marks no group as kept: what a save would drop from
    it are groups of that alignment, not highlights."""
    from sidebyside.export import to_json

    _articles, alignment = sample
    target = tmp_path / "aligned.json"
    target.write_text(to_json(alignment), encoding="utf-8")
    g = group_with(alignment, QUOTE)
    warning = check_overwrite(target, alignment, {g.id: ""})
    assert warning and f"{len(alignment.groups) - 1} groups (" in warning and "highlight" not in warning
