"""The magnitude stage: how many each event killed, injured, arrested, displaced, or
gathered, read from the parse of its sentence (`data/magnitudes.toml`)."""

from newsevents.magnitudes._assign import figures_in, measure_events
from newsevents.magnitudes._find import Found
from newsevents.magnitudes._numbers import Figure

__all__ = ["Figure", "Found", "figures_in", "measure_events"]
