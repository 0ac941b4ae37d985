"""A seeded random-input soak (issue 12, item 11): random keys, resizes down
to 1×1 and clicks, on the sample corpus and on a larger generated one
whose text, titles and outlets hold markup-like brackets.  Any exception
in the app fails the test; the seed and the last actions are in the
message, so a failure can be replayed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual.pilot import OutOfBounds

from sidebyside.app import clipboard
from sidebyside.app.app import SideBySideApp
from sidebyside.reading.articles import article_from_text, load_articles

pytestmark = pytest.mark.app  # private user folders (conftest.py)

#: The app's keys (not q: quitting would end the run), the keys of its
#: dialogs, and characters typed into search, notes and paths.
KEYS = (
    "n p right_square_bracket left_square_bracket tab shift+tab j k down up pagedown pageup "
    "g G home end l slash b c less_than_sign greater_than_sign o space a s S ctrl+p question_mark "
    "escape enter y backspace left right x w 1 full_stop"
).split()
SIZES = [(1, 1), (6, 3), (30, 8), (40, 10), (40, 12), (60, 20), (80, 24), (120, 30), (160, 45), (200, 50)]
ACTIONS = 200  # per run: about 250 keys, 16 resizes, 16 clicks


def larger_corpus() -> list:
    """Eight articles of 20-60 kB built from the sample's paragraphs, reworded
    and reordered so that passages recur, with brackets that look like markup."""
    rnd = random.Random(12)
    paragraphs = [
        a.text[line.start : line.end].strip()
        for a in load_articles()
        for line in a.lines
        if line.kind == "body" and len(a.text[line.start : line.end].split()) >= 12
    ]
    markup = ["[/ol]", "[b]", "[bold red]", "[@click=app.quit]", "[/]", "$label", "[link=x]"]
    articles = []
    for i in range(8):
        parts = []
        while sum(map(len, parts)) < 20_000 + 5_000 * i:
            words = rnd.choice(paragraphs).split()
            if rnd.random() < 0.5:
                words.insert(rnd.randrange(len(words)), rnd.choice(markup))
            parts.append(" ".join(words))
        title = f"Outlet [{i}] {rnd.choice(markup)} headline"
        text = f"---\ntitle: {title}\noutlet: Outlet [/b]{i}\n---\n" + "\n\n".join(parts)
        articles.append(article_from_text(Path(f"/generated/soak-{i}.txt"), text))
    return articles


async def soak(articles, seed: int) -> None:
    rnd = random.Random(seed)
    done: list[str] = []
    app = SideBySideApp(articles)
    width, height = 120, 30
    async with app.run_test(size=(width, height)) as pilot:
        for _ in range(ACTIONS):
            roll = rnd.random()
            if roll < 0.08:
                width, height = rnd.choice(SIZES)
                done.append(f"resize {width}x{height}")
                await pilot.resize_terminal(width, height)
            elif roll < 0.16:
                x, y = rnd.randrange(max(1, width)), rnd.randrange(max(1, height))
                done.append(f"click {x},{y}")
                try:
                    await pilot.click(offset=(x, y))
                except OutOfBounds:
                    pass
            else:
                burst = [rnd.choice(KEYS) for _ in range(rnd.choice((1, 1, 1, 3)))]
                done.append(" ".join(burst))
                await pilot.press(*burst)
            if app._exception is not None or not app.is_running:
                break
        await pilot.pause()
        failed = app._exception
    assert failed is None, f"seed {seed}: {failed!r} after: {' | '.join(done[-12:])}"
    assert app.return_code in (None, 0), f"seed {seed} after: {' | '.join(done[-12:])}"


@pytest.fixture
def quiet(user_dirs, tmp_path, monkeypatch):
    """Saves go to a private data folder and a scratch current folder; no
    system clipboard tool is run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(clipboard, "system_copy", lambda text: None)


@pytest.mark.parametrize("seed", [1, 2])
async def test_soak_on_the_sample(sample_articles, quiet, seed):
    await soak(sample_articles, seed)


@pytest.mark.parametrize("seed", [3])
async def test_soak_on_a_larger_corpus(quiet, seed):
    await soak(larger_corpus(), seed)
