"""`newsevents evaluate GOLD.jsonl`: score the coder against annotated items."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsevents.cli._app import ClassifierOption, app, user_errors
from newsevents.evaluate import INTERVAL_LEVEL, MEASURES, Report, code_items, evaluate_gold
from newsevents.events import CLASSIFIER_NAME
from newsevents.pipeline import Options, Pipeline


@app.command("evaluate")
@user_errors
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines file (see data/gold/README.md).")],
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    per_type: Annotated[bool, typer.Option("--per-type", help="Show per-type P/R/F1.")] = False,
    errors: Annotated[int, typer.Option("--errors", help="Show N misses and N false events.")] = 0,
    classifier: ClassifierOption = CLASSIFIER_NAME,
) -> None:
    """Precision, recall and F1 of the coder on a gold file, plus modality and dates."""
    pipeline = Pipeline(Options(classifier=classifier))
    _ = pipeline.coder  # a bad setting is the user's error, not every item's
    report = evaluate_gold(gold, lambda items: code_items(items, pipeline))
    if json_:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    _print(report, per_type=per_type, errors=errors)


def _reliability(bands: object) -> Table:
    """How often the events of each confidence band are right: where to set a threshold."""
    table = Table("confidence", "events", "type right", "type+actors right", title="reliability")
    assert isinstance(bands, dict)
    for band, counts in bands.items():
        table.add_row(
            band,
            str(counts["events"]),
            f"{counts['type_right']:.2f}",
            f"{counts['type_actors_right']:.2f}",
        )
    return table


def _print(report: Report, *, per_type: bool, errors: int) -> None:
    out = Console()
    summary = report.as_dict()
    table = Table(
        "measure",
        "P",
        "R",
        "F1",
        f"F1 {INTERVAL_LEVEL:.0%} interval",
        title=f"{report.items} items, "
        f"{report.events_gold} gold events, {report.events_predicted} predicted",
        caption="interval: bootstrap over items",
    )
    intervals = summary["f1_intervals"]
    assert isinstance(intervals, dict)
    for key in MEASURES:
        s = summary[key]
        assert isinstance(s, dict)
        low, high = intervals[key]
        table.add_row(
            key, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}", f"{low:.3f}-{high:.3f}"
        )
    out.print(table)
    figures = summary["magnitudes"]
    assert isinstance(figures, dict)
    out.print(
        f"modality accuracy: {summary['modality_accuracy']}   "
        f"date accuracy: {summary['date_accuracy']}\n"
        f"on matched events: source country {summary['source_country_accuracy']}   "
        f"target country {summary['target_country_accuracy']}   "
        f"sector {summary['sector_accuracy']}\n"
        f"place, on {summary['places_scored']} matched events with a gold location: "
        f"country {summary['place_country_accuracy']}   "
        f"admin1 {summary['place_admin1_accuracy']}\n"
        f"magnitudes, on matched events with gold figures: {summary['magnitude_accuracy']}"
        + "".join(f"   {k} {v}" for k, v in figures.items())
    )
    if per_type:
        types = Table("type", "P", "R", "F1", "gold", "predicted", title="per type")
        for kind, s in sorted(report.per_type.items()):
            types.add_row(
                kind, f"{s.p:.2f}", f"{s.r:.2f}", f"{s.f1:.2f}", str(s.tp + s.fn), str(s.tp + s.fp)
            )
        out.print(types)
    out.print(_reliability(summary["reliability"]))
    for miss in report.misses[:errors]:
        out.print(
            f"[yellow]missed[/] {miss['type']} ({miss['item']}): {miss['evidence']}",
            highlight=False,
        )
    for false in report.false_events[:errors]:
        out.print(
            f"[red]false[/] {false['type']} {false['source']}->{false['target']} "
            f"({false['item']}): {false['sentence']}",
            highlight=False,
        )
