"""The tree-ensemble evaluator and the shipped cleaner models."""

import math

import pytest

from eventwire.clean.trees import LEAF, ensemble_from_dict, load_ensemble


def _stump(feature: int, threshold: float, low: float, high: float) -> dict:
    return {
        "feature": [feature, LEAF, LEAF],
        "threshold": [threshold, 0.0, 0.0],
        "left": [1, -1, -1],
        "right": [2, -1, -1],
        "value": [0.0, low, high],
    }


def test_ensemble_sums_leaves_and_applies_logistic():
    model = ensemble_from_dict(
        {
            "init": 0.5,
            "rate": 0.1,
            "features": 2,
            "trees": [_stump(0, 1.0, -2.0, 3.0), _stump(1, 0.0, 1.0, -1.0)],
        }
    )
    assert model.log_odds([0.5, 1.0]) == pytest.approx(0.5 + 0.1 * (-2.0 - 1.0))
    assert model.log_odds([2.0, -1.0]) == pytest.approx(0.5 + 0.1 * (3.0 + 1.0))
    assert model.probability([2.0, -1.0]) == pytest.approx(1 / (1 + math.exp(-0.9)))
    assert model.threshold == 0.5


def test_ensemble_rejects_rows_of_the_wrong_length():
    model = ensemble_from_dict({"init": 0.0, "rate": 1.0, "features": 2, "trees": []})
    with pytest.raises(ValueError, match="expected 2 features"):
        model.log_odds([1.0])


@pytest.mark.parametrize("name", ["title_model.json", "block_model.json"])
def test_shipped_models_load_with_consistent_trees(name):
    model = load_ensemble(name)
    assert len(model.trees) >= 50
    assert 0.0 < model.threshold < 1.0
    for tree in model.trees:
        for node, feature in enumerate(tree.feature):
            if feature != LEAF:
                assert 0 <= feature < model.features
                assert node < tree.left[node] < len(tree.feature)
                assert node < tree.right[node] < len(tree.feature)
