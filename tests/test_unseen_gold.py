"""Quality on stories the engine was never tuned on: tests/data/unseen/<story>/
holds three or four versions of one wire story, reworked the way outlets
rework copy (a rewritten lede, paragraphs reordered, a quote shortened with
"[...]" or given a bracketed insertion, a number or a name's spelling changed,
a quote turned into paraphrase, paragraphs of an outlet's own, bylines,
datelines, page furniture), and a gold.json written by reading the texts:

* ``groups``: passages a reader expects aligned; ``must`` members (near
  verbatim) must all lie in one group, ``should`` members (reworded) are
  measured, not required;
* ``not_together``: different statements (other speakers, other facts) that
  must never share a group;
* ``edits``: every change made between two versions, the words on each
  side: they must lie inside the passages of one *variant* group in both;
  an edit's ``flags`` are the change kinds one of which must flag that
  group (a number, a name, a quote turned into paraphrase);
* ``only_here``: paragraphs one outlet adds, never aligned;
* ``metadata_lines``: bylines and date lines, which no passage runs into;
* ``repeats``: a stretch repeating a gold group's passage inside its own
  article (a pull-quote), listed in ``Group.repeats``, never as a version;
* ``not_flagged``: flags a gold group must not carry (its versions agree);
* ``speakers``: whom a gold group's version is attributed to (any of the names);
* ``boilerplate``, ``not_a_group`` as in the sample corpus's gold.

Where the engine misses, the case is ``xfail(strict=True)`` with the reason,
so that the fix shows as an XPASS to remove.  Run this file as a script
(``python3 tests/test_unseen_gold.py``) for the recall and precision
figures and a list of every shown group that is wrong.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path

import pytest

if __name__ == "__main__" and importlib.util.find_spec("sidebyside") is None:  # run as a script, not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sidebyside.aligning.align import align
from sidebyside.aligning.tokens import normalise
from sidebyside.model import Alignment, Group, Passage
from sidebyside.reading.articles import load_articles

UNSEEN = Path(__file__).parent / "data" / "unseen"
STORIES = sorted(p.parent.name for p in UNSEEN.glob("*/gold.json"))


@cache
def gold(story: str) -> dict:
    return json.loads((UNSEEN / story / "gold.json").read_text(encoding="utf-8"))


@cache
def alignment(story: str) -> Alignment:
    return align(load_articles([UNSEEN / story]))


# --- where gold texts stand, and which passages cover them ---------------------------


def _article(al: Alignment, name: str) -> int:
    names = [a.path.name for a in al.articles]
    assert name in names, f"{name} not loaded"
    return names.index(name)


def span_of(al: Alignment, file: str, text: str, words: str | None = None) -> tuple[int, int, int]:
    """(article, start, end) of ``text`` in ``file`` (it must stand there
    once), or of ``words`` inside it."""
    a = _article(al, file)
    body = al.articles[a].text
    start = body.find(text)
    assert start >= 0, f"gold text not in {file}: {text!r}"
    assert body.find(text, start + 1) < 0, f"gold text twice in {file}: {text!r}"
    if words is None:
        return a, start, start + len(text)
    at = text.find(words)
    assert at >= 0, f"{words!r} not in {text!r}"
    return a, start + at, start + at + len(words)


def _shared(p: Passage, start: int, end: int) -> int:
    return max(0, min(p.end, end) - max(p.start, start))


def touches(p: Passage, a: int, start: int, end: int) -> bool:
    """The passage holds at least half of the span, or the span at least
    half of the passage (a short passage inside a long member)."""
    return p.article == a and _shared(p, start, end) >= 0.5 * min(end - start, p.end - p.start)


def groups_covering(al: Alignment, member: dict) -> set[str]:
    """Ids of the groups with a passage holding at least half of the member."""
    a, s, e = span_of(al, member["file"], member["text"])
    return {g.id for g in al.groups for p in g.passages if p.article == a and _shared(p, s, e) >= 0.5 * (e - s)}


def groups_holding_edit(al: Alignment, edit: dict) -> set[str]:
    """Variant groups whose passages hold each side's edited words whole."""
    found = None
    for side in edit["sides"]:
        a, s, e = span_of(al, side["file"], side["text"], side.get("words"))
        here = {
            g.id
            for g in al.groups
            if g.kind == "variant"
            for p in g.passages
            if p.article == a and p.start <= s and e <= p.end
        }
        found = here if found is None else found & here
    return found or set()


# --- the cases, and the engine's known misses ---------------------------------------

#: (story, kind, id) -> why the engine misses it (read off its output).
MISSES: dict[tuple[str, str, str], str] = {
    ("quake", "edit", "inland-paraphrase"): "the minister's second quote turned into paraphrase is not grouped",
    ("rates", "edit", "lede-rewritten"): "local.txt's rewritten lede is not grouped with the wire's",
    ("ferry", "edit", "alexiou-paraphrase"): "the tabloid's paraphrase of the spokesman's quote is not grouped",
    ("ferry", "edit", "lede-rewritten"): "the tabloid's rewritten lede is not grouped with the wire's",
    ("volcano", "edit", "lede-rewritten"): "translated.txt's own lede is not grouped with the wire's",
    # who said it (facts): a body named in part, a role taken for a place, a wrapped quote with no speaker
    # verdict: a court story, hard-wrapped newsletter.txt; talks: quotes translated twice, al-/El-, Sergei/Sergey
    ("verdict", "edit", "lede-rewritten"): "daily.txt's own lede is not grouped with the wire's",
    # earnings: quarterly results (% / per cent, $bn / billion dollars, Q3), a rival's paragraph with the same figures
    ("earnings", "not", "norvane-vs-calder-cuts"): (
        "g8 (variant, similarity 78, no flag) pairs wire.txt's 'which Norvane cut 4% of its workforce, about 1,100 "
        "jobs, mostly in its consumer division' with roundup.txt's own 'it would cut about 1,100 jobs, mostly in its "
        "consumer division' about the rival Calder (its speaker read as 'Wednesday')"
    ),
    # zurich: Đoković/Djokovic, Müller/Mueller, Zürich/Zurich; a saved .html page; a digest hard-wrapped at 70 columns
    # study: a press release and three write-ups; units converted, 37.8% rounded, a quote cut with '...', a pull-quote
    ("study", "edit", "year"): (
        "health.txt's passage in g2 ends at 'the study found.', before 'The effect was strongest … built before 1960.' "
        "(the wire's and release.md's run on to 1950), so the changed year is in no group"
    ),
    # derby: Hrytsenko/Hryzenko (a Ukrainian name transliterated into German), Weiss/Weiß; a coach's German quote
    # translated twice; a saved .html page
    ("derby", "edit", "haas-paraphrase"): (
        "report.txt's paraphrase 'said he had told Hrytsenko at half-time that his chance would come' is in no group; "
        "g10 pairs only 'and praised a player who \"needs only one chance\"' with the wire's 'He is a player who needs "
        "only one chance'"
    ),
    # diversion: a live blog newest entry first, under time lines; a Markdown newsletter hard-wrapped at 72 columns;
    # 'reportedly'; Vogel/Vogl
    # election (held out, not for tuning): an Estonian election night; a saved .html page, a Markdown briefing
    # hard-wrapped at 72 columns; Tonis/Tõnis, Mand/Mänd; a concession cut with '[...]' and turned into paraphrase
    ("election", "edit", "tamm-retranslated"): (
        "g4's page.html passage ends at '\"Tonight Estonia chose change, but change cannot mean chaos,\"', leaving "
        "out the re-translated second sentence ('We will govern for everyone in Estonia, …')"
    ),
    ("election", "not-flagged", "majority:number+name"): (
        "g5 joins the turnout and majority paragraphs in one passage, so the turnout's 63.2% -> 62.3% flags it number"
    ),
    ("election", "not-flagged", "lede:number+name+date"): (
        "g1 joins the lede and the results paragraph in one passage, so the results' 27 -> 28 seats flags it number"
    ),
    ("stabbing", "edit", "age"): (
        "local.txt's UPDATE paragraph (Daniel Pryce, 35, charged with wounding with intent) is in no group; g10 pairs "
        "the wire's charges paragraph with page.html's only"
    ),
    ("stabbing", "edit", "charge-changed"): "local.txt's UPDATE paragraph is in no group (see age)",
    ("stabbing", "edit", "btp-spelt-out"): "the arrest sentences are in no group (see arrest-scene)",
    ("stabbing", "edit", "network-rail-dropped"): (
        "g8's wire passage ends before ', and Network Rail said …' (and local.txt's before its full stop), so the "
        "dropped clause is not shown"
    ),
    ("stabbing", "edit", "ellery-paraphrase"): (
        "page.html's paraphrase 'Ch Supt Mark Ellery said there was no wider threat …' is in no group; g9 pairs the "
        "wire's and local.txt's identical quotes only"
    ),
    ("stabbing", "speaker", "ellery@page.html"): "page.html's paraphrase is in no group",
    # recall and artefacts: written blind by a helper this round, never read by the engine's author before
    # they were measured; what the engine missed then is listed here as it was.
    ("recall", "must", "keogh"): (
        "held out (written blind this round): the must members lie in different groups: wire.txt in ['g10']; "
        "regional.txt in ['g10']; page.html in no group"
    ),
    ("artefacts", "edit", "lede-rewritten"): (
        "held out (written blind this round): rewritten lede: wire.txt's side in g1; regional.txt's side in "
        "no passage (no one variant group holds both)"
    ),
    ("artefacts", "edit", "ashdown-paraphrase"): (
        "held out (written blind this round): quote turned into paraphrase (the curator's quote over two "
        "paragraphs): wire.txt's side in no passage; regional.txt's side in g6 (no one variant group holds "
        "both)"
    ),
    ("recall", "edit", "ohashi-retranslated-asia"): (
        "held out (written blind this round): re-translated quote (from Japanese, a third time: first "
        "priority / top priority, sincerely apologize for the worry this causes / deeply apologize for "
        "causing concern): wire.txt's side in g18; asia.txt's side in no passage (no one variant group holds "
        "both)"
    ),
    ("recall", "edit", "ohashi-relative-clause"): (
        "held out (written blind this round): relative clause inserted (who took over in 2025), the news "
        "conference told as a bow: wire.txt's side in g13, g18; asia.txt's side in no passage (no one variant "
        "group holds both)"
    ),
    ("recall", "edit", "ohashi-quote-extended"): (
        "held out (written blind this round): a sentence added to the quote (We have already begun to make "
        "replacement parts), carried over two paragraphs with the first left open; every affected pump / all "
        "of the affected pumps: wire.txt's side in g3; asia.txt's side in no passage (no one variant group "
        "holds both)"
    ),
    ("recall", "edit", "keogh-paraphrase-asia"): (
        "held out (written blind this round): quote turned into paraphrase (the campaigner; 'not to wait for "
        "the letter' given to 'U.S. safety advocates'): wire.txt's side in no passage; asia.txt's side in no "
        "passage (no one variant group holds both)"
    ),
    ("recall", "edit", "lede-rewritten"): (
        "held out (written blind this round): rewritten lede: wire.txt's side in g17; page.html's side in no "
        "passage (no one variant group holds both)"
    ),
    ("recall", "edit", "ohashi-retranslated"): (
        "held out (written blind this round): re-translated quote (from Japanese: the apology): wire.txt's "
        "side in g18; page.html's side in no passage (no one variant group holds both)"
    ),
    ("artefacts", "flag", "marwood-cut"): (
        "held out (written blind this round): quote cut in its middle with '[...]': inside , flagged nothing, "
        "not any of ['quote-changed']"
    ),
    ("artefacts", "flag", "ashdown-paraphrase"): (
        "held out (written blind this round): quote turned into paraphrase (the curator's quote over two "
        "paragraphs): inside , flagged nothing, not any of ['quote-paraphrase']"
    ),
    ("artefacts", "flag", "meas-name-order"): (
        "held out (written blind this round): name order (Sokha Meas / Meas Sokha, the Khmer order: family "
        "name first; 'Archaeologist ... of' / ', an archaeologist at'): inside g11, flagged ['attribution', "
        "'quote-paraphrase'], not any of ['name', 'spelling']"
    ),
    ("recall", "flag", "ohashi-retranslated-asia"): (
        "held out (written blind this round): re-translated quote (from Japanese, a third time: first "
        "priority / top priority, sincerely apologize for the worry this causes / deeply apologize for "
        "causing concern): inside , flagged nothing, not any of ['quote-changed']"
    ),
    ("recall", "flag", "ohashi-quote-extended"): (
        "held out (written blind this round): a sentence added to the quote (We have already begun to make "
        "replacement parts), carried over two paragraphs with the first left open; every affected pump / all "
        "of the affected pumps: inside , flagged nothing, not any of ['quote-changed']"
    ),
    ("recall", "flag", "keogh-paraphrase-asia"): (
        "held out (written blind this round): quote turned into paraphrase (the campaigner; 'not to wait for "
        "the letter' given to 'U.S. safety advocates'): inside , flagged nothing, not any of "
        "['quote-paraphrase']"
    ),
    ("recall", "flag", "ohashi-retranslated"): (
        "held out (written blind this round): re-translated quote (from Japanese: the apology): inside , "
        "flagged nothing, not any of ['quote-changed']"
    ),
    ("recall", "speaker", "ohashi-quote@page.html"): (
        "held out (written blind this round): said by ['Ōhashi'] (its passages), not Ōhashi"
    ),
    ("recall", "speaker", "ohashi-quote@asia.txt"): (
        "held out (written blind this round): said by ['Ohashi'] (its passages), not Ohashi"
    ),
    # envoy and blast: written blind this round (a minister's remarks translated three times; a gas blast crawled
    # twice); measured blind first, then the fixes above them; what the engine still misses:
    ("envoy", "not", "gas-vs-nazarova"): (
        "the spokeswoman's answer (bulletin.txt: 'Asked on Wednesday whether …, foreign ministry spokeswoman "
        "Yulia Nazarova said: \"Gas is not a weapon in this dispute …\"') follows the paragraphs the outlets "
        "share, in like words, and is grouped with the minister's answer, flagged 'attribution' (read as one quote "
        "given to another speaker); the gold reads it as another statement"
    ),
    ("envoy", "not", "gas-page-vs-nazarova"): "as gas-vs-nazarova: one group holds the answers and hers",
    ("envoy", "not", "gas-digest-vs-nazarova"): "as gas-vs-nazarova: one group holds the answers and hers",
    ("envoy", "not-flagged", "gas:attribution+negation"): "as gas-vs-nazarova: her answer flags it",
    ("envoy", "edit", "lede-rewritten"): "digest.txt's own lede (the UN threat first) is not grouped",
    ("envoy", "edit", "farmers-cut"): (
        "digest.txt's quote cut with '[...]' ('… building dams [...] The Tajik side …') is in no group with the "
        "wire's: its pieces and the wire's sentences differ too much once re-translated"
    ),
    ("envoy", "edit", "un-paraphrase"): (
        "digest.txt's paraphrase of the UN threat ('adding that if the talks could not give Uzbekistan a fair answer, "
        "…') is grouped with its own quoted end only, not with the wire's whole quote"
    ),
    ("envoy", "speaker", "farmers-quote@digest.txt"): "digest.txt's quote is in no group (see farmers-cut)",
    ("envoy", "speaker", "rounds-quote@digest.txt"): "digest.txt's re-translated quote is in no group",
    # embezzlement and asthma: written blind this round by another helper (a court story with accents dropped and a
    # judge's remarks quoted, cut with "…" and paraphrased; a study's press release and three write-ups);
    # measured blind first; what the engine still misses:
    ("asthma", "must", "brandt-quote"): (
        "paper.txt cuts the lead author's quote after its second sentence's first clause, so the run is cut where "
        "its passage ends: g5 holds the first sentence in all four, and the quote's second sentence is a group of "
        "the other three (the cut is shown as paper.txt carrying one group and not the next, not as a change)"
    ),
    ("asthma", "edit", "brandt-cut-end"): "see brandt-quote: the cut end is a group paper.txt does not carry",
    ("asthma", "repeat", 'brandt-quote@trade.md:> "Where a c'): "see brandt-quote: the gold group has no one home",
    ("asthma", "not-flagged", "brandt-quote:attribution+quote-paraphrase"): "see brandt-quote",
    ("asthma", "edit", "caveat-dropped"): (
        "the caveat newsletter.txt leaves out ('The study was observational and cannot prove cause.') is a group of "
        "its own (the other three carry it), and the sentence after it another: the drop is shown as the "
        "newsletter not carrying a group, not as a change inside one"
    ),
    ("asthma", "boilerplate", "talk to your GP or pharmacist."): (
        "the disclaimer's third hard-wrapped line: a wrapped line of furniture makes only the next one furniture"
    ),
    ("embezzlement", "edit", "judge-paraphrase"): "spanish.txt's paraphrase of the judge's summary is in no group",
    ("embezzlement", "speaker", "judge@spanish.txt"): "spanish.txt's paraphrase is in no group (judge-paraphrase)",
    # wildfire and transfer: written blind this round by a third helper, measured blind on this round's final
    # engine; what it misses (the furniture lines and the club page's repeated headline were fixed after):
    ("wildfire", "must", "governor"): (
        "liveblog.txt gives the governor's declaration and quote as one sentence ('Gov. Teresa Albright, who declared "
        "…, said in a statement: \"…\"'), so its pieces are one passage; the group holds it and tv.html's paragraph "
        "whole but only wire.txt's first sentence, and wire.txt's quote is left in no group"
    ),
    ("wildfire", "edit", "governor-attribution-before"): "see governor",
    ("wildfire", "not-flagged", "governor:attribution+name"): "see governor",
    ("wildfire", "speaker", "governor@wire.txt"): "see governor",
    ("wildfire", "edit", "lede-rewritten"): "the live blog's own lede is not grouped with the wire's",
    ("wildfire", "flag", "chief-quote-cut"): "tv.html's quote cut at its end: negation and spelling, not quote",
    ("wildfire", "speaker", "chief-forecast@tv.html"): "tv.html's forecast paragraph is not read as the chief's",
    ("transfer", "edit", "verhagen-paraphrase"): "the fan site's paraphrase of the manager's quote is in no group",
    ("transfer", "speaker", "verhagen-quote@fansite.txt"): "see verhagen-paraphrase",
    ("transfer", "boilerplate", "Men's First Team"): "a section's name after the page's headline is read as body",
    ("transfer", "boilerplate", "CITY TILL I DIE - the Kingsmere City fan blog"): "a blog's masthead: body",
    ("blast", "edit", "ugi-reply-rewritten"): (
        "update.txt rewrites the paragraph's second sentence ('UGI said it was reviewing its records …' / 'UGI "
        "spokesman Joe Swope said the company had found no record …'): the two are in no one group"
    ),
    ("diversion", "flag", "vogel-vogl"): (
        "both spellings are now inside g6, but each version is compared with the live blog's (said by "
        "'Vantair'), so Vogl and Vogel are each an attribution change against it, not a spelling of each other"
    ),
    # spill and marathon: written blind this round, measured on the round's last engine before I read them
    ("spill", "edit", "lede-rewritten"): "the national paper's own lede is not grouped with the wire's",
    ("spill", "edit", "judge-paraphrase"): (
        "radio.txt reports the ruling in the judge's name in other words; too few of its words are the quote's "
        "to be linked"
    ),
    ("spill", "speaker", "judge@radio.txt"): "see judge-paraphrase",
    ("marathon", "edit", "rotich-attribution"): (
        "the tabloid's 'Rotich said:' is another sentence than the wire's 'Rotich, who was hired …, said the "
        "Ethiopian had asked him …': the two attributions are in no one group"
    ),
    ("marathon", "edit", "bonus-converted"): (
        "the tabloid's own sentence after the quote ('That is around £78,000 …') is a passage of its own, not "
        "part of the bonus group"
    ),
    ("marathon", "flag", "alemayehu-french"): (
        "Getachew Alemayehu / Guétatchew Alémayéhou: the French transliteration is too unlike for the spelling "
        "test, and the group's time change is what is flagged"
    ),
    ("marathon", "own", "federation.txt"): (
        "the federation's own quote ('What we saw in Lyon this morning is the result of …') is aligned with "
        "another outlet's sentence"
    ),
    ("marathon", "boilerplate", "FÉDÉRATION FRANÇAISE D'ATHLÉTISME"): (
        "a federation's name in capitals over its statement, no paper's noun in it: read as the headline"
    ),
    # breach and noconfidence: written blind this round, measured before any fix
    ("breach", "edit", "lede-rewritten"): "regional.txt's own lede is not grouped with the wire's",
    ("breach", "boilerplate", "Report a gas leak: leave the area and call 1-800-555-0111 from a safe place."): (
        "a utility's safety notice: a line with a phone number is prose as often (police appeals)"
    ),
    ("noconfidence", "edit", "lede-rewritten"): "european.txt's own lede is not grouped with the wire's",
    ("noconfidence", "edit", "not-acceptable"): (
        "page.html's link with the wire is cut between its paraphrase and its quote, where european.txt "
        "(which gives them in the other order) is; the quote's piece then clashes with the wire's whole "
        "paragraph in the group and is left out"
    ),
    # measles and chipcuts: written blind this session, measured on the session's first engine
    ("measles", "must", "kahukura-quote"): (
        "live.txt's entry with Dr Kahukura's quote is linked, clause by clause, to the minister's alike "
        "'Measles is one of the most infectious diseases we know' in the other outlets, and its own quote "
        "is in no group"
    ),
    ("measles", "not-flagged", "kahukura-quote:attribution+quote-changed"): "see kahukura-quote",
    ("measles", "speaker", "kahukura-quote@live.txt"): "see kahukura-quote",
    ("measles", "edit", "lede-rewritten"): (
        "regional.txt's own lede ('Nearly 200 people in the Waikato have now caught measles …') shares too "
        "few words with the wire's to be linked"
    ),
    ("measles", "edit", "deaths-hedged"): (
        "'No deaths have been reported.' is joined to the minister's quote paragraph after it in three "
        "outlets; the live page gives its 'No deaths have so far been confirmed.' in another entry, "
        "so the two are in no one group"
    ),
    ("measles", "flag", "deaths-hedged"): "see the edit deaths-hedged",
    ("chipcuts", "must", "cuts"): (
        "tech.html's 'Halvern is reportedly planning to cut 12% of its workforce by the end of 2028' "
        "shares too few words with the others' job-cut sentence to be linked"
    ),
    ("chipcuts", "must", "memo"): (
        "tech.html cuts the memo after its first sentence: its link with the wire holds that sentence only "
        "(g8), too unlike the whole memo (g3) to join its group"
    ),
    ("chipcuts", "quotes", "all"): "see memo: the wire's passage in g8 ends after the memo's first sentence",
    ("chipcuts", "not-flagged", "memo:attribution+quote-paraphrase+number"): "see memo",
    ("chipcuts", "edit", "memo-cut"): "see memo",
    ("chipcuts", "flag", "memo-cut"): "see memo",
    ("chipcuts", "not", "memo-wire-vs-union-demand"): (
        "the union's 'Demand for chips in cars and factories has fallen' (before ', but it has fallen for "
        "every chip maker') is linked, as a clause, to the memo's 'Demand for our chips … has fallen "
        "further …': the union echoes the memo's words to answer them"
    ),
    ("chipcuts", "edit", "lede-rewritten"): (
        "tech.html's own lede ('Europe's car-chip slump has claimed its biggest casualty yet …') shares too "
        "few words with the wire's to be linked"
    ),
    ("chipcuts", "edit", "lede-rewritten-union"): "the union's own lede shares too few words with the wire's",
    ("chipcuts", "edit", "lede-rewritten-blog"): (
        "the company's own lede (the $450 million of savings first, no jobs) shares too few words with the wire's"
    ),
    ("chipcuts", "edit", "cuts-reportedly"): "see cuts",
    ("chipcuts", "flag", "cuts-reportedly"): "see cuts",
    ("chipcuts", "edit", "cuts-european-style"): (
        "the union's 'According to the company, 1.200 jobs will disappear' is in no group with the "
        "others' job-cut sentence (too few words in common)"
    ),
    ("chipcuts", "edit", "cuts-share-only"): "see cuts",
    ("chipcuts", "not-flagged", "cuts:number"): "see cuts",
    ("chipcuts", "edit", "fab-dollars"): (
        "the union's sentence on the fab ('the expansion of the Nijmegen fab, worth 2.3 billion dollars, "
        "which …') is reworded too far from the others' to be linked"
    ),
    ("chipcuts", "edit", "brink-paraphrase"): (
        "tech.html reports the union negotiator's reply in its own words ('said the union would not "
        "accept forced redundancies …'); the wire quotes it after the union's own sentence, and the two are "
        "in no one group"
    ),
    ("chipcuts", "flag", "brink-paraphrase"): "see the edit brink-paraphrase",
    # canal and misconduct: written blind, measured on the engine of 2026-11-30 before anyone read them;
    # read and worked on from 2026-12-01 (the reasons keep the words of that first measure)
    ('canal', 'must', 'ship'): (
        "held out (written blind this session, measured, not read): ship: in no group in ['statement.html', "
        "'live.txt']"
    ),
    ('canal', 'must', 'rahmani'): (
        "held out (written blind this session, measured, not read): rahmani: in groups [{'g10'}, {'g10'}, "
        "{'g11'}], not one group"
    ),
    ('misconduct', 'must', 'retractions'): (
        "held out (written blind this session, measured, not read): retractions: in groups [{'g12'}, {'g12'},"
        " {'g2'}], not one group"
    ),
    ('misconduct', 'must', 'provost'): (
        "held out (written blind this session, measured, not read): provost: in groups [{'g6'}, {'g6'}, "
        "{'g13'}], not one group"
    ),
    ('canal', 'edit', 'lede-rewritten'): (
        "held out (written blind this session, measured, not read): rewritten lede (the trade paper's: the "
        "salvors' long operation first, the ship as '400-metre boxship OrientPearl'): ['A giant container "
        "ship ran aground in the Talmar …"
    ),
    ('canal', 'edit', 'lede-rewritten-statement'): (
        "held out (written blind this session, measured, not read): rewritten lede (the authority's: what it "
        "is doing, no queue): ['A giant container ship ran aground in the Talmar Canal early on Thursday and "
        "blocked one of the world's…"
    ),
    ('canal', 'edit', 'rahmani-cut'): (
        "held out (written blind this session, measured, not read): quote cut after its first sentence (the "
        "tugs and dredgers, 'doing everything in our power to reopen the canal' and the appeal for patience "
        "left out), the attribution b…"
    ),
    ('canal', 'edit', 'rahmani-paraphrase'): (
        "held out (written blind this session, measured, not read): quote turned into paraphrase (the "
        "chairman's statement on the live page: 'says all of the crew are safe ... has asked shipping lines "
        "to be patient'; 'doing everything …"
    ),
    ('misconduct', 'edit', 'lede-rewritten-science'): (
        "held out (written blind this session, measured, not read): rewritten lede (the science site's: the "
        "lab facing the loss of its papers, 'doctored the images', no name): ['Kingsford University today "
        "announced that an independent …"
    ),
    ('misconduct', 'edit', 'lede-rewritten-national'): (
        "held out (written blind this session, measured, not read): rewritten lede (the national paper's: "
        "'manipulated images in published papers over seven years', the department shaken): ['Kingsford "
        "University today announced that an…"
    ),
    ('misconduct', 'edit', 'lede-reworded-student'): (
        "held out (written blind this session, measured, not read): the release's lede reworded as the "
        "student paper's second paragraph (her lab and its start in 2012 added, 'was found by an independent "
        "panel to be responsible'); the s…"
    ),
    ('misconduct', 'edit', 'papers-in-words'): (
        "held out (written blind this session, measured, not read): number written in words and the bullet "
        "made a sentence ('**7 papers** should be retracted' / 'seven of her papers be retracted': the same "
        "count): ['**7 papers**', 'sev…"
    ),
    ('misconduct', 'edit', 'provost-reworded'): (
        "held out (written blind this session, measured, not read): quote reworded throughout, as if re-"
        "translated (careful, independent investigation that took more than a year / thorough and independent"
        " inquiry lasting over a year; c…"
    ),
    ('misconduct', 'edit', 'provost-cut'): (
        "held out (written blind this session, measured, not read): quote cut in its middle with '...' (the "
        "sentence 'The panel found that images had been altered ... responsible for those changes.' left "
        "out), the attribution after it:…"
    ),
    ('canal', 'flag', 'rahmani-cut'): (
        "held out (written blind this session, measured, not read): rahmani-cut: not inside one variant group"
    ),
    ('canal', 'flag', 'rahmani-paraphrase'): (
        "held out (written blind this session, measured, not read): rahmani-paraphrase: not inside one "
        "variant group"
    ),
    ('misconduct', 'flag', 'provost-reworded'): (
        "held out (written blind this session, measured, not read): provost-reworded: not inside one variant "
        "group"
    ),
    ('misconduct', 'flag', 'provost-cut'): (
        "held out (written blind this session, measured, not read): provost-cut: not inside one variant group"
    ),
    ('misconduct', 'quotes', 'all'): (
        "held out (written blind this session, measured, not read): g15: 'Professor Alan Whitcombe, the ' … "
        "'nd it was not reached lightly.'"
    ),
    ('canal', 'repeat', 'rahmani@statement.html:"We are doin'): (
        "held out (written blind this session, measured, not read): rahmani: its must members are not in one "
        "group"
    ),
    ('misconduct', 'repeat', 'provost@science.html:"This findin'): (
        "held out (written blind this session, measured, not read): g15 has the repeat as a version: "
        "'Professor Alan Whitcombe, the university\\'s provost.\\n\\n'This finding follows a careful, "
        "independent investigation that took more tha…"
    ),
    ('canal', 'not-flagged', 'rahmani:attribution'): (
        "held out (written blind this session, measured, not read): rahmani: its must members are not in one "
        "group"
    ),
    ('misconduct', 'not-flagged', 'provost:attribution'): (
        "held out (written blind this session, measured, not read): provost: its must members are not in one "
        "group"
    ),
    ('canal', 'speaker', 'rahmani@live.txt'): (
        "held out (written blind this session, measured, not read): rahmani: not in a group in live.txt"
    ),
    # railstrike and interview: written blind on 2026-12-01 and measured before anyone read them
    ('interview', 'edit', 'lede-rewritten'): (
        'held out (written blind on 2026-12-01, measured on 410447a before anyone read it): rewritten '
        "lede (the broadcaster's own: 'says his country will no longer depend on Kharvian gas by the time "
        "the next heating season starts', no sum, no date, Fedor Zaretskiy): ['Dorvania will stop impo…"
    ),
    ('railstrike', 'edit', 'lede-rewritten'): (
        'held out (written blind on 2026-12-01, measured on 410447a before anyone read it): rewritten '
        "lede (the broadsheet's own: commuters facing the worst disruption in almost three years, 'what "
        "ministers had called a final offer', no figure): ['Train drivers across Britain will walk out f…"
    ),
    ('railstrike', 'edit', 'callaghan-paraphrase'): (
        'held out (written blind on 2026-12-01, measured on 410447a before anyone read it): quote turned '
        "into paraphrase (the union leader's statement in the newsletter: 'said drivers had had only one "
        "pay rise in four years and that the offer came with worse rosters ...'; the five months and…"
    ),
    ('railstrike', 'flag', 'callaghan-paraphrase'): (
        'held out (written blind on 2026-12-01, measured on 410447a before anyone read it): '
        'callaghan-paraphrase: not inside one variant group'
    ),
    # obituary and rescue: written blind on 2026-12-01 and measured before anyone read them
    ('obituary', 'edit', 'lede-rewritten'): (
        'held out (written blind on 2026-12-01, measured on 3a737a0 before anyone read it): rewritten '
        "lede (the magazine's own: 'the shipyard welder's daughter who turned the sound of the Clyde into "
        '"Blue Harbour"\', \'one of the last great voices of the British folk revival\', no year, no fami…'
    ),
    ('rescue', 'edit', 'lede-rewritten'): (
        'held out (written blind on 2026-12-01, measured on 3a737a0 before anyone read it): rewritten '
        "lede (the charity's own: its call for an inquiry, 'more than 40 people', rescuers reaching 'a "
        "sinking boat hours after our hotline had first raised the alarm'; no survivors' count): "
        "['Forty-…"
    ),
    ('rescue', 'quotes', 'all'): (
        "held out (written blind on 2026-12-01, measured on 3a737a0 before anyone read it): g10: 'Johanna "
        "Brecht, executive dire' … 'very hour of delay cost lives.'"
    ),
    ('obituary', 'boilerplate', 'Never miss a review: get the Longplayer newsletter every Friday.'): (
        "held out (written blind on 2026-12-01, measured on 3a737a0 before anyone read it): 'Never miss a "
        "review: get the Longplayer newsletter every Friday.' in magazine.html classified body"
    ),
    ('rescue', 'boilerplate', 'MERIDIANA NEWS AGENCY - English Service'): (
        "held out (written blind on 2026-12-01, measured on 3a737a0 before anyone read it): 'MERIDIANA "
        "NEWS AGENCY - English Service' in agency.txt classified body"
    ),
    # takeover and doping: written blind on 2026-12-01 and measured before anyone read them
    ('doping', 'must', 'appeal'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): appeal: in no '
        "group in ['wire.txt', 'live.txt']"
    ),
    ('takeover', 'must', 'closing'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): closing: in '
        "no group in ['newsletter.txt']"
    ),
    ('doping', 'edit', 'lede-rewritten'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): rewritten '
        "lede (the national paper's own: the Los Angeles Games first, 'one of the favourites for a "
        'medal\', no length of ban, no substance): ["Polish middle-distance runner Agnieszka Wróblewska '
        'has be…'
    ),
    ('doping', 'edit', 'president-retranslated'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): quote '
        "translated twice from the Polish (the federation's translation and the wire's: painful / sad "
        "day; 'We apply the principle of zero tolerance for doping, without regard to the name of the "
        'athlete …'
    ),
    ('doping', 'edit', 'president-attribution-moved'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): attribution '
        "moved from before the quote to after it and reworded ('The President of the Polish Athletics "
        "Federation, Marek Sobczyk, said:' / 'federation president Marek Sobczyk said in the statement.'…"
    ),
    ('doping', 'edit', 'cas-abbreviated'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): the court '
        "written out and as its initials (the Court of Arbitration for Sport in Lausanne / CAS), 'against "
        "the decision' left out, 'said she would do so' / 'says she will': the same appeal: ['the Cour…"
    ),
    ('takeover', 'edit', 'lede-rewritten'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): rewritten '
        "lede (the business site's own: 'the biggest bet in its 90-year history on the water that goes "
        "into microchips', 'agreeing to pay $4.2bn', no chip makers or data centers): ['Talbridge "
        'Industr…'
    ),
    ('takeover', 'edit', 'lede-rewritten-newsletter'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): rewritten '
        "lede (the newsletter's own: 'a new owner in waiting', no price, no name of the target): "
        "['Talbridge Industries said on Monday it would buy Norcastle Technologies for about $4.2 billion "
        'in ca…'
    ),
    ('doping', 'flag', 'substance-spelling'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): '
        "substance-spelling: flags ['attribution'], not any of ['name', 'spelling']"
    ),
    ('doping', 'flag', 'president-retranslated'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): '
        'president-retranslated: not inside one variant group'
    ),
    ('takeover', 'flag', 'agreed-in-talks'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): '
        "agreed-in-talks: flags ['number'], not any of ['hedge']"
    ),
    ('doping', 'quotes', 'all'): (
        "held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): g11: 'said: "
        '"This is a painful day f\' … \'nful day for Polish athletics.\''
    ),
    ('doping', 'repeat', 'president@statement.html:"Clean athle'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): not among the '
        "repeats of ['g5']"
    ),
    ('doping', 'not-flagged', 'meat:negation'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): g4 flagged '
        "['negation']: 'did not accept this explanation' and 'rejected her explanation' say the same; "
        "'had not established' / 'had not shown' in all"
    ),
    ('doping', 'not-flagged', 'appeal:number'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): appeal: its '
        'must members are not in one group'
    ),
    ('takeover', 'not-flagged', 'value:number'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): g1 flagged '
        "['number']: $4.2 billion / $4.2bn / 4.2 billion dollars and $4.9 billion / $4.9bn / 4.9 billion "
        "dollars are the same sums; the newsletter's '(about 3.6 billion euros)' converts the same sum…"
    ),
    ('takeover', 'not-flagged', 'closing:date+number'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): closing: its '
        'must members are not in one group'
    ),
    ('doping', 'speaker', 'president@statement.html'): (
        'held out (written blind on 2026-12-01, measured on 92b6440 before anyone read it): president: '
        'not in a group in statement.html'
    ),
    # antitrust and rocket: written blind on 2026-12-01 and measured on the session's last engine before anyone
    # read them
    ('antitrust', 'must', 'delorme'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): delorme: in '
        "no group in ['release.html']"
    ),
    ('rocket', 'must', 'ceo-statement'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): '
        "ceo-statement: in no group in ['statement.md']"
    ),
    ('rocket', 'not', 'post-vs-statement'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): '
        "post-vs-statement: forced together in ['g14']"
    ),
    ('antitrust', 'edit', 'delorme-cut'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): quote cut in '
        "its middle with '[...]' (the second sentence, 'For five years, Kestrel did exactly that, and "
        "restaurants, rival delivery companies and consumers paid the price.', left out), the attributi…"
    ),
    ('antitrust', 'edit', 'delorme-attribution'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): attribution '
        "moved from before the quote to after its first sentence and reworded ('Executive Vice-President "
        "Margaux Delorme, in charge of competition policy, said:' / 'EU competition chief Margaux Del…"
    ),
    ('rocket', 'edit', 'lede-rewritten'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): rewritten '
        "lede (the company's own: 'was lost during first-stage flight today on the Lumora Batch 3 "
        "mission', personnel safe, an investigation begun; no number of satellites, no record): ['A Heron "
        'rock…'
    ),
    ('rocket', 'edit', 'time-edt'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): time written '
        "two ways (14:32 UTC / 10:32 a.m. EDT: the same moment, the US on summer time, UTC-4); 'Heron' / "
        "'The Heron rocket': ['14:32 UTC', '10:32 a.m. EDT']"
    ),
    ('rocket', 'edit', 'time-gmt'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): time written '
        'two ways and rounded (14:32 UTC / shortly after 2.30pm GMT: the same moment, the UK still on GMT '
        "on 23 March 2027); the live page leaves out Cape Canaveral Space Force Station: ['14:32 UT…"
    ),
    ('rocket', 'edit', 'anomaly-exploded'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): the failure '
        "told as a fact the company never states ('The vehicle experienced an anomaly' -> 'The rocket "
        "exploded'): a real change of the account, but a choice of word rather than a number or a name, …"
    ),
    ('rocket', 'edit', 'ceo-paraphrase'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): quote turned '
        "into paraphrase (the CEO's post on X told in the site's words: 'called it a rough day for the "
        'team, said that nobody had been hurt ... promised that the company would find the cause, fix …'
    ),
    ('rocket', 'edit', 'ceo-statement-cut'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): quote cut '
        "with no ellipsis (the middle sentence, 'Our first thoughts are with our customer Lumora Networks "
        "and with the team that built these satellites.', left out), the attribution moved between the…"
    ),
    ('antitrust', 'flag', 'delorme-cut'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): delorme-cut: '
        'not inside one variant group'
    ),
    ('antitrust', 'flag', 'appeal-hedge'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): appeal-hedge: '
        "flags ['attribution', 'negation', 'quote-changed'], not any of ['hedge']"
    ),
    ('rocket', 'flag', 'ceo-paraphrase'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): '
        'ceo-paraphrase: not inside one variant group'
    ),
    ('rocket', 'flag', 'ceo-statement-cut'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): '
        'ceo-statement-cut: not inside one variant group'
    ),
    ('antitrust', 'quotes', 'all'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): g3: \'"This '
        "decision sends a clear m' … ' and consumers paid the price.'"
    ),
    ('antitrust', 'repeat', 'delorme@release.html:"For five ye'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): delorme: its '
        'must members are not in one group'
    ),
    ('rocket', 'repeat', 'ceo-statement@space.html:"We will ret'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): '
        'ceo-statement: its must members are not in one group'
    ),
    ('antitrust', 'not-flagged', 'delorme:attribution'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): delorme: its '
        'must members are not in one group'
    ),
    ('rocket', 'not-flagged', 'anomaly:number'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): g6 flagged '
        "['number']: T+95 seconds and 'about a minute and a half after liftoff' are the same moment, as "
        "is the live page's 'about 95 seconds into its flight'; max-q explained in the space site's ver…"
    ),
    ('antitrust', 'speaker', 'delorme@release.html'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): delorme: not '
        'in a group in release.html'
    ),
    ('rocket', 'speaker', 'ceo-statement@statement.md'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): '
        'ceo-statement: not in a group in statement.md'
    ),
    ('rocket', 'speaker', 'regulator@space.html'): (
        'held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): regulator: '
        'not in a group in space.html'
    ),
    ('antitrust', 'boilerplate', 'General public inquiries: Europe Direct by phone 00 800 67 89 10 11 or by email'): (
        "held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): 'General "
        "public inquiries: Europe Direct by phone 00 800 67 89 10 11 or by email' in release.html "
        'classified body'
    ),
    ('rocket', 'boilerplate', 'Get the Orbital Ledger launch newsletter in your inbox every Monday.'): (
        "held out (written blind on 2026-12-01, measured on 59bf617 before anyone read it): 'Get the "
        "Orbital Ledger launch newsletter in your inbox every Monday.' in space.html classified body"
    ),
}


def _case(story: str, kind: str, case_id: str):
    reason = MISSES.get((story, kind, case_id))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(story, case_id, id=f"{story}:{case_id}", marks=marks)


def _cases(kind: str, key: str, keep=lambda item: True) -> list:
    return [_case(s, kind, item["id"]) for s in STORIES for item in gold(s)[key] if keep(item)]


def _item(story: str, key: str, case_id: str) -> dict:
    return next(item for item in gold(story)[key] if item["id"] == case_id)


def _has_must(group: dict) -> bool:
    return sum(m["level"] == "must" for m in group["members"]) >= 2


def test_there_are_stories():
    assert len(STORIES) >= 3


@pytest.mark.parametrize("story", STORIES)
def test_the_gold_texts_stand_in_their_files(story):
    al = alignment(story)
    g = gold(story)
    for group in g["groups"] + g["not_together"]:
        for member in group["members"]:
            span_of(al, member["file"], member["text"])
    for edit in g["edits"]:
        assert len({side["file"] for side in edit["sides"]}) == 2, edit["id"]
        for side in edit["sides"]:
            span_of(al, side["file"], side["text"], side.get("words"))
    for extra in g["only_here"]:
        span_of(al, extra["file"], extra["text"])


@pytest.mark.parametrize(("story", "gold_id"), _cases("must", "groups", _has_must))
def test_must_members_share_one_group(story, gold_id):
    al = alignment(story)
    musts = [m for m in _item(story, "groups", gold_id)["members"] if m["level"] == "must"]
    found = [groups_covering(al, m) for m in musts]
    missing = [m["file"] for m, f in zip(musts, found) if not f]
    assert not missing, f"{gold_id}: in no group in {missing}"
    assert set.intersection(*found), f"{gold_id}: in groups {found}, not one group"


@pytest.mark.parametrize(("story", "gold_id"), _cases("not", "not_together"))
def test_different_statements_never_share_a_group(story, gold_id):
    al = alignment(story)
    members = _item(story, "not_together", gold_id)["members"]
    placed = []
    for member in members:
        a, s, e = span_of(al, member["file"], member["text"])
        placed.append({g.id for g in al.groups for p in g.passages if touches(p, a, s, e)})
    common = set.intersection(*placed)
    assert not common, f"{gold_id}: forced together in {sorted(common)}"


@pytest.mark.parametrize(("story", "edit_id"), _cases("edit", "edits"))
def test_every_edit_lies_inside_one_variant_group_in_both_versions(story, edit_id):
    al = alignment(story)
    edit = _item(story, "edits", edit_id)
    assert groups_holding_edit(al, edit), f"{edit['kind']}: {[s.get('words', s['text']) for s in edit['sides']]}"


@pytest.mark.parametrize("story", STORIES)
def test_an_outlets_own_paragraphs_are_never_aligned(story):
    """(A file listed in MISSES as (story, "own", file) may have one aligned,
    but must still have one: a miss fixed is taken off the list.)"""
    al = alignment(story)
    still_missed = set()
    for extra in gold(story)["only_here"]:
        a, s, e = span_of(al, extra["file"], extra["text"])
        for g in al.groups:
            for p in g.passages:
                if (story, "own", extra["file"]) in MISSES and touches(p, a, s, e):
                    still_missed.add(extra["file"])
                    continue
                assert not touches(p, a, s, e), f"{g.id} aligns {extra['file']}'s own {extra['text'][:50]!r}"
    listed = {file for (name, kind, file) in MISSES if name == story and kind == "own"}
    assert still_missed == listed, f"known misses fixed: {sorted(listed - still_missed)}"


def _flag_cases() -> list:
    cases = []
    for story in STORIES:
        for edit in gold(story)["edits"]:
            if not edit.get("flags"):
                continue
            reason = MISSES.get((story, "flag", edit["id"])) or MISSES.get((story, "edit", edit["id"]))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(story, edit["id"], id=f"{story}:{edit['id']}", marks=marks))
    return cases


@pytest.mark.parametrize(("story", "edit_id"), _flag_cases())
def test_a_changed_number_name_or_quote_is_flagged(story, edit_id):
    al = alignment(story)
    edit = _item(story, "edits", edit_id)
    holding = groups_holding_edit(al, edit)
    assert holding, f"{edit_id}: not inside one variant group"
    flags = {f for gid in holding for f in al.group(gid).flags}
    assert flags & set(edit["flags"]), f"{edit_id}: flags {sorted(flags)}, not any of {edit['flags']}"


@pytest.mark.parametrize("story", STORIES)
def test_no_passage_runs_into_a_byline_or_date_line(story):
    al = alignment(story)
    for name, lines in gold(story).get("metadata_lines", {}).items():
        for line in lines:
            a, s, e = span_of(al, name, line)
            for g in al.groups:
                for p in g.passages:
                    if p.article == a:
                        assert min(e, p.end) <= max(s, p.start), f"{g.id} runs into {line!r} in {name}"


def _quote_cases() -> list:
    return [_case(story, "quotes", "all") for story in STORIES]


@pytest.mark.parametrize(("story", "case_id"), _quote_cases())
def test_quotation_marks_pair_up_in_every_passage(story, case_id):
    """A passage that opens a quotation closes it: an edge between a
    quotation's last words and its closing mark cuts the quote.  (A
    quotation that goes on in the next paragraph is left open at the end of
    its own, as news copy writes it; and a passage may end at a sentence
    inside its quotation where the quotation's next sentence begins another
    group's passage, since another outlet carries only part of it.)"""
    al = alignment(story)
    starts = {(p.article, p.start) for g in al.groups for p in g.passages}
    for g in al.groups:
        for p in g.passages:
            t = p.text
            paragraphs = t.split("\n\n")
            left_open = sum(
                1 for a, b in zip(paragraphs, paragraphs[1:]) if a.count('"') % 2 and b.lstrip().startswith('"')
            )
            marks = t.count('"') - left_open
            if marks % 2 and t.rstrip().endswith((".", "!", "?")):
                after = al.articles[p.article].text[p.end :]
                rest = after.lstrip()
                gap = after[: len(after) - len(rest)]
                next_paragraph = gap.count("\n") >= 2 and rest.startswith('"')  # (left open, as above)
                left_open += next_paragraph or (p.article, p.end + len(gap)) in starts
                marks = t.count('"') - left_open
            assert marks % 2 == 0 and t.count("“") == t.count("”"), f"{g.id}: {t[:30]!r} … {t[-30:]!r}"


def home_groups(al: Alignment, item: dict) -> set[str]:
    """The groups holding every must member of a gold group."""
    musts = [m for m in item["members"] if m["level"] == "must"]
    return set.intersection(*(groups_covering(al, m) for m in musts)) if musts else set()


def _optional_cases(kind: str, key: str, name) -> list:
    return [_case(s, kind, name(item)) for s in STORIES for item in gold(s).get(key, [])]


def _repeat_id(item: dict) -> str:
    return f"{item['group']}@{item['file']}:{item['text'].strip()[:12]}"


@pytest.mark.parametrize(("story", "case_id"), _optional_cases("repeat", "repeats", _repeat_id))
def test_a_pull_quote_is_a_repeat_of_its_passage_not_a_version(story, case_id):
    al = alignment(story)
    item = next(r for r in gold(story)["repeats"] if _repeat_id(r) == case_id)
    a, s, e = span_of(al, item["file"], item["text"], item.get("words"))
    for g in al.groups:
        for p in g.passages:
            assert not touches(p, a, s, e), f"{g.id} has the repeat as a version: {p.text!r}"
    home = home_groups(al, _item(story, "groups", item["group"]))
    assert home, f"{item['group']}: its must members are not in one group"
    listed = [r for gid in home for r in al.group(gid).repeats if touches(r, a, s, e)]
    assert listed, f"not among the repeats of {sorted(home)}"


def _not_flagged_id(item: dict) -> str:
    return f"{item['group']}:{'+'.join(item['flags'])}"


@pytest.mark.parametrize(("story", "case_id"), _optional_cases("not-flagged", "not_flagged", _not_flagged_id))
def test_no_flag_where_the_versions_agree(story, case_id):
    al = alignment(story)
    item = next(r for r in gold(story)["not_flagged"] if _not_flagged_id(r) == case_id)
    home = home_groups(al, _item(story, "groups", item["group"]))
    assert home, f"{item['group']}: its must members are not in one group"
    for gid in home:
        wrong = set(al.group(gid).flags) & set(item["flags"])
        assert not wrong, f"{gid} flagged {sorted(wrong)}: {item['reason']}"


def _speaker_id(item: dict) -> str:
    return f"{item['group']}@{item['file']}"


@pytest.mark.parametrize(("story", "case_id"), _optional_cases("speaker", "speakers", _speaker_id))
def test_who_said_it(story, case_id):
    al = alignment(story)
    item = next(r for r in gold(story)["speakers"] if _speaker_id(r) == case_id)
    member = next(m for m in _item(story, "groups", item["group"])["members"] if m["file"] == item["file"])
    a, s, e = span_of(al, member["file"], member["text"])
    # A passage over statements by several people names them all (Passage.speakers).
    said = {
        who
        for g in al.groups
        for p in g.passages
        if p.article == a and _shared(p, s, e) >= 0.5 * (e - s)
        for who in (p.speaker, *p.speakers)
    }
    assert said, f"{item['group']}: not in a group in {item['file']}"
    accepted = {name.casefold() for name in item["speaker"]}
    assert any(who and who.casefold() in accepted for who in said), f"said by {said}, not {item['speaker']}"


def _furniture() -> list:
    return [
        pytest.param(
            story,
            name,
            line,
            id=f"{story}:{name}:{line[:30]}",
            marks=[pytest.mark.xfail(strict=True, reason=MISSES[(story, "boilerplate", line)])]
            if (story, "boilerplate", line) in MISSES
            else [],
        )
        for story in STORIES
        for name, lines in gold(story)["boilerplate"].items()
        for line in lines
    ]


@pytest.mark.parametrize(("story", "name", "line"), _furniture())
def test_page_furniture_is_boilerplate_and_never_aligned(story, name, line):
    al = alignment(story)
    article = al.articles[_article(al, name)]
    hits = [ln for ln in article.lines if article.text[ln.start : ln.end].strip() == line]
    assert hits, f"{line!r} not a line of {name}"
    for ln in hits:
        for g in al.groups:
            for p in g.passages:
                if al.articles[p.article] is article:
                    assert min(ln.end, p.end) <= max(ln.start, p.start), f"{g.id} runs through {line!r}"
        assert ln.kind == "boilerplate", f"{line!r} in {name} classified {ln.kind}"


@pytest.mark.parametrize("story", STORIES)
def test_no_short_phrase_is_a_passage_alone(story):
    al = alignment(story)
    for phrase in gold(story)["not_a_group"]:
        for g in al.groups:
            for p in g.passages:
                assert normalise(p.text) != normalise(phrase), f"{g.id} is just {phrase!r}"


# --- the figures: recall of the gold, precision of what is shown ---------------------


def judge(story: str, group: Group) -> tuple[str, str]:
    """("right" | "mixed" | "wrong", why) for one shown group.

    Right: a gold group has versions in two of its articles, and it pairs no
    different statements.  Mixed: besides that, a version holds a gold
    passage whose must version in another of the group's articles is not
    in the group (two statements paired).  Wrong: no gold group in two of
    its articles, or it joins a not_together pair or an outlet's own
    paragraph."""
    al, g = alignment(story), gold(story)
    touched: dict[str, set[int]] = {}
    for item in g["groups"]:
        for member in item["members"]:
            a, s, e = span_of(al, member["file"], member["text"])
            if any(touches(p, a, s, e) for p in group.passages):
                touched.setdefault(item["id"], set()).add(a)
    for item in g["not_together"]:
        spans = [span_of(al, m["file"], m["text"]) for m in item["members"]]
        if all(any(touches(p, *sp) for p in group.passages) for sp in spans):
            return "wrong", f"joins {item['id']}"
    for extra in g["only_here"]:
        sp = span_of(al, extra["file"], extra["text"])
        if any(touches(p, *sp) for p in group.passages):
            return "wrong", f"aligns {extra['file']}'s own {extra['text'][:40]!r}"
    if not any(len(arts) >= 2 for arts in touched.values()):
        return "wrong", "no gold passage in two of its versions"
    articles = {p.article for p in group.passages}
    for item in g["groups"]:
        if item["id"] not in touched:
            continue
        for member in item["members"]:
            a, s, e = span_of(al, member["file"], member["text"])
            if member["level"] == "must" and a in articles and a not in touched[item["id"]]:
                where = sorted(al.articles[x].path.name for x in touched[item["id"]])
                return "mixed", f"{item['id']} in {where} but not {member['file']}"
    return "right", ""


def figures() -> dict:
    out = {
        "must": [0, 0],
        "must_members": [0, 0],
        "should_members": [0, 0],
        "edits": [0, 0],
        "flagged": [0, 0],
        "speakers": [0, 0],
        "apart": [0, 0],
        "shown": {"right": 0, "mixed": 0, "wrong": 0},
        "bad": [],
    }
    for story in STORIES:
        al, g = alignment(story), gold(story)
        for item in g["groups"]:
            musts = [m for m in item["members"] if m["level"] == "must"]
            homes = set.intersection(*(groups_covering(al, m) for m in musts)) if len(musts) >= 2 else set()
            if len(musts) >= 2:
                out["must"][1] += 1
                out["must"][0] += bool(homes)
            for m in item["members"]:
                key = "must_members" if m["level"] == "must" else "should_members"
                out[key][1] += 1
                mine = groups_covering(al, m)
                out[key][0] += bool(mine & homes) if homes and m["level"] == "should" else bool(mine)
        for edit in g["edits"]:
            holding = groups_holding_edit(al, edit)
            out["edits"][1] += 1
            out["edits"][0] += bool(holding)
            if edit.get("flags"):
                out["flagged"][1] += 1
                out["flagged"][0] += bool({f for gid in holding for f in al.group(gid).flags} & set(edit["flags"]))
        for item in g.get("speakers", []):
            member = next(m for m in _item(story, "groups", item["group"])["members"] if m["file"] == item["file"])
            a, s, e = span_of(al, member["file"], member["text"])
            said = {
                p.speaker
                for grp in al.groups
                for p in grp.passages
                if p.article == a and _shared(p, s, e) >= 0.5 * (e - s)
            }
            accepted = {name.casefold() for name in item["speaker"]}
            out["speakers"][1] += 1
            out["speakers"][0] += any(who and who.casefold() in accepted for who in said)
        for item in g["not_together"]:
            out["apart"][1] += 1
            spans = [span_of(al, m["file"], m["text"]) for m in item["members"]]
            out["apart"][0] += not any(
                all(any(touches(p, *sp) for p in grp.passages) for sp in spans) for grp in al.groups
            )
        for grp in al.groups:
            verdict, why = judge(story, grp)
            out["shown"][verdict] += 1
            if verdict != "right":
                out["bad"].append(f"{story} {grp.id} {verdict}: {why}")
    return out


def test_the_figures_add_up():
    f = figures()
    assert sum(f["shown"].values()) == sum(len(alignment(s).groups) for s in STORIES)
    assert f["must"][1] == sum(_has_must(item) for s in STORIES for item in gold(s)["groups"])


def report() -> str:
    f = figures()
    shown = sum(f["shown"].values())

    def ratio(pair) -> str:
        return f"{pair[0]}/{pair[1]} ({100 * pair[0] / max(1, pair[1]):.0f}%)"

    lines = [
        f"stories: {', '.join(STORIES)}",
        f"recall, must groups found whole (every must member in one group): {ratio(f['must'])}",
        f"recall, must members in some group: {ratio(f['must_members'])}",
        f"recall, should members in their must members' group: {ratio(f['should_members'])}",
        f"edits inside one variant group in both versions: {ratio(f['edits'])}",
        f"changed numbers, names, quotes flagged as such: {ratio(f['flagged'])}",
        f"speakers right: {ratio(f['speakers'])}",
        f"different statements kept apart: {ratio(f['apart'])}",
        f"precision, shown groups right: {ratio([f['shown']['right'], shown])}"
        f" (mixed {f['shown']['mixed']}, wrong {f['shown']['wrong']})",
    ]
    lines += [f"  {line}" for line in f["bad"]]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
