"""The world map drawn as SVG on the server: country outlines from a data file in the
package (Natural Earth 1:110m, public domain; see data/world/SOURCE.md), nothing
fetched at run time. Countries are shaded by their count and each place is a circle
sized by its count; every shape with happenings links to exactly them."""

from __future__ import annotations

import math
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from newsevents.web._svg import rows_link

WIDTH = 960.0
NORTH, SOUTH = 84.0, -58.0  # latitudes shown (Antarctica is not in the data)
_SCALE = WIDTH / 360.0
HEIGHT = (NORTH - SOUTH) * _SCALE
SHADES = ("#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#f2855d", "#ef6a4c", "#eb4a40")
EMPTY = "#e4e6ea"
_RADIUS = (3.0, 16.0)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular: a degree is as wide as it is tall, so a point's lat/lon and a
    country's outline line up without any map library."""
    return (lon + 180.0) * _SCALE, (NORTH - lat) * _SCALE


@cache
def outlines() -> dict[str, tuple[str, str]]:
    """ISO3 -> (name, SVG path data) for every country in the data file, read once."""
    text = (resources.files("newsevents") / "data" / "world" / "countries.tsv").read_text("utf-8")
    shapes: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
            continue
        iso3, name, rings = line.split("\t")
        shapes[iso3] = (name, "".join(_ring_path(ring) for ring in rings.split(";")))
    return shapes


def _ring_path(ring: str) -> str:
    points = []
    for pair in ring.split():
        lon, lat = (float(value) for value in pair.split(","))
        x, y = project(lon, lat)
        points.append(f"{x:.1f} {y:.1f}")
    return "M" + "L".join(points) + "Z"


def shade(count: int, peak: int) -> str:
    """A colour for a count, on a log scale up to the busiest country."""
    if count <= 0:
        return EMPTY
    step = math.log1p(count) / math.log1p(max(peak, 1))
    return SHADES[min(len(SHADES) - 1, int(step * (len(SHADES) - 1) + 0.5))]


def world_map(counts: dict[str, Any]) -> Markup:
    """Countries shaded by happenings, a circle per place; each links to its rows."""
    by_country = {row["country"]: row for row in counts["countries"]}
    peak = max((row["events"] for row in counts["countries"]), default=1)
    parts = [
        f'<svg class="chart map" id="world-map" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" '
        'role="img" aria-label="Happenings by country and place">',
        f'<rect class="sea" width="{WIDTH:.0f}" height="{HEIGHT:.0f}" fill="#f4f8fb"/>',
    ]
    for iso3, (name, path) in sorted(outlines().items()):
        parts.append(_country(iso3, name, path, by_country.get(iso3), peak))
    most = max((row["events"] for row in counts["places"]), default=1)
    for row in sorted(counts["places"], key=lambda r: -r["events"]):  # small ones on top
        parts.append(_place(row, most))
    parts.append("</svg>")
    return Markup("".join(parts))


def _country(iso3: str, name: str, path: str, row: dict[str, Any] | None, peak: int) -> str:
    count = row["events"] if row else 0
    shape = (
        f'<path class="country" data-iso3="{iso3}" d="{path}" fill="{shade(count, peak)}" '
        f'fill-rule="evenodd" stroke="#fff" stroke-width="0.5">'
        f"<title>{escape(name)}: {count} happening{'s' if count != 1 else ''}</title></path>"
    )
    if not row:
        return shape
    return f'<a href="{escape(rows_link(row["params"]))}" data-count="{count}">{shape}</a>'


def _place(row: dict[str, Any], most: int) -> str:
    x, y = project(row["lon"], row["lat"])
    low, high = _RADIUS
    radius = low + (high - low) * math.sqrt(row["events"] / max(most, 1))
    where = ", ".join(part for part in (row["name"], row["admin1"], row["country"]) if part)
    return (
        f'<a href="{escape(rows_link(row["params"]))}" data-count="{row["events"]}">'
        f'<circle class="place" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" '
        f'fill="#2b5c8a" fill-opacity="0.55" stroke="#fff" stroke-width="0.8">'
        f"<title>{escape(where)}: {row['events']}</title></circle></a>"
    )
