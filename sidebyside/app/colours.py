"""Colours for the passage groups, derived from the active theme.

Every group gets one *hue* from the theme's own colours (primary, secondary,
accent, warning, success, error and blends of them); a passage is drawn on a
*tint* of that hue (the hue blended into the pane background), in the
theme's text colour where that reads on it (contrast at least 4.5:1), else
in black or white; the current group on a *strong* tint with contrasting
text.  On a 256- or 16-colour terminal each tint is strengthened until it
shows as a colour of its own, and a hue that cannot is left out.

Which hue a group gets is decided once per alignment by :func:`assign`: a
greedy colouring of the graph whose edges join groups that sit next to each
other (or overlap) in some article, so neighbouring passages never share a
colour when the palette has enough hues to avoid it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from rich.color import ColorSystem
from rich.style import Style
from textual.color import Color

if TYPE_CHECKING:
    from ..model import Alignment

# Theme variables the hues come from, then blends of pairs of them.
BASE_HUES = ("primary", "secondary", "accent", "warning", "success", "error")
BLENDS = (("primary", "success"), ("secondary", "warning"), ("accent", "error"), ("success", "secondary"))

#: How much of the hue goes into a passage's background: more on a dark
#: theme, where a weak tint of a dark background is close to invisible.
TINT = {True: 0.40, False: 0.28}
STRONG = 0.70  # … into the current group's background
MIN_CONTRAST = 4.5  # WCAG AA for body text
#: Terminals with fewer colours, on which a tint is checked to show.
FEW_COLOURS = (ColorSystem.EIGHT_BIT, ColorSystem.STANDARD, ColorSystem.WINDOWS)


def _luminance(color: Color) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1–21)."""
    la, lb = _luminance(a), _luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _distance(a: Color, b: Color) -> float:
    return ((a.r - b.r) ** 2 + (a.g - b.g) ** 2 + (a.b - b.b) ** 2) ** 0.5


def _parse(variables: Mapping[str, str], name: str, fallback: Color) -> Color:
    value = variables.get(name)
    if not value:
        return fallback
    try:
        return Color.parse(value)
    except Exception:  # a variable that is not a plain colour ("auto 87%")
        return fallback


def hues(variables: Mapping[str, str]) -> list[Color]:
    """The distinct hues of a theme: its named colours, then blends of pairs;
    a hue too close to one already taken is left out."""
    grey = Color(128, 128, 128)
    named = {name: _parse(variables, name, grey) for name in BASE_HUES}
    candidates = [named[name] for name in BASE_HUES]
    candidates += [named[a].blend(named[b], 0.5) for a, b in BLENDS]
    chosen: list[Color] = []
    for colour in candidates:
        if all(_distance(colour, c) > 48 for c in chosen):
            chosen.append(colour)
    return chosen or [grey]


def _text_on(tint: Color, text: Color) -> Color:
    """The theme's text colour if it reads on ``tint``, else black or white,
    whichever does."""
    if contrast(tint, text) >= MIN_CONTRAST:
        return text
    return tint.get_contrast_text(1.0)


def _shown_as(color: Color, system: ColorSystem) -> int:
    """The colour a terminal of ``system`` shows for ``color``."""
    return color.rich_color.downgrade(system).number or 0


def _distinct_tint(
    background: Color, hue: Color, factor: float, taken: set[int], system: ColorSystem | None
) -> Color | None:
    """``hue`` blended into ``background`` by ``factor``; on a terminal of
    ``system`` with 256 (or 16) colours, stronger until it neither vanishes
    into the background nor repeats a tint already ``taken`` (a dark tint
    rounds to black or to the background's grey there).  None if no such
    tint exists there (the hue is then left out of the palette)."""
    tint = background.blend(hue, factor)
    if system not in FEW_COLOURS:
        return tint
    clash = {_shown_as(background, system), *taken}
    strength = factor
    while _shown_as(tint, system) in clash:
        strength += 0.05
        if strength > 0.9:
            return None
        tint = background.blend(hue, strength)
    taken.add(_shown_as(tint, system))
    return tint


@dataclass(frozen=True)
class GroupColours:
    """The styles one hue gives a passage."""

    hue: Color
    tint: Style  # a passage of the group
    variant: Style  # a variant passage (verbatim ones are solid tint)
    current: Style  # a passage of the current group
    marker: Style  # the gutter mark beside a passage's lines
    current_marker: Style


@dataclass(frozen=True)
class Palette:
    dark: bool
    background: Color
    foreground: Color
    colours: tuple[GroupColours, ...]
    match: Style  # a search match
    match_current: Style  # the search match stepped to

    def __len__(self) -> int:
        return len(self.colours)

    def __getitem__(self, index: int) -> GroupColours:
        return self.colours[index % len(self.colours)]


def palette(variables: Mapping[str, str], dark: bool, system: ColorSystem | None = None) -> Palette:
    """The group colours for a theme's CSS variables, on a terminal of
    colour ``system`` (None or truecolor: any colour shows as it is)."""
    background = _parse(variables, "background", Color(18, 18, 18) if dark else Color(250, 250, 250))
    foreground = _parse(variables, "foreground", Color(224, 224, 224) if dark else Color(30, 30, 30))
    # The pane text is the theme's foreground; make sure it reads on the background.
    if contrast(background, foreground) < MIN_CONTRAST:
        foreground = background.get_contrast_text(1.0)
    colours = []
    taken: set[int] = set()
    theme_hues = hues(variables)
    for hue in theme_hues:
        tint = _distinct_tint(background, hue, TINT[dark], taken, system)
        if tint is None:
            continue  # shows as a colour already taken: fewer colours, all distinct
        colours.append(_group_colours(background, hue, tint, foreground))
    if not colours:  # (no hue at all could be told from the background)
        tint = background.blend(theme_hues[0], TINT[dark])
        colours.append(_group_colours(background, theme_hues[0], tint, foreground))
    # Search matches: every match on the warning colour itself (a group's
    # tint is at most 40% of a hue), the one stepped to in the text's own
    # colours swapped, bold: unlike any group, and standing out most.
    warning = _parse(variables, "warning", Color(255, 200, 0))
    match = Style(bgcolor=warning.rich_color, color=warning.get_contrast_text(1.0).rich_color)
    match_current = Style(bgcolor=foreground.rich_color, color=background.rich_color, bold=True)
    return Palette(dark, background, foreground, tuple(colours), match, match_current)


def _group_colours(background: Color, hue: Color, tint: Color, text: Color) -> GroupColours:
    strong = background.blend(hue, STRONG)
    strong_text = strong.get_contrast_text(1.0)
    # The theme's text on the tint where it reads (most themes), else black
    # or white: a tint is never weakened to nothing to keep the text readable.
    on_tint = _text_on(tint, text)
    return GroupColours(
        hue=hue,
        tint=Style(bgcolor=tint.rich_color, color=on_tint.rich_color),
        variant=Style(bgcolor=tint.rich_color, color=on_tint.rich_color, italic=True),
        current=Style(bgcolor=strong.rich_color, color=strong_text.rich_color, bold=True),
        marker=Style(color=_visible(background.blend(hue, 0.6), background, text).rich_color),
        current_marker=Style(color=_visible(hue, background, text).rich_color, bold=True),
    )


def _visible(mark: Color, background: Color, text: Color, least: float = 3.0) -> Color:
    """``mark`` moved towards the text colour until it stands out from the
    background (WCAG's 3:1 for marks): a light hue's gutter mark all but
    vanished on a light theme."""
    step = 0
    while contrast(mark, background) < least and step < 10:
        mark = mark.blend(text, 0.25)
        step += 1
    return mark


def assign(alignment: Alignment, size: int) -> dict[str, int]:
    """A palette index for every group: groups next to each other (or
    overlapping) in any article get different indexes where ``size`` allows."""
    neighbours: dict[str, set[str]] = {g.id: set() for g in alignment.groups}
    for article in range(len(alignment.articles)):
        found = alignment.passages_in(article)
        for i, (passage, group) in enumerate(found):
            # the next two in reading order, and anything overlapping
            for other_passage, other in found[i + 1 : i + 3]:
                if other.id != group.id:
                    neighbours[group.id].add(other.id)
                    neighbours[other.id].add(group.id)
            for other_passage, other in found[i + 3 :]:
                if other_passage.start >= passage.end:
                    break
                if other.id != group.id:
                    neighbours[group.id].add(other.id)
                    neighbours[other.id].add(group.id)
    result: dict[str, int] = {}
    for number, group in enumerate(alignment.groups):
        taken = {result[n] for n in neighbours[group.id] if n in result}
        # Start from the group's own number so colours spread over the palette.
        for step in range(size):
            index = (number + step) % size
            if index not in taken:
                break
        else:
            index = number % size
        result[group.id] = index
    return result


def theme_palette(
    variables: Mapping[str, str],
    dark: bool,
    system: ColorSystem | None = None,
    cache: dict[tuple, Palette] = {},  # noqa: B006
) -> Palette:
    """:func:`palette`, cached per set of variables and colour system."""
    key = (dark, system, tuple(sorted((k, variables.get(k, "")) for k in (*BASE_HUES, "background", "foreground"))))
    found = cache.get(key)
    if found is None:
        found = cache[key] = palette(variables, dark, system)
    return found
