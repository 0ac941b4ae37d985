"""A fixed alignment of the sample corpus, for the app's tests and snapshots.

The app tests are about the app: they run on this alignment (given through
``SideBySideApp(..., aligner=...)``), written down once from the aligner's
output, so that work on the engine never changes what they see.  The engine
has its own tests (``test_align_*``).

Regenerate it only on purpose (say the sample corpus or the result model
changed), and look at what changed in the app's snapshots then::

    python3 tests/sample_alignment.py
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, fields
from pathlib import Path

from sidebyside.aligning.options import AlignOptions
from sidebyside.model import Alignment, Change, Group, Passage
from sidebyside.reading.articles import Article

PATH = Path(__file__).parent / "data" / "sample_alignment.json"


def _passage(record: dict) -> Passage:
    return Passage(**record)


def _change(record: dict) -> Change:
    spans = {k: tuple(v) for k in ("span", "ref_span") if (v := record.get(k)) is not None}
    return Change(**{**record, **spans})


def _group(record: dict) -> Group:
    nested = {
        "passages": tuple(_passage(p) for p in record["passages"]),
        "changes": tuple(_change(c) for c in record.get("changes", ())),
        "repeats": tuple(_passage(p) for p in record.get("repeats", ())),
    }
    names = {f.name for f in fields(Group)}
    return Group(**{**{k: v for k, v in record.items() if k in names}, **nested})


def load(articles: list[Article] | tuple[Article, ...]) -> Alignment:
    """The fixed alignment, over ``articles`` (the sample corpus, in the
    order :func:`~sidebyside.reading.articles.load_articles` gives it)."""
    data = json.loads(PATH.read_text(encoding="utf-8"))
    names = [a.path.name for a in articles]
    if names != data["articles"]:
        raise ValueError(f"{PATH.name} is for the articles {data['articles']}, not {names}")
    groups = tuple(_group(g) for g in data["groups"])
    for group in groups:
        for p in group.passages:
            if articles[p.article].text[p.start : p.end] != p.text:
                raise ValueError(
                    f"{PATH.name}: {group.id} no longer matches {names[p.article]}'s text; "
                    "the sample corpus or its reading changed: regenerate it (python3 tests/sample_alignment.py)"
                )
    return Alignment(tuple(articles), groups, AlignOptions(**data["options"]))


def aligner(articles, options=None, progress=None) -> Alignment:
    """An aligner for ``SideBySideApp(aligner=...)``: the fixed alignment,
    whatever the options (it reports its one step done, as the aligner does)."""
    alignment = load(list(articles))
    if progress is not None:
        progress(1, 1)
    return alignment


def freeze() -> None:
    """Write the aligner's output on the sample corpus (default options) to :data:`PATH`."""
    from sidebyside.aligning.align import align
    from sidebyside.reading.articles import load_articles

    articles = load_articles()
    alignment = align(articles, AlignOptions())
    data = {
        "articles": [a.path.name for a in articles],
        "options": asdict(alignment.options),
        "groups": [asdict(g) for g in alignment.groups],
    }
    PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {PATH} ({len(alignment.groups)} groups)", file=sys.stderr)


if __name__ == "__main__":
    freeze()
