"""Notices (toasts) at 80x24, where the reader reads: user test item 1.

A notice covered the passage panel's versions for seconds (two rows of a
60%-wide toast, several stacked).  Now an information notice is one line
on the footer's row, the latest in place of the one before, brief; the
panes and the passage panel's rows stay in sight.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ready
from textual.widgets._toast import Toast

from sidebyside.app.app import INFO_SECONDS


def _toasts(app) -> list[Toast]:
    return [t for t in app.screen.query(Toast) if t.display]


async def test_an_information_notice_is_one_line_on_the_footer_row(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("n", "l")  # "Linked scrolling on: the other panes follow the focused one"
        await pilot.pause(0.2)
        (toast,) = _toasts(app)
        assert "Linked scrolling on" in toast.render().plain
        panel = app.screen.query_one("#panel").region
        panes = app.screen.query_one("#panes").region
        assert toast.region.height == 1 and toast.region.y == app.size.height - 1
        assert toast.region.right == app.size.width  # no end of the footer showing beside it
        assert not toast.region.overlaps(panel) and not toast.region.overlaps(panes)


async def test_a_new_information_notice_takes_the_place_of_the_last(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("n", "l", "b", "l", "b")
        await pilot.pause(0.2)
        (toast,) = _toasts(app)
        assert toast.render().plain == "Boilerplate dimmed"
        assert [n.message for n in app._notifications] == ["Boilerplate dimmed"]
        assert all(n.timeout <= INFO_SECONDS for n in app._notifications)


async def test_a_titled_information_notice_is_still_one_line(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.notify("3 highlights", title="Reopened", timeout=10)
        await pilot.pause(0.2)
        (toast,) = _toasts(app)
        assert toast.render().plain == "Reopened: 3 highlights"
        assert toast.region.height == 1
        # A warning is one line too, its title leading it, and keeps its time;
        # the next notice takes its place (usertest 2, finding 11: they stacked).
        app.notify("cp1252 decoded", title="Articles", severity="warning", timeout=8)
        await pilot.pause(0.2)
        (toast,) = _toasts(app)
        assert toast.render().plain == "Articles: cp1252 decoded" and toast.region.height == 1
        assert [n.timeout for n in app._notifications] == [8]
        await pilot.press("l")
        await pilot.pause(0.2)
        assert [n.severity for n in app._notifications] == ["information"]
        assert ("warning", "Articles", "cp1252 decoded") in app.notice_log  # ? lists it


async def test_notes_on_several_articles_are_one_notice_at_start(sample_articles, make_app):
    from dataclasses import replace

    articles = list(sample_articles)
    articles[0] = replace(articles[0], notes=("first.txt: decoded as cp1252",))
    articles[1] = replace(articles[1], notes=("second.txt: 2 control characters shown as ␀",))
    app = make_app(articles)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        (warning,) = [n for n in app._notifications if n.severity == "warning"]
        assert warning.message == "first.txt: decoded as cp1252 (+1 more: ? lists them)"
        (whole,) = [m for s, _, m in app.notice_log if s == "warning"]
        assert "cp1252" in whole and "control characters" in whole


async def test_what_the_command_line_found_and_the_articles_notes_are_one_notice(sample_articles, make_app):
    # A dead URL and a skipped binary were two "Articles" notices, stacked.
    from dataclasses import replace

    articles = list(sample_articles)
    articles[0] = replace(articles[0], notes=("first.txt: decoded as cp1252",))
    found = ["http://127.0.0.1:9/x: cannot connect", "mix/blob.txt: binary, skipped"]
    app = make_app(articles, notices=found)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        (warning,) = [n for n in app._notifications if n.severity == "warning"]
        assert warning.message == f"{found[0]} (+2 more: ? lists them)"
        (whole,) = [m for s, _, m in app.notice_log if s == "warning"]
        assert whole.splitlines()[1:] == [*found, "first.txt: decoded as cp1252"]


async def test_a_file_saved_for_other_articles_is_one_notice(make_app, tmp_path):
    # --alignments art.json (another story's align output) showed 14 stacked
    # lines: "0 groups open unkept", 48 passages not found one by one, and
    # "articles changed" for the file that only shares a name (wire.txt).
    from sidebyside.aligning.align import align
    from sidebyside.export import to_json
    from sidebyside.highlights import load
    from sidebyside.reading.articles import load_articles

    unseen = Path(__file__).parent / "data" / "unseen"
    other = load_articles([unseen / "artefacts"])
    target = tmp_path / "art.json"
    target.write_text(to_json(align(other)), encoding="utf-8")
    quake = load_articles([unseen / "quake"])
    loaded = load(target, quake)
    total = sum(len(g["passages"]) for g in json.loads(target.read_text(encoding="utf-8"))["groups"])
    assert loaded.for_other_articles() and loaded.passages_found() + len(loaded.missing) == total
    app = make_app(quake, highlights=loaded)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await ready(pilot)
        (notice,) = app._notifications
        assert notice.severity == "warning"
        assert notice.message == (
            f"art.json belongs to other articles: {loaded.passages_found()} of its {total} passages found in these"
        )
        assert app.kept == {}
