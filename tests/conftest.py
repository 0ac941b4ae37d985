"""Shared fixtures, and the helpers of the app tests (import them:
``from conftest import ready, body, messages``)."""

from __future__ import annotations

import sys
import types

import pytest
import sample_alignment

from sidebyside.reading.articles import load_articles


@pytest.fixture(scope="session")
def sample_articles():
    """The sample corpus, read once (articles are immutable)."""
    return load_articles()


@pytest.fixture
def user_dirs(tmp_path_factory, monkeypatch):
    """Private user folders: the data folder (saved highlights), the config
    folder and the config file all point into a fresh temporary folder, so a
    test never reads or writes the real user's.  Returns that folder."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("SIDEBYSIDE_CONFIG", str(home / "config" / "sidebyside" / "config.toml"))
    return home


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "app: a test of the Textual app; it runs with private user folders (see user_dirs)"
    )


@pytest.fixture(autouse=True)
def _tests_use_private_user_dirs(user_dirs):
    """Every test runs with :func:`user_dirs`: the app looks for saved
    highlights and settings on start, and a test must never find (or write)
    a real user's (an overview test once failed after a person using the app
    on this machine kept a passage)."""


@pytest.fixture
def make_app(sample_articles, user_dirs):
    """Make the app as the app tests use it: on the sample corpus with its
    fixed alignment (``tests/sample_alignment.py``, given as ``aligner=``),
    so that work on the engine never changes what they see; with private
    user folders.  ``make_app(articles, ...)`` takes other articles (and the
    real aligner, unless ``aligner=`` says otherwise); other keywords go to
    :class:`~sidebyside.app.app.SideBySideApp`."""
    from sidebyside.app.app import SideBySideApp

    def make(articles=None, **kwargs):
        if articles is None:
            articles = sample_articles
            kwargs.setdefault("aligner", sample_alignment.aligner)
        return SideBySideApp(articles, **kwargs)

    return make


# --- helpers of the app tests -------------------------------------------------------------


def after_keys(*keys: str, theme: str | None = None):
    """A snapshot test's ``run_before``: the alignment in, the ``theme``
    set, then ``keys`` pressed."""

    async def run_before(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if theme:
            pilot.app.theme = theme
            await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()

    return run_before


async def ready(pilot) -> None:
    """Wait until the alignment is in (or has failed: what the app made of a
    failure is what such a test looks at) and the screen has caught up."""
    from textual.worker import WorkerFailed

    try:
        await pilot.app.workers.wait_for_complete()
    except WorkerFailed:
        pass
    await pilot.pause()


def body(app, index: int):
    """The body of article ``index``'s pane on the reading screen (also
    while a dialog is on top of it)."""
    from sidebyside.app.pane import ArticleBody

    return app.reader.query_one(f"#body-{index}", ArticleBody)


def messages(app, severity: str | None = None, title: str | None = None) -> list[str]:
    """The notices given (of one severity, or with one title), whole, as
    the app's notice log keeps them (the footer's row shows one line)."""
    return [
        message
        for s, t, message in app.notice_log
        if (severity is None or s == severity) and (title is None or t == title)
    ]


@pytest.fixture
def fake_app(monkeypatch):
    """Stand in for the Textual app: record what ``run_app`` passes it
    (no config file is read unless a test points SIDEBYSIDE_CONFIG at one)."""
    calls = []

    class FakeApp:
        return_code = 0

        def __init__(self, articles, **kwargs):
            calls.append((articles, kwargs))

        def run(self):
            pass

    module = types.ModuleType("sidebyside.app.app")
    module.SideBySideApp = FakeApp
    monkeypatch.setitem(sys.modules, "sidebyside.app.app", module)
    monkeypatch.setenv("SIDEBYSIDE_CONFIG", "/nonexistent/sidebyside-test/config.toml")
    return calls


@pytest.fixture
def page_server():
    """News pages served on 127.0.0.1 (tests/page_server.py) for the tests
    that read URLs; stopped when the test ends."""
    from page_server import PageServer

    server = PageServer().start()
    yield server
    server.stop()
