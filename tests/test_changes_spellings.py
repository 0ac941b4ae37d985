"""How two versions' differences are told, for names and numbers written
the ways news copy writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.aligning.align import align
from sidebyside.reading.articles import article_from_text

FILLER = "An unrelated paragraph about the weather in the capital, which stayed dry and mild all week."


def _changes(a: str, b: str) -> list[tuple[str, str, str]]:
    articles = [
        article_from_text(Path(f"{name}.txt"), f"Headline number {name}\n\n{FILLER}\n\n{text}\n")
        for name, text in (("north", a), ("south", b))
    ]
    groups = align(articles).groups
    assert len(groups) == 1, groups
    return [(c.kind, c.before, c.after) for c in groups[0].changes]


def test_a_first_name_spelt_two_ways_at_a_sentence_start():
    a = "Sergei Andreyev, on his first visit to Egypt since taking office last year, met the foreign minister."
    b = "Sergey Andreyev, on his first visit to Egypt since taking office last year, met the foreign minister."
    assert ("spelling", "Sergei", "Sergey") in _changes(a, b)


def test_a_name_particle_spelt_two_ways():
    a = "Foreign Minister Khaled al-Masri said the two sides had also discussed the nuclear power plant at length."
    b = "Foreign Minister Khaled El-Masri said the two sides had also discussed the nuclear power plant at length."
    assert ("spelling", "al", "El") in _changes(a, b)


def test_a_changed_decimal_number_is_shown_whole():
    a = "Egypt, the world's largest wheat importer, bought about 8.5 million tons of Russian wheat last year."
    b = "Egypt, the world's largest wheat importer, bought about 9.5 million tons of Russian wheat last year."
    assert ("number", "8.5", "9.5") in _changes(a, b)


def test_a_capital_at_a_sentence_start_is_no_spelling():
    a = "Colour television arrived in the capital in 1970, the archive said in its annual report on Monday."
    b = "Color television arrived in the capital in 1970, the archive said in its annual report on Monday."
    assert not [c for c in _changes(a, b) if c[0] == "spelling"]


def test_an_amount_written_otherwise_is_no_number_change():
    a = "Norvane expects fourth-quarter revenue of $9.1 billion to $9.3 billion and will spend $1.2 billion on it."
    b = "Norvane expects fourth-quarter revenue of $9.1bn to $9.3bn and will spend $1.2bn on it at once."
    changes = _changes(a, b)
    assert not [c for c in changes if c[0] == "number"], changes
    assert ("other", "9.1 billion", "9.1bn") in changes  # still listed, as wording


def test_a_changed_amount_is_a_number_change():
    a = "Norvane expects fourth-quarter revenue of $9.1 billion to $9.3 billion and will spend $1.2 billion on it."
    b = "Norvane expects fourth-quarter revenue of $9.1bn to $9.5bn and will spend $1.2bn on it."
    assert [c for c in _changes(a, b) if c[0] == "number"]


def test_a_changed_score_is_a_number_change():
    a = "Novak Djokovic beat Alvaro Nunez 6-4, 3-6, 7-6 (5) on Sunday to win the Zurich title for a fifth time."
    b = "Novak Djokovic beat Alvaro Nunez 6-4, 3-6, 7-5 on Sunday to win the Zurich title for a fifth time."
    assert ("number", "7-6 (5)", "7-5") in _changes(a, b)  # the whole set's score on each side


def test_a_tiebreak_written_in_full_or_by_the_losers_points_is_the_same_score():
    a = "Novak Djokovic beat Alvaro Nunez 6-4, 3-6, 7-6 (7-5) on Sunday to win the Zurich title for a fifth time."
    b = "Novak Djokovic beat Alvaro Nunez 6-4, 3-6, 7-6 (5) on Sunday to win the Zurich title for a fifth time."
    c = "Novak Djokovic beat Alvaro Nunez 6-4, 3-6, 7-6 (4) on Sunday to win the Zurich title for a fifth time."
    assert not [x for x in _changes(a, b) if x[0] == "number"]
    assert [x for x in _changes(a, c) if x[0] == "number"]  # (7-5) is not (4)


def test_a_rounded_decimal_is_a_number_change_shown_whole():
    a = "Revenue grew 11.4% to $2.37 billion in the quarter, beating the analysts' average estimate by a wide margin."
    b = "Revenue grew 11 per cent to $2.37bn in the quarter, beating the analysts' average estimate by a wide margin."
    changes = _changes(a, b)
    assert ("number", "11.4", "11 per cent") in changes
    assert not [x for x in changes if x[0] == "number" and x[1] != "11.4"], changes  # $2.37bn is the same amount


def test_an_amount_moved_and_written_otherwise_is_no_number_change():
    a = "Net profit rose to $412 million in the three months to Sept. 30, the firm said in its third-quarter report."
    b = "In the third quarter to 30 September net profit rose to $412m, the firm said in its Q3 report."
    assert not [x for x in _changes(a, b) if x[0] == "number"]


def test_a_name_after_a_closed_quotation_spelt_two_ways():
    a = '"At 5-3 down I was already thinking about the flight home," Djokovic said after the final on Sunday.'
    b = '"At 5-3 down I was already thinking about the flight home," Đoković said after the final on Sunday.'
    assert ("spelling", "Djokovic", "Đoković") in _changes(a, b)


def test_words_changed_inside_a_quotation_are_flagged():
    a = '"Russia has always been a reliable partner for Egypt and it will remain one," the minister told reporters.'
    b = '"Russia has been and remains a reliable partner of Egypt and it will remain one," the minister told reporters.'
    assert "quote-changed" in {kind for kind, _, _ in _changes(a, b)}


def test_a_quotation_cut_at_its_end_is_a_changed_quote():
    # Three golds written blind (breach, envoy, wildfire) ask for it: the
    # words an outlet leaves off a quote ("We will not pay a ransom.") may
    # be what the speaker stressed.
    a = (
        'The governor told reporters in Astana: "We will not rush into another cut this year. Every further step '
        'will depend on the data."'
    )
    b = 'The governor told reporters in Astana: "We will not rush into another cut this year."'
    assert ("quote-changed", "Every further step will depend on the data", "") in _changes(a, b)


def test_a_name_respelt_where_it_opens_a_sentence_is_a_spelling():
    a = "Hrytsenko, 24, joined the club in the summer for six million euros. Fans chanted for Hrytsenko all night."
    b = "Hryzenko, 24, joined the club in the summer for six million euros. Fans chanted for Hryzenko all night."
    assert ("spelling", "Hrytsenko", "Hryzenko") in _changes(a, b)


def test_other_letters_and_accents_dropped_are_a_spelling():
    # Three outlets' golds written blind (election, recall, embezzlement) ask
    # for Tõnis / Tonis, Ōhashi / Ohashi, Muñoz / Munoz to be flagged.
    a = "The winner came from a low cross by Jonas Weiss at the near post in Zurich on a cold night."
    b = "The winner came from a low cross by Jonas Weiß at the near post in Zürich on a cold night."
    changes = _changes(a, b)
    assert ("spelling", "Weiss", "Weiß") in changes
    assert ("spelling", "Zurich", "Zürich") in changes


def test_a_name_without_its_accents_in_words_moved_is_a_spelling():
    # The attribution moved after the quote, the name's accents dropped.
    a = (
        'Małgorzata Sójka, who leads the New Direction party, told deputies: "What this government has done to '
        'public finances is not acceptable to Poles."'
    )
    b = (
        '"What this government has done to public finances is not acceptable to Poles," Malgorzata Sojka, who '
        "leads the New Direction party, told deputies."
    )
    assert ("spelling", "Sójka", "Sojka") in _changes(a, b)


def test_a_name_in_capitals_is_no_spelling_in_a_text_with_accents():
    a = "Kremlin spokesman Dmitry Peskov told reporters in Zürich that PUTIN would meet the envoy on Friday."
    b = "Kremlin spokesman Dmitry Peskov told reporters in Zürich that Putin would meet the envoy on Friday."
    assert not [c for c in _changes(a, b) if c[0] == "spelling"]


def test_a_relative_clause_with_a_not_left_out_is_no_negation_change():
    a = "The man, who has not been named, was arrested at the scene within four minutes of the attack, police said."
    b = "The man was arrested at the scene within four minutes of the attack, police said on Saturday evening."
    changes = _changes(a, b)
    assert not [c for c in changes if c[0] == "negation"], changes
    assert ("dropped", "who has not been named", "") in changes, changes


@pytest.mark.parametrize(
    ("a", "b", "change"),
    [
        (
            "The captain and two officers were detained for questioning by the coast guard on Thursday evening.",
            "The captain and two officers were arrested by the coast guard on Thursday evening, officials said.",
            ("legal-status", "detained for questioning", "arrested"),
        ),
        (
            "A man has been charged with attempted murder after a teenager was stabbed on the station's concourse.",
            "A man has been arrested on suspicion of attempted murder after a teenager was stabbed on the station's"
            " concourse.",
            ("legal-status", "charged with", "arrested on suspicion of"),
        ),
    ],
)
def test_where_someone_stands_before_the_law_is_a_legal_status_change(a, b, change):
    assert change in _changes(a, b)


def test_a_sentence_given_more_years_is_a_number_change_not_a_legal_status_one():
    a = "The former minister was sentenced to nine years in prison for embezzling money meant to feed the troops."
    b = "The former minister was sentenced to eight years in prison for embezzling money meant to feed the troops."
    changes = _changes(a, b)
    assert ("number", "nine", "eight") in changes and not [c for c in changes if c[0] == "legal-status"]


def test_an_amount_converted_into_other_money_in_brackets_is_no_number_change():
    """'6 million euros (£5.2 million)' / '6 million euros ($6.5 million)': the
    same fee in other money; and no "adds 6" from the decimal's digits."""
    a = "He joined Rheinfeld in the summer from FC Dnistro for a reported 6 million euros (£5.2 million), it said."
    b = "He joined Rheinfeld in the summer from FC Dnistro for a reported 6 million euros ($6.5 million), it said."
    changes = _changes(a, b)
    assert changes == [("other", "5.2", "6.5")]


@pytest.mark.parametrize(
    ("a", "b", "change"),
    [
        (
            "Hanamura will recall about 450,000 vehicles in the United States and Canada over a fuel pump defect.",
            "Hanamura will recall about 450,000 vehicles in the U.S. and Canada over a fuel pump defect.",
            ("other", "United States", "U.S"),
        ),
        (
            "A man was arrested at the scene within four minutes of the attack, British Transport Police said.",
            "A man was arrested at the scene within four minutes of the attack, BTP said.",
            ("other", "British Transport Police", "BTP"),
        ),
    ],
)
def test_a_name_written_short_is_no_other_name_nor_another_speaker(a, b, change):
    changes = _changes(a, b)
    assert change in changes and not [c for c in changes if c[0] in ("name", "attribution")], changes


def test_another_country_is_another_name():
    a = "The minister met officials from the United States and Canada in Geneva on Monday to discuss the plan."
    b = "The minister met officials from the United Kingdom and Canada in Geneva on Monday to discuss the plan."
    assert ("name", "States", "Kingdom") in _changes(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("the Cambodian government", "Cambodia"), ("the Japanese government", "Japan"), ("Chinese officials", "China")],
)
def test_a_country_for_its_people_s_word_is_no_name_change(a, b):
    said = "The museum handed the sculptures back to {} in a ceremony on Thursday afternoon, officials said."
    assert not [c for c in _changes(said.format(a), said.format(b)) if c[0] in ("spelling", "name")]


@pytest.mark.parametrize(("a", "b"), [("Julia", "Julian"), ("Eva", "Evan")])
def test_a_name_with_an_ending_more_is_still_a_name_change(a, b):
    said = "The award for the best young scientist of the year went to {} at a ceremony in the capital on Friday."
    assert [c for c in _changes(said.format(a), said.format(b)) if c[0] in ("spelling", "name")]


def test_no_matter_how_is_no_negation():
    a = '"We will replace every affected pump, however long it takes," the company president said.'
    b = '"We will replace all of the affected pumps, no matter how long it takes," the company president said.'
    changes = _changes(a, b)
    assert ("quote-changed", "however", "no matter how") in changes and not [c for c in changes if c[0] == "negation"]


@pytest.mark.parametrize("day", ["December {}", "{} December"])
def test_a_day_of_the_month_changed_is_a_date_change(day):
    a = f"The sculptures will be flown to Phnom Penh on {day.format(3)} and will go on display early next year."
    b = f"The sculptures will be flown to Phnom Penh on {day.format(5)} and will go on display early next year."
    assert ("date", "3", "5") in _changes(a, b)


_SAID = ", the spokesman told reporters at a briefing in the capital on Tuesday afternoon."


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The hostages were released", "The hostages were freed"),
        ("The prices charged by suppliers rose", "The prices rose"),
        ("The fully charged batteries failed", "The batteries failed"),
        ("The opposition leader accused the government of hiding it", "The opposition leader questioned it"),
    ],
)
def test_a_word_of_the_law_in_another_sense_is_no_legal_status_change(a, b):
    assert not [c for c in _changes(a + _SAID, b + _SAID) if c[0] == "legal-status"]


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("The club paid £5.2 million for the striker", "The club paid $6.5 million for the striker", "other"),
        ("Officials said 3 may face charges", "Officials said 4 may face charges", "number"),
        ("Since March 40 jobs have been cut", "Since March 45 jobs have been cut", "number"),
        ("The ship will sail on December 3rd", "The ship will sail on December 5th", "date"),
        ("He said there was no doubt the driver erred", "He said there was doubt the driver erred", "negation"),
    ],
)
def test_amounts_days_and_doubts_are_told_apart(a, b, kind):
    changes = _changes(a + _SAID, b + _SAID)
    assert [c[0] for c in changes if c[0] in ("number", "date", "other", "negation")] == [kind], changes


def test_a_negation_moved_to_another_verb_is_a_negation_change():
    a = "The A330 was grounded at Shannon on Monday. The airline did not say whether it would inspect its other jets."
    b = "The A330 was grounded at Shannon on Monday. The airline said it would not inspect its other jets."
    assert "negation" in {kind for kind, _, _ in _changes(a, b)}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            '"The schedule they offered us is unacceptable to our farmers," the minister said on Tuesday.',
            '"The schedule they offered us is not acceptable to our farmers," the minister said on Tuesday.',
        ),
        (
            '"We are not against our neighbors building dams," the minister told reporters on Tuesday.',
            '"We have nothing against our neighbours building dams," the minister told reporters on Tuesday.',
        ),
    ],
)
def test_a_negation_given_as_one_word_or_spelt_the_british_way_is_no_negation_change(a, b):
    assert "negation" not in {kind for kind, _, _ in _changes(a, b)}


@pytest.mark.parametrize(
    ("a", "b", "negated"),
    [
        ("The deal was not legal", "The deal was illegal", False),
        ("The move was not possible", "The move was impossible", False),
        # the opposite word elsewhere in the version is no answer to the negation
        (
            "The company did not close the plant in March, it disclosed",
            "The company closed the plant in March, it disclosed",
            True,
        ),
    ],
)
def test_a_negation_and_a_word_of_the_opposite_sense_in_its_place(a, b, negated):
    assert ("negation" in {kind for kind, _, _ in _changes(a + _SAID, b + _SAID)}) == negated


def test_a_negation_said_another_way_is_no_negation_change():
    a = "The coach said after the match on Sunday that his team had not won anything yet this season."
    b = "The coach said after the match on Sunday that his team had won nothing yet this season."
    assert "negation" not in {kind for kind, _, _ in _changes(a, b)}


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        ("up to 4.1C cooler", "up to 4.1 degrees Celsius cooler", False),
        ("up to 4.1 degrees Celsius cooler", "up to 7.4 degrees Fahrenheit cooler", False),  # converted
        ("within 5 kilometres of the centre", "within 3 miles of the centre", False),  # converted, rounded
        ("up to 4.1C cooler", "up to 5.1C cooler", True),
        ("within 5 kilometres of the centre", "within 5 miles of the centre", True),
    ],
)
def test_a_unit_converted_is_the_same_amount(before, after, changed):
    a = f"Streets with dense tree cover, the study found, were {before} during the heatwaves of the last ten years."
    b = f"Streets with dense tree cover, the study found, were {after} during the heatwaves of the last ten years."
    changes = _changes(a, b)
    assert bool([c for c in changes if c[0] in ("number", "name")]) == changed, changes


def test_a_name_and_a_word_made_from_it_are_no_spelling():
    a = "Russia's Foreign Minister Sergei Lavrov says President Vladimir Putin is ready to hold talks with the West."
    b = "Russian Foreign Minister Sergei Lavrov says President Vladimir Putin is ready to hold talks with the West."
    assert "spelling" not in {kind for kind, _, _ in _changes(a, b)}


def test_the_outlet_that_drops_a_name_s_accents_is_the_one_flagged():
    # Folded, the three versions read alike; as written, two of them agree:
    # theirs is the common wording, the third's spelling is the change.
    text = (
        "President Henryk {name}, who must formally appoint the new prime minister, said in a statement that he "
        "would accept the decision of the chamber."
    )
    articles = [
        article_from_text(Path(f"{outlet}.txt"), f"Headline number {outlet}\n\n{FILLER}\n\n{text.format(name=name)}\n")
        for outlet, name in (("east", "Zielinski"), ("north", "Zieliński"), ("south", "Zieliński"))
    ]
    (group,) = [g for g in align(articles).groups if "Henryk" in g.passages[0].text]
    spelt = [(group.passages[c.passage].article, c.before, c.after) for c in group.changes if c.kind == "spelling"]
    assert spelt == [(0, "Zieliński", "Zielinski")]  # (east, the first article by path)


def test_no_in_a_hyphenated_word_is_no_negation():
    a = "He is the first prime minister to be removed by a constructive no-confidence vote since the law was passed."
    b = "He is the first prime minister to be removed in this way since the law was passed in the spring of 1997."
    assert "negation" not in {kind for kind, _, _ in _changes(a, b)}


def _kinds_anywhere(a: str, b: str) -> set[str]:
    texts = (("north", a), ("south", b))
    articles = [article_from_text(Path(f"{n}.txt"), f"Headline number {n}\n\n{t}\n") for n, t in texts]
    return {c.kind for g in align(articles).groups for c in g.changes}


def test_a_claim_as_a_noun_is_no_hedge():
    claimed = (
        "A ransomware group calling itself ShadowVane claimed responsibility for the attack on its leak site on "
        "Friday and posted what it said were samples of the stolen records."
    )
    a = f"{claimed} The company said it was working with the FBI."
    b = f"{claimed} The company said it was aware of the claim and was working with the FBI."
    assert "hedge" not in _kinds_anywhere(a, b)
    c = "The company said the alleged attacker had worked with others inside its billing system for three weeks."
    d = "The company said the attacker had worked with others inside its billing system for three weeks."
    assert "hedge" in _kinds_anywhere(c, d)


def test_a_double_negative_that_says_the_same_is_no_negation_change():
    a = "A fast time was not unexpected, as organisers had hired three pacemakers and laid a flatter course."
    b = "A fast time was expected, as organisers had hired three pacemakers and laid a flatter course."
    assert "negation" not in _kinds_anywhere(a, b)
    c = "A fast time was not expected, as organisers had hired three pacemakers and laid a flatter course."
    assert "negation" in _kinds_anywhere(c, b)


def test_a_length_of_time_written_otherwise_is_no_number_change():
    a = "Cascade Ridge is offering affected customers 24 months of free credit monitoring and identity protection."
    b = "Cascade Ridge is offering affected customers two years of free credit monitoring and identity protection."
    assert "number" not in _kinds_anywhere(a, b)
    c = b.replace("two years", "18 months")
    assert "number" in _kinds_anywhere(a, c)


def test_a_number_written_out_in_words_is_no_number_change():
    a = "Health officials have now confirmed 214 cases of measles across the region since the outbreak began."
    b = a.replace("214", "two hundred and fourteen")
    assert "number" not in _kinds_anywhere(a, b)
    c = b.replace("two hundred and fourteen", "one hundred and ninety-eight")
    assert "number" in _kinds_anywhere(a, c)
    d = a.replace("214", "45").replace("measles", "measles, forty-five of them children,")
    assert "number" not in _kinds_anywhere(d, d.replace("45 cases", "forty-five cases"))


def test_a_name_spelt_otherwise_at_the_start_of_a_hard_wrapped_line():
    """'…Huntly and\nŌtorohanga.' (a newsletter wrapped at 70 columns) and
    '…Huntly and Otorohanga.': the line's start is no sentence's, the
    macron dropped is a spelling."""
    a = "The first case was confirmed on 24 February. Cases have since been confirmed in Huntly and\nŌtorohanga."
    b = "The first case was confirmed on Feb. 24. Cases have since been confirmed in Huntly and Otorohanga."
    assert ("spelling", "Ōtorohanga", "Otorohanga") in _changes(a, b)


def test_a_body_and_the_short_name_its_text_gives_it_are_one_speaker():
    """'The French Athletics Federation (FFA)' written in one version's
    article: 'the FFA said' / 'the French Athletics Federation said' is one
    statement and no change of speaker or name; another body's is another."""
    lede = "The French Athletics Federation (FFA) welcomed the result in a short note to its member clubs on Sunday."
    said = "The FFA said the course had been measured and certified by World Athletics in February."

    def groups_with_the_course(other: str):
        articles = [
            article_from_text(Path("federation.txt"), f"Record in Lyon\n\n{lede}\n\n{FILLER}\n\n{said}\n"),
            article_from_text(Path("agency.txt"), f"Lyon record\n\n{FILLER}\n\nA second paragraph.\n\n{other}\n"),
        ]
        return [g for g in align(articles).groups if any("the course" in p.text for p in g.passages)]

    [group] = groups_with_the_course(said.replace("The FFA", "The French Athletics Federation"))
    assert len(group.passages) == 2 and not {"attribution", "name"} & set(group.flags)
    assert not groups_with_the_course(said.replace("The FFA", "The Italian Athletics Federation"))


def test_one_quotation_word_for_word_given_to_another_speaker_is_one_passage_flagged():
    """The same words quoted, said by one analyst in one outlet and another
    in the other: the misattribution is shown (one group, flagged who said);
    words that are only alike, said by another, stay two statements."""
    quote = '"Halvern is cutting where it has to, not where it wants to," said'
    later = '"Carmakers are still sitting on too many chips, and that will not clear before the middle of next year."'
    a = f"{quote} Jonas Verbeek, an analyst at Kestrel Partners in Amsterdam. {later}"
    b = f"{quote} Sanne Oosterhuis, an analyst at Brightwater Research. {later}"

    def groups_quoting(other: str):
        articles = [
            article_from_text(Path(f"{name}.txt"), f"Headline number {name}\n\n{FILLER}\n\n{text}\n")
            for name, text in (("north", a), ("south", other))
        ]
        return [g for g in align(articles).groups if any("Halvern" in p.text for p in g.passages)]

    [group] = groups_quoting(b)
    assert "attribution" in group.flags
    alike = b.replace("where it has to, not where it wants to", "where demand is weakest and the plants are oldest")
    alike = alike.replace(later, '"Carmakers will need a year or more to use up the chips they ordered."')
    assert not groups_quoting(alike)  # two statements


@pytest.mark.parametrize(
    ("figure", "words", "same"),
    [("2", "two", True), ("12", "twelve", True), ("2 million", "two million", True), ("12", "eleven", False)],
)
def test_a_count_written_as_a_word_is_the_same_count(figure, words, same):
    a = f"The company said {figure} customers across the region had lost power during the storm on Tuesday night."
    b = a.replace(f" {figure} ", f" {words} ")
    assert ("number" not in {kind for kind, _, _ in _changes(a, b)}) is same


def test_a_death_toll_told_otherwise_is_still_a_number_changed():
    """'killing 12 people' / 'At least 14 were killed': the counts name other
    words after them, and still count the same thing (a measure, 'magnitude
    6.8', is never paired with a count)."""
    a = (
        "A magnitude 6.8 earthquake struck off the coast of northern Chile on Monday, killing 12 people and"
        " cutting power to tens of thousands of homes."
    )
    b = (
        "At least 14 were killed when a powerful earthquake struck off the coast of northern Chile on Monday,"
        " cutting power to tens of thousands of homes."
    )
    assert ("number", "12", "14") in _changes(a, b)


@pytest.mark.parametrize(
    ("figure", "other", "flagged"),
    [
        ("more than 200", "214", False),  # a bound the other keeps
        ("more than 200", "190", True),
        ("at least 41", "at least 40", True),  # two bounds: compared as they are
        ("about 1,200", "1,180", True),  # a figure rounded is still a number changed
    ],
)
def test_a_lower_bound_the_other_number_keeps_is_no_number_change(figure, other, flagged):
    a = f"Health officials said {figure} people had now been infected across the region since the outbreak began."
    b = a.replace(figure, other)
    assert ("number" in {kind for kind, _, _ in _changes(a, b)}) is flagged


def test_a_quotation_two_people_give_in_one_text_goes_with_the_same_speaker_in_the_other():
    """'"Our thoughts …," said Chief Fire Officer Dawn Reilly.' and then
    'Superintendent Mark Ellery echoed her words. "Our thoughts …," he
    said.' in one text, only Ellery's in the other: Ellery's with Ellery's,
    nothing flagged (review R3)."""
    quote = '"Our thoughts are with the family and friends of those who died at this very difficult time,"'
    a = f"{quote} said Chief Fire Officer Dawn Reilly.\n\nSuperintendent Mark Ellery echoed her words. {quote} he said."
    b = f"{quote} said Superintendent Mark Ellery."
    articles = [
        article_from_text(Path(f"{name}.txt"), f"Headline number {name}\n\n{FILLER}\n\nA line here.\n\n{text}\n")
        for name, text in (("north", a), ("south", b))
    ]
    [group] = [g for g in align(articles).groups if any("Our thoughts" in p.text for p in g.passages)]
    assert "attribution" not in group.flags
    assert any("he said" in p.text for p in group.passages)


def test_a_denial_before_the_shared_words_is_inside_the_passage_and_flagged():
    """'Halvern denied on Tuesday reports that | it will cut about 1,200
    jobs …' / 'Halvern will cut about 1,200 jobs …, the company said': the
    denial is in the passage, flagged negation, not cut off at its edge
    (review R3); 'The top diplomat noted that …' is no denial."""
    a = "Halvern will cut about 1,200 jobs in Europe as demand for its chips from carmakers falls, the company said."
    b = "Halvern denied on Tuesday reports that it will cut about 1,200 jobs in Europe as demand for its chips from"
    b += " carmakers falls."

    def group_of(other: str):
        articles = [
            article_from_text(Path(f"{name}.txt"), f"Headline number {name}\n\nA line here.\n\n{text}\n")
            for name, text in (("north", a), ("south", other))
        ]
        [group] = [g for g in align(articles).groups if any("1,200 jobs" in p.text for p in g.passages)]
        return group

    group = group_of(b)
    assert any(p.text.startswith("Halvern denied") for p in group.passages)
    assert "negation" in group.flags
    noted = group_of(b.replace("Halvern denied on Tuesday reports that it", "The chief executive noted that Halvern"))
    assert "negation" not in noted.flags


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # a count in words with "A hundred" at a sentence's start, against a lower bound it keeps
        (
            "More than 100 vessels were waiting at the anchorages to transit the canal by the afternoon.",
            "A hundred and twelve vessels were waiting at the anchorages to transit the canal by the afternoon.",
            None,
        ),
        # "and a half", and "per cent" for "%"
        (
            "The government offered drivers a 4.5% pay rise, which the union leaders rejected on Friday as too little.",
            "The government offered drivers a four and a half per cent pay rise, which the union leaders rejected on "
            "Friday as too little.",
            None,
        ),
        (
            "The government offered drivers a 4.5% pay rise, which the union leaders rejected on Friday as too little.",
            "The government offered drivers a 4.5 per cent pay rise, which the union leaders rejected on Friday as too "
            "little.",
            None,
        ),
        # a month written short
        (
            "The ballot closed on Feb. 12 with most members voting for a strike on a high turnout, the union said.",
            "The ballot closed on February 12 with most members voting for a strike on a high turnout, the union said.",
            None,
        ),
        # a length of time changed, a certainty made a possibility
        (
            "Dalgaard Salvage said refloating her could take days, depending on how much sand has to be dredged.",
            "Dalgaard Salvage said refloating her could take weeks, depending on how much sand has to be dredged.",
            "number",
        ),
        # (review R5) hyphens in "four-and-a-half", minutes for hours, a first name written short
        (
            "The government offered drivers a 4.5% pay rise, which the union leaders rejected on Friday as too little.",
            "The government offered drivers a four-and-a-half per cent pay rise, which the union leaders rejected on "
            "Friday as too little.",
            None,
        ),
        (
            "Dalgaard Salvage said refloating her could take hours, depending on how much sand has to be dredged.",
            "Dalgaard Salvage said refloating her could take minutes, depending on how much sand has to be dredged.",
            "number",
        ),
        (
            "Aug Schmidt told the court on Monday that he had never seen the contract before the trial began.",
            "August Schmidt told the court on Monday that he had never seen the contract before the trial began.",
            None,
        ),
        (
            "Train drivers will strike for three days next week after rejecting the pay offer from the operators.",
            "Train drivers could strike for three days next week after rejecting the pay offer from the operators.",
            "hedge",
        ),
    ],
)
def test_numbers_months_lengths_and_modals_written_otherwise(a, b, kind):
    found = _changes(a, b)
    flagged = {k for k, _, _ in found} & {"number", "date", "spelling", "hedge"}
    assert flagged == ({kind} if kind else set()), found
    assert ("added", "", "per cent") not in found


def test_a_name_respelt_where_it_opens_a_sentence_is_flagged_when_the_article_names_it_elsewhere():
    """'Zaretsky, 54, a former ambassador …' / 'Zaretskiy, 54, …': a capital
    at a sentence's start tells nothing, but each article writes the name in
    capitals inside a sentence too ('Foreign Minister Fyodor Zaretsky said')."""
    a = "Zaretsky, 54, a former ambassador to Germany, has been foreign minister since 2023 and runs the talks."
    b = "Zaretskiy, 54, a former ambassador to Germany, has been foreign minister since 2023 and runs the talks."
    north = "Rail freight was the first thing Foreign Minister Fyodor Zaretsky raised in Vienna."
    south = "The dinner for the delegations was hosted by Zaretskiy at a hotel near the river."
    articles = [
        article_from_text(Path(f"{name}.txt"), f"Headline number {name}\n\n{FILLER}\n\n{text}\n\n{other}\n")
        for name, text, other in (("north", a, north), ("south", b, south))
    ]
    [group] = [g for g in align(articles).groups if any("54" in p.text for p in g.passages)]
    assert all("Vienna" not in p.text and "dinner" not in p.text for p in group.passages)
    assert ("spelling", "Zaretsky", "Zaretskiy") in [(c.kind, c.before, c.after) for c in group.changes]


@pytest.mark.parametrize(
    ("day", "other", "flagged"),
    [
        ("on Monday", "on 13 April", False),  # 13 April 2026 was a Monday
        ("on Monday", "on April 13", False),
        ("on Tuesday", "on 13 April", True),
        ("on Monday", "on 14 April", True),
        # another date that falls on the same weekday is another day (review R5)
        ("on 13 April", "on 18 May", True),
        ("on Monday", "on 20 April", False),  # the Monday after: news names the coming week so too (review R6)
        ("on Thursday", "on 9 April", False),  # the Thursday before, five days back (review R6)
        ("last Monday", "next Monday", True),  # "last" and "next" read with their weekday (review R6)
        ("last night", "on Monday", False),
        ("on Monday", "on 13 April 2025", True),  # a year written out is read
        ("on Monday", "on April 13, 2026", False),
        ("last Monday", "on 13 April", False),  # the Monday before the day it is dated
    ],
)
def test_a_weekday_and_the_date_it_falls_on_are_one_day(day, other, flagged):
    """'spoke to the paper on Monday' / 'on 13 April': the same day in the
    year the articles are dated; another day is a date changed."""
    sentence = "Zaretsky spoke to the daily Vestnik Dorvanii {}, a day after returning from talks in Brussels."
    articles = [
        article_from_text(Path(f"{name}.txt"), f"Headline number {name}\n\n2026-04-14\n\n{FILLER}\n\n{text}\n")
        for name, text in (("north", sentence.format(day)), ("south", sentence.format(other)))
    ]
    assert all(a.date == "2026-04-14" for a in articles)
    [group] = [g for g in align(articles).groups if any("Vestnik" in p.text for p in g.passages)]
    assert ("date" in group.flags) is flagged


@pytest.mark.parametrize(
    ("a", "b", "flags"),
    [
        # a time given in GMT as well as locally: the same moment
        ("ran aground at 05:40 local time at kilometre 38", "ran aground at 0340 GMT at kilometre 38", set()),
        ("ran aground at 05:40 GMT at kilometre 38", "ran aground at 03:40 GMT at kilometre 38", {"number"}),
        # (review R5) the minutes alike, the zone after them; am and pm; past midnight
        ("ran aground at 05:40 local time at kilometre 38", "ran aground at 03:40 GMT at kilometre 38", set()),
        ("ran aground at 5.40am local time at kilometre 38", "ran aground at 3.40am GMT at kilometre 38", set()),
        ("ran aground at 01:40 local time at kilometre 38", "ran aground at 2240 GMT at kilometre 38", set()),
        ("ran aground at 05:40 CET at kilometre 38", "ran aground at 04:40 GMT at kilometre 38", set()),
        ("ran aground at 05:40 CET at kilometre 38", "ran aground at 03:40 GMT at kilometre 38", {"number"}),
        # a figure with decimals is no time of day
        ("ran aground on Thursday at kilometre 38", "ran aground by 12.75 metres at kilometre 38", {"date"}),
        # a day left out, a time put in: no date changed
        ("ran aground at 05:40 local time on Thursday at kilometre 38",
         "ran aground at 05:40 local time (0340 GMT) at kilometre 38", set()),
        # "this morning" on a page dated that Thursday
        ("ran aground at 05:40 local time on Thursday at kilometre 38",
         "ran aground at 05:40 this morning at kilometre 38", set()),
        ("ran aground at 05:40 local time on Wednesday at kilometre 38",
         "ran aground at 05:40 this morning at kilometre 38", {"date"}),
    ],
)
def test_times_of_day_and_days_written_otherwise(a, b, flags):
    """Dated Thursday 11 March 2027."""
    lead = "The container ship Orient Pearl, sailing north in the morning convoy, {} near El Qantir."
    articles = [
        article_from_text(Path(f"{name}.txt"), f"Headline number {name}\n\n2027-03-11\n\n{FILLER}\n\n{text}\n")
        for name, text in (("north", lead.format(a)), ("south", lead.format(b)))
    ]
    [group] = [g for g in align(articles).groups if any("Orient Pearl" in p.text for p in g.passages)]
    assert set(group.flags) == flags, group.changes  # (the whole set: a zone's name is no name changed, review R6)


def test_a_name_joined_by_a_hyphen_in_one_version_and_a_space_in_the_other_is_respelt():
    a = "Hollis-Tan Shipping said in a statement that the ship was carrying about 17,000 containers."
    b = "Hollis Tan Shipping said in a statement that the ship was carrying about 17,000 containers."
    assert ("spelling", "Hollis-Tan", "Hollis Tan") in _changes(a, b)
    c = "The well-known shipping firm said in a statement that the ship was carrying about 17,000 containers."
    d = "The well known shipping firm said in a statement that the ship was carrying about 17,000 containers."
    assert not [x for x in _changes(c, d) if x[0] == "spelling"]
    # (review R6) a name before a verb or a comma: still one name
    g = "Hollis-Tan said in a statement that the ship was carrying about 17,000 containers when it ran aground."
    assert ("spelling", "Hollis-Tan", "Hollis Tan") in _changes(g, g.replace("Hollis-Tan", "Hollis Tan"))
    h = "Its owner, Ana Petrescu-Lund, said in a statement that the ship was carrying about 17,000 containers."
    assert ("spelling", "Petrescu-Lund", "Petrescu Lund") in _changes(h, h.replace("Petrescu-Lund", "Petrescu Lund"))
    # (review R5) two names joined, a line's end for the space, a title-case line
    e = "Russia-Ukraine talks resumed in Istanbul on Monday after a pause of almost three years, officials said."
    assert not [x for x in _changes(e, e.replace("Russia-Ukraine", "Russia Ukraine")) if x[0] == "spelling"]
    assert ("spelling", "Hollis-Tan", "Hollis Tan") in _changes(a, a.replace("Hollis-Tan", "Hollis\nTan"))
    f = "Cease-Fire Talks Collapse As Rebels Shell Border Town Overnight And Troops Move North"
    assert not [x for x in _changes(f, f.replace("Cease-Fire", "Cease Fire")) if x[0] == "spelling"]


def test_a_name_told_at_a_sentence_start_is_told_by_each_version_s_own_article_in_any_order():
    """Three outlets carry 'Zaretsky, 54, …' and name him elsewhere; one
    carries 'Zaretskiy, 54, …' and names him nowhere else, another does.
    Only the last is flagged, whatever order the articles come in (review
    R5: versions worded alike shared the first article's text)."""
    a = "Zaretsky, 54, a former ambassador to Germany, has been foreign minister since 2023 and runs the talks."
    b = a.replace("Zaretsky", "Zaretskiy")
    named = "Rail freight was the first thing Foreign Minister Fyodor Zaretsky raised in Vienna on his visit."
    named_b = "Foreign Minister Fyodor Zaretskiy said later that the pipeline talks would resume next month in Vienna."
    plain = "Officials from both delegations met again in the evening for a dinner near the old river port."
    texts = {"a1": (a, named), "a2": (a, named), "a3": (a, named), "c": (b, plain), "d": (b, named_b)}

    def respelt(order: list[str]) -> set[str]:
        articles = [
            article_from_text(Path(f"{n}.txt"), f"Headline number {n}\n\n{FILLER}\n\n{texts[n][0]}\n\n{texts[n][1]}\n")
            for n in order
        ]
        alignment = align(articles)
        [group] = [g for g in alignment.groups if any("54" in p.text for p in g.passages)]
        return {
            alignment.articles[group.passages[c.passage].article].path.stem
            for c in group.changes
            if c.kind == "spelling"
        }

    assert respelt(["a1", "a2", "a3", "c", "d"]) == {"d"}
    assert respelt(["a1", "a2", "a3", "d", "c"]) == {"d"}
    assert respelt(["d", "c", "a1", "a2", "a3"]) == {"d"}


def test_a_word_in_a_title_case_headline_is_no_name_at_a_sentence_start():
    """'Paris Café Owners Protest New Rules' over 'Café owners in the old
    town said …' / 'Cafe owners …': no name respelt (review R5)."""
    a = "Café owners in the old town said the new rules on terraces would cost them most of their summer trade."
    b = a.replace("Café", "Cafe")
    articles = [
        article_from_text(Path(f"{name}.txt"), f"Paris {word} Owners Protest New Rules\n\n{FILLER}\n\n{text}\n")
        for name, text, word in (("north", a, "Café"), ("south", b, "Cafe"))
    ]
    [group] = [g for g in align(articles).groups if any("terraces" in p.text for p in g.passages)]
    assert "spelling" not in group.flags


@pytest.mark.parametrize(
    ("a", "b", "flagged"),
    [
        ("The panel did not accept her explanation that the meat she ate at a barbecue was contaminated.",
         "The panel rejected her explanation that the meat she ate at a barbecue was contaminated.", False),
        ("The court did not allow the journalists to attend the hearing in the small courtroom on Monday.",
         "The court barred the journalists from attending the hearing in the small courtroom on Monday.", False),
        ("The panel did not accept her explanation that the meat she ate at a barbecue was contaminated.",
         "The panel accepted her explanation that the meat she ate at a barbecue was contaminated.", True),
        # (review R6) the opposite verb turned round again by the words beside it
        ("The court did not allow cameras into the courtroom for the reading of the verdict on Monday.",
         "The court lifted its ban on cameras into the courtroom for the reading of the verdict on Monday.", True),
        ("The court did not allow cameras into the courtroom for the reading of the verdict on Monday.",
         "The court refused to ban cameras into the courtroom for the reading of the verdict on Monday.", True),
    ],
)
def test_a_negation_said_by_a_verb_of_the_opposite_sense_is_no_negation_changed(a, b, flagged):
    assert ("negation" in {kind for kind, _, _ in _changes(a, b)}) is flagged


def test_a_body_and_its_initials_after_a_country_s_are_one_speaker():
    """'the FAA said' / 'the US Federal Aviation Administration said': one
    speaker, no attribution flag."""
    a = "The FAA said it would oversee the investigation led by the company into the failure of the rocket."
    b = (
        "The US Federal Aviation Administration said it would oversee the investigation led by the company into "
        "the failure of the rocket."
    )
    assert "attribution" not in {kind for kind, _, _ in _changes(a, b)}


@pytest.mark.parametrize(("period", "flagged"), [("for five years", False), ("for three years", True)])
def test_a_span_of_years_and_its_length_are_one_period(period, flagged):
    a = "Kestrel abused its dominant position between 2019 and 2024 by placing its own delivery service first."
    b = a.replace("between 2019 and 2024", period)
    assert ("date" in {kind for kind, _, _ in _changes(a, b)}) is flagged
