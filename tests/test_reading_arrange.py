"""The articles as the panes show them: ordered by date (or path, outlet),
two with the same label told apart, the same text twice said."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sidebyside.reading.arrange import arrange, distinct_labels, order_articles, same_text_notes, tell_apart
from sidebyside.reading.articles import article_from_text, load_articles, sample_corpus_path

BODY = "Lavrov said Russia was ready to talk with the West about reducing tensions, on conditions.\n"


def art(name: str, outlet: str | None = None, date: str | None = None, body: str = BODY):
    header = "---\n" + (f"outlet: {outlet}\n" if outlet else "") + (f"date: {date}\n" if date else "") + "---\n"
    return article_from_text(Path(name), (header if outlet or date else "") + f"{name} headline of the day\n\n{body}")


def test_oldest_first_when_two_have_dates_the_undated_after():
    a, b, c, d = (
        art("/x/a.txt", date="2022-10-31"),
        art("/x/b.txt"),
        art("/x/c.txt", date="2022-10-29"),
        art("/x/d.txt"),
    )
    assert [x.name for x in order_articles([a, b, c, d])] == ["c.txt", "a.txt", "b.txt", "d.txt"]
    # one date alone orders nothing: the order given stays
    assert [x.name for x in order_articles([b, a, d])] == ["b.txt", "a.txt", "d.txt"]


def test_order_by_path_and_by_outlet():
    a, b, c = art("/x/b.txt", "Zeta"), art("/x/a.txt", "alpha"), art("/x/c.txt", "Beta")
    assert [x.name for x in order_articles([a, b, c], "path")] == ["a.txt", "b.txt", "c.txt"]
    assert [x.outlet for x in order_articles([a, b, c], "outlet")] == ["alpha", "Beta", "Zeta"]
    with pytest.raises(ValueError):
        order_articles([a], "size")


def test_two_articles_with_the_same_outlet_are_told_apart():
    one = art("/corpus/press-tv.txt", "Press TV")
    two = art("/corpus/press-tv-again.txt", "Press TV", body=BODY.replace("ready", "willing"))
    other = art("/corpus/pravda.txt", "Ukrainska Pravda")
    assert distinct_labels([one, two, other]) == [
        "Press TV (press-tv.txt)",
        "Press TV (press-tv-again.txt)",
        "Ukrainska Pravda",
    ]
    apart = tell_apart([one, two, other])
    assert [a.label for a in apart] == distinct_labels([one, two, other])
    assert apart[2] is other  # untouched
    # the same file name in two folders: the folder is added
    same = [art("/a/copy/press-tv.txt", "Press TV"), art("/a/press-tv.txt", "Press TV")]
    assert distinct_labels(same) == ["Press TV (copy/press-tv.txt)", "Press TV (a/press-tv.txt)"]


def test_identical_articles_are_said_and_told_apart(tmp_path):
    """Issue 12 item 8: the same text twice aligns without a word of
    difference; a note says so and the two panes have different labels."""
    sample = sample_corpus_path()
    shutil.copytree(sample, tmp_path / "copy")
    articles, notes = arrange(load_articles([sample / "press-tv.txt", tmp_path / "copy" / "press-tv.txt"]))
    assert [a.label for a in articles] == [
        f"Press TV ({sample.name}/press-tv.txt)",
        "Press TV (copy/press-tv.txt)",
    ]
    assert notes == [
        f"{sample.name}/press-tv.txt and copy/press-tv.txt have the same text: "
        "every passage aligns word for word (both shown)"
    ]


def test_no_note_for_different_texts_and_headers_do_not_count():
    a = art("/x/a.txt", "One", "2022-10-30")
    b = art("/x/b.txt", "Two")
    assert same_text_notes([a, b]) == []
    c = article_from_text(Path("/x/c.txt"), "---\noutlet: Three\n---\n" + a.text[a.header[1] + 1 :])
    assert same_text_notes([a, c]) == [
        "a.txt and c.txt have the same text: every passage aligns word for word (both shown)"
    ]


def test_the_sample_keeps_its_order():
    articles, notes = arrange(load_articles())
    assert [a.name for a in articles] == sorted(a.name for a in articles) and notes == []
    assert all(a.tag is None for a in articles)


def test_on_one_day_the_earlier_time_first_a_zone_taken_in_utc_a_day_alone_after():
    from dataclasses import replace

    late, early, zoned, dayonly = (
        replace(art("/x/late.txt"), date="2027-02-03T19:25"),
        replace(art("/x/early.txt"), date="2027-02-03T14:10"),
        replace(art("/x/zoned.txt"), date="2027-02-03T15:00+02:00"),  # 13:00 UTC
        replace(art("/x/dayonly.txt"), date="2027-02-03"),
    )
    names = [x.name for x in order_articles([late, early, zoned, dayonly])]
    assert names == ["zoned.txt", "early.txt", "late.txt", "dayonly.txt"]


def test_a_zoned_time_after_midnight_is_taken_on_its_day_in_utc():
    from dataclasses import replace

    late, early = replace(art("/x/late.txt"), date="2027-04-13T23:30+00:00"), replace(
        art("/x/early.txt"), date="2027-04-14T00:01+02:00"  # 22:01 UTC on the 13th
    )
    assert [x.name for x in order_articles([late, early])] == ["early.txt", "late.txt"]
