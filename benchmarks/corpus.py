"""A generated corpus for benchmarks: articles built by shuffling, reordering
and perturbing the real paragraphs of the sample corpus, so that passages
recur across articles (each in a different place, worded a little
differently), padded with word-shuffled paragraphs that share nothing."""

from __future__ import annotations

import random
import re
from pathlib import Path

from sidebyside.reading.articles import Article, article_from_text, load_articles

_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+")
_SWAPS = {"Sergei": "Sergey", "Kiev": "Kyiv", '"': "“", "negotiations": "talks", "said": "stated"}


def source_paragraphs() -> list[str]:
    paragraphs = []
    for article in load_articles():
        for line in article.lines:
            body = article.text[line.start : line.end]
            if line.kind == "body" and len(body.split()) >= 12:
                paragraphs.append(body.strip())
    return paragraphs


def _perturb(paragraph: str, rnd: random.Random) -> str:
    sentences = _SENTENCE.split(paragraph)
    if len(sentences) > 1 and rnd.random() < 0.5:
        rnd.shuffle(sentences)
    words = " ".join(sentences).split()
    for _ in range(rnd.randint(0, 3)):
        action = rnd.random()
        i = rnd.randrange(len(words))
        if action < 0.4 and len(words) > 8:
            del words[i]
        elif action < 0.7:
            words.insert(i, rnd.choice(["allegedly", "[we are]", "reportedly", "–", "also"]))
        else:
            words[i] = words[i].upper() if rnd.random() < 0.5 else words[i].lower()
    text = " ".join(words)
    for a, b in _SWAPS.items():
        if rnd.random() < 0.3:
            text = text.replace(a, b)
    return text


def _filler(paragraphs: list[str], rnd: random.Random) -> str:
    words = rnd.choice(paragraphs).split() + rnd.choice(paragraphs).split()
    rnd.shuffle(words)
    return " ".join(words[: rnd.randint(25, 60)]) + "."


def generate(n_articles: int = 200, target_chars: int = 1_000_000, seed: int = 7) -> list[Article]:
    rnd = random.Random(seed)
    paragraphs = source_paragraphs()
    per_article = target_chars // n_articles
    articles = []
    for i in range(n_articles):
        parts = [f"Generated article {i}: " + rnd.choice(paragraphs)[:60]]
        size = len(parts[0])
        while size < per_article:
            part = _perturb(rnd.choice(paragraphs), rnd) if rnd.random() < 0.5 else _filler(paragraphs, rnd)
            parts.append(part)
            size += len(part) + 2
        articles.append(article_from_text(Path(f"/generated/article-{i:04d}.txt"), "\n\n".join(parts)))
    return articles


def write(folder: Path, articles: list[Article]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / article.path.name).write_text(article.text, encoding="utf-8")
