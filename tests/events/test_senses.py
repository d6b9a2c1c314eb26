"""Verbs read by what they act on or who does them: an attack on a policy is criticism,
a raid on an army base an attack, a transcript released no release of prisoners."""

import pytest


def _types(events, trigger: str) -> set[str]:
    return {e.type for e in events if e.trigger.split()[0] == trigger}


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        # words and policies attacked are criticised
        (
            "The Spanish premier attacked the opposition's budget plan on Friday.",
            "attacked",
            "ACCUSE",
        ),
        ("Chile's president attacked the Peruvian court's ruling.", "attacked", "ACCUSE"),
        # a raid on a military position is an attack, not a search
        ("French troops raided a rebel base in northern Mali on Sunday.", "raided", "ASSAULT"),
        # soldiers taking to the streets are deployed, not protesting
        ("Soldiers took to the streets of La Paz on Monday.", "took", "MOBILIZE"),
        # talks wrecked and sanctions stepped up are sanctions
        (
            "Hungary torpedoed the talks with Serbia over the border dispute.",
            "torpedoed",
            "SANCTION",
        ),
        ("Canada stepped up sanctions against Iran on Tuesday.", "stepped", "SANCTION"),
        # a threat to undo what keeps the peace is still a threat
        ("Hamas threatened to end the ceasefire with Israel.", "threatened", "THREATEN"),
        # arming a state is military aid
        ("Germany is arming Lithuania against a possible invasion.", "arming", "AID"),
    ],
)
def test_a_verb_is_read_by_what_it_acts_on(code_text, text, trigger, kind):
    assert kind in _types(code_text(text), trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        (
            "The Spanish premier attacked the opposition's budget plan on Friday.",
            "attacked",
            "ASSAULT",
        ),
        ("Protesters took to the streets of La Paz on Monday.", "took", "MOBILIZE"),
        # information released is no release
        (
            "The Kenyan president released the transcript of his call with Uganda.",
            "released",
            "RETREAT",
        ),
        ("Peru released its trade figures for March on Monday.", "released", "RETREAT"),
        # a warrant executed or a film shot is no violence
        ("Mexican police executed a search warrant at the home in Tijuana.", "executed", "ASSAULT"),
        ("The Iranian director shot a film in Tehran last year.", "shot", "ASSAULT"),
        # men armed with knives carry them; no one gave them aid
        ("The robbers were armed with knives.", "armed", "AID"),
        # what endangers a state of things threatens no one
        (
            "Chile said the Argentine dam threatens the stability of the region.",
            "threatens",
            "THREATEN",
        ),
    ],
)
def test_a_verb_in_another_sense_is_not_that_event(code_text, text, trigger, kind):
    assert kind not in _types(code_text(text), trigger)


def test_people_released_are_still_released(code_text):
    events = code_text("Iran released two French prisoners on Friday.")
    assert "RETREAT" in _types(events, "released")


def test_a_law_dropped_with_no_agent_is_dropped_by_the_government(code_text):
    events = code_text("The fuel tax was scrapped in France after weeks of protests.")
    conceded = [e for e in events if e.type == "CONCEDE"]
    assert conceded and conceded[0].source is not None
    assert conceded[0].source.actor.code == "FRAGOV"


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        # a backlash received from someone is their criticism
        (
            "The Nigerian minister faced a backlash from Ghana over the border closure.",
            "backlash",
            "ACCUSE",
        ),
        # regretting another's decision is disapproving of it
        ("Kenya regretted Uganda's decision to close the border.", "regretted", "ACCUSE"),
        ("Ecuador debunked Colombia's claims about the border incident.", "debunked", "REJECT"),
        # testimony before a committee consults it; "testified that" alone is only said
        (
            "The Bolivian ambassador testified before the Senate committee on Tuesday.",
            "testified",
            "CONSULT",
        ),
        # a sense added to a verb keeps the verb's CAMEO senses
        ("Peru stepped up pressure on Chile on Monday.", "stepped", "REQUEST"),
    ],
)
def test_words_of_criticism_denial_and_testimony(code_text, text, trigger, kind):
    assert kind in _types(code_text(text), trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        # taking up a post is no seizure; offering a view is no promise
        ("The new Kenyan minister took over in May.", "took", "COERCE"),
        ("The Kenyan minister offered the example of Uganda.", "offered", "AGREE"),
    ],
)
def test_succession_and_talk_are_not_acts(code_text, text, trigger, kind):
    assert kind not in _types(code_text(text), trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Rebels took over the town of Goma on Sunday.", "took", "COERCE"),
        ("Russia offered Ukraine a ceasefire on Monday.", "offered", "AGREE"),
    ],
)
def test_places_taken_over_and_offers_made_still_count(code_text, text, trigger, kind):
    assert kind in _types(code_text(text), trigger)


@pytest.mark.parametrize(
    ("text", "noun", "kind"),
    [
        ("The execution of the prisoner was condemned.", "execution", "ASSAULT"),
        ("The execution of the search warrant took an hour.", "execution", None),
        ("The abduction of the envoy was condemned.", "abduction", "ASSAULT"),
    ],
)
def test_a_derived_noun_is_read_by_what_it_is_of(nlp, text, noun, kind):
    from newsevents.events._implied import derived_pattern
    from newsevents.events._patterns import load_pattern_book

    token = next(t for t in nlp(text) if t.text == noun)
    assert getattr(derived_pattern(load_pattern_book(), token), "type", None) == kind


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Hang Seng index declined 0.3% on Monday, police said in Hong Kong.",
        "Shares of the state oil company fell by 4 percent after police raided its offices.",
    ],
)
def test_a_quantity_that_changes_is_no_act(code_text, text):
    assert "REJECT" not in {e.type for e in code_text(text)}


@pytest.mark.slow
def test_an_act_measured_by_an_amount_is_still_an_act(code_text):
    text = "The United States cut its aid to Egypt by 20 percent, officials said."
    assert "SANCTION" in {e.type for e in code_text(text)}


@pytest.mark.slow
def test_a_tax_raised_is_no_sanction(code_text):
    assert not [
        e for e in code_text("The Kenyan government raised taxes on fuel.") if e.type == "SANCTION"
    ]
