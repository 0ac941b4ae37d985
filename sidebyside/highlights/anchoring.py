"""Finding saved highlights again in the current articles: which current
article a saved one is (:func:`match_articles`), and where a saved passage's
text is now when its article was edited (:func:`find_span`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from rapidfuzz import fuzz

from ..reading.articles import Article

#: whose text changed is taken as found again.
MIN_SCORE = 85.0


# --- matching saved articles to the current ones ------------------------------------------


def _file_name(saved_path: str) -> str:
    return re.split(r"[\\/]", saved_path)[-1]


def match_articles(saved: Sequence[dict], articles: Sequence[Article], folder: Path | None) -> dict[int, int]:
    """Saved article index -> current article index: by content hash first,
    then by path (relative to the saved file, then as saved), then by file
    name.  Each current article is used once."""
    mapping: dict[int, int] = {}
    used: set[int] = set()

    def claim(i: int, test) -> None:
        for j, article in enumerate(articles):
            if j not in used and test(article):
                mapping[i] = j
                used.add(j)
                return

    for i, rec in enumerate(saved):
        claim(i, lambda a, rec=rec: a.sha256 == rec["sha256"])
    for i, rec in enumerate(saved):
        if i in mapping:
            continue
        wanted: set[Path] = set()
        try:
            if rec.get("relative_path") and folder is not None:
                wanted.add((folder / rec["relative_path"]).resolve())
            wanted.add(Path(rec["path"]).expanduser().resolve())
        except (OSError, ValueError, RuntimeError):
            pass
        claim(i, lambda a, wanted=wanted: Path(a.path).resolve() in wanted)
    for i, rec in enumerate(saved):
        if i in mapping:
            continue
        name = _file_name(rec["path"])
        claim(i, lambda a, name=name: a.path.name == name)
    return mapping


def saved_label(rec: dict) -> str:
    return rec.get("outlet") or Path(_file_name(rec["path"])).stem


# --- finding a passage again ----------------------------------------------------------


def _char_class(ch: str) -> int:
    if ch.isspace():
        return 0
    if ch.isalnum():
        return 1
    return 2


def _starts(text: str, lo: int, hi: int) -> list[int]:
    lo, hi = max(0, lo), min(len(text), hi)
    out = []
    for p in range(lo, hi + 1):
        if p < len(text) and not text[p].isspace() and (p == 0 or _char_class(text[p - 1]) != _char_class(text[p])):
            out.append(p)
    return out


def _ends(text: str, lo: int, hi: int) -> list[int]:
    lo, hi = max(1, lo), min(len(text), hi)
    out = []
    for p in range(lo, hi + 1):
        if not text[p - 1].isspace() and (p == len(text) or _char_class(text[p - 1]) != _char_class(text[p])):
            out.append(p)
    return out


def _refine(text: str, wanted: str, d0: int, d1: int) -> tuple[int, int, float]:
    """The span near text[d0:d1] most like ``wanted``, edges on word or
    punctuation boundaries."""
    slack = min(60, max(12, len(wanted) // 4))
    starts = sorted(set(_starts(text, d0 - slack, d0 + slack)) | {d0})
    ends = sorted(set(_ends(text, d1 - slack, d1 + slack)) | {d1})
    best = (d0, d1, fuzz.ratio(wanted, text[d0:d1]))
    best_key = (best[2], -abs((d1 - d0) - len(wanted)))
    for s in starts:
        for e in ends:
            if e <= s:
                continue
            score = fuzz.ratio(wanted, text[s:e], score_cutoff=best[2] - 0.001 if best[2] > 0 else 0)
            key = (score, -abs((e - s) - len(wanted)))
            if key > best_key:
                best, best_key = (s, e, score), key
    return best


def find_span(text: str, wanted: str, near: int = 0, min_score: float = MIN_SCORE) -> tuple[int, int, float] | None:
    """Where ``wanted`` (a passage's saved text) is in ``text`` now:
    ``(start, end, score)`` or None.

    The exact text wins, the occurrence nearest ``near`` (the old offset)
    first; else the best fuzzy match (rapidfuzz), looked for in windows
    growing around ``near`` up to the whole text (so of two equally good
    matches the nearer wins), its edges moved to the word or punctuation
    boundaries most like the saved text's.  A fuzzy match counts only when
    ``fuzz.ratio`` of the two texts is at least ``min_score``.
    """
    if not wanted or not text:
        return None
    hits = []
    at = text.find(wanted)
    while at >= 0:
        hits.append(at)
        at = text.find(wanted, at + 1)
    if hits:
        start = min(hits, key=lambda s: (abs(s - near), s))
        return start, start + len(wanted), 100.0
    n = len(wanted)
    windows: list[tuple[int, int]] = []
    for pad in (max(200, n), max(2000, 3 * n), len(text)):  # nearest first: a repeated passage stays put
        window = (max(0, near - pad), min(len(text), near + n + pad))
        if window not in windows:
            windows.append(window)
    for lo, hi in windows:
        found = fuzz.partial_ratio_alignment(wanted, text[lo:hi], score_cutoff=min_score - 15)
        if found is None:
            continue
        d0, d1 = lo + found.dest_start, lo + found.dest_end
        # A match cut by the window's edge: align again with room around it.
        lo, hi = max(0, d0 - n), min(len(text), d1 + n)
        again = fuzz.partial_ratio_alignment(wanted, text[lo:hi])
        if again is not None and again.score >= found.score:
            d0, d1 = lo + again.dest_start, lo + again.dest_end
        start, end, score = _refine(text, wanted, d0, d1)
        if score >= min_score:
            return start, end, score
    return None

