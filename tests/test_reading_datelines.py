"""Metadata a plain text gives without saying so: the writer's name on a line
of its own under the headline (no "By"), and the year of a dateline that
has none ("KYIV, March 3 (Reuters) -"), taken only from what supports it:
the text's own dated lines and copyright line, or the other versions of
the story; never from prose dates or the file's modification time."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sidebyside.reading.articles import article_from_text, load_articles, read_article
from sidebyside.reading.textmeta import author_from_byline, date_from_text, one_story, undated_day, year_near

HEADLINE = "Strong earthquake off northern Chile kills three"
BODY = (
    "A magnitude 6.8 earthquake struck off the coast of northern Chile on Monday, killing three people, "
    "authorities said.\n\nThe navy briefly issued a tsunami warning for the coast.\n"
)
UNSEEN = Path(__file__).parent / "data" / "unseen"


def lines(*rows: str) -> list[str]:
    return list(rows)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Jane Smith", "Jane Smith"),
        ("Jane Smith, Reuters", "Jane Smith"),
        ("JANE SMITH, REUTERS", "Jane Smith"),
        ("Jane Smith | The Guardian", "Jane Smith"),
        ("Jane Smith, Senior Correspondent", "Jane Smith"),
        ("Fiona Harvey Environment editor", "Fiona Harvey"),
        ("Mary Ann Evans Political editor", "Mary Ann Evans"),
        ("*Olga Petrenko and staff*", "Olga Petrenko"),
        ("J. R. O'Neill, Reuters", "J. R. O'Neill"),
        ("Anne-Marie Dupont", "Anne-Marie Dupont"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("Jane Smith and Tom Brown, Reuters", None),  # two writers without "By": too unlike a lone name to risk
        # places, sections, page furniture: not a writer
        ("New York", None),
        ("Los Angeles", None),
        ("NEW YORK", None),
        ("BUENOS AIRES", None),
        ("Latin America", None),
        ("Most Popular", None),
        ("Buenos Aires, Argentina", None),
        ("Jane Smith, London", None),  # a place after the name: perhaps a dateline, not taken without "By"
        ("14 October", None),
        ("Monday March", None),
        ("World | Americas", None),
        ("Share this article", None),
        ("Reuters", None),
        ("The Marlow Daily", None),
        ("Harbour Times", None),
        ("Jane", None),
        ("Jane Smith Jones Brown Green", None),
    ],
)
def test_a_writers_name_under_the_headline_without_by(line, author):
    assert author_from_byline([HEADLINE, "", line, "", BODY]) == author
    a = article_from_text(Path("/corpus/story.txt"), f"{HEADLINE}\n\n{line}\n\n{BODY}")
    assert a.author == author
    assert a.title == HEADLINE


def test_the_name_line_is_where_a_byline_stands():
    # the first line is the headline, never a writer
    assert author_from_byline(["Rishi Sunak", "", BODY]) is None
    # under a short line (a section), a bare name is not taken; with its outlet it is
    assert author_from_byline(["World", "Jane Smith", BODY]) is None
    assert author_from_byline(["World", "Jane Smith, Reuters", BODY]) == "Jane Smith"
    # a caption naming whom the story is about
    assert author_from_byline(["Putin says Russia is ready for talks", "Vladimir Putin", BODY]) is None
    # too far down: a name in the story
    far = [HEADLINE, *[f"Paragraph {i} of the story goes on here." for i in range(8)], "Jane Smith"]
    assert author_from_byline(far) is None
    # a "By" byline wins
    assert author_from_byline([HEADLINE, "Tom Brown", "By Jane Smith"]) == "Jane Smith"


@pytest.mark.parametrize(
    ("rows", "day"),
    [
        (["KYIV, March 3 (Reuters) - Ukraine said on Monday it had"], (3, 3)),
        (["ATHENS, Aug 14 (AP) — A passenger ferry carrying 312 people"], (8, 14)),
        (["ANTOFAGASTA, Chile, March 3 (Reuters) - A magnitude 6.8 earthquake"], (3, 3)),
        (["KYIV, March 3 — Ukraine said on Monday it had"], (3, 3)),
        (["Headline here", "14 October", "Text of the story begins."], (10, 14)),
        (["Headline here", "Published 3 March", "Text of the story begins."], (3, 3)),
        (["Headline here", "Mon 3 March 10.00 GMT", "Text of the story begins."], (3, 3)),
        (["KYIV, March 3, 2025 (Reuters) - Ukraine said"], None),  # it has its year
        (["LONDON (Reuters) - British factory output rose on March 3"], None),  # a date in the prose
        (["Strike called for March 3"], None),  # a headline, not a date line
        (["KYIV, Feb 30 (Reuters) - Ukraine said"], None),
    ],
)
def test_the_day_of_a_dateline_without_its_year(rows, day):
    assert undated_day(rows) == day


@pytest.mark.parametrize(
    ("rows", "iso"),
    [
        # nothing supports a year: no date, rather than an invented one
        ([HEADLINE, "KYIV, March 3 (Reuters) - Ukraine said on Monday"], None),
        # a date in the prose is another year's as often as not ("…, 2019"): not taken
        ([HEADLINE, "KYIV, March 3 (Reuters) - The law passed on March 1, 2019, was changed"], None),
        # the text's own copyright line, of one year
        ([HEADLINE, "KYIV, March 3 (Reuters) - Ukraine said", "Copyright 2025 Reuters. All rights reserved."],
         "2025-03-03"),
        ([HEADLINE, "KYIV, March 3 (Reuters) - Ukraine said", "© 2025 Thomson Reuters"], "2025-03-03"),
        # a range: the page's years, not the story's
        ([HEADLINE, "KYIV, March 3 (Reuters) - Ukraine said", "© 2019-2025 Site Ltd"], None),
        # an update line: the latest such day on or before it
        ([HEADLINE, "KYIV, March 3 (Reuters) - Ukraine said", "Updated March 4, 2025"], "2025-03-03"),
        ([HEADLINE, "KYIV, Dec 30 (Reuters) - Ukraine said", "Last updated: January 2, 2026"], "2025-12-30"),
        ([HEADLINE, "14 October", "Story text.", "Updated 15 October 2024"], "2024-10-14"),
        # a "Published" line with its year is the date itself
        ([HEADLINE, "14 October", "Story text.", "Published: 15 October 2024"], "2024-10-15"),
        # a full date on the top lines still wins
        ([HEADLINE, "KYIV, March 3, 2022 (Reuters) - Ukraine said"], "2022-03-03"),
        # 29 February only in a leap year
        ([HEADLINE, "KYIV, Feb 29 (Reuters) - Ukraine said", "Copyright 2025 Reuters"], None),
        # a long metadata line: the date between its marks
        ([HEADLINE, "*Insights · 15 April 2026 · By Ana Petrescu, Senior Fellow, Energy Security Programme*"],
         "2026-04-15"),
        # a long line of prose with a mark in it is no metadata line
        ([HEADLINE, "The talks ran late · and a deal was reached on 15 April 2026 in Kyiv by all the delegations"],
         None),
        # (review R5) an update's date, related links, a table's row: not the date
        ([HEADLINE, "*Insights · Updated 16 April 2026 · By Ana Petrescu, Senior Fellow, Energy Security Programme*",
          "Published 15 April 2026"], "2026-04-15"),
        ([HEADLINE, "Related: Talks collapse in Vienna · 3 March 2026 · Ceasefire holds for now · 1 March 2026",
          "Kyiv, 15 April 2026"], "2026-04-15"),
        ([HEADLINE, "| 3 March 2026 | Talks collapse in Vienna after the two sides fail to agree a text on it |"],
         None),
        # (review R6) published and updated on one line; a byline without "By"; "By the numbers" is no byline
        ([HEADLINE, "*Insights · Published 15 April 2026 · Updated 16 April 2026 · By Ana Petrescu, Senior Fellow*"],
         "2026-04-15"),
        ([HEADLINE, "*Insights · 15 April 2026 · Updated 16 April 2026 · By Ana Petrescu, Senior Fellow*"],
         "2026-04-15"),
        ([HEADLINE, "Ana Petrescu · Senior Fellow, Energy Security Programme · 15 April 2026 · 6 min read"],
         "2026-04-15"),
        ([HEADLINE, "By the numbers · the war in charts and maps for readers · 3 March 2026 · Energy"], None),
    ],
)
def test_the_year_of_a_dateline_comes_from_the_text_or_not_at_all(rows, iso):
    assert date_from_text(rows) == iso


@pytest.mark.parametrize(
    ("day", "known", "iso"),
    [
        ((3, 3), ["2025-03-05"], "2025-03-03"),
        ((12, 30), ["2026-01-02"], "2025-12-30"),
        ((1, 2), ["2025-12-30"], "2026-01-02"),
        ((3, 3), ["2025-03-05", "2025-03-04"], "2025-03-03"),
        ((3, 3), ["2025-03-05", "2024-03-04"], None),  # two years: no telling
        ((3, 3), ["2025-07-01"], None),  # months apart: no version of this story
        ((2, 29), ["2025-03-01"], None),
        ((3, 3), [], None),
    ],
)
def test_a_year_from_the_other_versions_dates(day, known, iso):
    assert year_near(day, known) == iso


def test_the_other_versions_of_the_story_give_the_year(tmp_path):
    (tmp_path / "wire.txt").write_text(f"{HEADLINE}\n\nKYIV, March 3 (Reuters) - {BODY}", encoding="utf-8")
    (tmp_path / "paper.txt").write_text(f"{HEADLINE}\n\nPublished: March 4, 2025\n\n{BODY}", encoding="utf-8")
    (tmp_path / "old.txt").write_text(f"{HEADLINE}\n\nKYIV, Sept 9 (Reuters) - {BODY}", encoding="utf-8")
    by_name = {a.name: a.date for a in load_articles([tmp_path])}
    assert by_name == {"wire.txt": "2025-03-03", "paper.txt": "2025-03-04", "old.txt": None}
    # read alone, nothing supports a year
    assert read_article(tmp_path / "wire.txt").date is None


def test_the_files_modification_time_gives_no_year(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(f"{HEADLINE}\n\nKYIV, March 3 (Reuters) - {BODY}", encoding="utf-8")
    (tmp_path / "other.txt").write_text(f"{HEADLINE}\n\nKYIV, March 3 (Reuters) - {BODY}", encoding="utf-8")
    stamp = time.mktime((2025, 3, 3, 12, 0, 0, 0, 0, -1))
    os.utime(path, (stamp, stamp))
    assert [a.date for a in load_articles([tmp_path])] == [None, None]


def test_the_unseen_stories():
    ferry = {a.name: (a.author, a.date) for a in load_articles([UNSEEN / "ferry"])}
    # the broadcaster's copyright line gives 2025; the wire and the tabloid ("14 August") take it
    assert ferry == {
        "broadcaster.txt": (None, "2025-08-14"),
        "tabloid.txt": ("Helen Carter", "2025-08-14"),
        "wire.txt": (None, "2025-08-14"),
    }
    quake = {a.name: (a.author, a.date) for a in load_articles([UNSEEN / "quake"])}
    # "Natalia Ramos, Reuters" under the courier's headline; no year anywhere: no date
    assert quake == {
        "aggregator.txt": (None, None),
        "courier.txt": ("Natalia Ramos", None),
        "wire.txt": ("Natalia Ramos", None),
    }
    assert read_article(UNSEEN / "rates" / "business.md").author == "Olga Petrenko"  # "*Olga Petrenko and staff*"


def test_a_folder_of_unrelated_articles_gives_no_year(tmp_path):
    (tmp_path / "wire.txt").write_text(f"{HEADLINE}\n\nKYIV, March 3 (Reuters) - {BODY}", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"{HEADLINE}\n\nPublished: March 4, 2025\n\n{BODY}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{HEADLINE}\n\nPublished: June 9, 2023\n\n{BODY}", encoding="utf-8")
    assert {a.name: a.date for a in load_articles([tmp_path])}["wire.txt"] is None
    assert one_story(["2025-03-04", "2025-03-20"]) and not one_story(["2025-03-04", "2023-06-09"])
