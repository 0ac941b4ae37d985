"""Reuse found, measured the PAN way.  Run: python benchmarks/bench_reuse.py

Copies of passages from source texts (the sample corpus and the news-like
texts in tests/data/news) are put among paragraphs of an unrelated text, as
in the PAN text-alignment corpora, after one kind of obfuscation:

- none: the passage as it is;
- line breaks: hard-wrapped at 50–70 columns / its paragraph breaks moved
  to other sentence ends;
- shuffled: neighbouring words swapped, at 10% / 25% of the words;
- replaced: content words replaced by words of another text, 10% / 25%;
- dropped: words dropped, 10% / 25%;
- mixed: all three at once, 5% / 15% each (PAN's "low" and "high").

Each suspicious document is aligned with its source (``align``, default
options); every pair of versions of one group, one in each, is a detection.
Prints per kind PAN's character precision, recall, granularity (goal 1.0:
one detection per reused passage) and plagdet (benchmarks/pan.py), then how
many of the known edits of tests/edits.py come out as readers need them.

``--tree DIR`` measures the sidebyside package in DIR instead (e.g. an older
checkout from ``git archive``), for before-and-after figures.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent


def _setup_path(tree: Path | None) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(tree.resolve() if tree else ROOT))


# A sentence ends after . ! or ? (and a closing quote), before a capital.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?=\s+[\"“‘(\[]?[A-Z0-9])")
STOP = {"the", "a", "an", "of", "to", "in", "and", "or", "on", "for", "at", "by", "with", "that", "is", "was"}


def body_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of one-line paragraphs of 25 words or more."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if len(m.group().split()) >= 25:
            out.append((m.start(), m.end()))
    return out


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, s = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        spans.append((s, m.end()))
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    spans.append((s, end))
    return [(a, b) for a, b in spans if b > a]


def pick_passages(text: str, rnd: random.Random, count: int = 2) -> list[tuple[int, int]]:
    """``count`` passages of the text, each a run of whole sentences of
    35–120 words; one in two runs on into the next paragraph."""
    paras = body_paragraphs(text)
    rnd.shuffle(paras)
    chosen: list[tuple[int, int]] = []
    for p0, p1 in paras:
        if any(a < p1 + 200 and p0 - 200 < b for a, b in chosen):
            continue
        sentences = sentence_spans(text, p0, p1)
        first = rnd.randrange(len(sentences))
        start, end = sentences[first][0], sentences[first][1]
        for _, s1 in sentences[first + 1 :]:
            if len(text[start:end].split()) >= 35:
                break
            end = s1
        if len(text[start:end].split()) < 35:
            start = sentences[0][0]
            end = p1
        if rnd.random() < 0.5:  # run on into the next paragraph, if it is body text
            following = [(a, b) for a, b in body_paragraphs(text) if a > end and not text[end:a].strip("\n ")]
            if following:
                nxt = sentence_spans(text, *following[0])[0]
                end = nxt[1]
        if len(text[start:end].split()) > 160:
            continue
        chosen.append((start, end))
        if len(chosen) == count:
            break
    return sorted(chosen)


# --- obfuscations ---------------------------------------------------------------------


def rewrap(passage: str, rnd: random.Random) -> str:
    lines, line = [], ""
    width = rnd.randint(50, 70)
    for word in passage.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def move_breaks(passage: str, rnd: random.Random) -> str:
    """Paragraph breaks taken out, one put in at another sentence end (or
    mid-passage, if it is one sentence)."""
    flat = " ".join(passage.split())
    ends = [m.end() for m in _SENTENCE_END.finditer(flat)]
    if ends:
        cut = rnd.choice(ends)
    else:
        cut = flat.index(" ", len(flat) // 2)
    return flat[:cut] + "\n\n" + flat[cut:].lstrip()


def shuffle_words(words: list[str], rate: float, rnd: random.Random) -> list[str]:
    words = list(words)
    for i in range(len(words) - 1):
        if rnd.random() < rate:
            words[i], words[i + 1] = words[i + 1], words[i]
    return words


def replace_words(words: list[str], rate: float, rnd: random.Random, vocabulary: list[str]) -> list[str]:
    return [rnd.choice(vocabulary) if w.lower() not in STOP and rnd.random() < rate else w for w in words]


def drop_words(words: list[str], rate: float, rnd: random.Random) -> list[str]:
    return [w for w in words if rnd.random() >= rate] or words[:1]


Obfuscate = Callable[[str, random.Random, list[str]], str]


def _words(fn: Callable[[list[str], random.Random, list[str]], list[str]]) -> Obfuscate:
    return lambda passage, rnd, vocabulary: " ".join(fn(passage.split(), rnd, vocabulary))


OBFUSCATIONS: dict[str, Obfuscate] = {
    "none": lambda p, rnd, v: p,
    "line breaks: hard-wrapped": lambda p, rnd, v: rewrap(p, rnd),
    "line breaks: paragraphs moved": lambda p, rnd, v: move_breaks(p, rnd),
    "shuffled 10%": _words(lambda w, rnd, v: shuffle_words(w, 0.10, rnd)),
    "shuffled 25%": _words(lambda w, rnd, v: shuffle_words(w, 0.25, rnd)),
    "replaced 10%": _words(lambda w, rnd, v: replace_words(w, 0.10, rnd, v)),
    "replaced 25%": _words(lambda w, rnd, v: replace_words(w, 0.25, rnd, v)),
    "dropped 10%": _words(lambda w, rnd, v: drop_words(w, 0.10, rnd)),
    "dropped 25%": _words(lambda w, rnd, v: drop_words(w, 0.25, rnd)),
    "mixed low (5% each)": _words(
        lambda w, rnd, v: drop_words(replace_words(shuffle_words(w, 0.05, rnd), 0.05, rnd, v), 0.05, rnd)
    ),
    "mixed high (15% each)": _words(
        lambda w, rnd, v: drop_words(replace_words(shuffle_words(w, 0.15, rnd), 0.15, rnd, v), 0.15, rnd)
    ),
}


def sources() -> list[Path]:
    return sorted((ROOT / "sample_corpus").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "news").glob("*.txt"))


def build(kind: str, source: Path, fillers: list[Path], seed: int):
    """(source text, suspicious text, [(susp span, source span)]) for one
    suspicious document: two obfuscated passages of ``source`` among the
    paragraphs of an unrelated text."""
    rnd = random.Random(f"{kind}/{source.name}/{seed}")
    text = source.read_text(encoding="utf-8")
    filler_path = rnd.choice([f for f in fillers if f != source])
    filler = filler_path.read_text(encoding="utf-8")
    filler_paras = [filler[a:b] for a, b in body_paragraphs(filler)]
    vocabulary = [w for w in re.findall(r"[A-Za-z]{4,}", filler) if w.lower() not in STOP]
    passages = pick_passages(text, rnd)
    slots = sorted(rnd.sample(range(1, len(filler_paras)), k=len(passages)))
    parts: list[str] = [filler.split("\n", 1)[0]]  # the unrelated text's headline
    cases = []
    offset = len(parts[0]) + 2
    k = 0
    for i, para in enumerate(filler_paras):
        if k < len(passages) and i == slots[k]:
            start, end = passages[k]
            copy = OBFUSCATIONS[kind](text[start:end], rnd, vocabulary)
            cases.append(((offset, offset + len(copy)), (start, end)))
            parts.append(copy)
            offset += len(copy) + 2
            k += 1
        parts.append(para)
        offset += len(para) + 2
    return text, "\n\n".join(parts) + "\n", cases


def measure_pan(seeds: int) -> None:
    from pan import Case, score

    from sidebyside.aligning.align import align
    from sidebyside.reading.articles import article_from_text

    paths = sources()
    fillers = sorted((ROOT / "tests" / "data" / "news").glob("*.txt"))
    print(f"PAN text alignment: {len(paths)} source texts x {seeds} seed(s), 2 reused passages each, per obfuscation")
    columns = ("cases", "detect", "prec", "recall", "gran", "plagdet")
    print(f"  {'obfuscation':30s} " + " ".join(f"{c:>{max(5, len(c))}s}" for c in columns))
    for kind in OBFUSCATIONS:
        cases, detections = [], []
        for seed in range(seeds):
            for source in paths:
                src_text, susp_text, spans = build(kind, source, fillers, seed)
                susp_name = f"susp-{source.stem}-{seed}"
                src_name = f"src-{source.stem}"
                for (s0, s1), (r0, r1) in spans:
                    cases.append(Case(susp_name, s0, s1, src_name, r0, r1))
                # source first, by path too: article 0 is the source
                src = article_from_text(Path(f"/pan/a-{source.name}"), src_text)
                susp = article_from_text(Path(f"/pan/b-{source.name}"), susp_text)
                for group in align([src, susp]).groups:
                    in_src = [p for p in group.passages if p.article == 0]
                    in_susp = [p for p in group.passages if p.article == 1]
                    for p in in_susp:
                        for q in in_src:
                            detections.append(Case(susp_name, p.start, p.end, src_name, q.start, q.end))
        s = score(cases, detections)
        print(
            f"  {kind:30s} {s.cases:5d} {s.detections:6d} {s.precision:6.3f} {s.recall:6.3f}"
            f" {s.granularity:5.2f} {s.plagdet:7.3f}"
        )


def measure_edits() -> None:
    from edits import KINDS, edits, problem

    from sidebyside.aligning.align import align
    from sidebyside.reading.articles import article_from_text

    print("known edits (tests/edits.py): inside one variant group, edited words in both passages")
    total_ok = total = 0
    for kind in KINDS:
        ok = n = 0
        for edit in edits(kind):
            a = article_from_text(Path("/edits/a-original.txt"), edit.original)
            b = article_from_text(Path("/edits/b-edited.txt"), edit.edited)
            n += 1
            ok += problem(edit, align([a, b])) is None
        total_ok += ok
        total += n
        print(f"  {kind:20s} {ok:3d} of {n:3d}")
    print(f"  {'all':20s} {total_ok:3d} of {total:3d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=2, help="suspicious documents per source and kind (default 2)")
    parser.add_argument("--tree", type=Path, help="measure the sidebyside package in this folder instead")
    args = parser.parse_args()
    _setup_path(args.tree)
    import sidebyside

    print(f"sidebyside from {Path(sidebyside.__file__).parent}")
    measure_pan(args.seeds)
    measure_edits()


if __name__ == "__main__":
    main()
