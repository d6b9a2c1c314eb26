"""Charts drawn as SVG on the server: no JavaScript library to vendor, nothing fetched
at run time. Every bar segment, edge and node is a link made from the `params` the
aggregate gave it (narrowed by the segment's quad class), so it opens exactly the
happenings it counts."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from newsevents.plover import QUAD_CLASSES

QUAD_COLOURS = {1: "#4c9be8", 2: "#1f7a3a", 3: "#e89b2f", 4: "#c0392b"}


def rows_link(params: dict[str, str], **changes: Any) -> str:
    """The explorer's URL for a filter's query parameters."""
    merged = {k: str(v) for k, v in (params | changes).items() if v not in (None, "")}
    return "/?" + urlencode(merged)


def _labels(rows: list[dict[str, Any]], i: int) -> bool:
    return len(rows) <= 24 or i % math.ceil(len(rows) / 24) == 0


def bar_chart(rows: list[dict[str, Any]]) -> Markup:
    """Stacked bars per period by quad class; each segment links to its happenings."""
    if not rows:
        return Markup('<p class="empty">No dated happenings match.</p>')
    width, height, pad = 900, 260, 30
    step = (width - 2 * pad) / len(rows)
    peak = max(r["total"] for r in rows) or 1
    parts = [f'<svg class="chart" id="timeline-chart" viewBox="0 0 {width} {height + 40}">']
    for i, row in enumerate(rows):
        x, y = pad + i * step, height
        for quad in (1, 2, 3, 4):
            count = row["quad_classes"][str(quad)]
            if not count:
                continue
            h = (height - pad) * count / peak
            y -= h
            parts.append(_segment(row, quad, x + 1, y, max(step - 2, 1), h))
        if _labels(rows, i):
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height + 14}" text-anchor="middle">'
                f"{escape(row['period'][:7])}</text>"
            )
    parts.append(f'<text x="{pad}" y="{pad - 8}">max {peak} per period</text></svg>')
    return Markup("".join(parts))


def _segment(row: dict[str, Any], quad: int, x: float, y: float, w: float, h: float) -> str:
    count = row["quad_classes"][str(quad)]
    href = rows_link(row["params"], quad=quad)
    return (
        f'<a href="{escape(href)}" data-count="{count}"><rect class="q{quad}" x="{x:.1f}" '
        f'y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{QUAD_COLOURS[quad]}">'
        f"<title>{escape(row['period'])}: {count} {QUAD_CLASSES[quad]}</title></rect></a>"
    )


def dyad_chart(rows: list[dict[str, Any]]) -> Markup:
    """Cooperation above the axis, conflict below, per period, stacked by quad class;
    each segment is a link."""
    if not rows:
        return Markup('<p class="empty">No dated happenings between these actors.</p>')
    width, half, pad = 900, 120, 30
    step = (width - 2 * pad) / len(rows)
    peak = max(max(r["cooperation"], r["conflict"]) for r in rows) or 1
    axis = pad + half
    parts = [
        f'<svg class="chart" id="dyad-chart" viewBox="0 0 {width} {2 * half + 2 * pad + 20}">',
        f'<line x1="{pad}" x2="{width - pad}" y1="{axis}" y2="{axis}" stroke="#555"/>',
    ]
    for i, row in enumerate(rows):
        x, up, down = pad + i * step + 1, float(axis), float(axis)
        for quad in (2, 1, 3, 4):  # material cooperation nearest the axis, then verbal
            count = row["quad_classes"][str(quad)]
            if not count:
                continue
            h = half * count / peak
            if quad in (1, 2):
                up -= h
                parts.append(_segment(row, quad, x, up, max(step - 2, 1), h))
            else:
                parts.append(_segment(row, quad, x, down, max(step - 2, 1), h))
                down += h
        if _labels(rows, i):
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{2 * half + 2 * pad + 10}" '
                f'text-anchor="middle">{escape(row["period"][:7])}</text>'
            )
    parts.append(
        f'<text x="{pad}" y="{pad - 10}">cooperation ▲ (max {peak})</text>'
        f'<text x="{pad}" y="{2 * half + 2 * pad - 8}">conflict ▼</text></svg>'
    )
    return Markup("".join(parts))


def network_chart(graph: dict[str, Any]) -> Markup:
    """Actors on a circle, edges weighted by happenings and coloured by quad class."""
    nodes = graph["nodes"]
    if not nodes:
        return Markup('<p class="empty">No interactions match.</p>')
    size, radius = 700, 280
    centre = size / 2
    where = {
        n["code"]: (
            centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2),
        )
        for i, n in enumerate(nodes)
    }
    heaviest = max((e["events"] for e in graph["edges"]), default=1)
    parts = [f'<svg class="chart" id="network-chart" viewBox="0 0 {size} {size}">']
    for edge in graph["edges"]:
        (x1, y1), (x2, y2) = where[edge["a"]], where[edge["b"]]
        width = 1 + 6 * math.log1p(edge["events"]) / math.log1p(heaviest)
        parts.append(
            f'<a href="{escape(rows_link(edge["params"]))}" data-count="{edge["events"]}">'
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{QUAD_COLOURS[edge["quad_class"]]}" stroke-width="{width:.1f}" '
            f'stroke-opacity="0.7"><title>{escape(edge["a"])}–{escape(edge["b"])}: '
            f"{edge['events']} happenings</title></line></a>"
        )
    biggest = max(n["events"] for n in nodes)
    for node in nodes:
        x, y = where[node["code"]]
        r = 4 + 10 * math.sqrt(node["events"] / biggest)
        parts.append(
            f'<a href="{escape(rows_link(node["params"]))}" data-count="{node["events"]}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#333">'
            f"<title>{escape(node['code'])}: {node['events']}</title></circle>"
            f'<text x="{x:.1f}" y="{y - r - 3:.1f}" text-anchor="middle">'
            f"{escape(node['code'])}</text></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
