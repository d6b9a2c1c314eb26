"""The field's formats: PLOVER JSON records and GDELT 2.0 event rows.

PLOVER types map to CAMEO codes through `data/plover_cameo.tsv` (a readable table a
user can correct), which also gives the Goldstein score; QuadClass follows from the
CAMEO root code as in GDELT.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from newsevents.model import Document
from newsevents.place import fips_code
from newsevents.plover import cameo_for, quad_class
from newsevents.store import EVENT_COLUMNS, event_record

# GDELT 2.0 event table columns, in file order (the files have no header row).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{field}"
        for n in (1, 2)
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{field}"
        for who in ("Actor1", "Actor2", "Action")
        for field in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 event row (tab-separated fields) for a flat event row."""
    code, goldstein = cameo_for(row["type"], row.get("mode"))
    when = _day(row.get("date_start")) or _day(row.get("published_at"))
    fields: dict[str, object] = dict.fromkeys(GDELT_COLUMNS, "")
    fields |= {
        "GLOBALEVENTID": int(str(row["event_id"])[:15], 16),
        "IsRootEvent": 1,
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": code[:2],
        "QuadClass": quad_class(code),
        "GoldsteinScale": goldstein,
        # One row per happening when the counts are given (see Store.iter_first_reports).
        "NumMentions": row.get("num_mentions") or 1,
        "NumSources": row.get("num_sources") or 1,
        "NumArticles": row.get("num_articles") or 1,
        "AvgTone": 0,
        "SOURCEURL": row.get("url") or row.get("origin") or "",
    }
    if when is not None:
        fields |= {
            "SQLDATE": when.strftime("%Y%m%d"),
            "MonthYear": when.strftime("%Y%m"),
            "Year": when.year,
            "FractionDate": round(when.year + when.timetuple().tm_yday / 365, 4),
            "DATEADDED": when.strftime("%Y%m%d") + "000000",
        }
    if row.get("place_name"):
        fields |= _action_geo(row)
    for number, side in ((1, "source"), (2, "target")):
        fields |= {
            f"Actor{number}Code": row.get(f"{side}_code") or "",
            f"Actor{number}Name": (row.get(f"{side}_text") or "").upper(),
            f"Actor{number}CountryCode": row.get(f"{side}_country") or "",
            f"Actor{number}Type1Code": row.get(f"{side}_sector") or "",
        }
    return ["" if v is None else str(v) for v in fields.values()]


def _action_geo(row: dict[str, Any]) -> dict[str, object]:
    """GDELT's ActionGeo fields: type 1 country, 2 US state, 3 US city, 4 world city,
    5 world state (a landmark is a place of its city); FIPS country code, and the
    division's code after it (GeoNames admin1 codes are FIPS 10-4 ones, or US states')."""
    country, feature = row.get("place_country"), row.get("place_feature")
    fips, admin1 = fips_code(country), row.get("place_admin1")
    us = country == "USA"
    kind = {
        "country": 1,
        "region": 1,
        "admin1": 2 if us else 5,
        "admin2": 2 if us else 5,
        "city": 3 if us else 4,
        "landmark": 3 if us else 4,
    }.get(str(feature), "")
    return {
        "ActionGeo_Type": kind,
        "ActionGeo_FullName": row["place_name"],
        "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": f"{fips}{admin1}" if fips and admin1 else fips,
        "ActionGeo_Lat": row.get("place_lat"),
        "ActionGeo_Long": row.get("place_lon"),
        "ActionGeo_FeatureID": row.get("place_geonames_id"),
    }


def document_rows(document: Document) -> list[dict[str, Any]]:
    """A coded document's events as flat rows (`store.EVENT_COLUMNS`), without a database."""
    context = {
        "doc_id": document.id,
        "url": document.url,
        "origin": document.origin,
        "published_at": document.published_at,
        "duplicate_of": document.duplicate.of if document.duplicate else None,
    }
    rows = []
    for event in document.events:
        qids = {
            f"{side}_qid": mention.actor.qid if mention else None
            for side, mention in (("source", event.source), ("target", event.target))
        }
        record = event_record(event) | context | qids | {"event_id": event.id}
        # No happening yet: merging across documents is the store's (or Spark's) step.
        rows.append({name: record.get(name) for name in EVENT_COLUMNS})
    return rows


# PLOVER's magnitude fields: "dead", "injured" and "size" (of a crowd or a group);
# arrests and the displaced (deported) have none of their own, and keep their names.
_PLOVER_MAGNITUDE = {
    "killed": "dead",
    "injured": "injured",
    "crowd": "size",
    "arrested": "arrested",
    "displaced": "displaced",
}


def _plover_magnitude(row: dict[str, Any]) -> dict[str, Any]:
    """The figures a mention states, under PLOVER's names, with each one's words and
    character span in `text` (empty when it states none)."""
    details = row.get("magnitudes") or {}
    if isinstance(details, str):  # a row read back from a CSV or Parquet file
        details = json.loads(details)
    found: dict[str, Any] = {}
    for kind, name in _PLOVER_MAGNITUDE.items():
        if row.get(kind) is None:
            continue
        found[name] = row[kind]
        detail = details.get(kind)
        if detail:
            found[f"{name}_text"] = {
                "text": detail.get("text"),
                "text_span": [detail.get("start"), detail.get("end")],
                "low": detail.get("low"),
                "high": detail.get("high"),
            }
    return found


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER JSON event record for a flat event row."""

    def actor(side: str) -> dict[str, Any] | None:
        if not row.get(f"{side}_code"):
            return None
        return {
            "text": row.get(f"{side}_text"),
            "code": row.get(f"{side}_code"),
            "country": row.get(f"{side}_country"),
            "sector": row.get(f"{side}_sector"),
            "wikidata": row.get(f"{side}_qid"),
            "text_span": [row.get(f"{side}_start"), row.get(f"{side}_end")],
        }

    return {
        "id": row["event_id"],
        "event": row["type"],
        "mode": row.get("mode") or "",
        "context": "",
        "modality": row.get("modality"),
        "date": row.get("date_start"),
        "date_end": row.get("date_end"),
        "date_resolution": row.get("date_granularity"),
        "date_text": row.get("date_expression"),
        "actor": actor("source"),
        "recipient": actor("target"),
        "confidence": row.get("confidence"),
        "magnitude": _plover_magnitude(row),
        "text_info": {
            "sentence": row.get("sentence"),
            "sentence_span": [row.get("sentence_start"), row.get("sentence_end")],
            "trigger": row.get("trigger"),
            "trigger_span": [row.get("trigger_start"), row.get("trigger_end")],
        },
        "cite_info": {
            "doc_id": row.get("doc_id"),
            "url": row.get("url"),
            "origin": row.get("origin"),
            "published": row.get("published_at"),
            "coder": row.get("coder_version"),
        },
    }
