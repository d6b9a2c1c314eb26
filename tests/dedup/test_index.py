"""Duplicate detection: every layer on copies made here, and the seeds and demo corpus."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.clean import clean_text
from newsevents.cli import app
from newsevents.dedup import DedupIndex

ORIGINAL = [
    "Floods force thousands from their homes in northern Italy",
    "Heavy rain caused rivers to burst their banks across Emilia-Romagna on Tuesday, forcing "
    "more than 13,000 residents to leave their homes, the regional civil protection agency said.",
    "Prime Minister Giorgia Meloni cut short a trip to Japan to oversee the response, and the "
    "government released 20 million euros in emergency funds for the worst-hit towns.",
    "Forecasters at the Bologna weather service expected the rain to ease by Thursday, although "
    "landslides blocked at least 250 roads in the hills around Ravenna and Forlì.",
    "The European Commission said it was ready to mobilise the EU Solidarity Fund if Rome asked "
    "for help, and neighbouring Slovenia sent pumps and rescue teams.",
    "In Cesena, volunteers filled sandbags through the night while firefighters used boats to "
    "reach elderly residents trapped on the upper floors of their homes.",
    "The agency said nine people had died and that two farmers near Lugo were still missing "
    "after their tractor was swept into a canal on Wednesday.",
    "Local officials warned that schools in 40 towns would stay closed for the rest of the week "
    "because roads and bridges were unsafe.",
]
# Spun as article spinners do: common words swapped for synonyms, sentences merged and
# one dropped; names, figures and most words that carry the facts stay.
SPUN = [
    "Floods force thousands out of their houses in northern Italy",
    "Heavy downpours caused rivers to overflow their banks throughout Emilia-Romagna on Tuesday "
    "and forced over 13,000 residents to abandon their houses, according to the regional civil "
    "protection agency. Prime Minister Giorgia Meloni cut short a visit to Japan to oversee "
    "the response, with the administration releasing 20 million euros of emergency funds for "
    "the hardest-hit towns.",
    "Forecasters at the Bologna weather service anticipated the rain to ease by Thursday, though "
    "landslides blocked no fewer than 250 roads in the hills close to Ravenna and Forlì.",
    "In Cesena, volunteers filled sandbags all night as firefighters relied on boats to reach "
    "older residents trapped on the upper floors of their houses.",
    "Nine individuals had died, the agency stated, and two farmers close to Lugo were still "
    "missing after their tractor was swept into a canal on Wednesday. Local officials "
    "cautioned that schools in 40 towns would remain closed for the remainder of the week "
    "since roads and bridges were unsafe.",
]
OTHER_ON_SAME_STORY = [
    "Italy counts the cost as flood waters recede",
    "Farmers in Emilia-Romagna said on Friday that the floods had destroyed crops worth "
    "hundreds of millions of euros, as Meloni promised a reconstruction plan for the region.",
    "Insurers estimated that fewer than one in ten damaged homes in Italy was covered, and "
    "economists warned that the disaster could cut growth in the second quarter.",
]


@pytest.mark.parametrize(
    ("copy", "kind"),
    [
        (ORIGINAL, "syndicated"),
        ([p.upper() + "  " for p in ORIGINAL], "syndicated"),
        (["Updated 16 May 2023, 09:12", *ORIGINAL[:-1], "Advertisement"], "near"),
        (SPUN, "paraphrase"),
    ],
)
def test_each_layer_finds_its_copies(copy, kind):
    index = DedupIndex()
    assert index.add("original", ORIGINAL, raw_id="a").kind == "canonical"
    member = index.add("copy", copy, raw_id="b")
    assert member.kind == kind
    [group] = index.groups()
    assert group.canonical == "original" and [m.id for m in group.members] == ["copy"]


def test_identical_raw_page_is_an_exact_copy():
    index = DedupIndex()
    index.add("first", ORIGINAL, raw_id="same")
    assert index.add("again", ORIGINAL, raw_id="same").kind == "exact"


def test_another_article_on_the_same_story_is_not_a_copy():
    index = DedupIndex()
    index.add("original", ORIGINAL)
    assert index.add("other", OTHER_ON_SAME_STORY).kind == "canonical"
    assert index.groups() == []


def test_copies_join_the_group_of_the_canonical():
    index = DedupIndex()
    index.add("original", ORIGINAL)
    index.add("spun", SPUN)
    index.add("copy of spun", SPUN, raw_id="x")
    [group] = index.groups()
    assert group.canonical == "original" and len(group.members) == 2


def test_a_short_reworded_text_is_too_little_evidence():
    """Three sentences of facts in common, whatever their share, do not make a copy."""
    index = DedupIndex()
    index.add("original", ORIGINAL[:3])
    assert index.add("spun", SPUN[:2]).kind == "canonical"


def test_an_article_adding_news_to_an_earlier_one_is_no_copy_of_it():
    """The earlier article is told again in full, but half of the later one is new."""
    index = DedupIndex()
    index.add("brief", ORIGINAL)
    assert index.add("roundup", [*SPUN, *OTHER_ON_SAME_STORY]).kind == "canonical"


def test_an_article_quoting_an_earlier_one_whole_and_adding_news_is_no_copy():
    """Word for word the earlier article, then as much news of its own: not a near copy
    (its own events would vanish from every count)."""
    news = [
        "Later on Friday, hundreds of farmers blocked the motorway near Bologna to demand "
        "compensation for lost harvests, and police diverted traffic for six hours.",
        "The farmers' union said its members would return every day until the regional "
        "council met them, and threatened to block the port of Ravenna next week.",
        "Meloni's office said the prime minister would receive union leaders in Rome on "
        "Monday, while the interior minister warned that blockades would not be tolerated.",
        "In Brussels, two members of the European Parliament asked the Commission to speed "
        "up payments from the agricultural reserve for the flooded provinces.",
        "Opposition leaders accused the government of reacting too slowly, and called for "
        "an inquiry into how the river defences had been maintained since 2015.",
        "The agency later raised the death toll to eleven after rescuers found two bodies "
        "in a submerged car outside Faenza.",
        "Volunteers from Slovenia and Croatia joined the clean-up in Conselice, where the "
        "water was still a metre deep in the main square on Saturday.",
    ]
    index = DedupIndex()
    index.add("brief", ORIGINAL)
    assert index.add("roundup", [*ORIGINAL, *OTHER_ON_SAME_STORY[1:], *news]).kind == "canonical"


def _stamped(lines: list[str], day: int) -> list[str]:
    return [f"This story is from March {day}, 2002", *lines]


def test_lower_cased_copies_and_shared_template_lines():
    """A lower-cased archive: the reworded copy is still found, and distinct reports that
    share only the publisher's template line and a topic are not copies."""
    others = [
        [
            "Rescue teams in Bologna said on Monday that 300 families had returned to their homes "
            "after the water receded from the northern districts of the city.",
            "The mayor of Bologna asked the government for 50 million euros to repair schools, "
            "bridges and the roads that the floods had damaged in the hills.",
            "Farmers near Ravenna counted the cost of ruined crops as the regional council met to "
            "discuss compensation for orchards lost to the floods.",
            "Insurers said most of the damaged homes in the region were not covered, and banks "
            "offered to suspend mortgage payments for six months.",
        ],
        [
            "Schools in Emilia-Romagna reopened on Friday for the first time since the floods, "
            "although 12 buildings remained closed for repairs to walls and roofs.",
            "Teachers in Forlì and Cesena collected books and computers for pupils whose homes "
            "were flooded, and the education ministry promised new equipment.",
            "Parents said the children were glad to return, while engineers inspected the bridges "
            "on the roads leading to the schools in the hills near Ravenna.",
            "The regional government said lessons lost during the week would be made up in June, "
            "and exams would go ahead on the dates planned.",
        ],
    ]
    index = DedupIndex()
    index.add("original", _stamped([p.lower() for p in ORIGINAL], 5))
    for number, other in enumerate(others):
        member = index.add(f"other {number}", _stamped([p.lower() for p in other], 6 + number))
        assert member.kind == "canonical"
    assert index.add("spun", _stamped([p.lower() for p in SPUN], 9)).kind == "paraphrase"


def test_indexing_twice_is_refused():
    index = DedupIndex()
    index.add("a", ORIGINAL)
    with pytest.raises(ValueError, match="already indexed"):
        index.add("a", ORIGINAL)


def test_seeds_only_001_is_grouped_with_000(seeds_dir):
    index = DedupIndex()
    for path in sorted(seeds_dir.glob("*.txt")):
        index.add(path.stem, clean_text(path.read_text("utf-8")).paragraphs)
    groups = [(g.canonical, [(m.id, m.kind) for m in g.members]) for g in index.groups()]
    assert groups == [("000_c3ca662996068499", [("001_7e8e78969a6c01ba", "paraphrase")])]


def test_cli_json_uses_file_stems(seeds_dir):
    demo = Path(__file__).resolve().parents[2] / "src" / "newsevents" / "data" / "demo"
    result = CliRunner().invoke(app, ["dedup", str(seeds_dir), str(demo), "--json"])
    assert result.exit_code == 0, result.output
    groups = {g["canonical"]: g["members"] for g in json.loads(result.stdout)["groups"]}
    assert groups["000_c3ca662996068499"][0]["id"] == "001_7e8e78969a6c01ba"
    assert groups["02_us_navy_caribbean"] == [
        {"id": "04_us_navy_caribbean_reprint", "kind": "syndicated", "score": 1.0}
    ]
    assert groups["01_venezuela_deportation_flights"][0]["kind"] == "paraphrase"
    assert len(groups) == 3


def test_superscript_digits_are_not_numbers():
    index = DedupIndex()
    index.add("a", ["The lake covers 10² square kilometres, officials said on Monday."])
    member = index.add("b", ["The lake covers 10² square kilometres, officials said on Monday."])
    assert member.kind != "canonical"


def test_a_real_archive_of_distinct_reports_is_not_marked_copied(police_archive):
    """Distinct lower-cased reports of one month and one region, many with the same
    template line: at most 1% reworded copies, and every near copy keeps most of the
    other's words (the archive does hold re-published versions of some reports)."""
    index = DedupIndex()
    found = [index.add(doc_id, paragraphs) for doc_id, paragraphs in police_archive]
    kinds = Counter(member.kind for member in found)
    assert kinds["paraphrase"] <= 0.01 * len(police_archive)
    assert kinds["canonical"] >= 0.95 * len(police_archive)
    assert all(m.score >= 0.6 for m in found if m.kind == "near")
