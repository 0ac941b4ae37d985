"""The headless command: sidebyside align."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from sidebyside.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape_and_offsets(capsys):
    code, out, err = run(capsys, "align", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema_version"] == 2
    assert {"path", "title", "outlet", "sha256"} <= set(data["articles"][0])
    assert data["groups"]
    for group in data["groups"]:
        assert {"id", "kind", "quote", "passages"} <= set(group)
        assert group["kind"] in ("verbatim", "variant") and isinstance(group["quote"], bool)
        for p in group["passages"]:
            article = data["articles"][p["article"]]
            with open(article["path"], encoding=article["encoding"]) as handle:
                text = handle.read()
            assert text[p["start"] : p["end"]] == p["text"]
            assert 0 <= p["similarity"] <= 100


def test_table_is_default_and_readable(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")  # the quote on one line
    code, out, _ = run(capsys, "align")
    assert code == 0
    assert "passage groups across 5 articles" in out
    assert "ready to talk with the West about reducing tensions" in out
    assert "Ukrainska Pravda" in out


def test_markdown_and_csv(capsys):
    code, md, _ = run(capsys, "align", "--format", "markdown")
    assert code == 0 and md.startswith("# ") and "## g1" in md
    code, text, _ = run(capsys, "align", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and rows and {"group", "outlet", "start", "end", "text"} <= set(rows[0])


def test_output_file_and_thresholds(capsys, tmp_path):
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "align", "-f", "json", "-o", str(target), "--min-similarity", "95")
    assert code == 0 and out == "" and str(target) in err
    strict = json.loads(target.read_text(encoding="utf-8"))
    code, out, _ = run(capsys, "align", "-f", "json", "--min-similarity", "50", "--min-words", "4")
    loose = json.loads(out)
    assert strict["options"]["min_similarity"] == 95
    assert len(strict["groups"]) < len(loose["groups"])
    assert all(p["similarity"] >= 0 for g in strict["groups"] for p in g["passages"])


@pytest.mark.parametrize(
    ("name", "starts"),
    [("out.json", "{"), ("out.md", "# Aligned passages"), ("out.csv", "\ufeffgroup,"), ("out.txt", "5 passage groups")],
)
def test_the_output_file_s_extension_picks_the_format(capsys, tmp_path, name, starts):
    target = tmp_path / name
    code, _, err = run(capsys, "align", "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_md_is_markdown_and_a_given_format_wins_over_the_extension(capsys, tmp_path):
    code, out, _ = run(capsys, "align", "-f", "md")
    assert code == 0 and out.startswith("# Aligned passages")
    target = tmp_path / "out.md"
    code, _, _ = run(capsys, "align", "-f", "json", "-o", str(target))
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 2

def test_an_output_file_whose_extension_names_no_format_is_refused(capsys, tmp_path):
    # It silently wrote the text table to out/x.html.
    target = tmp_path / "x.html"
    code, out, err = run(capsys, "align", "-o", str(target))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"{target}: cannot write a '.html' file" in err
    assert ".json, .md, .csv or .txt" in err and "--format table|json|markdown|csv" in err
    assert not target.exists()
    # A format given writes what it names, whatever the name.
    code, _, err = run(capsys, "align", "-f", "markdown", "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Aligned passages")


def _widths(text: str) -> set[int]:
    return {len(line) for line in text.splitlines() if line.startswith(("┏", "│", "└"))}


def test_the_table_through_a_pipe_fits_the_terminal_else_100_columns(capsys, monkeypatch, tmp_path):
    # Through a pipe it was 120 columns whatever the terminal.
    monkeypatch.setenv("COLUMNS", "90")
    code, out, _ = run(capsys, "align")
    assert code == 0 and _widths(out) == {90}
    monkeypatch.delenv("COLUMNS")  # (and no terminal on stderr or stdin under pytest)
    code, out, _ = run(capsys, "align")
    assert code == 0 and _widths(out) == {100}
    # A file: 100 columns, whatever the terminal.
    monkeypatch.setenv("COLUMNS", "90")
    target = tmp_path / "out.txt"
    code, _, _ = run(capsys, "align", "-o", str(target))
    assert code == 0 and _widths(target.read_text(encoding="utf-8")) == {100}


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_the_table_through_a_pipe_is_the_terminal_s_width_and_into_a_file_100(monkeypatch, tmp_path):
    # stderr on a terminal 130 columns wide; stdout a pipe (| less), then a file (> x.txt).
    import fcntl
    import struct
    import termios

    monkeypatch.delenv("COLUMNS", raising=False)
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 130, 0, 0))
    terminal = os.fdopen(follower, "w")
    monkeypatch.setattr(sys, "stderr", terminal)
    import threading

    read, write = os.pipe()
    got: list[str] = []

    def drain() -> None:
        with os.fdopen(read, encoding="utf-8") as end:
            got.append(end.read())

    reader = threading.Thread(target=drain)
    reader.start()  # (a pipe holds 64 KB: the other end is read meanwhile)
    with os.fdopen(write, "w", encoding="utf-8") as pipe:
        monkeypatch.setattr(sys, "stdout", pipe)
        assert main(["align", "--min-similarity", "95"]) == 0
    reader.join(10)
    assert _widths(got[0]) == {130}
    target = tmp_path / "x.txt"
    monkeypatch.setenv("COLUMNS", "90")  # (a file is 100 columns whatever the terminal)
    with open(target, "w", encoding="utf-8") as file:
        monkeypatch.setattr(sys, "stdout", file)
        assert main(["align", "--min-similarity", "95"]) == 0
    assert _widths(target.read_text(encoding="utf-8")) == {100}
    monkeypatch.undo()
    terminal.close()
    os.close(leader)


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda d: [str(d / "missing.txt")], "no such file or directory"),
        (lambda d: [str(d)], "no articles here"),
        (
            lambda d: [
                str(_write(d / "bin.txt", b"\x00\x01\x02binary")),
                str(_write(d / "ok.txt", b"fine words here")),
            ],
            "binary",
        ),
        (lambda d: [str(_write(d / "empty.txt", b"")), str(_write(d / "ok.txt", b"fine words here"))], "empty file"),
        (lambda d: [str(_write(d / "one.txt", b"Just one article with words"))], "only one article"),
    ],
    ids=["missing", "empty-folder", "binary", "empty", "single"],
)
def test_bad_input_is_one_line_exit_2(capsys, tmp_path, make, needle):
    code, out, err = run(capsys, "align", *make(tmp_path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_bad_option_is_one_line_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["align", "--min-similarity", "200"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_unwritable_output(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "align", "-o", str(blocker / "out.json"))
    assert code == 2 and "cannot write" in err and err.count("\n") == 1


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_engine_and_align_never_import_textual(tmp_path):
    code = (
        "import sys, sidebyside, sidebyside.cli, sidebyside.aligning.align, sidebyside.export;"
        "from sidebyside.cli import main;"
        "main(['align', '-f', 'json', '-o', sys.argv[1]]);"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual imported'"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.json").is_file()


def test_output_to_a_device_writes_through_it(tmp_path):
    """Atomic replacement must never rename over a device such as /dev/null."""
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    assert main(["align", "-f", "csv", "-o", str(fifo)]) == 0
    reader.join(timeout=10)
    assert fifo.exists() and not fifo.is_file()  # still a pipe
    assert received and received[0].removeprefix("\ufeff").startswith("group,kind,quote")


def test_runs_as_a_module_from_another_directory(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sidebyside", "align", "-f", "csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**__import__("os").environ, "PYTHONPATH": str(__import__("pathlib").Path(__file__).resolve().parents[1])},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("group,kind,quote")


def test_table_shows_bracketed_words_literally(capsys):
    code, out, _ = run(capsys, "align")
    assert code == 0
    assert "[that refused talks]" in out and "[We are]" in out


def test_passages_end_with_their_closing_quote(capsys):
    code, out, _ = run(capsys, "align", "-f", "json")
    texts = [p["text"] for g in json.loads(out)["groups"] for p in g["passages"]]
    for text in texts:
        assert text.count('"') % 2 == 0 and text.count("[") == text.count("]"), text


def test_unreadable_file_in_a_folder_is_skipped_with_a_line(capsys, tmp_path):
    for name, when in (("a.txt", "today"), ("b.txt", "on Sunday")):  # two texts (the same text is a note)
        (tmp_path / name).write_text(
            f"Russia is ready to talk with the West about reducing tensions {when}.\n", encoding="utf-8"
        )
    (tmp_path / "c.txt").write_bytes(b"")
    code, out, err = run(capsys, "align", str(tmp_path), "-f", "csv")
    assert code == 0 and out.startswith("group,")
    assert "skipped" in err and "c.txt: empty file" in err and err.count("\n") == 1
