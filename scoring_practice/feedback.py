"""Feedback on a vignette answer: the triage decision, the items, the scoring and the group.

Plain functions over the core's types and `Reference`; nothing here touches the database. Scoring
mistakes are named by the diagnosis engine (`scoring_practice.diagnosis`); this module adds the
triage judgement (was serious pathology suspected, which condition, how urgent, where to) and puts
it together so that no page says two contradictory things:

- Arithmetic is judged on the answers the trainee scored (their own reading of a consultation, or
  the questionnaire shown), so a reading mistake is told apart from a counting one.
- The group is judged on the reference answers. When the trainee's own answers lead elsewhere,
  the page says both plainly ("from your answers the group would be medium; with the reference
  answers it is high because of items 5 and 8"). An item answered with an acceptable alternative
  reading counts as right, and so does the group those answers lead to.
- A right group never carries a group mistake; a triage answer counts as right when the decision,
  its urgency and its destination are right (a suspected cauda equina syndrome sent to acute
  oncology is not right, however urgently); naming a different condition on the way is said.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scoring_practice import startback
from scoring_practice.choices import REFERRAL
from scoring_practice.diagnosis import MISTAKES, Diagnosis, Mistake, diagnose
from scoring_practice.reference import Reference, items_list

RED_FLAG_MISSED = "red_flag_missed"
NEEDLESS_REFERRAL = "needless_referral"


TRIAGE_MISTAKES: dict[str, Mistake] = {
    RED_FLAG_MISSED: Mistake(
        RED_FLAG_MISSED,
        "Serious pathology was suspected, and the patient was stratified",
        "The tool is for back pain without a suspected serious cause. When the story raises that "
        "suspicion, the patient is referred as urgently as the suspicion requires, and is not "
        "given a risk group.",
    ),
    NEEDLESS_REFERRAL: Mistake(
        NEEDLESS_REFERRAL,
        "A patient who can be stratified was referred",
        "Nothing in this case raises the suspicion of serious pathology, so it is stratified with "
        "the tool and matched to the care for its risk group, with safety-netting.",
    ),
}
# Every mistake a feedback page can name, scoring and triage alike.
ALL_MISTAKES: dict[str, Mistake] = {**MISTAKES, **TRIAGE_MISTAKES}


@dataclass(frozen=True)
class SeenMistake:
    """A triage mistake as it showed in one attempt (scoring mistakes are `Diagnosis`)."""

    code: str
    detail: str

    @property
    def title(self) -> str:
        return TRIAGE_MISTAKES[self.code].title

    @property
    def explanation(self) -> str:
        return TRIAGE_MISTAKES[self.code].explanation


def red_flag_missed(reference: Reference) -> SeenMistake:
    names = ", ".join(flag.name.lower() for flag in reference.red_flag_objects)
    return SeenMistake(RED_FLAG_MISSED, f"Here: {names}.")


def needless_referral(reference: Reference) -> SeenMistake:
    if reference.triage_note:
        detail = "Why this patient is stratified is set out below."
    else:
        detail = "No feature of the story points to a serious cause."
    return SeenMistake(NEEDLESS_REFERRAL, detail)


@dataclass(frozen=True)
class Submission:
    """What the trainee answered. Fields not asked in the vignette's mode stay empty.

    `stratifiable` is the triage answer (triage mode only); when it is False, `red_flags` (the
    conditions suspected), `urgency` and `destination` say why and what next.
    """

    stratifiable: bool | None = None
    red_flags: tuple[str, ...] = ()
    urgency: str = ""
    destination: str = ""
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
            "urgency": self.urgency,
            "destination": self.destination,
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
            urgency=data.get("urgency") or "",
            destination=data.get("destination") or "",
            items=None if items is None else {int(n): value for n, value in items.items()},
            total=data.get("total"),
            psychosocial=data.get("psychosocial"),
            risk=data.get("risk") or "",
            treatment=data.get("treatment") or "",
        )


@dataclass(frozen=True)
class TriageFeedback:
    """The judgement on a referral: the conditions named, how urgent, and where to."""

    flags_missed: tuple[startback.RedFlag, ...]
    flags_unexpected: tuple[startback.RedFlag, ...]
    flags_acceptable: tuple[startback.RedFlag, ...]
    urgency_correct: bool
    destination_correct: bool
    submitted_urgency: str = ""

    @property
    def flags_correct(self) -> bool:
        return not self.flags_missed and not self.flags_unexpected

    @property
    def all_correct(self) -> bool:
        return self.flags_correct and self.urgency_correct and self.destination_correct


def _triage(reference: Reference, submission: Submission) -> TriageFeedback:
    named = set(submission.red_flags)
    main = set(reference.red_flags)
    extras = set(reference.acceptable_red_flags)
    allowed = main | extras
    in_order = [flag.key for flag in startback.RED_FLAGS]
    return TriageFeedback(
        flags_missed=tuple(startback.red_flag(k) for k in in_order if k in main - named),
        flags_unexpected=tuple(startback.red_flag(k) for k in in_order if k in named - allowed),
        flags_acceptable=tuple(
            startback.red_flag(k)
            for k in in_order
            if k in named & set(reference.acceptable_red_flags)
        ),
        urgency_correct=submission.urgency == reference.red_flag_urgency,
        destination_correct=submission.destination == reference.red_flag_destination,
        submitted_urgency=submission.urgency,
    )


@dataclass(frozen=True)
class ItemFeedback:
    """One item: the trainee's answer beside the reference, any acceptable alternative, and why."""

    item: startback.Item
    given: str | None
    reference: str
    alternative: str
    rationale: str

    @property
    def correct(self) -> bool:
        return self.given in {self.reference, self.alternative} - {""}

    @property
    def given_label(self) -> str:
        option = self.item.option(self.given) if self.given else None
        return option.label if option else "Not answered"

    @property
    def reference_label(self) -> str:
        labels = [self.item.option(value) for value in (self.reference, self.alternative) if value]
        return " or ".join(option.label for option in labels if option) or self.reference


@dataclass(frozen=True)
class Verdict:
    """The banner at the top of the feedback: one judgement on the whole answer."""

    right: bool
    heading: str
    body: str


@dataclass(frozen=True)
class Feedback:
    """Everything the feedback page says about one attempt, and the flags stored with it."""

    reference: Reference
    submission: Submission
    items: tuple[ItemFeedback, ...]
    scored: startback.Score | None
    reference_score: startback.Score | None
    triage: TriageFeedback | None
    triage_correct: bool | None
    items_correct: int | None
    total_correct: bool | None
    psychosocial_correct: bool | None
    risk_correct: bool | None
    treatment_correct: bool
    outcome_correct: bool
    mistakes: tuple[Diagnosis | SeenMistake, ...]
    reading: str
    verdict: Verdict

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


def _group_reasons(reference_items: Mapping[int, str], own_items: Mapping[int, str]) -> list[int]:
    """The items whose points differ between the trainee's answers and the reference."""
    own = startback.score(own_items).item_scores
    ref = startback.score(reference_items).item_scores
    return [n for n in startback.ITEM_NUMBERS if own[n - 1] != ref[n - 1]]


def _referral_feedback(reference: Reference, submission: Submission) -> Feedback:
    """The trainee judged that the patient cannot be stratified."""
    triage = None
    mistakes: tuple[Diagnosis | SeenMistake, ...] = ()
    if reference.stratifiable:
        mistakes = (needless_referral(reference),)
        verdict = Verdict(
            False,
            "Not quite: this patient can be stratified",
            "Nothing in the story raises the suspicion of serious pathology. Score the tool and "
            "match the care to the risk group, with safety-netting.",
        )
        action_right = False
    else:
        triage = _triage(reference, submission)
        action_right = triage.urgency_correct and triage.destination_correct
        verdict = _referral_verdict(reference, triage)
    return Feedback(
        reference=reference,
        submission=submission,
        items=(),
        scored=None,
        reference_score=reference.score,
        triage=triage,
        triage_correct=not reference.stratifiable,
        items_correct=None,
        total_correct=None,
        psychosocial_correct=None,
        risk_correct=None,
        treatment_correct=bool(triage and triage.urgency_correct and triage.destination_correct),
        outcome_correct=not reference.stratifiable and action_right,
        mistakes=mistakes,
        reading="",
        verdict=verdict,
    )


URGENCY_PHRASES = {
    startback.Urgency.IMMEDIATE: "immediately: now, not later today",
    startback.Urgency.EMERGENCY: "as an emergency, the same day",
    startback.Urgency.URGENT: "urgently, by the condition's pathway",
}
URGENCY_SENTENCES = {
    startback.Urgency.IMMEDIATE: (
        "It is immediate: the patient goes now, by ambulance if needed, never later today or "
        "tomorrow."
    ),
    startback.Urgency.EMERGENCY: "It is an emergency: the patient is assessed in hospital the "
    "same day.",
    startback.Urgency.URGENT: "It is urgent: within days to about 2 weeks, by the condition's "
    "pathway.",
}


def _referral_verdict(reference: Reference, triage: TriageFeedback) -> Verdict:
    how = URGENCY_PHRASES.get(reference.urgency, "")
    where = startback.Destination(reference.red_flag_destination).label
    if triage.all_correct:
        return Verdict(True, f"Right: refer {how}", f"Where to: {where}.")
    if triage.urgency_correct and triage.destination_correct:
        return Verdict(
            True,
            f"Right urgency and destination: refer {how}",
            f"Where to: {where}. Read the points below on which condition is suspected.",
        )
    if triage.urgency_correct:
        return Verdict(
            False,
            "Partly right: the urgency is right, the destination is not",
            f"{URGENCY_SENTENCES[reference.urgency]} Where to: {where}.",
        )
    if triage.submitted_urgency and startback.less_urgent(
        triage.submitted_urgency, reference.urgency
    ):
        return Verdict(
            False,
            "Not safe: this is more urgent than you chose",
            f"{URGENCY_SENTENCES[reference.urgency]} Where to: {where}.",
        )
    return Verdict(
        False,
        "Partly right: this patient needs referral",
        f"{URGENCY_SENTENCES[reference.urgency]} Where to: {where}.",
    )


def attempt_feedback(*, reference: Reference, submission: Submission) -> Feedback:
    """Judge a submission against the reference it was asked against."""
    if not submission.stratified:
        return _referral_feedback(reference, submission)

    reference_score = reference.score
    triage_correct = reference.stratifiable if submission.stratifiable is not None else None
    mistakes: list[Diagnosis | SeenMistake] = []
    if not reference.stratifiable:
        mistakes.append(red_flag_missed(reference))

    # The answers the trainee scored: their own reading of the story, or the questionnaire shown.
    answered = submission.items if submission.items is not None else reference.items
    scored = None if startback.answers_errors(answered) else startback.score(answered)
    items: tuple[ItemFeedback, ...] = ()
    items_correct = None
    if submission.items is not None:
        items = tuple(
            ItemFeedback(
                item=question,
                given=submission.items.get(question.number),
                reference=reference.items.get(question.number, ""),
                alternative=reference.alternatives.get(question.number, ""),
                rationale=reference.rationales.get(question.number, ""),
            )
            for question in startback.ITEMS
        )
        items_correct = sum(feedback.correct for feedback in items)

    # The group is right if it is the reference's, or if every item was read acceptably and the
    # group follows from those answers.
    own_group = scored.risk.value if scored is not None else ""
    all_items_acceptable = bool(items) and items_correct == len(items)
    risk_correct = None
    if reference.stratifiable:
        risk_correct = submission.risk == reference.risk or (
            all_items_acceptable and submission.risk == own_group
        )

    if scored is not None:
        # A right group carries no group mistake: judge only the numbers then.
        judged_risk = own_group if risk_correct else submission.risk
        mistakes += diagnose(
            answers=answered,
            total=submission.total,
            psychosocial=submission.psychosocial,
            risk=judged_risk,
        )
    if reference.stratifiable and submission.treatment == REFERRAL:
        mistakes.append(needless_referral(reference))

    reading = ""
    if (
        submission.items is not None
        and scored is not None
        and reference_score is not None
        and reference.stratifiable
        and own_group != reference.risk
    ):
        differing = _group_reasons(reference.items, submission.items)
        if all_items_acceptable:
            reading = (
                f"Your answers to {items_list(differing)} differ from the reference but are fair "
                f"readings of the story; with them the group is {own_group} risk, which counts "
                f"as right. With the reference answers it is {reference.risk} risk."
            )
        else:
            reading = (
                f"From your answers the group would be {own_group} risk; with the reference "
                f"answers it is {reference.risk} risk, because of {items_list(differing)}."
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
    if not reference.stratifiable:
        verdict = Verdict(
            False,
            "Not quite: serious pathology is suspected here",
            "A patient in whom a serious cause is suspected is referred, not stratified.",
        )
    elif risk_correct:
        verdict = Verdict(
            True,
            f"Right risk group: {startback.RiskGroup(submission.risk).label}",
            "Read the points below all the same." if mistakes else "",
        )
    else:
        verdict = Verdict(
            False,
            f"Not quite: this patient is {reference.risk} risk",
            "Work through the feedback below, then try the case again.",
        )
    treatment_correct = submission.treatment == reference.treatment or bool(
        risk_correct and submission.treatment == submission.risk
    )
    return Feedback(
        reference=reference,
        submission=submission,
        items=items,
        scored=scored,
        reference_score=reference_score,
        triage=None,
        triage_correct=triage_correct,
        items_correct=items_correct,
        total_correct=total_correct,
        psychosocial_correct=psychosocial_correct,
        risk_correct=risk_correct,
        treatment_correct=treatment_correct,
        outcome_correct=bool(reference.stratifiable and risk_correct),
        mistakes=tuple(mistakes),
        reading=reading,
        verdict=verdict,
    )


@dataclass(frozen=True)
class DrillFeedback:
    """The verdict on one drill answer."""

    score: startback.Score
    risk: str
    total: int | None
    psychosocial: int | None
    mistakes: tuple[Diagnosis, ...]

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
        mistakes=diagnose(answers=answers, total=total, psychosocial=psychosocial, risk=risk),
    )
