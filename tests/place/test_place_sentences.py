"""Events in sentences written for these tests, across many countries: the event's place
resolves to the right country and first-level division (GeoNames' name for it)."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.pipeline import Pipeline
from newsevents.place._names import fold

pytestmark = pytest.mark.slow

# (sentence, ISO3 or "" for a sea, GeoNames admin1 name or "" when none is meant)
SENTENCES = [
    ("Gunmen abducted 25 worshippers in Kaduna State on Sunday.", "NGA", "Kaduna"),
    ("Police in Karachi arrested three suspected militants.", "PAK", "Sindh"),
    (
        "Indian troops killed two militants in Kashmir's Kupwara district.",
        "IND",
        "Jammu and Kashmir",
    ),
    ("Mexican marines detained a cartel boss in Culiacán.", "MEX", "Sinaloa"),
    ("Soldiers killed 14 gunmen in Michoacan state on Tuesday.", "MEX", "Michoacán"),
    ("Protesters blocked highways in Ontario over the new law.", "CAN", "Ontario"),
    ("Quebec police arrested two men after the attack.", "CAN", "Quebec"),
    ("Venezuelan police detained opposition activists in Maracaibo.", "VEN", "Zulia"),
    ("Colombian troops clashed with rebels in Cauca.", "COL", "Cauca"),
    ("Brazilian police killed 20 suspects in a raid in Rio de Janeiro.", "BRA", "Rio de Janeiro"),
    ("M23 rebels captured Bukavu in South Kivu.", "COD", "South Kivu"),
    ("Al-Shabaab fighters attacked a base in Lower Shabelle.", "SOM", "Lower Shabeelle"),
    ("Sudan's paramilitaries shelled El Obeid in North Kordofan.", "SDN", "North Kordofan"),
    ("Ethiopian forces clashed with militia fighters in Amhara.", "ETH", "Amhara"),
    ("Israeli troops raided Nablus overnight.", "PSE", "West Bank"),
    ("Russian forces shelled Kherson overnight.", "UKR", "Kherson"),
    ("Ukrainian drones struck an airfield in Crimea.", "UKR", "Crimea"),
    ("Chechen police detained a blogger in Grozny.", "RUS", "Chechnya"),
    ("Chinese police detained activists in Guangzhou.", "CHN", "Guangdong"),
    ("Myanmar's army bombed villages in Sagaing.", "MMR", "Sagain"),
    ("Thai soldiers clashed with insurgents in Narathiwat.", "THA", "Narathiwat"),
    ("Philippine troops killed five rebels in Mindanao.", "PHL", ""),
    ("Turkish jets struck Kurdish militants in northern Iraq's Duhok province.", "IRQ", "Duhok"),
    ("Iraqi forces arrested Islamic State suspects in Anbar.", "IRQ", "Al Anbar"),
    ("Syrian government forces shelled Idlib.", "SYR", "Idlib"),
    ("Yemen's Houthis attacked Marib.", "YEM", "Ma’rib"),
    ("German police raided homes in Bavaria and Saxony.", "DEU", "Bavaria"),
    ("French police clashed with protesters in Marseille.", "FRA", "Provence-Alpes-Côte d'Azur"),
    ("Spanish police arrested separatists in Catalonia.", "ESP", "Catalonia"),
    ("Police arrested 30 people in Queensland after the riot.", "AUS", "Queensland"),
    ("Kenyan police fired tear gas at protesters in Mombasa.", "KEN", "Mombasa"),
    ("South African police arrested looters in KwaZulu-Natal.", "ZAF", "KwaZulu-Natal"),
    ("Protesters marched in Atlanta, Georgia, on Saturday.", "USA", "Georgia"),
    ("ICE agents arrested 50 migrants in Chicago.", "USA", "Illinois"),
    ("Pakistani forces killed militants in North Waziristan.", "PAK", "Khyber Pakhtunkhwa"),
    ("Afghan Taliban fighters clashed with Pakistani troops in Kunar.", "AFG", "Kunar"),
    ("Bangladeshi police arrested protesters in Chittagong.", "BGD", "Chittagong"),
    ("Gunmen killed 12 farmers in Benue State.", "NGA", "Benue"),
    ("Boko Haram fighters attacked a military base in Borno.", "NGA", "Borno"),
    ("Police fired tear gas at protesters in Abuja.", "NGA", "FCT"),
    ("Indian police detained opposition leaders in Lucknow.", "IND", "Uttar Pradesh"),
    ("Security forces killed four Maoists in Jharkhand.", "IND", "Jharkhand"),
    ("Protesters clashed with police in Kolkata.", "IND", "West Bengal"),
    ("Mexican soldiers arrested a cartel leader in Tamaulipas.", "MEX", "Tamaulipas"),
    ("Gunmen killed six police officers in Guanajuato.", "MEX", "Guanajuato"),
    ("Canadian police arrested protesters in Vancouver.", "CAN", "British Columbia"),
    ("Alberta officials sued the federal government.", "CAN", "Alberta"),
    ("Ukrainian drones attacked a refinery in the Krasnodar region.", "RUS", "Krasnodar Krai"),
    ("Israeli strikes killed 30 people in Rafah.", "PSE", "Gaza Strip"),
    ("Hezbollah fired rockets at Haifa.", "ISR", "Haifa"),
    ("Iranian police arrested protesters in Mashhad.", "IRN", "Razavi Khorasan"),
    ("Syrian forces clashed with Druze fighters in Sweida.", "SYR", "As-Suwayda"),
    ("Iraqi police arrested protesters in Basra.", "IRQ", "Basra"),
    ("Houthi rebels seized a ship off Hodeidah.", "YEM", "Al Hudaydah"),
    ("RSF fighters attacked villages in West Darfur.", "SDN", "Western Darfur"),
    ("Jihadists killed 20 soldiers in northern Burkina Faso.", "BFA", ""),
    ("Malian soldiers clashed with rebels near Kidal.", "MLI", "Kidal"),
    ("Kenyan police arrested protesters in Kisumu.", "KEN", "Kisumu"),
    ("Police arrested 100 protesters in Istanbul.", "TUR", "Istanbul"),
    ("Pakistani police arrested PTI supporters in Lahore.", "PAK", "Punjab"),
    ("Afghan Taliban detained a journalist in Herat.", "AFG", "Herat"),
    ("Chinese coast guard ships blocked Philippine vessels in the South China Sea.", "", ""),
    ("Police arrested pro-democracy activists in Hong Kong.", "HKG", ""),
    ("Myanmar's junta bombed a village in Rakhine State.", "MMR", "Rakhine"),
    ("Police arrested dozens of protesters in Tbilisi.", "GEO", "Tbilisi"),
    ("Protesters rallied in Belgrade against the government.", "SRB", "Central Serbia"),
    ("Police detained protesters in Minneapolis.", "USA", "Minnesota"),
    ("The governor deployed the National Guard in Texas.", "USA", "Texas"),
    ("Trump met Zelensky at the White House.", "USA", "Washington, D.C."),
    ("Putin met Modi in the Kremlin.", "RUS", "Moscow"),
    ("Police clashed with protesters outside Downing Street.", "GBR", "England"),
    ("Protesters marched to the Capitol in Washington.", "USA", "Washington, D.C."),
    ("Zelensky met Merz in Berlin.", "DEU", "Berlin"),
    ("Sheinbaum met Carney at the Palacio Nacional.", "MEX", "Mexico City"),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize(("text", "country", "admin1"), SENTENCES)
def test_the_event_is_placed_in_its_country_and_division(pipeline, text, country, admin1):
    [document] = pipeline.process([text], published=date(2025, 6, 3))
    assert document.events, "the sentence should be coded"
    place = max(document.events, key=lambda e: e.confidence).place
    assert place is not None
    assert (place.country or "") == country, place
    if admin1:
        assert place.admin1_name and fold(place.admin1_name) == fold(admin1), place


# A month or weekday after "in" is a date, whatever the recogniser tags it: "March" is
# also a town in England.
DATES_NOT_PLACES = [
    ("Hundreds were arrested and sent in March to El Salvador.", "SLV"),
    ("Police in Texas arrested 40 migrants in May.", "USA"),
]


@pytest.mark.parametrize(("text", "country"), DATES_NOT_PLACES)
def test_a_month_after_in_is_not_a_place(pipeline, text, country):
    [document] = pipeline.process([text], published=date(2025, 6, 3))
    assert document.events, "the sentence should be coded"
    places = {e.place.name for e in document.events if e.place}
    assert places and not places & {"March", "May"}, places
    assert all(e.place.country == country for e in document.events if e.place)


@pytest.mark.parametrize("text", ["Police were attacked by gunmen.", "Gunmen attacked police."])
def test_a_kind_of_actor_attacked_is_not_a_place(pipeline, text):
    """An attack happens at its target when the target is a place; police are a force,
    whatever town shares the name (Police, in Poland)."""
    [document] = pipeline.process([text], published=date(2025, 6, 3))
    assert document.events, "the sentence should be coded"
    assert all(e.place is None for e in document.events), [e.place for e in document.events]
