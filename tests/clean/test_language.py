"""An article not in English is recorded with the language it is in, not coded."""

from __future__ import annotations

import pytest

from newsevents.clean import clean_text
from newsevents.clean._language import MIN_LETTERS, foreign_language
from newsevents.errors import ExtractionError

FRENCH = (
    "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs "
    "touchés par la sécheresse. Les syndicats agricoles ont salué ces annonces, tout en "
    "estimant qu'elles arrivent trop tard pour de nombreuses exploitations. Le ministre a "
    "précisé que les aides seraient versées avant la fin du mois, et qu'un fonds d'urgence "
    "serait créé pour les éleveurs les plus fragiles de la région."
)
SPANISH = (
    "El presidente del gobierno se reunió el lunes con los líderes de la oposición para "
    "discutir la reforma de la ley electoral. Según fuentes del ministerio, las "
    "conversaciones fueron largas pero no se alcanzó ningún acuerdo. Los partidos volverán "
    "a reunirse la próxima semana, mientras miles de personas se manifestaron frente al "
    "parlamento para exigir cambios en el sistema."
)
GERMAN = (
    "Die Regierung hat am Dienstag neue Maßnahmen zur Unterstützung der Landwirte "
    "angekündigt, die unter der anhaltenden Dürre leiden. Die Bauernverbände begrüßten die "
    "Ankündigung, kritisierten jedoch, dass die Hilfen für viele Betriebe zu spät kämen. "
    "Der Minister sagte, das Geld solle noch vor Ende des Monats ausgezahlt werden, und "
    "kündigte einen Notfonds für die am stärksten betroffenen Viehhalter im Osten an."
)
ENGLISH = (
    "Police arrested two opposition leaders in Minsk on Tuesday after thousands of people "
    "marched through the city to protest against the result of the presidential election. "
    "The interior ministry said the men had organised an illegal gathering and would be "
    "charged, while their lawyers said they had not been allowed to see them since the "
    "arrest."
)
# English with hardly a function word: what the cheap test passes to the identifier
RESULTS = (
    "Premier League results: Arsenal 2 Chelsea 1; Liverpool 3 Everton 0; Manchester "
    "United 1 Tottenham Hotspur 1; Newcastle United 4 Fulham 2; Brighton 0 Aston Villa 2; "
    "Wolves 1 Brentford 1; Crystal Palace 2 Bournemouth 2; Nottingham Forest 1 West Ham "
    "United 3. Top scorers: Haaland 14, Salah 12, Watkins 11, Isak 10, Saka 9, Palmer 9."
)


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (SPANISH, "es"), (GERMAN, "de")])
def test_other_languages_are_named_in_any_case(text, code):
    assert foreign_language(text) == code
    assert foreign_language(text.upper()) == code
    assert foreign_language(text.lower()) == code


@pytest.mark.parametrize("text", [ENGLISH, ENGLISH.lower(), ENGLISH.upper(), RESULTS])
def test_english_passes_whatever_its_case_or_its_share_of_names(text):
    assert foreign_language(text) is None


def test_a_text_too_short_to_tell_is_taken_as_english():
    short = FRENCH[: MIN_LETTERS // 2]
    assert foreign_language(short) is None


def test_cleaning_a_foreign_article_says_which_language_it_is():
    with pytest.raises(ExtractionError, match=r"not English.*Spanish \(es\)"):
        clean_text(f"Reunión sin acuerdo\n\n{SPANISH}\n")
    assert clean_text(f"Arrests in Minsk\n\n{ENGLISH}\n").paragraphs[1] == ENGLISH


def test_a_caller_may_clean_text_of_any_language():
    # what the extraction benchmark and the classifier's training pages need
    cleaned = clean_text(f"Reunión sin acuerdo\n\n{SPANISH}\n", english_only=False)
    assert cleaned.paragraphs == ["Reunión sin acuerdo", SPANISH]
