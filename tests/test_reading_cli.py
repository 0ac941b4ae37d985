"""The command line reading pages, URLs and odd paths: `sidebyside align URL …`,
--order, --max-size, --refresh, `--`, one line per bad input."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from page_server import closed_port_url

from sidebyside.cli import main

PAGES = Path(__file__).resolve().parent / "pages"
STORIES = ("/world/lavrov-talks", "/news/putin-ready", "/world/russia-open-to-dialogue")
BODY = "Lavrov said Russia was ready to talk with the West about reducing tensions, on conditions.\n"


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_align_urls_oldest_first_with_source_and_date(capsys, page_server):
    urls = [page_server.url(p) for p in STORIES]
    code, out, err = run(capsys, "align", *urls, "-f", "json")
    assert code == 0, err
    assert err == ""  # no progress bar when stderr is not a terminal
    data = json.loads(out)
    assert [a["source"] for a in data["articles"]] == [urls[2], urls[0], urls[1]]  # 29, 30, 31 October
    assert [a["date"] for a in data["articles"]] == ["2022-10-29", "2022-10-30", "2022-10-31"]
    assert data["articles"][0]["author"] == "James Whitfield"
    assert data["groups"]  # "ready to talk with the West about reducing tensions"
    for group in data["groups"]:
        for p in group["passages"]:
            article = data["articles"][p["article"]]
            assert article["path"].endswith(".html")
    code, out, _ = run(capsys, "align", *urls, "-f", "json", "--order", "path")
    assert [a["source"] for a in json.loads(out)["articles"]] == sorted(urls)


def test_a_failed_url_is_one_line_and_the_others_open(capsys, page_server):
    urls = [page_server.url(p) for p in STORIES[:2]]
    pdf = page_server.url("/report.pdf")
    code, out, err = run(capsys, "align", urls[0], pdf, urls[1], "-f", "csv")
    assert code == 0 and out.lstrip("\ufeff").startswith("group,")
    assert err == f"sidebyside: skipped {pdf}: not a web page (the server sent application/pdf)\n"


def test_a_url_not_found_is_said_to_be_skipped(capsys, page_server):
    """Usertest 3, finding 13: "sidebyside: http://…/nothere.html: HTTP
    error 404 (File not found)" did not say the others were read without it,
    as the line for a binary file in a folder does ("skipped …")."""
    urls = [page_server.url(p) for p in STORIES[:2]]
    missing = page_server.url("/missing")
    code, out, err = run(capsys, "align", urls[0], missing, urls[1], "-f", "csv")
    assert code == 0
    assert err.startswith(f"sidebyside: skipped {missing}: HTTP error 404") and err.count("\n") == 1


def test_fewer_than_two_left_is_exit_2(capsys, page_server):
    closed = closed_port_url()
    code, out, err = run(capsys, "align", page_server.url(STORIES[0]), closed, "--timeout", "2")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{closed}: connection refused" in err and "only one article left" in err


def test_refresh_fetches_again(capsys, page_server):
    urls = [page_server.url(p) for p in STORIES[:2]]
    assert run(capsys, "align", *urls)[0] == 0
    assert run(capsys, "align", *urls)[0] == 0
    assert page_server.hits[STORIES[0]] == 1
    assert run(capsys, "align", "--refresh", *urls)[0] == 0
    assert page_server.hits[STORIES[0]] == 2


def test_html_files_and_a_dash_name_after_double_dash(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(PAGES / "wire-lavrov.html", tmp_path / "-x.html")
    Path("-y.txt").write_text(f"Russia ready for talks, Lavrov says\n\n{BODY}")
    code, out, err = run(capsys, "align", "-f", "json", "--", "-x.html", "-y.txt")
    assert code == 0, err
    assert [Path(a["path"]).name for a in json.loads(out)["articles"]] == ["-x.html", "-y.txt"]


def test_odd_paths_are_one_line_at_once(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(f"Russia ready for talks, Lavrov says\n\n{BODY}")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    code, _, err = run(capsys, "align", str(fifo), str(good))
    assert code == 2 and err == f"sidebyside: {fifo}: is a FIFO (named pipe), not a regular file; only files are read\n"
    code, _, err = run(capsys, "align", "/dev/zero", str(good))
    assert code == 2 and "/dev/zero: is a character device" in err
    assert time.monotonic() - started < 10  # never blocks (the fixed bug: forever, and 44 s)
    code, _, err = run(capsys, "align", "--max-size", "1KB", str(good), str(PAGES / "wire-lavrov.html"))
    assert code == 2 and err.count("\n") == 1 and "over the 1 KB size limit (--max-size to change it)" in err
    with pytest.raises(SystemExit) as exited:
        main(["align", "--max-size", "lots", str(good)])
    assert exited.value.code == 2 and "--max-size: not a size: 'lots'" in capsys.readouterr().err


def test_identical_articles_are_said_in_align(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "story.txt").write_text(f"Russia ready for talks, Lavrov says\n\n{BODY}")
    code, out, err = run(capsys, "align", str(tmp_path / "a" / "story.txt"), str(tmp_path / "b" / "story.txt"))
    assert code == 0
    assert err == (
        "sidebyside: a/story.txt and b/story.txt have the same text: every passage aligns word for word (both shown)\n"
    )
    assert "story (a/story.txt)" in out and "story (b/story.txt)" in out


def test_progress_on_a_terminal_after_a_moment_then_erased(monkeypatch):
    import io

    from sidebyside import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    monkeypatch.setattr(cli.sys, "stderr", err)
    quick = cli._StderrProgress()
    quick(0, 2)
    quick(2, 2)
    quick.close()
    assert err.getvalue() == ""  # done within a moment: nothing drawn
    monkeypatch.setattr(cli._StderrProgress, "DELAY", 0.0)
    slow = cli._StderrProgress()
    slow(0, 2)
    slow(1, 2)
    slow.close()
    shown = err.getvalue()
    assert "\rsidebyside: fetching pages " in shown and " 1/2 " in shown and shown.endswith("\r\x1b[K")


def test_a_dash_path_without_double_dash_gets_a_hint(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("-y.txt").write_text(f"Russia ready for talks, Lavrov says\n\n{BODY}")
    with pytest.raises(SystemExit):
        main(["align", "-y.txt", "other.txt"])
    assert "a path that starts with - goes after --" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["align", "--no-such-option"])
    assert "goes after --" not in capsys.readouterr().err
