"""What each version of a passage says about who said it, and how the versions differ.

A separate step after aligning (:func:`annotate`), working from the result
model and the articles' texts only, so a saved file reopened without the
aligner gets the same facts.

Per passage:

* ``quoted`` — the version is a direct quote, or carries one: at least half
  of its words stand inside quotation marks in its own article, or a quoted
  stretch of five words or more does.
* ``speaker`` — whom its article attributes it to: the subject of a speech
  verb ("Lavrov said", "Putin told Rossiya-1", "said the minister"),
  "according to …", "Quote from …:", in the sentence that holds the passage
  (for a quote, the sentence of the quotation, which may run over several
  sentences).  The outermost attribution wins ("the top diplomat noted that
  Putin had said …" is the top diplomat's).  A role ("the top diplomat",
  "the Russian foreign minister") or a pronoun is resolved to the name the
  article gives that role or last named; a person is given by surname.  A
  quoted or first-person paragraph with no attribution takes the speaker of
  the paragraph before it.  None when nothing in the text says.

Per group, ``changes``: every version is compared word by word with the
group's most common wording (as :mod:`sidebyside.wording` does), and each
difference is classified, the first rule that fits:

* ``negation`` — a "not", "never", "no" … whose scope (the next content
  word) the other side does not negate;
* ``date`` — month and day names, years, "yesterday" …;
* ``number`` — digits and number words;
* ``name`` — a capitalised word (not at a sentence start) the other side lacks;
* ``attribution`` — speech and hedging words ("said", "according to",
  "allegedly"), and versions attributed to different speakers;
* ``quote-paraphrase`` — words both versions share, quoted in one and not in
  the other (a scare quote too: "ready" against ready);
* ``added`` / ``dropped`` — words only the version / only the reference has;
* ``other`` — any other replaced words.

Date, number and name apply to replaced words only: a version that leaves
out a date drops it, it does not contradict it.  The kinds above ``added``
are the *material* ones; a group's flags are the material kinds among its
changes (:attr:`sidebyside.model.Group.flags`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..model import MATERIAL, Alignment, Change, ChangeKind, Group, Passage
from .documents import quoted_spans
from .tokens import STOPWORDS, key_of, normalise, tokenize

if TYPE_CHECKING:
    from ..reading.articles import Article

# --- word lists -----------------------------------------------------------------------

SPEECH_VERBS = frozenset(
    """
    said says told tells added adds noted notes stressed stresses stated states reported reports
    insisted insists recalled recalls explained explains claimed claims argued argues warned warns
    announced announces declared declares reiterated reiterates asserted asserts remarked remarks
    wrote writes tweeted tweets alleged alleges signalled signaled signals suggested suggests
    confirmed confirms emphasised emphasized emphasises emphasizes acknowledged acknowledges
    admitted admits denied denies cited quoted vowed vows urged urges maintained maintains
    """.split()
)
_SKIP_BEFORE_VERB = frozenset(
    """
    has had have also was is were are reportedly repeatedly later earlier further then previously once
    again recently publicly would will had has already just since first again
    """.split()
)
_PRONOUNS = frozenset({"he", "she"})
_RELATIVE = frozenset({"who"})
_TITLES = frozenset(
    """
    president foreign minister prime secretary state spokesman spokeswoman spokesperson director
    leader chancellor senator rep mr mrs ms dr general gen top diplomat chief adviser advisor
    ambassador deputy vice defence defense interior press head commander former us u.s uk
    russian russia ukrainian ukraine american british french german chinese kremlin white house
    of the cia fbi nato un eu
    """.split()
)
_ROLE_ALIASES = {
    "diplomat": ("diplomat", "foreign minister"),
    "minister": ("minister",),
    "president": ("president",),
    "spokesman": ("spokesman", "spokesperson", "spokeswoman"),
    "spokeswoman": ("spokeswoman", "spokesperson", "spokesman"),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
    "secretary": ("secretary",),
    "director": ("director",),
    "adviser": ("adviser", "advisor"),
    "advisor": ("advisor", "adviser"),
    "chancellor": ("chancellor",),
    "leader": ("leader", "president"),
    "ambassador": ("ambassador",),
}
_NEGATIONS = frozenset("not no never none nobody nothing neither nor cannot without hardly".split())
_NUMBER_WORDS = frozenset(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    hundreds thousand thousands million millions billion billions trillion dozen dozens first second
    third fourth fifth sixth seventh eighth ninth tenth half twice once percent several
    """.split()
)
_DATE_WORDS = frozenset(
    """
    january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    today yesterday tomorrow tonight week weekend month year morning evening night
    """.split()
)
# Words that change who vouches for a statement (a speech verb alone does not:
# which speaker is named is compared separately).
_HEDGES = frozenset(
    """
    according allegedly alleged alleges reportedly claimed claims claim claiming purportedly
    supposedly apparently
    """.split()
)
_FIRST_PERSON = frozenset({"we", "i", "our", "us", "my", "me", "we're", "we’re", "i'm", "i’m"})
_QUOTE_CHARS = "\"“”«»„‘’'"

# A sentence ends at . ! ? (and the closing quotes or brackets after it)
# followed by a space and a capital letter or an opening quote; or at a line end.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘«„']?[A-Z0-9])|\n+")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Rep|Sen|Gen|Col|Lt|No|vs|Jr|Sr|U\.S|U\.K|[A-Z])\.)$")
# A headline ending "…: Lavrov" or "… — Putin" (a name of one to three words, no stop).
_HEADLINE_SPEAKER = re.compile(r"(?:: |\s[–—-]\s)((?:[A-Z][\w’'-]+ ){0,2}[A-Z][\w’'-]+)[ \t]*$", re.MULTILINE)
_STARTS_AFTER = frozenset('.!?:;\n“"«‘')
_PERSON_RE = re.compile(r"\b([A-Z][\w’'-]+) ([A-Z][\w’'-]+)\b(?!['’]s)")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


# --- per article ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Attribution:
    at: int  # where the speech verb (or "according to") is
    speaker: str | None
    after_quote: bool  # right after a quotation closes: it names that quote's speaker


class _Attributions:
    """Who an article says said what: speech verbs, "according to", roles
    resolved to the people holding them.  Part of :class:`_ArticleFacts`,
    kept apart because it is the larger half; it reads the article's text,
    quotations, sentences and paragraphs set up there."""

    text: str
    quoted: list[tuple[int, int]]
    skip: tuple[tuple[int, int], ...]
    paragraphs: list[tuple[int, int]]
    _role_hits: dict[tuple[str, ...], list[tuple[int, str]]]
    _by_paragraph: dict[int, list[_Attribution]]

    def attributions_in(self, paragraph: int) -> list[_Attribution]:
        found = self._by_paragraph.get(paragraph)
        if found is None:
            found = self._by_paragraph[paragraph] = self._attributions(paragraph)
        return found

    def _speaker_before(self, paragraph: int) -> str | None:
        """The last speaker named in the paragraphs before this one (a few back)."""
        for p in range(paragraph - 1, max(-1, paragraph - 12), -1):
            named = [a.speaker for a in self.attributions_in(p) if a.speaker]
            if named:
                return named[-1]
        return None

    def _attributions(self, paragraph: int) -> list[_Attribution]:
        text = self.text
        found: list[_Attribution] = []
        if not 0 <= paragraph < len(self.paragraphs):
            return found
        p_start, p_end = self.paragraphs[paragraph]
        last_speaker: str | None = None  # the last named in this paragraph so far
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, p_start, p_end)]
        starts = [t[0] for t in tokens]
        for i, (s, _end, word) in enumerate(tokens):
            low = word.casefold()
            speaker: str | None = None
            hit = False
            if low in SPEECH_VERBS and word[:1].islower():
                if self.in_quote(s) or self._skipped(s):
                    continue
                hit = True
                speaker = self._subject_before(tokens, i, last_speaker)
                if speaker is None:
                    speaker = self._subject_after(tokens, i)
            elif low == "according" and i + 1 < len(tokens) and tokens[i + 1][2].casefold() == "to":
                if self.in_quote(s) or self._skipped(s):
                    continue
                hit = True
                speaker = self._phrase_after(tokens, i + 2, last_speaker)
            elif low == "quote" and i + 1 < len(tokens) and tokens[i + 1][2].casefold() == "from":
                if self.in_quote(s):
                    continue
                hit = True
                speaker = self._phrase_after(tokens, i + 2, last_speaker)
            if not hit:
                continue
            if speaker is not None:
                last_speaker = speaker
            # Right after a quotation closes (`…," Lavrov said`): that quote's.
            k = bisect.bisect_right(starts, s) - 1
            window_from = tokens[max(0, k - 4)][1] if k >= 1 else 0
            between = text[window_from:s]
            after_quote = any(ch in between for ch in '"”’»') and not any(ch in between for ch in "“«„")
            found.append(_Attribution(s, speaker, after_quote))
        return found

    def _skipped(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.skip)

    def _subject_before(self, tokens, i: int, last_speaker: str | None) -> str | None:
        text = self.text
        j = i - 1
        verb_start = tokens[i][0]
        while j >= 0 and tokens[j][2].casefold() in _SKIP_BEFORE_VERB and not _breaks(text[tokens[j][1] : verb_start]):
            verb_start = tokens[j][0]
            j -= 1
        if j < 0:
            return None
        gap = text[tokens[j][1] : verb_start]
        if _breaks(gap) or any(ch in gap for ch in _QUOTE_CHARS):
            return None
        if "," in gap:
            # "Ned Price, the US State Department spokesman, said": the name
            # before the apposition, else the apposition itself.
            k = j - 1
            while k >= 0 and "," not in text[tokens[k][1] : tokens[k + 1][0] if k + 1 < len(tokens) else verb_start]:
                k -= 1
            if k >= 0 and k < j:
                name = self._name_ending(tokens, k)
                if name:
                    return name
            # "The owner, John Miller, said": the apposition names the speaker.
            return self._resolve_np(tokens, j, last_speaker)
        return self._resolve_np(tokens, j, last_speaker)

    def _subject_after(self, tokens, i: int) -> str | None:
        """`…," said Lavrov` / `, added the minister`."""
        text = self.text
        if i == 0 or i + 1 >= len(tokens):
            return None
        before = text[tokens[i - 1][1] : tokens[i][0]]
        if not any(ch in before for ch in ',"”’'):
            return None
        gap = text[tokens[i][1] : tokens[i + 1][0]]
        if _breaks(gap) or "," in gap:
            return None
        nxt = tokens[i + 1][2]
        if nxt[:1].isupper() and nxt.casefold() not in ("the", "he", "she"):
            end = i + 1
            while (
                end + 1 < len(tokens)
                and tokens[end + 1][2][:1].isupper()
                and text[tokens[end][1] : tokens[end + 1][0]] == " "
            ):
                end += 1
            return self._name_ending(tokens, end)
        if nxt.casefold() == "the":
            return self._phrase_after(tokens, i + 1, None)
        # `," said city engineer Paul Hendricks`: a role, then the name.
        k = i + 1

        def spaced(k: int) -> bool:
            return k < len(tokens) and k - i <= 4 and text[tokens[k - 1][1] : tokens[k][0]] == " "

        while spaced(k) and tokens[k][2][:1].islower():
            k += 1
        if spaced(k) and tokens[k][2][:1].isupper():
            end = k
            while (
                end + 1 < len(tokens)
                and tokens[end + 1][2][:1].isupper()
                and text[tokens[end][1] : tokens[end + 1][0]] == " "
            ):
                end += 1
            return self._name_ending(tokens, end)
        return None

    def _phrase_after(self, tokens, i: int, last_speaker: str | None) -> str | None:
        """The noun phrase starting at token ``i`` (up to punctuation)."""
        text = self.text
        end = i
        while end + 1 < len(tokens) and end - i < 6:
            gap = text[tokens[end][1] : tokens[end + 1][0]]
            if gap.strip() or tokens[end + 1][2].casefold() in ("that", "who", "which", "said", "on", "in", "at"):
                break
            end += 1
        if i >= len(tokens):
            return None
        return self._resolve_np(tokens, end, last_speaker, limit=i)

    def _name_ending(self, tokens, j: int) -> str | None:
        """The person or body named by the capitalised run ending at token ``j``."""
        text = self.text
        word = tokens[j][2]
        if not word[:1].isupper():
            return None
        k = j
        while (
            k - 1 >= 0 and tokens[k - 1][2][:1].isupper() and text[tokens[k - 1][1] : tokens[k][0]] in (" ", "\u00a0")
        ):
            if _possessive(tokens[k - 1][2]):
                break
            k -= 1
        words = [tokens[m][2] for m in range(k, j + 1)]
        the = words[0].casefold() == "the" or text[max(0, tokens[k][0] - 4) : tokens[k][0]].casefold() == "the "
        while len(words) > 1 and words[0].casefold().rstrip(".") in _TITLES:
            words.pop(0)
        last = words[-1].casefold()
        if last in ("the", "he", "she", "it", "they", "we", "i") or last in _ROLE_ALIASES:
            return None
        if len(words) == 1 and the:
            return f"the {words[0]}"
        return words[-1]

    def _resolve_np(self, tokens, j: int, last_speaker: str | None, limit: int = 0) -> str | None:
        """Who the noun phrase ending at token ``j`` names."""
        word = tokens[j][2]
        low = word.casefold()
        if low in _PRONOUNS:
            return self._last_person_before(tokens[j][0], last_speaker)
        if low in _RELATIVE:
            return self._name_ending(tokens, j - 1) if j >= 1 else None
        if word[:1].isupper():
            return self._name_ending(tokens, j)
        role = low.rstrip("s") if low.endswith("s") and low[:-1] in _ROLE_ALIASES else low
        if role in _ROLE_ALIASES:
            k = j
            while (
                k - 1 >= max(limit, j - 4)
                and not _possessive(tokens[k - 1][2])
                and tokens[k - 1][2].casefold() not in ("the", "a", "an", "its", "his", "her")
            ):
                k -= 1
            qualifiers = [tokens[m][2].casefold() for m in range(k, j)]
            return self._role_holder(role, qualifiers, tokens[j][0])
        # "The port authority said": a body named by its noun phrase.
        k = j
        while k - 1 >= max(limit, j - 3) and tokens[k - 1][2].casefold() != "the" and tokens[k - 1][2][:1].islower():
            k -= 1
        if k - 1 >= 0 and tokens[k - 1][2].casefold() == "the" and low not in STOPWORDS:
            return "the " + " ".join(tokens[m][2].casefold() for m in range(k, j + 1))
        return None

    def _last_person_before(self, offset: int, last_speaker: str | None) -> str | None:
        """Whom "he" or "she" at ``offset`` is: a person named earlier in its
        sentence, else the last speaker, else the last person named."""
        sentence_start = self.sentence_at(offset)[0]
        if last_speaker is None:
            last_speaker = self._speaker_before(self.paragraph_index(offset))
        for lo, fallback in ((sentence_start, last_speaker), (max(0, offset - 3000), None)):
            names = list(_PERSON_RE.finditer(self.text, lo, offset))
            for m in reversed(names):
                if self.in_quote(m.start()):
                    continue
                if m.group(2).casefold() not in _TITLES and m.group(1).casefold() not in ("the", "in", "on", "at"):
                    return m.group(2)
            if fallback is not None:
                return fallback
        return None

    def _role_hits_of(self, words: tuple[str, ...]) -> list[tuple[int, str]]:
        """Where the article names whoever holds a role ("Foreign Minister
        Sergei Lavrov", "Ned Price, the US State Department spokesman")."""
        found = self._role_hits.get(words)
        if found is None:
            text = self.text
            role_re = r"\s+".join(re.escape(w) for w in words)
            hits = []
            if words[-1] not in text.casefold():
                self._role_hits[words] = []
                return []
            for m in re.finditer(rf"(?i:\b{role_re})\s+((?:[A-Z][\w’'-]+\s+){{0,2}}[A-Z][\w’'-]+)", text):
                hits.append((m.start(), m.group(1).split()[-1]))
            for m in (
                []
                if hits
                else re.finditer(
                    rf"\b([A-Z][\w’'-]+ [A-Z][\w’'-]+), (?:the |a )?[^,.;]{{0,40}}?(?i:\b{role_re})\b", text
                )
            ):
                hits.append((m.start(), m.group(1).split()[-1]))
            found = self._role_hits[words] = sorted(hits)
        return found

    def _role_holder(self, role: str, qualifiers: list[str], at: int) -> str | None:
        aliases = _ROLE_ALIASES[role]
        quals = [q for q in qualifiers if q not in ("top", "the")]
        for phrase_words in ([*quals, *alias.split()] for alias in aliases):
            for use in (phrase_words, phrase_words[-len(phrase_words) + len(quals) :] if quals else None):
                if not use:
                    continue
                hits = self._role_hits_of(tuple(use))
                if hits:
                    k = bisect.bisect_left(hits, (at, ""))
                    return (hits[k - 1] if k else hits[0])[1]
        return None

    def attribution_for(self, start: int, end: int, quoted: bool) -> str | None:
        """Whom the article attributes the passage ``[start, end)`` to."""
        anchor_start, anchor_end = start, end
        if quoted:
            spans = [(s, e) for s, e in self.quoted if s < end and start < e]
            if spans:
                s, e = max(spans, key=lambda q: min(q[1], end) - max(q[0], start))
                anchor_start, anchor_end = s, e
        region_start = self.sentence_at(min(start, anchor_start))[0]
        region_end = self.sentence_at(max(end, anchor_end) - 1)[1] if max(end, anchor_end) > 0 else 0
        inside = [
            a
            for p in range(
                self.paragraph_index(region_start), self.paragraph_index(max(region_start, region_end - 1)) + 1
            )
            for a in self.attributions_in(p)
            if a.speaker is not None and region_start <= a.at < region_end
        ]
        before = [a for a in inside if a.at < anchor_end]
        after = [a for a in inside if a.at >= anchor_end]
        own = [a for a in before if not a.after_quote]
        if own:
            return own[0].speaker
        if after:
            return after[0].speaker
        if before:
            return before[-1].speaker
        para = self.paragraph_index(start)
        # A headline's "…: Lavrov" names its speaker.
        p_start, p_end = self.paragraphs[para] if self.paragraphs else (0, 0)
        headline = _HEADLINE_SPEAKER.search(self.text, p_start, p_end)
        if headline is not None and headline.start() >= end - 1:
            return headline.group(1).split()[-1]
        # No attribution in its sentence: a quotation or first-person
        # paragraph continues the paragraph before it.
        first_person = any(w.casefold() in _FIRST_PERSON for w in _WORD_RE.findall(self.text[start:end]))
        if not (quoted or first_person):
            return None
        # A quoted sentence after `…," said X.` in the same paragraph is X's.
        earlier = [a for a in self.attributions_in(para) if a.speaker is not None and a.at < start]
        if earlier:
            return earlier[-1].speaker
        if para == 0:
            return None
        p = para - 1
        while p >= 0 and self._skipped(self.paragraphs[p][0]):
            p -= 1
        if p < 0:
            return None
        named = [a for a in self.attributions_in(p) if a.speaker is not None]
        return named[-1].speaker if named else None


class _ArticleFacts(_Attributions):
    """Quotations, sentences and attributions of one article, found once."""

    def __init__(self, text: str, skip: tuple[tuple[int, int], ...] = ()) -> None:
        self.text = text
        self.quoted = _mend_quotes(text, quoted_spans(text))
        self._quote_starts = [s for s, _ in self.quoted]
        self.skip = skip
        self._role_hits: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self.sentences = self._sentences()
        self._sentence_starts = [s for s, _ in self.sentences]
        self.paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        # Attributions are found paragraph by paragraph, as passages need them.
        self._by_paragraph: dict[int, list[_Attribution]] = {}

    # where things are

    def in_quote(self, offset: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self._quote_starts, offset) - 1
        if k >= 0 and self.quoted[k][0] <= offset < self.quoted[k][1]:
            return self.quoted[k]
        return None

    def quote_flags(self, offsets: list[int]) -> list[bool]:
        """``in_quote(offset) is not None`` for each of ``offsets`` (in
        increasing order), found in one walk along the quotations."""
        starts, quoted = self._quote_starts, self.quoted
        if not quoted:
            return [False] * len(offsets)
        flags = []
        k = -1  # the last quotation that starts at or before the offset
        last = len(starts) - 1
        for offset in offsets:
            while k < last and starts[k + 1] <= offset:
                k += 1
            flags.append(k >= 0 and offset < quoted[k][1])
        return flags

    def _sentences(self) -> list[tuple[int, int]]:
        """Sentence spans; a sentence end inside a quotation does not end
        the sentence the quotation stands in (a line end always does)."""
        text = self.text
        bounds = [0]
        for m in _SENTENCE_END.finditer(text):
            if "\n" not in m.group():
                if self.in_quote(m.start()) and self.in_quote(m.end() - 1):
                    continue
                if _ABBREVIATIONS.search(text, max(0, m.start() - 5), m.start() + 1):
                    continue
            bounds.append(m.end())
        bounds.append(len(text))
        return [(s, e) for s, e in zip(bounds, bounds[1:]) if e > s]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)
        return self.sentences[k] if self.sentences else (0, len(self.text))

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    # attributions

    def sentence_speakers(self, start: int, end: int) -> list[tuple[int, int, bool, str | None]]:
        """Each sentence of ``[start, end)`` (cut to it): where it is, whether
        it is a quote, and whom the article attributes it to."""
        out = []
        k = max(0, bisect.bisect_right(self._sentence_starts, start) - 1)
        while k < len(self.sentences) and self.sentences[k][0] < end:
            s, e = max(self.sentences[k][0], start), min(self.sentences[k][1], end)
            k += 1
            if e > s and _WORD_RE.search(self.text, s, e):
                quoted, _ = self.quoted_share(s, e)
                out.append((s, e, quoted, self.attribution_for(s, e, quoted)))
        return out

    def quoted_share(self, start: int, end: int) -> tuple[bool, list[bool]]:
        """Is ``[start, end)`` a quote (or does it carry one), and which of its
        words stand inside quotation marks."""
        words = [m.start() for m in _WORD_RE.finditer(self.text, start, end)]
        inside = self.quote_flags(words)
        if not words:
            return False, inside
        longest = run = 0
        for flag in inside:
            run = run + 1 if flag else 0
            longest = max(longest, run)
        return (sum(inside) * 2 >= len(words) or longest >= 5), inside


def _mend_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations with a quotation left open at a paragraph's end mended: the
    next paragraph's first quotation mark closes it (`"…on the table,` /
    `and not one day less," she said`), so the words before that mark are
    quoted and the ones after it are not."""
    out = list(spans)
    for k in range(len(out) - 1):
        s, e = out[k]
        if text[e : e + 1] != "\n" or text[e - 1 : e] in _QUOTE_CHARS:
            continue
        start = e
        while start < len(text) and text[start] in "\n \t":
            start += 1
        s2, e2 = out[k + 1]
        mark = s2 - 1
        if (
            mark >= start
            and text[mark] in "\"”"
            and "\n" not in text[start:mark]
            and not any(ch in _QUOTE_CHARS for ch in text[start:mark])
        ):
            out[k + 1] = (start, mark)
    return [(s, e) for s, e in out if e > s]


def _breaks(gap: str) -> bool:
    return any(ch in gap for ch in ".!?;:\n")


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


# --- changes --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    text: str
    spans: list[tuple[int, int]]
    keys: list[str]  # as the word diff compares them
    stems: list[str]  # as the aligner matches them
    quoted: list[bool]
    initial: list[bool]  # begins a sentence
    title_case: bool  # a headline's Capitalised Words: no telling names apart


def _words(text: str, quoted_of=None) -> _Words:
    """A version's words; ``quoted_of(offsets)`` says for the words at
    those offsets (in order) whether each stands inside quotation marks."""
    tokens = tokenize(text)
    spans = [(t.start, t.end) for t in tokens]
    words = [text[s:e] for s, e in spans]
    keys = [normalise(w) or w.casefold() for w in words]
    stems = [key_of(w) for w in words]
    initial = []
    previous_end = 0
    starts_after = _STARTS_AFTER
    for i, (s, e) in enumerate(spans):
        initial.append(i == 0 or (s > previous_end and not starts_after.isdisjoint(text[previous_end:s])))
        previous_end = e
    capitals = sum(1 for w in words if w[:1].isupper())
    title_case = len(spans) >= 4 and capitals >= 0.6 * len(spans)
    quoted = quoted_of([s for s, _ in spans]) if quoted_of is not None else [False] * len(spans)
    return _Words(text, spans, keys, stems, quoted, initial, title_case)


def _is_negation(word: str) -> bool:
    low = word.casefold()
    return low in _NEGATIONS or low.endswith(("n't", "n’t"))


def _negated(w: _Words) -> Counter[str]:
    """What the version negates: the key of the content word after each negation."""
    out: Counter[str] = Counter()
    n = len(w.spans)
    for i, (s, e) in enumerate(w.spans):
        if _is_negation(w.text[s:e]):
            k = i + 1
            while k < n and (w.keys[k] in STOPWORDS or _is_negation(w.text[w.spans[k][0] : w.spans[k][1]])):
                k += 1
            out[w.stems[k] if k < n else ""] += 1
    return out


def _scope_negations(w: _Words, lo: int, hi: int) -> set[str]:
    out = set()
    n = len(w.spans)
    for i in range(lo, hi):
        s, e = w.spans[i]
        if _is_negation(w.text[s:e]):
            k = i + 1
            while k < n and (w.keys[k] in STOPWORDS or _is_negation(w.text[w.spans[k][0] : w.spans[k][1]])):
                k += 1
            out.add(w.stems[k] if k < n else "")
    return out


def _is_year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2100


def _has_date(w: _Words, lo: int, hi: int) -> bool:
    return any(w.keys[i] in _DATE_WORDS or _is_year(w.keys[i]) for i in range(lo, hi))


def _numbers(w: _Words, lo: int, hi: int) -> set[str]:
    return {w.keys[i] for i in range(lo, hi) if any(c.isdigit() for c in w.keys[i]) or w.keys[i] in _NUMBER_WORDS}


def _names(w: _Words, lo: int, hi: int) -> set[str]:
    if w.title_case:
        return set()
    out = set()
    for i in range(lo, hi):
        s, e = w.spans[i]
        word = w.text[s:e]
        if word[:1].isupper() and not w.initial[i] and w.keys[i] not in _DATE_WORDS and w.keys[i] != "i":
            out.add(w.stems[i])
    return out


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name (Brandvold / Brandvoll, Sergei / Sergey,
    Katherine / Catherine), or the same name."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75


def _whole_sentence(w: _Words, lo: int, hi: int) -> bool:
    """Words ``[lo, hi)`` hold a sentence's end: a whole sentence (or the
    rest of one) added or left out, not a word changed inside one."""
    if hi - lo < 4:
        return False
    end = w.spans[hi][0] if hi < len(w.spans) else len(w.text)
    return any(ch in w.text[w.spans[lo][0] : end] for ch in ".!?")


def _classify(ref: _Words, ver: _Words, tag: str, i1: int, i2: int, j1: int, j2: int, negated) -> ChangeKind:
    ref_negated, ver_negated = negated
    if sum(ref_negated.values()) == sum(ver_negated.values()):
        # As many negations on each side: reworded around them ("no
        # structural faults" / "no faults"), none added or taken away.
        negated = None
    if tag == "delete" and _whole_sentence(ref, i1, i2):
        return "dropped"
    if tag == "insert" and _whole_sentence(ver, j1, j2):
        return "added"
    neg_a = _scope_negations(ref, i1, i2) if negated else set()
    neg_b = _scope_negations(ver, j1, j2) if negated else set()
    if any(target not in ver_negated for target in neg_a) or any(target not in ref_negated for target in neg_b):
        return "negation"
    keys_a = {ref.keys[i] for i in range(i1, i2)}
    keys_b = {ver.keys[j] for j in range(j1, j2)}
    if tag == "replace":
        # A date or number replaced by another one (one only left out is dropped).
        numbers_a, numbers_b = _numbers(ref, i1, i2), _numbers(ver, j1, j2)
        dated_a, dated_b = _has_date(ref, i1, i2), _has_date(ver, j1, j2)
        if (dated_a or dated_b) and (dated_a or numbers_a) and (dated_b or numbers_b):
            return "date"
        if numbers_a and numbers_b and numbers_a != numbers_b:
            return "number"
        names_a, names_b = _names(ref, i1, i2), _names(ver, j1, j2)
        only_a, only_b = names_a - set(ver.stems), names_b - set(ref.stems)
        if names_a and names_b and (only_a or only_b):
            # One person's name spelt two ways is a spelling, not another name.
            if all(any(same_name(a, b) for b in names_b) for a in only_a) and all(
                any(same_name(b, a) for a in names_a) for b in only_b
            ):
                return "spelling"
            return "name"
    # A hedge on one side only ("allegedly") changes who vouches for the words;
    # "according to" names a source.
    hedges = (keys_a & _HEDGES) ^ (keys_b & _HEDGES)
    if hedges:
        return "attribution" if hedges == {"according"} else "hedge"
    if tag == "replace":
        return "other"
    if tag == "insert":
        return "added"
    if tag == "delete":
        return "dropped"
    return "other"


def _phrase(w: _Words, lo: int, hi: int) -> tuple[str, tuple[int, int] | None]:
    if hi <= lo:
        return "", None
    s, e = w.spans[lo][0], w.spans[hi - 1][1]
    return " ".join(w.text[s:e].split()), (s, e)


def _quoted_phrase(w: _Words, lo: int, hi: int) -> str:
    text, _ = _phrase(w, lo, hi)
    return f"“{text}”" if w.quoted[lo] else text


def _merged_runs(r: _Words, quote_runs: list[tuple[int, int, int, int]]) -> list[list[int]]:
    """Adjacent quote runs (split by a shared punctuation-only gap) as one."""
    merged: list[list[int]] = []
    for run in quote_runs:
        if (
            merged
            and run[0] - merged[-1][1] <= 3
            and run[2] - merged[-1][3] <= 3
            and r.quoted[run[0]] == r.quoted[merged[-1][0]]
        ):
            merged[-1][1], merged[-1][3] = run[1], run[3]
        else:
            merged.append(list(run))
    return merged


def _speaker_change(k: int, base: int, before: str, after: str) -> Change:
    kind: ChangeKind = "spelling" if same_name(before.split()[-1], after.split()[-1]) else "attribution"
    return Change(kind, k, base, before, after)


def _attribution_changes(passages) -> list[Change]:
    """Versions attributed to different speakers than most are (when the
    passages' sentences are not known: the passages' own speakers)."""
    speakers = [p.speaker for p in passages]
    named = [s for s in speakers if s]
    if len({key_of(s.split()[-1]) for s in named}) <= 1:
        return []
    common = Counter(key_of(s.split()[-1]) for s in named).most_common(1)[0][0]
    base = next(k for k, s in enumerate(speakers) if s and key_of(s.split()[-1]) == common)
    return [
        _speaker_change(k, base, speakers[base], s)
        for k, s in enumerate(speakers)
        if s and key_of(s.split()[-1]) != common
    ]


Sentences = list[tuple[int, int, "str | None"]]  # (start, end, speaker), offsets in the passage's text


def _word_range(w: _Words, start: int, end: int) -> tuple[int, int]:
    starts = [s for s, _ in w.spans]
    return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)


def _sentence_speaker_changes(
    r: _Words, v: _Words, ref_sentences: Sentences, sentences: Sentences, blocks, i: int, ref: int
) -> list[Change]:
    """Speakers compared sentence by sentence, for the sentences the two
    versions share (the same quote in both), never across different ones."""
    out: list[Change] = []
    ver_ranges = [(*_word_range(v, s, e), who) for s, e, who in sentences if who]
    for s, e, who in ref_sentences:
        if not who:
            continue
        a_lo, a_hi = _word_range(r, s, e)
        for b_lo, b_hi, other in ver_ranges:
            shared = 0
            for a, b, n in blocks:
                lo, hi = max(a, a_lo, a + b_lo - b), min(a + n, a_hi, a + b_hi - b)
                shared += max(0, hi - lo)
            if shared < 3 or shared * 2 < min(a_hi - a_lo, b_hi - b_lo):
                continue
            if key_of(who.split()[-1]) != key_of(other.split()[-1]):
                change = _speaker_change(i, ref, who, other)
                if change not in out:
                    out.append(change)
    return out


def _spellings(r: _Words, v: _Words, i1: int, i2: int, j1: int, i: int, ref: int) -> list[Change]:
    """In a run of words the two versions share: a name spelt two ways the
    stems fold together (Volkonsky / Volkonski)."""
    out = []
    for k in range(i2 - i1):
        a, b = i1 + k, j1 + k
        if (
            r.keys[a] != v.keys[b]
            and r.text[r.spans[a][0] : r.spans[a][0] + 1].isupper()
            and v.text[v.spans[b][0] : v.spans[b][0] + 1].isupper()
            and not (r.initial[a] or v.initial[b] or r.title_case or v.title_case)
        ):
            before, ref_span = _phrase(r, a, a + 1)
            after, span = _phrase(v, b, b + 1)
            out.append(Change("spelling", i, ref, before, after, span, ref_span))
    return out


def _quoted_one_side(r: _Words, v: _Words, i1: int, i2: int, j1: int) -> list[tuple[int, int, int, int]]:
    """In a run of words the two versions share: the stretches quoted on one
    side only, as (ref lo, ref hi, version lo, version hi)."""
    runs = []
    k = 0
    while k < i2 - i1:
        if r.quoted[i1 + k] != v.quoted[j1 + k]:
            m = k
            while m < i2 - i1 and r.quoted[i1 + m] != v.quoted[j1 + m] and r.quoted[i1 + m] == r.quoted[i1 + k]:
                m += 1
            runs.append((i1 + k, i1 + m, j1 + k, j1 + m))
            k = m
        else:
            k += 1
    return runs


def _quote_changes(
    r: _Words, v: _Words, passages, i: int, ref: int, quote_runs: list[tuple[int, int, int, int]]
) -> list[Change]:
    """Quote against paraphrase: the shared words one version quotes and the
    other does not, else the whole passage when only one is quoted."""
    changes = [
        Change(
            "quote-paraphrase",
            i,
            ref,
            _quoted_phrase(r, i1, i2),
            _quoted_phrase(v, j1, j2),
            _phrase(v, j1, j2)[1],
            _phrase(r, i1, i2)[1],
        )
        for i1, i2, j1, j2 in _merged_runs(r, quote_runs)
    ]
    if not changes and passages[i].quoted != passages[ref].quoted:
        changes.append(
            Change(
                "quote-paraphrase",
                i,
                ref,
                f"“{' '.join(r.text.split())}”" if passages[ref].quoted else " ".join(r.text.split()),
                f"“{' '.join(v.text.split())}”" if passages[i].quoted else " ".join(v.text.split()),
            )
        )
    return changes


def group_changes(
    group: Group, words: list[_Words], sentences: list[Sentences] | None = None
) -> tuple[Change, ...]:
    """The classified differences between the group's versions and its most
    common wording (``words``: each passage's parsed words, in order;
    ``sentences``: each passage's sentences and their speakers, which the
    speakers are compared by)."""
    passages = group.passages
    if len(passages) < 2:
        return ()
    norms = [normalise(p.text) for p in passages]
    counts = Counter(norms)
    ref = max(range(len(passages)), key=lambda i: (counts[norms[i]], passages[i].similarity, -i))
    changes: list[Change] = []
    r = words[ref]
    ref_negated = _negated(r)
    for i, v in enumerate(words):
        if i == ref or passages[i].article == passages[ref].article and norms[i] == norms[ref]:
            continue
        negated = (ref_negated, _negated(v))
        matcher = SequenceMatcher(None, r.stems, v.stems, autojunk=False)
        quote_runs: list[tuple[int, int, int, int]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                changes.extend(_spellings(r, v, i1, i2, j1, i, ref))
                quote_runs.extend(_quoted_one_side(r, v, i1, i2, j1))
                continue
            kind = _classify(r, v, tag, i1, i2, j1, j2, negated)
            before, ref_span = _phrase(r, i1, i2)
            after, span = _phrase(v, j1, j2)
            changes.append(Change(kind, i, ref, before, after, span, ref_span))
        changes.extend(_quote_changes(r, v, passages, i, ref, quote_runs))
        if sentences is not None:
            changes.extend(
                _sentence_speaker_changes(r, v, sentences[ref], sentences[i], matcher.get_matching_blocks(), i, ref)
            )
    if sentences is None:
        changes.extend(_attribution_changes(passages))
    rank = {kind: n for n, kind in enumerate((*MATERIAL, "added", "dropped", "other"))}
    order = sorted(
        range(len(changes)),
        key=lambda n: (rank[changes[n].kind], changes[n].passage, (changes[n].span or (0, 0))[0], n),
    )
    return tuple(changes[n] for n in order)


# --- the whole step -------------------------------------------------------------------


def article_facts(article: Article) -> _ArticleFacts:
    skip = tuple((line.start, line.end) for line in article.lines if line.kind in ("boilerplate", "header"))
    return _ArticleFacts(article.text, skip)


def passage_facts(facts: _ArticleFacts, start: int, end: int) -> tuple[bool, str | None]:
    """(quoted, speaker) of the span ``[start, end)`` of one article."""
    quoted, speaker, _ = passage_sentences(facts, start, end)
    return quoted, speaker


def passage_sentences(facts: _ArticleFacts, start: int, end: int) -> tuple[bool, str | None, Sentences]:
    """(quoted, speaker, its sentences with their speakers) of a span.  A span
    of several sentences names the speaker of its first quote (else of its
    first attributed sentence)."""
    quoted, _ = facts.quoted_share(start, end)
    found = facts.sentence_speakers(start, end)
    sentences: Sentences = [(s - start, e - start, who) for s, e, _, who in found]
    if len(found) <= 1:
        speaker = facts.attribution_for(start, end, quoted)
        return quoted, speaker, [(0, end - start, speaker)]
    speaker = next((who for _, _, q, who in found if q and who), None)
    if speaker is None:
        speaker = next((who for _, _, _, who in found if who), None)
    return quoted, speaker, sentences


def _passage_words(facts: _ArticleFacts, p: Passage) -> _Words:
    """A passage's words, each marked whether it stands in a quotation of its article."""
    base = p.start
    return _words(p.text, lambda offsets: facts.quote_flags([base + s for s in offsets]))


def annotate(alignment: Alignment, only: Collection[str] | None = None) -> Alignment:
    """The alignment with each passage's ``quoted`` and ``speaker`` and each
    group's ``changes`` filled in (every other field kept).  With ``only``
    (group ids), those groups alone (say, the ones saved highlights merged
    into); the others are kept as they are."""
    if not alignment.groups or (only is not None and not only):
        return alignment
    wanted = None if only is None else set(only)
    facts: dict[int, _ArticleFacts] = {}

    def of(index: int) -> _ArticleFacts:
        found = facts.get(index)
        if found is None:
            found = facts[index] = article_facts(alignment.articles[index])
        return found

    groups = []
    for group in alignment.groups:
        if wanted is not None and group.id not in wanted:
            groups.append(group)
            continue
        passages: list[Passage] = []
        words: list[_Words] = []
        sentences: list[Sentences] = []
        for p in group.passages:
            f = of(p.article)
            quoted, speaker, said = passage_sentences(f, p.start, p.end)
            passages.append(replace(p, quoted=quoted, speaker=speaker))
            words.append(_passage_words(f, p))
            sentences.append(said)
        annotated = replace(group, passages=tuple(passages))
        groups.append(replace(annotated, changes=group_changes(annotated, words, sentences)))
    return replace(alignment, groups=tuple(groups))
