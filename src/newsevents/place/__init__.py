"""The place stage: where each event happened, resolved offline through GeoNames."""

from newsevents.place._gazetteer import country_of_place, fips_code, gazetteer
from newsevents.place._locate import PlaceResolver, locate_events

__all__ = ["PlaceResolver", "country_of_place", "fips_code", "gazetteer", "locate_events"]
