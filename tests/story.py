"""A fixed alignment of the sample corpus for app tests of the overview,
the flags and synced selection: the passages of ``sample_corpus/gold.json``
(must and should members) as groups g1-g5, with their facts, so engine
changes don't churn these tests.  Also a ten-outlet story built from it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from sidebyside.aligning.facts import annotate
from sidebyside.model import Alignment, Group, Passage
from sidebyside.reading.articles import load_articles

SAMPLE = Path(__file__).resolve().parent.parent / "sample_corpus"


def _groups(articles, members_of) -> tuple[Group, ...]:
    groups = []
    for number, members in enumerate(members_of, 1):
        passages = []
        for index, text in members:
            start = articles[index].text.index(text)
            passages.append(Passage(index, start, start + len(text), text, 0.0))
        passages.sort(key=lambda p: (p.article, p.start))
        norms = {" ".join("".join(c if c.isalnum() else " " for c in p.text.casefold()).split()) for p in passages}
        kind = "verbatim" if len(norms) == 1 else "variant"
        # Similarity: a fixed, plausible figure (verbatim 100, else by length ratio).
        sims = []
        for p in passages:
            others = [q for q in passages if q.article != p.article] or passages
            ratio = sum(min(len(p.text), len(q.text)) / max(len(p.text), len(q.text)) for q in others) / len(others)
            sims.append(100.0 if kind == "verbatim" else round(100 * ratio, 1))
        passages = [replace(p, similarity=s) for p, s in zip(passages, sims)]
        groups.append(Group(f"g{number}", kind, False, tuple(passages)))
    return tuple(groups)


def sample_story(articles=None) -> Alignment:
    """The sample corpus's gold passages as five groups, annotated."""
    articles = tuple(articles if articles is not None else load_articles([str(SAMPLE)]))
    gold = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
    names = [a.path.name for a in articles]
    members_of = [[(names.index(m["file"]), m["text"]) for m in g["members"]] for g in gold["groups"]]
    alignment = annotate(Alignment(articles, _groups(articles, members_of)))
    return replace(
        alignment, groups=tuple(replace(g, quote=any(p.quoted for p in g.passages)) for g in alignment.groups)
    )


def fixed_aligner(alignment: Alignment):
    """An ``aligner=`` for :class:`SideBySideApp` that returns ``alignment``."""

    def aligner(articles, options=None, progress=None):
        if progress is not None:
            progress(1, 1)
        return alignment

    return aligner


def ten_outlets(tmp_path: Path) -> tuple[list, Alignment]:
    """Ten articles (the sample twice, the copies under other outlets and
    dates), and the sample story's groups carried by both copies."""
    articles = load_articles([str(SAMPLE)])
    copies = []
    for i, article in enumerate(articles):
        target = tmp_path / f"copy-{article.path.name}"
        target.write_text(article.text + "\n", encoding="utf-8")
        copy = replace(article, path=target, outlet=f"Wire copy {i + 1}", text=article.text + "\n")
        copies.append(copy)
    everything = [*articles, *copies]
    dates = [f"2022-10-{20 + i:02d}" for i in range(len(everything))]
    everything = [replace(a, date=d) for a, d in zip(everything, dates)]
    base = sample_story(articles)
    n = len(articles)
    groups = []
    for g in base.groups:
        doubled = list(g.passages) + [replace(p, article=p.article + n) for p in g.passages if p.article % 2 == 0]
        groups.append(replace(g, passages=tuple(sorted(doubled, key=lambda p: (p.article, p.start)))))
    alignment = annotate(Alignment(tuple(everything), tuple(groups)))
    return everything, alignment
