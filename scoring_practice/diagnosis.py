"""The diagnosis engine: which classic scoring mistake, if any, explains a trainee's answer.

Pure Python over the scoring core: no Django import, so every rule is tested on every answer set.
The vignette feedback and the drill both use it.

`diagnose` takes the answers the trainee scored (keyed 1–9, with the API's answer values) and what
they gave: a total and a psychosocial subscale (either may be None, as in the drill's risk-only
answers) and a risk group. It returns the mistakes the evidence shows, each once, in this order of
preference, simplest explanation first:

1. The numbers. A number that is right names nothing. A total or subscale one point too high with
   "Moderately" on item 9 is `item9_moderately`; a subscale one point too low when item 9 scores
   is `item9_left_out` (items 5 to 8 summed). A subscale that is the sum of items 1, 4, 7, 8 and 9
   (the list some secondary sources print) is `subscale_wrong_items`, but only when it is two or
   more points out: a one-point slip has a simpler explanation. Anything else wrong is
   `arithmetic`.
2. The group. A right group never carries a group mistake. A wrong group that follows from the
   trainee's own numbers is explained by the numbers (step 1). Otherwise, judged on their numbers
   (or the true ones, for the figures not given): high with a subscale of 3 is
   `subscale_cutoff_3`; high with a total of 4 or more and a lower subscale is `high_from_total`;
   medium when the subscale is 4 or more is `high_called_medium`; medium with a total of 3 is
   `total_3_called_medium`. For a risk-only answer, a group that counting "Moderately" would give
   is `item9_moderately` first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scoring_practice import startback

ITEM9_MODERATELY = "item9_moderately"
ITEM9_LEFT_OUT = "item9_left_out"
SUBSCALE_WRONG_ITEMS = "subscale_wrong_items"
HIGH_FROM_TOTAL = "high_from_total"
SUBSCALE_CUTOFF_3 = "subscale_cutoff_3"
HIGH_CALLED_MEDIUM = "high_called_medium"
TOTAL_3_CALLED_MEDIUM = "total_3_called_medium"
ARITHMETIC = "arithmetic"

# The subscale items some secondary sources print, wrongly; the subscale is items 5 to 9.
WRONG_SUBSCALE_ITEMS: tuple[int, ...] = (1, 4, 7, 8, 9)


@dataclass(frozen=True)
class Mistake:
    """One of the classic mistakes: what it is called and what the rule really is."""

    code: str
    title: str
    explanation: str


MISTAKES: dict[str, Mistake] = {
    mistake.code: mistake
    for mistake in (
        Mistake(
            ITEM9_MODERATELY,
            "Item 9: “Moderately” counted as a point",
            "On item 9 only “Very much” and “Extremely” score 1. “Not at all”, “Slightly” and "
            "“Moderately” all score 0.",
        ),
        Mistake(
            ITEM9_LEFT_OUT,
            "Item 9 left out of the subscale",
            "The psychosocial subscale is items 5, 6, 7, 8 and 9. Item 9 (how bothersome) counts "
            "in the subscale as well as in the total.",
        ),
        Mistake(
            SUBSCALE_WRONG_ITEMS,
            "The subscale was built from the wrong items",
            "The psychosocial subscale is items 5, 6, 7, 8 and 9 (fear, anxiety, "
            "catastrophising, low mood and bothersomeness). Some secondary sources wrongly list "
            "items 1, 4, 7, 8 and 9.",
        ),
        Mistake(
            HIGH_FROM_TOTAL,
            "A total of 4 or more called high risk without checking the subscale",
            "A total of 4 or more rules out low risk, but only a psychosocial subscale of 4 or "
            "more makes a patient high risk. A total of 4 or more with a subscale of 3 or less is "
            "medium risk.",
        ),
        Mistake(
            SUBSCALE_CUTOFF_3,
            "A subscale of 3 called high risk",
            "The subscale cut-off for high risk is 4 or more, not 3. A subscale of 3 with a total "
            "of 4 or more is medium risk.",
        ),
        Mistake(
            HIGH_CALLED_MEDIUM,
            "A high-risk patient called medium risk",
            "Check the subscale before the total: a psychosocial subscale of 4 or more is high "
            "risk whatever the total. Stopping at “total of 4 or more, so medium” misses it.",
        ),
        Mistake(
            TOTAL_3_CALLED_MEDIUM,
            "A total of 3 called medium risk",
            "The low-risk cut-off is a total of 3 or less. Medium risk starts at a total of 4.",
        ),
        Mistake(
            ARITHMETIC,
            "The scores do not add up",
            "Each item scores 0 or 1: items 1 to 8 score 1 for “Agree”, item 9 scores 1 for "
            "“Very much” or “Extremely”. The total adds all nine; the subscale adds items 5 to 9.",
        ),
    )
}


@dataclass(frozen=True)
class Diagnosis:
    """A mistake as it showed in one answer, with the figures that give it away."""

    code: str
    detail: str

    @property
    def mistake(self) -> Mistake:
        return MISTAKES[self.code]

    @property
    def title(self) -> str:
        return self.mistake.title

    @property
    def explanation(self) -> str:
        return self.mistake.explanation


def _points(true: startback.Score, numbers: tuple[int, ...]) -> int:
    return sum(true.item_scores[n - 1] for n in numbers)


def _numbers_diagnosis(
    *, true: startback.Score, moderately: bool, total: int | None, psychosocial: int | None
) -> list[Diagnosis]:
    """Step 1: the total and subscale given, each either right or explained once."""
    found: list[Diagnosis] = []
    item9_scores = true.item_scores[8] == 1
    item9_high: list[str] = []
    wrong: list[str] = []

    if total is not None and total != true.total:
        if moderately and total == true.total + 1:
            item9_high.append(f"your total of {total} is one more than the true {true.total}")
        else:
            wrong.append(f"your total is {total}; the items add up to {true.total}")

    if psychosocial is not None and psychosocial != true.psychosocial:
        difference = psychosocial - true.psychosocial
        wrong_items_sum = _points(true, WRONG_SUBSCALE_ITEMS)
        if moderately and difference == 1:
            item9_high.append(
                f"your subscale of {psychosocial} is one more than the true {true.psychosocial}"
            )
        elif item9_scores and difference == -1:
            found.append(
                Diagnosis(
                    ITEM9_LEFT_OUT,
                    f"Your subscale of {psychosocial} is items 5 to 8 alone; with item 9, which "
                    f"scores 1 here, the subscale is {true.psychosocial}.",
                )
            )
        elif abs(difference) >= 2 and psychosocial == wrong_items_sum:
            found.append(
                Diagnosis(
                    SUBSCALE_WRONG_ITEMS,
                    f"Your subscale of {psychosocial} is the sum of items 1, 4, 7, 8 and 9. "
                    f"Items 5 to 9 here sum to {true.psychosocial}.",
                )
            )
        else:
            wrong.append(
                f"your subscale is {psychosocial}; items 5 to 9 add up to {true.psychosocial}"
            )

    if item9_high:
        found.insert(
            0,
            Diagnosis(
                ITEM9_MODERATELY,
                "Item 9 is “Moderately”, which scores 0; " + " and ".join(item9_high) + ".",
            ),
        )
    if wrong:
        found.append(Diagnosis(ARITHMETIC, _sentence(" and ".join(wrong)) + "."))
    return found


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:]


def _group_diagnosis(*, risk: str, total: int, psychosocial: int) -> Diagnosis | None:
    """Step 2: a wrong group, judged on the numbers the trainee worked from."""
    high_min = startback.PSYCHOSOCIAL_HIGH_MIN
    if risk == startback.RiskGroup.HIGH and psychosocial < high_min:
        if psychosocial == high_min - 1:
            return Diagnosis(
                SUBSCALE_CUTOFF_3,
                f"The subscale is {psychosocial}: high risk needs 4 or more, so with a total of "
                f"{total} this is {_group(total, psychosocial)} risk.",
            )
        if total > startback.TOTAL_LOW_MAX:
            return Diagnosis(
                HIGH_FROM_TOTAL,
                f"The total is {total}, but the subscale is {psychosocial}: this is medium risk, "
                "not high.",
            )
    if risk == startback.RiskGroup.MEDIUM:
        if psychosocial >= high_min:
            return Diagnosis(
                HIGH_CALLED_MEDIUM,
                f"The subscale is {psychosocial}, which makes this high risk whatever the total "
                f"({total}).",
            )
        if total == startback.TOTAL_LOW_MAX:
            return Diagnosis(
                TOTAL_3_CALLED_MEDIUM,
                "The total is 3, and a total of 3 or less is low risk.",
            )
    return None


def _group(total: int, psychosocial: int) -> str:
    return startback.classify(total=total, psychosocial=psychosocial).value


def diagnose(
    *,
    answers: Mapping[int, str],
    total: int | None,
    psychosocial: int | None,
    risk: str,
) -> tuple[Diagnosis, ...]:
    """The mistakes that explain this answer for these item answers; empty when it is right.

    Raises `startback.InvalidAnswers` if the answers cannot be scored.
    """
    true = startback.score(answers)
    moderately = answers.get(9) == startback.Bothersomeness.MODERATELY
    found = _numbers_diagnosis(
        true=true, moderately=moderately, total=total, psychosocial=psychosocial
    )
    if risk == true.risk.value or not risk:
        return tuple(found)

    # The trainee's own figures. For one they did not give, the true figure stands in, counting
    # item 9 if their other figure shows they counted "Moderately".
    counted = 1 if any(seen.code == ITEM9_MODERATELY for seen in found) else 0
    own_total = true.total + counted if total is None else total
    own_psychosocial = true.psychosocial + counted if psychosocial is None else psychosocial
    own_group = (
        _group(own_total, own_psychosocial) if 0 <= own_psychosocial <= own_total <= 9 else None
    )
    if found and risk == own_group:
        return tuple(found)  # the group follows from the numbers, which are already explained

    # "Moderately" scores 0, so counting it cannot take the total past 9.
    risk_only = total is None and psychosocial is None
    if risk_only and moderately and risk == _group(true.total + 1, true.psychosocial + 1):
        return (
            Diagnosis(
                ITEM9_MODERATELY,
                f"Item 9 is “Moderately”, which scores 0. Counting it would give a total of "
                f"{true.total + 1} and a subscale of {true.psychosocial + 1}: {risk} risk, "
                f"the group you chose; the true group is {true.risk.value} risk.",
            ),
        )

    group_mistake = _group_diagnosis(
        risk=risk, total=own_total, psychosocial=min(own_psychosocial, own_total)
    )
    if group_mistake is not None:
        found.append(group_mistake)
    return tuple(found)
