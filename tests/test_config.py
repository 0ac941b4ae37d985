"""Settings (sidebyside.config) and how the command line uses them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside import cli
from sidebyside.aligning.options import AlignOptions
from sidebyside.config import (
    DEFAULT_CONFIG,
    ENV_VAR,
    Config,
    check_keys,
    config_path,
    load_config,
    parse_config,
    write_default_config,
)


@pytest.fixture
def cfg(tmp_path):
    def write(text: str | bytes, name: str = "config.toml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


def test_missing_file_gives_defaults_and_no_problems(tmp_path):
    config, problems = load_config(tmp_path / "nothing.toml")
    assert problems == []
    assert config == Config()
    assert config.align_options() == AlignOptions()
    assert config.theme is None and dict(config.keys) == {}


def test_good_file(cfg):
    path = cfg(
        """
min_similarity = 72.5
min_words = 4
theme = "nord"

[keys]
next_group = "n, ctrl+n"
save = "ctrl+s"
"""
    )
    config, problems = load_config(path)
    assert problems == []
    assert (config.min_similarity, config.min_words, config.theme) == (72.5, 4, "nord")
    assert dict(config.keys) == {"next_group": "n,ctrl+n", "save": "ctrl+s"}
    assert config.path == path
    options = config.align_options()
    assert (options.min_similarity, options.min_words) == (72.5, 4)
    assert options.ngram == AlignOptions().ngram


def test_whole_number_similarity_is_accepted(cfg):
    config, problems = load_config(cfg("min_similarity = 80\n"))
    assert problems == [] and config.min_similarity == 80.0


@pytest.mark.parametrize(
    "line, key, message",
    [
        ('min_similarity = "high"', "min_similarity", 'min_similarity must be a number from 0 to 100, got "high"'),
        ("min_similarity = 101", "min_similarity", "got 101"),
        ("min_similarity = -1", "min_similarity", "got -1"),
        ("min_similarity = true", "min_similarity", "got true"),
        ("min_words = 0", "min_words", "min_words must be a whole number of at least 1, got 0"),
        ("min_words = 2.5", "min_words", "got 2.5"),
        ('min_words = "6"', "min_words", 'got "6"'),
        ("min_words = false", "min_words", "got false"),
        ('theme = ""', "theme", 'theme must be the name of a theme, like "textual-dark", got ""'),
        ("theme = 3", "theme", "got 3"),
        ('keys = "n"', "keys", "keys must be a table"),
        ("[keys]\nsave = 5", "keys.save", "keys.save must be keys separated by commas"),
        ('[keys]\nsave = "ctrl+s,,x"', "keys.save", 'got "ctrl+s,,x"'),
        ('[keys]\nsave = "ctrl s"', "keys.save", 'got "ctrl s"'),
        ('[keys]\n"two words" = "x"', "keys", "is not a binding id"),
        ("colour = 'red'", "colour", 'unknown setting "colour"'),
        ("min_similarty = 70", "min_similarty", "did you mean min_similarity?"),
    ],
)
def test_each_bad_key_is_named_and_the_good_ones_kept(cfg, line, key, message):
    good = 'theme = "gruvbox"\n' if not line.startswith("theme") else "min_words = 9\n"
    config, problems = load_config(cfg(good + line + "\n"))
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.startswith("config.toml: ")
    assert key in problem and message in problem and "\n" not in problem
    # the bad value falls back to its default ...
    defaults = Config()
    bad = key.split(".")[0]
    if bad in ("min_similarity", "min_words", "theme"):
        assert getattr(config, bad) == getattr(defaults, bad)
    # ... and the good one is kept
    if good.startswith("theme"):
        assert config.theme == "gruvbox"
    else:
        assert config.min_words == 9


def test_several_problems_one_line_each(cfg):
    path = cfg('min_similarity = "high"\nmin_words = 0\ntheme = ""\nextra = 1\n[keys]\nok = "o"\nbad = ""\n')
    config, problems = load_config(path)
    assert len(problems) == 5
    wanted = ["min_similarity", "min_words", "theme", "unknown", "keys.bad"]
    assert [p.split(":")[1].split()[0] for p in problems] == wanted
    assert config == Config(keys={"ok": "o"}, path=path)


def test_syntax_error_gives_one_problem_with_the_line_and_all_defaults(cfg):
    config, problems = load_config(cfg('min_words = 3\ntheme = "nord"\nmin_similarity = = 5\n'))
    assert len(problems) == 1
    assert problems[0].startswith("config.toml: not valid TOML") and "line 3" in problems[0]
    assert config == Config()


def test_not_utf8_and_unreadable(cfg, tmp_path):
    config, problems = load_config(cfg(b"theme = \"\xff\"\n"))
    assert config == Config() and len(problems) == 1 and "UTF-8" in problems[0]
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    config, problems = load_config(folder)
    assert config == Config() and len(problems) == 1 and "folder" in problems[0]


def test_config_path_env_override(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert config_path() == tmp_path / "xdg" / "sidebyside" / "config.toml"
    monkeypatch.setenv(ENV_VAR, "")
    assert config_path() == tmp_path / "xdg" / "sidebyside" / "config.toml"
    custom = tmp_path / "mine.toml"
    custom.write_text("min_words = 11\n")
    monkeypatch.setenv(ENV_VAR, str(custom))
    assert config_path() == custom
    config, problems = load_config()
    assert problems == [] and config.min_words == 11 and config.path == custom


def test_problems_name_the_file_given(tmp_path, monkeypatch):
    custom = tmp_path / "power-user.toml"
    custom.write_text("min_words = -3\n")
    monkeypatch.setenv(ENV_VAR, str(custom))
    _, problems = load_config()
    assert problems[0].startswith("power-user.toml: min_words")


def test_write_default_config_loads_back_as_defaults(tmp_path):
    path = write_default_config(tmp_path / "new" / "config.toml")
    assert path.read_text() == DEFAULT_CONFIG
    config, problems = load_config(path)
    assert problems == [] and config == Config(path=path)
    with pytest.raises(FileExistsError):
        write_default_config(path)
    assert path.read_text() == DEFAULT_CONFIG
    # every commented example line is itself a valid setting
    uncommented = re.sub(r"^# (?=[\w-]+ = )", "", DEFAULT_CONFIG, flags=re.MULTILINE)
    assert uncommented.count("\n# ") == DEFAULT_CONFIG.count("\n# ") - 4
    config, problems = parse_config(tomllib.loads(uncommented))
    assert problems == []
    assert config.align_options() == AlignOptions() and config.theme == "textual-dark"
    assert dict(config.keys) == {"linked-scrolling": "l,ctrl+l"}


def test_check_keys_against_the_apps_bindings():
    config = Config(keys={"next_group": "n", "sav": "ctrl+s"})
    good, problems = check_keys(config, {"next_group", "save", "quit"})
    assert good == {"next_group": "n"}
    assert problems == ["config.toml: keys.sav is not a binding of the app; did you mean save?"]


TOML_VALUES = st.one_of(
    st.booleans(),
    st.integers(-1000, 1000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=8), st.one_of(st.text(max_size=8), st.integers()), max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["min_similarity", "min_words", "theme", "keys", "other"]), TOML_VALUES))
def test_any_values_give_a_valid_config_and_a_problem_per_bad_key(data):
    config, problems = parse_config(data)
    assert 0 <= config.min_similarity <= 100
    assert isinstance(config.min_words, int) and config.min_words >= 1
    assert config.theme is None or (isinstance(config.theme, str) and config.theme)
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in config.keys.items())
    config.align_options()  # never raises
    for problem in problems:
        assert problem.startswith("config.toml: ") and "\n" not in problem
    named = {p.split(": ", 1)[1].split()[0] for p in problems}
    for key in ("min_similarity", "min_words", "theme"):
        if key in data and key not in named:  # accepted: the value is used as given
            value = data[key].strip() if key == "theme" else data[key]
            assert getattr(config, key) == value
        elif key not in data:
            assert getattr(config, key) == getattr(Config(), key)
    if "other" in data:
        assert any('unknown setting "other"' in p for p in problems)


# --- the command line ------------------------------------------------------------------------


def test_config_path_option_prints_the_path(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cfg.toml"))
    # before anything else: articles are not even read
    assert cli.main(["--config-path", str(tmp_path / "no-such-article.txt")]) == 0
    out = capsys.readouterr()
    assert out.out == f"{tmp_path / 'cfg.toml'}\n" and out.err == ""


def test_config_path_option_default_location(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert cli.main(["--config-path"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "sidebyside" / "config.toml")


def test_app_uses_config_thresholds_and_the_command_line_overrides(tmp_path, monkeypatch, fake_app, capsys):
    path = tmp_path / "config.toml"
    path.write_text("min_similarity = 75\nmin_words = 8\n")
    monkeypatch.setenv(ENV_VAR, str(path))
    assert cli.main([]) == 0
    assert cli.main(["--min-words", "3"]) == 0
    (_, first), (_, second) = fake_app
    assert (first["options"].min_similarity, first["options"].min_words) == (75.0, 8)
    assert (second["options"].min_similarity, second["options"].min_words) == (75.0, 3)
    assert capsys.readouterr().err == ""


def test_app_prints_config_problems_and_still_starts(tmp_path, monkeypatch, fake_app, capsys):
    path = tmp_path / "config.toml"
    path.write_text('min_similarity = "high"\nmin_words = 8\nbogus = 1\n')
    monkeypatch.setenv(ENV_VAR, str(path))
    assert cli.main([]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        'sidebyside: config.toml: min_similarity must be a number from 0 to 100, got "high"',
        'sidebyside: config.toml: unknown setting "bogus" (settings: min_similarity, min_words, theme, keys)',
    ]
    (_, kwargs), = fake_app
    assert (kwargs["options"].min_similarity, kwargs["options"].min_words) == (60.0, 8)
