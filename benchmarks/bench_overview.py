"""How fast selecting a passage (with synced scrolling) and the overview answer.

    python benchmarks/bench_overview.py [--presses N]

With 8 articles of 50,000 characters each at 160×45 (the corpus of
``bench_app.py``), in process (``App.run_test``), the time from the key
event reaching the app to the end of the last frame that changes what the
terminal shows (``bench_app.py`` explains the measure), median and p90 over
``--presses`` presses of:

* ``n`` — the next passage, every pane holding a version of it scrolled to
  show it (synced selection);
* ``n`` with linked scrolling on (``l``);
* ``]`` — the same group's version in the next outlet (focus moves to that
  pane; a window of panes shown moves along when it is outside), ``n``
  pressed (untimed) before every eighth;
* ``m`` — the overview opened (the first time apart: it builds the screen),
  and ``m`` again — back to reading.

The goal for each is under 50 ms.  Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_app import KeyTimer, make_corpus, p90, running_app  # noqa: E402


async def _bench(paths: list[Path], presses: int) -> None:
    async with running_app(paths) as (app, pilot, seconds):
        alignment = app.alignment
        flagged = sum(1 for g in alignment.groups if g.flags)
        print(f"  alignment in the worker: {seconds:.2f} s, {len(alignment.groups)} groups ({flagged} flagged)")
        timer = KeyTimer(app)

        async def timed(key: str) -> float:
            return (await timer.time(key))[0]

        def report(label: str, times: list[float]) -> None:
            print(
                f"  {label:34} median {statistics.median(times) * 1000:6.1f} ms   "
                f"p90 {p90(times) * 1000:6.1f} ms   (goal < 50 ms)"
            )

        report("n (next passage, panes synced)", [await timed("n") for _ in range(presses)])
        await pilot.press("l")
        await pilot.pause()
        report("n with linked scrolling (l)", [await timed("n") for _ in range(presses)])
        await pilot.press("l")
        await pilot.pause()
        brackets = []
        for i in range(presses):
            if i % 8 == 0:
                await pilot.press("n")
                await pilot.pause()
            brackets.append(await timed("right_square_bracket"))
        report("] (the group in the next outlet)", brackets)
        first = await timed("m")
        await timed("m")
        opened, closed = [], []
        for _ in range(presses):
            opened.append(await timed("m"))
            closed.append(await timed("m"))
        print(f"  {'m (overview), the first time':34} {first * 1000:6.1f} ms")
        report("m (overview opened again)", opened)
        report("m (back to reading)", closed)
        timer.check()

def main() -> None:
    parser = argparse.ArgumentParser(description=textwrap.dedent(__doc__ or "").strip().splitlines()[0])
    parser.add_argument("--presses", type=int, default=30, help="presses of each key")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp))
        asyncio.run(_bench(paths, args.presses))


if __name__ == "__main__":
    main()
