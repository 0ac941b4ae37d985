"""Speed and memory of aligning.  Run: python benchmarks/bench_align.py

Measures the whole ``sidebyside align`` process, as a user runs it, on one
core (``taskset -c 0`` where available): wall time from outside, start-up
included, and the child's peak resident memory (``os.wait4``'s rusage).
Modules are byte-compiled once first, as ``pip install`` does (into a
cache of the benchmark's own).  Each size runs several times; the best and the median are printed, since
other work on the machine only ever adds time.

Goals (issue 9):
- the sample corpus under 0.2 s, start-up included;
- 200 generated articles (1 MB) under 1.0 s;
- 1,600 generated articles (8 MB) under 10 s and 500 MB peak memory;
- time per MB at 1,600 articles within 1.3x of that at 200.

Options:
  --quick           sample and 200 articles only
  --runs N          runs per size (default: 7 for the sample, 5 for 200, 3 for 1,600)
  --tree DIR        also measure the sidebyside package in DIR (e.g. an older
                    checkout made with ``git archive <rev> | tar -x -C DIR``;
                    may be given more than once) and print each one's time
                    and memory as ratios of this tree's, measured in the same
                    run
  --profile N       instead, profile one in-process run on N articles (cProfile)

Also prints the in-process time of ``align`` on the sample corpus and checks
that the engine and the align command do not import Textual.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate, write  # noqa: E402

SIZES = {200: 1_000_000, 1600: 8_000_000}
GOAL_SECONDS = {"sample": 0.2, 200: 1.0, 1600: 10.0}
GOAL_PEAK_MB = {1600: 500}
GOAL_GROWTH = 1.3


def run_once(folder: Path, tree: Path | None, out: Path) -> tuple[float, float, float]:
    """One ``sidebyside align`` process: (wall seconds, CPU seconds, peak RSS in MB)."""
    command = [sys.executable, "-m", "sidebyside", "align", str(folder), "--format", "json", "--output", str(out)]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]  # taskset execs the command: same pid
    env = dict(os.environ)
    # As installed by pip: modules compiled once (here into a cache of the
    # benchmark's own, so the checkout gets no __pycache__ folders).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "sbs-bench-pycache")
    if tree is not None:
        env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
    start = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    err = child.stderr.read().decode() if child.stderr else ""
    if child.returncode:
        raise SystemExit(f"align failed on {folder}: {err.strip()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(folder: Path, runs: int, tree: Path | None, out: Path) -> tuple[float, float, float, float]:
    """Best and median wall seconds, best CPU seconds, largest peak MB over ``runs`` processes."""
    times, cpus, peaks = [], [], []
    for _ in range(runs):
        seconds, cpu, peak = run_once(folder, tree, out)
        times.append(seconds)
        cpus.append(cpu)
        peaks.append(peak)
    return min(times), statistics.median(times), min(cpus), max(peaks)


def verdict(value: float, goal: float) -> str:
    return f"(goal < {goal:g}: {'ok' if value < goal else 'MISSED'})"


def in_process() -> None:
    from sidebyside.aligning.align import align
    from sidebyside.reading.articles import load_articles

    articles = load_articles()
    align(articles)
    times = []
    for _ in range(20):
        t = time.perf_counter()
        align(articles)
        times.append(time.perf_counter() - t)
    median, best = statistics.median(times) * 1000, min(times) * 1000
    print(f"  align() in process on the sample: median {median:.1f} ms, best {best:.1f} ms")
    code = (
        "import sys, sidebyside.cli, sidebyside.aligning.align; "
        "print(any(m.startswith('textual') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    print(f"  textual imported by the engine and the align command: {out}")


def profile(n: int) -> None:
    import cProfile
    import pstats

    from sidebyside.aligning.align import align

    corpus = generate(n, n * 5000)
    profiler = cProfile.Profile()
    profiler.enable()
    align(corpus)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--tree", type=Path, action="append", default=[])
    parser.add_argument("--profile", type=int, metavar="N")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile)
        return
    sizes = [200] if args.quick else [200, 1600]
    trees: list[tuple[str, Path | None]] = [("this tree", None)]
    trees += [(str(tree), tree.resolve()) for tree in args.tree]
    with tempfile.TemporaryDirectory(prefix="sbs-bench-") as tmp:
        work = Path(tmp)
        folders: dict[object, tuple[Path, float]] = {"sample": (ROOT / "sample_corpus", 0.0)}
        for n in sizes:
            articles = generate(n, SIZES[n])
            write(work / f"c{n}", articles)
            folders[n] = (work / f"c{n}", sum(len(a.text.encode()) for a in articles) / 1e6)
        out = work / "out.json"
        for _, tree in trees:  # compile the modules once, as pip install does
            run_once(folders["sample"][0], tree, out)
        print(f"whole `sidebyside align` processes{' on core 0' if shutil.which('taskset') else ''}, json to a file; "
              "best / median wall time of several runs, best CPU time (user + system: what other work on "
              "the machine disturbs least); peak = largest RSS of a run")
        results: dict[str, dict[object, tuple[float, float, float, float]]] = {}
        for label, tree in trees:
            print(f"{label}:")
            results[label] = {}
            for key, (folder, mb) in folders.items():
                runs = args.runs or {"sample": 7, 200: 5, 1600: 3}[key]  # type: ignore[index]
                best, median, cpu, peak = measure(folder, runs, tree, out)
                results[label][key] = (best, median, cpu, peak)
                name = "sample corpus" if key == "sample" else f"{key:5d} articles {mb:4.2f} MB"
                line = f"  {name:26s} best {best:6.2f} s  median {median:6.2f} s  cpu {cpu:6.2f} s  peak {peak:5.0f} MB"
                if mb:
                    line += f"  {best / mb:5.2f} s/MB"
                goal = GOAL_SECONDS[key]  # type: ignore[index]
                line += f"  wall {verdict(best, goal)} cpu {verdict(cpu, goal)}"
                if key in GOAL_PEAK_MB:
                    line += f" peak {verdict(peak, GOAL_PEAK_MB[key])}"  # type: ignore[index]
                print(line)
            if 200 in results[label] and 1600 in results[label]:
                for i, what in ((0, "wall"), (2, "cpu")):
                    per = {n: results[label][n][i] / folders[n][1] for n in (200, 1600)}
                    growth = per[1600] / per[200]
                    print(f"  {what} time per MB, 1,600 vs 200 articles: {growth:.2f}x  {verdict(growth, GOAL_GROWTH)}")
        mine = results[trees[0][0]]
        for label, _ in trees[1:]:
            other = results[label]
            print(f"{label} vs this tree (best times; peak memory): " + ", ".join(
                f"{key}: {other[key][0] / mine[key][0]:.2f}x time, {other[key][2] / mine[key][2]:.2f}x cpu, "
                f"{other[key][3] / mine[key][3]:.2f}x memory"
                for key in mine))
    print("in process:")
    in_process()


if __name__ == "__main__":
    main()
