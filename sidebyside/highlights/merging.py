"""Merging loaded highlights into the current alignment (:func:`apply`)."""

from __future__ import annotations

from dataclasses import replace

from ..aligning.tokens import normalise
from ..model import Alignment, Group, Kept, Passage, overlap
from .loading import Loaded


def _same_site(p: Passage, q: Passage) -> int:
    """Overlap of two passages of one article when it is most of the shorter, else 0."""
    if p.article != q.article:
        return 0
    ov = overlap(p.start, p.end, q.start, q.end)
    shorter = min(p.end - p.start, q.end - q.start)
    return ov if ov and ov >= 0.5 * shorter else 0


def _join_notes(a: str, b: str) -> str:
    if not a or a == b:
        return b
    if not b:
        return a
    return f"{a}\n\n{b}"


def apply(loaded: Loaded, alignment: Alignment) -> tuple[Alignment, Kept]:
    """Merge loaded highlights into an alignment of the same articles.

    Each saved group is matched to the current group that shares most of
    its passages (same article, overlapping by at least half of the shorter
    span): that group is kept with the saved note, and any saved passage it
    lacks is added to it so nothing saved disappears from view.  A saved
    group that matches no current group (the thresholds changed, say) is
    added as an extra group with a new id ``s1``, ``s2``, … (it may have a
    single passage when the other versions could not be found).  Groups
    stay in reading order.  A group loaded unkept (from a file with no kept
    marks) is merged the same way, and not kept.

    Returns the new alignment (``dataclasses.replace``) and the kept mapping
    keyed by its group ids.  ``alignment.articles`` must include the
    articles ``loaded`` was loaded with (``ValueError`` otherwise).
    """
    index: dict[int, int] = {}
    for i, article in enumerate(loaded.articles):
        for j, current in enumerate(alignment.articles):
            if current is article or (current.sha256 == article.sha256 and current.path == article.path):
                index[i] = j
                break
        else:
            raise ValueError(f"{article.path}: not among the alignment's articles")
    groups = list(alignment.groups)
    position = {g.id: n for n, g in enumerate(groups)}
    used_ids = {g.id for g in groups}
    kept: Kept = {}
    extra = 0
    for saved in loaded.groups:
        passages = [replace(p, article=index[p.article]) for p in saved.passages]
        best, best_score = None, 0
        for g in groups:
            score = sum(max((_same_site(p, q) for q in g.passages), default=0) for p in passages)
            if score > best_score:
                best, best_score = g, score
        if best is not None:
            lacking = [p for p in passages if not any(_same_site(p, q) for q in best.passages)]
            if lacking:
                merged = tuple(sorted(best.passages + tuple(lacking), key=lambda q: (q.article, q.start, q.end)))
                best = replace(best, passages=merged)
                groups[position[best.id]] = best
            if saved.kept:
                kept[best.id] = _join_notes(kept.get(best.id, ""), saved.note)
            continue
        extra += 1
        while f"s{extra}" in used_ids:
            extra += 1
        gid = f"s{extra}"
        used_ids.add(gid)
        kind = "verbatim" if len({normalise(p.text) for p in passages}) == 1 and len(passages) > 1 else "variant"
        group = Group(gid, kind, saved.quote, tuple(sorted(passages, key=lambda q: (q.article, q.start, q.end))))
        position[gid] = len(groups)
        groups.append(group)
        if saved.kept:
            kept[gid] = saved.note
    # Reading order, as align() orders groups: articles by path, then offset.
    rank = {
        j: r
        for r, j in enumerate(
            sorted(
                range(len(alignment.articles)),
                key=lambda j: (str(alignment.articles[j].path), alignment.articles[j].sha256),
            )
        )
    }
    groups.sort(key=lambda g: min((rank[p.article], p.start) for p in g.passages))
    return replace(alignment, groups=tuple(groups)), kept
