"""Start-up (issue 12, item 12): reading local files never loads the
URL-fetching module (HTTP and SSL imports, 33–70 ms) just for its timeout."""

from __future__ import annotations

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
