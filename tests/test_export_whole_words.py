"""Exports give the quoted or paraphrased words whole, and the bold of
changed words stops at a quotation mark (usertest 2, finding 15)."""

from __future__ import annotations

from sidebyside.export import _marked, change_text
from sidebyside.model import Change

LONG = "“contacting every affected customer directly, and we will pay for credit monitoring for anyone who wants it”"


def test_a_quote_vs_paraphrase_change_is_whole_in_exports_and_cut_in_the_panel():
    change = Change("quote-paraphrase", passage=1, reference=0, before=LONG, after="would contact every customer")
    assert change_text(change) == f"quote vs paraphrase: paraphrases {LONG}"
    panel = change_text(change, cut=60)
    assert panel.endswith("…”") and len(panel) < len(change_text(change))  # cut, its closing mark kept


def test_the_bold_of_changed_words_stops_at_a_closing_quotation_mark():
    text = 'I am proud to join, and the supporters happy," Kovalenco said.'
    start = text.index("supporters")
    end = text.index(" said")
    assert _marked(text, [(start, end)]) == 'I am proud to join, and the **supporters happy**," **Kovalenco** said.'
    text = "it “will” not be safe"
    assert _marked(text, [(3, 9)]) == "it “**will**” not be safe"
