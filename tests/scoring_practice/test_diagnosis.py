"""The diagnosis engine over all 1,280 answer sets: every simulated mistake, named once and only
when the numbers show it, and nothing for a right answer."""

import itertools

import pytest

from scoring_practice import diagnosis as d

AGREEMENT = ("agree", "disagree")
ITEM_9 = ("not_at_all", "slightly", "moderately", "very_much", "extremely")


def every_answer_set():
    for first_eight in itertools.product(AGREEMENT, repeat=8):
        for ninth in ITEM_9:
            yield dict(enumerate((*first_eight, ninth), start=1))


ANSWER_SETS = list(every_answer_set())


def points(answers, *, count_moderately=False) -> list[int]:
    """Each item's point, as a trainee scores it (written apart from the core)."""
    scored = [1 if answers[n] == "agree" else 0 for n in range(1, 9)]
    item_9 = (
        ("moderately", "very_much", "extremely") if count_moderately else ("very_much", "extremely")
    )
    scored.append(1 if answers[9] in item_9 else 0)
    return scored


def group(total: int, subscale: int) -> str:
    if subscale >= 4:
        return "high"
    return "low" if total <= 3 else "medium"


def truth(answers):
    p = points(answers)
    total, subscale = sum(p), sum(p[4:9])
    return total, subscale, group(total, subscale)


def codes(answers, total, subscale, risk) -> tuple[str, ...]:
    found = tuple(
        m.code for m in d.diagnose(answers=answers, total=total, psychosocial=subscale, risk=risk)
    )
    assert len(found) == len(set(found)), found  # no mistake is named twice
    return found


def test_there_are_1280_answer_sets():
    assert len(ANSWER_SETS) == 1280


def test_a_right_answer_names_nothing_with_or_without_the_numbers():
    for answers in ANSWER_SETS:
        total, subscale, risk = truth(answers)
        assert codes(answers, total, subscale, risk) == ()
        assert codes(answers, None, None, risk) == ()
        assert codes(answers, total, None, risk) == ()


def test_counting_moderately_on_item_9_is_named_once_whatever_it_does_to_the_group():
    tried = 0
    for answers in ANSWER_SETS:
        if answers[9] != "moderately":
            continue
        p = points(answers, count_moderately=True)
        total, subscale = sum(p), sum(p[4:9])
        assert codes(answers, total, subscale, group(total, subscale)) == (d.ITEM9_MODERATELY,)
        assert codes(answers, total, None, group(total, subscale)) == (d.ITEM9_MODERATELY,)
        true_risk = truth(answers)[2]
        expected = () if group(total, subscale) == true_risk else (d.ITEM9_MODERATELY,)
        assert codes(answers, None, None, group(total, subscale)) == expected
        tried += 1
    assert tried == 256


def test_leaving_item_9_out_of_the_subscale_is_named_and_never_taken_for_wrong_items():
    tried = 0
    for answers in ANSWER_SETS:
        total, subscale, _ = truth(answers)
        p = points(answers)
        if not p[8]:
            continue  # item 9 scores 0, so leaving it out changes nothing
        left_out = sum(p[4:8])
        assert codes(answers, total, left_out, group(total, left_out)) == (d.ITEM9_LEFT_OUT,)
        tried += 1
    assert tried == 512


def test_the_wrong_subscale_items_are_named_only_when_no_simpler_explanation_fits():
    named = 0
    for answers in ANSWER_SETS:
        total, subscale, _ = truth(answers)
        p = points(answers)
        wrong = p[0] + p[3] + p[6] + p[7] + p[8]
        found = codes(answers, total, wrong, group(total, min(wrong, total)))
        if wrong == subscale:
            assert d.SUBSCALE_WRONG_ITEMS not in found
        elif abs(wrong - subscale) >= 2:
            assert found == (d.SUBSCALE_WRONG_ITEMS,)
            named += 1
        else:
            # One point out: a single miscounted item explains it more simply.
            assert d.SUBSCALE_WRONG_ITEMS not in found
            assert found and set(found) <= {d.ITEM9_MODERATELY, d.ITEM9_LEFT_OUT, d.ARITHMETIC}
    assert named > 0


def test_a_medium_case_called_high_names_the_cutoff_or_the_total_it_was_taken_from():
    for answers in ANSWER_SETS:
        total, subscale, risk = truth(answers)
        if risk != "medium":
            continue
        expected = d.SUBSCALE_CUTOFF_3 if subscale == 3 else d.HIGH_FROM_TOTAL
        assert codes(answers, total, subscale, "high") == (expected,)
        risk_only = codes(answers, None, None, "high")
        if answers[9] == "moderately" and group(total + 1, subscale + 1) == "high":
            assert risk_only == (d.ITEM9_MODERATELY,)  # counting it gives exactly this group
        else:
            assert risk_only == (expected,)


def test_a_high_case_called_medium_is_named():
    tried = 0
    for answers in ANSWER_SETS:
        total, subscale, risk = truth(answers)
        if risk != "high":
            continue
        assert codes(answers, total, subscale, "medium") == (d.HIGH_CALLED_MEDIUM,)
        assert codes(answers, None, None, "medium") == (d.HIGH_CALLED_MEDIUM,)
        tried += 1
    assert tried > 0


def test_a_total_of_3_called_medium_is_named():
    tried = 0
    for answers in ANSWER_SETS:
        total, subscale, _ = truth(answers)
        if total != 3:
            continue
        assert codes(answers, total, subscale, "medium") == (d.TOTAL_3_CALLED_MEDIUM,)
        risk_only = codes(answers, None, None, "medium")
        if answers[9] == "moderately" and group(4, subscale + 1) == "medium":
            assert risk_only == (d.ITEM9_MODERATELY,)  # counting it gives exactly this group
        else:
            assert risk_only == (d.TOTAL_3_CALLED_MEDIUM,)
        tried += 1
    assert tried > 0


def test_a_right_group_never_carries_a_group_mistake():
    group_codes = {
        d.HIGH_FROM_TOTAL,
        d.SUBSCALE_CUTOFF_3,
        d.HIGH_CALLED_MEDIUM,
        d.TOTAL_3_CALLED_MEDIUM,
    }
    for answers in ANSWER_SETS:
        total, subscale, risk = truth(answers)
        for given_total in range(10):
            for given_subscale in range(min(given_total, 5) + 1):
                found = set(codes(answers, given_total, given_subscale, risk))
                assert not found & group_codes


@pytest.mark.parametrize("slip", [-2, -1, 1, 2])
def test_a_total_that_does_not_add_up_is_arithmetic_unless_item_9_explains_it(slip):
    for answers in ANSWER_SETS:
        total, subscale, risk = truth(answers)
        given = total + slip
        if not subscale <= given <= 9:
            continue
        found = codes(answers, given, subscale, risk)
        if slip == 1 and answers[9] == "moderately":
            assert found == (d.ITEM9_MODERATELY,)
        else:
            assert found == (d.ARITHMETIC,)


def test_every_named_mistake_has_a_title_an_explanation_and_figures():
    seen = set()
    for answers in ANSWER_SETS[::7]:
        total, subscale, _ = truth(answers)
        for risk in ("low", "medium", "high"):
            for found in d.diagnose(answers=answers, total=total, psychosocial=subscale, risk=risk):
                assert found.title and found.explanation and found.detail
                seen.add(found.code)
    assert seen
