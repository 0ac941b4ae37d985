"""Saved web pages (.html/.htm): the article text only, with its paragraphs and
entities decoded, and the title, outlet, author and date from the page's
metadata; bad pages one line."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from sidebyside.reading.articles import InputError, load_articles, read_article
from sidebyside.reading.pages import charset_of, split_title

PAGES = Path(__file__).resolve().parent / "pages"
JUNK = [
    "cookies",  # the banner
    "Home",  # navigation
    "Advertisement",
    "Sponsored",
    "Related stories",  # related links
    "Ukraine grain deal suspended",
    "Comments",
    "propaganda",  # a comment
    "Share on",
    "Morning Briefing",  # the newsletter promo
    "dataLayer",  # a script
    "Moscow would listen to serious proposals",  # the meta description
    "All rights reserved",
    "<",
    "&",  # entities are decoded (the page's "&amp;" is "&" in the text, checked below)
]


def test_a_saved_page_is_its_article_text_and_metadata():
    a = read_article(PAGES / "wire-lavrov.html")
    assert a.title == "Lavrov says Putin is ready for talks with the West"  # not the <title> with its suffix
    assert (a.outlet, a.author, a.date, a.url) == ("Wire World News", "Anna Petrova", "2022-10-30", None)
    assert a.is_page and a.source == str(PAGES / "wire-lavrov.html")
    paragraphs = a.text.split("\n\n")
    assert paragraphs[0] == a.title and len(paragraphs) == 6
    assert paragraphs[1].startswith("MOSCOW, Oct 30 (Wire World) – Russian Foreign Minister Sergei Lavrov said")
    assert "Washington & its European allies" in a.text and "Russia’s security concerns" in a.text
    for junk in JUNK[:-1]:
        assert junk not in a.text, junk
    assert a.text.count("&") == 1
    assert [ln.kind for ln in a.lines][:3] == ["title", "blank", "body"]
    # offsets index the extracted text, and the hash is of that text
    assert a.sha256 == hashlib.sha256(a.text.encode("utf-8")).hexdigest()


def test_outlet_from_the_title_suffix_and_charset_from_the_page():
    a = read_article(PAGES / "kyiv-ledger.html")
    assert a.encoding == "cp1252"
    assert a.title == "Putin still ready for talks on “equal” terms, Lavrov says"
    assert (a.outlet, a.author, a.date) == ("The Kyiv Ledger", "Oleh Marchenko", "2022-10-31")
    for junk in ("Holidays in the Carpathians", "Read also", "Tags:", "Zelensky signs", "Nobody trusts", "Support us"):
        assert junk not in a.text, junk


def test_json_ld_gives_date_author_and_publisher():
    a = read_article(PAGES / "evening-courier.html")
    assert a.title == "Russia 'open to dialogue': Lavrov sets out two conditions for talks"
    assert (a.outlet, a.author, a.date) == ("Evening Courier", "James Whitfield", "2022-10-29")
    for junk in ("RELATED", "Sign up", "Why would anyone", "Most read", "Pensioners", "personalise ads"):
        assert junk not in a.text, junk


def test_a_byline_s_section_names_are_not_its_author(tmp_path):
    page = (
        "<html><head><title>Sculptures return home</title></head><body><article>"
        "<h1>Fourteen Koh Ker sculptures to return home from British museum</h1>"
        '<p class="byline">Sok Chanthy | Culture &amp; Heritage</p>'
        + "".join(
            f"<p>{sentence}</p>"
            for sentence in (
                "A museum in the English city of Leicester handed 14 sculptures back to Cambodia on Thursday.",
                "The sandstone and bronze figures were taken from temples at Koh Ker in the early 1970s.",
                "The museum bought them between 1986 and 1991 from a London dealer, according to its records.",
                "Cambodia's culture minister signed the agreement at a ceremony in the museum's main hall.",
            )
        )
        + "</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert read_article(tmp_path / "page.html").author == "Sok Chanthy"


def test_a_headline_given_again_after_a_section_s_name_is_read_once(tmp_path):
    page = (
        "<html><head><title>Kingsmere City complete signing of Oleksandr Kovalenko | Kingsmere City FC</title></head>"
        "<body><main><p class='section'>Men's First Team</p>"
        "<h1>Kingsmere City complete signing of Oleksandr Kovalenko</h1>"
        + "".join(
            f"<p>{sentence}</p>"
            for sentence in (
                "Kingsmere City is delighted to announce the signing of Oleksandr Kovalenko for a club-record fee.",
                "The 24-year-old has signed a five-year contract running until June 2032, subject to clearance.",
                "He scored 23 goals in 38 appearances last season, finishing as the league's top scorer.",
                "The manager said the forward would join the squad at its training camp in Austria next week.",
            )
        )
        + "</main></body></html>"
    )
    (tmp_path / "club.html").write_text(page, encoding="utf-8")
    text = read_article(tmp_path / "club.html").text
    assert text.count("Kingsmere City complete signing of Oleksandr Kovalenko") == 1


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty-body.html", "no article text found in the page"),
        ("all-navigation.html", "no article text found in the page (only links, headings or navigation)"),
    ],
)
def test_a_page_without_an_article_is_one_line(name, reason):
    with pytest.raises(InputError) as caught:
        read_article(PAGES / "bad" / name)
    assert str(caught.value).startswith(f"{PAGES / 'bad' / name}: {reason.split(' (')[0]}")
    assert "\n" not in str(caught.value)


def test_an_empty_html_file_is_one_line(tmp_path):
    f = tmp_path / "blank.htm"
    f.write_text("   \n")
    with pytest.raises(InputError, match=r"blank\.htm: empty page$"):
        read_article(f)


def test_a_folder_of_pages_skips_the_bad_ones_and_orders_nothing_itself(tmp_path):
    for f in PAGES.glob("*.html"):
        shutil.copy(f, tmp_path / f.name)
    shutil.copy(PAGES / "bad" / "empty-body.html", tmp_path / "zz-empty.htm")
    skipped: list[str] = []
    articles = load_articles([tmp_path], skipped)
    assert [a.name for a in articles] == ["evening-courier.html", "kyiv-ledger.html", "wire-lavrov.html"]
    assert len(skipped) == 1 and "zz-empty.htm: no article text found" in skipped[0]


def test_corpus_toml_beats_the_page(tmp_path):
    shutil.copy(PAGES / "wire-lavrov.html", tmp_path / "wire.html")
    (tmp_path / "corpus.toml").write_text('[articles."wire.html"]\noutlet = "Wire (print edition)"\n')
    (a,) = load_articles([tmp_path / "wire.html"])
    assert a.outlet == "Wire (print edition)" and a.date == "2022-10-30"


def test_split_title():
    assert split_title("Headline of the day | Site News", "Site News") == ("Headline of the day", "Site News")
    assert split_title("Headline of the day - Site News", None) == ("Headline of the day", "Site News")
    assert split_title("Russia - Ukraine war: what we know", "Other") == ("Russia - Ukraine war: what we know", "Other")


def test_charset_of():
    assert charset_of(b"<meta charset='iso-8859-2'><p>x</p>") == "iso8859-2"
    assert charset_of(b"<meta charset='utf-8'>", "windows-1251") == "cp1251"  # the header wins
    assert charset_of("caf\u00e9".encode()) == "utf-8"
    assert charset_of("caf\u00e9".encode("cp1252")) == "cp1252"
    assert charset_of(b"<meta charset='no-such-charset'>") == "utf-8"
