"""Settings: a TOML file in the user config folder.

Where: :func:`config_path` — ``$SIDEBYSIDE_CONFIG`` when set, else
``<user config>/sidebyside/config.toml`` (``sidebyside --config-path``
prints it).  Every key is optional::

    min_similarity = 60        # 0-100: how alike two versions must be
    min_words = 6              # shortest passage, in words (at least 1)
    theme = "textual-dark"     # a Textual theme name (the app checks it exists)

    [keys]                     # binding id = "key,key" (as Textual's keymap)
    linked-scrolling = "l,ctrl+l"

A bad config never stops the app: :func:`load_config` returns the settings
with the defaults in place of the bad values, and one message per problem,
each naming the file and the key (``config.toml: min_similarity must be a
number from 0 to 100, got "high"``).  Command-line options override the
file.  This module never imports Textual: the app checks theme names and
binding ids itself (:func:`check_keys` helps with the latter).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from .aligning.options import AlignOptions
from .atomic import atomic_write

ENV_VAR = "SIDEBYSIDE_CONFIG"
SETTINGS = ("min_similarity", "min_words", "theme", "keys")
_DEFAULTS = AlignOptions()
_BINDING_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Config:
    """The settings; every field holds a valid value (the default where the
    file said nothing or something wrong)."""

    min_similarity: float = _DEFAULTS.min_similarity
    min_words: int = _DEFAULTS.min_words
    theme: str | None = None  # None: the app's own default theme
    keys: Mapping[str, str] = field(default_factory=dict)  # binding id -> "key,key" (Textual keymap)
    path: Path | None = None  # the file these came from, if one was read

    def align_options(self, base: AlignOptions | None = None) -> AlignOptions:
        """The aligner's options with these thresholds (other options from
        ``base``, else the defaults)."""
        base = base or AlignOptions()
        return AlignOptions(**{**base.__dict__, "min_similarity": self.min_similarity, "min_words": self.min_words})


def config_path() -> Path:
    """Where the config file is read from: ``$SIDEBYSIDE_CONFIG`` when set
    and not empty, else ``config.toml`` in the user config folder."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return platformdirs.user_config_path("sidebyside") / "config.toml"


def _show(value: Any) -> str:
    """A value as the TOML file spells it, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _check_keys(name: str, value: Any, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(f'{name}: keys must be a table of binding = "key,key" lines ([keys]), got {_show(value)}')
        return {}
    good: dict[str, str] = {}
    for binding, keys in value.items():
        where = f"keys.{binding}" if _BINDING_ID.match(binding) else f"keys.{json.dumps(binding)}"
        if not _BINDING_ID.match(binding):
            problems.append(f"{name}: {where} is not a binding id (letters, digits, _ . -)")
            continue
        parts = [part.strip() for part in keys.split(",")] if isinstance(keys, str) else []
        if not parts or any(not part or re.search(r"\s", part) for part in parts):
            problems.append(
                f'{name}: {where} must be keys separated by commas, like "ctrl+n" or "n,ctrl+n", got {_show(keys)}'
            )
            continue
        good[binding] = ",".join(parts)
    return good


def parse_config(data: Mapping[str, Any], name: str = "config.toml") -> tuple[Config, list[str]]:
    """Settings from parsed TOML; ``name`` starts each problem message."""
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "min_similarity":
            if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
                values[key] = float(value)
            else:
                problems.append(f"{name}: min_similarity must be a number from 0 to 100, got {_show(value)}")
        elif key == "min_words":
            if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
                values[key] = value
            else:
                problems.append(f"{name}: min_words must be a whole number of at least 1, got {_show(value)}")
        elif key == "theme":
            if isinstance(value, str) and value.strip():
                values[key] = value.strip()
            else:
                problems.append(f"{name}: theme must be the name of a theme, like \"textual-dark\", got {_show(value)}")
        elif key == "keys":
            values[key] = _check_keys(name, value, problems)
        else:
            import difflib  # (only for a hint: not on every start)

            close = difflib.get_close_matches(key, SETTINGS, n=1)
            hint = f"; did you mean {close[0]}?" if close else f" (settings: {', '.join(SETTINGS)})"
            problems.append(f"{name}: unknown setting {json.dumps(key, ensure_ascii=False)}{hint}")
    return Config(**values), problems


def load_config(path: str | Path | None = None) -> tuple[Config, list[str]]:
    """Read the config file (``path``, else :func:`config_path`).

    Returns the settings and a list of one-line problems.  Never raises for
    anything in or about the file: a missing file gives the defaults and no
    problems; an unreadable file or a TOML syntax error gives the defaults
    and one problem (with the line); a bad value gives the default for that
    key and one problem naming it, the good values kept.
    """
    path = Path(path).expanduser() if path is not None else config_path()
    name = path.name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(), []
    except IsADirectoryError:
        return Config(), [f"{path}: is a folder, not a config file; using the defaults"]
    except OSError as exc:
        return Config(), [f"{path}: cannot be read ({exc.strerror or exc}); using the defaults"]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Config(), [f"{name}: not UTF-8 text; using the defaults"]
    import tomllib  # (only when there is a file to read)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Config(), [f"{name}: not valid TOML, using the defaults: {exc}"]
    config, problems = parse_config(data, name)
    return Config(**{**config.__dict__, "path": path}), problems


def _split(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def check_keys(
    config: Config,
    binding_ids: Collection[str],
    *,
    defaults: Mapping[str, str] | None = None,
    together: Sequence[Collection[str]] = (),
    normalise: Callable[[str], str] = lambda key: key,
) -> tuple[dict[str, str], list[str]]:
    """For the app: the ``[keys]`` entries it can use (pass them to
    ``App.set_keymap``), and a one-line problem for each it cannot.

    * An unknown binding id is a problem (with the nearest id, if any).
    * A key setting that collides is a problem naming both bindings, and
      the binding keeps its default keys: with ``defaults`` (binding id ->
      its default ``"key,key"``) and ``together`` (groups of binding ids
      active at the same time, as on one screen), a key the file gives one
      binding that another binding of the same group has in force (its own
      setting, else its default) collides.  Keys are compared as
      ``normalise`` spells them (the app passes Textual's long names, so
      ``"?"`` and ``"question_mark"`` are one key).  Two bindings the
      defaults already give one key (escape, in different places) are not
      a collision.
    """
    name = config.path.name if config.path else "config.toml"
    good = {k: v for k, v in config.keys.items() if k in binding_ids}
    problems = []
    for binding in config.keys:
        if binding not in binding_ids:
            import difflib

            close = difflib.get_close_matches(binding, list(binding_ids), n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            problems.append(f"{name}: keys.{binding} is not a binding of the app{hint}")
    if defaults is None or not together:
        return good, problems
    default_keys = {b: {normalise(k) for k in _split(keys)} for b, keys in defaults.items()}

    def in_force(binding: str) -> set[str]:
        if binding in good:
            return {normalise(k) for k in _split(good[binding])}
        return default_keys.get(binding, set())

    # Drop a colliding setting, then look again: the binding it dropped is
    # back on its default keys, which another setting may have taken.
    while True:
        clash = None
        for group in together:
            for binding in sorted(good.keys() & set(group)):
                mine = {normalise(k) for k in _split(good[binding])}
                for other in sorted(set(group) - {binding}):
                    shared = mine & in_force(other)
                    shared -= default_keys.get(binding, set()) & default_keys.get(other, set())
                    if shared:
                        clash = (binding, other, sorted(shared)[0])
                        break
                if clash:
                    break
            if clash:
                break
        if clash is None:
            return good, problems
        binding, other, key = clash
        shown = json.dumps(config.keys[binding], ensure_ascii=False)
        whose = "its setting" if other in good else "by default"
        fallback = defaults.get(binding, "")
        problems.append(
            f"{name}: keys.{binding} = {shown} collides with {other}, which has {key} ({whose}); "
            f"{binding} keeps {fallback or 'its default keys'}"
        )
        del good[binding]


DEFAULT_CONFIG = f"""\
# sidebyside settings. Every line is optional; remove the "#" to use one.
# A bad value is reported when the app starts and its default is used.
# Command-line options (--min-similarity, --min-words) override this file.

# How alike two versions of a passage must be to be aligned, 0-100.
# min_similarity = {_DEFAULTS.min_similarity:g}

# The shortest passage, in words, in every version (at least 1).
# min_words = {_DEFAULTS.min_words}

# The colour theme: the name of a Textual theme.
# theme = "textual-dark"

# Keys: binding id = "key" or "key,key" (see the app's help for the ids).
[keys]
# linked-scrolling = "l,ctrl+l"
"""


def write_default_config(path: str | Path | None = None) -> Path:
    """Write a commented starter file at ``path`` (else :func:`config_path`)
    and return where.  Never replaces a file: raises ``FileExistsError``
    if one is there; other ``OSError`` as raised."""
    path = Path(path).expanduser() if path is not None else config_path()
    if path.exists():
        raise FileExistsError(f"{path}: already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, DEFAULT_CONFIG)
    return path
