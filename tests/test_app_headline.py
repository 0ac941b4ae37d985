"""The headline shows once (usertest 9): the line above the text never
repeats the text's own first line, takes one row at 40x12, and is cut with
"…"."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import ready

from sidebyside.app.pane import ArticlePane

pytestmark = pytest.mark.app  # private user folders (conftest.py)


def _headlines(app) -> list[tuple[ArticlePane, list[str]]]:
    out = []
    for pane in app.reader.query(ArticlePane):
        line = pane.query_one(".pane-headline")
        rows = [line.render_line(y).text.rstrip() for y in range(line.size.height)] if line.display else []
        out.append((pane, rows))
    return out


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_a_headline_the_text_begins_with_is_not_repeated(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for pane, rows in _headlines(app):
            assert rows == [], (pane.article.label, rows)  # every sample text begins with its headline
            assert pane.article.label[:10] in str(pane.border_title)


@pytest.mark.parametrize("size, most", [((40, 12), 1), ((80, 24), 2)])
async def test_a_headline_not_in_the_text_is_shown_once_and_cut_with_an_ellipsis(make_app, sample_articles, size, most):
    title = "A very long headline that the text itself does not begin with, so the pane shows it above"
    articles = [dataclasses.replace(a, title=title) for a in sample_articles]
    app = make_app(articles)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        shown = [(pane, rows) for pane, rows in _headlines(app) if pane.region.width]
        assert shown
        for _pane, rows in shown:
            assert 1 <= len(rows) <= most
            assert rows[-1].endswith("…")
            assert " ".join(r.strip() for r in rows).rstrip("…").strip() in title
