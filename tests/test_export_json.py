"""The JSON text of sidebyside.jsontext is json.dumps's with indent=2, byte
for byte (it only writes it faster)."""

from __future__ import annotations

import json

import pytest
import sample_alignment
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.export import alignment_record, to_json
from sidebyside.jsontext import dumps


def _json_dumps(value):
    return json.dumps(value, ensure_ascii=False, indent=2)


@pytest.fixture(scope="module")
def alignment(sample_articles):
    return sample_alignment.load(sample_articles)


def test_the_sample_alignment_is_written_as_json_dumps_writes_it(alignment):
    record = alignment_record(alignment)
    assert to_json(alignment) == _json_dumps(record) + "\n"
    assert any(g["changes"] for g in record["groups"]) and any(not g["flags"] for g in record["groups"])


def test_empty_nested_and_unusual_values():
    value = {
        "": [],
        "empty": {},
        "nested": [[], [{}], [[1, 2.5, -0.0]], {"a": [None, True, False]}],
        "text": 'quotes " \\ \n \t \u2028 “curly” — ü 𝄞 \x00',
        "numbers": [0, -1, 10**20, 1e-7, 1.5e300, float("inf"), float("-inf")],
        "tuple": (1, "two", (3,)),
    }
    assert dumps(value) == _json_dumps(value)
    for scalar in ("", "x", 0, 1.25, None, True, False, [], {}):
        assert dumps(scalar) == _json_dumps(scalar)
    nan = dumps({"a": float("nan")})
    assert nan == _json_dumps({"a": float("nan")}) and "NaN" in nan


_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(_values)
def test_any_record_like_value_is_written_as_json_dumps_writes_it(value):
    assert dumps(value) == _json_dumps(value)


def test_a_saved_highlights_file_is_written_as_json_dumps_writes_it(alignment, tmp_path):
    from sidebyside.highlights.fileformat import highlights_record

    kept = {alignment.groups[0].id: "a note — “quoted”, ü", alignment.groups[-1].id: None}
    record = highlights_record(tmp_path / "kept.json", alignment, kept, all_groups=True)
    assert dumps(record) == _json_dumps(record)


def test_dump_hands_the_same_text_a_part_at_a_time(tmp_path):
    from sidebyside.atomic import atomic_write
    from sidebyside.jsontext import dump, dumps

    value = {"groups": [{"id": f"g{i}", "passages": [{"text": "“x” é", "n": i, "ok": None}] * 3} for i in range(3000)]}
    parts: list[str] = []
    dump(value, parts.append)
    assert len(parts) > 1  # handed on in parts, never joined whole
    assert "".join(parts) == dumps(value)
    path = tmp_path / "out.json"
    atomic_write(path, lambda write: dump(value, write))
    assert path.read_text(encoding="utf-8") == dumps(value)
