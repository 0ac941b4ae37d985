"""Plain text read right: titles (a headline, else the file name), outlets
from credits and datelines, dates, the front-matter header as metadata,
nearly-text files, and only regular files under the size cap."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidebyside.reading.articles import InputError, article_from_text, load_articles, read_article
from sidebyside.reading.textmeta import display_date, front_matter, parse_date

BODY = (
    "Four demonstrators were arrested after clashes with police outside city hall on Tuesday evening, officials said.\n"
)
PROSE = "Russia invaded Ukraine on February 24, 2022, and the war goes on, he said."


def article(text: str, name: str = "story.txt"):
    return article_from_text(Path("/corpus") / name, text)


# --- titles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first_line",
    [
        # a photo caption and credit
        "Image copyright Getty Images Image caption Protesters gathered outside the parliament building",
        "Members of Occupy Philadelphia remain on site at Dilworth Plaza on Wednesday.",
        "Police officers detain a protester in central Moscow (Reuters/Maxim Shemetov)",
        # a byline, a dateline
        "By Jane Smith and Tom Brown",
        "LOS ANGELES (Reuters) - Four demonstrators were arrested after clashes with police",
        "Sunday, 30 October 2022, 10:49",
        # body sentences
        "Now the AK-47 is widely manufactured around the world, in dozens of countries and by many makers.",
        "Four demonstrators were arrested. Police said more arrests were likely",
    ],
)
def test_a_caption_credit_byline_dateline_or_sentence_is_never_the_title(first_line):
    a = article(f"{first_line}\n\n{BODY}\nThe protest had been peaceful for most of the day.\n", "protest-report.txt")
    assert a.title == "protest-report"  # the file name, not a wrong title
    assert all(line.kind != "title" for line in a.lines)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"Protesters clash with police in Los Angeles\n\n{BODY}", "Protesters clash with police in Los Angeles"),
        (f"World\n\nWill Putin negotiate? What Lavrov said\n\n{BODY}", "Will Putin negotiate? What Lavrov said"),
        (
            f"Home / World / Europe\n\nRussia 'ready' for talks: Lavrov\n\nBy Jane Smith\n\n{BODY}",
            "Russia 'ready' for talks: Lavrov",
        ),
    ],
)
def test_the_headline_is_the_title(text, title):
    a = article(text)
    assert a.title == title
    assert [a.text[ln.start : ln.end] for ln in a.lines if ln.kind == "title"] == [title]


# --- outlets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (f"LOS ANGELES (Reuters) - {BODY}", "Reuters"),
        (f"Protesters clash with police\n\nLOS ANGELES (AP) — {BODY}", "AP"),
        (f"(CNN) -- {BODY}", "CNN"),
        (f"MOSCOW, Oct 30 (Wire World) – {BODY}", "Wire World"),
        (f"Protesters clash with police\n\n{BODY}\n— Los Angeles Times\n", "Los Angeles Times"),
        (f"BBC News\n\nProtesters clash with police\n\n{BODY}", "BBC News"),
        (f"Protesters clash with police\n\n{BODY}", None),
        (f"Breaking News\n\nProtesters clash with police\n\n{BODY}", None),
        (f"Protesters clash with police\n\n{BODY}\nWorld News\n", None),
    ],
)
def test_the_outlet_from_credits_and_datelines(text, outlet):
    assert article(text).outlet == outlet


def test_metadata_beats_the_text(tmp_path):
    (tmp_path / "a.txt").write_text(f"---\noutlet: The Daily\n---\nLOS ANGELES (Reuters) - {BODY}")
    (tmp_path / "b.txt").write_text(f"LOS ANGELES (Reuters) - {BODY}")
    (tmp_path / "corpus.toml").write_text('[articles."b.txt"]\noutlet = "Wire copy"\ndate = "2022-10-29"\n')
    a, b = load_articles([tmp_path])
    assert (a.outlet, b.outlet, b.date) == ("The Daily", "Wire copy", "2022-10-29")


# --- dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (f"---\ntitle: T\ndate: 2022-10-30T09:15:00Z\n---\n{BODY}", "2022-10-30"),
        (f"---\ntitle: T\ndate: 30 October 2022\n---\n{BODY}", "2022-10-30"),
        # the time of day a date line gives, and its zone (first seen, on one day, goes by them)
        (f"Protesters clash with police\n\nSunday, 30 October 2022, 10:49\n\n{BODY}", "2022-10-30T10:49"),
        (f"Protesters clash with police\n\nPublished: March 3, 2022 10:15 GMT\n\n{BODY}", "2022-03-03T10:15+00:00"),
        (f"Protesters clash with police\n\nSeville - 3 February 2027 - 19:25 CET\n\n{BODY}", "2027-02-03T19:25+01:00"),
        (f"Protesters clash with police\n\nMonday, March 9, 2026, 6:45 p.m.\n\n{BODY}", "2026-03-09T18:45"),
        (f"Protesters clash with police\n\n16.04.2027 16:20\n\n{BODY}", "2027-04-16T16:20"),
        # a US or Australian zone, a word after the time (no am/pm read off a letter)
        (f"Protesters clash with police\n\n3 February 2027, 9:00 PST\n\n{BODY}", "2027-02-03T09:00-08:00"),
        (f"Protesters clash with police\n\n3 February 2027 10:15 AEST\n\n{BODY}", "2027-02-03T10:15+10:00"),
        (f"Protesters clash with police\n\n3 February 2027, 10:30 Paris time\n\n{BODY}", "2027-02-03T10:30"),
        (f"KYIV, Oct. 30, 2022 (AP) — {BODY}", "2022-10-30"),
        # a date inside the prose is an event, not when the article was published
        (f"Protesters clash\n\n{PROSE}\n{BODY}", None),
    ],
)
def test_dates_from_the_header_or_a_date_line(text, date):
    assert article(text).date == date


def test_parse_date():
    assert display_date("2022-10-30") == "30 Oct 2022" and display_date(None) == ""
    assert parse_date("Oct. 30th, 2022") == "2022-10-30"
    assert parse_date("2022-02-30") is None
    assert parse_date("no date here") is None
    assert parse_date("16.04.2027 16:20") == "2027-04-16"  # day, month, year with dots
    assert parse_date("v1.2.2024") is None


# --- the front-matter header ---------------------------------------------------------


def test_a_header_with_lists_and_blank_lines_is_all_header():
    text = f"---\ntitle: Header title\noutlet: The Daily\nauthor: Jane Smith\ntags:\n  - war\n  - talks\n\n---\n{BODY}"
    a = article(text)
    fields, end = front_matter(text)
    assert (a.title, a.outlet, a.author) == ("Header title", "The Daily", "Jane Smith")
    assert end == text.index(BODY) and a.header == (0, end - 1)
    assert [ln.kind for ln in a.lines if ln.end < end] == ["header"] * 9


def test_a_rule_that_is_not_a_header_is_text():
    text = f"---\nThis is not a header line at all\n---\n{BODY}"
    assert front_matter(text) == ({}, 0)
    assert all(ln.kind != "header" for ln in article(text).lines)


def test_the_header_is_never_in_a_passage(tmp_path):
    from sidebyside.aligning.align import align

    title = "Putin ready for negotiations with West on certain conditions"
    shared = "---\ntitle: " + title + "\noutlet: {}\ndate: 2022-10-30\n---\n"
    for name, body in (("a.txt", BODY), ("b.txt", BODY.replace("officials", "the police"))):
        (tmp_path / name).write_text(shared.format(name) + "\n" + body)
    articles = load_articles([tmp_path])
    alignment = align(articles)
    assert alignment.groups  # the body is aligned ...
    for group in alignment.groups:
        for p in group.passages:
            header = articles[p.article].header
            assert header is not None and p.start >= header[1]  # ... the header never


# --- nearly-text files, things that are not files, the size cap ---------------------------


def test_a_text_with_a_few_nul_bytes_is_read_with_markers_and_a_note(tmp_path):
    f = tmp_path / "nul.txt"
    raw = f"Protesters clash with police\n\n{BODY}".encode()
    f.write_bytes(raw[:40] + b"\x00" + raw[41:80] + b"\x1b" + raw[81:])
    a = read_article(f)
    assert len(a.text) == len(raw)  # one marker per character: offsets do not move
    assert a.text[40] == "\u2400" and a.text[80] == "\u241b"
    assert a.notes == ("nul.txt: 2 control characters (NUL, U+001B) shown as markers such as ␀",)


def test_a_mostly_binary_file_is_refused(tmp_path):
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match=r"blob\.txt: not a text file \(binary data\)$"):
        read_article(f)


def _read_in_a_thread(path: Path) -> str:
    """read_article's error, failing the test if it blocks."""
    result: list[str] = []

    def run() -> None:
        try:
            read_article(path)
        except InputError as exc:
            result.append(str(exc))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), f"reading {path} blocked"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert _read_in_a_thread(fifo) == f"{fifo}: is a FIFO (named pipe), not a regular file; only files are read"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_at_once():
    assert _read_in_a_thread(Path("/dev/zero")) == (
        "/dev/zero: is a character device, not a regular file; only files are read"
    )


def test_a_file_over_the_size_cap_is_one_line(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(BODY * 200)  # about 23 KB
    with pytest.raises(InputError, match=r"big\.txt: 22 KB, over the 10 KB size limit \(--max-size to change it\)$"):
        read_article(f, max_size=10 * 1024)
    assert read_article(f).text == BODY * 200  # under the default 10 MB


def test_a_folder_reads_html_pages_too(tmp_path):
    pages = Path(__file__).resolve().parent / "pages"
    (tmp_path / "wire.html").write_bytes((pages / "wire-lavrov.html").read_bytes())
    (tmp_path / "note.txt").write_text(f"Protesters clash with police\n\n{BODY}")
    names = [a.name for a in load_articles([tmp_path])]
    assert names == ["note.txt", "wire.html"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.text(alphabet="abcdefghij KLMNOP.,“”’—é", min_size=1, max_size=12), min_size=30, max_size=80),
    controls=st.lists(st.sampled_from("\x00\x01\x07\x1b\x7f"), max_size=3),
)
def test_markers_never_move_an_offset(tmp_path, words, controls):
    """Whatever few control characters a text holds, each becomes one marker:
    the text read has the file's length, and every other character is the
    file's own."""
    text = "Protesters clash with police\n\n" + " ".join(words) + "\n"
    for i, c in enumerate(controls):
        at = 31 + (i * 7) % (len(text) - 32)
        text = text[:at] + c + text[at + 1 :]
    f = tmp_path / "marked.txt"
    f.write_bytes(text.encode("utf-8"))
    a = read_article(f)
    assert len(a.text) == len(text)
    assert all(x == y or (ord(y) < 32 or ord(y) == 127) for x, y in zip(a.text, text))
    assert bool(a.notes) == any(ord(c) < 32 and c not in "\t\n\v\f" or c == "\x7f" for c in text)
