"""The command line: ``sidebyside [PATHS...]`` opens the reading app,
``sidebyside align [PATHS...]`` prints the aligned passages.

Every failure a user can cause ends in one line on stderr and exit status 2,
never a traceback.  The ``align`` command never imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

# The engine is imported where it is used: ``align`` switches the cycle
# collector off before loading it (the collector would walk every module's
# new objects, a few ms), and --version, --help and --config-path start at once.
if TYPE_CHECKING:
    from .aligning.options import AlignOptions
    from .reading.articles import Article

EXIT_USAGE = 2


def _similarity(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError("must be between 0 and 100")
    return number


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        unknown = message.removeprefix("unrecognized arguments: ").split() if "unrecognized" in message else []
        if any(Path(arg).exists() or (not arg.startswith("--") and "." in arg) for arg in unknown):
            message += " (a path that starts with - goes after --: sidebyside -- -x.txt)"
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _size(value: str) -> int:
    """A size in bytes: "10MB", "500KB", "2 MB", "1048576"."""
    text = value.strip().upper().replace(" ", "").removesuffix("B")
    scale = 1
    for suffix, factor in (("K", 1024), ("M", 1024**2), ("G", 1024**3)):
        if text.endswith(suffix):
            text, scale = text[:-1], factor
            break
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (say 10MB, 500KB)") from None
    if number <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return int(number * scale)


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return number


PATHS_HELP = (
    "article files (.txt, .md, .html), folders, globs or URLs (default: the sample corpus); "
    "put -- before a path that starts with -"
)


def _add_reading(parser: argparse.ArgumentParser) -> None:
    from .reading.arrange import DEFAULT_ORDER, ORDERS

    parser.add_argument(
        "--order",
        choices=ORDERS,
        default=DEFAULT_ORDER,
        help="order of the articles: date (oldest first, when they have dates), path, outlet (default: date)",
    )
    parser.add_argument(
        "--max-size",
        type=_size,
        metavar="SIZE",
        default=None,
        help="largest article file or page to read (default 10MB)",
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="fetch URLs again instead of reading the copies kept in the cache",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        default=None,
        help="give up on a URL after this long (default 15)",
    )


def _add_thresholds(parser: argparse.ArgumentParser) -> None:
    from .aligning.options import AlignOptions

    defaults = AlignOptions()
    parser.add_argument(
        "--min-similarity",
        type=_similarity,
        metavar="0-100",
        default=None,
        help=f"how alike two versions must be to be aligned (default {defaults.min_similarity:g})",
    )
    parser.add_argument(
        "--min-words",
        type=_positive,
        metavar="N",
        default=None,
        help=f"shortest passage, in words, in every version (default {defaults.min_words})",
    )


#: Extensions of an output file that hold the text table (and a name without one).
TABLE_EXTENSIONS = ("", ".txt", ".text")
#: The table's width in a file, and through a pipe with no terminal to fit:
#: what an editor or a pager shows without wrapping.
FILE_WIDTH = 100


def _output_format(given: str | None, output: str | None) -> str | None:
    """The format to write: the one given ("md" is markdown), else the one the
    output file's extension names (.json, .md, .csv; .txt or none: the
    table), else the table.  None for an output file whose extension names
    no format (``x.html``): nothing is written rather than a table under a
    name that says otherwise."""
    if given is not None:
        return "markdown" if given == "md" else given
    if output:
        from .export import EXTENSIONS

        suffix = Path(output).suffix.lower()
        return EXTENSIONS.get(suffix, "table" if suffix in TABLE_EXTENSIONS else None)
    return "table"


def _unknown_format(output: str) -> str:
    from .export import FORMATS

    return (
        f"{output}: cannot write a {Path(output).suffix!r} file; name it .json, .md, .csv or .txt (the table), "
        f"or give --format {'|'.join(FORMATS)}"
    )


def _pipe_width() -> int:
    """The table's width when standard output is no terminal: into a file
    (``align > x.txt``) :data:`FILE_WIDTH`, as with ``--output``; through a
    pipe (``align | less``) $COLUMNS when set, else the width of the
    terminal the command runs in (the one on stderr or stdin), else
    :data:`FILE_WIDTH`."""
    import stat

    try:
        if stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode):
            return FILE_WIDTH
    except (AttributeError, ValueError, OSError):  # (no file behind it: a test's capture)
        pass
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for stream in (sys.stderr, sys.stdin):
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):  # not a terminal, closed, or no file at all
            continue
    return FILE_WIDTH


def align_parser() -> argparse.ArgumentParser:
    from .export import FORMATS

    parser = _Parser(
        prog="sidebyside align",
        description="Find the passages several articles share and print them, grouped.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.add_argument(
        "--format",
        "-f",
        choices=(*FORMATS, "md"),
        help="output format (md is markdown; default: from the --output file's extension, .json .md .csv, else table)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    _add_reading(parser)
    _add_thresholds(parser)
    return parser


def app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sidebyside",
        description=(
            "Read several versions of one story side by side. Run 'sidebyside align --help' for the headless command."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.add_argument(
        "--alignments",
        metavar="FILE",
        help="open the highlights saved in FILE (a .json saved by the app); s saves back to it",
    )
    parser.add_argument("--config-path", action="store_true", help="print where the config file is and exit")
    parser.add_argument(
        "--init-config",
        action="store_true",
        help="write a commented starter config file (never replaces one) and exit",
    )
    parser.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    _add_reading(parser)
    _add_thresholds(parser)
    return parser


def options_from(args: argparse.Namespace, base: AlignOptions | None = None) -> AlignOptions:
    from .aligning.options import AlignOptions

    base = base or AlignOptions()
    changes = {}
    if args.min_similarity is not None:
        changes["min_similarity"] = args.min_similarity
    if args.min_words is not None:
        changes["min_words"] = args.min_words
    return AlignOptions(**{**base.__dict__, **changes})


def fail(message: str) -> int:
    print(f"sidebyside: {message}", file=sys.stderr)
    return EXIT_USAGE


class _StderrProgress:
    """A progress bar on stderr while URLs are fetched, drawn only when that
    takes more than a moment and stderr is a terminal; erased when done."""

    DELAY = 0.4  # seconds before the bar shows
    WIDTH = 24

    def __init__(self) -> None:
        import threading
        import time

        self._time = time.monotonic
        self._start = time.monotonic()
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._shown: tuple[int, int] | None = None  # what the bar shows
        self._stop = threading.Event()
        self._enabled = sys.stderr.isatty()
        self._thread = threading.Thread(target=self._tick, daemon=True) if self._enabled else None

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            self._done, self._total = done, total
            if self._thread is not None and not self._thread.is_alive() and done < total:
                self._thread.start()
        if self._enabled:
            self._draw()

    def _tick(self) -> None:
        while not self._stop.wait(0.1):
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            if self._stop.is_set() or self._time() - self._start < self.DELAY or not self._total:
                return
            if self._shown == (self._done, self._total):
                return  # drawn as it is
            filled = self.WIDTH * self._done // self._total
            bar = "█" * filled + "░" * (self.WIDTH - filled)
            pages = "page" if self._total == 1 else "pages"
            sys.stderr.write(f"\rsidebyside: fetching {pages} {bar} {self._done}/{self._total} ")
            sys.stderr.flush()
            self._shown = (self._done, self._total)

    def close(self) -> None:
        with self._lock:
            self._stop.set()
            if self._shown:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()


def read_articles(
    args: argparse.Namespace, messages: list[str], progress: Callable[[int, int], None] | None = None
) -> list[Article]:
    """The articles the command line names, read, ordered (``--order``) and
    told apart; what the reader should know about the set (files skipped,
    URLs that failed, two articles with the same text) is added to
    ``messages`` (each article's own notes stay in ``article.notes``).
    ``progress`` hears how the URLs' fetch goes (by default a bar on
    stderr).  Raises InputError."""
    from .reading.arrange import arrange
    from .reading.articles import DEFAULT_MAX_SIZE, is_url, load_articles

    timeout = args.timeout
    urls = any(is_url(p) for p in args.paths)
    if not timeout and urls:
        from .reading.fetch import DEFAULT_TIMEOUT  # (HTTP and SSL: loaded only for URLs)

        timeout = DEFAULT_TIMEOUT
    skipped: list[str] = []
    failed: list[str] = []  # URLs that could not be read, left out
    if progress is None and urls:  # (only fetching pages reports progress)
        progress = _StderrProgress()
    try:
        articles = load_articles(
            args.paths,
            skipped,
            max_size=args.max_size or DEFAULT_MAX_SIZE,
            refresh=args.refresh,
            progress=progress,
            failed=failed,
            **({"timeout": timeout} if timeout else {}),
        )
    finally:
        if isinstance(progress, _StderrProgress):
            progress.close()
    articles, same = arrange(articles, args.order)
    messages.extend(skipped)
    # "skipped", as a file left out says (a 404 read as if the command failed).
    messages.extend(f"skipped {reason}" for reason in failed)
    messages.extend(same)
    return articles


#: Seconds the URLs may take before the app shows a progress bar for them.
FETCH_SCREEN_AFTER = 0.4


def read_articles_for_the_app(args: argparse.Namespace, messages: list[str]) -> list[Article] | None:
    """:func:`read_articles`, with a progress bar in the terminal (a small
    Textual app, :mod:`.app.fetching`) when URLs take more than a moment to
    fetch.  None when the reader gave up waiting."""
    from .reading.articles import is_url

    if not (any(is_url(p) for p in args.paths) and sys.stdin.isatty() and sys.stdout.isatty()):
        return read_articles(args, messages)
    import threading

    from .app.fetching import FetchingApp, FetchProgress

    progress = FetchProgress()
    outcome: dict[str, object] = {}

    def job() -> None:
        try:
            outcome["articles"] = read_articles(args, messages, progress)
        except BaseException as exc:  # handed to the main thread, raised there
            outcome["error"] = exc

    thread = threading.Thread(target=job, name="sidebyside-read", daemon=True)
    thread.start()
    thread.join(FETCH_SCREEN_AFTER)
    if thread.is_alive():
        screen = FetchingApp(thread, progress)
        screen.run()
        if screen.return_code == 130:
            return None
        thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["articles"]  # type: ignore[return-value]


def run_align(argv: list[str]) -> int:
    # A one-shot batch run: the cycle collector would walk the growing heap of
    # tokens again and again (superlinear: a third of the time at 8 MB), and
    # every module's new objects while the engine loads; reference counting
    # frees what the run drops.
    import gc

    gc.disable()
    from .aligning.align import align
    from .atomic import atomic_write
    from .export import render, write_json
    from .reading.articles import InputError

    args = align_parser().parse_args(argv)
    fmt = _output_format(args.format, args.output)
    if fmt is None:
        return fail(_unknown_format(args.output))
    messages: list[str] = []
    try:
        articles = read_articles(args, messages)
    except InputError as exc:
        return fail(str(exc))
    messages.extend(note for article in articles for note in article.notes)
    for message in messages:  # files skipped, URLs that failed, notes
        print(f"sidebyside: {message}", file=sys.stderr)
    if len(articles) < 2:
        return fail(f"{articles[0].source}: only one article; give at least two to align")
    alignment = align(articles, options_from(args))
    if args.output:
        # JSON a part at a time: held whole, a large alignment's text was the run's peak memory.
        text = (
            render(alignment, fmt, FILE_WIDTH, to_file=True) if fmt != "json" else (lambda w: write_json(alignment, w))
        )
        try:
            atomic_write(Path(args.output), text)
        except OSError as exc:
            return fail(f"{args.output}: cannot write ({exc.strerror or exc})")
        print(f"sidebyside: wrote {len(alignment.groups)} groups to {args.output}", file=sys.stderr)
        return 0
    width = None
    color = False
    if fmt == "table" and sys.stdout.isatty():
        import shutil

        width, color = shutil.get_terminal_size().columns, True
    elif fmt == "table":
        width = _pipe_width()
    try:
        if fmt == "json":  # a part at a time, as to a file
            write_json(alignment, sys.stdout.write)
        else:
            sys.stdout.write(render(alignment, fmt, width=width, color=color))
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
    return 0


def _init_config() -> int:
    from .config import config_path, write_default_config

    path = config_path()
    try:
        write_default_config(path)
    except FileExistsError:
        if not path.exists():  # mkdir found a file where a folder should be
            return fail(f"{path}: cannot write the config file (a folder on the way is a file)")
        print(f"sidebyside: {path} already exists; left as it is", file=sys.stderr)
        print(path)
        return 0
    except OSError as exc:
        return fail(f"{path}: cannot write the config file ({exc.strerror or exc})")
    print("sidebyside: wrote a starter config (every setting commented out) to", file=sys.stderr)
    print(path)
    return 0


def run_app(argv: list[str]) -> int:
    from .config import config_path, load_config

    args = app_parser().parse_args(argv)
    if args.init_config:
        return _init_config()
    if args.config_path:
        path = config_path()
        print(path)
        if sys.stderr.isatty():  # a hint for people, never in a script's way
            hint = "it exists" if path.exists() else "not created yet; sidebyside --init-config writes a starter"
            print(f"sidebyside: ({hint})", file=sys.stderr)
        return 0
    # The config file gives the defaults, the command line overrides them; a
    # bad config never stops the app (the app shows the problems too).
    config, problems = load_config()
    for problem in problems:
        print(f"sidebyside: {problem}", file=sys.stderr)
    if args.alignments and not args.paths:
        # The articles the highlights were saved with, not the sample corpus.
        from .highlights import HighlightsError, saved_paths

        try:
            args.paths, lost = saved_paths(args.alignments)
        except HighlightsError as exc:
            return fail(str(exc))
        if not args.paths:
            return fail(
                f"{Path(args.alignments).name}: the articles it was saved with are not found "
                f"({', '.join(lost)}): name them, sidebyside PATH... --alignments {args.alignments}"
            )
    from .reading.articles import InputError

    skipped: list[str] = []
    try:
        articles = read_articles_for_the_app(args, skipped)
    except InputError as exc:
        return fail(str(exc))
    if articles is None:  # gave up waiting for the pages
        return 130
    for reason in skipped:  # files skipped, URLs that failed, same texts: said here and in the app
        print(f"sidebyside: {reason}", file=sys.stderr)
    highlights = None
    if args.alignments:
        from .highlights import HighlightsError, load

        try:
            highlights = load(Path(args.alignments).expanduser().absolute(), articles)
        except HighlightsError as exc:
            return fail(str(exc))
        if summary := highlights.summary():  # one line: the app lists the passages not found
            print(f"sidebyside: {summary}", file=sys.stderr)
    # ``highlights`` is read here so a bad file fails before the app starts;
    # the app merges it into the alignment and shows the messages too.
    from .app.app import SideBySideApp  # Textual only from here on

    app = SideBySideApp(
        articles,
        options=options_from(args, config.align_options()),
        config=config,
        config_problems=problems,
        highlights=highlights,
        notices=skipped,
    )
    app.run()
    return app.return_code or 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] == "align":
            return run_align(argv[1:])
        return run_app(argv)
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """The program (``sidebyside``, ``python -m sidebyside``): :func:`main`
    on the command line, then exit with its status.

    After ``align`` the process ends at once, its output flushed, without
    tearing the interpreter down: freeing every object of the run one by one
    frees nothing the system would not, and took some 30 ms on the sample
    corpus and 120 ms at 200 articles.  (The app exits the usual way.)"""
    argv = sys.argv[1:]
    code = main(argv)
    if argv[:1] == ["align"]:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe or stream: nothing more to say on it
                pass
        os._exit(code)
    sys.exit(code)
