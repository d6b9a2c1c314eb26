"""What the police do, as South Asian news tells it: agentless arrests, "police
firing", detachments "of" a force, a "they" that continues the police, lower-cased text."""

import pytest


def _coded(events):
    return [
        (e.type, e.mode, e.source.actor.sector if e.source else None, e.modality) for e in events
    ]


def _by_police(events):
    return {(kind, mode) for kind, mode, sector, _ in _coded(events) if sector == "COP"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrest told without its agent is by the police of the place
        (
            "Clashes broke out in Meerut, India. Fourteen men were arrested late on Sunday.",
            ("COERCE", "arrest"),
        ),
        # a firing the police hold, named as a noun
        ("A shopkeeper died in police firing near the grain market in Kanpur.", ("ASSAULT", None)),
        # lower-cased text: no capital tells the parser who acts
        (
            "police fired tear gas shells at stone-throwing youths in lucknow on monday.",
            ("ASSAULT", None),
        ),
        (
            "clashes broke out in meerut, india. eleven men were detained by the police.",
            ("COERCE", "arrest"),
        ),
        # detachments "of" a force are the force, "companies" no business
        (
            "Two companies of the Central Reserve Police Force were rushed to Indore, India.",
            ("MOBILIZE", "troops"),
        ),
        (
            "Para-military forces were deployed in the old city of Hyderabad, India.",
            ("MOBILIZE", "troops"),
        ),
        # people expelled from a town by no one named: by its police
        (
            "Tension rose in Ayodhya, India. About 300 pilgrims were deported to Lucknow.",
            ("COERCE", "deport"),
        ),
        ("The train left Jaipur, India, amid tight security.", ("MOBILIZE", "police")),
        (
            "Riots broke out in Pune, India. The pilgrims were escorted home under police escort.",
            ("AID", None),
        ),
        # a team "of" several forces is any of them
        (
            "Riots broke out in Pune, India. Two men were arrested by a joint team of the "
            "anti-terrorist squad and the city police.",
            ("COERCE", "arrest"),
        ),
        # the police stopping or moving people, not a referee or a driver
        (
            "Riots broke out in Rampur, India. The police turned back the marchers at the bridge.",
            ("COERCE", None),
        ),
        (
            "Riots broke out in Rampur, India. Policemen shifted forty families to a school.",
            ("AID", None),
        ),
    ],
)
def test_acts_of_the_police(code_text, text, expected):
    assert expected in _by_police(code_text(text))


@pytest.mark.slow
def test_they_after_the_police_is_the_police(code_text):
    text = (
        "Policemen reached the bus depot in Patna, India, at noon. "
        "They detained eleven striking drivers."
    )
    events = code_text(text)
    assert ("COERCE", "arrest") in _by_police(events)


@pytest.mark.slow
def test_they_of_a_group_named_nearer_is_that_group(code_text):
    text = (
        "Police reached the campus in Patna, India, at noon. "
        "The students said they would boycott the examinations."
    )
    assert ("PROTEST", "boycott") not in _by_police(code_text(text))


@pytest.mark.slow
def test_no_arrests_is_no_arrest(code_text):
    found = _coded(code_text("Riots broke out in Surat, India. No arrests have been made so far."))
    assert all(modality == "negated" for kind, _, _, modality in found if kind == "COERCE")


@pytest.mark.slow
def test_seats_booked_are_no_charge(code_text):
    found = _coded(code_text("The coaches booked for the pilgrims left Surat, India, on time."))
    assert not [kind for kind, *_ in found if kind == "ACCUSE"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The referee stopped the match in Pune, India, after an hour.",
        "In Pune, India, officers stopped a car on the highway late on Friday.",
        "The driver moved the families to the front of the bus in Pune, India.",
    ],
)
def test_stopping_and_moving_by_others_is_no_police_act(code_text, text):
    assert not _by_police(code_text(text))
