"""Review R4's findings on the app, the report and the table: each test
fails before its fix."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from sidebyside.model import Change, Group, Passage


def _two_versions(blog: str, wire: str) -> tuple[SimpleNamespace, Group]:
    """An alignment's stand-in: a Markdown blog (version 0) and a plain wire (version 1)."""
    articles = (SimpleNamespace(path=Path("blog.md"), text=blog), SimpleNamespace(path=Path("wire.txt"), text=wire))
    passages = (Passage(0, 0, len(blog), blog, 60.0), Passage(1, 0, len(wire), wire, 60.0))
    return SimpleNamespace(articles=articles), Group("g1", "variant", False, passages)


def test_a_stray_bold_mark_in_each_of_two_changes_is_left_out_of_each():
    """R4 §1: 'Nijmegen expansion:** we are' and 'Penang:** we will' in one
    line came out as 'expansion:* we are' … 'Penang:* we will'."""
    from sidebyside.export import _changes_line, read_changes

    alignment, group = _two_versions("- **Nijmegen expansion:** we are", "Halvern also said it would")
    changes = [
        Change("other", 0, 1, "Halvern also said it would", "Nijmegen expansion:** we are"),
        Change("other", 0, 1, "and", "Penang:** we will"),
    ]
    line = _changes_line(read_changes(alignment, group, changes))
    assert line == "“Halvern also said it would” → “Nijmegen expansion: we are” · “and” → “Penang: we will”"


def test_a_plain_versions_changes_leave_out_the_marks_of_the_markdown_wording_they_are_compared_with():
    """R4 §2: the wire's change list showed 'Workforce:** we will reduce our
    workforce by' → …, the before side taken from the blog's Markdown."""
    from sidebyside.export import _changes_line, read_changes

    blog, wire = "Workforce:** we will reduce our workforce by", "The company confirmed it would cut"
    alignment, group = _two_versions(blog, wire)
    changes = [Change("other", 1, 0, "Workforce:** we will reduce our workforce by", "The company **confirmed")]
    line = _changes_line(read_changes(alignment, group, changes))
    # The blog's ** goes; the wire's own words are plain text, kept as written.
    assert line == "“Workforce: we will reduce our workforce by” → “The company **confirmed”"


def test_words_reordered_to_another_meaning_are_no_move():
    """R4 §3: 'the police officer shot the suspect' / 'the suspect shot the
    police officer' was listed as 'moves “shot the suspect”' (the words
    compared as a sorted bag): who shot whom changed."""
    from sidebyside.export import listed_changes

    changes = [Change("added", 1, 0, "", "suspect shot the"), Change("dropped", 1, 0, "shot the suspect", "")]
    material, others, dropped = listed_changes(changes)
    assert others == ["adds “suspect shot the”"]
    assert dropped == ["“shot the suspect”"]
    # The same words in the same order, put elsewhere, are still one move.
    moved = [Change("added", 1, 0, "", "after a struggle"), Change("dropped", 1, 0, "after a struggle", "")]
    assert listed_changes(moved) == ([], ["moves “after a struggle”"], [])
    # "added" before words is their verb, not an attribution's: "added 200 jobs" is no move of "200 jobs".
    hired = [Change("added", 1, 0, "", "added 200 jobs"), Change("dropped", 1, 0, "200 jobs", "")]
    assert listed_changes(hired) == ([], ["adds “added 200 jobs”"], ["“200 jobs”"])


def test_first_seen_and_the_columns_compare_two_zoned_times_across_midnight_in_utc():
    """R4 §7: '2027-04-14T00:01+01:00' (23:01 UTC on the 13th) came after
    '2027-04-13T23:30+00:00': its day was taken as written, its time in UTC."""
    from sidebyside.coverage import _order_key, first_carriers

    dates = {0: "2027-04-14T00:01+01:00", 1: "2027-04-13T23:30+00:00"}
    assert first_carriers(dates) == {0}
    assert sorted(dates, key=lambda i: _order_key(dates[i])) == [0, 1]
    aest = {0: "2027-04-14T08:00+10:00", 1: "2027-04-13T23:30+00:00"}  # 22:00 UTC on the 13th
    assert first_carriers(aest) == {0}


_BLOG = (
    "# Rotich wins in Valencia\n\n"
    "Kenya's **Elijah Rotich**, stepped off the plane on Friday and won the race on Sunday morning.\n\n"
    "The course record fell by eleven seconds in cool weather along the harbour.\n"
)
_WIRE = (
    "Rotich wins in Valencia\n\n"
    "Kenya's Elijah Rotich, stepped off the plane on Friday and won the race on Sunday morning.\n\n"
    "The course record fell by eleven seconds in cool weather along the harbour.\n"
)


@pytest.mark.app
async def test_search_reads_a_markdown_pane_as_drawn(make_app):
    """R4 §4: '/ Rotich, stepped' missed the Markdown pane (a hidden '**'
    between the words), '/ Kenya's Elijah' showed 'spelling: Kenya's
    **Elijah', and '/ **' found the marks nobody sees."""
    from sidebyside.reading.articles import article_from_text

    articles = [article_from_text(Path("blog.md"), _BLOG), article_from_text(Path("wire.txt"), _WIRE)]
    app = make_app(articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"Rotich, stepped", "enter")
        await pilot.pause()
        bodies = [app.screen.query_one(f"#body-{i}") for i in range(2)]
        blog = next(b for b in bodies if b.article.path.name == "blog.md")
        assert [blog.article.text[s:e] for s, e in blog.matches] == ["Rotich**, stepped"]
        assert str(app.screen.query_one("#search-count").render()).startswith("1/2")
        for _ in range(2):  # to the blog's match, wherever its pane is
            if app.search_current.article == blog.index:
                break
            await pilot.press("enter")
            await pilot.pause()
        shown = str(app.screen.query_one("#search-count").render())
        assert "blog" in shown and "**" not in shown and "spelling" not in shown, shown
        await pilot.press("escape", "slash", *"Kenya's Elijah", "enter")
        await pilot.pause()
        assert sum(len(b.matches) for b in bodies) == 2
        for _ in range(2):
            if app.search_current.article == blog.index:
                break
            await pilot.press("enter")
            await pilot.pause()
        shown = str(app.screen.query_one("#search-count").render())
        assert "**" not in shown and "spelling" not in shown, shown
        await pilot.press("escape", "slash", *"**", "enter")
        await pilot.pause()
        assert sum(len(b.matches) for b in bodies) == 0


@pytest.mark.app
async def test_the_palette_shows_a_markdown_version_without_its_marks(make_app):
    """R4 §5: ctrl+p listed 'Jump to g2 · blog: Nijmegen expansion:** we are
    pausing …', the last place that showed the raw marks."""
    from textual.command import CommandList

    from sidebyside.reading.articles import article_from_text

    articles = [article_from_text(Path("blog.md"), _BLOG), article_from_text(Path("wire.txt"), _WIRE)]
    app = make_app(articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+p", *"Elijah Rotich")
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("blog: Kenya's Elijah Rotich, stepped" in p for p in prompts), prompts
        assert not any("**" in p for p in prompts), prompts


def test_the_copied_group_gives_a_markdown_version_as_read():
    """R4 §10: c copied "Kenya's **Elijah Rotich**, stepped …" while the
    panel above showed no marks."""
    from sidebyside.export import group_plain_text
    from sidebyside.model import Alignment
    from sidebyside.reading.articles import article_from_text

    blog, wire = article_from_text(Path("blog.md"), _BLOG), article_from_text(Path("wire.txt"), _WIRE)
    start, end = blog.text.index("Kenya's"), blog.text.index("morning.") + len("morning.")
    w_start, w_end = wire.text.index("Kenya's"), wire.text.index("morning.") + len("morning.")
    passages = (
        Passage(0, start, end, blog.text[start:end], 100.0),
        Passage(1, w_start, w_end, wire.text[w_start:w_end], 100.0),
    )
    group = Group("g1", "verbatim", False, passages)
    text = group_plain_text(Alignment((blog, wire), (group,)), group)
    assert "“Kenya's Elijah Rotich, stepped off the plane" in text.splitlines()[1], text
    assert "**" not in text


def test_the_panel_says_when_a_version_has_more_changes_than_it_lists():
    """R4 §11: chipcuts' blog row listed four changes and dropped “its” →
    “our” ×2 and three more with no '…' (only the dropped phrases had one)."""
    from sidebyside.app.passage_panel import first_of

    changes = ["adds “our site in”", "adds “by mid-2028”", "“2.3bn” → “2.3 billion”", "“its” → “our” ×2", "“and” → “x”"]
    assert first_of(changes) == " · ".join(changes[:4]) + " …"
    assert first_of(changes[:4]) == " · ".join(changes[:4])


def test_a_markdown_articles_bold_words_take_their_style_from_the_theme():
    """R4 §9: the words in ** were drawn with a Style(bold=True) set in
    Python; the paint now carries .article-body--strong's style."""
    from rich.style import Style

    from sidebyside.app.rows import RowPaint, render_row
    from sidebyside.app.wrap import wrap_article
    from sidebyside.reading.articles import article_from_text

    article = article_from_text(Path("blog.md"), _BLOG)
    wrapped = wrap_article(article, 120)
    row = next(r for r, s in enumerate(wrapped.starts) if article.text[s:].startswith("Kenya"))
    strip = render_row(article.text, wrapped, row, 120, [], [], RowPaint(strong=Style(italic=True)))
    styled = [(seg.text, seg.style) for seg in strip if "Elijah" in seg.text]
    assert styled and styled[0][0] == "Elijah Rotich" and styled[0][1].italic and not styled[0][1].bold, styled
    assert "**" not in strip.text


@pytest.mark.app
async def test_the_pane_draws_bold_words_in_the_style_its_stylesheet_gives(make_app):
    from sidebyside.reading.articles import article_from_text

    articles = [article_from_text(Path("blog.md"), _BLOG), article_from_text(Path("wire.txt"), _WIRE)]
    app = make_app(articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = next(app.screen.query_one(f"#body-{i}") for i in range(2) if app.articles[i].path.name == "blog.md")
        strong = body.get_component_rich_style("article-body--strong", partial=True)
        assert strong.bold and body._paint().strong == strong


@pytest.mark.app
async def test_the_overviews_filters_line_fits_80_columns_and_ticks_only_what_applies(make_app):
    """R4 §8: at 80x24 with + on and h, the line drawn was ' Filters  "
    quotes … +/- ✓ carried by ≥2   h ✓ only' ('here' cut off), and it
    ticked the carried-by filter, which the only-here list does not use."""
    from conftest import ready
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("m", "plus", "f")
        await pilot.pause()
        line = app.screen.query_one("#overview-filters", Static)

        def drawn() -> str:
            return "".join(segment.text for segment in line.render_line(0)).rstrip()

        assert drawn().endswith("h only here") and drawn().count("✓") == 2, drawn()
        await pilot.press("h")
        await pilot.pause()
        assert drawn().endswith("h ✓ only here") and drawn().count("✓") == 1, drawn()


@pytest.mark.app
@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_the_outlet_pickers_keys_are_drawn_whole(make_app, size):
    """R4 §8: at 40x12 the picker's border read '↑↓ choose · enter shows
    i…': the test read border_subtitle, not what was drawn."""
    from conftest import ready
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.query_one("#picker", OptionList).border_subtitle
        # The screen as drawn: the row of the picker's bottom border.
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        bottom = next((line for line in lines if "↑↓" in line), "\n".join(lines))
        keys = bottom[bottom.find("↑↓") :]
        assert "esc" in keys and "…" not in keys, bottom


@pytest.mark.app
async def test_only_here_with_nothing_to_list_says_so_whole_at_80_columns(make_app):
    """R4 §8: at 80x24 'No paragraph is in one …' was cut in the 14-wide
    wording column; the line under the table gives it whole."""
    from conftest import ready
    from test_app_reader_fixes4 import _same_day
    from textual.widgets import Static

    alignment = _same_day(["2027-02-03", "2027-02-03", "2027-02-04"])

    def aligner(given, options=None, progress=None):
        return alignment

    app = make_app(list(alignment.articles), aligner=aligner)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("m", "h")
        await pilot.pause()
        detail = app.screen.query_one("#overview-detail", Static)
        drawn = "".join(segment.text for segment in detail.render_line(0)).strip()
        assert drawn == "No paragraph is in one outlet only", drawn


def test_a_markdown_line_all_in_bold_is_drawn_bold():
    """R4 §9: '**By Hannah Brooks**', '**Men**' were drawn plain (the line
    is narrowed past its marks, so no mark inside it was found)."""
    from rich.style import Style

    from sidebyside.app.rows import RowPaint, render_row
    from sidebyside.app.wrap import wrap_article
    from sidebyside.reading.articles import article_from_text

    text = "# Rotich wins in Valencia\n\n**Men**\n\nKenya's **Elijah Rotich** won the race on Sunday morning.\n"
    article = article_from_text(Path("results.md"), text)
    wrapped = wrap_article(article, 60)
    row = next(r for r, s in enumerate(wrapped.starts) if text[s:].startswith("Men"))
    strip = render_row(text, wrapped, row, 60, [], [], RowPaint(strong=Style(bold=True)))
    men = [seg for seg in strip if "Men" in seg.text]
    assert strip.text.strip() == "Men" and men and men[0].style.bold, list(strip)


def test_a_markdown_articles_words_in_single_marks_are_drawn_in_italics():
    """R4 §9: '*STRIDE Magazine · Road racing*' and '*mayor*' lost their
    marks but were not drawn in italics."""
    from sidebyside.app.rows import RowPaint, render_row
    from sidebyside.app.wrap import wrap_article
    from sidebyside.reading.articles import article_from_text

    text = "# Rotich wins\n\n*STRIDE Magazine · Road racing*\n\nThe *mayor* said **it** was a record.\n"
    article = article_from_text(Path("results.md"), text)
    wrapped = wrap_article(article, 60)

    def segments(first: str) -> list:
        row = next(r for r, s in enumerate(wrapped.starts) if text[s:].startswith(first))
        return [seg for seg in render_row(text, wrapped, row, 60, [], [], RowPaint()) if seg.text.strip()]

    line = segments("STRIDE")
    assert line[0].text == "STRIDE Magazine · Road racing" and line[0].style.italic, line
    styles = {seg.text.strip(): seg.style for seg in segments("The")}
    assert styles["mayor"].italic and not styles["mayor"].bold
    assert styles["it"].bold and not styles["it"].italic
    assert "*" not in "".join(styles)


def test_a_click_after_a_closing_mark_and_in_bold_words_with_accents_lands_on_the_letter_drawn():
    """R4 §12: the click test checked only the first bold word; none after a
    closing mark nor with non-ASCII words in bold."""
    from sidebyside.app.article_text import offset_in_row
    from sidebyside.app.wrap import wrap_article
    from sidebyside.reading.articles import article_from_text

    text = "# Results\n\nThe winner, **Mélanie Duchêne**, ran *alone* from the start of the race.\n"
    article = article_from_text(Path("results.md"), text)
    wrapped = wrap_article(article, 80)
    row = next(r for r, s in enumerate(wrapped.starts) if text[s:].startswith("The winner"))
    drawn = "The winner, Mélanie Duchêne, ran alone from the start of the race."
    for col, ch in enumerate(drawn):
        at = offset_in_row(text, wrapped, row, col)
        assert at is not None and text[at] == ch, (col, ch, at)
    assert offset_in_row(text, wrapped, row, len(drawn)) is None
