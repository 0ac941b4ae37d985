"""Save notices fit one line at 100 columns (a new-user test's finding 9:
they took two and covered the passage panel): the path from ~, folders
left out in its middle, and a report saved elsewhere says so briefly."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import messages, ready
from textual.widgets._toast import Toast

from sidebyside.app.keeping import saved_notice, short_path
from sidebyside.highlights.saving import Saved

pytestmark = pytest.mark.app


def test_a_path_is_shortened_in_its_middle_keeping_its_name(monkeypatch):
    monkeypatch.setattr(Path, "home", staticmethod(lambda: Path("/home/reader")))
    path = Path("/home/reader/.local/share/sidebyside/highlights/artefacts-9b1a0f43a7b3.json")
    assert short_path(path, 80) == "~/.local/share/sidebyside/highlights/artefacts-9b1a0f43a7b3.json"
    assert short_path(path, 50) == "~/…/highlights/artefacts-9b1a0f43a7b3.json"
    assert short_path(path, 59) == "~/…/share/sidebyside/highlights/artefacts-9b1a0f43a7b3.json"
    shown = short_path(path, 24)
    assert len(shown) == 24 and shown.startswith("~/…/arte") and shown.endswith(".json")
    assert short_path("/srv/x.md", 40) == "/srv/x.md"


def test_a_saved_notice_with_a_backup_fits_the_width(monkeypatch):
    monkeypatch.setattr(Path, "home", staticmethod(lambda: Path("/home/reader")))
    folder = Path("/home/reader/.local/share/sidebyside/highlights")
    saved = Saved(
        folder / "artefacts-9b1a0f43a7b3.json", 18, 60,
        backup=folder / "artefacts-9b1a0f43a7b3.json.20271119T101112Z.bak", all_groups=True,
    )
    text = saved_notice(saved, 100)
    assert text.startswith("Saved 18 groups (none kept) to artef…") and ".json (" in text
    assert text.endswith(" (the old file is kept as ….20271119T101112Z.bak)")
    assert len(text) <= 92


def _notice_lines(app) -> dict[str, int]:
    """Each notice shown, with the lines it takes."""
    return {t.render().plain: t.region.height for t in app.screen.query(Toast) if t.display}


async def test_save_notices_take_one_line_at_100_columns(tmp_path, monkeypatch, make_app):
    """s into the data folder, then S to a report in a deep folder: each
    notice is one line of a 100-column terminal, the file's name whole."""
    deep = tmp_path / "reports" / "cambodia" / "khmer-gods-returned" / "november-2027"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "s")
        await ready(pilot)
        await pilot.pause()
        (saved,) = [m for m in messages(app) if m.startswith("Saved")]
        assert saved.endswith(".json") and app.reader.keeping.save_path.name in saved
        assert len(saved) <= 92, saved
        await pilot.pause(0.2)
        assert _notice_lines(app) == {saved: 1}
        await pilot.press("n", "space", "S", "ctrl+u")
        for key in "the-museum-report.md":
            await pilot.press(key)
        await pilot.press("enter")
        await ready(pilot)
        await pilot.pause()
        report = messages(app)[-1]
        assert report.startswith("Saved 2 highlights to ") and "the-museum-report.md" in report
        assert report.endswith("; s saves them for next time")
        assert len(report) <= 92, report
        await pilot.pause(0.2)
        assert _notice_lines(app) == {report: 1}


async def test_the_reopened_notice_fits_one_line_at_100_columns(make_app):
    """Saved, then opened again at 100 columns: "Reopened 1 highlight from
    …" names the file in one line (the path from ~, its middle left out)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "s")
        await ready(pilot)
        path = app.reader.keeping.save_path
    again = make_app()
    async with again.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await pilot.pause(0.2)
        (reopened,) = [m for m in messages(again) if m.startswith("Reopened 1 highlight from ")]
        assert reopened.endswith(path.name) and len(reopened) <= 92, reopened
        assert _notice_lines(again)[reopened] == 1
