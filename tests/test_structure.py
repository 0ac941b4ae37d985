"""The package stays easy to read: no class over 350 lines, no function
over 80 (checked on the source, so it stays true)."""

from __future__ import annotations

import ast
from pathlib import Path

import sidebyside

PACKAGE = Path(sidebyside.__file__).parent
MAX_CLASS = 350
MAX_FUNCTION = 80


def _too_long() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                limit, what = MAX_CLASS, "class"
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                limit, what = MAX_FUNCTION, "function"
            else:
                continue
            lines = node.end_lineno - node.lineno + 1
            if lines > limit:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {what} {node.name} is {lines} lines")
    return found


def test_no_class_over_350_lines_and_no_function_over_80():
    assert _too_long() == []


def test_the_check_sees_a_long_function(tmp_path, monkeypatch):
    """(The check itself finds what it looks for.)"""
    body = "\n".join(f"    x = {i}" for i in range(MAX_FUNCTION))
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path / "pkg")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text(f"def long():\n{body}\n", encoding="utf-8")
    assert _too_long() == [f"pkg/long.py:1: function long is {MAX_FUNCTION + 1} lines"]
