"""Finding what a reader searches for in an article.

A search matches the typed text itself, case folded, anywhere (so a word
being typed matches as it grows), and also any run of words that reads the
same once folded the way the aligner folds words
(:func:`sidebyside.aligning.tokens.key_of`: case, accents, apostrophes,
transliteration, English suffixes), so "Sergey" finds "Sergei" and
"Kiev" finds "Kyiv" (a query with other characters, brackets say, is
matched as typed only).  A query of one name (a capital, six letters or
more) also finds the name spelt otherwise as the flags tell spellings
apart (:func:`sidebyside.aligning.changes.same_name`, with the same first
letter: "Sokhavy" finds "Sokhavey").  Matches are character spans of the
article's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .changes import same_name
from .tokens import Token, tokenize

#: A query made of words: letters and digits, spaces, apostrophes, hyphens.
_WORDS_ONLY = re.compile(r"[^\W_]+(?:[\s'’-]+[^\W_]+)*['’]?")


def find(text: str, query: str, tokens: Sequence[Token] | None = None) -> list[tuple[int, int]]:
    """The spans of ``text`` that match ``query``, in order, none inside
    another.  ``tokens`` is ``tokenize(text)``, if the caller keeps it."""
    query = query.strip()
    if not query:
        return []
    found = {m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE) if m.end() > m.start()}
    # Folded words only for a query of words: "[here]" or "Sergei (" means
    # those characters, not every "here" or "Sergey".
    keys = [t.key for t in tokenize(query)] if _WORDS_ONLY.fullmatch(query) else []
    if keys:
        words = tokenize(text) if tokens is None else tokens
        n = len(keys)
        first = keys[0]
        for i, token in enumerate(words):
            if token.key == first and [t.key for t in words[i : i + n]] == keys:
                found.add((token.start, words[i + n - 1].end))
        if n == 1 and len(query) >= _NAME_LETTERS and query[0].isupper():
            found.update(_names_spelt_otherwise(text, query, words))
    spans = sorted(found, key=lambda span: (span[0], -span[1]))
    result: list[tuple[int, int]] = []
    for start, end in spans:
        if result and start < result[-1][1]:
            continue  # inside (or across) a match already taken
        result.append((start, end))
    return result


_NAME_LETTERS = 6  # a shorter name is too like other names ("Iran" / "Iraq", "Biden" / "Boden")


def _names_spelt_otherwise(text: str, name: str, words: Sequence[Token]) -> list[tuple[int, int]]:
    """The words of ``text`` in capitals that spell ``name`` otherwise: the
    same first letter, a letter more or less at most ("Sokhavey", not
    "Sokha"; "Prussia" is no "Russia")."""
    found = []
    first = name[0].casefold()
    for token in words:
        word = text[token.start : token.end]
        if (
            word[:1].isupper()
            and word[0].casefold() == first
            and abs(len(word) - len(name)) <= 1
            and same_name(word, name)
        ):
            found.append((token.start, token.end))
    return found
