"""Copying a group to the clipboard.

The app always sends the text with OSC 52 (``App.copy_to_clipboard``), which
most terminals honour, even over ssh; where a system clipboard tool exists
(wl-copy under Wayland, xclip or xsel under X, pbcopy on macOS, clip.exe on
Windows/WSL) it is used as well, since some terminals ignore OSC 52.
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
    one, in a thread of ``screen``), saying so."""
    from ..export import group_plain_text

    text = group_plain_text(alignment, group)
    screen.app.copy_to_clipboard(text)

    def with_system_tool() -> None:
        tool = system_copy(text)
        if tool:
            screen.app.call_from_thread(screen.notify, f"Also copied with {tool}", timeout=2)

    screen.run_worker(with_system_tool, thread=True, group="clipboard", exit_on_error=False)
    screen.notify(f"Copied {group.id}: {len(group.passages)} versions", timeout=3)
