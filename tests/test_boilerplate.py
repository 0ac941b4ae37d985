"""Page boilerplate and the headline (sidebyside.reading.boilerplate)."""

from __future__ import annotations

import pytest

from sidebyside.reading.boilerplate import classify, heading_text, is_headline, is_known_boilerplate, split_lines

PAGE = (
    "Home › World › Europe\n"
    "\n"
    "Putin says Russia is ready for talks with the West\n"
    "By Jane Smith\n"
    "\n"
    "Moscow is ready to negotiate over Ukraine, the Kremlin said on Sunday, repeating an offer it has made before.\n"
    "\n"
    "Advertisement\n"
    "\n"
    "The foreign minister added that talks could begin soon.\n"
    "Share this article\n"
    "Advertisement\n"
)


def kinds(text: str, **kwargs) -> list[tuple[str, str]]:
    lines, _ = classify(text, **kwargs)
    return [(line.kind, text[line.start : line.end]) for line in lines if line.kind != "blank"]


def test_a_page_is_its_headline_its_prose_and_the_boilerplate_around():
    assert kinds(PAGE) == [
        ("boilerplate", "Home › World › Europe"),  # breadcrumbs
        ("title", "Putin says Russia is ready for talks with the West"),
        ("body", "By Jane Smith"),
        ("body", PAGE.splitlines()[5]),
        ("boilerplate", "Advertisement"),
        ("body", "The foreign minister added that talks could begin soon."),
        ("boilerplate", "Share this article"),
        ("boilerplate", "Advertisement"),
    ]
    _, title = classify(PAGE)
    assert title == 2


def test_the_paper_s_name_over_its_page_is_no_headline():
    text = (
        "THE INLAND NORTHWEST LEDGER\nNews | Local | Business | Sports\n\n"
        "Cascade Ridge hack exposes data of 1.2 million customers\n\nBy Tessa Morrow, Staff Writer\n\n"
        "Hackers broke into the utility's billing system and walked off with the names of 1.2 million customers.\n"
    )
    assert kinds(text)[:3] == [
        ("boilerplate", "THE INLAND NORTHWEST LEDGER"),
        ("boilerplate", "News | Local | Business | Sports"),
        ("title", "Cascade Ridge hack exposes data of 1.2 million customers"),
    ]


@pytest.mark.parametrize("headline", ["Musk Buys Washington Post", "MURDOCH BUYS THE TIMES"])
def test_a_headline_about_a_paper_is_still_the_headline(headline):
    prose = "The billionaire agreed to buy the newspaper for $250 million on Monday, its owners said."
    text = f"{headline}\n\nBy Jane Smith\n\n{prose}\n"
    assert kinds(text)[0] == ("title", headline)


def test_a_title_from_metadata_picks_its_line():
    text = "Short head\n\nPutin says Russia is ready for talks with the West\n\nProse follows here, at length.\n"
    lines, title = classify(text, title="putin says russia is READY for talks with the west")
    assert title == 2 and lines[2].kind == "title"


def test_the_files_own_header_is_not_text():
    text = "---\ntitle: x\n---\nPutin says Russia is ready for talks with the West\n"
    assert [k for k, _ in kinds(text, header_end=len("---\ntitle: x\n---"))][:3] == ["header"] * 3


def test_a_repeated_line_is_boilerplate_but_the_headline_stays():
    head = "Putin says Russia is ready for talks with the West"
    prose = "Moscow is ready to negotiate over Ukraine, the Kremlin said on Sunday, repeating an offer."
    more = "Read the latest news on the war in Ukraine today"
    text = f"{head}\n{more}\n{prose}\n{more}\n{head}\n"
    assert [k for k, _ in kinds(text)] == ["title", "boilerplate", "body", "boilerplate", "boilerplate"]


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Share this article",
        "Subscribe to our newsletter",
        "Follow us on Twitter",
        # news-agency and site furniture
        "Copyright 2025 The Associated Press. All rights reserved.",
        "Click here to subscribe to our daily briefing",
        "Subscribe to Steppe Business Review for daily market news.",
        "Reporting by Olga Petrenko; Editing by Mark Potter",
        "(Reporting by Olga Petrenko in Almaty; Writing by Tom Balmforth; Editing by Alex Richardson)",
        "Associated Press writer Derek Gatopoulos in Athens contributed to this report.",
        "Tags: Brazil, Minas Gerais, dams, floods",
        "Related: How Chile learned to build for earthquakes",
        "Topics: Energy",
        # follow-us lines, sign-ups and a newsletter's own links
        "Follow Tonle Daily on Facebook and Telegram for the latest news.",
        "Get every recall in your inbox: sign up for Gearline Recall Alerts",
        "[Unsubscribe](https://provenanceletter.example.org/u)",
        "You are getting The Baltic Brief because you signed up at",
        # a story's own notices, a publication's asks, a newsletter's rule
        "This is a developing story. Check back for updates.",
        "This story will be updated.",
        "Check lvledger.example.com for updates on this developing story.",
        "Listen to this story (4 min)",
        "Support local journalism: subscribe for $1 a week.",
        "Eurasia Brief is published every weekday. Forward this email to a colleague.",
        "---",
        "* * *",
        "Disclaimer: The Weekly Breath is for general information only and is",
        "Got a story? Email news@dailybeacon.example.co.uk or WhatsApp us.",
        "A newsletter on air, lungs and the places we live",
        "AirQual Pro Research Digest summarises peer-reviewed studies. Subscribe at airqualpro.example.com/digest.",
        "EL DIARIO DE LEVANTE · ENGLISH EDITION",  # a masthead
        "Shop now: get your Kovalenko 9 shirt in the official club store",
        "Tickets for our pre-season friendlies in Austria are on sale now",
        "Download the KXAL 10 News app for breaking news alerts",
        "News Release",
        "Press release",
        "LA CRÓNICA - ENGLISH EDITION",
        "Get the biggest sports stories first: download the Daily Dash app",
        "Support River Watch: become a member from 5 euros a month.",
        "Listen again to all our news bulletins on the Costa Luz Radio app.",
        "Media release",
        "You are receiving Central Europe Briefing because you subscribed at cebriefing.example.eu.",
        "Sign up for outage alerts by text or email in the Cascade Ridge app.",
        "Listen to our daily podcast Poland in English on all major platforms.",
        "Sign up to receive Ministry of Health media releases by email.",
        "Listen live to Radio Aotearoa on 101.7 FM or on the Radio Aotearoa app.",
        "Get SiliconBeat Daily: the chip industry in five minutes, every weekday morning.",
        "*Media: press@halvern.example · Investors: ir@halvern.example*",
        "Press contact: Nuria Bermejo, +34 959 555 018, prensa@guadalmoraviva.es",
        "**Media contact:** Jo Pemberton, Press Office, University of Northbridge, press@northbridge.example.ac.uk",
        "Members with questions can call the UTI member line on 088 555 0140, weekdays from 08:30 to 17:00.",
        "You are receiving Central Europe Briefing because you subscribed at cebriefing.example.eu. "
        "[Unsubscribe](https://cebriefing.example.eu/unsubscribe) · [Read online](https://cebriefing.example.eu/318)",
        # a station's asks, a list of networks, a newsletter's sign-up, links only, a disclaimer, a tagline
        "Listen to RMI News in English every hour on the hour, or live on the RMI app.",
        "Watch Channel 7 News live on channel 107 or on the Channel 7 app.",
        "Follow RMI News on Facebook, X and Telegram.",
        "Sign up for The Bench Weekly, our round-up of the week in science, every Friday.",
        "*[Subscribe to Insights](https://bsei.example.org/insights/subscribe) · [All posts](https://bsei.example.org/t)*",
        "*The Black Sea Energy Institute is an independent research centre. The views expressed are the author's own.*",
        "The independent student newspaper of Kingsford University since 1961",
        # a translation's note, an app's ask, a sign-up over two sentences, a newsletter's line under its name
        "English translation. In case of any discrepancy, the Polish text of this statement shall prevail.",
        "Get live scores, results and breaking news alerts on the Trackside app.",
        "Get Deals Daily, the morning's mergers and acquisitions in your inbox every weekday. Sign up free.",
        "Weekly news for the industrial water trade",
        # an outlet's correction note
        "This story has been corrected to show that the rocket lifted off from Launch Complex 46, not 36.",
        "Correction: An earlier version of this article said the ship was sailing south when she grounded.",
        "Correction, 17 April: An earlier version of this article said Sojka was a former mayor of Gdynia.",
        "This article was amended on 24 October 2026. An earlier version said the unit's revenue was $1.2bn.",
        # (review R6) a disclaimer's usual tail
        "The views expressed in this article are the author's own and do not necessarily reflect Al Jazeera's stance.",
        "The views expressed here are the author's own and do not represent those of the Institute.",
    ],
)
def test_known_boilerplate(line):
    assert is_known_boilerplate(line)
    assert is_known_boilerplate(f"  {line}  ")


@pytest.mark.parametrize(
    "line",
    [
        "Moscow is ready to negotiate over Ukraine, the Kremlin said.",
        "Reporting on the strike, the paper said the union would hold out.",
        "Subscribers will see the price rise in May, the company said.",
        "Copyright law changed in 2019.",
        "Editing the law took years.",
        "Reporting on the trial was restricted by the judge, who said the jury could be swayed by coverage.",
        "Writing in the journal Nature, the researchers said sea levels would rise by 2050.",
        "Produced in Ohio, the vaccine was approved by regulators last week.",
        "Copyright 2019 law changes were blamed by the industry for the losses.",
        "Follow-up checks found no fault, the airline said on Facebook on Tuesday evening after the landing.",
        "The minister said people would get the letters in their inbox within a week, and urged them to wait.",
        "Scammers are sending fake parcel notices that land in your inbox every day, police warned.",
        "Follow the money on X and you find the same three donors, Smith wrote.",
        "You are getting this wrong because you are reading the polls, the strategist told me.",
        "This is a developing story about the city's budget, and the council will vote on it next week.",
        "Check back later, the officer told the crowd, because the road will stay closed until the evening.",
        "The report is published every year by the ministry, which collects data from all regions.",
        "Support local journalism, the mayor urged residents, as the last daily paper in the county closed.",
        "Listen to the tapes and you will hear the pilot warn them twice, the investigator said.",
        "A newsletter on the council's budget was sent to every household, the mayor said on Monday.",
        "Got a story about the strike, the editor asked, and sent two reporters to the depot.",
        "Readers can subscribe at the library or online, the council said, and the first issue is free.",
        "A disclaimer: the figures were estimates, the minister said.",
        "The official death toll is published every day.",
        "The newspaper has been published since 1961, the editor said.",
        "The station has operated since 1961",
        "Watch the tapes and you will see the pilot warn them twice on the cockpit app, the investigator said.",
        "The views expressed by the minister were shared by most of the cabinet.",
        # (review R5) a headline, prose with a plain verb, advice, a disclaimer reported
        "Power station output fell to its lowest since 1990",
        "The city's only daily newspaper closed its doors in March after publishing continuously since 1961",
        "A local radio station off the air since 2019",
        "Watch out for scams asking you to pay for rescue boats on the government app.",
        "Listen to what the pilot said in the minutes before the crash on the flight tracking app.",
        "Sign up for the relief fund opened on Monday and will run every day until the end of the month.",
        "He said the views expressed are the author's own and did not reflect the ministry's position.",
        "The views expressed in this report are those of the author and not the government, Lavrov said.",
        "English translation of the minister's remarks was not provided.",
        "In case of doubt, the court said, the Polish text shall prevail.",
        "Weekly news for the industrial water trade fell sharply last year as readers moved online.",
        "Get the kids to school on time and then head out on the app.",
        # (review R6) headlines and prose of the newsletter and inbox patterns' shapes
        "Daily briefings on the war have stopped",
        "Weekly news from the front dries up as reporters leave",
        "Weekly briefings for ministers were cancelled after the leak",
        "Daily news from Gaza is getting harder to gather, the committee said",
        "Monthly analysis from the central bank showed inflation rising",
        "The tax forms will arrive in your inbox in April, and you must sign up by May 1 to claim the rebate.",
        "Scam emails land in your inbox every day. Subscribe to nothing you do not know, police warned.",
        "In case of discrepancies, the court ruled, the Dutch text shall prevail.",
        "This story has been corrected many times, the editor said.",
        "UPDATE: Vantair has corrected the number of people on board. There were 236 passengers and 11 crew.",
        "The Gazette is published every Thursday.",
        "This story is developing fast, the mayor warned.",
        "Listen to the story of how she escaped.",
        "Check back for more on Monday, the coach told fans.",
        "Shop now and pay later, the retailer urged customers, as sales fell for a third month.",
        "Tickets for the final are on sale now for twice what they cost last year, fans complained.",
        "Download the app, the minister told parents, and you will see the school's results.",
        "Sign up for the alerts was slow, the county said, with 300 residents registered by Friday.",
        "Listen to our correspondent's report from Warsaw after the vote.",
        "You are receiving calls from scammers because your number was leaked, police said.",
        "Sign up for flood alerts, the council urged residents on Tuesday.",
        "Support for the plan: become clearer, officials said.",
        "Get the facts: the council will vote on Monday.",
        "Listen to our correspondent in Kyiv on the line.",
        "Sign up for evacuation alerts at the county website, the fire chief told residents.",
        "Sign up to get emergency alerts from the county, Sheriff Dale Moss said.",
        "Police said anyone who saw the crash should call the incident room on 0800 555 0140, daily from 08:00 to"
        " 22:00, or speak to an officer at the scene, as detectives tried to trace the driver.",
        "Residents unhappy with the decision can call the council on 01233 555 330, weekdays from 9:00 to 17:00,"
        " the mayor said, as protests grew.",
        "Contact: the ministry's spokesman, reached by email at info@health.example, declined to comment.",
        "Media: reporters who emailed press@ministry.example on Monday got no reply, the union said.",
        "Sign up to receive the vaccine by email, officials told parents, and a clinic will call you back.",
        "Listen to the minister on 101.7 FM tonight, the station said, as the vote nears.",
        "Anyone with information should call police on 101, quoting log 1234 of 4 June.",
        "Media: the story was first reported by the Times, she said.",
        "Contact with the crew was lost at 14:05, the airline said.",
        "Get the facts: the council will vote on Monday, every week until the budget passes.",
    ],
)
def test_prose_is_not_boilerplate(line):
    assert not is_known_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Putin says Russia is ready for talks with the West", True),
        ("Too short", False),  # under four words
        ("By Jane Smith and John Doe", False),  # a byline
        ("Moscow is ready. The Kremlin said so.", False),  # two sentences
        ("Moscow is ready to negotiate over Ukraine, the Kremlin said.", False),  # ends like a sentence
    ],
)
def test_what_can_be_a_headline(line, headline):
    assert is_headline(line) is headline


def test_lines_are_split_without_their_newlines():
    assert split_lines("a\n\nbc\n") == [(0, 1), (2, 2), (3, 5)]
    assert split_lines("no newline") == [(0, 10)]
    assert split_lines("") == []


def test_the_headlines_listed_under_read_more_after_the_article_are_boilerplate():
    prose = "Chile is one of the most seismically active countries in the world, with a quake every year or so."
    text = (
        f"Quake hits northern Chile coast\n\n{prose}\n\nRead more:\nChile's copper output falls for third month\n"
        "How the port of Antofagasta rebuilt after 2007\n"
    )
    assert [k for k, _ in kinds(text)][-3:] == ["boilerplate", "boilerplate", "boilerplate"]
    # Without the "Read more:" head, a line of seven words that closes the text is kept.
    plain = f"Quake hits northern Chile coast\n\n{prose}\n\nChile's copper output falls for third month\n"
    assert [k for k, _ in kinds(plain)][-1] == "body"


@pytest.mark.parametrize(
    "line",
    [
        "AlL RıGHTS RESERVED",  # dotless i: a case-blind pattern takes it for "i"
        "Reuters contributed to thiſ report",  # long s
        "Ma\u212ae sure to subscribe",  # the Kelvin sign: "k" to a case-blind pattern
        "  Photo:   Getty   Images  ",
        "Reporting by Jane Smith; editing by Tom Brown",
        "News / World / Europe",
        "He said it was a (left) turn",
    ],
)
def test_known_boilerplate_is_what_its_patterns_find_in_the_line(line):
    import re

    from sidebyside.reading.boilerplate import _PATTERNS

    stripped = " ".join(line.split())
    expected = any(re.search(p, stripped, re.IGNORECASE) for p in _PATTERNS)
    breadcrumb = re.match(r"^[^/›»>|]{1,30}(\s[/›»>|]\s[^/›»>|]{1,30}){1,6}$", stripped)
    assert is_known_boilerplate(line) == (expected or bool(breadcrumb))


def test_a_hard_wrapped_footer_is_boilerplate_to_its_end():
    """A newsletter's footer wrapped at 72 columns: its second line ("…org.")
    matches no pattern but goes on from one that does."""
    prose = "The museum said the sculptures would be flown to Phnom Penh next month, where a ceremony is planned."
    text = (
        f"A headline about the sculptures\n\n{prose}\n\n---\n\n"
        "You are receiving The Provenance Letter because you subscribed at\nprovenanceletter.example.org.\n"
    )
    assert [k for k, _ in kinds(text) if k != "blank"][-2:] == ["boilerplate", "boilerplate"]
    caption = f"A headline about the sculptures\n\nPhoto: Reuters\n{prose}\n"
    assert [k for k, _ in kinds(caption) if k != "blank"][-1] == "body"  # a caption's credit ends no wrapped line


def test_a_wrapped_footer_line_makes_no_chain_of_boilerplate():
    """Only the one line a footer goes on into is taken with it, not the
    prose lines after that."""
    text = (
        "A headline about the sculptures\n\nThe museum said the sculptures would be flown home next month.\n\n"
        "You are receiving The Provenance Letter because you subscribed at\nprovenanceletter.example.org and\n"
        "the museum will open the gallery again\nnext spring with other works.\n"
    )
    found = [k for k, _ in kinds(text)]
    assert found[-4:] == ["boilerplate", "boilerplate", "body", "body"], found


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("**Leicester gives back its Khmer gods**", "Leicester gives back its Khmer gods"),
        ("# A heading", "A heading"),
        ("**Leicester** gives back its **Khmer gods**", "**Leicester** gives back its **Khmer gods**"),
        ("*Friday* and *Saturday*", "*Friday* and *Saturday*"),
    ],
)
def test_a_heading_loses_the_marks_that_wrap_it_whole_only(line, text):
    assert heading_text(line) == text
