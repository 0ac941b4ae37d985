"""Which words of each version of a passage differ from the others.

The versions are compared word by word on their normalised form
(:func:`sidebyside.aligning.tokens.normalise`: case, accents, quotes and punctuation
folded), so "Kyiv’s" and "kyiv's" are the same word and only real changes
are marked.  The *reference* version is the most common wording (ties go to
the version most like all the others); every other version is diffed
against it: its words the reference lacks are *changed*, the reference's
words it lacks are *dropped*.  In the reference itself, the words no other
version has are marked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .aligning.tokens import normalise, tokenize

if TYPE_CHECKING:
    from .model import Alignment, Group


@dataclass(frozen=True)
class Word:
    start: int  # offsets into the version's text
    end: int
    changed: bool


@dataclass(frozen=True)
class VersionDiff:
    words: tuple[Word, ...]
    dropped: tuple[str, ...]  # the reference's words this version leaves out, a phrase per gap
    reference: bool


def _words(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    tokens = tokenize(text)
    spans = [(t.start, t.end) for t in tokens]
    keys = [normalise(text[t.start : t.end]) or text[t.start : t.end].casefold() for t in tokens]
    return spans, keys


def reference_index(texts: list[str], similarities: list[float]) -> int:
    """The most common wording, ties broken by similarity to the others."""
    norms = [normalise(t) for t in texts]
    counts = Counter(norms)
    return max(range(len(texts)), key=lambda i: (counts[norms[i]], similarities[i], -i))


def word_diff(texts: list[str], similarities: list[float] | None = None) -> list[VersionDiff]:
    """A :class:`VersionDiff` for every text of one group."""
    if not texts:
        return []
    sims = similarities or [0.0] * len(texts)
    ref = reference_index(texts, sims)
    parsed = [_words(t) for t in texts]
    ref_spans, ref_keys = parsed[ref]
    out: list[VersionDiff] = []
    ref_seen_elsewhere = [False] * len(ref_keys)
    for i, (spans, keys) in enumerate(parsed):
        if i == ref:
            out.append(VersionDiff((), (), True))  # filled in below
            continue
        changed = [True] * len(keys)
        dropped: list[str] = []
        matcher = SequenceMatcher(None, ref_keys, keys, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(j2 - j1):
                    changed[j1 + k] = False
                    ref_seen_elsewhere[i1 + k] = True
            if tag in ("delete", "replace"):
                # One phrase per gap: the words as the reference has them.
                dropped.append(texts[ref][ref_spans[i1][0] : ref_spans[i2 - 1][1]])
        out.append(
            VersionDiff(tuple(Word(s, e, c) for (s, e), c in zip(spans, changed)), tuple(dropped), False)
        )
    others = len(texts) > 1
    out[ref] = VersionDiff(
        tuple(Word(s, e, others and not seen) for (s, e), seen in zip(ref_spans, ref_seen_elsewhere)),
        (),
        True,
    )
    return out


class GroupDiffs:
    """The word diffs of one alignment's groups, each worked out when first
    needed (the panes underline a variant's changed words, the panel marks
    them) and kept."""

    def __init__(self, alignment: Alignment | None) -> None:
        self.alignment = alignment
        self._diffs: dict[str, list[VersionDiff]] = {}
        self._changed: dict[tuple[str, int, int], tuple[tuple[int, int], ...]] = {}

    def of(self, group: Group) -> list[VersionDiff]:
        """One :class:`VersionDiff` per passage of ``group``, in its order."""
        found = self._diffs.get(group.id)
        if found is None:
            found = self._diffs[group.id] = word_diff(
                [p.text for p in group.passages], [p.similarity for p in group.passages]
            )
        return found

    def changed(self, group_id: str, article: int, start: int) -> tuple[tuple[int, int], ...]:
        """Where, in the article's text, the words of the version of
        ``group_id`` that starts at ``start`` differ from the group's most
        common wording (none for a verbatim group)."""
        key = (group_id, article, start)
        found = self._changed.get(key)
        if found is None:
            found = ()
            if self.alignment is not None:
                group = self.alignment.group(group_id)
                if group.kind != "verbatim":
                    for passage, diff in zip(group.passages, self.of(group)):
                        if passage.article == article and passage.start == start:
                            found = tuple(
                                (start + w.start, start + w.end) for w in diff.words if w.changed
                            )
                            break
            self._changed[key] = found
        return found
