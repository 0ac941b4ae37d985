"""Texts in the shape of real articles the project has never seen: wire copy,
a BBC page text with its image credits and captions, a blog post with a byline
and a date line, a Guardian page text with "Last modified on".  Title, outlet
and date must come out right, and the captions be boilerplate, not prose.
The texts are in tests/data/unseen."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.reading.articles import read_article

UNSEEN = Path(__file__).parent / "data" / "unseen"


def read(name: str):
    return read_article(UNSEEN / name)


@pytest.mark.parametrize(
    ("name", "title", "outlet", "date"),
    [
        ("ap.txt", "Senate passes stopgap bill to avert government shutdown", "AP", None),
        ("ap2.txt", "Wildfire forces thousands to flee in Southern California", "AP", "2025-01-08"),
        ("bbc.txt", "Flooding: Hundreds evacuated as River Severn bursts its banks", None, "2024-02-12"),
        ("bbc2.txt", "Storm Ciarán: Thousands without power after record winds", "BBC News", "2023-11-02"),
        ("blog.md", "Why I stopped using my standing desk", None, "2025-04-02"),
        # published on the 3rd, changed later: the publication date, whichever line comes first
        (
            "guardian.txt",
            "Ministers accused of ‘ducking’ decision on North Sea oil licences",
            None,
            "2024-03-03",
        ),
        (
            "guardian2.txt",
            "Ministers accused of ‘ducking’ decision on North Sea oil licences",
            None,
            "2024-03-03",
        ),
        # a headline copied from a browser tab, with its site's name
        ("tabtitle.txt", "Storm Ciarán leaves thousands without power", "BBC News", None),
        ("tabtitle2.txt", "Storm Ciarán leaves thousands without power", "The Guardian", None),
        # "Story by …, CNN" is a byline, not a title; the date an update's
        ("cnn.txt", "cnn", "CNN", "2024-03-05"),
        # the outlet from the copyright line at the end, from a line of its own under the writer's name
        ("wp.txt", "Storm Ciarán leaves thousands without power", "The Marlow Daily", "2024-03-04"),
        ("nameline.txt", "Storm Ciarán leaves thousands without power", "The Marlow Daily", "2024-03-04"),
        ("caps.txt", "STORM CIARÁN LEAVES THOUSANDS WITHOUT POWER", None, "2024-03-01"),
        # no headline (a byline first, then the dateline): the file name; no year: no date
        ("reuters2.txt", "reuters2", "Reuters", None),
    ],
)
def test_title_outlet_and_date_of_articles_never_seen(name, title, outlet, date):
    a = read(name)
    assert (a.title, a.outlet, a.date) == (title, outlet, date)


@pytest.mark.parametrize("name", ["bbc.txt", "bbc2.txt"])
def test_image_credits_and_captions_are_boilerplate(name):
    a = read(name)
    for line in a.lines:
        body = a.text[line.start : line.end]
        if body.startswith(("Image copyright", "Image caption", "Image source")):
            assert line.kind == "boilerplate", body


def test_a_markdown_heading_is_the_title_without_its_marks(tmp_path):
    a = read("blog.md")
    (title_line,) = [ln for ln in a.lines if ln.kind == "title"]
    assert a.text[title_line.start : title_line.end] == "# Why I stopped using my standing desk"  # offsets unchanged
    assert a.title == "Why I stopped using my standing desk"
    path = tmp_path / "blog.md"
    path.write_text(f"---\ntitle: Why I stopped using my standing desk\n---\n{a.text}", encoding="utf-8")
    assert [ln.kind for ln in read_article(path).lines if ln.kind == "title"] == [
        "title"
    ]  # the header's title is found


@pytest.mark.parametrize(
    ("name", "author"),
    [
        ("ap2.txt", "Julie Watson and Amy Taxin"),  # an all-capitals byline read as names
        ("bbc2.txt", "Tom Edgington"),
        ("blog.md", "Maya Chen"),  # "Posted by Maya Chen on April 2, 2025"
        ("cnn.txt", "Jane Doe"),
        ("reuters2.txt", "Jane Doe and Tom Brown"),
        ("guardian.txt", "Fiona Harvey"),  # "Fiona Harvey Environment editor": a name and a role, no "By"
        ("nameline.txt", "Jane Doe"),  # a name on a line of its own under the headline
        ("ap.txt", None),  # "… writers Lisa Mascaro and Kevin Freking contributed" is no byline
    ],
)
def test_the_author_from_a_byline(name, author):
    assert read(name).author == author


def test_the_header_author_beats_the_byline(tmp_path):
    path = tmp_path / "blog.md"
    path.write_text(f"---\nauthor: M. Chen\n---\n{read('blog.md').text}", encoding="utf-8")
    assert read_article(path).author == "M. Chen"


def test_a_byline_that_only_names_the_outlet_is_no_author(tmp_path):
    # A broadcaster's page: its byline names the service and a section only.
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Sejm removes the government - Radio Wisla English Service</title>"
        '<meta property="og:site_name" content="Radio Wisla English Service"></head><body><article>'
        "<h1>Sejm removes the government and elects a new prime minister</h1>"
        '<p class="byline">Radio Wisla English Service | Politics</p>'
        "<p>The lower house passed a constructive vote of no confidence in the government on Friday evening, "
        "ending more than three years of rule by the governing party.</p>"
        "<p>The new prime minister is expected to be sworn in on Monday and must present her cabinet within "
        "fourteen days, the speaker of the chamber told reporters.</p></article></body></html>",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.outlet == "Radio Wisla English Service"
    assert article.author is None
