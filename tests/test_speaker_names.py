"""Whom a sentence names as its speaker, for names written the ways news
copy writes them: with an affiliation after "of the", a body with its own
qualifier, an abbreviation, a hyphen, a person after a body's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.aligning.speakers import article_facts, passage_facts
from sidebyside.reading.articles import article_from_text

CASES = [
    ("The quake hit at a depth of 35 kilometres, the U.S. Geological Survey said.", "the U.S. Geological Survey"),
    ('"The court has established it," Judge Olena Kovalchuk of the High Anti-Corruption Court said.', "Kovalchuk"),
    ("Thorvaldur Thordarson of the University of Iceland said the eruption could last for weeks.", "Thordarson"),
    ("The Defence Ministry said in a statement that it had overhauled its procurement.", "the Defence Ministry"),
    ("The Bank of England said rates would stay where they are.", "the Bank of England"),
    ("Ruslan Akhmetov, an analyst at Freedom Finance, said the cut was expected.", "Akhmetov"),
    ('"It is a great day for French athletics," said FFA President Jean-Marc Vidal.', "Vidal"),  # a hyphenated name
    ('"We will not rush," Governor Erlan Abdrakhmanov told a news conference in Astana.', "Abdrakhmanov"),
    ("The mayor of Itabirito told a news conference that the shelters were full.", "the mayor of Itabirito"),
    ("A spokesman for the Port of Antofagasta said the terminal was closed.", "the Port of Antofagasta"),
    ("Port operator Puerto Antofagasta said two of its cranes had been damaged.", "Puerto Antofagasta"),
    ("Bank of England Governor Andrew Bailey said rates would stay where they are.", "Bailey"),
    ("The Office for National Statistics said inflation eased to 2.1% in May.", "the Office for National Statistics"),
    ("A Western diplomat in Cairo, who spoke on condition of anonymity, said Egypt was wary.", "a diplomat in Cairo"),
    ("Prosecutor Mykola Tkachenko of the Specialised Anti-Corruption Prosecutor's Office told us.", "Tkachenko"),
    # A time between the subject and its verb, as wire copy puts it.
    ("The health ministry on Monday said it would open four new clinics in the province.", "the health ministry"),
    ("Kremlin spokesman Dmitry Peskov late on Tuesday night told reporters the talks would resume.", "Peskov"),
    ("The defence ministry on 3 March said two drones had been shot down overnight.", "the defence ministry"),
    ("Officials on March 3 said the bridge would reopen to traffic within a month.", "Officials"),
    ("The agency yesterday warned that the river could burst its banks again.", "the agency"),
    ("Calder Semiconductor on Wednesday said it would cut about 1,100 jobs.", "Calder Semiconductor"),
    # Someone unnamed, by what they are; the one told is not the speaker.
    ('A witness, who did not want to be named, told the Courier: "I heard shouting."', "a witness"),
    ('"I heard shouting and then people started running," a witness told the PA news agency.', "a witness"),
    ("A senior official said the talks had failed after two days in Geneva.", "a senior official"),
    # A person named in full first, whatever appositions follow; a place after a body is where, not who.
    (
        "Marian Keogh, executive director of the Center for Auto Safety Research, a consumer group in Washington,"
        ' said: "A stall is dangerous."',
        "Keogh",
    ),
    ("Archaeologist Sokha Meas of the Royal University of Fine Arts in Phnom Penh said the statues were old.", "Meas"),
    ("Lavrov in Cairo said Moscow was ready for talks with the West.", "Lavrov"),
    ("Hanamura Motor Co, the Japanese automaker, said it would recall about 450,000 vehicles.", "Hanamura Motor Co"),
    ("Volvo Cars in Gothenburg said it would cut 1,200 jobs at its plants this year.", "Volvo Cars"),
    # Who speaks comes before "who", with or without commas.
    ("A witness who saw the crash told the Courier that the car had been speeding.", "a witness"),
    ("The woman who found the body told police she had heard a scream in the night.", "the woman"),
    # A body whose name ends in a word of its own, a nationality before it kept.
    ("The American Red Cross said it was helping 27 people from nine damaged homes.", "the American Red Cross"),
    ("UGI Utilities, which supplies natural gas to the area, said it had shut off service.", "UGI Utilities"),
    ("Human Rights Watch said the trial had been unfair from the start.", "Human Rights Watch"),
    ("Russian President Vladimir Putin said the talks would go on next week.", "Putin"),
    ("He was fined 4.2 million euros, according to the 214-page ruling.", "the 214-page ruling"),  # not "the 214"
    # A person in apposition to a role of a body speaks, not the body.
    ('The Chairman of the Talmar Canal Authority, Adil Rahmani, said: "All are safe."', "Rahmani"),
    ('The head of the Bank of England, Andrew Bailey, said: "Rates stay."', "Bailey"),
    ('The spokesman for the Interior Ministry, Oleg Petrov, said: "We are ready."', "Petrov"),
    ('The president of the European Commission, Ursula von der Leyen, said: "We are ready."', "Leyen"),
    ('The head of the Talmar Canal Authority, Lieutenant General Oleg Petrov, said: "We are ready."', "Petrov"),
    ("A US Marine who asked not to be named said the base had been hit twice overnight.", "Marine"),
    # (review R6) a place in the body: no apposition to a role
    ("The head of the delegation from the United Nations, New York, said the talks were over.", "the United Nations"),
    # A firm's name ending in what it does is named whole, not as a surname.
    ("Dalgaard Salvage, which the operator has hired to free the ship, said it could take days.", "Dalgaard Salvage"),
    ("Ardent Space said the rocket had been carrying 24 satellites for Lumora Networks.", "Ardent Space"),
    # A person of a body named after what it is ("of the firm Okafor Reid"): the person.
    ('Her lawyer, Daniel Okafor of the firm Okafor Reid, said: "We will appeal."', "Okafor"),
    ("Anna Berg of the agency Nordic Wire said the talks had failed after two days.", "Berg"),
    ('Her lawyer, Daniel Okafor of the London firm Okafor Reid, said: "We will appeal."', "Okafor"),
    ("Anna Berg of the investment bank Lazard said the deal had been agreed on Friday.", "Berg"),
    ("Anna Berg of the rights group Amnesty International said the trial had been unfair.", "Berg"),
    ("Anna Berg of investment bank Lazard said the deal had been agreed on Friday.", "Berg"),  # (review R6)
    ("Anna Berg of the big US investment bank Lazard said the deal had been agreed on Friday.", "Berg"),
    # A statement posted "now", a speaker named after whose role he has ("Wroblewska's lawyer …")
    ('Wroblewska has now posted a statement on Instagram: "I have never cheated and I never will."', "Wroblewska"),
    # A role after the verb, then the name ('…," reacted a spokeswoman for Kestrel, Priya Raman.')
    ('"We will appeal," reacted a spokeswoman for Kestrel, Priya Raman.', "Raman"),
    ('"Today, it is over," declared the European Commissioner for Competition, Margaux Delorme.', "Delorme"),
    # Kin speak as kin: "her family said" is the family, not the last person named.
    ('The fiddler Tom Kinnaird played with her. In a statement, her family said: "She died at home."', "the family"),
    ("Her family have told us that she died peacefully at home on Sunday evening.", "the family"),
    # ... but "his office said" is still the one "his" stands for
    ("Governor Gavin Newsom declared a state of emergency for the county, his office said.", "Newsom"),
    # "reports" followed by a verb of its own is a noun, and names no one ("Initial").
    ("Initial reports indicate that the vessel lost steering in crosswinds.", None),
    ("Early reports said the ferry had left port an hour late.", None),
    # A hedge between the speaker and the verb is no part of the name.
    ("The repairs will cost 2.3 million pounds, the council allegedly said.", "the council"),
    # A club or a railway by its own word; not "Athletic", "Rail".
    ("Castlebridge Athletic denied they had ever agreed terms with the player.", "Castlebridge Athletic"),
    ("Network Rail said the line would reopen on Monday morning.", "Network Rail"),
]


@pytest.mark.parametrize(("sentence", "speaker"), CASES)
def test_the_speaker_a_sentence_names(sentence, speaker):
    article = article_from_text(Path("story.txt"), f"A headline for the story\n\n{sentence}\n")
    start = article.text.index(sentence)
    _quoted, found = passage_facts(article_facts(article), start, start + len(sentence))
    assert found == speaker


def test_a_version_over_two_statements_names_both_speakers():
    from sidebyside.aligning.align import align

    run = (
        '"Novak showed me today why he is still the best. I will come back stronger," Nunez said.\n\n'
        '"I have won here before, but never like this," Djokovic said after the final on Sunday.\n'
    )
    texts = {name: f"A headline for story {name}\n\nAn unrelated paragraph {name}.\n\n{run}" for name in "ab"}
    articles = [article_from_text(Path(f"{name}.txt"), text) for name, text in texts.items()]
    passages = [p for g in align(articles).groups for p in g.passages]
    assert passages and all(p.speakers == ("Nunez", "Djokovic") for p in passages)
    assert passages[0].said_by == "Nunez; Djokovic"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # (the company, not the day; "Rival", in capitals at the sentence's start, is read as part of its name)
        (
            "Rival Calder Semiconductor on Wednesday reported a 9% fall in profit and said it would cut jobs.",
            "Rival Calder Semiconductor",
        ),
        ("The company on Tuesday said it would cut 300 jobs at its plant in Ohio by the end of 2027.", "the company"),
        ("May said the talks with the European Union would go on for as long as they had to.", "May"),
    ],
)
def test_a_day_is_never_a_speaker(sentence, speaker):
    """…nor a time between the subject and the verb: the subject speaks."""
    article = article_from_text(Path("story.txt"), f"A headline for the story\n\n{sentence}\n")
    start = article.text.index(sentence)
    assert passage_facts(article_facts(article), start, start + len(sentence))[1] == speaker


def test_he_after_a_name_with_titles_is_that_person_not_a_company():
    """'President Kenjiro Ohashi, who …, bowed. "…," he said.': Ohashi, not
    'Kenjiro' (a title and two names), nor the company that spoke before."""
    text = (
        "A headline for the story\n\nThe company said on Tuesday it would recall 450,000 vehicles.\n\n"
        'President Kenjiro Ohashi, who took over in 2025, bowed deeply at a news conference. "The safety of our'
        ' customers is our top priority," he said.\n'
    )
    article = article_from_text(Path("story.txt"), text)
    start = article.text.index('"The safety')
    assert passage_facts(article_facts(article), start, len(article.text))[1] == "Ohashi"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("A Denkai spokesman, who asked not to be named, said the company was cooperating.", "Denkai"),
        ("A spokesman for Denkai said the company was cooperating with the recall.", "Denkai"),  # alike
        ("A police spokesman said the road would stay closed until the evening.", "the police"),
        ("A spokesman said the road would stay closed until the evening.", "a spokesman"),
        ("The spokeswoman said parts would reach every dealer by the end of July.", "Farrand"),
    ],
)
def test_a_spokesman_unnamed_is_not_the_one_the_article_names(sentence, speaker):
    """'A Denkai spokesman said': someone unnamed speaking for another
    company, as 'a spokesman for Denkai' is, not Hanamura's spokeswoman
    Lisa Farrand, named earlier; 'The spokeswoman said' is her."""
    text = (
        "A headline for the story\n\nHanamura spokeswoman Lisa Farrand said owners could check their cars online.\n\n"
        f"{sentence}\n"
    )
    article = article_from_text(Path("story.txt"), text)
    start = article.text.index(sentence)
    assert passage_facts(article_facts(article), start, start + len(sentence))[1] == speaker


def test_she_after_a_judge_named_in_her_paragraph_is_the_judge_not_the_last_speaker():
    """'Muñoz … had denied the charges.' then 'Presiding judge María Teresa
    Ordóñez read out a summary. "…," she said.': the judge, named in the
    paragraph where nobody yet speaks, not Muñoz, who spoke before it."""
    text = (
        "A headline for the story\n\nMuñoz, 61, had denied all the charges during the four-month trial.\n\n"
        'Presiding judge María Teresa Ordóñez read out a summary of the ruling in court. "The defendant treated a'
        ' plant as a private purse. A sentence at the upper end of the range is the only answer," she said.\n'
    )
    article = article_from_text(Path("story.txt"), text)
    start = article.text.index('"The defendant')
    assert passage_facts(article_facts(article), start, len(article.text))[1] == "Ordóñez"


def test_a_body_s_short_name_is_given_whole_where_the_text_names_it_in_full():
    text = (
        "A headline for the story\n\nCascade Ridge Energy said hackers had stolen customer data.\n\n"
        "Cascade Ridge said no Social Security numbers were stored in the system.\n"
    )
    article = article_from_text(Path("story.txt"), text)
    start = text.index("Cascade Ridge said")
    assert passage_facts(article_facts(article), start, len(text) - 1)[1] == "Cascade Ridge"


@pytest.mark.parametrize(
    ("before", "line", "speaker"),
    [
        ("## The line that matters", "> — Foreign Minister Fyodor Zaretsky, in Vestnik Dorvanii", "Zaretsky"),
        ("## The line that matters", "> — Foreign Minister of Dorvania Fyodor Zaretsky", "Zaretsky"),
        # no credit: a dash line that is no name, or page furniture (review R5, R6)
        ("## The line that matters", "— Additional reporting by Anna Berg in Cairo", None),
        ("## The line that matters", "– Eleven tugs and two dredgers are working to free the vessel.", None),
        ("## The line that matters", "— Photo: AP", None),
        ("## The line that matters", "— Zaretsky's office", None),
        ("## The line that matters", "— Reuters contributed to this report", None),
        # the speaker named before the quotation stands (review R6: a wire's sign-off under its last quote)
        ("Adil Rahmani, the chairman, said:", "— Reuters", "Rahmani"),
        ("Adil Rahmani, the chairman, said:", "— ENDS", "Rahmani"),
        ("Adil Rahmani, the chairman, said:", "— Anna Berg, Reuters", "Rahmani"),
        ("Adil Rahmani, the chairman, said:", "> — Foreign Minister Fyodor Zaretsky, in Vestnik Dorvanii", "Rahmani"),
    ],
)
def test_a_pull_quote_credited_on_the_line_under_it(before, line, speaker):
    """A Markdown block quote with its credit under it ('> — Foreign
    Minister Fyodor Zaretsky, in Vestnik Dorvanii'), where nothing before
    says whose it is; a dash line that is no name, or furniture, is no credit."""
    text = (
        f"A headline for the story\n\nThe talks went on all week.\n\n{before}\n\n"
        '> "For twenty years, every winter, we have been hostages of one pipeline."\n>\n'
        f"{line}\n\nMore text follows here.\n"
    )
    article = article_from_text(Path("story.md"), text)
    start = article.text.index("For twenty")
    end = article.text.index("pipeline.") + len("pipeline.")
    assert passage_facts(article_facts(article), start, end) == (True, speaker)


def test_a_quotation_announced_by_someone_named_after_whose_role_he_has():
    """'Wroblewska's lawyer Piotr Kaczmarek has just spoken to us: "…"': the
    quotation is the lawyer's."""
    sentence = 'Wroblewska\'s lawyer Piotr Kaczmarek has just spoken to us: "She never knowingly took anything."'
    article = article_from_text(Path("story.txt"), f"A headline for the story\n\n{sentence}\n")
    start = article.text.index("She never")
    end = article.text.index("anything.") + len("anything.")
    assert passage_facts(article_facts(article), start, end) == (True, "Piotr Kaczmarek")


def test_a_statement_announced_by_a_body_with_a_clause_after_its_name():
    """'The US Federal Aviation Administration, which licenses commercial
    launches, has just issued a statement: "…"'."""
    sentence = (
        "The US Federal Aviation Administration, which licenses commercial launches, has just issued a statement: "
        '"The FAA will oversee the investigation led by Ardent Space."'
    )
    article = article_from_text(Path("story.txt"), f"A headline for the story\n\n{sentence}\n")
    start = article.text.index("The FAA")
    end = article.text.index("Ardent Space.") + len("Ardent Space.")
    assert passage_facts(article_facts(article), start, end) == (True, "US Federal Aviation Administration")
