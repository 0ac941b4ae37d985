"""A save-as that fails opens the path dialog again with the reason in it.

User test (80x24): the reason was hidden at once (the field's first
Changed message hid it), so the dialog came back saying nothing.
"""

from __future__ import annotations

from conftest import ready
from textual.widgets import Input, Label

from sidebyside.app.dialogs import SavePathScreen


async def test_the_reason_a_save_failed_shows_in_the_dialog_until_the_path_changes(make_app, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    target = blocker / "report.md"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("n", "space", "S")
        await pilot.pause()
        assert isinstance(app.screen, SavePathScreen)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, SavePathScreen)  # asked again
        label = screen.query_one("#dialog-error", Label)
        assert label.display and str(target) in str(label.render())
        assert label.region and label.region.bottom <= app.size.height  # in view at 80x24
        assert not target.exists()
        await pilot.press("x")  # the path is being changed: the old reason goes
        await pilot.pause()
        assert not label.display
