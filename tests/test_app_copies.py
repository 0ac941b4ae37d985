"""Two working copies of one corpus (issue 12, item 2): saved highlights are
found by the articles' paths first, by their content only when no file
was saved for these paths, and then the app says so; saving in one copy
never rewrites the other copy's file."""

from __future__ import annotations

import shutil

import pytest

from sidebyside.app.app import SideBySideApp
from sidebyside.highlights import find_saved
from sidebyside.reading.articles import load_articles, sample_corpus_path

pytestmark = pytest.mark.app  # private user folders (conftest.py)


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def copy_sample(folder):
    shutil.copytree(sample_corpus_path(), folder)
    return folder


async def keep_and_save(folder, steps: int) -> dict[str, str]:
    """Open ``folder``, keep the passage ``steps`` n's away, save; the kept."""
    app = SideBySideApp(load_articles([folder]))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press(*["n"] * steps, "space", "s")
        await ready(pilot)
        return dict(app.kept), [n.message for n in app._notifications]


async def opened(folder):
    app = SideBySideApp(load_articles([folder]))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        return dict(app.kept), [f"{title}: {message}" for _, title, message in app.notice_log]  # whole


async def test_a_copy_reopens_the_first_folders_highlights_and_saves_apart(tmp_path):
    first, second = copy_sample(tmp_path / "first"), copy_sample(tmp_path / "second")
    kept_first, _ = await keep_and_save(first, 1)
    saved_first = find_saved(load_articles([first])).path
    before = saved_first.read_bytes()

    kept, notices = await opened(second)
    assert kept == kept_first  # reopened, by content
    assert any("another folder" in n and str(first) in n for n in notices), notices

    kept_second, _ = await keep_and_save(second, 3)  # one more kept, saved
    assert len(kept_second) == 2
    assert saved_first.read_bytes() == before  # the first copy's file is as it was
    place = find_saved(load_articles([second]))
    assert place.path != saved_first and place.reopen == place.path and place.other_folder is None

    kept, notices = await opened(first)
    assert kept == kept_first and not any("another folder" in n for n in notices)
    kept, notices = await opened(second)
    assert kept == kept_second and not any("another folder" in n for n in notices)


async def test_a_moved_folder_takes_its_file_along(tmp_path):
    first = copy_sample(tmp_path / "first")
    kept_first, notes = await keep_and_save(first, 1)
    assert kept_first, notes
    saved = find_saved(load_articles([first])).path
    moved = tmp_path / "moved"
    shutil.move(str(first), moved)
    kept, notices = await opened(moved)
    assert kept == kept_first
    assert any("no longer there" in n for n in notices), notices
    await keep_and_save(moved, 3)
    assert find_saved(load_articles([moved])).path == saved  # found by its paths now
    kept, notices = await opened(moved)
    assert len(kept) == 2 and not any("another folder" in n for n in notices)


async def test_a_plain_aligned_file_opens_with_its_groups_unkept(tmp_path, sample_articles):
    """``--alignments`` given ``align --format json`` output (issue 12,
    item 7): no group is kept, and the app says why."""
    from sidebyside.aligning.align import align
    from sidebyside.export import to_json
    from sidebyside.highlights import load

    target = tmp_path / "aligned.json"
    target.write_text(to_json(align(sample_articles)), encoding="utf-8")
    app = SideBySideApp(sample_articles, highlights=load(target, sample_articles))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert app.kept == {}
        assert app.alignment.groups
        notices = [n.message for n in app._notifications]
        assert any("marks nothing kept" in n for n in notices), notices
        await pilot.press("n", "space")
        assert list(app.kept) == [app.current_group]
