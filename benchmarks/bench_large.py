"""How the reading app answers keys with a very large article (issue 12, item 9).

    python benchmarks/bench_large.py [--size 5000000] [--presses 8]

Two articles at 160×45: one of ``--size`` characters (5 MB by default) and
one of 50,000, sharing passages.  In process (``App.run_test``), as
``bench_app.py`` measures keys: the time from a key event reaching the app
to the last frame that changes what the terminal shows (pyte, if
installed, tells such frames apart from frames that redraw nothing new).

* **search keystroke**: ``/`` then a word typed a letter at a time; each
  letter's time to its echo in the field (the goal: under 100 ms), and the
  time until the panes show that query's matches (the search runs off the
  event loop, so this may take longer, without holding up the typing);
* **b** (hide / dim page boilerplate): time to the redrawn panes (goal under
  100 ms).

Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import _Terminal, make_corpus, p90, record_frames  # noqa: E402


async def _bench(paths: list[Path], presses: int) -> None:
    from textual import events
    from textual._wait import wait_for_idle

    from sidebyside.app.app import SideBySideApp
    from sidebyside.reading.articles import load_articles

    articles = load_articles(paths)
    sizes = ", ".join(f"{len(a.text):,}" for a in articles)
    print(f"Large article: {len(articles)} articles of {sizes} characters, 160×45")
    app = SideBySideApp(articles)
    async with app.run_test(size=(160, 45)) as pilot:
        start = time.perf_counter()
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(f"  alignment in the worker: {time.perf_counter() - start:.2f} s, {len(app.alignment.groups)} groups")
        terminal = _Terminal(app) if _Terminal.available() else None
        frames = record_frames(app)
        driver = app._driver

        async def settle(timeout: float) -> None:
            end = time.perf_counter() + timeout
            while time.perf_counter() < end:
                await wait_for_idle(0)
                await asyncio.sleep(0.01)
                if not any(w.is_running for w in app.workers):
                    await wait_for_idle(0)
                    return

        async def timed(key: str, char: str | None, until=None) -> tuple[float, float]:
            """The time to the first frame that changes the screen (the key
            answered) and to the last one (its whole result, ``until`` true)."""
            frames.clear()
            t0 = time.perf_counter()
            driver.send_message(events.Key(key, char))
            await wait_for_idle(0)
            await settle(10.0)
            if until is not None:
                end = time.perf_counter() + 10
                while not until() and time.perf_counter() < end:
                    await asyncio.sleep(0.005)
                await settle(10.0)
            changed = [t for t, sequence in frames if terminal is None or terminal.feed(sequence)]
            if not changed:
                return float("nan"), float("nan")
            return changed[0] - t0, changed[-1] - t0

        def shows(text: str) -> bool:
            """The search field shows ``text`` on the emulated screen (else,
            without pyte, in the widget)."""
            if terminal is None:
                return app.focused is not None and getattr(app.focused, "value", None) == text
            for _, sequence in frames:
                terminal.feed(sequence)
            frames.clear()
            rows = terminal.screen.display
            return any(line.lstrip().startswith("Search") and f" {text} " in line + " " for line in rows)

        echo, shown, toggles = [], [], []
        word = "negotiations"
        for i in range(presses):
            await pilot.press("slash")
            await pilot.pause()
            shows("")  # (the emulator draws the bar)
            typed = ""
            # A fast typist: a letter every 80 ms, whatever the app is doing.
            for letter in word[: 4 + i % (len(word) - 4)]:
                typed += letter
                t0 = time.perf_counter()
                driver.send_message(events.Key(letter, letter))
                while not shows(typed) and time.perf_counter() - t0 < 10:
                    await asyncio.sleep(0.002)
                echo.append(time.perf_counter() - t0)
                await asyncio.sleep(max(0.0, 0.08 - (time.perf_counter() - t0)))
            t_last = time.perf_counter()
            while time.perf_counter() - t_last < 30 and (
                app.search_query != typed or any(w.is_running for w in app.workers)
            ):
                await asyncio.sleep(0.005)
            await wait_for_idle(0)
            shown.append(time.perf_counter() - t_last)
            await pilot.press("escape", "escape")
            await pilot.pause()
            shows("")
        first_b = None
        for _ in range(presses):
            first, last = await timed("b", "b")
            toggles.append(last)
            if first_b is None:
                first_b = last

        for label, xs in (
            ("search keystroke: echo", echo),
            ("matches after last key", shown),
            ("b: panes redrawn", toggles),
        ):
            print(f"  {label:24} median {statistics.median(xs) * 1000:7.1f} ms   p90 {p90(xs) * 1000:7.1f} ms")
        print(f"  b, first press (nothing cached): {first_b * 1000:.1f} ms")
        searchers = {type(body._searcher).__name__ for body in app.screen.query("ArticleBody")}
        print(f"  goals: the echo and b under 100 ms (searched by: {', '.join(sorted(searchers))})")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    parser.add_argument("--size", type=int, default=5_000_000, help="characters of the large article")
    parser.add_argument("--presses", type=int, default=6, help="searches typed and b pressed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big, small = make_corpus(folder, articles=2, size=args.size, seed=11)
        small.write_text(small.read_text(encoding="utf-8")[:50_000], encoding="utf-8")
        asyncio.run(_bench([big, small], args.presses))


if __name__ == "__main__":
    main()
