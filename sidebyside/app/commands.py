"""Command palette: jump to a passage by searching the groups' text (kept
ones say so, with their note, so "kept" finds them).

A group is found by its whole text (every version, and the outlets that
carry it), not only by the shortened label the palette shows: the label is
cut from the version where the typed words are, around them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from ..marks import as_read
from ..text import one_line, plural

#: Longest label shown for a passage.
LABEL_LIMIT = 90



def _excerpt(text: str, at: int, limit: int) -> str:
    """``text`` (one line) cut to ``limit`` characters around offset ``at``."""
    if len(text) <= limit:
        return text
    start = max(0, min(at - limit // 3, len(text) - limit))
    if start == 0:
        return text[: limit - 1] + "…"
    if start + limit >= len(text):
        return "…" + text[len(text) - limit + 1 :]
    return "…" + text[start + 1 : start + limit - 1] + "…"


@dataclass(frozen=True)
class _Entry:
    group_id: str
    prefix: str  # "Jump to g12 ★ kept · "
    versions: tuple[tuple[int, str, str], ...]  # (article, outlet label, text on one line)
    haystack: str  # everything the group is found by, in lower case
    help: str

    def label(self, words: list[str]) -> tuple[str, int]:
        """The label to show, and the article to jump to: the first version
        holding the typed words (else the first version), cut around them."""
        best = self.versions[0]
        at = 0
        for version in self.versions:
            folded = version[2].lower()
            found = [folded.find(w) for w in words]
            if words and all(i >= 0 for i in found):
                best, at = version, min(found)
                break
        article, outlet, text = best
        head = f"{self.prefix}{outlet}: "
        return head + _excerpt(text, at, LABEL_LIMIT), article


class PassageCommands(Provider):
    """"Jump to passage": every group, by the words of all its versions."""

    def _entries(self) -> list[_Entry]:
        alignment = getattr(self.app, "alignment", None)
        if alignment is None:
            return []
        kept = getattr(self.app, "kept", {})
        entries = []
        for group in alignment.groups:
            mark = " ★ kept" if group.id in kept else ""
            note = kept.get(group.id, "")
            # Each version as read (a Markdown article's ** left out), as the panes draw it.
            arts = alignment.articles
            versions = tuple(
                (p.article, arts[p.article].label, " ".join(as_read(arts[p.article], p)[0].split()))
                for p in group.passages
            )
            outlets = " ".join(dict.fromkeys(label for _, label, _ in versions))
            haystack = " ".join([group.id, "kept" if mark else "", note, outlets, *(t for _, _, t in versions)])
            help_text = (
                f"{group.kind}{' quote' if group.quote else ''} · {plural(len(group.article_indexes), 'outlet')}"
                + (f" · note: {one_line(note, 60)}" if note else "")
            )
            # The palette reads a hit's help as markup: a note's "[/ol]" is text.
            help_text = escape(help_text)
            entries.append(
                _Entry(
                    group.id, f"Jump to {group.id}{mark} · ", versions, " ".join(haystack.split()).lower(), help_text
                )
            )
        return entries

    async def discover(self) -> Hits:
        for entry in self._entries():
            label, article = entry.label([])
            # Content, not a str: "[We are] ready…" is a quote, not markup.
            yield DiscoveryHit(
                Content(label), partial(self.screen.reveal_group, entry.group_id, article), text=label, help=entry.help
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        phrase = " ".join(query.split()).lower()
        words = phrase.split()
        if not words:
            return
        # On the fuzzy matcher's scale (which grows with the query), as the
        # other providers' hits are: a whole-query match, a little less when
        # it is in a passage's text, less again when the words are apart.
        # (Never the fuzzy match itself on a group's whole text: it tries
        # every way to spread the letters over it, far too slow.)
        best = matcher.match(matcher.query)
        for entry in self._entries():
            if phrase in entry.prefix.lower():  # the group's id, or "kept"
                score = best
            elif phrase in entry.haystack:
                score = best * 0.9
            elif all(w in entry.haystack for w in words):
                score = best * 0.6
            else:
                continue
            label, article = entry.label([phrase] if phrase in entry.haystack else words)
            yield Hit(
                score,
                self._highlight(label, words, matcher.match_style),
                partial(self.screen.reveal_group, entry.group_id, article),
                text=label,
                help=entry.help,
            )

    @staticmethod
    def _highlight(label: str, words: list[str], style) -> Content:
        """``label`` as plain text (never markup) with the typed words marked."""
        content = Content(label)
        folded = label.lower()
        if len(folded) != len(label):  # offsets would not line up
            return content
        for word in words:
            start = folded.find(word)
            while start >= 0:
                content = content.stylize(style, start, start + len(word))
                start = folded.find(word, start + len(word))
        return content


def reader_commands(screen) -> Iterable[SystemCommand]:
    """The reading screen's entries in the command palette."""
    yield SystemCommand("Linked scrolling", "Toggle linked scrolling (l)", screen.action_toggle_linked)
    yield SystemCommand("Boilerplate", "Hide or dim page boilerplate (b)", screen.action_toggle_boilerplate)
    yield SystemCommand("Copy passage", "Copy the current group's versions (c)", screen.action_copy_group)
    yield SystemCommand("Keep highlight", "Keep the current passage, or stop keeping it (space)", screen.action_keep)
    yield SystemCommand("Note", "Add or edit the note on the current passage (a)", screen.action_note)
    yield SystemCommand("Save highlights", "Save the kept highlights (s)", screen.action_save)
    yield SystemCommand("Save highlights as…", "Save to a .json, .md or .csv file (S)", screen.action_save_as)
    yield SystemCommand("Outlets", "Choose which article's pane to show (o)", screen.action_pick_pane)
    yield SystemCommand("Overview", "Outlets × passages: who carries, changes, quotes each (m)", screen.action_overview)
