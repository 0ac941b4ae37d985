"""Copying a group to the clipboard.

The app always sends the text with OSC 52 (``App.copy_to_clipboard``), which
most terminals honour, even over ssh; where a system clipboard tool exists
(wl-copy under Wayland, xclip or xsel under X, pbcopy on macOS, clip.exe on
Windows/WSL) it is used as well, since some terminals ignore OSC 52.  The
notice says which: "Copied g2 (3 versions) with xclip", or "Sent g2 (3
versions) to the terminal's clipboard (OSC 52)" where no tool did it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Alignment, Group


def system_command() -> list[str] | None:
    """The command line of a clipboard tool that can work here, or None."""
    candidates: list[list[str]] = []
    if sys.platform == "darwin":
        candidates.append(["pbcopy"])
    if os.environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    if sys.platform == "win32" or os.environ.get("WSL_DISTRO_NAME"):
        candidates.append(["clip.exe"])
    for command in candidates:
        if shutil.which(command[0]):
            return command
    return None


def system_copy(text: str) -> str | None:
    """Copy with a system tool; the tool's name when it worked, else None.
    Blocks for up to two seconds: call it from a worker thread."""
    command = system_command()
    if command is None:
        return None
    try:
        subprocess.run(
            command,
            input=text.encode("utf-8"),
            check=True,
            timeout=2,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return command[0]


def copy_group(screen, alignment: Alignment, group: Group) -> None:
    """Copy ``group``'s versions (OSC 52, and a system tool where there is
    one, in a thread of ``screen``), saying what was done: copied with the
    tool, or only sent to the terminal, which may or may not take OSC 52
    (nothing tells the app whether it did)."""
    from ..export import group_plain_text

    text = group_plain_text(alignment, group)
    screen.app.copy_to_clipboard(text)
    what = f"{group.id} ({len(group.passages)} versions)"
    sent = f"Sent {what} to the terminal's clipboard (OSC 52)"
    command = system_command()
    if command is None:
        # (one line at 80 columns; the log says which tools were looked for)
        screen.notify(f"{sent}; no copy tool\nNo xclip, xsel, wl-copy or pbcopy here", markup=False, timeout=4)
        return

    def with_system_tool() -> None:
        tool = system_copy(text)
        message = f"Copied {what} with {tool}" if tool else f"{sent}; {command[0]} failed"
        screen.app.call_from_thread(screen.notify, message, markup=False, timeout=3 if tool else 4)

    screen.run_worker(with_system_tool, thread=True, group="clipboard", exit_on_error=False)
