"""Searching a long article in a process of its own (issue 12, item 9).

Searching is pure Python over the whole text (folding every word as the
aligner does); in a thread it holds the interpreter's lock for most of
each slice, and the app's event loop, which needs the lock for every one
of the many small steps of a frame, answered each keystroke in 0.2–1 s
with a 5 MB article (``benchmarks/bench_large.py``).  A process has a lock
of its own: the article's text is sent once, its words are found once
there and kept, and each query sends back only the matches.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor

#: Most matches sent back for one query (a letter or two of a 5 MB
#: article matches hundreds of thousands of times; the first ones are
#: shown, and the next letters narrow them down).
MAX_MATCHES = 10_000

_text: str = ""
_tokens: list | None = None


def _start(text: str) -> None:
    global _text, _tokens
    _text, _tokens = text, None


def _ready() -> bool:
    return True


def _find(query: str) -> list[tuple[int, int]]:
    global _tokens
    from ..aligning.find import find
    from ..aligning.tokens import tokenize

    if _tokens is None:
        _tokens = tokenize(_text)
    return find(_text, query, _tokens)[:MAX_MATCHES]


class Searcher:
    """One article's search process (started on the first search)."""

    def __init__(self, text: str) -> None:
        # Made and started with the real standard error: Textual captures
        # sys.stderr (it has no file descriptor), and multiprocessing hands
        # it to the processes it starts.
        stderr = sys.stderr
        try:
            sys.stderr = sys.__stderr__ or stderr
            # "spawn": a fresh interpreter, never a fork of the app's threads.
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_start, initargs=(text,)
            )
            self._pool.submit(_ready).result()
        finally:
            sys.stderr = stderr

    def find(self, query: str) -> list[tuple[int, int]]:
        """The matches of ``query`` (blocks the calling thread, not the lock)."""
        return self._pool.submit(_find, query).result()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
