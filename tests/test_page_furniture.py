"""Page furniture that news sites, newsletters and Markdown pages put among
the prose: known lines, and the headlines listed under "Read more:"."""

from __future__ import annotations

import pytest

from sidebyside.reading.boilerplate import classify, is_known_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "Share",
        "Share this article",
        "Print",
        "Unsubscribe",
        "Forwarded this email? Sign up here.",
        "**Read also:** Rosatom delivers reactor vessel for El Dabaa's second unit",
        "> Advertisement",
        "Key events",
        "Show key events only",
        "16:50",
        "9.41am BST",
    ],
)
def test_furniture_lines_are_known(line):
    assert is_known_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The share price fell by a tenth on Monday.",
        "Save the children, he said.",
        "Email was his only way out.",
        "Key events of the week were the vote and the strike.",
        "16:50 was when the plane landed.",
    ],
)
def test_prose_is_not_furniture(line):
    assert not is_known_boilerplate(line)


PAGE = """Former minister jailed for nine years

The court found the former deputy minister guilty of abusing his office and of causing losses to the state.

Read more:
Ukraine opens defence procurement to outside auditors
Eggs at 17 hryvnias: how one newspaper exposed the army food scandal

Hrynenko was arrested in February 2024 and released on bail two months later after a businessman paid.
"""


def test_headlines_listed_under_read_more_in_the_middle_of_a_page():
    lines, _title = classify(PAGE)
    kinds = {PAGE[ln.start : ln.end]: ln.kind for ln in lines}
    assert kinds["Read more:"] == "boilerplate"
    assert kinds["Ukraine opens defence procurement to outside auditors"] == "boilerplate"
    assert kinds["Eggs at 17 hryvnias: how one newspaper exposed the army food scandal"] == "boilerplate"
    assert kinds[PAGE.splitlines()[-1]] == "body"
    assert kinds[PAGE.splitlines()[2]] == "body"


def test_a_masthead_names_the_outlet_that_carries_agency_copy():
    from sidebyside.reading.textmeta import outlet_from_credits

    lines = ["Gulf Ledger", "Middle East | Diplomacy", "Egypt walks a tightrope as Russia's top diplomat pledges wheat"]
    lines += ["By Samy Haddad, The Associated Press", "Updated 3 March 2026, 17:42 GST"]
    lines += ["CAIRO (AP) - Russia's foreign minister promised on Tuesday to keep wheat shipments flowing."]
    assert outlet_from_credits(lines) == "Gulf Ledger"
    assert outlet_from_credits(lines[2:]) == "AP"  # no masthead: the agency its dateline credits


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        (["EURASIA BRIEF", "Politics | Energy | Security | Newsletters"], "Eurasia Brief"),
        (["MARLOW COURIER-TIMES", "News | Business | Sports | Opinion"], "Marlow Courier-Times"),
        (["GRIDWIRE | Security & Resilience"], "Gridwire"),
        (["MERIDIAN RADIO | Central Asia Service", "Home | World | Central Asia | Listen Live"], "Meridian Radio"),
        # a station with its frequency, named as its text writes it
        (["COSTA LUZ RADIO 97.4 FM | NEWS", "Local | Spain | Listen live", "Posted by the Costa Luz Radio newsroom"],
         "Costa Luz Radio"),
    ],
)
def test_a_name_in_capitals_over_its_sections_is_the_outlet(top, outlet):
    from sidebyside.reading.textmeta import outlet_from_credits

    lines = [*top, "Uzbekistan warns it will take dam dispute to the United Nations", "By Jane Smith"]
    assert outlet_from_credits(lines) == outlet


@pytest.mark.parametrize(
    "line",
    [
        "AP tennis: https://apnews.com/hub/tennis",
        "You are receiving The Baseline because you signed up at",
        "baseline.example.com. Unsubscribe | Forward to a friend",
    ],
)
def test_newsletter_and_link_lines_are_known(line):
    assert is_known_boilerplate(line)


def test_a_sentence_with_a_link_is_prose():
    assert not is_known_boilerplate("The ministry said on Tuesday that https://example.gov had been hacked.")


DIGEST = """THE BASELINE
Your Monday tennis digest -- 27 October 2026

Novak Djokovic saved two match points and beat Spain's Alvaro Nunez
6-4, 3-6, 7-6 (7-5) on Sunday to win the Zurich Indoor Open, the
101st title of his career.
"""


def test_a_hard_wrapped_lede_is_no_headline():
    lines, title = classify(DIGEST)
    assert title is None
    kinds = {DIGEST[ln.start : ln.end]: ln.kind for ln in lines}
    assert kinds["Novak Djokovic saved two match points and beat Spain's Alvaro Nunez"] == "body"
    assert kinds["THE BASELINE"] == "boilerplate"  # a short line above the prose


def test_a_headline_ending_in_a_papers_name_is_no_masthead():
    from sidebyside.reading.textmeta import outlet_from_credits

    lines = ["Musk Buys Washington Post", "SAN FRANCISCO (Reuters) - Elon Musk said on Monday he had bought the paper."]
    assert outlet_from_credits(lines) == "Reuters"


def test_an_issuer_s_name_over_its_press_release_is_the_outlet_not_the_headline(tmp_path):
    from sidebyside.reading.articles import load_articles

    text = (
        "FÉDÉRATION FRANÇAISE D'ATHLÉTISME\nPress release\n\n"
        "Lyon Rhône Marathon: Alémayéhou sets the best time ever run in France\n\nLyon, 11 April 2027\n\n"
        "The federation congratulates the organisers of the marathon and all 14,000 runners on a fine edition.\n\n"
        "About us: The Fédération Française d'Athlétisme is the governing body for athletics in France.\n"
    )
    (tmp_path / "federation.txt").write_text(text, encoding="utf-8")
    (article,) = load_articles([str(tmp_path / "federation.txt")])
    assert article.title == "Lyon Rhône Marathon: Alémayéhou sets the best time ever run in France"
    assert article.outlet == "Fédération Française d'Athlétisme"


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        (["*STRIDE Magazine · Road racing · 12 April 2027*"], "STRIDE Magazine"),  # name · section · date
        (["RADIO AOTEAROA NEWS", "Home | Live | New Zealand | World | Te Ao Māori | Pacific | Listen"],
         "Radio Aotearoa News"),  # over a long section path
        (["THE PROCESS WATER LETTER", "Weekly news for the industrial water trade"],
         "The Process Water Letter"),  # a newsletter's name over its line
    ],
)
def test_a_publication_named_beside_or_over_its_sections(top, outlet):
    from sidebyside.reading.textmeta import outlet_from_credits

    assert outlet_from_credits([*top, "Outbreak passes 200 cases", "By Jane Smith"]) == outlet


def test_a_headline_in_capitals_over_a_statement_label_is_still_the_headline_when_no_other_follows(tmp_path):
    from sidebyside.reading.articles import load_articles

    text = (
        "HALVERN TO CUT 1,200 JOBS IN EUROPE\nStatement\n\nHalvern said on Tuesday it would cut about 1,200 jobs"
        " in Europe over the next year as demand for its chips fell.\n"
    )
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    (article,) = load_articles([str(tmp_path / "x.txt")])
    assert article.title == "HALVERN TO CUT 1,200 JOBS IN EUROPE"


def test_a_masthead_is_named_as_a_line_writes_the_name_not_as_prose_does():
    from sidebyside.reading.textmeta import outlet_from_credits

    lines = ["MORNING STAR | News", "Singer wins award", "By Jane Smith", "Morning star Venus was bright over the bay."]
    assert outlet_from_credits(lines) == "Morning Star"


def test_a_headline_ending_in_letter_is_no_publication_unless_in_capitals():
    """'The Final Letter' is a headline; 'THE PROCESS WATER LETTER' over a
    newsletter is its name (review R6)."""
    from sidebyside.reading.textmeta import publication_line

    assert publication_line("The Final Letter") is None
    assert publication_line("THE PROCESS WATER LETTER") == "The Process Water Letter"
