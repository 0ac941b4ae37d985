"""Start-up (issue 12, item 12; issue 9, item 6): reading local files never
loads the URL-fetching module (HTTP and SSL imports, 33–70 ms) just for its
timeout; ``align`` loads only what it needs and leaves the process at once
once its output is flushed.  Module sets and exit statuses, never timings."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import sys
from sidebyside import cli
args = cli.app_parser().parse_args(sys.argv[1:])
articles = cli.read_articles(args, [])
print(len(articles), "sidebyside.reading.fetch" in sys.modules)
"""


def test_local_files_are_read_without_the_fetching_module():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert out == ["5", "False"]


ALIGN_SCRIPT = """
import sys
before = set(sys.modules)  # what the interpreter's own start-up loaded
from sidebyside import cli
code = cli.main(["align", *sys.argv[1:]])
print(code, " ".join(sorted(set(sys.modules) - before)))
"""

# What ``sidebyside align`` on local files to a .json file needs none of:
# the app, web pages and URLs, saved highlights, other output formats,
# the config file.  (Module sets, not timings: each is start-up time
# every run would pay.)
NOT_FOR_ALIGN = (
    "textual",
    "rich",
    "trafilatura",
    "lxml",
    "platformdirs",
    "sidebyside.app",
    "sidebyside.highlights",
    "sidebyside.config",
    "sidebyside.reading.fetch",
    "sidebyside.reading.pages",
    "sidebyside.reading.cache",
    "ssl",
    "http",
    "urllib.request",
    "csv",
    "tempfile",
    "threading",
)


def test_align_to_a_json_file_loads_only_what_it_needs(tmp_path):
    out = tmp_path / "out.json"
    command = [sys.executable, "-c", ALIGN_SCRIPT, "-o", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    code, *loaded = result.stdout.split()
    assert code == "0", result.stderr
    assert out.exists()
    assert "sidebyside.aligning.align" in loaded and "json" in loaded  # what it does need
    unneeded = [m for m in loaded if any(m == name or m.startswith(name + ".") for name in NOT_FOR_ALIGN)]
    assert unneeded == []


def _program(*argv: str) -> subprocess.CompletedProcess[str]:
    """``python -m sidebyside ARGV``: the program as a user runs it (cli.run)."""
    return subprocess.run([sys.executable, "-m", "sidebyside", *argv], capture_output=True, text=True, timeout=120)


def test_align_leaving_at_once_still_writes_everything_and_its_status():
    """``align`` ends the process without tearing the interpreter down
    (os._exit): what it printed is flushed first, its exit status kept."""
    done = _program("align", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("}\n") and json.loads(done.stdout)["groups"]
    table = _program("align", "--format", "markdown")
    assert table.returncode == 0 and table.stdout.endswith("\n") and "| " in table.stdout
    failed = _program("align", "no-such-file.txt", "other.txt")
    assert failed.returncode == 2 and failed.stdout == ""
    assert failed.stderr.startswith("sidebyside: no-such-file.txt") and failed.stderr.count("\n") == 1
    usage = _program("align", "--no-such-option")
    assert usage.returncode == 2 and "--no-such-option" in usage.stderr
