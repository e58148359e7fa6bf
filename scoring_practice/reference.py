"""What a vignette asks and the answers it expects, checked against the core before it goes live.

`Reference` is plain data (no Django), built from a vignette page or from the snapshot stored with
an attempt, so the feedback engine and the publish check can be tested without a database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from scoring_practice import startback
from scoring_practice.choices import REFERRAL, REFERRAL_LABEL, TreatmentChoice, VignetteMode

RED_FLAG_KEYS = frozenset(flag.key for flag in startback.RED_FLAGS)

MESSAGE_ITEMS_INCOMPLETE = "Give the reference answer for every item (missing: {items})."
MESSAGE_RATIONALES_MISSING = "Give the rationale for {items}."
MESSAGE_TREATMENT_RATIONALE_MISSING = "Give the rationale for the reference treatment."
MESSAGE_RISK_MISMATCH = (
    "The reference answers score total {total}, subscale {psychosocial}: {computed} risk, "
    "but the reference risk group is {stored}."
)
MESSAGE_RISK_MISSING = (
    "The reference answers score total {total}, subscale {psychosocial}: {computed} risk, "
    "but no reference risk group is chosen."
)
MESSAGE_TREATMENT_MISMATCH = (
    "The reference treatment is “{treatment}”, but {risk} risk is matched to “{matched}”."
)
MESSAGE_RED_FLAG_NOT_REFERRAL = (
    "This case has a red flag ({flags}), so the reference treatment must be "
    f"“{REFERRAL_LABEL}”, not “{{treatment}}”."
)
MESSAGE_REFERRAL_WITHOUT_RED_FLAG = (
    "The reference treatment is urgent referral, but no red flag is set: tick the red flags "
    "present, or choose the treatment matched to the risk group."
)
MESSAGE_RED_FLAGS_WRONG_MODE = (
    "Red flags can only be set on a red-flag triage vignette; this one is “{mode}”."
)
MESSAGE_RED_FLAG_UNKNOWN = "Unknown red flag: {key}."
MESSAGE_ACCEPTABLE_ALSO_PRIMARY = (
    "{flag} is both a main red flag and an acceptable extra; it can only be one of them."
)
MESSAGE_ACCEPTABLE_WITHOUT_PRIMARY = (
    "Acceptable extra red flags only make sense in a case that has a main red flag."
)
MESSAGE_ACTION_MISSING = (
    "A case with a red flag needs the right action: how urgent, and where the patient goes."
)
MESSAGE_ACTION_NOT_FOR_FLAGS = (
    "“{urgency}” to “{destination}” is not an action the red-flag guidance gives for {flags}."
)
MESSAGE_ACTION_WITHOUT_RED_FLAG = (
    "An urgency and destination are set, but no red flag is: a case without one is stratified."
)
MESSAGE_ALTERNATIVE_INVALID = (
    "The acceptable alternative for item {number} is not one of its answers."
)
MESSAGE_ALTERNATIVE_SAME = (
    "The acceptable alternative for item {number} is the reference answer itself."
)
MESSAGE_ALTERNATIVE_QUESTIONNAIRE = (
    "A completed questionnaire leaves no room for another reading: remove the acceptable "
    "alternatives ({items})."
)
MESSAGE_QUESTIONNAIRE_COUNT = (
    "A “score a completed questionnaire” vignette needs exactly one completed questionnaire in "
    "its story (it has {count})."
)
MESSAGE_QUESTIONNAIRE_DIFFERS = (
    "The completed questionnaire in the story differs from the reference answers on {items}."
)
MESSAGE_QUESTIONNAIRE_GIVES_AWAY = (
    "Only a “score a completed questionnaire” vignette may show the completed questionnaire; "
    "in this mode it would give the answers away."
)


@dataclass(frozen=True)
class Reference:
    """A vignette's question and expected answers, as the trainee was asked them.

    `items` and `rationales` are keyed by item number (1–9); `risk` is a `RiskGroup` value or
    "" (allowed only for red-flag cases); `treatment` is a `TreatmentChoice` value;
    `questionnaires` lists the ticked answers of every completed-questionnaire block in the story.
    """

    title: str
    mode: str
    items: Mapping[int, str]
    rationales: Mapping[int, str] = field(default_factory=dict)
    risk: str = ""
    treatment: str = ""
    treatment_rationale: str = ""
    red_flags: tuple[str, ...] = ()
    red_flag_action: str = ""
    questionnaires: tuple[Mapping[int, str], ...] = ()
    # Red flags a clinician could defensibly name as well as the main ones.
    acceptable_red_flags: tuple[str, ...] = ()
    # For a red-flag case: how soon, and where (`startback.Urgency`, `startback.Destination`).
    red_flag_urgency: str = ""
    red_flag_destination: str = ""
    # Why the triage decision is what it is (e.g. why mechanical night pain is not a red flag).
    triage_note: str = ""
    # Another answer to an item that the story can fairly be read as supporting.
    alternatives: Mapping[int, str] = field(default_factory=dict)

    def acceptable_answers(self, number: int) -> frozenset[str]:
        """The answers to an item that count as right: the reference, and its alternative."""
        answers = {self.items.get(number, "")}
        if self.alternatives.get(number):
            answers.add(self.alternatives[number])
        return frozenset(answers - {""})

    @property
    def stratifiable(self) -> bool:
        """A case with a red flag is referred, not stratified."""
        return not self.red_flags

    @property
    def score(self) -> startback.Score | None:
        """The core's score of the reference answers, or None while they are incomplete."""
        if startback.answers_errors(self.items):
            return None
        return startback.score(self.items)

    @property
    def red_flag_objects(self) -> tuple[startback.RedFlag, ...]:
        return tuple(startback.red_flag(key) for key in self.red_flags if key in RED_FLAG_KEYS)

    @property
    def acceptable_red_flag_objects(self) -> tuple[startback.RedFlag, ...]:
        return tuple(
            startback.red_flag(key) for key in self.acceptable_red_flags if key in RED_FLAG_KEYS
        )

    @property
    def urgency(self) -> startback.Urgency:
        """How soon: for a stratifiable case, not urgent (stratify and safety-net)."""
        if self.stratifiable:
            return startback.Urgency.STRATIFY
        try:
            return startback.Urgency(self.red_flag_urgency)
        except ValueError:
            return startback.Urgency.EMERGENCY

    @property
    def action(self) -> startback.Action | None:
        """The guidance's action for the main red flags that the reference chose."""
        for flag in self.red_flag_objects:
            action = flag.action_for(
                urgency=self.red_flag_urgency, destination=self.red_flag_destination
            )
            if action is not None:
                return action
        return None

    def to_json(self) -> dict:
        """The snapshot stored with an attempt (JSON keys are strings)."""
        return {
            "title": self.title,
            "mode": self.mode,
            "items": {str(n): value for n, value in self.items.items()},
            "rationales": {str(n): value for n, value in self.rationales.items()},
            "risk": self.risk,
            "treatment": self.treatment,
            "treatment_rationale": self.treatment_rationale,
            "red_flags": list(self.red_flags),
            "red_flag_action": self.red_flag_action,
            "acceptable_red_flags": list(self.acceptable_red_flags),
            "red_flag_urgency": self.red_flag_urgency,
            "red_flag_destination": self.red_flag_destination,
            "triage_note": self.triage_note,
            "alternatives": {str(n): value for n, value in self.alternatives.items() if value},
        }

    @classmethod
    def from_json(cls, data: Mapping) -> Reference:
        return cls(
            title=data.get("title", ""),
            mode=data["mode"],
            items={int(n): value for n, value in data.get("items", {}).items()},
            rationales={int(n): value for n, value in data.get("rationales", {}).items()},
            risk=data.get("risk", ""),
            treatment=data.get("treatment", ""),
            treatment_rationale=data.get("treatment_rationale", ""),
            red_flags=tuple(data.get("red_flags", ())),
            red_flag_action=data.get("red_flag_action", ""),
            acceptable_red_flags=tuple(data.get("acceptable_red_flags", ())),
            red_flag_urgency=data.get("red_flag_urgency", ""),
            red_flag_destination=data.get("red_flag_destination", ""),
            triage_note=data.get("triage_note", ""),
            alternatives={int(n): value for n, value in data.get("alternatives", {}).items()},
        )


def items_list(numbers: Sequence[int]) -> str:
    """Item numbers in a sentence: "item 4", "items 1, 4 and 9"."""
    if len(numbers) == 1:
        return f"item {numbers[0]}"
    return "items " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def _treatment_label(value: str) -> str:
    try:
        return TreatmentChoice(value).label
    except ValueError:
        return value or "none"


def reference_problems(reference: Reference) -> list[str]:
    """Everything that makes a vignette's reference disagree with the core; empty when consistent.

    Publishing is refused while this list is not empty; drafts may be saved regardless.
    """
    problems: list[str] = []
    missing = [n for n in startback.ITEM_NUMBERS if not reference.items.get(n)]
    if missing:
        problems.append(MESSAGE_ITEMS_INCOMPLETE.format(items=items_list(missing)))
    unexplained = [n for n in startback.ITEM_NUMBERS if not reference.rationales.get(n, "").strip()]
    if unexplained:
        problems.append(MESSAGE_RATIONALES_MISSING.format(items=items_list(unexplained)))
    if not reference.treatment_rationale.strip():
        problems.append(MESSAGE_TREATMENT_RATIONALE_MISSING)
    problems += [
        MESSAGE_RED_FLAG_UNKNOWN.format(key=key)
        for key in reference.red_flags
        if key not in RED_FLAG_KEYS
    ]
    if reference.red_flags and reference.mode != VignetteMode.TRIAGE:
        problems.append(MESSAGE_RED_FLAGS_WRONG_MODE.format(mode=_mode_label(reference.mode)))
    problems += _triage_problems(reference)
    problems += _alternative_problems(reference)

    result = reference.score
    if result is not None:
        computed = result.risk.value
        numbers = {"total": result.total, "psychosocial": result.psychosocial}
        if reference.risk and reference.risk != computed:
            problems.append(
                MESSAGE_RISK_MISMATCH.format(**numbers, computed=computed, stored=reference.risk)
            )
        elif not reference.risk and reference.stratifiable:
            problems.append(MESSAGE_RISK_MISSING.format(**numbers, computed=computed))
        if (
            reference.stratifiable
            and reference.treatment != REFERRAL
            and reference.treatment != computed
        ):
            problems.append(
                MESSAGE_TREATMENT_MISMATCH.format(
                    treatment=_treatment_label(reference.treatment),
                    risk=computed,
                    matched=startback.matched_treatment(computed).title,
                )
            )

    if reference.red_flags and reference.treatment != REFERRAL:
        names = ", ".join(flag.name.lower() for flag in reference.red_flag_objects)
        problems.append(
            MESSAGE_RED_FLAG_NOT_REFERRAL.format(
                flags=names, treatment=_treatment_label(reference.treatment)
            )
        )
    if not reference.red_flags and reference.treatment == REFERRAL:
        problems.append(MESSAGE_REFERRAL_WITHOUT_RED_FLAG)

    if reference.mode == VignetteMode.QUESTIONNAIRE:
        if len(reference.questionnaires) != 1:
            problems.append(MESSAGE_QUESTIONNAIRE_COUNT.format(count=len(reference.questionnaires)))
        else:
            shown = reference.questionnaires[0]
            differing = [
                n for n in startback.ITEM_NUMBERS if shown.get(n) != reference.items.get(n)
            ]
            if differing:
                problems.append(MESSAGE_QUESTIONNAIRE_DIFFERS.format(items=items_list(differing)))
    elif reference.questionnaires:
        problems.append(MESSAGE_QUESTIONNAIRE_GIVES_AWAY)
    return problems


def _triage_problems(reference: Reference) -> list[str]:
    """The red flags, the acceptable extras and the action agree with the red-flag guidance."""
    problems = [
        MESSAGE_RED_FLAG_UNKNOWN.format(key=key)
        for key in reference.acceptable_red_flags
        if key not in RED_FLAG_KEYS
    ]
    for key in set(reference.acceptable_red_flags) & set(reference.red_flags):
        problems.append(MESSAGE_ACCEPTABLE_ALSO_PRIMARY.format(flag=startback.red_flag(key).name))
    if reference.acceptable_red_flags and not reference.red_flags:
        problems.append(MESSAGE_ACCEPTABLE_WITHOUT_PRIMARY)
    has_action = bool(reference.red_flag_urgency or reference.red_flag_destination)
    if reference.red_flags:
        if not (reference.red_flag_urgency and reference.red_flag_destination):
            problems.append(MESSAGE_ACTION_MISSING)
        elif reference.action is None and reference.red_flag_objects:
            problems.append(
                MESSAGE_ACTION_NOT_FOR_FLAGS.format(
                    urgency=_label(startback.Urgency, reference.red_flag_urgency),
                    destination=_label(startback.Destination, reference.red_flag_destination),
                    flags=", ".join(flag.name.lower() for flag in reference.red_flag_objects),
                )
            )
    elif has_action:
        problems.append(MESSAGE_ACTION_WITHOUT_RED_FLAG)
    return problems


def _alternative_problems(reference: Reference) -> list[str]:
    problems = []
    given = [n for n in startback.ITEM_NUMBERS if reference.alternatives.get(n)]
    for number in given:
        alternative = reference.alternatives[number]
        if startback.item(number).option(alternative) is None:
            problems.append(MESSAGE_ALTERNATIVE_INVALID.format(number=number))
        elif alternative == reference.items.get(number):
            problems.append(MESSAGE_ALTERNATIVE_SAME.format(number=number))
    if given and reference.mode == VignetteMode.QUESTIONNAIRE:
        problems.append(MESSAGE_ALTERNATIVE_QUESTIONNAIRE.format(items=items_list(given)))
    return problems


def _label(choices: type[startback.Urgency] | type[startback.Destination], value: str) -> str:
    try:
        return choices(value).label
    except ValueError:
        return value


def _mode_label(mode: str) -> str:
    try:
        return VignetteMode(mode).label
    except ValueError:
        return mode
