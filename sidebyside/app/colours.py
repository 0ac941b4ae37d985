"""Colours for the passage groups, derived from the active theme.

Every group gets one *hue* from the theme's own colours (primary, secondary,
accent, warning, success, error and blends of them); a passage is drawn on a
*tint* of that hue (the hue blended into the pane background), in the
theme's text colour where that reads on it (contrast at least 4.5:1), else
in black or white; the current group on a *strong* tint with contrasting
text, itself apart from every group's tint as shown.  Every tint is a colour a reader can tell apart from the background
and from every other tint: their CIEDE2000 colour difference
(:func:`delta_e`) is at least :data:`MIN_DELTA_E`, measured on the colour
the terminal shows (a 256-colour terminal rounds it to its palette).  A
tint too close to one already taken is strengthened until it is not, and a
hue that cannot be made distinct is left out.

Which hue a group gets is decided once per alignment by :func:`assign`: a
greedy colouring in which each group takes the hue whose nearest use (in
the passages around it, in any article) is farthest away, so the groups on
screen together differ whenever the palette has hues enough.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from textual.color import Color, ColorParseError

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
#: Least CIEDE2000 difference between two group tints as shown: 10 and more
#: reads as another colour at a glance (2.3 is the smallest a trained eye sees).
MIN_DELTA_E = 12.0
#: … and between a tint and the pane background (the passage must show).
MIN_DELTA_E_BACKGROUND = 10.0
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


def lab(color: Color) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""

    def linear(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = linear(color.r), linear(color.g), linear(color.b)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e_lab(one: tuple[float, float, float], two: tuple[float, float, float]) -> float:
    """CIEDE2000 difference of two L*a*b* colours (Sharma, Wu and Dalal 2005)."""
    l1, a1, b1 = one
    l2, a2, b2 = two
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, a2)) % 360 if c2 else 0.0
    dl, dc = l2 - l1, c2 - c1
    if c1 * c2 == 0:
        dh = 0.0
    else:
        dh = h2 - h1
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    big_dh = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_mean**7 / (c_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (big_dh / s_h) ** 2 + r_t * (dc / s_c) * (big_dh / s_h))


def delta_e(a: Color, b: Color) -> float:
    """CIEDE2000 difference of two colours: about 2 is the least an eye
    sees side by side, 10 and more a plainly different colour."""
    return delta_e_lab(lab(a), lab(b))


#: The 16 colours as xterm shows them by default (the colours of a 16-colour
#: terminal are its own; Rich's stand-ins are darker: its yellow, 128,128,0,
#: took white text, which on xterm's 205,205,0 is 1.7:1).
XTERM_16 = tuple(
    Color.parse(f"#{h}")
    for h in (
        "000000 cd0000 00cd00 cdcd00 0000ee cd00cd 00cdcd e5e5e5 "
        "7f7f7f ff0000 00ff00 ffff00 5c5cff ff00ff 00ffff ffffff"
    ).split()
)


def shown_as(color: Color, system: ColorSystem | None) -> Color:
    """The colour a terminal of ``system`` really shows for ``color``
    (rounded to its 256 or 16 colours, these as xterm shows them; as it is
    on a truecolor one)."""
    if system not in FEW_COLOURS:
        return color
    rich = color.rich_color.downgrade(system)
    if system != ColorSystem.EIGHT_BIT and rich.number is not None and rich.number < 16:
        return XTERM_16[rich.number]
    return Color(*rich.get_truecolor())


def _distance(a: Color, b: Color) -> float:
    return ((a.r - b.r) ** 2 + (a.g - b.g) ** 2 + (a.b - b.b) ** 2) ** 0.5


def _parse(variables: Mapping[str, str], name: str, fallback: Color) -> Color:
    value = variables.get(name)
    if not value:
        return fallback
    try:
        return Color.parse(value)
    except ColorParseError:  # a variable that is not a plain colour ("auto 87%")
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


def _text_on(tint: Color, text: Color, system: ColorSystem | None = None) -> Color:
    """The theme's text colour if it reads on ``tint``, else black or white,
    whichever does: as the terminal of ``system`` shows them."""
    shown = shown_as(tint, system)
    if contrast(shown, shown_as(text, system)) >= MIN_CONTRAST:
        return text
    return max((Color(0, 0, 0), Color(255, 255, 255)), key=lambda c: contrast(shown, shown_as(c, system)))


def _shown_as(color: Color, system: ColorSystem) -> int:
    """The colour a terminal of ``system`` shows for ``color``."""
    return color.rich_color.downgrade(system).number or 0


def _distinct_tint(
    background: Color,
    hue: Color,
    factor: float,
    taken: list[Color],
    system: ColorSystem | None,
    text: Color,
) -> Color | None:
    """``hue`` blended into ``background`` by ``factor``, stronger if need
    be until, as the terminal of ``system`` shows it, it stands apart from
    the background and from every tint already ``taken`` (a difference of
    :data:`MIN_DELTA_E` at least; on a 16-colour terminal, whose colours are
    the terminal's own, a colour no other tint has), and ``text`` (or black
    or white) still reads on it.  The tint's shown colour is added to
    ``taken``.  None if no strength up to 0.9 does it
    (the hue is then left out of the palette)."""
    ground = shown_as(background, system)
    strength = factor
    while strength <= 0.9 + 1e-9:
        tint = background.blend(hue, strength)
        shown = shown_as(tint, system)
        if system in FEW_COLOURS and system != ColorSystem.EIGHT_BIT:
            ok = shown != ground and shown not in taken
        else:
            ok = delta_e(shown, ground) >= MIN_DELTA_E_BACKGROUND and all(
                delta_e(shown, other) >= MIN_DELTA_E for other in taken
            )
        if ok and contrast(shown, shown_as(_text_on(tint, text, system), system)) >= MIN_CONTRAST:
            taken.append(shown)
            return tint
        strength += 0.05
    return None


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
    taken: list[Color] = []
    theme_hues = hues(variables)
    for hue in theme_hues:
        tint = _distinct_tint(background, hue, TINT[dark], taken, system, foreground)
        if tint is None:
            continue  # shows as a colour already taken: fewer colours, all distinct
        colours.append((hue, tint))
    if not colours:  # (no hue at all could be told from the background)
        colours.append((theme_hues[0], background.blend(theme_hues[0], TINT[dark])))
    # The current group's strong tints come once every tint is known: each
    # must stand apart from all of them as shown (in 256 colours the
    # current g2 was drawn in the colour of g1's plain tint).
    shown = [shown_as(tint, system) for _, tint in colours]
    colours = [
        _group_colours(
            background, hue, tint, foreground, _strong_tint(background, hue, foreground, shown, system), system
        )
        for hue, tint in colours
    ]
    # Search matches: every match on the warning colour itself (a group's
    # tint is at most 40% of a hue), the one stepped to in the text's own
    # colours swapped, bold: unlike any group, and standing out most.
    warning = _parse(variables, "warning", Color(255, 200, 0))
    match = Style(bgcolor=warning.rich_color, color=warning.get_contrast_text(1.0).rich_color)
    match_current = Style(bgcolor=foreground.rich_color, color=background.rich_color, bold=True)
    return Palette(dark, background, foreground, tuple(colours), match, match_current)


def _strong_candidates(background: Color, hue: Color, text: Color) -> list[Color]:
    """Backgrounds for the current group, the usual one first: the hue
    blended in by :data:`STRONG`, then more, then the hue itself lightened
    or darkened towards the text colour, then less of the hue."""
    steps = [STRONG + 0.05 * i for i in range(7)]  # 0.70 … 1.0
    found = [background.blend(hue, step) for step in steps]
    found += [hue.blend(text, share) for share in (0.15, 0.3, 0.45, 0.6)]
    found += [background.blend(hue, STRONG - 0.05 * i) for i in range(1, 7)]  # 0.65 … 0.40
    return found


def _strong_tint(
    background: Color, hue: Color, text: Color, tints: list[Color], system: ColorSystem | None
) -> Color:
    """The current group's background: the first of
    :func:`_strong_candidates` that, as the terminal of ``system`` shows
    it, stands apart from the background and from every group's tint
    (``tints``, as shown); a difference of :data:`MIN_DELTA_E`, or on a
    16-colour terminal another colour.  Where none does, the one farthest
    from the nearest of them."""
    ground = shown_as(background, system)
    sixteen = system in FEW_COLOURS and system != ColorSystem.EIGHT_BIT

    def nearest(candidate: Color) -> float:
        shown = shown_as(candidate, system)
        if sixteen:
            return 0.0 if shown == ground or shown in tints else MIN_DELTA_E
        return min(delta_e(shown, other) for other in (ground, *tints))

    candidates = _strong_candidates(background, hue, text)
    if sixteen:  # then any of the terminal's own colours, nearest the hue first
        own = [Color(*RichColor.from_ansi(number).get_truecolor()) for number in range(16)]
        candidates += sorted(own, key=lambda colour: delta_e(colour, hue))
    for candidate in candidates:
        if nearest(candidate) >= MIN_DELTA_E:
            return candidate
    return max(candidates, key=nearest)


def _group_colours(
    background: Color, hue: Color, tint: Color, text: Color, strong: Color, system: ColorSystem | None = None
) -> GroupColours:
    strong_text = strong.get_contrast_text(1.0)
    # The theme's text on the tint where it reads (most themes), else black
    # or white: a tint is never weakened to nothing to keep the text readable.
    on_tint = _text_on(tint, text, system)
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
    """A palette index for every group, so that groups on screen together
    look different.

    Groups are taken in order; each gets the index whose nearest use by a
    group already coloured is farthest away, distance being how many
    passages apart the two groups sit in the article where they are closest
    (0 when they overlap).  With ``size`` hues, any ``size`` passages in a
    row in an article (about a screenful) have different colours wherever
    the groups allow it; when they cannot, a repeat is as far apart as
    possible."""
    if size <= 0:
        return {g.id: 0 for g in alignment.groups}
    window = max(1, size)  # farther apart than this is never on screen together
    near: dict[str, dict[str, int]] = {g.id: {} for g in alignment.groups}

    def link(a: str, b: str, distance: int) -> None:
        if a != b and distance < near[a].get(b, window + 1):
            near[a][b] = near[b][a] = distance

    for article in range(len(alignment.articles)):
        found = alignment.passages_in(article)
        for i, (passage, group) in enumerate(found):
            for step, (_, other) in enumerate(found[i + 1 : i + 1 + window], start=1):
                link(group.id, other.id, step)
            for other_passage, other in found[i + 1 :]:
                if other_passage.start >= passage.end:
                    break
                link(group.id, other.id, 0)  # overlapping
    result: dict[str, int] = {}
    for number, group in enumerate(alignment.groups):
        nearest = [window + 1] * size
        for other, distance in near[group.id].items():
            index = result.get(other)
            if index is not None and distance < nearest[index]:
                nearest[index] = distance
        # Farthest nearest use first; then from the group's own number, so
        # that colours spread over the palette.
        order = [(number + step) % size for step in range(size)]
        result[group.id] = max(order, key=lambda index: (nearest[index], -order.index(index)))
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
