"""Command palette: jump to a passage by searching the groups' text (kept
ones say so, with their note, so "kept" finds them)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


def _one_line(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PassageCommands(Provider):
    """"Jump to passage": every version of every group, by its words."""

    def _entries(self):
        alignment = getattr(self.app, "alignment", None)
        if alignment is None:
            return []
        kept = getattr(self.app, "kept", {})
        entries = []
        for group in alignment.groups:
            mark = " ★ kept" if group.id in kept else ""
            note = f" · note: {_one_line(kept[group.id], 60)}" if kept.get(group.id) else ""
            for passage in group.passages:
                label = alignment.articles[passage.article].label
                text = f"Jump to {group.id}{mark} · {label}: {_one_line(passage.text)}"
                help_text = f"{group.kind}{' quote' if group.quote else ''} · {len(group.article_indexes)} outlets{note}"
                entries.append((group.id, passage, text, help_text))
        return entries

    async def discover(self) -> Hits:
        seen = set()
        for group_id, passage, text, help_text in self._entries():
            if group_id in seen:
                continue
            seen.add(group_id)
            yield DiscoveryHit(text, partial(self.app.jump_to_group, group_id, passage.article), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        best: dict[str, tuple[float, object, str, str]] = {}
        for group_id, passage, text, help_text in self._entries():
            score = matcher.match(text)
            if score > 0 and score > best.get(group_id, (0,))[0]:
                best[group_id] = (score, passage, text, help_text)
        for group_id, (score, passage, text, help_text) in best.items():
            yield Hit(
                score,
                matcher.highlight(text),
                partial(self.app.jump_to_group, group_id, passage.article),
                text=text,
                help=help_text,
            )
