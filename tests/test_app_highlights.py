"""Kept highlights in the app: keeping (space), notes (a), saving (s, S),
overwrite protection, reopening, and the settings (theme, keymap) — driven
with the real keys.

Every test runs with private user folders (the autouse fixture in
conftest.py), so the default highlights file is in a temporary folder."""

from __future__ import annotations

import json
import shutil
import sys
import types
from pathlib import Path

import pytest
import sample_alignment
from conftest import body, messages, ready

from sidebyside import cli
from sidebyside.aligning.align import align
from sidebyside.app.app import SideBySideApp
from sidebyside.app.dialogs import ConfirmScreen, NoteScreen, SavePathScreen
from sidebyside.app.keeping import resolve
from sidebyside.app.pane import KEPT_MARK, KEPT_RULE
from sidebyside.config import DEFAULT_CONFIG, Config, config_path
from sidebyside.highlights import default_path, load, save
from sidebyside.reading.articles import load_articles, sample_corpus_path
from sidebyside.wording import word_diff

pytestmark = pytest.mark.app  # private user folders (conftest.py)

PRESS_TV, PRAVDA = 1, 4
QUOTE = "[We are] ready to talk with the West about reducing tensions"  # Press TV and Ukrainska Pravda
SIZE = (160, 45)


def panel_text(app) -> str:
    return app.screen_stack[0].query_one("#panel").text


def group_with(alignment, text: str):
    return next(g for g in alignment.groups if any(text in p.text for p in g.passages))


def gutters(app, index: int, start: int, end: int) -> list[str]:
    """The two gutter columns of the rows showing text[start:end] (scrolled into view)."""
    pane = body(app, index)
    pane.reveal(start, end)
    first, last = pane.rows_of(start, end)
    top = int(pane.scroll_y)
    return [pane.render_line(row - top).text[:2] for row in range(first, last + 1)]


def kept_groups(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [g for g in data["groups"] if g.get("kept")]


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


# --- keeping and notes ---------------------------------------------------------------------


async def test_keep_note_and_save_with_the_real_keys(sample_articles, make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        gid = app.current_group
        version = app.current_version
        # Not kept: the mark column shows only the flag of a flagged group (⚑).
        unkept = "⚑" if app.alignment.group(gid).flags else " "
        assert gutters(app, PRESS_TV, version.start, version.end)[0][1] == unkept
        await pilot.press("space")
        assert app.kept == {gid: ""}
        rows = gutters(app, PRESS_TV, version.start, version.end)
        # Kept: ★ on the first row, the rule below (a flag moves to the second row).
        rule = [KEPT_RULE] * (len(rows) - 1)
        if unkept == "⚑" and rule:
            rule[0] = "⚑"
        assert rows[0][1] == KEPT_MARK and [r[1] for r in rows[1:]] == rule
        assert "★ kept" in panel_text(app) and "no note yet" in panel_text(app)

        await pilot.press("a")
        assert isinstance(app.screen, NoteScreen)
        await type_text(pilot, "cite this in the piece")
        await pilot.press("enter")
        assert not isinstance(app.screen, NoteScreen)
        assert app.kept == {gid: "cite this in the piece"}
        assert "Note: cite this in the piece" in panel_text(app)

        await pilot.press("s")
        await ready(pilot)
        path = default_path(sample_articles)
        assert path.is_file()
        assert any(str(path) in m and "Saved 1 highlight" in m for m in messages(app))
        (saved,) = kept_groups(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert saved["note"] == "cite this in the piece"
        group = app.alignment.group(gid)
        assert [
            (data["articles"][p["article"]]["path"], p["start"], p["end"], p["text"]) for p in saved["passages"]
        ] == [(str(app.articles[p.article].path), p.start, p.end, p.text) for p in group.passages]


async def test_space_twice_unmarks(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "n")
        version = app.current_version
        await pilot.press("space")
        assert app.current_group in app.kept
        await pilot.press("space")
        assert app.kept == {}
        unkept = "⚑" if app.alignment.group(app.current_group).flags else " "
        rows = gutters(app, PRESS_TV, version.start, version.end)
        assert rows[0][1] == unkept and all(r[1] == " " for r in rows[1:])
        assert "kept" not in panel_text(app)


async def test_space_right_after_n_keeps_the_passage_n_selects(make_app):
    # Both keys in the queue at once, as a quick typist sends them: the keep
    # must see the selection the n made.
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for key, char in (("n", "n"), ("space", " ")):
            app.post_message(events.Key(key, char))
        for _ in range(50):  # until both keys are handled
            await pilot.pause()
            if app.kept:
                break
        assert app.current_group is not None
        assert app.kept == {app.current_group: ""}

async def test_keeping_redraws_only_the_groups_rows(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await pilot.pause()
        pane = body(app, PRESS_TV)
        cached = dict(pane.row_cache)
        # A pane shown without a version of this group.
        other = next(
            body(app, i) for i in app.screen.visible if i != PRESS_TV and not body(app, i).versions(app.current_group)
        )
        other_cached = dict(other.row_cache)
        assert cached and other_cached
        version = app.current_version
        first, last = pane.rows_of(version.start, version.end)
        await pilot.press("space")
        await pilot.pause()
        dropped = {row for row in cached if pane.row_cache.get(row) is not cached[row]}
        assert dropped and dropped <= set(range(first, last + 1))
        # A pane without a version of this group draws nothing again.
        assert all(other.row_cache.get(row) is strip for row, strip in other_cached.items())


async def test_a_note_keeps_an_unkept_group_and_escape_cancels(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "n", "n")
        gid = app.current_group
        await pilot.press("a")
        assert isinstance(app.screen, NoteScreen)
        await type_text(pilot, "not this")
        await pilot.press("escape")
        assert not isinstance(app.screen, NoteScreen)
        assert app.kept == {}
        await pilot.press("a")
        await type_text(pilot, "first")
        await pilot.press("enter")
        assert app.kept == {gid: "first"}
        # Editing: the dialog opens with the note, and what is typed is added to it.
        await pilot.press("a")
        assert app.screen.query_one("#note-text").text == "first"
        await type_text(pilot, " and second")
        await pilot.press("enter")
        assert app.kept == {gid: "first and second"}


async def test_keys_need_a_selected_passage(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for key in ("space", "a"):
            app.clear_notifications()  # (a notice takes the place of the one before)
            await pilot.press(key)
            await pilot.pause()
            assert any("Select a passage first" in m for m in messages(app)), key
        assert app.kept == {}
        assert not isinstance(app.screen, NoteScreen)


# --- saving ----------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["y", "n"])
async def test_s_with_nothing_kept_asks_before_saving_every_group(sample_articles, answer, make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, ConfirmScreen)
        count = len(app.alignment.groups)
        assert f"Save all {count} groups" in app.screen.message
        await pilot.press(answer)
        await ready(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        path = default_path(sample_articles)
        if answer == "y":
            data = json.loads(path.read_text(encoding="utf-8"))
            assert len(data["groups"]) == count
            assert not any(g["kept"] for g in data["groups"])
            # The notice says what was written: every group, none of them kept (not "0 highlights").
            assert any(f"Saved {count} groups (none kept) to {path}" in m for m in messages(app))
            assert not any("0 highlights" in m for m in messages(app))
        else:
            assert not path.exists()


async def test_save_as_markdown_to_a_typed_path(sample_articles, tmp_path, monkeypatch, make_app):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "n", "a")
        await type_text(pilot, "the quote everyone ran")
        await pilot.press("enter", "S")
        assert isinstance(app.screen, SavePathScreen)
        field = app.screen.query_one("#save-path")
        prefilled = Path(field.value)
        assert prefilled.parent == Path(".") and prefilled.suffix == ".md"  # the current folder (issue 12, item 10)
        await pilot.press("ctrl+u")  # clear the field
        await type_text(pilot, "report.txt")
        await pilot.press("enter")
        # An unknown extension: the dialog says so and stays open to fix the name.
        assert isinstance(app.screen, SavePathScreen)
        error = app.screen.query_one("#dialog-error")
        assert error.display and "cannot save as '.txt'" in str(error.render())
        await pilot.press("backspace", "backspace", "backspace", "m", "d", "enter")
        await ready(pilot)
        assert not isinstance(app.screen, SavePathScreen)
        report = tmp_path / "report.md"  # relative to the current directory
        text = report.read_text(encoding="utf-8")
        assert "the quote everyone ran" in text and QUOTE in text
        assert any(str(report) in m for m in messages(app))
        # s still saves to the default file (what the next start reopens), not the report.
        assert app.reader.keeping.save_path == default_path(sample_articles)


async def test_save_as_with_nothing_kept_says_it_wrote_every_group(tmp_path, monkeypatch, make_app):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        count = len(app.alignment.groups)
        await pilot.press("S")
        assert isinstance(app.screen, SavePathScreen)
        await pilot.press("ctrl+u")
        await type_text(pilot, "all.csv")
        await pilot.press("enter")
        await ready(pilot)
        report = tmp_path / "all.csv"
        assert report.is_file()
        assert any(f"Saved {count} groups (none kept) to {report}" in m for m in messages(app))
        assert not any("0 highlights" in m for m in messages(app))


def test_typed_paths_expand_the_home_folder_and_are_relative_to_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert resolve("~/notes/h.md") == tmp_path / "home" / "notes" / "h.md"
    assert resolve("  out/h.csv ") == tmp_path / "out" / "h.csv"
    assert resolve("/abs/h.json") == Path("/abs/h.json")


async def test_overwrite_protection_asks_and_no_leaves_the_file(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        path = app.reader.keeping.save_path
        alignment = app.alignment
        # Meanwhile, another session saved two highlights with notes there.
        others = [g.id for g in alignment.groups[:2]]
        save(path, alignment, {others[0]: "one", others[1]: "two"})
        before = path.read_bytes()
        await pilot.press("n", "n", "n")  # a third group
        assert app.current_group not in others
        await pilot.press("space", "s")
        await ready(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        # A sentence: it starts with a capital (issue: "saving would drop from …").
        assert app.screen.message.startswith("Saving would drop from ") and "Replace anyway?" in app.screen.message
        assert app.screen.query_one("#no").has_focus  # enter would not replace
        await pilot.press("n")
        await ready(pilot)
        assert path.read_bytes() == before
        assert any("Not saved" in m for m in messages(app))
        # And yes replaces it, keeping the old file as a backup.
        await pilot.press("s")
        await ready(pilot)
        await pilot.press("y")
        await ready(pilot)
        assert [g["id"] for g in kept_groups(path)] == [app.current_group]
        backups = list(path.parent.glob(f"{path.name}.*.bak"))
        assert len(backups) == 1 and backups[0].read_bytes() == before
        assert any("old file is kept as" in m for m in messages(app))


async def test_unwritable_targets_are_reported_not_crashes(tmp_path, monkeypatch, make_app):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))  # the default folder is under a file
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "s")
        await ready(pilot)
        errors = messages(app, "error")
        assert len(errors) == 1 and "cannot save here" in errors[0] and "is a file" in errors[0]
        # S to a path under a regular file: an error, and the dialog again to pick another place.
        await pilot.press("S")
        await pilot.press("ctrl+u")
        await type_text(pilot, str(blocker / "h.json"))
        await pilot.press("enter")
        await ready(pilot)
        assert app.is_running
        assert len(messages(app, "error")) == 1  # the reason is in the dialog, not a notice over it too
        assert isinstance(app.screen, SavePathScreen)
        assert app.screen.query_one("#save-path").value == str(blocker / "h.json")
        assert "cannot save here" in str(app.screen.query_one("#dialog-error").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, SavePathScreen)
        assert blocker.read_text() == "not a folder"


# --- reopening ----------------------------------------------------------------------------------


async def test_reopening_highlights_given_on_the_command_line(sample_articles, tmp_path, make_app):
    alignment = sample_alignment.load(sample_articles)  # what make_app() shows
    quote = group_with(alignment, QUOTE)
    path = tmp_path / "h.json"
    save(path, alignment, {quote.id: "my note"})
    app = make_app(highlights=load(path, sample_articles))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        (gid,) = app.kept
        assert app.kept[gid] == "my note"
        assert app.alignment.group(gid).passages == quote.passages
        assert any(m.startswith("Reopened 1 highlight from") and str(path) in m for m in messages(app))
        app.reader.reveal_group(gid)
        await pilot.pause()
        assert "★ kept" in panel_text(app) and "Note: my note" in panel_text(app)
        version = app.current_version
        assert gutters(app, version.article, version.start, version.end)[0][1] == KEPT_MARK
        # s saves back to that file, not to the default one.
        assert app.reader.keeping.save_path == path
        await pilot.press("n", "space", "s")
        await ready(pilot)
        assert len(kept_groups(path)) == 2
        assert not default_path(sample_articles).exists()


async def test_reopening_the_default_file_on_start(sample_articles, make_app):
    alignment = sample_alignment.load(sample_articles)  # what make_app() shows
    quote = group_with(alignment, QUOTE)
    path = default_path(sample_articles)
    save(path, alignment, {quote.id: "saved last time"})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert list(app.kept.values()) == ["saved last time"]
        assert app.reader.keeping.save_path == path


async def test_a_damaged_default_file_is_reported_and_left_alone(sample_articles, make_app):
    path = default_path(sample_articles)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{oops")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.is_running and app.kept == {}
        errors = messages(app, "error")
        assert len(errors) == 1 and "not JSON" in errors[0]
        # Saving over it asks first.
        await pilot.press("n", "space", "s")
        await ready(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await ready(pilot)
    assert path.read_bytes() == b"{oops"


async def test_changed_article_shows_the_passages_not_found(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus_path(), corpus)
    articles = load_articles([corpus])
    alignment = align(articles)
    quote = group_with(alignment, QUOTE)
    save(default_path(articles), alignment, {quote.id: "keep"})
    press_tv = corpus / "press-tv.txt"
    press_tv.write_text(press_tv.read_text(encoding="utf-8").replace(QUOTE, "something else"), encoding="utf-8")
    articles = load_articles([corpus])
    app = SideBySideApp(articles)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        (shown,) = [n for n in app._notifications if n.severity == "warning"]
        assert "1 saved passage not found (? lists them)" in shown.message and "\n" not in shown.message
        (whole,) = messages(app, "warning")  # the whole notice, as ? lists it
        assert "articles changed since these highlights were saved: Press TV" in whole
        assert "not found" in whole and "no longer in press-tv.txt" in whole
        # What was found is still kept: the quote in Ukrainska Pravda.
        (gid,) = app.kept
        assert [app.articles[p.article].path.name for p in app.alignment.group(gid).passages] == [
            "ukrainska-pravda.txt"
        ]


# --- settings ------------------------------------------------------------------------------------


async def test_config_theme_and_keymap_apply(make_app):
    from sidebyside.app.help import HelpScreen

    config = Config(theme="nord", keys={"keep": "x", "nonsense": "y"})
    app = make_app(config=config, config_problems=["config.toml: min_words must be …"])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.theme == "nord"
        warnings = messages(app, "warning")
        (warning,) = warnings  # one notice at start: the first problem, and "? lists" the others
        assert warning.startswith("config.toml: min_words must be … (+1 more: ? lists them)")
        assert "keys.nonsense is not a binding" in warning
        await pilot.press("n", "space")
        assert app.kept == {}  # space no longer keeps
        await pilot.press("x")
        assert app.current_group in app.kept
        assert "x" in app.screen.active_bindings
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert (
            "Highlights",
            "x",
            "Keep the current passage as a highlight, or stop keeping it",
            "keep",
        ) in app.screen.rows()


async def test_an_unknown_theme_is_named_in_a_warning(make_app):
    app = make_app(config=Config(theme="no-such-theme"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.theme == "textual-dark"
        (warning,) = messages(app, "warning")
        assert warning.startswith("config.toml: theme 'no-such-theme' unknown; using textual-dark")
        assert "tokyo-night" in warning.splitlines()[1]  # the themes: in the log (?), not on the footer's row


async def test_dialog_keys_do_not_reach_the_reader(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("l", "b", "c")
        assert (app.linked, app.show_boilerplate) == (False, True)
        await pilot.press("escape")
        assert not isinstance(app.screen, ConfirmScreen)


# --- the command line ------------------------------------------------------------------------------


def test_init_config_writes_a_starter_once(capsys):
    path = config_path()
    assert not path.exists()
    assert cli.main(["--init-config"]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}\n" and "wrote a starter config" in err
    assert path.read_text(encoding="utf-8") == DEFAULT_CONFIG
    path.write_text("theme = 'nord'\n", encoding="utf-8")
    assert cli.main(["--init-config"]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}\n" and "already exists; left as it is" in err
    assert path.read_text(encoding="utf-8") == "theme = 'nord'\n"


def test_init_config_reports_an_unwritable_place(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("SIDEBYSIDE_CONFIG", str(blocker / "config.toml"))
    assert cli.main(["--init-config"]) == 2
    err = capsys.readouterr().err
    assert "cannot write the config file" in err and err.count("\n") == 1


def test_run_app_passes_config_problems_and_highlights_to_the_app(sample_articles, tmp_path, monkeypatch):
    calls = []

    class FakeApp:
        return_code = 0

        def __init__(self, articles, **kwargs):
            calls.append(kwargs)

        def run(self):
            pass

    module = types.ModuleType("sidebyside.app.app")
    module.SideBySideApp = FakeApp
    monkeypatch.setitem(sys.modules, "sidebyside.app.app", module)
    config_path().parent.mkdir(parents=True)
    config_path().write_text('theme = "nord"\nbogus = 1\n[keys]\nkeep = "x"\n', encoding="utf-8")
    alignment = sample_alignment.load(sample_articles)  # what make_app() shows
    save(tmp_path / "h.json", alignment, {alignment.groups[0].id: "n"})
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--alignments", "h.json"]) == 0
    (kwargs,) = calls
    assert kwargs["config"].theme == "nord" and dict(kwargs["config"].keys) == {"keep": "x"}
    assert len(kwargs["config_problems"]) == 1 and "bogus" in kwargs["config_problems"][0]
    assert kwargs["highlights"].path == tmp_path / "h.json"  # absolute: s saves back to it
    assert len(kwargs["highlights"].groups) == 1


async def test_palette_finds_kept_passages(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "n", "n", "space")
        gid = app.current_group
        await pilot.press("tab", "n")  # elsewhere
        assert app.current_group != gid
        await pilot.press("ctrl+p")
        await type_text(pilot, "kept")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_group == gid


# --- quitting with unsaved highlights ---------------------------------------------------------


async def test_q_quits_at_once_with_nothing_changed(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "space")  # kept, then unkept: as it was
        assert app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert app.return_code == 0


async def test_q_asks_before_losing_unsaved_highlights(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "n", "space", "a")
        await type_text(pilot, "why")
        await pilot.press("enter")
        assert len(app.kept) == 2
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "2 unsaved highlight changes. Save them to" in app.screen.message  # (one: "Save it to")
        assert app.screen.focused.id == "yes"  # "Save and quit" first (issue 12, item 6)
        await pilot.press("n")  # keep reading
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen) and app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("q")  # a second q while asking asks nothing more
        await pilot.pause()
        assert len(app.screen_stack) == 2
        await pilot.press("n")
        await pilot.pause()
        assert app.return_code is None and len(app.kept) == 2

        await pilot.press("s")  # saved: nothing is lost now
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_q_asks_after_changing_reopened_highlights_and_y_quits(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "s")
        await ready(pilot)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert len(app.kept) == 1 and app.reader.keeping.unsaved_changes() == 0
        await pilot.press("n", "n", "space")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.message.startswith("1 unsaved highlight change.")
        await pilot.press("d")  # quit without saving
        await pilot.pause()
        assert app.return_code == 0


async def test_q_offers_save_and_quit_first(make_app):
    """Issue 12, item 6: enter on the question saves, then quits; what was
    kept is in the file the next start reopens."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "n", "space")
        kept = dict(app.kept)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        labels = [str(b.label) for b in app.screen.query("Button")]
        assert labels[0].startswith("Save and quit")
        assert labels[1].startswith("Quit without saving")
        assert labels[2].startswith("Keep reading")
        await pilot.press("enter")
        await ready(pilot)
        await pilot.pause()
        assert app.return_code == 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.kept == kept


async def test_palette_finds_a_passage_by_any_word_of_its_text(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        target = group_with(app.alignment, "Western sponsors")
        await pilot.press("n")
        assert app.current_group != target.id
        await pilot.press("ctrl+p")
        await type_text(pilot, "sponsors")
        await pilot.pause(0.5)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        assert options.option_count >= 1
        first = str(options.get_option_at_index(0).prompt)
        assert f"Jump to {target.id} " in first and "sponsors" in first
        assert len(first) < 200  # a shortened label, not the whole group
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_group == target.id
        assert app.current_version.article in target.article_indexes


# --- the passage panel ---------------------------------------------------------------------------


@pytest.mark.parametrize("space", ["\f", "\v", "\t", "\n"])
async def test_panel_keeps_the_spaces_around_marked_words(tmp_path, space):
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus_path(), corpus)
    press_tv = corpus / "press-tv.txt"
    text = press_tv.read_text(encoding="utf-8")
    assert "Russia's Foreign Minister" in text
    press_tv.write_text(
        text.replace("Russia's Foreign Minister", f"Russia's{space}Foreign{space}Minister", 1), encoding="utf-8"
    )
    articles = load_articles([corpus])
    app = SideBySideApp(articles)
    async with app.run_test(size=(400, 45)) as pilot:  # wide: every row on one line
        await ready(pilot)
        group = group_with(app.alignment, f"Russia's{space}Foreign")
        app.select(group.id, None)
        await pilot.pause()
        shown = panel_text(app)
        (row,) = [line for line in shown.splitlines() if line.lstrip().startswith("Press TV")]
        (press,) = [p for p in group.passages if app.articles[p.article].path.name == "press-tv.txt"]
        diff = word_diff([p.text for p in group.passages], [p.similarity for p in group.passages])
        marked = [press.text[w.start : w.end] for w in diff[group.passages.index(press)].words if w.changed]
        assert "Russia's" in marked  # the word is marked, and still has its space
        assert "Russia's Foreign Minister" in row
        assert "Russia'sForeign" not in shown
        # Every version's row is its text, with a space for every space.
        for p in group.passages:
            assert " ".join(p.text.split()).replace("\xa0", " ") in " ".join(shown.split()).replace("\xa0", " ")


async def test_saving_a_report_elsewhere_still_asks_before_quitting(tmp_path, monkeypatch, make_app):
    """S to a .md file is an export: the corpus's own file (what the next
    start reopens) still lacks the kept passage, so q asks."""
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "S", "ctrl+u")
        await type_text(pilot, "report.md")
        await pilot.press("enter")
        await ready(pilot)
        assert (tmp_path / "report.md").is_file()
        assert any("s saves them for next time" in m for m in messages(app))
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n", "s")
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_save_as_selects_the_suggested_path_so_typing_replaces_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "S")
        field = app.screen.query_one("#save-path")
        prefilled = field.value
        await type_text(pilot, "mine.md")
        assert field.value == "mine.md"
        await pilot.press("escape", "S", "left")  # an arrow keeps the suggestion, to edit it
        assert app.screen.query_one("#save-path").value == prefilled
        await pilot.press("escape")


async def test_space_on_a_noted_passage_asks_before_dropping_the_note(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n", "a")
        await type_text(pilot, "keep this")
        await pilot.press("enter")
        gid = app.current_group
        assert app.kept == {gid: "keep this"}
        await pilot.press("space")
        assert isinstance(app.screen, ConfirmScreen)
        assert "keep this" in app.screen.message
        await pilot.press("enter")  # No is the default: nothing is lost
        await pilot.pause()
        assert app.kept == {gid: "keep this"}
        await pilot.press("space", "y")
        await pilot.pause()
        assert app.kept == {}
        # Without a note, space unkeeps at once.
        await pilot.press("space", "space")
        assert app.kept == {}


async def test_palette_lists_a_bracketed_quote_as_written(make_app):
    """Opened with nothing typed, the palette lists the groups: "[We are]"
    is part of the quote, not markup to swallow."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[We are] ready to talk" in p for p in prompts), prompts
