"""A long article is searched off the event loop (issue 12, item 9): the
matches come back from its search process and are the ones a search in
place finds; the count follows.  (Speed is measured in
benchmarks/bench_large.py.)"""

from __future__ import annotations

import pytest

from sidebyside.aligning.find import find
from sidebyside.app import pane

pytestmark = pytest.mark.app  # private user folders (conftest.py)


async def test_a_long_articles_matches_come_from_its_search_process(make_app, monkeypatch):
    monkeypatch.setattr(pane, "SEARCH_IN_WORKER", 0)  # every article counts as long
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"Lavrov")
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            bodies = [app.screen.query_one(f"#body-{i}") for i in range(len(app.articles))]
            if all(b._matches == find(b.article.text, "Lavrov") for b in bodies):
                break
        for body in bodies:
            assert body._matches == find(body.article.text, "Lavrov"), body.article.label
            assert body._searcher is not None  # a process, or False: in the worker's thread
        total = sum(len(b.matches) for b in bodies)
        assert total > 0
        count = str(app.screen.query_one("#search-count").render())
        assert count.startswith(f"{total} match"), count
        await pilot.press("enter")
        assert app.search_current is not None
