"""An outlet named in a byline ("By Anna Lindqvist, The Marlow Daily"), and
a FIFO or device in a folder skipped with a note like a binary file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sidebyside.reading.articles import article_from_text, load_articles
from sidebyside.reading.textmeta import (
    author_from_byline,
    dateline_end,
    is_metadata_line,
    outlet_from_byline,
    outlet_from_copyright,
    split_site_suffix,
)

HEADLINE = "Footbridge falls into the Tessel River, injuring 16"
BODY = (
    "A footbridge across the Tessel River gave way on Tuesday night, and 16 people were hurt, "
    "according to the city.\n\nThe mayor said an inquiry would begin at once.\n"
)


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        ("By Anna Lindqvist, The Marlow Daily", "The Marlow Daily"),
        ("By Lena Marsh, Harbour Times", "Harbour Times"),
        ("BY LENA MARSH, HARBOUR TIMES", "Harbour Times"),
        ("By Jane Doe, Associated Press", "Associated Press"),
        ("By Jane Doe and Tom Brown, The Washington Post", "The Washington Post"),
        ("By Jane Doe, Senior Correspondent, The Marlow Daily", "The Marlow Daily"),
        ("By Jane Doe, Washington Post Staff Writer", "Washington Post"),
        ("By Jane Doe for The Guardian", "The Guardian"),
        ("Written by Jane Doe | Northern Herald", "Northern Herald"),
        ("By Jane Doe, The Times of India", "The Times of India"),
        ("By J. R. O'Neill, Reuters", "Reuters"),
        ("By Jane Doe, The Economist", "The Economist"),
        # a role, a place, a date, a suffix, a sentence: not an outlet
        ("By Jane Doe, Senior Correspondent", None),
        ("By Jane Doe, Staff Writer", None),
        ("By Jane Doe, Political Editor", None),
        ("By Jane Doe, London", None),
        ("By Jane Doe, in Kyiv", None),
        ("By Jane Doe, Jr.", None),
        ("By Jane Doe, March 4, 2026", None),
        ("By Jane Doe and Tom Brown", None),
        ("By Tuesday, The Marlow Daily had reported 16 injuries", None),
        ("By the time rescuers came, Harbour Times said, the water had risen", None),
        ("By Jane Doe, Chief Executive of Harbour Holdings", None),
    ],
)
def test_an_outlet_after_a_byline_comma(byline, outlet):
    assert outlet_from_byline([byline]) == outlet
    a = article_from_text(Path("/corpus/story.txt"), f"{HEADLINE}\n\n{byline}\n\n{BODY}")
    assert a.outlet == outlet
    assert a.title == HEADLINE


@pytest.mark.parametrize(
    ("title", "split"),
    [
        ("Storm leaves thousands without power - BBC News", ("Storm leaves thousands without power", "BBC News")),
        (
            "Storm leaves thousands without power | The Guardian",
            ("Storm leaves thousands without power", "The Guardian"),
        ),
        (
            "Storm leaves thousands without power — Harbour Times",
            ("Storm leaves thousands without power", "Harbour Times"),
        ),
        ("Russia ready for talks - Lavrov", ("Russia ready for talks - Lavrov", None)),
        ("Russia ready for talks - Kremlin Spokesman", ("Russia ready for talks - Kremlin Spokesman", None)),
        ("Flooding: Hundreds evacuated in Bewdley", ("Flooding: Hundreds evacuated in Bewdley", None)),
        ("Talks - The Times", ("Talks - The Times", None)),  # too short to be a headline and a site
    ],
)
def test_a_site_name_after_a_headline(title, split):
    assert split_site_suffix(title) == split


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Copyright 2024 The Marlow Daily. All rights reserved.", "The Marlow Daily"),
        ("© 2021-2024 Harbour Times", "Harbour Times"),
        ("(c) The Associated Press", "The Associated Press"),
        ("© 2024 Getty Images", None),
        ("Copyright 2024 Jane Doe", None),
        ("The Marlow Daily is read by thousands", None),
    ],
)
def test_an_outlet_in_a_copyright_line(line, outlet):
    assert outlet_from_copyright(line) == outlet


def test_the_user_test_bylines(tmp_path):
    (tmp_path / "daily.txt").write_text(
        f"{HEADLINE}\n\nBy Anna Lindqvist, The Marlow Daily\n\nPublished: March 4, 2026\n\n{BODY}"
    )
    (tmp_path / "b.txt").write_text(
        f"Port Elsby dockers strike over pay\n\nBy Lena Marsh, Harbour Times\n\nJune 13, 2026\n\n{BODY}"
    )
    b, daily = load_articles([tmp_path])
    assert (daily.outlet, daily.date) == ("The Marlow Daily", "2026-03-04")
    assert (b.outlet, b.date) == ("Harbour Times", "2026-06-13")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_a_folder_is_skipped_with_a_note(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{HEADLINE}\n\n{BODY}")
    (tmp_path / "c.txt").write_bytes(b"")
    os.mkfifo(tmp_path / "pipe.txt")
    skipped: list[str] = []
    articles = load_articles([tmp_path], skipped)
    assert [a.name for a in articles] == ["a.txt", "b.txt"]
    assert skipped == [
        f"skipped {tmp_path / 'c.txt'}: empty file",
        f"skipped {tmp_path / 'pipe.txt'}: is a FIFO (named pipe), not a regular file; only files are read",
    ]
    skipped = []
    load_articles([tmp_path / "*.txt"], skipped)  # a glob too
    assert len(skipped) == 2 and "pipe.txt: is a FIFO" in skipped[1]


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By JULIE WATSON and AMY TAXIN", "Julie Watson and Amy Taxin"),
        ("BY J. R. O'NEILL, REUTERS", "J. R. O'Neill"),
        ("By Anna Lindqvist, The Marlow Daily", "Anna Lindqvist"),
        ("Posted by Maya Chen on April 2, 2025", "Maya Chen"),
        ("**By Hannah Brooks**", "Hannah Brooks"),  # a Markdown page's, in bold
        ("By Tuesday, it had rained for a week", None),
        ("By the time rescuers came, the water had risen", None),
    ],
)
def test_the_writer_in_a_byline(byline, author):
    assert author_from_byline([byline]) == author


@pytest.mark.parametrize(
    ("headline", "outlet"),
    [
        ("Sunak Faces the Press Over Flood Defences", None),  # a headline ending like a paper's name
        ("Rishi Sunak Breaks Record", None),
        ("Good Morning World", None),
        ("Harbour Times", "Harbour Times"),  # a paper's name on a line of its own
        ("The Marlow Daily", "The Marlow Daily"),
    ],
)
def test_a_line_that_names_a_paper_not_a_headline(headline, outlet):
    a = article_from_text(Path("/corpus/story.txt"), f"{headline}\n\n{BODY}")
    assert a.outlet == outlet


@pytest.mark.parametrize("line", [",", " | ", "—", "; ;"])
def test_a_line_of_punctuation_under_the_headline_is_no_writer(line):
    article = article_from_text(Path("/t/a.txt"), f"A headline about the port\n{line}\nThe strike went on.\n")
    assert article.author is None


@pytest.mark.parametrize(
    ("line", "metadata"),
    [
        ("By Olga Petrenko", True),
        ("*Olga Petrenko and staff*", True),
        ("Almaty Radio News", True),
        ("Harbour Times", True),
        ("14 October", True),
        ("June 13, 2026", True),
        ("Published: 3 March 2025", True),
        ("Talks are expected to resume on Monday.", False),
        ("On March 3 the city council voted", False),  # a hard-wrapped line of prose
        ("Posted on January 10 by Carla Souza", True),
        ("Sunday 30 October 2022, 10:49", True),
        ("*Friday 19 November 2027 · Issue 212*", True),  # a newsletter's issue
        ("Vol. 3 No. 45, June 13, 2026", True),
        ("Issue of the day: June 13, 2026", False),
        ("Port Elsby dockers strike over pay", False),
        ("Rifle designer asked patriarch about guilt", False),
        ("Seville - 3 February 2027 - 19:25 CET", True),  # where, the date, the time and its zone
        ("Valencia, 9 March 2027 - 19:12 CET", True),
        ("Posted by the Costa Luz Radio newsroom", True),  # a newsroom for a writer
        ("By staff reporters", True),
        ("Seville is calm on 3 February", False),
        ("By the way, the team won", False),
        ("By Friday the council had sacked its staff.", False),  # a sentence, not a newsroom
        ("By then the club had doubled its staff.", False),
    ],
)
def test_page_metadata_lines(line, metadata):
    assert is_metadata_line(line) is metadata


def test_metadata_is_the_lines_above_the_first_paragraph_of_prose_and_its_dateline():
    text = (
        "Kazakhstan cuts base rate\n\nBy Olga Petrenko\n\n14 October\n\n"
        "ALMATY, Oct 14 (Reuters) - Kazakhstan's central bank cut its base interest rate by 50 basis points.\n\n"
        "Jane Smith\n"
    )
    article = article_from_text(Path("/t/wire.txt"), text)
    assert [text[s:e] for s, e in article.metadata] == ["By Olga Petrenko", "14 October", "ALMATY, Oct 14 (Reuters) - "]


def test_a_hard_wrapped_first_paragraph_s_dateline_is_metadata():
    text = (
        "Dam alert in Minas Gerais\n\nBELO HORIZONTE, Brazil, Jan 9 (AFP) - Authorities in\n"
        "the Brazilian state of Minas Gerais ordered about 1,200 people to leave\n"
    )
    article = article_from_text(Path("/t/afp.txt"), text)
    assert [text[s:e] for s, e in article.metadata] == ["BELO HORIZONTE, Brazil, Jan 9 (AFP) - "]


def test_a_hard_wrapped_lede_that_begins_with_a_date_is_prose():
    lede = "On March 3 the city council voted\nto approve the long-delayed bridge\nover the river\n"
    text = "Bridge vote today\n\n" + lede
    assert article_from_text(Path("/t/a.txt"), text).metadata == ()
    assert dateline_end("I — like many others — voted for it.") == 0  # no one-letter place


def test_a_dateline_of_a_date_and_a_credit_without_a_place_is_metadata():
    text = "Norvane profit jumps\n\nOct 23 (Reuters) - Norvane Systems reported an 18% rise in quarterly net profit.\n"
    article = article_from_text(Path("/t/wire.txt"), text)
    assert [text[s:e] for s, e in article.metadata] == ["Oct 23 (Reuters) - "]
    assert dateline_end("May 12 people were hurt (police said) - a figure") == 0  # prose, no credit after a day


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ("The Touchline\nFootball | Europe\n\n", "The Touchline"),
        ("WELLBEING TODAY\nHome > Healthy Ageing > Heat\n\n", "Wellbeing Today"),
        ("Breaking news\nUpdated hourly\n\n", None),  # no section path under it
    ],
)
def test_a_site_name_over_its_section_path_is_the_outlet(head, outlet):
    text = head + "Rheinfeld top the league after a late derby winner\n\n" + "The striker scored late on. " * 6 + "\n"
    assert article_from_text(Path("/t/report.txt"), text).outlet == outlet


def test_a_markdown_newsletter_s_name_and_its_story_s_heading():
    text = (
        "# The Flight Deck\n\n*Wednesday 9 September 2026*\n\n"
        "Good morning. One story dominated yesterday, and the people who were on\n"
        "board are still in County Clare, waiting for a plane home.\n\n"
        "## Jet diverts to Shannon after losing cabin pressure\n\n"
        "A Vantair flight from Frankfurt to Chicago made an emergency landing at\n"
        "Shannon Airport in western Ireland on Tuesday.\n"
    )
    article = article_from_text(Path("/t/newsletter.md"), text)
    assert (article.outlet, article.title) == ("The Flight Deck", "Jet diverts to Shannon after losing cabin pressure")


def test_a_dateline_of_a_date_and_a_credit_names_the_outlet_and_the_day():
    text = "Norvane profit jumps\n\nOct 23 (Reuters) - Norvane Systems reported a rise in quarterly net profit.\n"
    article = article_from_text(Path("/t/wire.txt"), text)
    assert article.outlet == "Reuters"


def test_a_dateline_of_a_place_with_its_country_and_a_full_date_names_the_outlet_and_the_day():
    text = (
        "British museum returns 14 looted Khmer sculptures to Cambodia\n\nBy Hannah Vogt\n\n"
        "LEICESTER, United Kingdom, Nov 18, 2027 (AFP) - A museum in the English city of Leicester on Thursday "
        "handed 14 sculptures back to Cambodia.\n"
    )
    article = article_from_text(Path("/t/wire.txt"), text)
    assert (article.outlet, str(article.date)) == ("AFP", "2027-11-18")


def test_a_newsletter_s_headline_in_bold_is_the_title_without_its_marks():
    text = (
        "# The Provenance Letter\n\n*Friday 19 November 2027 · Issue 212*\n\n"
        "**Leicester gives back its Khmer gods**\n\n"
        "Good morning. This week a council museum in the English Midlands returned 14 sculptures to Cambodia.\n"
    )
    article = article_from_text(Path("/t/newsletter.md"), text)
    assert article.title == "Leicester gives back its Khmer gods"


def test_a_masthead_with_its_edition_is_the_outlet_not_the_headline():
    text = (
        "EL DIARIO DE LEVANTE · ENGLISH EDITION\nValencia | Courts\n\n"
        "Six years and nine months in prison for former water company chief\n\nRedacción / Agencias\n\n"
        "The National Court on Tuesday sentenced the former chief executive of the Valencian public water company "
        "to six years and nine months in prison for embezzling public funds.\n"
    )
    article = article_from_text(Path("/t/spanish.txt"), text)
    assert article.title == "Six years and nine months in prison for former water company chief"
    assert article.outlet == "El Diario De Levante"


def test_a_dateline_with_its_full_date_is_metadata_and_dates_the_article():
    """'ASHFORD, June 4, 2026 - The city …': the place and the date with its
    year are the dateline, shown as written and never in a passage, and
    they date an article that has no other date."""
    text = (
        "LAKESIDE TIMES\n\nMayor promises new library by 2028\n\nBy Priya Natarajan\n\n"
        "ASHFORD, June 4, 2026 - The city of Ashford will build a new central library on the site of the old"
        " bus depot, Mayor Helen Varga announced on Wednesday.\n"
    )
    article = article_from_text(Path("/t/lakeside.txt"), text)
    assert "ASHFORD, June 4, 2026 - " in [text[s:e] for s, e in article.metadata]
    assert article.date == "2026-06-04"


@pytest.mark.parametrize(
    ("line", "end"),
    [
        ("ASHFORD, June 4, 2026 - The city of Ashford will build a library.", 24),
        ("KYIV, Ukraine - The war went on.", 16),
        ("UK, France, Germany - the three largest economies - voted against it.", 0),  # a list, no date
        ("NATO, EU, and UN officials - meeting in Brussels - agreed.", 0),
    ],
)
def test_a_dateline_with_commas_holds_a_date(line, end):
    from sidebyside.reading.textmeta import dateline_end

    assert dateline_end(line) == end
