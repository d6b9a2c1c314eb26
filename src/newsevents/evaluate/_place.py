"""Is a predicted place where the gold says the event happened: the country, and the
first-level division where the gold names one ("Bavaria", "Bayern" or the GeoNames code
"02" all name the same division)."""

from __future__ import annotations

from newsevents.evaluate._gold import GoldLocation
from newsevents.model import Place
from newsevents.place import lookup
from newsevents.place._gazetteer import fold


def country_right(gold: GoldLocation, place: Place | None) -> bool | None:
    """None when the gold gives no country to judge by."""
    if gold.country is None:
        return None
    return place is not None and place.country == gold.country


def _division_codes(gold: GoldLocation) -> set[str]:
    """The GeoNames codes the gold's admin1 may be, within its country."""
    assert gold.admin1 is not None
    codes = {gold.admin1} if gold.admin1.isalnum() and len(gold.admin1) <= 3 else set()
    for entry in lookup(gold.admin1):
        if entry.feature == "admin1" and entry.admin1 and entry.country in {gold.country, None}:
            codes.add(entry.admin1)
    return codes


def admin1_right(gold: GoldLocation, place: Place | None) -> bool | None:
    """None when the gold names no division."""
    if gold.admin1 is None:
        return None
    if place is None or (gold.country and place.country != gold.country):
        return False
    if place.admin1_name and fold(place.admin1_name) == fold(gold.admin1):
        return True
    return place.admin1 is not None and place.admin1 in _division_codes(gold)
