"""Shared fixtures."""

from __future__ import annotations

import pytest

from sidebyside.articles import load_articles


@pytest.fixture(scope="session")
def sample_articles():
    """The sample corpus, read once (articles are immutable)."""
    return load_articles()
