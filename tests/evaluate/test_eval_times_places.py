from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.evaluate.metrics import harmonic, ratio
from eventwire.evaluate.places import distance_km, evaluate_places
from eventwire.evaluate.times import evaluate_times


def _row(text: str, key: str, items: list[dict[str, object]], **extra: object) -> dict:
    spans = []
    for item in items:
        start = text.index(str(item["text"]))
        spans.append({**item, "start": start, "end": start + len(str(item["text"]))})
    return {"id": f"fixture:{len(text)}", "text": text, key: spans, **extra}


def test_distance_km_matches_a_known_distance() -> None:
    # Paris (48.8566, 2.3522) to London (51.5074, -0.1278): about 344 km
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=2)


def test_f1_of_nothing_is_zero_and_of_no_data_undefined() -> None:
    assert harmonic(0.0, 0.0) == 0.0
    assert harmonic(1.0, 0.5) == pytest.approx(2 / 3)
    assert ratio(3, 0) is None and harmonic(None, 1.0) is None


def test_eval_times_scores_extent_type_and_value(nlp: Language) -> None:
    text = "The council met on March 3, 2020, and will meet again next week for two hours."
    gold = [
        {"text": "March 3, 2020", "type": "DATE", "value": "2020-03-03"},
        {"text": "two hours", "type": "DURATION", "value": "PT2H"},
        {"text": "again", "type": "DATE", "value": "FUTURE_REF"},  # a gold time we do not find
    ]
    report = evaluate_times([_row(text, "times", gold, published="2020-03-05")])
    assert report["gold_times"] == 3
    assert report["by_gold_type"]["DURATION"]["value_accuracy"] == 1.0
    assert report["extent_relaxed"]["recall"] < 1.0  # "again" is nobody's time


def test_eval_places_counts_only_located_gold(nlp: Language) -> None:
    text = "Aid trucks left Nairobi for Kisumu on Monday, officials in Springfield said."
    gold = [
        {"text": "Nairobi", "lat": -1.2833, "lon": 36.8167, "geonameid": "184745"},
        {"text": "Kisumu", "lat": -0.1022, "lon": 34.7617, "geonameid": "191245"},
        {"text": "Springfield", "lat": None, "lon": None, "geonameid": None},
    ]
    report = evaluate_places([_row(text, "places", gold)])
    assert report["gold_with_coordinates"] == 2
    assert report["accuracy_161km"] == 1.0
