"""Who an article says said what: for a span of its text, whom the article
attributes it to — the subject of a speech verb ("Lavrov said", "Putin told
Rossiya-1", "said the minister"), "according to …", "Quote from …:", in the
sentence that holds the span (for a quote, the sentence of the quotation).
The outermost attribution wins; a role ("the top diplomat") or a pronoun is
resolved to the name the article gives that role or last named; a person is
given by surname.  A quoted or first-person paragraph with no attribution
takes the speaker of the paragraph before it.  None when nothing says.

Found per article, paragraph by paragraph as passages need them
(:class:`ArticleFacts`, built on :class:`.quotations.Quotations`)."""

from __future__ import annotations

import bisect
import itertools
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..reading.flow import flowing_text
from .quotations import QUOTE_CHARS, WORD_RE, Quotations
from .tokens import MONTHS, RELATIVE_OPENERS, STOPWORDS, TITLE_ABBREVIATIONS, WEEKDAYS

if TYPE_CHECKING:
    from ..reading.articles import Article

SPEECH_VERBS = frozenset(
    """
    said says told tells added adds noted notes stressed stresses stated states reported reports reacted
    insisted insists recalled recalls explained explains claimed claims argued argues warned warns
    announced announces declared declares reiterated reiterates asserted asserts remarked remarks
    wrote writes tweeted tweets alleged alleges signalled signaled signals suggested suggests
    confirmed confirms emphasised emphasized emphasises emphasizes acknowledged acknowledges
    admitted admits denied denies cited quoted vowed vows urged urges maintained maintains
    called calls described describes posted posts say tell saying adding
    """.split()
)
# Verbs that report speech only in some uses: "called the move 'reckless'",
# "called for a ceasefire", "posted on X that …" are speech; "a town called
# Marlow", "so-called", "troops posted to the border" are not.  They count
# when a quotation follows in their sentence, or "for", "on", "that" or "it" does.
_WEAK_VERBS = frozenset("called calls described describes posted posts".split())
_WEAK_NEXT = frozenset("for on that it".split())
# ", saying …" / ", adding …": said by the subject of the sentence.
_PARTICIPLES = frozenset({"saying", "adding"})
# In the passive ("were told", "was warned") the subject is the one spoken to.
_SPOKEN_TO = frozenset("told tells warned warns urged urges called calls described describes denied".split())
_PASSIVE = frozenset("was were is are been being be".split())
# Speech verbs that are also nouns ("reports", "claims"): one followed by a
# verb of its own is the noun ("Initial reports indicate", "Early reports said").
_NOUN_TOO = frozenset("reports claims notes remarks signals".split())
_REPORTING = SPEECH_VERBS | frozenset(
    "indicate indicated indicates suggest show showed shows put point pointed points have had were are".split()
)
# Words a speaker's noun phrase ("according to the minister …") stops before.
_PHRASE_ENDS = frozenset("that who which said on in at with".split())
_SKIP_BEFORE_VERB = frozenset(
    """
    has had have also was is were are reportedly repeatedly later earlier further then previously once
    again recently publicly would will had has already just since first again allegedly apparently
    supposedly purportedly separately
    """.split()
)
_PRONOUNS = frozenset({"he", "she"})
_RELATIVE = frozenset({"who"})
# Anything but spaces between two words (a comma, a stop, a quotation mark).
_SPACED_ONLY = re.compile(r"[^ \t]")
# People a report quotes without a name ("a witness", "an official").
_UNNAMED = frozenset(
    "witness eyewitness passenger resident neighbour neighbor bystander survivor onlooker commuter official".split()
    + ["source"]
)
_TITLES = frozenset(
    """
    president foreign minister prime secretary state spokesman spokeswoman spokesperson director
    leader chancellor senator rep mr mrs ms dr general gen top diplomat chief adviser advisor
    ambassador deputy vice defence defense interior press head commander former us u.s uk
    prof professor coach captain judge mayor governor sen gov col lt capt sgt rev sir dame lord lady
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
# Lower-case words of a role between an organisation's name and a person's
# ("Cal Fire battalion chief Maria Delgado", "Northwind Air chief executive Lena Marsh").
ROLE_WORDS = frozenset(
    """
        chief battalion engineer executive officer official spokesman spokeswoman spokesperson minister
        secretary director president governor mayor commissioner inspector captain superintendent
        analyst economist adviser advisor head leader chair chairman chairwoman founder manager
        deputy senior city county state police fire press foreign diplomat envoy coach goalkeeper striker
        midfielder defender player researcher scientist professor lecturer author doctor lawyer attorney
        prosecutor judge pilot expert consultant editor reporter correspondent
        """.split()
)
# The last word of a body's name, which is given whole.
_BODIES = frozenset(
    """
    fire police office bank ministry department service agency commission council committee authority
    court army forces nations union party air airlines airways group company inc corp ltd institute
    university statistics reserve fund board bureau guard parliament assembly survey lines line shipping
    operator ports port navy government authorities network news times post press media energy mining
    minerals resources holdings motors systems foundation centre center organisation organization
    association federation coalition alliance league prosecutors prosecutor's airport
    semiconductor semiconductors technologies industries electronics pharmaceuticals chemicals insurance
    co corporation plc llc gmbh ag cars utilities utility cross crescent society trust watch
    athletic united rovers wanderers fc club rail railway railways hospital clinic
    salvage logistics capital partners ventures construction engineering consulting solutions labs
    studios pharma foods brewery airline carriers freight towage maritime administration commission
    space aerospace networks robotics dynamics
    """.split()
)
# What a body is, between "of the" and its name ("Daniel Okafor of the firm Okafor Reid").
_BODY_NOUNS = frozenset("firm company agency group charity consultancy practice union party club bank".split())
# Those who speak for someone as kin ("her family said", "his widow said"), not as the office they hold.
_POSSESSIVES = frozenset(("his", "her", "their"))
_KIN = frozenset(
    "family relatives parents widow widower son daughter children wife husband brother sister mother father".split()
)
# Words of a role or of someone unnamed ("the European Commissioner", "a spokeswoman for Kestrel").
_IN_A_ROLE = frozenset(("commissioner",)) | _UNNAMED | frozenset(_ROLE_ALIASES)
_FIRST_PERSON = frozenset({"we", "i", "our", "us", "my", "me", "we're", "we’re", "i'm", "i’m"})
# A headline ending "…: Lavrov" or "… — Putin" (a name of one to three words, no stop).
_HEADLINE_SPEAKER = re.compile(r"(?:: |\s[–—-]\s)((?:[A-Z][\w’'-]+ ){0,2}[A-Z][\w’'-]+)[ \t]*$", re.MULTILINE)
# The words an attribution starts at, and WORD_RE as a splitting pattern.
_CANDIDATES = SPEECH_VERBS | {"according", "quote"}
_OPENING_NAME_RE = re.compile(r"([A-Z][\w’'-]+)(?:,| who\b)")
# A run of two capitalised words or more, not a possessive ("President Kenjiro Ohashi").
_PERSON_RE = re.compile(r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+\b(?!['’]s)")
_NOT_NAMES = frozenset(("the", "in", "on", "at"))


class _Attribution(NamedTuple):  # (a tuple: made for every speech verb, a third of the time of a frozen dataclass)
    at: int  # where the speech verb (or "according to") is
    speaker: str | None
    after_quote: bool  # right after a quotation closes: it names that quote's speaker


class _Roles:
    """Who holds a role the article names ("the top diplomat": Lavrov, where
    it says "Foreign Minister Sergei Lavrov").  Part of :class:`_Subjects`."""

    text: str
    _role_hits: dict[tuple[str, ...], list[tuple[int, str]]]
    _folded: str | None
    _comma_offsets: list[int] | None

    def _role_hits_of(self, words: tuple[str, ...]) -> list[tuple[int, str]]:
        """Where the article names whoever holds a role ("Foreign Minister
        Sergei Lavrov", "Ned Price, the US State Department spokesman")."""
        found = self._role_hits.get(words)
        if found is None:
            text = self.text
            hits = []
            if self._folded is None:
                self._folded = text.casefold()
            if not all(word in self._folded for word in words):
                self._role_hits[words] = []
                return []
            folded = self._folded
            # Where the role's first word stands (when the casefolded text
            # keeps the offsets): the only places either pattern can match.
            aligned = len(folded) == len(text) and "ı" not in text
            at = _find_all(folded, words[0]) if aligned else []
            role = _role_pattern(words)
            hits.extend(_titles_then_names(text, role, at if aligned else None))
            # "Name Surname, the … role": a comma at most 46 characters before the role.
            if not hits and (not aligned or _comma_before(self._commas(), at)):
                hits.extend(_names_then_role(text, role, at if aligned else None))
            found = self._role_hits[words] = sorted(hits)
        return found

    def _commas(self) -> list[int]:
        """Where each ", " of the text is (found once)."""
        if self._comma_offsets is None:
            self._comma_offsets = _find_all(self.text, ", ")
        return self._comma_offsets

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


class _Subjects(_Roles):
    """Whom a speech verb's subject, an "according to" phrase or a pronoun
    names: a person by surname, a body whole, a role resolved to the name
    the article gives whoever holds it.  Part of :class:`ArticleFacts`
    (through :class:`_Attributions`); reads the text, quotations and
    sentences set up there."""

    text: str
    _role_hits: dict[tuple[str, ...], list[tuple[int, str]]]
    _folded: str | None
    _comma_offsets: list[int] | None

    def _subject_before(self, tokens, i: int, last_speaker: str | None) -> str | None:
        text = self.text
        j = i - 1
        verb_start = tokens[i][0]
        while j >= 0 and tokens[j][2].casefold() in _SKIP_BEFORE_VERB and not _breaks(text[tokens[j][1] : verb_start]):
            verb_start = tokens[j][0]
            j -= 1
        if j < 0:
            return None
        # "The ministry on Monday said": the subject is before the time.
        when = _time_phrase_start(text, tokens, j)
        if when is not None and when >= 1 and not _breaks(text[tokens[when - 1][1] : tokens[when][0]]):
            verb_start, j = tokens[when][0], when - 1
        gap = text[tokens[j][1] : verb_start]
        if _breaks(gap) or not _QUOTE_SET.isdisjoint(gap):
            return None
        if "," in gap:
            # "Marian Keogh, executive director of the Center for …, a consumer
            # group, said": a person named in full first, whatever follows.
            first = _opening_name(text, tokens, j)
            if first is not None:
                return first
            # "Ned Price, the US State Department spokesman, said": the name
            # before the apposition, else the apposition itself.
            k = j - 1
            while k >= 0 and "," not in text[tokens[k][1] : tokens[k + 1][0] if k + 1 < len(tokens) else verb_start]:
                k -= 1
            # "Marco Bellini, 41, a software engineer …, said": past the age to the name.
            if k >= 1 and tokens[k][2].isdigit() and "," in text[tokens[k - 1][1] : tokens[k][0]]:
                k -= 1
            if k >= 0 and k < j:
                # "The Chairman of the Talmar Canal Authority, Adil Rahmani,
                # said": the person in apposition to a role of a body.
                person = _named_in_apposition(tokens, k, j)
                if person is not None:
                    return person
                name = self._name_ending(tokens, k)
                if name:
                    return name
                # "A witness, who did not want to be named, told …": the relative clause's antecedent.
                if tokens[k + 1][2].casefold() in RELATIVE_OPENERS:
                    return self._resolve_np(tokens, k, last_speaker)
            # "The owner, John Miller, said": the apposition names the speaker.
            return self._resolve_np(tokens, j, last_speaker)
        # "A witness who saw the crash told …": who speaks comes before "who".
        k = j
        while k > max(0, j - 12) and not _SPACED_ONLY.search(text, tokens[k - 1][1], tokens[k][0]):
            k -= 1
            if tokens[k][2].casefold() == "who" and k >= 1 and text[tokens[k - 1][1] : tokens[k][0]] == " ":
                return self._resolve_np(tokens, k - 1, last_speaker)
        return self._resolve_np(tokens, j, last_speaker)

    def _subject_after(self, tokens, i: int) -> str | None:
        """`…," said Lavrov` / `, added the minister`; never after a verb
        whose object follows it (`…, told the Courier`: the one spoken to)."""
        text = self.text
        if i == 0 or i + 1 >= len(tokens) or tokens[i][2].casefold() in _SPOKEN_TO:
            return None
        before = text[tokens[i - 1][1] : tokens[i][0]]
        if _AFTER_QUOTE_SET.isdisjoint(before):
            return None
        gap = text[tokens[i][1] : tokens[i + 1][0]]
        if _breaks(gap) or "," in gap:
            return None
        nxt = tokens[i + 1][2]
        if nxt[:1].isupper() and nxt.casefold() not in ("the", "he", "she"):
            last = name_run_end(self.text, tokens, i + 1, len(tokens) - 1, TITLE_ABBREVIATIONS)
            return self._name_ending(tokens, last)
        if nxt.casefold() in ("the", "a", "an"):  # ("…," reacted a spokeswoman for Kestrel, Priya Raman.)
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
            if gap.strip() not in ("", "-") or tokens[end + 1][2].casefold() in _PHRASE_ENDS:
                break
            end += 1
        if i >= len(tokens):
            return None
        found = self._resolve_np(tokens, end, last_speaker, limit=i)
        # "according to his lawyer, Anna Nowak": the name in apposition (also
        # after a role: "…," declared the European Commissioner for Competition, Margaux Delorme).
        role = any(tokens[m][2].casefold() in _IN_A_ROLE for m in range(i, end + 1))
        comma = end + 2 < len(tokens) and text[tokens[end][1] : tokens[end + 1][0]].strip() == ","
        if (found is None or role) and comma:
            name_end = end + 1
            while (
                name_end + 1 < len(tokens)
                and tokens[name_end + 1][2][:1].isupper()
                and text[tokens[name_end][1] : tokens[name_end + 1][0]] == " "
            ):
                name_end += 1
            if name_end > end + 1 and tokens[end + 1][2][:1].isupper():
                found = self._name_ending(tokens, name_end) or found
        return found

    def _name_ending(self, tokens, j: int) -> str | None:
        """The person or body named by the capitalised run ending at token ``j``."""
        text = self.text
        word = tokens[j][2]
        if not word[:1].isupper():
            return None
        k = self._run_start(tokens, j)
        # "Sokha Meas of the Royal University of Fine Arts in Phnom Penh
        # said", "Lavrov in Cairo said": the place is where, not who.
        if (
            k >= 2
            and tokens[k - 1][2] == "in"
            and tokens[k - 2][2][:1].isupper()
            and text[tokens[k - 2][1] : tokens[k][0]] == " in "
            and not _possessive(tokens[k - 2][2])
        ):
            before = self._name_ending(tokens, k - 2)
            if before is not None:
                return before
        k = self._name_start(tokens, k)
        words = [tokens[m][2] for m in range(k, j + 1)]
        # "the mayor of Itabirito told": the role speaks, not the place.
        if (
            k >= 2
            and tokens[k - 1][2] == "of"
            and tokens[k - 2][2].casefold() in ROLE_WORDS
            and text[tokens[k - 2][1] : tokens[k][0]] == " of "
        ):
            return f"the {tokens[k - 2][2].casefold()} of {' '.join(words)}"
        # "A Western diplomat in Cairo, who …, said": the diplomat, not the place.
        if (
            k >= 2
            and tokens[k - 1][2] in ("in", "at", "from")
            and tokens[k - 2][2].casefold() in ROLE_WORDS
            and text[tokens[k - 2][1] : tokens[k][0]] == f" {tokens[k - 1][2]} "
        ):
            return f"a {tokens[k - 2][2].casefold()} {tokens[k - 1][2]} {' '.join(words)}"
        # "Judge Olena Kovalchuk of the High Anti-Corruption Court said": the
        # judge speaks, not the court (a person's full name, then of/at/from).
        person = _person_before_body(self, tokens, k)
        if person is not None:
            return person
        # "Port operator Puerto Antofagasta said": a name after a body's noun
        # is the body's, named whole.
        if k >= 1 and tokens[k - 1][2] in _BODIES and text[tokens[k - 1][1] : tokens[k][0]] == " ":
            return _joined(self.text, tokens, k, j)
        the = words[0].casefold() == "the" or text[max(0, tokens[k][0] - 4) : tokens[k][0]].casefold() == "the "
        if words[0].casefold() == "the" and len(words) > 1:  # "The Bank of England said", at a sentence's start
            words.pop(0)
        named = len(words)
        body = words[-1].casefold() in _BODIES or _body_named_in_full(self.text, words)
        # A person's titles go ("Foreign Minister Sergei Lavrov"); a body keeps its own ("Defence Ministry").
        while len(words) > 1 and words[0].casefold().rstrip(".") in _TITLES and not body:
            words.pop(0)
        last = words[-1].casefold()
        if last in ("the", "he", "she", "it", "they", "we", "i") or last in _ROLE_ALIASES:
            return None
        # "… Bank of England Governor Andrew Bailey said": the person after the body's name.
        bodies = [m for m, w in enumerate(words[:-1]) if w.casefold() in _BODIES]
        if bodies and not body:
            ofs = [m + 1 for m, w in enumerate(words) if w in ("of", "for")]  # the body's name runs on past "of X"
            after = words[max([bodies[-1], *ofs]) + 1 :]
            if len(after) >= 2 and all(w[:1].isupper() and w.casefold() not in _BODIES for w in after):
                return words[-1]
        if len(words) == 1 and the:
            return f"the {words[0]}"
        # A body is named whole ("Cal Fire", "the United Nations"); a person by surname.
        if body or (the and len(words) == named and len(words) > 1):
            return ("the " if the else "") + _joined(self.text, tokens, j - len(words) + 1, j)
        return words[-1]

    def _name_start(self, tokens, k: int) -> int:
        """The first token of a name that runs on to the run of capitalised
        words starting at token ``k`` ("Office for National Statistics",
        "Bank of England": one name)."""
        text = self.text
        while (
            k - 2 >= 0
            and tokens[k - 1][2] in ("of", "for")
            and tokens[k - 2][2][:1].isupper()
            and text[tokens[k - 2][1] : tokens[k][0]] == f" {tokens[k - 1][2]} "
            and not _possessive(tokens[k - 2][2])
        ):
            k = self._run_start(tokens, k - 2)
        return k

    def _run_start(self, tokens, j: int) -> int:
        """The first token of the run of capitalised words that ends at token
        ``j``, across spaces, hyphens ("Anti-Corruption") and the stops of an
        abbreviation ("U.S. Geological Survey")."""
        text = self.text
        k = j
        while k - 1 >= 0 and tokens[k - 1][2][:1].isupper() and not _possessive(tokens[k - 1][2]):
            gap = text[tokens[k - 1][1] : tokens[k][0]]
            short = len(tokens[k - 1][2]) <= 2 or tokens[k - 1][2].casefold() in TITLE_ABBREVIATIONS
            if gap in (" ", "\u00a0", "-", "\u2011") or (gap in (".", ". ") and short):
                k -= 1
            else:
                break
        return k

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
            if _indefinite(self.text, tokens, k):  # someone unnamed: the body they speak for, as "a spokesman for X"
                return _unnamed_for(tokens, k, j)
            qualifiers = [tokens[m][2].casefold() for m in range(k, j)]
            return self._role_holder(role, qualifiers, tokens[j][0])
        # "The port authority said": a body named by its noun phrase, which
        # runs on through spaces only ("over the week, organizers said" is
        # not "the week organizers").
        text = self.text
        k = j
        while (
            k - 1 >= max(limit, j - 3)
            and text[tokens[k - 1][1] : tokens[k][0]] in (" ", "-")  # ("the 214-page ruling")
            and tokens[k - 1][2].casefold() not in STOPWORDS  # (nor "the")
            and (tokens[k - 1][2][:1].islower() or text[tokens[k - 1][1] : tokens[k][0]] == "-")
        ):
            k -= 1
        if low in STOPWORDS:
            return None
        before = tokens[k - 1][2].casefold() if k - 1 >= 0 and text[tokens[k - 1][1] : tokens[k][0]] == " " else ""
        if before == "the" or (before in _POSSESSIVES and low in _KIN):
            # ("the port authority"; "her family said": the family, not the one "her" stands for)
            return "the " + " ".join(text[tokens[k][0] : tokens[j][1]].casefold().split())
        # "A witness told …", "an official said": someone unnamed, by what they are.
        if (
            low in _UNNAMED
            and k - 1 >= 0
            and tokens[k - 1][2].casefold() in ("a", "an")
            and text[tokens[k - 1][1] : tokens[k][0]] == " "
        ):
            return " ".join(tokens[m][2].casefold() for m in range(k - 1, j + 1))
        # ", organizers said" / ", officials said": a plural noun on its own.
        if k == j and low.endswith("s") and len(low) > 3 and (j == 0 or text[tokens[j - 1][1] : tokens[j][0]].strip()):
            return low
        return None

    def _last_person_before(self, offset: int, last_speaker: str | None) -> str | None:
        """Whom "he" or "she" at ``offset`` is: a person named earlier in its
        sentence, else the last speaker, else the last person named."""
        sentence_start = self.sentence_at(offset)[0]
        if last_speaker is None:
            paragraph = self.paragraph_index(offset)
            # A quote that opens its paragraph, after a paragraph about someone
            # where nobody is said to speak ("Brandt, who …, apologised." /
            # '"The goal was my mistake," he said'): that someone.
            if 0 < paragraph < len(self.paragraphs) and self.text[self.paragraphs[paragraph][0]] in _QUOTE_SET:
                named = self._named_in(paragraph - 1)
                if named is not None:
                    return named
            # Someone named earlier in the paragraph, where nobody yet speaks
            # ("Presiding judge María Teresa Ordóñez read out a summary. '…,'
            # she said."), before whoever spoke in the paragraphs before.
            if paragraph < len(self.paragraphs):
                here = _people_named(self, self.paragraphs[paragraph][0], offset)
                if here:
                    return here[-1]
            last_speaker = self._speaker_before(paragraph)
        if last_speaker is not None and not _a_person(last_speaker):
            last_speaker = None  # "he" is no company nor ministry
        for lo, fallback in ((sentence_start, last_speaker), (max(0, offset - 3000), None)):
            names = _people_named(self, lo, offset)
            if names:
                return names[-1]
            if fallback is not None:
                return fallback
        return None

    def _named_in(self, paragraph: int) -> str | None:
        """The person a paragraph with no attribution of its own names last
        (outside quotations): by full name, or by a surname opening it
        ("Brandt, who …") that the article gives in full elsewhere."""
        if any(a.speaker for a in self.attributions_in(paragraph)):
            return None
        start, end = self.paragraphs[paragraph]
        text = self.text
        named = _people_named(self, start, end)
        found = named[-1] if named else None
        if found is None:
            m = _OPENING_NAME_RE.match(text, start, end)
            if m and re.search(rf"\b[A-Z][\w’'-]+ {re.escape(m.group(1))}\b", text):
                found = m.group(1)
        return found


def _person_before_body(facts: _Subjects, tokens, k: int) -> str | None:
    """The surname of a person named in full right before "of the", "at"
    or "from" and the body's name starting at token ``k``, if any."""
    text = facts.text
    m = k - 1
    # (the body's name may hold a possessive: "… of the Specialised Anti-Corruption Prosecutor's Office")
    while m >= 0 and tokens[m][2][:1].isupper() and _possessive(tokens[m][2]):
        m = facts._run_start(tokens, m) - 1
    if m >= 1 and tokens[m][2] in _BODY_NOUNS:  # ("of the firm Okafor Reid", "of US investment bank Lazard")
        q = m - 1
        while q > 0 and m - q <= 3 and tokens[q][2].casefold() not in ("the", "of", "at", "from"):
            q -= 1
        m = q if tokens[q][2].casefold() in ("the", "of", "at", "from") else m
    if m >= 0 and tokens[m][2].casefold() == "the":
        m -= 1
    if m < 1 or tokens[m][2] not in ("of", "at", "from") or not tokens[m - 1][2][:1].isupper():
        return None
    gap = text[tokens[m - 1][1] : tokens[k][0]]
    if any(ch in gap for ch in ",.;:\n"):
        return None
    start = facts._run_start(tokens, m - 1)
    names = [tokens[n][2] for n in range(start, m)]
    while names and names[0].casefold().rstrip(".") in _TITLES:
        names.pop(0)
    if len(names) < 2 or names[-1].casefold() in _BODIES or names[-1].casefold() in _ROLE_ALIASES:
        return None
    return names[-1]


def _joined(text: str, tokens, first: int, last: int) -> str:
    """Tokens first..last as written, but for line ends ("U.S. Geological
    Survey", "Anti-Corruption Court")."""
    return " ".join(text[tokens[first][0] : tokens[last][1]].split())


def _named_in_apposition(tokens, k: int, j: int) -> str | None:
    """The surname of a person named in full by tokens k+1..j, set off by
    commas after a role of a body ending at token ``k`` ("The Chairman
    of the Talmar Canal Authority, Adil Rahmani, said"), else None."""
    names = [tokens[m][2] for m in range(k + 1, j + 1)]
    before = [tokens[m][2] for m in range(max(0, k - 9), k + 1)]
    return names[-1] if person_after_role(before, names) else None


# Small words inside a person's name ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset("von der van den de da di du la le al bin".split())


def person_after_role(before: list[str], names: list[str]) -> bool:
    """Do the words ``names``, set off by commas, name a person in full (two
    to four words in capitals, particles between) in apposition to a role of
    a body that the words ``before`` end with ("The Chairman of the Talmar
    Canal Authority", "The spokesman for the Interior Ministry", "The head
    of the canal authority")?  One rule for the facts and the linking."""
    if not 2 <= len(names) <= 4 or not names[-1][:1].isupper() or _possessive(names[-1]):
        return False
    if not all(w[:1].isupper() or w in _NAME_PARTICLES for w in names):
        return False
    if names[-1].casefold() in _BODIES or names[-1].casefold() in ROLE_WORDS:
        return False
    if "who" in before or "which" in before:
        return False  # (inside a relative clause: "Ana Lopez, who met the head of the Bank, Andrew Bailey, said")
    for i in range(len(before) - 2, 0, -1):
        if before[i] in ("of", "for"):
            role = before[i - 1].casefold()
            body = before[i + 2 :] if before[i + 1].casefold() == "the" else before[i + 1 :]
            if role in ROLE_WORDS or role in _ROLE_ALIASES:
                # (a body's name has no clause nor place in it: not "the delegation from the United Nations")
                return 1 <= len(body) <= 6 and _NOT_IN_A_BODY.isdisjoint(w.casefold() for w in body)
    return False


_NOT_IN_A_BODY = frozenset(("who", "which", "that", "from", "in", "at"))


def _body_named_in_full(text: str, words: list[str]) -> bool:
    """Is a name of two words or more the short form of a body's name the
    text gives in full elsewhere ("Cascade Ridge said" where it also
    writes "Cascade Ridge Energy")?"""
    if len(words) < 2:
        return False
    full = re.search(re.escape(" ".join(words)) + r" (\w+)", text)
    return full is not None and full.group(1).casefold() in _BODIES


class _Attributions(_Subjects):
    """Who an article says said what: the speech verbs, "according to" and
    "Quote from" of each paragraph, and whom a span is attributed to.  Part
    of :class:`ArticleFacts`; reads the article's text, quotations,
    sentences and paragraphs set up there."""

    text: str
    quoted: list[tuple[int, int]]
    skip: tuple[tuple[int, int], ...]
    _skip_starts: list[int]
    _skip_reach: list[int]
    paragraphs: list[tuple[int, int]]
    _role_hits: dict[tuple[str, ...], list[tuple[int, str]]]
    _folded: str | None
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
        # The paragraph's words; only a speech verb, "according" or "quote"
        # can start an attribution.
        index = self.word_index()
        lo, hi = index.span(p_start, p_end)
        folded = index.folded(lo, hi)
        if _CANDIDATES.isdisjoint(folded):
            return found
        starts = index.starts[lo:hi]
        tokens = list(zip(starts, index.ends[lo:hi], index.words[lo:hi]))
        for i in itertools.compress(itertools.count(), map(_CANDIDATES.__contains__, folded)):
            s, _end, word = tokens[i]
            low = folded[i]
            speaker: str | None = None
            hit = False
            if low in SPEECH_VERBS and word[:1].islower():
                if self.in_quote(s) or self._skipped(s):
                    continue
                if low in _WEAK_VERBS and not self._reports_speech(tokens, i):
                    continue
                if low in ("say", "tell") and not self._said_by(tokens, i):
                    continue
                if low in _SPOKEN_TO and i and tokens[i - 1][2].casefold() in _PASSIVE:
                    continue  # "troops were told", "he was warned": the one spoken to
                if low in _NOUN_TOO and i + 1 < len(tokens) and tokens[i + 1][2].casefold() in _REPORTING:
                    continue  # "Initial reports indicate …": the reports are what speaks, no one named
                hit = True
                if low in _PARTICIPLES:
                    # "Lavrov stressed, adding that …": the one already said to speak.
                    sentence_start = self.sentence_at(s)[0]
                    earlier = [a.speaker for a in found if a.speaker and a.at >= sentence_start]
                    speaker = earlier[-1] if earlier else self._sentence_subject(tokens, i)
                else:
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
            if speaker is not None and speaker.casefold() in _WHEN:
                speaker = None  # "… on Wednesday reported … and said": a day, not who said it
            if speaker is not None:
                last_speaker = speaker
            # Right after a quotation closes (`…," Lavrov said`): that quote's.
            k = bisect.bisect_right(starts, s) - 1
            window_from = tokens[max(0, k - 4)][1] if k >= 1 else 0
            between = text[window_from:s]
            after_quote = not _CLOSING_SET.isdisjoint(between) and _OPENING_SET.isdisjoint(between)
            found.append(_Attribution(s, speaker, after_quote))
        return found

    def _trailing(self, at: int, sentence_start: int, sentence_end: int) -> bool:
        """Is the speech verb at ``at`` a sentence's closing attribution, after
        a comma and a short subject (", Shannon Airport said in a statement."),
        which covers all the sentence says before it?"""
        text = self.text
        comma = text.rfind(",", sentence_start, at)
        if comma < 0:
            return False
        subject, tail = text[comma + 1 : at], text[at:sentence_end]
        return (
            len(subject.split()) <= 5
            and _QUOTE_SET.isdisjoint(subject)
            and "," not in tail
            and len(tail.split()) <= 8
            and _QUOTE_SET.isdisjoint(tail)
        )

    def _reports_speech(self, tokens, i: int) -> bool:
        """A weak speech verb at token ``i`` reports what was said: a
        quotation follows it in its sentence, or "for", "on", "that", "it"."""
        text = self.text
        if text[max(0, tokens[i][0] - 3) : tokens[i][0]].casefold() == "so-":
            return False
        if i + 1 < len(tokens) and tokens[i + 1][2].casefold() in _WEAK_NEXT:
            return True
        sentence_end = self.sentence_at(tokens[i][0])[1]
        return any(ch in text[tokens[i][1] : sentence_end] for ch in "\"“«„‘'")

    def _sentence_subject(self, tokens, i: int) -> str | None:
        """Who ", saying …" at token ``i`` is: the name its sentence opens
        with ("Prime Minister Janez Jansa conceded defeat, saying …")."""
        text = self.text
        if i == 0 or "," not in text[tokens[i - 1][1] : tokens[i][0]]:
            return None
        start = self.sentence_at(tokens[i][0])[0]
        k = bisect.bisect_left([t[0] for t in tokens], start)
        while k < i and self._skipped(tokens[k][0]):
            k += 1  # past a dateline ("ALMATY, Oct 14 (Reuters) - ")
        if k < i:
            start = max(start, tokens[k - 1][1] if k else start)
        if (
            k >= i
            or not tokens[k][2][:1].isupper()
            or tokens[k][2].casefold() in STOPWORDS
            or any(ch in text[start : tokens[k][0]] for ch in QUOTE_CHARS)
        ):
            return None
        end = k
        while end + 1 < i and tokens[end + 1][2][:1].isupper() and text[tokens[end][1] : tokens[end + 1][0]] == " ":
            end += 1
        if _possessive(tokens[end][2]):
            # "Kazakhstan's central bank cut …, saying": the body the name owns.
            for m in range(end + 1, min(i, end + 4)):
                if not tokens[m][2][:1].islower() or text[tokens[m - 1][1] : tokens[m][0]] != " ":
                    break
                if tokens[m][2].casefold() in _BODIES:
                    return _joined(self.text, tokens, k, m)
            return None
        return self._name_ending(tokens, end)

    def _said_by(self, tokens, i: int) -> bool:
        """ "say" / "tell" at token ``i`` right after who says it ("Prosecutors
        say"), not a "say" of example ("to discuss anything, say, with Kiev")."""
        return (
            i > 0 and self.text[tokens[i - 1][1] : tokens[i][0]] == " " and tokens[i - 1][2].casefold() not in STOPWORDS
        )

    def _named_before(self, para: int, start: int) -> str | None:
        """The speaker last named before ``start`` in its paragraph, else in
        the paragraph before it (page furniture passed over), or None."""
        earlier = [a for a in self.attributions_in(para) if a.speaker is not None and a.at < start]
        if earlier:
            return earlier[-1].speaker
        p = self._paragraph_before(para)
        named = [a for a in self.attributions_in(p) if a.speaker is not None] if p >= 0 else []
        return named[-1].speaker if named else None

    def _paragraph_before(self, para: int) -> int:
        """The paragraph before ``para``, page furniture passed over, or -1."""
        p = para - 1
        while p >= 0 and self._skipped(self.paragraphs[p][0]):
            p -= 1
        return p

    def _skipped(self, offset: int) -> bool:
        """Does ``offset`` stand in one of the ``skip`` spans (boilerplate, a byline …)?"""
        k = bisect.bisect_right(self._skip_starts, offset)
        return k > 0 and self._skip_reach[k - 1] > offset

    def _region(self, lo: int, hi: int) -> tuple[int, int, int, int]:
        """The sentences from the one at ``lo`` to the one at ``hi - 1``, as
        (start, end), and the first and last paragraph they stand in (a span
        inside one sentence, or one paragraph, has it looked up once)."""
        region_start, region_end = self.sentence_at(lo)
        if not region_start <= hi - 1 < region_end:  # (the sentences tile the text)
            region_end = self.sentence_at(hi - 1)[1] if hi > 0 else 0
        first = self.paragraph_index(region_start)
        end = max(region_start, region_end - 1)
        starts = self._paragraph_starts
        last = first if first + 1 >= len(starts) or end < starts[first + 1] else self.paragraph_index(end)
        return region_start, region_end, first, last

    def _first_person(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` hold a word of the first person ("we", "I", "our" …)?"""
        index = self.word_index()
        lo, hi = index.span(start, end)
        if lo and index.ends[lo - 1] > start:  # it begins inside a word
            return any(w.casefold() in _FIRST_PERSON for w in WORD_RE.findall(self.text[start:end]))
        return not _FIRST_PERSON.isdisjoint(map(str.casefold, index.words[lo:hi]))

    def attribution_for(self, start: int, end: int, quoted: bool) -> str | None:
        """Whom the article attributes the passage ``[start, end)`` to."""
        anchor_start, anchor_end = start, end
        if quoted:
            # (A quotation never runs over a paragraph's end.)
            first = bisect.bisect_left(self._quote_starts, self.paragraphs[self.paragraph_index(start)][0])
            last = bisect.bisect_left(self._quote_starts, end)
            spans = [(s, e) for s, e in self.quoted[first:last] if start < e]
            if spans:
                s, e = max(spans, key=lambda q: min(q[1], end) - max(q[0], start))
                anchor_start, anchor_end = s, e
        region_start, region_end, first, last = self._region(min(start, anchor_start), max(end, anchor_end))
        inside = [
            a
            for p in range(first, last + 1)
            for a in self.attributions_in(p)
            if a.speaker is not None and region_start <= a.at < region_end
        ]
        if inside:
            # (in order: the ones before the anchor's end, then the ones after)
            before = [a for a in inside if a.at < anchor_end]
            own = [a for a in before if not a.after_quote]
            if len(own) > 1 and self._trailing(own[-1].at, region_start, region_end):
                return own[-1].speaker  # "… after the crew declared an emergency, Shannon Airport said."
            if own:
                return own[0].speaker
            if len(before) < len(inside):
                return inside[len(before)].speaker  # the first after
            return before[-1].speaker
        # (the region's one paragraph, when the passage starts inside the region)
        para = first if first == last and region_start <= start < region_end else self.paragraph_index(start)
        # A headline's "…: Lavrov" names its speaker.
        p_start, p_end = self.paragraphs[para] if self.paragraphs else (0, 0)
        headline = None
        if _ends_in_word(self.text, p_start, p_end):
            headline = _HEADLINE_SPEAKER.search(self.text, p_start, p_end)
        if headline is not None and headline.start() >= end - 1:
            return headline.group(1).split()[-1]
        if quoted and (issued := _ISSUED_HERE_RE.search(self.text, p_start, p_end)) is not None:
            if issued.end() - 1 <= anchor_start <= issued.end():  # (the quotation it announces, no other)
                return issued.group(1) or issued.group(2)
        if quoted and (credit := _CREDIT_LINE_RE.match(self.text, anchor_end)) is not None:
            # The line under a pull-quote ("— Foreign Minister Fyodor Zaretsky"), when it is no
            # page furniture ("— Reuters", "— ENDS") and no one is named as saying it before.
            named = None if self._skipped(credit.start(1)) else _credited(credit.group(1))
            if named is not None and self._named_before(para, start) is None:
                return named
        # No attribution in its sentence: a quotation or first-person
        # paragraph continues the paragraph before it.
        if not (quoted or self._first_person(start, end)):
            return None
        # A quoted sentence after `…," said X.` in the same paragraph is X's, else the one the paragraph before names.
        named = self._named_before(para, start)
        if named is not None:
            return named
        p = self._paragraph_before(para)
        if p < 0:
            return None
        # "Vantair has issued a statement:" and the statement as a paragraph of its own.
        issued = _ISSUED_RE.search(self.text, self.paragraphs[p][0], self.paragraphs[p][1])
        return issued.group(1) if issued else None


# The line under a quotation that says whose it is, right after its closing
# mark: a dash, a name and nothing else but what follows a comma ("> —
# Foreign Minister Fyodor Zaretsky, in Vestnik Dorvanii"); not "— Additional
# reporting by …", "– Eleven tugs are working …" or "— Photo: AP".
_CREDIT_WORD = r"(?:[A-Z][\w’'.-]*|of|the|de|da|di|du|del|la|von|der|van|al|bin)"
_CREDIT_LINE_RE = re.compile(
    rf"[\"”’»]?[ \t]*\n[\s>]*[—–][ \t]*({_CREDIT_WORD}(?:[ \t]+{_CREDIT_WORD}){{0,6}})[ \t]*(?:,[^\n]*)?$",
    re.MULTILINE,
)


def _credited(name: str) -> str | None:
    """Who a credit line's name is: a body whole, a person by surname; None
    for no name (a possessive, a particle last)."""
    words = name.split()
    last = words[-1]
    if not last[:1].isupper() or _possessive(last):
        return None
    return name if last.casefold() in _BODIES else last


# "Vantair has issued a statement:", "The ministry released the following statement:"
# (after a short lead-in at most: "Earlier today, Chief Executive Ingrid
# Haverkamp sent the following memo to all employees:")
_ISSUER = r"(?:[Tt]he\s+)?((?:[A-Z][\w&’'-]*\s+){0,3}[A-Z][\w&’'-]*)"  # (a name of up to four words)
# (before the name, whose role it is: "Wroblewska's lawyer Piotr Kaczmarek has just spoken to us:")
_WHOSE = r"(?:[A-Z][\w’'-]*['’]s\s+[a-z]+(?:\s+[a-z]+)?\s+)?"
_NOW = r"(?:(?:now|just|also|today)\s+)?"  # "has now posted a statement"
_ISSUED = (
    rf"(?:[A-Z]\w*(?:\s+\w+){{0,3}},\s+)?{_WHOSE}{_ISSUER}(?:,\s[^,:\n]{{0,80}},)?\s+"
    rf"(?:has\s+|have\s+)?{_NOW}(?:issued|released|put\s+out|published|posted|shared|sent)\s+"
    r"(?:a|an|the|this|its|their)?\s*(?:following\s+|short\s+|brief\s+|written\s+)?"
    r"(?:statement|message|response|comment|memo|letter|note|e-?mail)\b[^:\n]{0,40}:"
)
_ISSUED_RE = re.compile(rf"(?:^|[.!?]\s+){_ISSUED}\s*$", re.MULTILINE)
# … and the statement after it in the same paragraph (a live page's entry:
# '14:05 - Health Minister Simon Whitford has put out a statement: "…'), or
# after 'X, <who X is>, has just spoken to reporters in Hamilton:'.
_SPOKE = (
    rf"{_WHOSE}{_ISSUER}(?:,\s[^,:\n]{{0,80}},)?\s+"
    rf"(?:has\s+|have\s+)?{_NOW}(?:spoken|spoke|talked)\s+to\s+[^:\n]{{0,60}}:"
)
_ISSUED_HERE_RE = re.compile(rf"(?:^|[.!?]\s+|\s[-–—]\s+)(?:{_ISSUED}|{_SPOKE})\s*[\"“«]", re.MULTILINE)


# A body's name and the short name the text gives it: "The French Athletics
# Federation (FFA)", "the Bank of England (BoE)".
_SHORT_NAME_RE = re.compile(
    r"\b((?:[A-Z][\w'’-]+ (?:(?:of|and|for|the|de) )?){1,5}[A-Z][\w'’-]+) ?\(([A-Z][A-Za-z]{1,5})\)"
)


@lru_cache(maxsize=256)
def short_names(text: str) -> dict[str, str]:
    """The short names a text gives the bodies it names: each short name
    (folded) to the body's full name (folded, without "the")."""
    return {
        m.group(2).casefold(): " ".join(m.group(1).casefold().removeprefix("the ").split())
        for m in _SHORT_NAME_RE.finditer(text)
        if any(c.isupper() for c in m.group(2)[1:]) or len(m.group(2)) <= 3
    }


def name_run_end(text: str, tokens, k: int, last: int, abbreviated: frozenset[str] = frozenset()) -> int:
    """Where the name that begins at token ``k`` ends (``tokens``: (start,
    end, …) tuples, read up to index ``last``): capitalised words, and on
    through up to three role words to the person's name ("said Cal Fire
    battalion chief Maria Delgado", "said Rheinfeld coach Jürgen Haas"), and
    past the stop of a title in ``abbreviated`` ("Dr. Amara Osei"), through
    a hyphen ("Jean-Marc Vidal").  Used by
    the aligner's speaker check too."""

    def spaced(m: int) -> bool:
        if m > last:
            return False
        gap = text[tokens[m - 1][1] : tokens[m][0]]
        if gap == "\n":  # a hard-wrapped line's end ("said Prof" / "Gareth Low, a consultant")
            gap = " "
        if gap in (" ", "-"):  # ("Jean-Marc Vidal")
            return True
        return gap == ". " and text[tokens[m - 1][0] : tokens[m - 1][1]].casefold() in abbreviated

    def capital(m: int) -> bool:
        return text[tokens[m][0]].isupper()

    end = k
    while True:
        while spaced(end + 1) and capital(end + 1):
            end += 1
        m = end + 1
        while spaced(m) and m - end <= 3 and text[tokens[m][0] : tokens[m][1]].casefold() in ROLE_WORDS:
            m += 1
        if m == end + 1 or not (spaced(m) and capital(m)):
            return end
        end = m


def _find_all(text: str, word: str) -> list[int]:
    found = []
    at = text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found


# A role's holder, found in two steps: the role's words (a small pattern
# of each role, compiled once) and the name before or after them (one
# pattern for all roles: the name's character classes are what take long
# to compile).
_NAME_AFTER = "\\s+((?:[A-Z][\\w’'-]+\\s+){0,2}[A-Z][\\w’'-]+)"
# "Name Surname, " (the lookbehind after the first letter is the word
# boundary before it, written so that the regex engine looks for capitals).
_NAME_COMMA = "([A-Z](?<!\\w[A-Z])[\\w’'-]+ [A-Z][\\w’'-]+), "
_STOPS = "[,.;]"
_WORD_START = "\\b\\w"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=1024)
def _role_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A role's words (any case, any spaces between), compiled once."""
    return re.compile(r"(?i:\b" + r"\s+".join(re.escape(w) for w in words) + ")")


def _titles_then_names(text: str, role: re.Pattern[str], places: list[int] | None) -> list[tuple[int, str]]:
    """Where ``role`` and a name right after it stand ("Foreign Minister
    Sergei Lavrov"), as (where the role starts, surname): the first found
    left to right, each after the last one's end; ``places``: the only
    offsets where the role can start, when known."""
    name_after = _compiled(_NAME_AFTER)
    found: list[tuple[int, str]] = []
    if places is not None:
        end = 0
        for at in places:
            if at < end:
                continue
            m = role.match(text, at)
            name = None if m is None else name_after.match(text, m.end())
            if name is not None:
                found.append((at, name.group(1).split()[-1]))
                end = name.end()
        return found
    pos = 0
    while (m := role.search(text, pos)) is not None:
        name = name_after.match(text, m.end())
        if name is None:
            pos = m.start() + 1
            continue
        found.append((m.start(), name.group(1).split()[-1]))
        pos = name.end()
    return found


def _names_then_role(text: str, role: re.Pattern[str], places: list[int] | None = None) -> list[tuple[int, str]]:
    """Where a name stands with its role after a comma ("Ned Price, the US
    State Department spokesman"), as (where the name starts, surname): the
    first names found left to right, each after the last one's end;
    ``places``: the only offsets where the role can start, when known."""
    name_comma = _compiled(_NAME_COMMA)
    found: list[tuple[int, str]] = []
    pos, endpos = 0, len(text)
    if places:
        # The role stands at most 44 characters after the name's ", "
        # (_role_within): the names to look at end between 44 characters
        # before the first place and the last place, and start after the
        # second space before the first such ", " (a name is two words).
        space = text.rfind(" ", 0, max(0, places[0] - 46))
        pos = text.rfind(" ", 0, space) + 1 if space > 0 else 0
        endpos = places[-1]
    while (m := name_comma.search(text, pos, endpos)) is not None:
        if places is not None and not _place_within(places, m.end(), m.end() + 44):
            end = None
        else:
            end = _role_within(text, m.end(), role)
        if end is None:
            pos = m.start() + 1
            continue
        found.append((m.start(), m.group(1).split()[-1]))
        pos = end
    return found


def _place_within(places: list[int], lo: int, hi: int) -> bool:
    """Is one of ``places`` (in order) in ``[lo, hi]``?"""
    k = bisect.bisect_left(places, lo)
    return k < len(places) and places[k] <= hi


def _role_within(text: str, at: int, role: re.Pattern[str]) -> int | None:
    """Where the role ends when it stands at most 40 characters after
    ``at`` (after a "the " or "a ", else from ``at``) with no comma, full
    stop or semicolon before it, and a word boundary after it."""
    after = (at + 4,) if text.startswith("the ", at) else (at + 2,) if text.startswith("a ", at) else ()
    for start in (*after, at):
        stop = _compiled(_STOPS).search(text, start, start + 40)
        limit = start + 40 if stop is None else stop.start()
        for word in _compiled(_WORD_START).finditer(text, start, limit + 1):
            m = role.match(text, word.start())
            if m is not None and _boundary(text, m.end()):
                return m.end()
    return None


def _boundary(text: str, at: int) -> bool:
    """Does ``\\b`` hold at offset ``at`` of ``text``?"""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


def _comma_before(commas: list[int], places: list[int]) -> bool:
    """Is there a ", " (``commas``: where each is) in the 48 characters
    before any of ``places``?"""
    for at in places:
        k = bisect.bisect_left(commas, at - 48)
        if k < len(commas) and commas[k] + 2 <= at:
            return True
    return False


class ArticleFacts(_Attributions, Quotations):
    """Quotations, sentences and attributions of one article, found once."""

    def __init__(self, text: str, skip: tuple[tuple[int, int], ...] = ()) -> None:
        Quotations.__init__(self, text)
        self.skip = skip
        # The skipped spans by start, and the furthest end of those up to each.
        ordered = sorted(skip)
        self._skip_starts = [s for s, _ in ordered]
        self._skip_reach = list(itertools.accumulate((e for _, e in ordered), max))
        self._role_hits: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self._folded: str | None = None  # the text casefolded, when a role is looked up
        self._comma_offsets: list[int] | None = None
        # Attributions are found paragraph by paragraph, as passages need them.
        self._by_paragraph: dict[int, list[_Attribution]] = {}

    def sentence_speakers(self, start: int, end: int) -> list[tuple[int, int, bool, str | None]]:
        """Each sentence of ``[start, end)`` (cut to it): where it is, whether
        it is a quote, and whom the article attributes it to."""
        out = []
        for s, e in self.sentence_spans(start, end):
            quoted = self.is_quote(s, e)
            out.append((s, e, quoted, self.attribution_for(s, e, quoted)))
        return out


# Characters looked for in the short stretches between words.
_QUOTE_SET = frozenset(QUOTE_CHARS)
_AFTER_QUOTE_SET = frozenset(',"”’')
_CLOSING_SET = frozenset('"”’»')
_OPENING_SET = frozenset("“«„")
_BREAK_SET = frozenset(".!?;:\n")


# Days and months: never a speaker (not "May", "June", "April", "August": surnames and first names too).
_WHEN = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january february march "
    "september october november december".split()
)


def _ends_in_word(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` end in a character of a name (a letter, a
    digit, ``_ ’ ' -``), but for spaces and tabs after it: the only place
    where :data:`_HEADLINE_SPEAKER` can match in a paragraph (most end in a
    stop, and the pattern need not be tried)?"""
    k = end - 1
    while k >= start and text[k] in " \t":
        k -= 1
    return k >= start and (text[k].isalnum() or text[k] in "_’'-")


_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
_EDGES_OF_TIME = frozenset("late early earlier later".split())


def _time_phrase_start(text: str, tokens, j: int) -> int | None:
    """The first token of a time phrase that ends at token ``j`` and stands
    between a subject and its verb ("on Monday", "late on Tuesday night",
    "on March 3", "on 3 March", "yesterday"), words apart by single spaces;
    None when there is none."""

    def word(k: int) -> str:
        return tokens[k][2].casefold() if k >= 0 else ""

    def spaced(k: int) -> bool:  # tokens k and k + 1 are one space apart
        return text[tokens[k][1] : tokens[k + 1][0]] == " "

    k = j
    if word(k) in ("yesterday", "today", "tonight"):
        return k
    if word(k) in _PARTS_OF_DAY and k >= 1 and spaced(k - 1):
        k -= 1
    if word(k).isdigit() and word(k - 1) in MONTHS and spaced(k - 1):
        k -= 1  # "on March 3"
    elif word(k) in MONTHS and word(k - 1).isdigit() and spaced(k - 1):
        k -= 1  # "on 3 March"
    elif word(k) not in WEEKDAYS:
        return None
    if word(k - 1) != "on" or not spaced(k - 1):
        return None
    k -= 1
    if word(k - 1) in _EDGES_OF_TIME and spaced(k - 1):
        k -= 1
    return k


def _opening_name(text: str, tokens, j: int) -> str | None:
    """The surname of a person named in full (two capitalised words or
    more, titles aside) by the words that open the sentence of token
    ``j`` up to its first comma, when a comma comes before ``j``."""
    k = j
    while k > 0 and not _breaks(text[tokens[k - 1][1] : tokens[k][0]]) and _QUOTE_SET.isdisjoint(
        text[tokens[k - 1][1] : tokens[k][0]]
    ):
        k -= 1
    end = k
    while end < j and "," not in text[tokens[end][1] : tokens[end + 1][0]]:
        end += 1
    if end >= j:
        return None
    words = [tokens[m][2] for m in range(k, end + 1)]
    if not all(w[:1].isupper() for w in words) or any(_possessive(w) for w in words):
        return None
    while words and words[0].casefold() in _TITLES:
        words.pop(0)
    if len(words) < 2 or words[-1].casefold() in _BODIES:
        return None
    return words[-1]


def _people_named(facts, start: int, end: int) -> list[str]:
    """The surnames of the people ``facts.text[start:end]`` names in full,
    outside quotations, in order: the last word of a run of capitalised
    words, its titles left out ("President Kenjiro Ohashi" is Ohashi)."""
    found = []
    for m in _PERSON_RE.finditer(facts.text, start, end):
        if facts.in_quote(m.start()):
            continue
        words = m.group().split()
        while words and (words[0].casefold() in _TITLES or words[0].casefold() in _NOT_NAMES):
            words.pop(0)
        if len(words) >= 2 and words[-1].casefold() not in _TITLES and words[-1].casefold() not in _BODIES:
            found.append(words[-1])  # (not "Co" of "Hanamura Motor Co", a body)
    return found


def _unnamed_for(tokens, k: int, j: int) -> str:
    """Who "a … spokesman" (tokens k..j, "a" before them) speaks for, as "a
    spokesman for X" does: the body a capitalised name gives ("A Denkai
    spokesman": Denkai), else the body its words name ("a police
    spokesman": the police), else the role ("a spokesman")."""
    words = [tokens[m][2] for m in range(k, j)]
    if words and all(w[:1].isupper() for w in words):
        return " ".join(words)
    if words:
        return "the " + " ".join(w.casefold() for w in words)
    return f"{tokens[k - 1][2].casefold()} {tokens[j][2]}"


def _indefinite(text: str, tokens, k: int) -> bool:
    """Does "a" or "an" come before token ``k`` ("A police spokesman said"):
    a role held by someone unnamed, never by the one the article names?"""
    return k >= 1 and tokens[k - 1][2].casefold() in ("a", "an") and text[tokens[k - 1][1] : tokens[k][0]] == " "


def _a_person(speaker: str) -> bool:
    """Can "he" or "she" be this speaker: a name, not a body ("the
    company", "Calder Semiconductor", "a witness" may be)?"""
    words = speaker.split()
    return speaker[:1].isupper() and words[-1].casefold() not in _BODIES


def _breaks(gap: str) -> bool:
    return not _BREAK_SET.isdisjoint(gap)


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


Sentences = list[tuple[int, int, "str | None"]]  # (start, end, speaker), offsets in the passage's text


def article_facts(article: Article) -> ArticleFacts:
    skip = tuple((line.start, line.end) for line in article.lines if line.kind in ("boilerplate", "header"))
    skip += tuple(article.metadata)  # bylines, datelines
    # Hard-wrapped lines read as the paragraph they are: a quotation, a
    # sentence or a name ("said Andriy\nSavchuk") goes on across the cut.
    return ArticleFacts(flowing_text(article), skip)


def passage_facts(facts: ArticleFacts, start: int, end: int) -> tuple[bool, str | None]:
    """(quoted, speaker) of the span ``[start, end)`` of one article."""
    quoted, speaker, _ = passage_sentences(facts, start, end)
    return quoted, speaker


def passage_sentences(facts: ArticleFacts, start: int, end: int) -> tuple[bool, str | None, Sentences]:
    """(quoted, speaker, its sentences with their speakers) of a span.  A span
    of several sentences names the speaker of its first quote (else of its
    first attributed sentence)."""
    quoted = facts.is_quote(start, end)
    # (a span inside the sentence it starts in is one sentence: the sentences tile the text)
    if end <= facts.sentence_at(start)[1] or len(facts.sentence_spans(start, end)) <= 1:
        speaker = facts.attribution_for(start, end, quoted)
        return quoted, speaker, [(0, end - start, speaker)]
    found = facts.sentence_speakers(start, end)
    sentences: Sentences = [(s - start, e - start, who) for s, e, _, who in found]
    speaker = next((who for _, _, q, who in found if q and who), None)
    if speaker is None:
        speaker = next((who for _, _, _, who in found if who), None)
    return quoted, speaker, sentences
