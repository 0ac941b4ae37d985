"""The overview (m), synced selection and the flags, driven with the real keys.

All on a fixed alignment of the sample (tests/story.py): the gold passages
as groups g1-g5 with their facts, so engine work never changes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from story import fixed_aligner, sample_story, ten_outlets

from sidebyside.app.app import SideBySideApp
from sidebyside.app.overview import OverviewScreen, OverviewTable


@pytest.fixture(scope="module")
def story(sample_articles):
    return sample_story(sample_articles)


def _app(articles, alignment) -> SideBySideApp:
    return SideBySideApp(articles, aligner=fixed_aligner(alignment))


async def _ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _label_index(app, label: str) -> int:
    return next(i for i, a in enumerate(app.articles) if a.label == label)


def _table(app) -> OverviewTable:
    assert isinstance(app.screen, OverviewScreen)
    return app.screen.query_one(OverviewTable)


def _row_keys(table) -> list[str]:
    return [row.key for row in table.rows]


def _cell(table, row_key: str, column_key: str) -> str:
    return table.cell(table.get_row_index(row_key), table.get_column_index(column_key))


# --- opening, closing, the table ------------------------------------------------------


async def test_m_opens_the_overview_and_m_or_escape_return(sample_articles, story):
    app = _app(sample_articles, story)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        reader = app.screen
        focused = app.focused
        await pilot.press("m")
        assert app.screen.id == "overview"
        table = _table(app)
        assert _row_keys(table) == [g.id for g in story.groups]
        labels = [c.label for c in table.columns][4:]
        assert len(labels) == len(sample_articles)
        assert app.focused is table
        await pilot.press("escape")
        assert app.screen is reader and app.focused is focused
        await pilot.press("m")
        assert app.screen.id == "overview"
        await pilot.press("m")
        assert app.screen is reader


async def test_cells_show_carriers_quotes_and_similarity(sample_articles, story):
    app = _app(sample_articles, story)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        await pilot.press("m")
        table = _table(app)
        press_tv = _label_index(app, "Press TV")
        aggregator = next(i for i, a in enumerate(app.articles) if a.label.startswith("Aggregator"))
        tv = _cell(table, "g3", f"o{press_tv}")
        agg = _cell(table, "g3", f"o{aggregator}")
        assert tv.startswith("❝")  # Press TV quotes it
        assert not agg.startswith("❝") and "◐" in agg  # the Aggregator paraphrases it, a variant
        lavrov = _label_index(app, "Russian state media (repost)")
        assert _cell(table, "g3", f"o{lavrov}").strip() == "·"
        row = [table.cell(table.get_row_index("g5"), c) for c in range(len(table.columns))]
        assert "Lavrov / Putin" in row[3] or "Putin / Lavrov" in row[3]
        assert row[2].startswith("⚑")


# --- filters --------------------------------------------------------------------------


async def test_filters_quotes_variants_flagged_and_outlets(sample_articles, story):
    app = _app(sample_articles, story)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        await pilot.press("m")
        table = _table(app)
        every = [g.id for g in story.groups]
        await pilot.press("quotation_mark")
        quoted = [g.id for g in story.groups if any(p.quoted for p in g.passages)]
        assert _row_keys(table) == quoted and quoted != every
        await pilot.press("quotation_mark")
        await pilot.press("v")
        assert _row_keys(table) == [g.id for g in story.groups if g.kind == "variant"]
        await pilot.press("v", "f")
        flagged = [g.id for g in story.groups if g.flags]
        assert _row_keys(table) == flagged and flagged
        await pilot.press("f", "plus", "plus")
        assert _row_keys(table) == [g.id for g in story.groups if len(g.article_indexes) >= 3]
        assert "carried by ≥3" in str(app.screen.query_one("#overview-filters").render())
        await pilot.press("minus")
        assert _row_keys(table) == [g.id for g in story.groups if len(g.article_indexes) >= 2]
        await pilot.press("f", "0")
        assert _row_keys(table) == every


# --- jumping back -----------------------------------------------------------------------


async def test_enter_on_a_row_selects_the_group(sample_articles, story):
    app = _app(sample_articles, story)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        await pilot.press("m")
        table = _table(app)
        table.move_cursor(table.get_row_index("g4"), 0)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.id != "overview"
        assert app.current_group == "g4"
        body = app.screen.body(app.current_version.article)
        assert app.focused is body and body.in_view(app.current_version.start, app.current_version.end)


async def test_enter_on_a_cell_goes_to_that_outlets_version(sample_articles, story):
    app = _app(sample_articles, story)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        up = _label_index(app, "Ukrainska Pravda")
        await pilot.press("m")
        table = _table(app)
        table.move_cursor(table.get_row_index("g4"), table.get_column_index(f"o{up}"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_group == "g4" and app.current_version.article == up
        body = app.screen.body(up)
        assert app.focused is body and body.in_view(app.current_version.start, app.current_version.end)
        assert up in app.screen.visible


async def test_only_here_lists_each_outlets_own_paragraphs_and_jumps(sample_articles, story):
    app = _app(sample_articles, story)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        await pilot.press("m")
        screen = app.screen
        only = str(screen.query_one("#overview-only").render())
        cov = screen.coverage
        items = only.split(": ", 1)[1].split(" · ")  # (names cut to fit the line: "Russian state media (re… 9")
        assert len(items) == len(cov.columns)
        for a, item in zip(cov.columns, items):  # (a paragraph that reads like another outlet's is listed, not counted)
            name, count = item.rsplit(" ", 1)
            assert app.articles[a].label.startswith(name.rstrip("…"))
            assert int(count) == sum(1 for item in cov.only_here[a] if item.own)
        await pilot.press("h")
        table = _table(app)
        keys = _row_keys(table)
        assert keys and all(k.startswith("only:") for k in keys)
        assert len(keys) == sum(len(v) for v in cov.only_here.values())
        # The last outlet's last paragraph: enter scrolls its pane to it.
        target = cov.only_here[cov.columns[-1]][-1]
        table.move_cursor(table.get_row_index(f"only:{target.place.article}:{target.place.start}"), 1)
        await pilot.press("enter")
        await pilot.pause()
        body = app.screen.body(target.place.article)
        assert body.in_view(target.place.start, min(target.place.end, target.place.start + 40))


# --- small terminals, many outlets, dates -------------------------------------------------


async def test_overview_at_80x24_with_ten_outlets_scrolls(sample_articles, tmp_path):
    articles, alignment = ten_outlets(tmp_path)
    app = _app(articles, alignment)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        await pilot.press("m")
        table = _table(app)
        assert len(table.columns) == 4 + 10
        # Columns by date: the earliest-dated outlet first.
        firsts = [c.key for c in table.columns[4:]]
        dates = [articles[int(k[1:])].date for k in firsts]
        assert dates == sorted(dates)
        # The last outlet's column is reachable: the table scrolls sideways,
        # keeping the group and its wording in view.
        table.move_cursor(0, 0)
        for _ in range(13):
            await pilot.press("right")
        assert table.cursor[1] == 13
        assert table.scroll_x > 0
        # What is drawn: the group column still, and the last outlet's column.
        drawn = table.render_line(1).text
        assert "g1" in drawn[:8]
        assert drawn.rstrip().endswith(table.cell(0, 13).strip())
        # First seen: each row marks its earliest carriers.
        cov = app.screen.coverage
        for row in cov.rows:
            earliest = min(articles[b].date for b in row.group.article_indexes)
            first = {a for a in row.group.article_indexes if articles[a].date == earliest}
            assert set(row.first_seen) == first
            for a in first:
                assert "¹" in _cell(table, row.group.id, f"o{a}")
        await pilot.press("escape")
        assert app.screen.id != "overview"


async def test_the_overview_is_made_ahead_and_takes_a_theme_changed_meanwhile(sample_articles, story):
    """Made (composed and laid out, not shown) once the alignment is in, so
    the first m only shows it; shown again without restyling, unless the
    theme changed while it was hidden: then it shows the new theme."""
    from textual.color import Color

    app = _app(sample_articles, story)
    async with app.run_test(size=(120, 30)) as pilot:
        await _ready(pilot)
        await pilot.pause()
        assert app.is_screen_installed("overview")
        made = app.get_screen("overview")
        assert made.is_running and made.table.row_count == len(story.groups)
        for _ in range(100):  # laid out and drawn (a few passes, a moment apart)
            if made.ready:
                break
            await pilot.pause(0.05)
        assert made.ready and made.table.size.width > 0 and not made.is_current
        reader = app.screen
        await pilot.press("m")
        assert app.screen is made
        title = made.query_one("#overview-title")
        dark = title.styles.background
        assert dark == Color.parse(app.theme_variables["panel"])
        await pilot.press("m")
        app.theme = "textual-light"
        await pilot.pause()
        assert app.screen is reader
        await pilot.press("m")
        await pilot.pause()
        assert app.screen is made
        assert title.styles.background == Color.parse(app.theme_variables["panel"]) != dark
        table = _table(app)
        assert table.style("overview--verbatim").color.triplet == Color.parse("#006B2F").rich_color.triplet


async def test_the_first_m_puts_the_cursor_where_every_later_m_does(sample_articles, story):
    """On the current group's row, in the focused outlet's column (the
    table laid out from the first time on)."""
    app = _app(sample_articles, story)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        await pilot.press("n", "n", "m")
        table = _table(app)
        first = table.cursor_keys
        assert first == (app.current_group, f"o{app.screen_stack[0].focused_index}")
        await pilot.press("m", "m")
        assert table.cursor_keys == first


async def test_only_a_focus_rule_restyles_a_body_on_focus(sample_articles, story):
    """The article body is restyled on gaining or losing the focus only
    while the stylesheet has a rule on its focus (none by default)."""
    from sidebyside.app.article_text import styled_on_focus

    app = _app(sample_articles, story)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        reader = app.screen
        first, second = reader.body(reader.visible[0]), reader.body(reader.visible[1])
        assert not styled_on_focus(first)
        app.stylesheet.add_source("ArticleBody:focus { background: red; }", read_from=("test", "focus"))
        app.refresh_css(animate=False)
        await pilot.pause()
        assert styled_on_focus(first)
        first.focus()
        await pilot.pause()
        assert first.styles.background.rgb == (255, 0, 0)
        second.focus()
        await pilot.pause()
        assert second.styles.background.rgb == (255, 0, 0)
        assert first.styles.background.rgb != (255, 0, 0)
        # A rule on the pane's focus that styles the body: restyled too.
        app.stylesheet.add_source(
            "ArticlePane:focus-within ArticleBody { color: rgb(0, 0, 255); }", read_from=("test", "within")
        )
        app.refresh_css(animate=False)
        first.focus()
        await pilot.pause()
        assert first.styles.color.rgb == (0, 0, 255) and second.styles.color.rgb != (0, 0, 255)


# --- synced selection ----------------------------------------------------------------------


def _shows(body, passage) -> bool:
    """The version is on screen: all of it, or its start when it is taller than the pane."""
    first, last = body.rows_of(passage.start, passage.end)
    if last - first + 1 >= body.scrollable_content_region.height:
        return body.in_view(passage.start, passage.start + 1)
    return body.in_view(passage.start, passage.end)


@pytest.mark.parametrize("size", [(200, 50), (80, 24)])
async def test_n_brings_every_version_into_view_without_moving_focus(sample_articles, story, size):
    app = _app(sample_articles, story)
    async with app.run_test(size=size) as pilot:
        await _ready(pilot)
        reader = app.screen
        for _ in range(len(story.groups)):
            focused = app.focused
            await pilot.press("n")
            await pilot.pause()
            assert app.focused is focused
            group = story.group(app.current_group)
            for index in reader.visible:
                versions = [p for p in group.passages if p.article == index]
                body = reader.body(index)
                if versions:
                    assert any(_shows(body, p) for p in versions), (app.current_group, app.articles[index].label)


async def test_brackets_and_clicks_sync_the_other_panes_too(sample_articles, story):
    app = _app(sample_articles, story)
    async with app.run_test(size=(200, 50)) as pilot:
        await _ready(pilot)
        reader = app.screen
        # Scroll every pane away, then select g4 by ] from a pane holding it.
        for index in reader.visible:
            reader.body(index).scroll_end(animate=False, immediate=True)
        await pilot.pause()
        press_tv = _label_index(app, "Press TV")
        group = story.group("g4")
        version = next(p for p in group.passages if p.article == press_tv)
        app.select("g4", version.place)
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.current_version.article != press_tv
        for index in group.article_indexes:
            if index in reader.visible:
                assert any(_shows(reader.body(index), p) for p in group.passages if p.article == index)


async def test_panes_without_the_group_stay_where_they_are(sample_articles, story):
    app = _app(sample_articles, story)
    async with app.run_test(size=(200, 50)) as pilot:
        await _ready(pilot)
        reader = app.screen
        lavrov = _label_index(app, "Russian state media (repost)")  # carries none of g1-g5
        reader.body(lavrov).scroll_to(y=5, animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("n", "n")
        await pilot.pause()
        assert int(reader.body(lavrov).scroll_y) == 5


# --- flags ---------------------------------------------------------------------------------


async def test_flags_in_the_panel_and_the_gutter(sample_articles, story):
    app = _app(sample_articles, story)
    async with app.run_test(size=(200, 50)) as pilot:
        await _ready(pilot)
        reader = app.screen
        g4 = story.group("g4")  # Ukrainska Pravda adds "allegedly": a hedge flag
        up = _label_index(app, "Ukrainska Pravda")
        version = next(p for p in g4.passages if p.article == up)
        reader.reveal_group("g4", up)
        await pilot.pause()
        panel = reader.query_one("#panel")
        text = panel.text
        assert "⚑ hedge" in text.splitlines()[0]
        up_line = next(line for line in text.splitlines() if "Ukrainska Pravda" in line)
        rest = text[text.index(up_line) :]
        assert rest.index("hedge: adds “allegedly”") < rest.index("drops")
        body = reader.body(up)
        first_row = body.rows_of(version.start, version.end)[0]
        line = body.render_line(first_row - int(body.scroll_y)).text
        assert "⚑" in line[:2]
        # An unflagged group carries no flag mark.
        g1 = story.group("g1")
        reader.reveal_group("g1", up)
        await pilot.pause()
        v1 = next(p for p in g1.passages if p.article == up)
        row = body.rows_of(v1.start, v1.end)[0]
        assert "⚑" not in body.render_line(row - int(body.scroll_y)).text[:2]


# --- colours ---------------------------------------------------------------------------------


def _luminance(rgb) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a, b) -> float:
    low, high = sorted((_luminance(a), _luminance(b)))
    return (high + 0.05) / (low + 0.05)


async def test_marks_read_on_dark_light_and_256_colours(sample_articles, story):
    """Each mark (●, ◐, ·, ❝, ⚑, ¹) stands out from the table's background
    (3:1 at least, as WCAG asks of graphics) on the dark and light themes, in
    truecolor and as a 256-colour terminal shows it; and the four marks a
    reader tells apart by colour are apart."""
    from itertools import combinations

    from rich.color import ColorSystem

    app = _app(sample_articles, story)
    async with app.run_test(size=(120, 30)) as pilot:
        await _ready(pilot)
        await pilot.press("m")
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            table = _table(app)
            background = table.rich_style.bgcolor
            colours = {}
            for name in ("verbatim", "variant", "absent", "quote", "flag", "first"):
                colour = table.get_component_rich_style(f"overview--{name}", partial=False).color
                for system in (None, ColorSystem.EIGHT_BIT):
                    fg = colour if system is None else colour.downgrade(system)
                    bg = background if system is None else background.downgrade(system)
                    ratio = _contrast(fg.get_truecolor(), bg.get_truecolor())
                    assert ratio >= 3, (theme, name, system, ratio)
                colours[name] = colour.get_truecolor()
            for a, b in combinations(("verbatim", "variant", "quote", "flag"), 2):
                distance = sum((x - y) ** 2 for x, y in zip(colours[a], colours[b])) ** 0.5
                assert distance >= 30, (theme, a, b)


def test_gutter_flags_the_first_row_of_a_flagged_passage_the_second_when_kept():
    from sidebyside.app.rows import FLAG_MARK, KEPT_MARK, RowPaint, Span, gutter

    span = Span(0, 30, "g1", False, flagged=True)
    plain = Span(40, 60, "g2", False)

    def row_of(offset: int) -> int:
        return offset // 10

    def cells(row: int, spans, paint) -> str:
        return "".join(s.text for s in gutter(row, spans, row_of, paint))

    paint = RowPaint()
    assert cells(0, [span], paint) == "╎" + FLAG_MARK
    assert cells(1, [span], paint) == "╎ "
    assert FLAG_MARK not in cells(4, [plain], paint)
    kept = RowPaint(kept=frozenset({"g1"}))
    assert cells(0, [span], kept) == "╎" + KEPT_MARK
    assert cells(1, [span], kept) == "╎" + FLAG_MARK


async def test_overview_survives_random_keys_and_sizes(tmp_path):
    """A seeded soak of the overview: its keys and the reader's, resizes down
    to 1×1, outlet labels that look like markup; any exception fails."""
    import random
    from dataclasses import replace as dc_replace

    articles, alignment = ten_outlets(tmp_path)
    articles = [dc_replace(a, outlet=f"[/b]{a.outlet} [bold red]") for a in articles]
    alignment = dc_replace(alignment, articles=tuple(articles))
    keys = (
        "m m m escape enter n right_square_bracket left_square_bracket quotation_mark v f plus minus 0 h "
        "left right up down pageup pagedown home end j k g G"
    ).split()
    sizes = [(1, 1), (6, 3), (30, 8), (40, 10), (80, 24), (160, 45)]
    rnd = random.Random(11)
    app = _app(articles, alignment)
    async with app.run_test(size=(120, 30)) as pilot:
        await _ready(pilot)
        for step in range(100):
            if step % 10 == 0:
                await pilot.resize_terminal(*rnd.choice(sizes))
            await pilot.press(rnd.choice(keys))
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert app.is_running and app.return_code is None


def test_only_here_is_each_outlets_prose_no_passage_touches(story):
    from sidebyside.coverage import coverage

    cov = coverage(story)
    assert sum(len(v) for v in cov.only_here.values()) > 0
    for article, items in cov.only_here.items():
        text = story.articles[article].text
        spans = [(p.start, p.end) for p, _ in story.passages_in(article)]
        for item in items:
            place = item.place
            assert text[place.start : place.end].strip() == text[place.start : place.end]
            assert " ".join(text[place.start : place.end].split()) == item.text
            assert all(place.end <= s or e <= place.start for s, e in spans)
    # A paragraph a passage touches is never listed: the Press TV quote's paragraph.
    press_tv = next(i for i, a in enumerate(story.articles) if a.label == "Press TV")
    assert not any("reducing tensions" in item.text for item in cov.only_here[press_tv])


def test_a_repeat_of_a_passage_is_not_only_here(story):
    # A pull-quote repeating a group's version (Group.repeats) was listed and
    # counted as the outlet's own paragraph.
    from dataclasses import replace

    from sidebyside.coverage import coverage
    from sidebyside.model import Passage

    before = coverage(story)
    group = story.groups[0]
    article = group.passages[0].article
    item = before.only_here[article][0]
    place = item.place
    repeat = Passage(article, place.start, place.end, story.articles[article].text[place.start : place.end], 95.0)
    repeated = replace(story, groups=(replace(group, repeats=(repeat,)), *story.groups[1:]))
    after = coverage(repeated)
    assert [i.place for i in after.only_here[article]] == [i.place for i in before.only_here[article]][1:]


async def test_only_here_shows_a_markdown_paragraph_without_its_marks(tmp_path):
    # "*Friday …*", "> \"Good faith…\"" and "**Our view:** …" were shown with their marks.
    from sidebyside.app.overview import _only_cells
    from sidebyside.coverage import OnlyHere, coverage
    from sidebyside.model import Place
    from sidebyside.reading.articles import load_articles

    unseen = Path(__file__).parent / "data" / "unseen" / "artefacts"
    articles = load_articles([unseen])
    app = SideBySideApp(articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        await pilot.press("m", "h")
        table = _table(app)
        letter = next(i for i, a in enumerate(app.articles) if a.path.suffix == ".md")
        rows = [k for k in _row_keys(table) if k.startswith(f"only:{letter}:")]
        assert rows
        texts = [_cell(table, k, "passage") for k in rows]
        assert any("Our view: The law" in t for t in texts), texts
        assert not any(t.lstrip().startswith((">", "*", "#")) or "**" in t for t in texts), texts
    # The rule, on each kind of mark; a plain-text article's text is left as it is.
    cov = coverage(app.alignment)
    for raw, shown in [
        ("*Friday 19 November 2027 · Issue 212*", "Friday 19 November 2027 · Issue 212"),
        ('> "Good faith is not the same as a clean history."', '"Good faith is not the same as a clean history."'),
        ("**Our view:** The law", "Our view: The law"),
        ("snake_case stays, 2 * 3 too", "snake_case stays, 2 * 3 too"),
    ]:
        item = OnlyHere(Place(letter, 0, 1), raw)
        assert _only_cells(cov, item, app.articles[letter])[1] == ((shown, ""),)
        plain = next(a for a in app.articles if a.path.suffix == ".txt")
        assert _only_cells(cov, item, plain)[1] == ((raw, ""),)


async def test_every_cell_of_the_cursor_row_reads_on_dark_light_and_256(sample_articles, story):
    """User test item 2: on the cursor row (and the striped rows) text stood
    in its own colour on a solid background (1:1).  From the drawn strips'
    styles: text 4.5:1 at least, marks 3:1, truecolor and 256 colours."""
    from rich.color import ColorSystem

    app = _app(sample_articles, story)
    async with app.run_test(size=(160, 45)) as pilot:
        await _ready(pilot)
        await pilot.press("m")
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            table = _table(app)
            for y in (1, 2, 3):  # the cursor row, a striped row, a plain row
                for segment in table.render_line(y):
                    text = segment.text.strip()
                    if not text or text == "…":
                        continue
                    least = 4.5 if any(ch.isalnum() for ch in text) else 3
                    for system in (None, ColorSystem.EIGHT_BIT):
                        fg, bg = segment.style.color, segment.style.bgcolor
                        if system is not None:
                            fg, bg = fg.downgrade(system), bg.downgrade(system)
                        ratio = _contrast(fg.get_truecolor(), bg.get_truecolor())
                        assert ratio >= least, (theme, y, text, system, round(ratio, 2))


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_outlet_and_speaker_columns_keep_their_width_when_moving_right(tmp_path, size):
    """User test items 10 and 11: at 40x12 the outlet columns got about two
    characters, and at 80x24 the speaker column showed "s…" after moving
    right.  Every column the cursor reaches shows whole (scrolling sideways,
    not squeezing), and the header above it starts with its label."""
    from sidebyside.app.grid import PADDING

    articles, alignment = ten_outlets(tmp_path)
    app = _app(articles, alignment)
    async with app.run_test(size=size) as pilot:
        await _ready(pilot)
        await pilot.press("m")
        table = _table(app)
        width = table.scrollable_content_region.width
        for column in range(len(table.columns)):
            table.move_cursor(0, column)
            await pilot.pause()
            spec = table.columns[column]
            x = table._column_x(column)
            if column >= table.fixed:
                x = x - int(table.scroll_x)
            assert 0 <= x and x + spec.width + 2 * PADDING <= width, (column, x, width)
            header = table.render_line(0).text
            label = spec.label[: max(1, min(len(spec.label), spec.width) - 1)]
            assert header[x + PADDING :].startswith(label), (column, header)
            assert spec.width >= min(8, len(spec.label))


def test_two_outlets_of_one_name_have_column_heads_that_tell_them_apart():
    from dataclasses import replace
    from pathlib import Path

    from sidebyside.app.overview import _column_label
    from sidebyside.reading.articles import article_from_text

    base = article_from_text(Path("/s/wire.txt"), "A quake hit the coast\n\nThe quake hit at dawn, officials said.\n")
    wire = replace(base, outlet="Reuters", tag="wire")
    aggregator = replace(base, outlet="Reuters", tag="aggregator", path=Path("/s/aggregator.txt"))
    heads = {_column_label(a, 8) for a in (wire, aggregator)}
    assert heads == {"wire", "aggregator"}  # not "Reuters…" twice (the grid cuts to the width)
    assert _column_label(wire, 40) == "Reuters (wire)"
    assert _column_label(replace(wire, tag=None), 8) == "Reuters"


def test_a_paragraph_another_outlet_carries_reworded_is_not_its_own():
    """User test: the tabloid's paraphrase of the coast guard's quote was
    listed as a paragraph no other outlet carries; it reads like the wire's
    (◇ in its column, ≈ in the wire's), and only its own paragraphs count."""
    from pathlib import Path

    from sidebyside.aligning.align import align
    from sidebyside.coverage import coverage, own_counts
    from sidebyside.reading.articles import load_articles

    alignment = align(load_articles([Path(__file__).parent / "data" / "unseen" / "ferry"]))
    cov = coverage(alignment)
    names = {a: art.path.name for a, art in enumerate(alignment.articles)}
    tabloid = next(a for a, name in names.items() if name == "tabloid.txt")
    alexiou = next(item for item in cov.only_here[tabloid] if "Alexiou" in item.text)
    assert not alexiou.own and names[alexiou.echo] == "wire.txt"
    assert any(item.own and "Foreign Office" in item.text for item in cov.only_here[tabloid])
    assert own_counts(alignment)[tabloid] == sum(1 for item in cov.only_here[tabloid] if item.own)


def test_a_paragraph_reads_like_another_outlets_of_the_same_story_only():
    """A story in the same corpus that shares no passage with another is
    another story: its paragraphs never read like that one's."""
    from pathlib import Path

    from sidebyside.aligning.align import align
    from sidebyside.coverage import coverage
    from sidebyside.reading.articles import load_articles

    unseen = Path(__file__).parent / "data" / "unseen"
    paths = [unseen / "ferry" / "wire.txt", unseen / "ferry" / "tabloid.txt", unseen / "derby" / "wire.txt"]
    articles = load_articles(paths)
    alignment = align(articles)
    cov = coverage(alignment)
    derby = next(a for a, art in enumerate(alignment.articles) if "derby" in str(art.path))
    story = {a for g in alignment.groups for p in g.passages for a in [p.article]}
    assert derby not in story  # (no passage shared with the ferry's articles)
    assert all(item.echo is None for item in cov.only_here[derby])
    assert all(item.echo != derby for items in cov.only_here.values() for item in items)
