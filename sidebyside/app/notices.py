"""Notices on one line: what the footer's row shows of a notice (its title
and first line, cut to the width there is), and the start-up notes (settings
problems, articles skipped or decoded) put together into one notice; the
whole of each is in the app's notice log, which the help (``?``) lists."""

from __future__ import annotations

from collections.abc import Sequence

from ..text import clip, one_line, plural

#: Columns a notice takes beside its text (its padding, its edge, the margin
#: left to the footer's end): a notice of width - NOTICE_FRAME characters
#: is one line.
NOTICE_FRAME = 8


def notice_room(width: int) -> int:
    """The characters a notice has on one line of a ``width``-column terminal."""
    return max(32, width - NOTICE_FRAME)


def notice_line(title: str, message: str, width: int) -> str:
    """The notice as the footer's row shows it: "title: first line", on
    one line, cut with "…" to :func:`notice_room` (the rest is in the log)."""
    first = message.split("\n", 1)[0]
    line = one_line(f"{title}: {first}" if title else first)
    room = notice_room(width)
    return clip(line, room)


def start_notice(notes: Sequence[str], width: int) -> str:
    """One notice for the notes at start: the first (cut to leave room),
    then how many more ``?`` lists ("… (+2 more: ? lists them)"); every
    note on a line below (for the log)."""
    if len(notes) == 1:
        return notes[0]
    more = f" (+{len(notes) - 1} more: ? lists them)"
    first = clip(one_line(notes[0].split("\n", 1)[0]), notice_room(width) - len(more))
    return first + more + "\n" + "\n".join(notes)


def log_text(log: Sequence[tuple[str, str, str]], last: int = 30) -> str:
    """The last ``last`` notices, whole, oldest first, for the help."""
    lines = []
    for severity, title, message in log[-last:]:
        mark = {"warning": "⚠ ", "error": "✖ "}.get(severity, "")
        lines.append(f"{mark}{title + ': ' if title else ''}{message}")
    left = len(log) - last
    head = [f"({plural(left, 'earlier notice')} left out)"] if left > 0 else []
    return "\n".join(head + lines)
