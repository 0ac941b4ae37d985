"""Patterns compiled when first used, and the boilerplate's first-word
prefilter, which must never pass over a line the patterns match."""

from __future__ import annotations

import re
from pathlib import Path

from sidebyside.reading import boilerplate
from sidebyside.reading.patterns import LazyPattern, lazy


def test_lazy_pattern_compiles_on_first_use_and_reads_as_the_pattern():
    pattern = lazy(r"(\d+) (apples|pears)", re.IGNORECASE)
    assert isinstance(pattern, LazyPattern)
    assert "match" not in vars(pattern)  # not compiled yet
    assert pattern.search("we bought 12 APPLES").group(1) == "12"
    assert "match" in vars(pattern)  # compiled once, its methods kept
    assert pattern.sub("n fruit", "3 pears and 4 apples") == "n fruit and n fruit"
    assert pattern.findall("1 pears, 2 apples") == [("1", "pears"), ("2", "apples")]
    assert pattern.pattern == r"(\d+) (apples|pears)"


def _lines() -> set[str]:
    data = Path(__file__).parent / "data"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in data.rglob("*") if p.suffix in (".txt", ".md")]
    lines = {" ".join(line.split()) for text in texts for line in text.split("\n")}
    made = [
        "Read more: the story",
        "READ ALSO",
        "E-mail this",
        "Email",
        "(Additional reporting by Jane Roe)",
        "Reporting by Jane Roe; editing by John Doe",
        "Source: https://example.com/story",
        "Photos: AP",
        "Image copyright Getty",
        "Tags: Ukraine, Russia",
        "Filed under: World",
        "Back to top",
        "To top",
        "Most read",
        "You are receiving this because you signed up",
        "Sign up here",
        "Copyright 2024 Example News. All rights reserved.",
        "Home › World",
        "Advertisement",
        "Follow us on X",
        "Leave a reply",
        "\u0130mage copyright Getty",  # a letter a case-blind pattern takes for a Latin one
    ]
    return lines | set(made) | {line.upper() for line in made}


def test_the_first_word_prefilter_passes_every_line_the_start_patterns_match():
    full = re.compile("|".join(f"(?:{p})" for p in boilerplate._PATTERNS if p.startswith("^")), re.IGNORECASE)
    lines = [line for line in _lines() if line]
    matched = [line for line in lines if full.match(line)]
    assert len(matched) >= 20
    folds = boilerplate._FOLDS_TO_ASCII
    missed = [
        line
        for line in matched
        if not any(c in line for c in folds) and not boilerplate._may_match_at_start(line.lower())
    ]
    assert missed == []
