"""How fast the reading app starts and answers keys.

    python benchmarks/bench_app.py [--runs N] [--presses N]

1. **Start-up**: process start to first frame, `sidebyside` on the sample
   corpus against a bare Textual app, each run as a subprocess on a
   pseudo-terminal (so Textual draws for real) that exits right after its
   first refresh.  Medians over ``--runs`` runs; the goal is a ratio of at
   most 1.5.
2. **Key press to redrawn screen**, with 8 articles of 50,000 characters
   each at 160×45: in process (``App.run_test``), the time from the key
   event reaching the app (sent the way the terminal driver sends it) to
   the end of the last frame it causes, median over
   ``--presses`` presses of each of n, ] and j.  The goal is under 50 ms.
   (Headless: the frame is composed but not written to a terminal.)

Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pty
import random
import select
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Each child exits after its first frame: the app's first refresh after mount.
SIDEBYSIDE_CHILD = """
import sys
from sidebyside.app.main import SideBySideApp
def _first_frame(self):
    self.call_after_refresh(self.exit)
SideBySideApp.on_ready = _first_frame
from sidebyside.cli import main
sys.exit(main([]))
"""

BARE_CHILD = """
from textual.app import App
from textual.widgets import Footer, Static
class Bare(App):
    def compose(self):
        yield Static("hello")
        yield Footer()
    def on_ready(self):
        self.call_after_refresh(self.exit)
Bare().run()
"""


def _run_on_pty(code: str, size: tuple[int, int] = (160, 45)) -> float:
    """Seconds from spawning ``python -c code`` on a pseudo-terminal to its exit."""
    master, slave = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
    )
    os.close(slave)
    # Drain the terminal so the child never blocks on output.
    while True:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        if proc.poll() is not None:
            break
    proc.wait()
    elapsed = time.perf_counter() - start
    os.close(master)
    if proc.returncode:
        raise RuntimeError(f"child exited with {proc.returncode}")
    return elapsed


def bench_startup(runs: int) -> None:
    print(f"Start-up to first frame, {runs} runs each (alternating), 160×45 pseudo-terminal")
    bare, ours = [], []
    _run_on_pty(BARE_CHILD)  # warm the file cache and bytecode
    _run_on_pty(SIDEBYSIDE_CHILD)
    for _ in range(runs):
        bare.append(_run_on_pty(BARE_CHILD))
        ours.append(_run_on_pty(SIDEBYSIDE_CHILD))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"  bare Textual app   median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"  sidebyside sample  median {o * 1000:7.1f} ms  (min {min(ours) * 1000:.1f})")
    print(f"  ratio              {o / b:.2f}×  (goal ≤ 1.5×)")


# --- large articles -------------------------------------------------------------------------

WORDS = (
    "minister talks negotiations ukraine russia west kremlin said ready conditions proposals equal "
    "approach security interests dialogue conflict sanctions weapons government president foreign "
    "statement interview television reporters officials sources war peace agreement troops region "
    "border crisis summit envoy alliance treaty offensive ceasefire humanitarian corridor energy grain "
    "exports prices markets parliament vote election campaign leaders meeting capital city residents"
).split()


def _sentence(rng: random.Random, lo: int = 8, hi: int = 22) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def make_corpus(folder: Path, articles: int = 8, size: int = 50_000, seed: int = 7) -> list[Path]:
    """``articles`` files of about ``size`` characters, sharing quoted passages
    (some reworded) the way several outlets' versions of one story do."""
    rng = random.Random(seed)
    shared = [" ".join(_sentence(rng, 14, 26) for _ in range(2)) for _ in range(80)]
    paths = []
    for a in range(articles):
        paragraphs = [f"Outlet {a + 1} report on the talks", ""]
        length = 0
        while length < size:
            if rng.random() < 0.35:
                quote = rng.choice(shared)
                if rng.random() < 0.4:  # a reworded version
                    words = quote.split()
                    for _ in range(3):
                        words[rng.randrange(len(words))] = rng.choice(WORDS)
                    quote = " ".join(words)
                para = f'The official said: "{quote}"'
            elif rng.random() < 0.05:
                para = "More under this ad"
            else:
                para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
            paragraphs += [para, ""]
            length += len(para) + 2
        path = folder / f"outlet-{a + 1}.txt"
        path.write_text("\n".join(paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


async def _bench_keys(paths: list[Path], presses: int) -> None:
    from textual import events
    from textual._wait import wait_for_idle

    from sidebyside.app.main import SideBySideApp
    from sidebyside.articles import load_articles

    articles = load_articles(paths)
    print(
        f"Key press to redrawn screen: {len(articles)} articles of "
        f"{min(len(a.text) for a in articles):,}–{max(len(a.text) for a in articles):,} characters, 160×45"
    )
    app = SideBySideApp(articles)
    async with app.run_test(size=(160, 45)) as pilot:
        start = time.perf_counter()
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(f"  alignment in the worker: {time.perf_counter() - start:.2f} s, {len(app.alignment.groups)} groups")
        # Every frame the compositor produces, timestamped.
        frames: list[float] = []
        display = app._display

        def recording_display(screen, renderable):
            display(screen, renderable)
            if renderable is not None:
                frames.append(time.perf_counter())

        app._display = recording_display
        driver = app._driver

        async def timed(key: str) -> float:
            """Send the key as the terminal driver would, wait until the app
            is idle, and return the time to the last frame it drew."""
            char = {"right_square_bracket": "]"}.get(key, key)
            frames.clear()
            t0 = time.perf_counter()
            driver.send_message(events.Key(key, char))
            await wait_for_idle(0)
            await wait_for_idle(0)
            return (frames[-1] - t0) if frames else float("nan")

        await pilot.press("tab")
        for key, label in (("n", "n (next passage)"), ("right_square_bracket", "] (next outlet)"), ("j", "j (scroll)")):
            times = []
            for i in range(presses):
                if key == "right_square_bracket" and i % 8 == 0:
                    await pilot.press("n")
                times.append(await timed(key))
            med = statistics.median(times)
            p90 = sorted(times)[int(len(times) * 0.9) - 1]
            print(f"  {label:18} median {med * 1000:6.1f} ms   p90 {p90 * 1000:6.1f} ms   (goal < 50 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=textwrap.dedent(__doc__ or "").strip().splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each app")
    parser.add_argument("--presses", type=int, default=40, help="presses of each key")
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    if not args.skip_startup:
        bench_startup(args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp))
        asyncio.run(_bench_keys(paths, args.presses))


if __name__ == "__main__":
    main()
