"""Duplicate detection: every layer on copies made here, and the seeds and demo corpus."""

from __future__ import annotations

import json
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
]
SPUN = [
    "Flooding drives thousands out of houses in north Italy",
    "Torrential downpours made waterways overflow throughout Emilia-Romagna on Tuesday and "
    "pushed over 13,000 inhabitants to abandon their houses, according to the regional civil "
    "protection agency. Prime Minister Giorgia Meloni curtailed a visit to Japan to supervise "
    "the reaction, with the administration freeing 20 million euros of urgent money for the "
    "hardest-hit communities.",
    "Meteorologists at the Bologna weather service anticipated the downpour to lessen by "
    "Thursday, though mudslides obstructed no fewer than 250 routes in the slopes near Ravenna "
    "and Forlì.",
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
