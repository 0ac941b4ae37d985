"""``sidebyside --alignments FILE`` with another story's file: after the
app's one notice, the terminal gets one line, not one per passage
(usertest 2, finding 10: ~50 lines on quitting, "articles changed … AP"
for another story's wire.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside import cli
from sidebyside.aligning.align import align
from sidebyside.export import to_json
from sidebyside.reading.articles import load_articles

UNSEEN = Path(__file__).parent / "data" / "unseen"


@pytest.fixture
def app_not_run(monkeypatch):
    """The app made as the command line makes it, but not run."""
    from sidebyside.app.app import SideBySideApp

    monkeypatch.setattr(SideBySideApp, "run", lambda self, *a, **k: None)


def test_another_storys_alignments_are_one_line_on_the_terminal(tmp_path, capsys, app_not_run):
    saved = tmp_path / "nc.json"
    saved.write_text(to_json(align(load_articles([UNSEEN / "noconfidence"]))), encoding="utf-8")
    assert cli.main(["--alignments", str(saved), str(UNSEEN / "breach")]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "nc.json" in line]
    assert len(lines) == 1, lines
    assert lines[0].startswith("sidebyside: nc.json belongs to other articles: ")
    assert "changed" not in lines[0]
