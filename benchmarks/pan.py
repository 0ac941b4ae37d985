"""The PAN text-alignment measures (Potthast, Stein, Barrón-Cedeño and
Rosso, "An Evaluation Framework for Plagiarism Detection", COLING 2010).

A *case* ``s`` is a reused passage: a span of a suspicious document and the
span of the source document it was taken from.  A *detection* ``r`` has the
same shape.  Both are read as sets of characters, the characters of both
spans together, so ``|s| = |s_plg| + |s_src|``.

* ``r`` *detects* ``s`` when their suspicious spans overlap and their source
  spans overlap (in the same two documents); ``s ⊓ r`` is then ``s ∩ r``,
  otherwise empty.
* precision = mean over detections r of ``|⋃_s (s ⊓ r)| / |r|``
* recall    = mean over cases s of ``|⋃_r (s ⊓ r)| / |s|``
* granularity = mean over the detected cases of the number of detections
  that detect each (1.0: one detection per reused passage)
* plagdet = F1(precision, recall) / log2(1 + granularity)

Degenerate cases follow PAN's evaluation script: with neither cases nor
detections precision and recall are 1; with only one of them, both are 0;
granularity is 1 when no case is detected; plagdet is 0 when precision and
recall are 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    """A reused passage or a detection: half-open character spans of a
    suspicious and a source document."""

    suspicious: str
    susp_start: int
    susp_end: int
    source: str
    src_start: int
    src_end: int

    def __len__(self) -> int:
        return (self.susp_end - self.susp_start) + (self.src_end - self.src_start)


def _overlap(s1: int, e1: int, s2: int, e2: int) -> bool:
    return max(s1, s2) < min(e1, e2)


def detects(r: Case, s: Case) -> bool:
    return (
        r.suspicious == s.suspicious
        and r.source == s.source
        and _overlap(r.susp_start, r.susp_end, s.susp_start, s.susp_end)
        and _overlap(r.src_start, r.src_end, s.src_start, s.src_end)
    )


def _union_length(spans: Iterable[tuple[int, int]]) -> int:
    total, reach = 0, None
    for start, end in sorted(spans):
        if end <= start:
            continue
        if reach is None or start >= reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


def _covered(target: Case, others: Iterable[Case]) -> int:
    """Characters of ``target`` inside the union of ``target ∩ o`` over ``others``."""
    susp = [(max(target.susp_start, o.susp_start), min(target.susp_end, o.susp_end)) for o in others]
    src = [(max(target.src_start, o.src_start), min(target.src_end, o.src_end)) for o in others]
    return _union_length(susp) + _union_length(src)


def precision(cases: Sequence[Case], detections: Sequence[Case]) -> float:
    if not cases and not detections:
        return 1.0
    if not cases or not detections:
        return 0.0
    return sum(_covered(r, [s for s in cases if detects(r, s)]) / len(r) for r in detections) / len(detections)


def recall(cases: Sequence[Case], detections: Sequence[Case]) -> float:
    if not cases and not detections:
        return 1.0
    if not cases or not detections:
        return 0.0
    return sum(_covered(s, [r for r in detections if detects(r, s)]) / len(s) for s in cases) / len(cases)


def granularity(cases: Sequence[Case], detections: Sequence[Case]) -> float:
    counts = [sum(1 for r in detections if detects(r, s)) for s in cases]
    detected = [c for c in counts if c]
    return sum(detected) / len(detected) if detected else 1.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def plagdet(cases: Sequence[Case], detections: Sequence[Case]) -> float:
    p, r = precision(cases, detections), recall(cases, detections)
    if p == 0 and r == 0:
        return 0.0
    return f1(p, r) / math.log2(1 + granularity(cases, detections))


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    granularity: float
    plagdet: float
    cases: int
    detections: int


def score(cases: Sequence[Case], detections: Sequence[Case]) -> Scores:
    return Scores(
        precision(cases, detections),
        recall(cases, detections),
        granularity(cases, detections),
        plagdet(cases, detections),
        len(cases),
        len(detections),
    )
