"""Speed of reading and aligning.  Run: python benchmarks/bench_align.py

Prints, as medians over several runs on this machine:
- the sample corpus: reading, aligning (goal: under 20 ms);
- a generated corpus of 200 articles, about 1 MB (goal: under 2 s on one core);
- how time grows with corpus size (goal: close to linear), as time per MB at
  several sizes, compared as ratios within this one run;
- that `import sidebyside` and the align command do not import Textual.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

from sidebyside.aligning.align import align  # noqa: E402
from sidebyside.reading.articles import load_articles  # noqa: E402


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    articles = load_articles()
    align(articles)  # warm caches
    read = median_time(load_articles, 20)
    aligned = median_time(lambda: align(articles), 30)
    print(f"sample corpus ({len(articles)} articles, {sum(len(a.text) for a in articles):,} chars):")
    print(f"  read   {read * 1000:7.1f} ms")
    print(f"  align  {aligned * 1000:7.1f} ms   (goal < 20 ms)")

    print("generated corpora (200 articles ≈ 1 MB is the goal size):")
    per_mb = {}
    for n in (50, 100, 200, 400):
        corpus = generate(n, n * 5000)
        chars = sum(len(a.text) for a in corpus)
        seconds = median_time(lambda: align(corpus), 3 if n <= 200 else 1)
        groups = len(align(corpus).groups)
        per_mb[n] = seconds / (chars / 1e6)
        goal = "   (goal < 2 s)" if n == 200 else ""
        print(f"  {n:4d} articles {chars / 1e6:5.2f} MB: {seconds:6.2f} s, {groups:5d} groups, {per_mb[n]:5.2f} s/MB{goal}")
    base = per_mb[50]
    print("  time per MB relative to 50 articles: " + ", ".join(f"{n}: {v / base:.2f}×" for n, v in per_mb.items()))

    code = "import sys, sidebyside.cli, sidebyside.aligning.align; print(any(m.startswith('textual') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[1]).stdout.strip()
    print(f"textual imported by the engine and the align command: {out}")


if __name__ == "__main__":
    main()
