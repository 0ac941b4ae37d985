"""The PAN text-alignment measures (benchmarks/pan.py) against an example
worked out by hand."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from pan import Case, granularity, plagdet, precision, recall, score  # noqa: E402

# Two reused passages between "susp" and "src":
S1 = Case("susp", 0, 100, "src", 0, 100)  # |s1| = 200
S2 = Case("susp", 200, 300, "src", 500, 550)  # |s2| = 150
# Four detections:
R1 = Case("susp", 0, 50, "src", 10, 60)  # inside s1: 100 of its 100 characters are reused
R2 = Case("susp", 40, 120, "src", 50, 130)  # overlaps s1: 60 + 50 = 110 of 160
R3 = Case("susp", 250, 260, "src", 0, 10)  # s2's suspicious span but s1's source span: detects nothing
R4 = Case("susp", 200, 300, "other", 500, 550)  # s2's spans, another source document: detects nothing
CASES = [S1, S2]
DETECTIONS = [R1, R2, R3, R4]


def test_precision_by_hand():
    # (100/100 + 110/160 + 0 + 0) / 4 = 27/64
    assert precision(CASES, DETECTIONS) == pytest.approx(27 / 64)


def test_recall_by_hand():
    # s1: suspicious [0,50) ∪ [40,100) = 100, source [10,60) ∪ [50,100) = 90, of 200;
    # s2: nothing.  (190/200 + 0) / 2 = 19/40
    assert recall(CASES, DETECTIONS) == pytest.approx(19 / 40)


def test_granularity_by_hand():
    # s1 is detected twice, s2 not at all: only detected cases count
    assert granularity(CASES, DETECTIONS) == 2.0


def test_plagdet_by_hand():
    # F1(27/64, 19/40) = 513/1148, divided by log2(1 + 2)
    assert plagdet(CASES, DETECTIONS) == pytest.approx(513 / 1148 / math.log2(3))


def test_perfect_detection_scores_one():
    s = score(CASES, CASES)
    assert (s.precision, s.recall, s.granularity, s.plagdet) == (1.0, 1.0, 1.0, 1.0)


def test_one_case_in_two_detections_halves_plagdet_by_log():
    halves = [Case("susp", 0, 50, "src", 0, 50), Case("susp", 50, 100, "src", 50, 100)]
    s = score([S1], halves)
    assert (s.precision, s.recall, s.granularity) == (1.0, 1.0, 2.0)
    assert s.plagdet == pytest.approx(1 / math.log2(3))


def test_degenerate_inputs_follow_pan():
    assert (precision([], []), recall([], [])) == (1.0, 1.0)
    assert (precision(CASES, []), recall(CASES, []), plagdet(CASES, [])) == (0.0, 0.0, 0.0)
    assert (precision([], DETECTIONS), recall([], DETECTIONS)) == (0.0, 0.0)
    assert granularity(CASES, []) == 1.0
