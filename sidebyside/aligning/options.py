"""The aligner's settings, in a module of their own so that the command line
and the app can read and pass them without loading the engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AlignOptions:
    min_similarity: float = 60.0  # 0–100: a version's mean similarity to its group (extension.similarity_of)
    min_words: int = 6  # words in each version of a passage
    ngram: int = 3  # content words in a candidate n-gram
    max_gap: int = 6  # content words between two candidates of one chain
    context: int = 8  # words on each side of a chain that extension may take in
    max_repeats: int = 4  # an n-gram more frequent than this inside one article is no candidate
    min_shared: int = 3  # content words the two versions must have in common
    all_pairs_up_to: int = 8  # an n-gram in more articles than this …
    neighbours: int = 3  # … links each article to this many next ones only

    def __post_init__(self) -> None:
        if not 0 <= self.min_similarity <= 100:
            raise ValueError("min_similarity must be between 0 and 100")
        if self.min_words < 1:
            raise ValueError("min_words must be at least 1")
        if self.ngram < 1:
            raise ValueError("ngram must be at least 1")
