"""Known edits: an article and a copy of it with one edit a reader must see.

Each edit changes one sentence of a body paragraph the way outlets and
re-crawls change copy — a number, a name, a date, a negation, a word swapped
for another, a phrase deleted, a clause inserted, a sentence's ending or
start rewritten, a sentence split across a paragraph break — and then the
copy's paragraphs are shuffled (the first, the headline, stays first), so
the aligner has to find the passage wherever it went, and a passage can run
on only over the paragraphs that both texts have in the same order.

:func:`edits` yields an :class:`Edit` per source text for a kind: both texts
and the span of the edited words in each.  Where a side has no words of its
own (the words a deletion dropped, the place a clause went in), its span is
the gap between the two words around the edit, so a passage holds it only
when it runs over the edit with words on both sides.

The sources are the sample corpus and the news-like texts in
``tests/data/news``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sidebyside.model import Alignment

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "sample_corpus").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "news").glob("*.txt"))

KINDS = (
    "number",
    "name",
    "date",
    "negation",
    "swapped word",
    "deleted phrase",
    "inserted clause",
    "rewritten ending",
    "rewritten start",
    "split sentence",
)


@dataclass(frozen=True)
class Edit:
    kind: str
    source: str  # the source text's file name
    original: str
    edited: str
    original_span: tuple[int, int]  # the edited words in the original
    edited_span: tuple[int, int]  # … and in the edited copy
    before: str  # the sentence as it was
    after: str  # … and as edited
    # The run of paragraphs around the edit that both texts have in the same
    # order, in each: the text goes on in both only inside it.
    original_block: tuple[int, int]
    edited_block: tuple[int, int]

    def describe(self) -> str:
        return f"{self.kind} in {self.source}: {self.before!r} -> {self.after!r}"


# --- texts, paragraphs, sentences, words ------------------------------------------

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")  # a run of non-blank lines
# A sentence ends after . ! or ? (and a closing quote), before a capital.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?=\s+[\"“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"\S+")
_TRAILING = re.compile(r"[.,;:!?\"”’)]+$")


@dataclass
class _Sentence:
    paragraph: int  # index in the paragraph list
    start: int  # offsets inside the paragraph
    end: int
    words: list[tuple[int, int]]  # word spans inside the paragraph, trailing punctuation left out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def _sentences(paragraph_text: str, number: int) -> list[_Sentence]:
    out = []
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph_text):
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(paragraph_text)))
    for s_start, s_end in bounds:
        while s_start < s_end and paragraph_text[s_start].isspace():
            s_start += 1
        words = []
        for w in _WORD.finditer(paragraph_text, s_start, s_end):
            end = w.start() + len(_TRAILING.sub("", w.group()))
            if end > w.start():
                words.append((w.start(), end))
        if words:
            out.append(_Sentence(number, s_start, s_end, words))
    return out


def _body_sentences(text: str, paras: list[tuple[int, int]]) -> list[_Sentence]:
    """Sentences of 14 words or more in paragraphs of one line and 20 words
    or more (body copy, not page furniture), that occur once in the text."""
    found = []
    for number, (start, end) in enumerate(paras):
        body = text[start:end]
        if number == 0 or "\n" in body or len(body.split()) < 20:
            continue
        for sentence in _sentences(body, number):
            words = body[sentence.start : sentence.end]
            if len(sentence.words) >= 14 and text.count(words.strip()) == 1:
                found.append(sentence)
    return found


# --- the edits: each returns (paragraph's new text, span in old, span in new) or None -------

Change = tuple[str, tuple[int, int], tuple[int, int]]

_NAMES = ["Harrison", "Morales", "Kowalski", "Fontaine", "Nakamura"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_NOT_NAMES = {*_DAYS, *_MONTHS, "The", "This", "That", "His", "Her", "Their", "But", "And", "President",
              "Minister", "Foreign", "Russian", "Western", "American", "European", "Ukrainian", "National",
              "Dr", "Mr", "Mrs", "Ms", "Inspector", "Detective", "City", "Councillor", "Regional"}
_AUXILIARIES = {"is", "was", "are", "were", "will", "would", "could", "can", "has", "had", "have",
                "should", "did", "does", "do", "must", "might"}
_SWAPS = {
    "reducing": "ending", "ready": "willing", "talks": "negotiations", "negotiations": "talks",
    "said": "stated", "reported": "announced", "found": "discovered", "expected": "predicted",
    "several": "many", "certain": "particular", "large": "big", "small": "little", "sharp": "harsh",
    "major": "significant", "warned": "cautioned", "asked": "requested", "believes": "thinks",
    "repeatedly": "often", "statement": "remarks", "recovered": "retrieved", "promised": "pledged",
}
_CLAUSES = [", officials said on Monday,", ", according to a statement,", ", as expected,"]
_ENDINGS = ["at a later stage", "in the coming weeks", "without any further delay"]
_STARTS = ["In a later interview", "Speaking to reporters", "On the same day"]


def _replace(body: str, span: tuple[int, int], new: str) -> Change:
    start, end = span
    return body[:start] + new + body[end:], span, (start, start + len(new))


def _inner(s: _Sentence, margin: int = 3) -> list[int]:
    return list(range(margin, len(s.words) - margin))


def _number(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    for i in _inner(s, 1):
        word = body[slice(*s.words[i])]
        if re.fullmatch(r"\d[\d,.]*", word) and not re.fullmatch(r"(19|20)\d\d", word):
            digits = [k for k, ch in enumerate(word) if ch.isdigit()]
            k = digits[0]
            new = word[:k] + str((int(word[k]) + 3) % 9 + 1) + word[k + 1 :]
            return _replace(body, s.words[i], new)
    return None


def _name(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    for i in _inner(s, 1):
        word = body[slice(*s.words[i])]
        bare = re.sub(r"['’]s$", "", word)
        if re.fullmatch(r"[A-Z][a-z]{3,}", bare) and bare not in _NOT_NAMES:
            new = rnd.choice([n for n in _NAMES if n != bare])
            return _replace(body, (s.words[i][0], s.words[i][0] + len(bare)), new)
    return None


def _date(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    for i in _inner(s, 1):
        word = body[slice(*s.words[i])]
        for names in (_DAYS, _MONTHS):
            if word in names:
                return _replace(body, s.words[i], names[(names.index(word) + 1) % len(names)])
        if re.fullmatch(r"(19|20)\d\d", word):
            return _replace(body, s.words[i], str(int(word) - 1))
    return None


def _negation(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    for i in _inner(s, 2):
        word = body[slice(*s.words[i])]
        following = body[slice(*s.words[i + 1])]
        if word.lower() in _AUXILIARIES and following.lower() not in ("not", "never", "no"):
            return _replace(body, s.words[i], word + " not")
    return None


def _swapped(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    for i in _inner(s):
        word = body[slice(*s.words[i])]
        if word in _SWAPS:
            return _replace(body, s.words[i], _SWAPS[word])
    return None


def _deleted(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    inner = _inner(s, 4)
    if len(inner) < 4:
        return None
    i = rnd.choice(inner[:-3])
    n = rnd.randint(2, 3)
    start, end = s.words[i][0], s.words[i + n][0]  # the words and the space after them
    new_body = body[:start] + body[end:]
    return new_body, (start, end), (s.words[i - 1][1], start)


def _inserted(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    for i in rnd.sample(_inner(s, 4), k=len(_inner(s, 4))):
        end = s.words[i][1]
        if body[end] != " ":
            continue  # after a word with punctuation of its own
        clause = rnd.choice(_CLAUSES)
        new_body = body[:end] + clause + body[end:]
        return new_body, (end, s.words[i + 1][0]), (end, end + len(clause) + 1)
    return None


def _ending(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    span = (s.words[-3][0], s.words[-1][1])
    return _replace(body, span, rnd.choice(_ENDINGS))


def _start(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    first = body[slice(*s.words[0])]
    if not first[:1].isupper():
        return None
    # the first two words for a phrase of three or four
    return _replace(body, (s.words[0][0], s.words[1][1]), rnd.choice(_STARTS))


def _split(body: str, s: _Sentence, rnd: random.Random) -> Change | None:
    i = rnd.choice(_inner(s, 5))
    gap = (s.words[i][1], s.words[i + 1][0])
    if body[gap[0] : gap[1]] != " ":
        return None
    new_body = body[: gap[0]] + "\n\n" + body[gap[1] :]
    # the words on both sides of the break
    return new_body, (s.words[i][0], s.words[i + 1][1]), (s.words[i][0], s.words[i + 1][1] + 1)


_EDITS = {
    "number": _number,
    "name": _name,
    "date": _date,
    "negation": _negation,
    "swapped word": _swapped,
    "deleted phrase": _deleted,
    "inserted clause": _inserted,
    "rewritten ending": _ending,
    "rewritten start": _start,
    "split sentence": _split,
}


def make_edit(kind: str, path: Path, seed: int = 0) -> Edit | None:
    """One edit of ``kind`` in the text at ``path``, its paragraphs shuffled;
    None when the text has no sentence the edit applies to."""
    text = path.read_text(encoding="utf-8")
    rnd = random.Random(f"{kind}/{path.name}/{seed}")
    paras = _paragraphs(text)
    sentences = _body_sentences(text, paras)
    rnd.shuffle(sentences)
    for s in sentences:
        p0, p1 = paras[s.paragraph]
        body = text[p0:p1]
        change = _EDITS[kind](body, s, rnd)
        if change is None:
            continue
        new_body, old_span, new_span = change
        sentence_end = s.end + len(new_body) - len(body)
        units = [text[a:b] for a, b in paras]
        units[s.paragraph] = new_body
        order = list(range(1, len(units)))
        rnd.shuffle(order)
        order = [0, *order]
        starts, offset = {}, 0
        for k in order:
            starts[k] = offset
            offset += len(units[k]) + 2
        edited = "\n\n".join(units[k] for k in order) + "\n"
        at = starts[s.paragraph]
        # The paragraphs around the edited one that follow each other in both.
        q = lo = hi = order.index(s.paragraph)
        while lo > 0 and order[lo - 1] == order[lo] - 1:
            lo -= 1
        while hi + 1 < len(order) and order[hi + 1] == order[hi] + 1:
            hi += 1
        first, last = order[lo], order[hi]
        assert order[q] == s.paragraph
        return Edit(
            kind,
            path.name,
            text,
            edited,
            (p0 + old_span[0], p0 + old_span[1]),
            (at + new_span[0], at + new_span[1]),
            body[s.start : s.end],
            new_body[s.start : sentence_end],
            (paras[first][0], paras[last][1]),
            (starts[first], starts[last] + len(units[last])),
        )
    return None


def _short(text: str, keep: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 2 * keep else f"{text[:keep]} … {text[-keep:]}"


def _inside(span: tuple[int, int], start: int, end: int) -> bool:
    return start <= span[0] and span[1] <= end


def problem(edit: Edit, alignment: Alignment) -> str | None:
    """What is wrong with how the edit came out of aligning [original,
    edited], or None: one group holds the edited words of the copy, its
    passages hold them in both versions, run on only over paragraphs both
    have in this order, and the group is a variant (a split sentence, the same
    words once whitespace is folded, may be verbatim)."""
    holding = [
        g
        for g in alignment.groups
        if any(p.article == 1 and p.start < edit.edited_span[1] and edit.edited_span[0] < p.end for p in g.passages)
    ]
    if not holding:
        return "no group holds the edit"
    if len(holding) > 1:
        return f"{len(holding)} groups hold the edit: " + " | ".join(
            _short(p.text) for g in holding for p in g.passages if p.article == 1
        )
    group = holding[0]
    original = [p for p in group.passages if p.article == 0 and _inside(edit.original_span, p.start, p.end)]
    edited = [p for p in group.passages if p.article == 1 and _inside(edit.edited_span, p.start, p.end)]
    shown = " | ".join(f"{p.article}: {_short(p.text)}" for p in group.passages)
    if not original or not edited:
        side = "either version" if not original and not edited else "the original" if not original else "the copy"
        return f"the edited words are not inside the passage in {side}: {shown}"
    for p, block in ((original[0], edit.original_block), (edited[0], edit.edited_block)):
        if not _inside((p.start, p.end), *block):
            return f"a passage runs past the paragraphs both versions have in this order: {shown}"
    if edit.kind != "split sentence" and group.kind != "variant":
        return f"{group.kind} group: {shown}"
    return None


def edits(kind: str, seed: int = 0) -> Iterator[Edit]:
    """One edit of ``kind`` per source text that has a place for it."""
    for path in SOURCES:
        edit = make_edit(kind, path, seed)
        if edit is not None:
            yield edit
