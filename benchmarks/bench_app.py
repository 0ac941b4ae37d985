"""How fast the reading app starts and answers keys.

    python benchmarks/bench_app.py [--runs N] [--presses N]

1. **Start-up**: process start to first frame, `sidebyside` on the sample
   corpus against a bare Textual app, each run as a subprocess on a
   pseudo-terminal (so Textual draws for real).  The child notes the
   moment of its first frame (Textual's Ready event, on the system's
   monotonic clock, which the parent started timing on) and then exits.
   Both run from a plain (not editable) install of the project made for
   the benchmark.  Medians over ``--runs`` runs; the goal is a ratio of at
   most 1.5.
2. **Key press to redrawn screen**, with 8 articles of 50,000 characters
   each at 160×45: in process (``App.run_test``), the time from the key
   event reaching the app (sent the way the terminal driver sends it) to
   the end of the last frame that changes what the terminal shows, median
   over ``--presses`` presses of each of n, ] and j.  The goal is under
   50 ms.  Headless, Textual composes each frame but skips turning it into
   escape sequences; the benchmark does that within the frame's time, as
   a real terminal app pays for it.  After the key's frames are in, their
   sequences are fed to a terminal emulator (pyte, ``pip install
   ".[bench]"``), so a frame that only redraws cells as they already were
   (Textual repaints a scrollbar whose colours were re-applied unchanged,
   say) is told apart; the time to the last frame of any kind is printed
   beside it.  Without pyte, only that one is.

Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import math
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
from contextlib import asynccontextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The key benchmarks run in this process: measure the checkout, not an
# installed copy (the start-up runs use a plain install made for them).
sys.path.insert(0, str(ROOT))


def p90(xs: list[float]) -> float:
    """The 90th percentile by nearest rank: the smallest value at least 90 %
    of the samples are at or under (of 2 samples, the larger; of 10, the
    9th smallest; of 40, the 36th)."""
    ranked = sorted(xs)
    return ranked[max(1, math.ceil(0.9 * len(ranked))) - 1]

# Each child notes the moment of its first frame (Textual sends Ready right
# after the first screen is composed and handed to the terminal), then exits.
_MARK = """
import os, time
def _mark_first_frame():
    with open(os.environ["BENCH_FIRST_FRAME"], "w") as out:
        out.write(repr(time.monotonic()))
"""

SIDEBYSIDE_CHILD = _MARK + """
import sys
from sidebyside.app.app import SideBySideApp
def _first_frame(self):
    _mark_first_frame()
    self.call_after_refresh(self.exit)
SideBySideApp.on_ready = _first_frame
from sidebyside.cli import main
sys.exit(main([]))
"""

BARE_CHILD = _MARK + """
from textual.app import App
from textual.widgets import Footer, Static
class Bare(App):
    def compose(self):
        yield Static("hello")
        yield Footer()
    def on_ready(self):
        _mark_first_frame()
        self.call_after_refresh(self.exit)
Bare().run()
"""


def _run_on_pty(code: str, extra_env: dict[str, str], size: tuple[int, int] = (160, 45)) -> tuple[float, float]:
    """Seconds from spawning ``python -c code`` on a pseudo-terminal to its
    first frame, and to its exit."""
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    with tempfile.TemporaryDirectory() as tmp:
        mark = Path(tmp) / "first-frame"
        env = {
            **os.environ,
            **extra_env,
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "BENCH_FIRST_FRAME": str(mark),
        }
        start = time.monotonic()  # the clock the child marks its first frame with
        # Run from the temporary folder: ``python -c`` puts the current folder
        # first on the path, and from the project's root that is the source
        # tree, not the install.
        proc = subprocess.Popen(
            [sys.executable, "-c", code], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, cwd=tmp
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
        exited = time.monotonic() - start
        os.close(master)
        if proc.returncode:
            raise RuntimeError(f"child exited with {proc.returncode}")
        first_frame = float(mark.read_text()) - start
    return first_frame, exited


def _plain_install(target: Path) -> dict[str, str]:
    """Install the project into ``target`` as ``pip install .`` would (not
    editable: an editable install's import hook costs milliseconds of its
    own), and return the environment that imports it from there."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--target", str(target), str(ROOT)],
        check=True,
    )
    return {"PYTHONPATH": str(target)}


def bench_startup(runs: int) -> None:
    print(f"Start-up to first frame, {runs} runs each (alternating), 160×45 pseudo-terminal")
    with tempfile.TemporaryDirectory() as tmp:
        env = _plain_install(Path(tmp))
        _bench_startup(runs, env)


def _bench_startup(runs: int, env: dict[str, str]) -> None:
    bare, ours = [], []
    _run_on_pty(BARE_CHILD, env)  # warm the file cache and bytecode
    _run_on_pty(SIDEBYSIDE_CHILD, env)
    for _ in range(runs):
        bare.append(_run_on_pty(BARE_CHILD, env))
        ours.append(_run_on_pty(SIDEBYSIDE_CHILD, env))
    b, o = statistics.median(f for f, _ in bare), statistics.median(f for f, _ in ours)
    be, oe = statistics.median(e for _, e in bare), statistics.median(e for _, e in ours)
    print(f"  bare Textual app   median {b * 1000:7.1f} ms  (min {min(f for f, _ in bare) * 1000:.1f})")
    print(f"  sidebyside sample  median {o * 1000:7.1f} ms  (min {min(f for f, _ in ours) * 1000:.1f})")
    print(f"  ratio              {o / b:.2f}×  (goal ≤ 1.5×)")
    print(f"  (to the process's exit, after its first frame: bare {be * 1000:.0f} ms, sidebyside {oe * 1000:.0f} ms)")


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


class _Terminal:
    """A terminal emulator fed every frame, to tell which frames change a cell."""

    @staticmethod
    def available() -> bool:
        try:
            import pyte  # noqa: F401
        except ImportError:
            return False
        return True

    def __init__(self, app) -> None:
        import pyte

        self.app = app
        width, height = app.size
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.Stream(self.screen)
        self.rows: dict[int, tuple] = {}
        self.feed(self.sequence(app, app.screen._compositor.render_full_update()))

    @staticmethod
    def sequence(app, update) -> str:
        """What the app writes to the terminal for one frame."""
        from textual._compositor import CompositorUpdate

        if isinstance(update, CompositorUpdate):
            return update.render_segments(app.console)
        return app.console._render_buffer(app.console.render(update))

    def feed(self, sequence: str) -> bool:
        """Draw one frame; True if any cell differs from before."""
        self.screen.dirty.clear()
        self.stream.feed(sequence)
        changed = False
        for y in self.screen.dirty:
            line = self.screen.buffer[y]
            row = tuple(line[x] for x in range(self.screen.columns))
            if self.rows.get(y) != row:
                self.rows[y] = row
                changed = True
        return changed


def record_frames(app) -> list[tuple[float, str]]:
    """Record every frame ``app`` composes from now on: when it ended and the
    escape sequences it writes (made inside the frame's time, as a terminal
    app pays for them).  Returns the list the frames are appended to."""
    frames: list[tuple[float, str]] = []
    display = app._display

    def recording_display(screen, renderable):
        display(screen, renderable)
        if renderable is not None:
            frames.append((time.perf_counter(), _Terminal.sequence(app, renderable)))

    app._display = recording_display
    return frames



@asynccontextmanager
async def running_app(paths: list[Path]):
    """The app on ``paths`` at 160×45, in process (``App.run_test``), once
    its alignment is in: yields (app, pilot, seconds the alignment took),
    after printing what it runs on."""
    from sidebyside.app.app import SideBySideApp
    from sidebyside.reading.articles import load_articles

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
        yield app, pilot, time.perf_counter() - start


class KeyTimer:
    """Keys sent to a running app as its terminal driver sends them, timed
    to the end of the last frame that changed what the terminal shows (every
    frame the compositor produces is recorded; whether it changed a cell is
    worked out after the key's frames are all in, so the emulator's own time
    counts in none), and to the end of the last frame of any kind."""

    def __init__(self, app) -> None:
        self.app = app
        self.terminal = _Terminal(app) if _Terminal.available() else None
        if self.terminal is None:
            print("  (pyte is not installed: every frame counts, even one that changes nothing on screen)")
        self.frames = record_frames(app)

    async def time(self, key: str) -> tuple[float, float]:
        """(to the last frame that changed the screen, to the last frame), in seconds."""
        from textual import events
        from textual._wait import wait_for_idle

        char = {"right_square_bracket": "]"}.get(key, key if len(key) == 1 else None)
        frames, terminal = self.frames, self.terminal
        frames.clear()
        t0 = time.perf_counter()
        self.app._driver.send_message(events.Key(key, char))
        await wait_for_idle(0)
        await wait_for_idle(0)
        changed = [t for t, sequence in frames if terminal is None or terminal.feed(sequence)]
        last_change = (changed[-1] - t0) if changed else float("nan")
        return last_change, (frames[-1][0] - t0) if frames else float("nan")

    def check(self) -> None:
        """Print whether the emulator, fed frame by frame, shows what a full redraw shows."""
        if self.terminal is not None:
            fresh = _Terminal(self.app)
            same = fresh.screen.display == self.terminal.screen.display and fresh.rows == self.terminal.rows
            print(f"  emulated screen matches a full redraw: {'yes' if same else 'NO (the figures above are unsound)'}")

async def _bench_keys(paths: list[Path], presses: int) -> None:
    async with running_app(paths) as (app, pilot, seconds):
        print(f"  alignment in the worker: {seconds:.2f} s, {len(app.alignment.groups)} groups")
        timer = KeyTimer(app)
        await pilot.press("tab")
        for key, label in (("n", "n (next passage)"), ("right_square_bracket", "] (next outlet)"), ("j", "j (scroll)")):
            redrawn, last = [], []
            for i in range(presses):
                if key == "right_square_bracket" and i % 8 == 0:
                    await pilot.press("n")
                a, b = await timer.time(key)
                redrawn.append(a)
                last.append(b)
            print(
                f"  {label:18} median {statistics.median(redrawn) * 1000:6.1f} ms   p90 {p90(redrawn) * 1000:6.1f} ms"
                f"   (goal < 50 ms)   last frame of any kind: median {statistics.median(last) * 1000:5.1f} ms"
            )
        timer.check()

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
