"""The core against an independent formulation, over every possible completed questionnaire."""

import itertools

import pytest

from scoring_practice import startback
from scoring_practice.startback import InvalidAnswers, RiskGroup

AGREEMENT = ("agree", "disagree")
ITEM_9 = ("not_at_all", "slightly", "moderately", "very_much", "extremely")


def every_answer_set():
    for first_eight in itertools.product(AGREEMENT, repeat=8):
        for ninth in ITEM_9:
            yield {str(n): answer for n, answer in enumerate((*first_eight, ninth), start=1)}


def reference_scoring(answers: dict[str, str]) -> tuple[int, int, str]:
    """Keele's rules written out apart from the core: items scored, then summed, then ranked."""
    points = [1 if answers[str(n)] == "agree" else 0 for n in range(1, 9)]
    points.append(1 if answers["9"] in ("very_much", "extremely") else 0)
    total = sum(points)
    subscale = points[4] + points[5] + points[6] + points[7] + points[8]
    if total <= 3:
        risk = "low"
    elif subscale >= 4:
        risk = "high"
    else:
        risk = "medium"
    return total, subscale, risk


def test_every_one_of_the_1280_answer_sets_scores_as_keele_defines():
    answer_sets = list(every_answer_set())
    assert len(answer_sets) == 2**8 * 5 == 1280
    groups = set()
    for answers in answer_sets:
        result = startback.score(answers)
        assert (result.total, result.psychosocial, result.risk.value) == reference_scoring(answers)
        groups.add(result.risk)
    assert groups == set(RiskGroup)


def ticked(*agreed: int, item_9: str = "not_at_all") -> dict[str, str]:
    answers = {str(n): "agree" if n in agreed else "disagree" for n in range(1, 9)}
    answers["9"] = item_9
    return answers


@pytest.mark.parametrize(
    ("answers", "total", "subscale", "risk"),
    [
        pytest.param(ticked(), 0, 0, RiskGroup.LOW, id="nothing ticked"),
        pytest.param(ticked(1, 2, 3), 3, 0, RiskGroup.LOW, id="total 3 is low"),
        pytest.param(ticked(1, 2, 3, 4), 4, 0, RiskGroup.MEDIUM, id="total 4 is medium"),
        pytest.param(ticked(5, 6, 7), 3, 3, RiskGroup.LOW, id="subscale 3 with total 3 is low"),
        pytest.param(ticked(1, 5, 6, 7), 4, 3, RiskGroup.MEDIUM, id="subscale 3 total 4 medium"),
        pytest.param(ticked(5, 6, 7, 8), 4, 4, RiskGroup.HIGH, id="subscale 4 is high"),
        pytest.param(
            ticked(5, 6, 7, item_9="very_much"), 4, 4, RiskGroup.HIGH, id="item 9 makes it high"
        ),
        pytest.param(
            ticked(5, 6, 7, item_9="moderately"),
            3,
            3,
            RiskGroup.LOW,
            id="moderately does not count",
        ),
        pytest.param(
            ticked(1, 2, 3, 4, 5, 6, 7, item_9="moderately"),
            7,
            3,
            RiskGroup.MEDIUM,
            id="total 7 still medium without subscale 4",
        ),
        pytest.param(
            ticked(1, 2, 3, 4, 5, 6, 7, 8, item_9="extremely"),
            9,
            5,
            RiskGroup.HIGH,
            id="everything ticked",
        ),
        pytest.param(
            ticked(1, 4, 7, 8, item_9="extremely"),
            5,
            3,
            RiskGroup.MEDIUM,
            id="the wrong subscale items 1,4,7,8,9 would say high; 5-9 says medium",
        ),
    ],
)
def test_named_boundaries(answers, total, subscale, risk):
    result = startback.score(answers)
    assert (result.total, result.psychosocial, result.risk) == (total, subscale, risk)


def test_integer_and_string_item_keys_score_alike():
    as_strings = ticked(1, 5, 6, item_9="very_much")
    as_integers = {int(key): value for key, value in as_strings.items()}
    assert startback.score(as_integers) == startback.score(as_strings)


@pytest.mark.parametrize(
    ("change", "item", "message"),
    [
        ({"3": None}, 3, "Answer item 3"),
        ({"4": ""}, 4, "Answer item 4"),
        ({"2": "yes"}, 2, 'Item 2 must be one of: "disagree", "agree"'),
        ({"9": "agree"}, 9, 'Item 9 must be one of: "not_at_all"'),
        ({"1": 1}, 1, "Item 1 must be one of"),
        ({"10": "agree"}, None, "There is no item 10"),
        ({"01": "agree"}, None, "There is no item 01"),
        ({"9" * 5000: "agree"}, None, "There is no item 999"),
    ],
)
def test_unscorable_answers_name_the_item(change, item, message):
    answers = {**ticked(), **change}
    with pytest.raises(InvalidAnswers) as raised:
        startback.score(answers)
    assert raised.value.errors[item].startswith(message)


def test_a_missing_item_is_named():
    answers = ticked()
    del answers["7"]
    assert startback.answers_errors(answers) == {7: "Answer item 7"}


def test_the_wording_is_keeles_and_carries_the_copyright_line():
    assert [item.number for item in startback.ITEMS] == list(range(1, 10))
    assert startback.item(5).text == (
        "It's not really safe for a person with a condition like mine to be physically active"
    )
    assert startback.item(9).text == (
        "Overall, how bothersome has your back pain been in the last 2 weeks?"
    )
    assert [option.label for option in startback.item(9).options] == [
        "Not at all",
        "Slightly",
        "Moderately",
        "Very much",
        "Extremely",
    ]
    # Keele asks that the copyright and funding statement stays with the tool.
    assert startback.COPYRIGHT == "Copyright ©2007 Keele University"
    assert "Arthritis Research UK (now Versus Arthritis)" in startback.FUNDING
    assert startback.COPYRIGHT in startback.STATEMENT
    # Keele's own statement, word for word, with its source and the funder's present name.
    assert f"“{startback.KEELE_STATEMENT}”" in startback.STATEMENT
    assert startback.KEELE_STATEMENT.startswith(
        "The copyright (©2007) of the STarT Back Screening Tool and associated materials is owned "
        "by Keele University, the development of which was part funded by Arthritis Research UK:"
    )
    assert "not intended to recommend the use of any particular product" in startback.STATEMENT
    assert startback.STATEMENT_SOURCE in startback.STATEMENT
    assert "now Versus Arthritis" in startback.STATEMENT
    assert startback.item(8).construct == "Low mood"
    assert startback.PREAMBLE.endswith("questions:")
    assert [item.number for item in startback.ITEMS if item.psychosocial] == [5, 6, 7, 8, 9]


def test_every_risk_group_has_a_matched_treatment_and_no_local_services_menu():
    for risk in RiskGroup:
        treatment = startback.matched_treatment(risk)
        assert treatment.risk is risk
        assert treatment.involves
        assert not hasattr(treatment, "backpac_options")
        assert "BackPAC" not in f"{treatment.summary} {treatment.involves}"
    high = startback.matched_treatment("high")
    assert "psychologically informed" in high.title.lower()
    # Pain management is NICE's and local pathways' step, not Keele's matched treatment.
    assert "NICE NG59" in " ".join(high.involves) and "not part of Keele" in " ".join(high.involves)
    assert "not replicated in US trials" in high.summary
    assert "physiotherapy" in startback.matched_treatment("medium").title.lower()


def test_explanation_points_to_what_drives_the_group():
    high = startback.score(ticked(1, 5, 6, 7, item_9="very_much"))
    assert "subscale is 4 of 5" in startback.explain(high)[0]
    medium = startback.score(ticked(1, 2, 3, 5, 6))
    assert "below the 4 that would make it high" in startback.explain(medium)[0]
    low = startback.score(ticked(2))
    assert startback.explain(low)[0].startswith("The total is 1 of 9")


def test_classify_refuses_impossible_scores():
    with pytest.raises(ValueError):
        startback.classify(total=2, psychosocial=3)
    with pytest.raises(ValueError):
        startback.classify(total=10, psychosocial=0)
