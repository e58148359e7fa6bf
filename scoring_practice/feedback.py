"""The feedback engine: compares a trainee's answers with a vignette's reference and names mistakes.

Plain functions over the core's types and `Reference`; nothing here touches the database, so every
rule is unit-tested directly. The named mistakes are module constants: the feedback page shows their
titles and explanations, and the tests look for the same text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scoring_practice import startback
from scoring_practice.choices import REFERRAL
from scoring_practice.reference import Reference, items_list


@dataclass(frozen=True)
class Mistake:
    """One of the classic errors in using the tool, as the feedback names it."""

    code: str
    title: str
    explanation: str


MISTAKE_ITEM9_MODERATELY = Mistake(
    "item9_moderately",
    "Item 9: “Moderately” counted as a point",
    "On item 9 only “Very much” and “Extremely” score 1. “Not at all”, “Slightly” and "
    "“Moderately” all score 0.",
)
MISTAKE_HIGH_WITHOUT_SUBSCALE = Mistake(
    "high_without_subscale",
    "A total of 4 or more called high risk without checking the subscale",
    "A total of 4 or more rules out low risk, but only a psychosocial subscale (items 5 to 9) of "
    "4 or more makes it high risk. A total of 4 or more with a subscale of 3 or less is medium "
    "risk.",
)
MISTAKE_WRONG_SUBSCALE_ITEMS = Mistake(
    "wrong_subscale_items",
    "The subscale was built from the wrong items",
    "The psychosocial subscale is items 5, 6, 7, 8 and 9 (fear, anxiety, catastrophising, low "
    "mood and bothersomeness). Some secondary sources wrongly list items 1, 4, 7, 8 and 9.",
)
MISTAKE_RED_FLAG_MISSED = Mistake(
    "red_flag_missed",
    "A red flag was missed",
    "The tool is only used once serious pathology has been screened out. A patient with a red "
    "flag is not stratified: they need urgent or emergency referral, not a risk group.",
)
MISTAKE_NEEDLESS_REFERRAL = Mistake(
    "needless_referral",
    "A case without red flags was sent for urgent referral",
    "Nothing in this case suggests serious pathology, so it should be stratified with the tool "
    "and matched to the care for its risk group. Urgent referral is for red flags.",
)
MISTAKES: dict[str, Mistake] = {
    mistake.code: mistake
    for mistake in (
        MISTAKE_ITEM9_MODERATELY,
        MISTAKE_HIGH_WITHOUT_SUBSCALE,
        MISTAKE_WRONG_SUBSCALE_ITEMS,
        MISTAKE_RED_FLAG_MISSED,
        MISTAKE_NEEDLESS_REFERRAL,
    )
}

# Item sets trainees have been seen to sum instead of 5–9: the list some secondary sources print,
# the first five items, and the right window shifted by one.
WRONG_SUBSCALE_SETS: tuple[tuple[int, ...], ...] = (
    (1, 4, 7, 8, 9),
    (1, 2, 3, 4, 5),
    (4, 5, 6, 7, 8),
)


@dataclass(frozen=True)
class SeenMistake:
    """A named mistake as it showed in one attempt: the mistake and what gave it away."""

    mistake: Mistake
    detail: str

    @property
    def code(self) -> str:
        return self.mistake.code


@dataclass(frozen=True)
class Submission:
    """What the trainee answered. Fields not asked in the vignette's mode stay empty.

    `stratifiable` is the triage answer (triage mode only); when it is False, `red_flags` and
    `red_flag_action` (the key of the red flag whose action was chosen) say why and what next.
    """

    stratifiable: bool | None = None
    red_flags: tuple[str, ...] = ()
    red_flag_action: str = ""
    items: Mapping[int, str] | None = None
    total: int | None = None
    psychosocial: int | None = None
    risk: str = ""
    treatment: str = ""

    @property
    def stratified(self) -> bool:
        """Whether the trainee went on to score the case (anything but a triage "no")."""
        return self.stratifiable is not False

    def to_json(self) -> dict:
        return {
            "stratifiable": self.stratifiable,
            "red_flags": list(self.red_flags),
            "red_flag_action": self.red_flag_action,
            "items": None
            if self.items is None
            else {str(n): value for n, value in self.items.items()},
            "total": self.total,
            "psychosocial": self.psychosocial,
            "risk": self.risk,
            "treatment": self.treatment,
        }

    @classmethod
    def from_json(cls, data: Mapping) -> Submission:
        items = data.get("items")
        return cls(
            stratifiable=data.get("stratifiable"),
            red_flags=tuple(data.get("red_flags") or ()),
            red_flag_action=data.get("red_flag_action") or "",
            items=None if items is None else {int(n): value for n, value in items.items()},
            total=data.get("total"),
            psychosocial=data.get("psychosocial"),
            risk=data.get("risk") or "",
            treatment=data.get("treatment") or "",
        )


def arithmetic_mistakes(
    *,
    answers: Mapping[int, str],
    total: int | None,
    psychosocial: int | None,
    risk: str,
) -> list[SeenMistake]:
    """The scoring mistakes that explain the numbers and group given for these answers.

    `answers` are the item answers the trainee scored (the questionnaire shown, or their own
    answers from the story), so arithmetic is judged on what they had in front of them. A mistake
    is named only when the evidence points at it: a number one too high with "Moderately" on item
    9, a subscale that is the sum of a known wrong set of items, or "high" for a total of 4 or more
    with a subscale of 3 or less.
    """
    true = startback.score(answers)
    seen: list[SeenMistake] = []
    # Only a "Moderately" on item 9 can be miscounted as its point; it also leaves room for one
    # more point in the total and the subscale.
    moderately = answers.get(9) == startback.Bothersomeness.MODERATELY
    item9_in_total = moderately and total is not None and total == true.total + 1
    item9_in_subscale = (
        moderately and psychosocial is not None and psychosocial == true.psychosocial + 1
    )
    item9_in_risk_only = (
        moderately
        and total is None
        and psychosocial is None
        and risk != true.risk.value
        and risk
        == startback.classify(total=true.total + 1, psychosocial=true.psychosocial + 1).value
    )
    if item9_in_total or item9_in_subscale:
        given = []
        if item9_in_total:
            given.append(f"your total of {total} is one more than the true {true.total}")
        if item9_in_subscale:
            given.append(
                f"your subscale of {psychosocial} is one more than the true {true.psychosocial}"
            )
        detail = "Item 9 is “Moderately”, which scores 0; " + " and ".join(given) + "."
        seen.append(SeenMistake(MISTAKE_ITEM9_MODERATELY, detail))
    elif item9_in_risk_only:
        detail = (
            f"Item 9 is “Moderately”, which scores 0. Counting it would give a total of "
            f"{true.total + 1} and a subscale of {true.psychosocial + 1}: {risk} risk, the "
            f"group you chose; the true group is {true.risk.value} risk."
        )
        seen.append(SeenMistake(MISTAKE_ITEM9_MODERATELY, detail))

    if psychosocial is not None and psychosocial != true.psychosocial and not item9_in_subscale:
        for wrong_set in WRONG_SUBSCALE_SETS:
            wrong_sum = sum(true.item_scores[n - 1] for n in wrong_set)
            if wrong_sum == psychosocial:
                seen.append(
                    SeenMistake(
                        MISTAKE_WRONG_SUBSCALE_ITEMS,
                        f"Your subscale of {psychosocial} is the sum of {items_list(wrong_set)}. "
                        f"Items 5 to 9 here sum to {true.psychosocial}.",
                    )
                )
                break

    if (
        risk == startback.RiskGroup.HIGH
        and true.risk is startback.RiskGroup.MEDIUM
        and (psychosocial is None or psychosocial < startback.PSYCHOSOCIAL_HIGH_MIN)
    ):
        seen.append(
            SeenMistake(
                MISTAKE_HIGH_WITHOUT_SUBSCALE,
                f"The total is {true.total}, but the subscale is {true.psychosocial}: this is "
                "medium risk, not high.",
            )
        )
    return seen


@dataclass(frozen=True)
class ItemFeedback:
    """One item: the trainee's answer beside the reference and its rationale."""

    item: startback.Item
    given: str | None
    reference: str
    rationale: str

    @property
    def correct(self) -> bool:
        return self.given == self.reference

    @property
    def given_label(self) -> str:
        option = self.item.option(self.given) if self.given else None
        return option.label if option else "Not answered"

    @property
    def reference_label(self) -> str:
        option = self.item.option(self.reference)
        return option.label if option else self.reference


@dataclass(frozen=True)
class Feedback:
    """Everything the feedback page says about one attempt, and the flags stored with it."""

    reference: Reference
    submission: Submission
    items: tuple[ItemFeedback, ...]
    scored: startback.Score | None
    reference_score: startback.Score | None
    triage_correct: bool | None
    red_flags_named_correctly: bool | None
    red_flag_action_correct: bool | None
    items_correct: int | None
    total_correct: bool | None
    psychosocial_correct: bool | None
    risk_correct: bool | None
    treatment_correct: bool
    outcome_correct: bool
    mistakes: tuple[SeenMistake, ...]

    @property
    def total_arithmetic_correct(self) -> bool | None:
        """Whether the trainee's total is right for the answers they scored."""
        if self.scored is None or self.submission.total is None:
            return None
        return self.submission.total == self.scored.total

    @property
    def psychosocial_arithmetic_correct(self) -> bool | None:
        if self.scored is None or self.submission.psychosocial is None:
            return None
        return self.submission.psychosocial == self.scored.psychosocial

    @property
    def matched_treatment(self) -> startback.MatchedTreatment | None:
        """The core's matched treatment for the reference group (none for a red-flag case)."""
        if not self.reference.stratifiable or not self.reference.risk:
            return None
        return startback.matched_treatment(self.reference.risk)

    @property
    def treatment_matches_own_risk(self) -> bool:
        """The treatment fits the group the trainee chose, though that group was wrong."""
        return bool(
            self.submission.risk
            and self.risk_correct is False
            and self.submission.treatment == self.submission.risk
        )


def attempt_feedback(*, reference: Reference, submission: Submission) -> Feedback:
    """Judge a submission against the reference it was asked against."""
    triage_asked = submission.stratifiable is not None
    triage_correct = submission.stratifiable == reference.stratifiable if triage_asked else None
    reference_score = reference.score
    mistakes: list[SeenMistake] = []

    if not submission.stratified:
        named = set(submission.red_flags)
        expected = set(reference.red_flags)
        red_flags_named_correctly = bool(expected) and named == expected
        red_flag_action_correct = submission.red_flag_action in expected
        if reference.stratifiable:
            mistakes.append(
                SeenMistake(
                    MISTAKE_NEEDLESS_REFERRAL,
                    "You judged that this patient could not be stratified; there are no red "
                    "flags in the case.",
                )
            )
        return Feedback(
            reference=reference,
            submission=submission,
            items=(),
            scored=None,
            reference_score=reference_score,
            triage_correct=triage_correct,
            red_flags_named_correctly=red_flags_named_correctly,
            red_flag_action_correct=red_flag_action_correct,
            items_correct=None,
            total_correct=None,
            psychosocial_correct=None,
            risk_correct=None,
            treatment_correct=not reference.stratifiable and red_flag_action_correct,
            outcome_correct=not reference.stratifiable,
            mistakes=tuple(mistakes),
        )

    if not reference.stratifiable:
        names = ", ".join(flag.name.lower() for flag in reference.red_flag_objects)
        mistakes.append(
            SeenMistake(
                MISTAKE_RED_FLAG_MISSED,
                f"You went on to stratify a patient with {names}.",
            )
        )

    # The answers the trainee scored: their own reading of the story, or the questionnaire shown.
    answered = submission.items if submission.items is not None else reference.items
    scored = None if startback.answers_errors(answered) else startback.score(answered)
    items = ()
    items_correct = None
    if submission.items is not None:
        items = tuple(
            ItemFeedback(
                item=question,
                given=submission.items.get(question.number),
                reference=reference.items.get(question.number, ""),
                rationale=reference.rationales.get(question.number, ""),
            )
            for question in startback.ITEMS
        )
        items_correct = sum(feedback.correct for feedback in items)
    if scored is not None:
        mistakes += arithmetic_mistakes(
            answers=answered,
            total=submission.total,
            psychosocial=submission.psychosocial,
            risk=submission.risk,
        )
    if reference.stratifiable and submission.treatment == REFERRAL:
        mistakes.append(
            SeenMistake(
                MISTAKE_NEEDLESS_REFERRAL,
                "You chose urgent referral for a patient with no red flags.",
            )
        )

    total_correct = (
        submission.total == reference_score.total
        if reference_score is not None and submission.total is not None
        else None
    )
    psychosocial_correct = (
        submission.psychosocial == reference_score.psychosocial
        if reference_score is not None and submission.psychosocial is not None
        else None
    )
    risk_correct = submission.risk == reference.risk if reference.stratifiable else None
    return Feedback(
        reference=reference,
        submission=submission,
        items=items,
        scored=scored,
        reference_score=reference_score,
        triage_correct=triage_correct,
        red_flags_named_correctly=None,
        red_flag_action_correct=None,
        items_correct=items_correct,
        total_correct=total_correct,
        psychosocial_correct=psychosocial_correct,
        risk_correct=risk_correct,
        treatment_correct=submission.treatment == reference.treatment,
        outcome_correct=bool(reference.stratifiable and risk_correct),
        mistakes=tuple(mistakes),
    )


@dataclass(frozen=True)
class DrillFeedback:
    """The verdict on one drill answer."""

    score: startback.Score
    risk: str
    total: int | None
    psychosocial: int | None
    mistakes: tuple[SeenMistake, ...]

    @property
    def correct(self) -> bool:
        """A drill answer is right when the risk group is (and any numbers given are too)."""
        return (
            self.risk == self.score.risk.value
            and self.total in (None, self.score.total)
            and self.psychosocial in (None, self.score.psychosocial)
        )


def drill_feedback(
    *,
    answers: Mapping[int, str],
    risk: str,
    total: int | None = None,
    psychosocial: int | None = None,
) -> DrillFeedback:
    """Judge a drill answer: the group (and optionally the numbers) for a ticked questionnaire."""
    return DrillFeedback(
        score=startback.score(answers),
        risk=risk,
        total=total,
        psychosocial=psychosocial,
        mistakes=tuple(
            arithmetic_mistakes(answers=answers, total=total, psychosocial=psychosocial, risk=risk)
        ),
    )
