"""Reading articles: paths, encodings, titles, outlets and page boilerplate."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sidebyside.reading.articles import InputError, load_articles, read_article, resolve_paths, sample_corpus_path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_sample_corpus_is_the_seeds_byte_for_byte():
    corpus = sample_corpus_path()
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    for seed in SEEDS.iterdir():
        assert (corpus / seed.name).read_bytes() == seed.read_bytes(), seed.name


def test_sample_corpus_loads_five_articles_with_titles_and_outlets():
    articles = load_articles()
    assert [a.path.name for a in articles] == sorted(a.path.name for a in articles)
    assert len(articles) == 5  # README.md is not an article
    by_name = {a.path.name: a for a in articles}
    assert by_name["ukrainska-pravda.txt"].title == "Putin ready for negotiations with West on certain conditions"
    assert by_name["ukrainska-pravda.txt"].outlet == "Ukrainska Pravda"
    assert by_name["press-tv.txt"].outlet == "Press TV"
    for article in articles:
        assert article.sha256 == hashlib.sha256(article.path.read_bytes()).hexdigest()
        assert open(article.path, encoding=article.encoding).read() == article.text


def test_headline_found_without_metadata_behind_breadcrumbs(tmp_path):
    for seed in sample_corpus_path().glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    titles = {a.path.name: a.title for a in load_articles([tmp_path])}
    assert titles["ukrainska-pravda.txt"] == "Putin ready for negotiations with West on certain conditions"
    assert titles["lavrov-debunks-us-claim.txt"] == "Lavrov debunks US claim on Ukraine talks"
    assert titles["press-tv.txt"] == "Putin 'ready' for talks with West over Ukraine: Lavrov"
    outlets = {a.path.name: a.outlet for a in load_articles([tmp_path])}
    # Named by the page's own boilerplate.
    assert outlets["ukrainska-pravda.txt"] == "Ukrainska Pravda"
    assert outlets["press-tv.txt"] == "Press TV"


def test_header_gives_title_and_outlet_and_is_not_body(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(
        "---\ntitle: The Title Here\noutlet: The Daily\n---\nHome\n\nSome real prose of the article goes here today.\n",
        encoding="utf-8",
    )
    article = read_article(f)
    assert (article.title, article.outlet) == ("The Title Here", "The Daily")
    assert [ln.kind for ln in article.lines[:4]] == ["header"] * 4
    assert article.lines[4].kind != "header"


def test_crlf_read_as_text_mode(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"Headline of the crlf article here\r\n\r\nBody line one is here.\r\nBody two.\r\n")
    article = read_article(f)
    assert "\r" not in article.text
    assert article.text == open(f, encoding="utf-8").read()


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_decoded_and_reported(tmp_path, encoding):
    f = tmp_path / "old.txt"
    text = (
        "Caf\u00e9 owners say \u201cthe talks\u201d failed again today\n"
        if encoding == "cp1252"
        else "Caf\u00e9 owners say the talks failed \u00bfagain\u00bf today\n"
    )
    f.write_bytes(text.encode(encoding))
    article = read_article(f)
    assert article.text == text
    assert article.encoding == encoding if encoding == "cp1252" else article.encoding in ("cp1252", "latin-1")
    assert article.notes and "not UTF-8" in article.notes[0]
    assert open(f, encoding=article.encoding).read() == article.text


def test_utf8_bom(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffHello there reader of the article\n".encode("utf-8"))
    article = read_article(f)
    assert article.text == "Hello there reader of the article\n"
    assert open(f, encoding=article.encoding).read() == article.text


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b"  \n\n \t\n", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_bad_files_raise_one_line_naming_the_file(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_article(f)
    assert str(f) in str(err.value) and message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        resolve_paths([tmp_path / "nope.txt"])
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="no articles here"):
        resolve_paths([tmp_path])


def test_globs_folders_and_duplicates(tmp_path):
    for name in ("b.txt", "a.md", "c.TXT", "README.md", "skip.json"):
        (tmp_path / name).write_text("Some words of an article body here\n", encoding="utf-8")
    assert [p.name for p in resolve_paths([tmp_path])] == ["a.md", "b.txt", "c.TXT"]
    assert [p.name for p in resolve_paths([str(tmp_path / "*.txt")])] == ["b.txt"]
    assert len(resolve_paths([tmp_path / "a.md", tmp_path, str(tmp_path / "a.*")])) == 3
    with pytest.raises(InputError, match="matches no articles"):
        resolve_paths([str(tmp_path / "*.doc")])


def test_bad_metadata_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("An article with enough words here\n", encoding="utf-8")
    (tmp_path / "corpus.toml").write_text("exclude = [\n", encoding="utf-8")
    with pytest.raises(InputError, match="corpus.toml"):
        load_articles([tmp_path])


def test_repeated_lines_are_boilerplate_but_the_headline_stays(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "Section\n\nA headline that is long enough\n\nA headline that is long enough\nAdvert text\n"
        "Real prose begins here and it carries on for quite a while to be a paragraph of news.\nAdvert text\n"
        "Most Popular\n",
        encoding="utf-8",
    )
    article = read_article(f)
    kinds = {article.text[ln.start : ln.end]: [] for ln in article.lines}
    for ln in article.lines:
        kinds[article.text[ln.start : ln.end]].append(ln.kind)
    assert kinds["A headline that is long enough"] == ["title", "boilerplate"]
    assert kinds["Advert text"] == ["boilerplate", "boilerplate"]
    assert kinds["Section"] == ["boilerplate"]
    assert kinds["Most Popular"] == ["boilerplate"]
    assert kinds["Real prose begins here and it carries on for quite a while to be a paragraph of news."] == ["body"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_byte_order_mark(tmp_path, encoding):
    f = tmp_path / "notepad.txt"
    text = "Сергей Лавров said the talks “would go on”\n"
    f.write_bytes(text.encode(encoding))  # Python writes the BOM
    article = read_article(f)
    assert article.text == text
    assert open(f, encoding=article.encoding).read() == article.text


def test_a_bad_file_in_a_folder_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "a.txt").write_text("First article with words enough\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second article with words enough\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.txt").write_bytes(b"\x00\x01binary")
    skipped: list[str] = []
    articles = load_articles([tmp_path], skipped)
    assert [a.path.name for a in articles] == ["a.txt", "b.txt"]
    assert len(skipped) == 2 and "c.txt: empty file" in skipped[0] and "d.txt: not a text file" in skipped[1]
    with pytest.raises(InputError, match="c.txt: empty file"):
        load_articles([tmp_path])  # without a list to report to, nothing is skipped silently
    with pytest.raises(InputError, match="c.txt: empty file"):
        load_articles([tmp_path / "a.txt", tmp_path / "c.txt"], [])  # named files are never skipped


def test_a_folder_of_only_bad_files_is_an_error(tmp_path):
    (tmp_path / "c.txt").write_bytes(b"")
    with pytest.raises(InputError, match="c.txt: empty file"):
        load_articles([tmp_path], [])
