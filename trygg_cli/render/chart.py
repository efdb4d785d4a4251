"""An indicator's series as an accessible inline SVG line chart, made by hand.

Why by hand rather than with a charting library: the chart is one small line (baseline →
measured values → target) in a page that must be byte-stable (golden files, a reviewable
diff of a rendered site), pass WCAG 2.1 AA, carry no script and stay self-contained. The
maintained Python libraries that write SVG without a browser fit badly: pygal 3.1 puts a
random chart id, a generation date and a ``<script>`` in every chart and no ``role`` or
``aria`` attributes, so its output would have to be rewritten after the fact; matplotlib
would bring numpy and a second of import time, draws text as paths unless told not to,
and has no ``<title>``/``<desc>`` either. What is left to draw here is some 100 lines.

The chart is ``role="img"`` with a ``<title>`` and a ``<desc>`` that says every number in
words; the page shows the same numbers as a table beside it. Points are also told apart by
shape (square baseline, round measured values, diamond target), not by colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from trygg_cli.model.series import Series, figure, shown

_WIDTH, _HEIGHT = 480, 220
_LEFT, _RIGHT, _TOP, _BOTTOM = 60, 24, 16, 56
_MEASURED, _BASELINE, _TARGET, _AXIS = "#1f5f99", "#595959", "#a0522d", "#767676"


@dataclass(frozen=True)
class _Point:
    year: int
    value: float
    kind: str  # "baseline", "measured", "target"


def points(series: Series) -> list[_Point]:
    """The points of the chart, in order: the baseline, the measured values, the target."""
    out = []
    if series.baseline is not None and series.baseline.year is not None:
        out.append(_Point(series.baseline.year, series.baseline.value, "baseline"))
    out += [_Point(p.year, p.value, "measured") for p in series.measured]
    if series.target is not None and series.target.year is not None:
        out.append(_Point(series.target.year, series.target.value, "target"))
    return out


def description(series: Series) -> str:
    """Every number of the chart in one Swedish sentence, for its ``<desc>``."""
    unit = series.unit
    parts = []
    if series.baseline is not None:
        parts.append(f"Utgångsläge {shown(series.baseline.value, unit, series.baseline.year)}.")
    if series.measured:
        values = ", ".join(shown(p.value, p.unit or unit, p.label) for p in series.measured)
        parts.append(f"Uppmätt: {values}.")
    else:
        parts.append("Inget uppmätt värde än.")
    if series.target is not None:
        parts.append(f"Målvärde {shown(series.target.value, unit, series.target.year)}.")
    return " ".join(parts)


def _ceiling(value: float) -> float:
    """A round top for the value axis: 1, 2 or 5 times a power of ten, at least ``value``."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in (1.0, 2.0, 5.0, 10.0) if step * power >= value)


@dataclass(frozen=True)
class _Scale:
    """Where a year and a value are drawn."""

    first: int
    last: int
    low: float
    top: float

    def x(self, year: int) -> float:
        inner = _WIDTH - _LEFT - _RIGHT
        if self.last == self.first:
            return _LEFT + inner / 2
        return _LEFT + inner * (year - self.first) / (self.last - self.first)

    def y(self, value: float) -> float:
        inner = _HEIGHT - _TOP - _BOTTOM
        return _TOP + inner * (self.top - value) / (self.top - self.low)


def chart(series: Series, chart_id: str, title: str) -> Markup | None:
    """The chart of ``series`` (``None`` when there are fewer than two points to draw)."""
    drawn = points(series)
    if len(drawn) < 2:
        return None
    years = sorted({p.year for p in drawn})
    low = min(0.0, *(p.value for p in drawn))
    scale = _Scale(years[0], years[-1], low, _ceiling(max(p.value for p in drawn)))
    unit = series.unit or ""
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" height="{_HEIGHT}" '
        f'font-family="sans-serif" font-size="12">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description(series))}</desc>',
        *_axes(scale, unit, years),
        *_marks(drawn, scale, unit),
        *_legend(drawn),
        "</svg>",
    ]
    return Markup("\n".join(parts))


def _axes(scale: _Scale, unit: str, years: Sequence[int]) -> list[str]:
    out = []
    for value in (scale.low, (scale.low + scale.top) / 2, scale.top):
        at = scale.y(value)
        width = 1 if value == scale.low else 0.5
        out.append(
            f'<line x1="{_LEFT}" y1="{at:.1f}" x2="{_WIDTH - _RIGHT}" y2="{at:.1f}" '
            f'stroke="{_AXIS}" stroke-width="{width}"/>'
        )
        label = figure(value) + (" %" if unit == "%" else "")  # other units: in the table
        out.append(
            f'<text x="{_LEFT - 6}" y="{at + 4:.1f}" text-anchor="end" fill="#333">{label}</text>'
        )
    for year in years:
        out.append(
            f'<text x="{scale.x(year):.1f}" y="{_HEIGHT - _BOTTOM + 18}" '
            f'text-anchor="middle" fill="#333">{year}</text>'
        )
    return out


def _shape(p: _Point, scale: _Scale, unit: str) -> str:
    """One point, told apart by its shape, with its number as a tooltip."""
    cx, cy = scale.x(p.year), scale.y(p.value)
    tip = f"<title>{escape(f'{p.year}: {figure(p.value)} {unit}'.strip())}</title>"
    if p.kind == "baseline":
        return (
            f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" '
            f'fill="{_BASELINE}">{tip}</rect>'
        )
    if p.kind == "target":
        corners = " ".join(
            f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in ((0, -7), (7, 0), (0, 7), (-7, 0))
        )
        return f'<polygon points="{corners}" fill="{_TARGET}">{tip}</polygon>'
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{_MEASURED}">{tip}</circle>'


def _marks(drawn: list[_Point], scale: _Scale, unit: str) -> list[str]:
    out = []
    measured = [p for p in drawn if p.kind == "measured"]
    if len(measured) > 1:
        line = " ".join(f"{scale.x(p.year):.1f},{scale.y(p.value):.1f}" for p in measured)
        out.append(f'<polyline points="{line}" fill="none" stroke="{_MEASURED}" stroke-width="2"/>')
    target = next((p for p in drawn if p.kind == "target"), None)
    if target is not None:
        at = scale.y(target.value)
        out.append(
            f'<line x1="{_LEFT}" y1="{at:.1f}" x2="{_WIDTH - _RIGHT}" y2="{at:.1f}" '
            f'stroke="{_TARGET}" stroke-width="1" stroke-dasharray="4 3"/>'
        )
    return out + [_shape(p, scale, unit) for p in drawn]


def _legend(drawn: list[_Point]) -> list[str]:
    labels = {"baseline": "Utgångsläge", "measured": "Uppmätt", "target": "Målvärde"}
    colours = {"baseline": _BASELINE, "measured": _MEASURED, "target": _TARGET}
    kinds = [k for k in labels if any(p.kind == k for p in drawn)]
    out, at, base = [], _LEFT, _HEIGHT - 12
    for kind in kinds:
        out.append(f'<rect x="{at}" y="{base - 9}" width="10" height="10" fill="{colours[kind]}"/>')
        out.append(f'<text x="{at + 14}" y="{base}" fill="#333">{labels[kind]}</text>')
        at += 110
    return out
