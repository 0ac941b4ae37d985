"""Small text helpers every layer shares (pure, no dependencies): a text
on one line, a text cut to a width (with or without the space before the "…"), a count with its noun, a similarity as
the reader sees it."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, the last one "…" when cut."""
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"


def clip(text: str, limit: int | None) -> str:
    """``text`` cut to at most ``limit`` characters (none: whole), "…" last
    when cut, with no space left before it ("Ukrainska P…")."""
    return text if limit is None or len(text) <= limit else text[: limit - 1].rstrip() + "…"


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` with each run of white space (line breaks too) as one space,
    then cut to ``limit`` characters (see :func:`shorten`) when one is given."""
    text = " ".join(text.split())
    return text if limit is None else shorten(text, limit)


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``"1 passage"``, ``"2 passages"``; ``nouns`` when the plural is not
    the noun and an s (``plural(3, "match", "matches")``)."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


def shown_similarity(value: float) -> str:
    """A similarity as the reader sees it, a whole number: 100 only for
    versions that read the same, so 99.5 ("8" / "7" in a long passage)
    shows 99, not 100."""
    whole = round(value)
    return str(99 if whole == 100 and value < 100 else whole)
