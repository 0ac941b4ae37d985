"""Shared fixtures."""

from __future__ import annotations

import sys
import types

import pytest

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


@pytest.fixture(autouse=True)
def _app_tests_use_private_user_dirs(request):
    """Every app test (``tests/test_app*.py``) runs with :func:`user_dirs`:
    the app looks for saved highlights on start, and must never find (or
    write) a real user's."""
    if request.node.path.name.startswith("test_app"):
        request.getfixturevalue("user_dirs")


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
