import newsevents

PUBLIC = {
    "Actor",
    "ActorMention",
    "CodingError",
    "ConfigError",
    "Document",
    "Event",
    "EventDate",
    "ExtractionError",
    "IngestError",
    "InputError",
    "NewsEventsError",
    "Options",
    "Pipeline",
    "Removal",
    "StoreError",
    "__version__",
}


def test_public_surface_is_deliberate():
    assert set(newsevents.__all__) == PUBLIC
    for name in PUBLIC:
        assert hasattr(newsevents, name)


def test_errors_share_one_root():
    for name in ("CodingError", "ConfigError", "ExtractionError", "InputError", "StoreError"):
        assert issubclass(getattr(newsevents, name), newsevents.NewsEventsError)
