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
    assert not [kind for kind, *_ in found if kind in {"ACCUSE", "COERCE"}]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Riots broke out in Surat, India. Nine youths were booked for rioting and arson.",
        "Riots broke out in Surat, India. Some 300 activists have been booked in the state.",
    ],
)
def test_people_booked_are_charged_as_cameo_codes_arrests(code_text, text):
    assert ("COERCE", "arrest") in _by_police(code_text(text))


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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # searches and watches are inquiries (CAMEO 090)
        (
            "Riots broke out in Surat, India. Policemen searched the houses of the accused.",
            ("ACCUSE", "investigate"),
        ),
        (
            "Riots broke out in Surat, India. Every vehicle entering the town was checked.",
            ("ACCUSE", "investigate"),
        ),
        (
            "Riots broke out in Surat, India. A close watch is being kept on the activists.",
            ("ACCUSE", "investigate"),
        ),
        # a first information report lodged or filed, with or without its agent
        (
            "Riots broke out in Surat, India. An FIR was lodged against the shopkeepers.",
            ("ACCUSE", "investigate"),
        ),
        # arms found and taken are seized, by the police when no one is named
        (
            "Riots broke out in Surat, India. Two swords and a pistol were recovered from a van.",
            ("COERCE", "seize"),
        ),
        # people sent to jail or remanded are held
        (
            "Riots broke out in Surat, India. The four youths were sent to jail on Monday.",
            ("COERCE", "arrest"),
        ),
        (
            "Riots broke out in Surat, India. The accused were remanded in judicial custody.",
            ("COERCE", "arrest"),
        ),
        # forces posted somewhere, the police reaching the scene, an alert sounded
        (
            "Riots broke out in Surat, India. Armed policemen were posted at the mosque.",
            ("MOBILIZE", "troops"),
        ),
        (
            "Riots broke out in Surat, India. A police team rushed to the spot at noon.",
            ("MOBILIZE", "police"),
        ),
        (
            "Riots broke out in Surat, India. A red alert was sounded across the district.",
            ("MOBILIZE", "police"),
        ),
    ],
)
def test_what_the_police_do_about_a_crime(code_text, text, expected):
    assert expected in _by_police(code_text(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Riots broke out in Surat, India. Rescuers searched the rubble for survivors.",
        "Riots broke out in Surat, India. Three bodies were recovered from a well.",
        "Riots broke out in Surat, India. The new inspector was posted to Rajkot last year.",
        "Riots broke out in Surat, India. She posted the photographs on her blog.",
        "Riots broke out in Surat, India. The police reached a decision on Monday.",
    ],
)
def test_words_of_police_work_in_other_senses_are_no_police_act(code_text, text):
    assert not _by_police(code_text(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Riots broke out in Surat, India. The police have not been able to arrest the gang.",
        "Riots broke out in Surat, India. The police were unable to arrest the gang.",
    ],
)
def test_an_arrest_the_police_could_not_make_is_negated(code_text, text):
    found = _coded(code_text(text))
    assert [m for kind, mode, _, m in found if mode == "arrest"] == ["negated"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # "police firing" that the parser splits into "in police" and a clause "firing"
        "Riots broke out in Kanpur, India. Three men were killed in police firing as "
        "rampaging mobs looted several shops.",
        "Riots broke out in Kanpur, India. Half of the men killed in the police firing "
        "belong to one village.",
        # the firing a preposition's phrase holds, with its agent
        "Riots broke out in Kanpur, India. Nine men were killed in 400 rounds of firing "
        "by the police.",
    ],
)
def test_a_killing_in_police_firing_is_the_police_firing(code_text, text):
    assert ("ASSAULT", None) in _by_police(code_text(text))


@pytest.mark.slow
def test_a_gerund_with_its_own_subject_stays_a_verb(code_text):
    found = code_text("Riots broke out in Kanpur, India. The police were firing at the mob.")
    assert [(e.trigger, e.source.actor.sector) for e in found if e.type == "ASSAULT"] == [
        ("firing", "COP")
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place closed off or guarded with no agent named: by its police
        (
            "Riots broke out in Surat, India. The old market has been barricaded.",
            ("MOBILIZE", "police"),
        ),
        (
            "Riots broke out in Surat, India. All roads to the shrine were sealed off.",
            ("MOBILIZE", "police"),
        ),
        (
            "Riots broke out in Surat, India. Steel barricades were installed at the bridge.",
            ("MOBILIZE", "police"),
        ),
        (
            "Riots broke out in Surat, India. Security has been enhanced at the station.",
            ("MOBILIZE", "police"),
        ),
        # tear gas is riot control, whoever the sentence leaves unnamed
        (
            "Riots broke out in Surat, India. Tear-gas shells were lobbed at the crowd.",
            ("ASSAULT", None),
        ),
    ],
)
def test_places_closed_off_and_crowds_gassed_are_police_acts(code_text, text, expected):
    assert expected in _by_police(code_text(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Trade grew in Surat, India. The two firms sealed the deal on Monday.",
        "Trade grew in Surat, India. The bank installed new software in its branches.",
    ],
)
def test_deals_sealed_and_software_installed_are_no_police_act(code_text, text):
    assert not _by_police(code_text(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # an agreement or a request is told with its parties: no police behind it
        "Riots broke out in Surat, India. The question can be settled if all sides agree.",
        "Riots broke out in Surat, India. The files were bound together in case the court "
        "asked for them.",
        # a title, not a joint act
        "Riots broke out in Surat, India. The joint commissioner of police was in Delhi.",
    ],
)
def test_no_police_are_implied_behind_words_and_titles(code_text, text):
    assert not _by_police(code_text(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Riots broke out in Surat, India. Senior police officers camped in the village.",
            ("MOBILIZE", "police"),
        ),
        (
            "Riots broke out in Surat, India. Policemen came to the rescue of the families.",
            ("AID", None),
        ),
        (
            "Riots broke out in Surat, India. Armed policemen took up positions on the roofs.",
            ("MOBILIZE", "troops"),
        ),
    ],
)
def test_police_camping_rescuing_and_taking_positions(code_text, text, expected):
    assert expected in _by_police(code_text(text))


@pytest.mark.slow
def test_a_position_taken_on_a_bill_is_no_deployment(code_text):
    found = code_text("Riots broke out in Surat, India. The party took a position on the bill.")
    assert not [e for e in found if e.type == "MOBILIZE"]


@pytest.mark.slow
def test_a_place_captured_is_seized_not_arrested(code_text):
    found = _coded(code_text("Riots broke out in Surat, India. Policemen captured the college."))
    assert ("COERCE", "seize", "COP", "asserted") in found
    assert not [mode for _, mode, *_ in found if mode == "arrest"]


@pytest.mark.slow
def test_searches_conducted_are_inquiries(code_text):
    found = code_text(
        "Riots broke out in Surat, India. Policemen conducted searches in the temples."
    )
    assert ("ACCUSE", "investigate") in _by_police(found)


@pytest.mark.slow
def test_a_search_for_survivors_is_no_inquiry(code_text):
    found = code_text(
        "A fire broke out in Surat, India. Rescuers conducted a search for survivors."
    )
    assert not [e for e in found if e.type == "ACCUSE"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # the police are the victims here, not the shooters
        "Riots broke out in Surat, India. Shots were fired at the police near the mosque.",
        # words that name another shooter leave no authority implied
        "Riots broke out in Surat, India. Two men were killed in private firing at night.",
    ],
)
def test_no_police_shooting_is_implied_when_the_text_names_others(code_text, text):
    assert ("ASSAULT", None) not in _by_police(code_text(text))


@pytest.mark.slow
def test_firing_ordered_by_an_officer_is_the_police_firing(code_text):
    text = "Riots broke out in Surat, India. The police commissioner ordered firing on the mob."
    assert ("ASSAULT", None) in _by_police(code_text(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # security stepped up, kept or laid on is a police alert (CAMEO 151), even when
        # the parser reads the object as an adverbial ("stepped up vigil")
        (
            "Clashes broke out in Nagpur, India. Police have stepped up vigil in the old city.",
            ("MOBILIZE", "police"),
        ),
        (
            "Clashes broke out in Nagpur, India. Policemen kept a strict vigil near the mosque.",
            ("MOBILIZE", "police"),
        ),
        (
            "Clashes broke out in Nagpur, India. The city police threw a security cordon "
            "around the stadium.",
            ("MOBILIZE", "police"),
        ),
        # the same laid on by the civil authority is done by its police
        (
            "Clashes broke out in Nagpur, India. The district administration has tightened "
            "security around the railway station.",
            ("MOBILIZE", "police"),
        ),
        (
            "Clashes broke out in Nagpur, India. The administration put up barricades on the "
            "roads leading to the fort.",
            ("MOBILIZE", "police"),
        ),
        (
            "Clashes broke out in Nagpur, India. The authorities sealed Indiranagar and "
            "Gandhinagar on Sunday.",
            ("MOBILIZE", "police"),
        ),
        # told in the passive, with no agent: the police of the place
        (
            "Clashes broke out in Nagpur, India. Security arrangements were made at all the "
            "bus stands.",
            ("MOBILIZE", "police"),
        ),
        (
            "Clashes broke out in Nagpur, India. The fair was held amidst tight security.",
            ("MOBILIZE", "police"),
        ),
        # a measure describes the act, it does not hold it: "a two-stage checking"
        (
            "Clashes broke out in Nagpur, India. A two-stage checking is conducted on all "
            "visitors.",
            ("ACCUSE", "investigate"),
        ),
        # riot-control gear deployed with no one named: by the police
        (
            "Clashes broke out in Nagpur, India. Water cannons have been deployed near the mosque.",
            ("MOBILIZE", "troops"),
        ),
        # leave cancelled and men called back are police power mobilised (CAMEO 153)
        (
            "Clashes broke out in Nagpur, India. The leave of all policemen has been cancelled.",
            ("MOBILIZE", "police"),
        ),
        (
            "Clashes broke out in Nagpur, India. Constables on leave were called back on duty.",
            ("MOBILIZE", "police"),
        ),
        # a flag march, also when the parser splits it ("staged a flag" + "march")
        (
            "Clashes broke out in Nagpur, India. Paramilitary forces staged a flag march "
            "through the old city.",
            ("MOBILIZE", "police"),
        ),
        # an operation the police launch against people is coercion
        (
            "Clashes broke out in Nagpur, India. The state police launched a large "
            "operation against the smugglers.",
            ("COERCE", None),
        ),
        # a court remands, the police hold: custody named as the police's
        (
            "Clashes broke out in Nagpur, India. A local court remanded the three youths to "
            "police custody till Monday.",
            ("COERCE", "arrest"),
        ),
        # a force put on alert is mobilised; more men on the ground too
        (
            "Clashes broke out in Nagpur, India. The railway police were put on high alert.",
            ("MOBILIZE", "troops"),
        ),
        (
            "Clashes broke out in Nagpur, India. The police increased the number of "
            "constables at the court.",
            ("MOBILIZE", "police"),
        ),
        # a force told as on alert or vigilant is in a raised alert (CAMEO 151)
        (
            "Clashes broke out in Nagpur, India. The district police are on high alert.",
            ("MOBILIZE", "police"),
        ),
        (
            "Clashes broke out in Nagpur, India. Policemen in the old city remained vigilant.",
            ("MOBILIZE", "police"),
        ),
        # entry and movement restricted are restrictions (CAMEO 1723)
        (
            "Clashes broke out in Nagpur, India. The police restricted the entry of visitors "
            "to the shrine.",
            ("COERCE", "restrict"),
        ),
    ],
)
def test_security_posture_is_police_power(code_text, text, expected):
    assert expected in _by_police(code_text(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Security is a concern for investors in Nagpur, India.",
        "The company tightened its rules in Nagpur, India, last year.",
        "The two firms sealed a deal in Nagpur, India, on Monday.",
        "The workers cancelled their holidays in Nagpur, India, to finish the bridge.",
        "The mayor lifted the ban on the opposition rally in Nagpur, India.",
        "The factory in Nagpur, India, increased the number of workers on the night shift.",
        "Residents of Nagpur, India, should stay alert during the storm.",
        "Traders in Nagpur, India, are on alert for a cut in rates.",
        # the government's own act stays the government's when a named body does it
        "Clashes broke out in Nagpur, India. The army tightened security at its cantonment.",
    ],
)
def test_security_words_in_other_senses_are_no_police_act(code_text, text):
    assert not _by_police(code_text(text))


@pytest.mark.slow
def test_who_is_in_custody_is_held_not_holding(code_text):
    text = (
        "Investigators in Islamabad questioned Imran Khan, who is in the custody of the "
        "Islamabad police."
    )
    arrests = [e for e in code_text(text) if e.type == "COERCE"]
    assert arrests and all(e.source.actor.sector == "COP" for e in arrests)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("office", "sector"),
    [
        ("The Director General of Police", "COP"),  # a rank the force it is of decides
        ("The Inspector General of Police", "COP"),
        ("The Director General of the Army", "MIL"),
    ],
)
def test_an_office_is_of_the_force_it_is_of(code_text, office, sector):
    text = f"{office} in Gujarat, India, thanked community leaders for keeping the peace."
    assert sector in {e.source.actor.sector for e in code_text(text) if e.source}
