"""The Keele STarT Back Screening Tool: its wording, its scoring and the care matched to each group.

This module is the single place the instrument lives. It imports nothing from Django so it can be
checked exhaustively on its own, and so the wording can be compared line by line with Keele's
published version. Everything that shows, scores or explains the tool goes through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

PREAMBLE = "Thinking about the last 2 weeks tick your response to the following questions:"
# Keele asks that the copyright and funding statement stays with the tool wherever it is shown.
COPYRIGHT = "Copyright ©2007 Keele University"
FUNDING = (
    "The development of the tool was part-funded by Arthritis Research UK (now Versus Arthritis)."
)
# Keele's statement that travels with the tool, verbatim: the copyright statement printed with the
# STarT Back Screening Tool (©2007). Keele's website now carries a later wording; this is the one
# that goes with the tool itself. Only the note on the funder's present name is ours.
KEELE_STATEMENT = (
    "The copyright (©2007) of the STarT Back Screening Tool and associated materials is owned by "
    "Keele University, the development of which was part funded by Arthritis Research UK: i) the "
    "tool is designed for use by health care practitioners, with appropriate treatment packages "
    "for each of the stratified groups; ii) the tool is not intended to recommend the use of any "
    "particular product. No license is required for non-commercial use. If you would like to "
    "incorporate the tool in any way into commercial product materials, please contact Keele "
    "University for further advice."
)
STATEMENT_SOURCE = (
    "Keele University: the copyright statement printed with the STarT Back Screening Tool (©2007)"
)
# The copyright and funding line, for the footer of every page; the statement in full goes
# wherever the tool itself is shown.
COPYRIGHT_LINE = f"The Keele STarT Back Screening Tool. {COPYRIGHT}. {FUNDING}"
STATEMENT = (
    f"The Keele STarT Back Screening Tool. {COPYRIGHT}. “{KEELE_STATEMENT}” "
    f"({STATEMENT_SOURCE}; Arthritis Research UK is now Versus Arthritis.)"
)
LICENCE_NOTE = (
    "Keele University requires no licence for non-commercial use. This free service uses the tool "
    "for training and for clinicians' own use with their patients (the calculator and the "
    "printable questionnaire), with the items exactly as published; Keele University does not "
    "endorse modified versions of the tool, nor this service."
)
SOURCE_URL = "https://startback.hfac.keele.ac.uk/"

# Answers keyed by item number, as an int or a string ("1"–"9"), with whatever values were sent:
# a form's strings, JSON's anything. The keys' type is open because a Mapping's key type is fixed.
Answers = Mapping[Any, object]


class Agreement(StrEnum):
    """The answers to items 1–8."""

    AGREE = "agree"
    DISAGREE = "disagree"


class Bothersomeness(StrEnum):
    """The answers to item 9, in the order the questionnaire prints them."""

    NOT_AT_ALL = "not_at_all"
    SLIGHTLY = "slightly"
    MODERATELY = "moderately"
    VERY_MUCH = "very_much"
    EXTREMELY = "extremely"


class RiskGroup(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return f"{self.value.capitalize()} risk"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    scores: int


@dataclass(frozen=True)
class Item:
    """One question of the tool, with its answer options and the score each option carries."""

    number: int
    construct: str
    text: str
    options: tuple[Option, ...]

    @property
    def key(self) -> str:
        return str(self.number)

    @property
    def psychosocial(self) -> bool:
        return self.number in PSYCHOSOCIAL_ITEMS

    @property
    def agree_disagree(self) -> bool:
        """Items 1–8 are answered agree or disagree; item 9 on a five-point scale."""
        return self.options == AGREEMENT_OPTIONS

    def option(self, value: str) -> Option | None:
        return next((option for option in self.options if option.value == value), None)


AGREEMENT_OPTIONS = (
    Option(Agreement.DISAGREE.value, "Disagree", 0),
    Option(Agreement.AGREE.value, "Agree", 1),
)
BOTHERSOMENESS_OPTIONS = (
    Option(Bothersomeness.NOT_AT_ALL.value, "Not at all", 0),
    Option(Bothersomeness.SLIGHTLY.value, "Slightly", 0),
    Option(Bothersomeness.MODERATELY.value, "Moderately", 0),
    Option(Bothersomeness.VERY_MUCH.value, "Very much", 1),
    Option(Bothersomeness.EXTREMELY.value, "Extremely", 1),
)

# Keele's published wording, verbatim. Do not edit without checking against SOURCE_URL.
ITEMS: tuple[Item, ...] = (
    Item(
        1,
        "Referred leg pain",
        "My back pain has spread down my leg(s) at some time in the last 2 weeks",
        AGREEMENT_OPTIONS,
    ),
    Item(
        2,
        "Comorbid pain",
        "I have had pain in the shoulder or neck at some time in the last 2 weeks",
        AGREEMENT_OPTIONS,
    ),
    Item(
        3,
        "Disability",
        "I have only walked short distances because of my back pain",
        AGREEMENT_OPTIONS,
    ),
    Item(
        4,
        "Disability",
        "In the last 2 weeks, I have dressed more slowly than usual because of back pain",
        AGREEMENT_OPTIONS,
    ),
    Item(
        5,
        "Fear",
        "It's not really safe for a person with a condition like mine to be physically active",
        AGREEMENT_OPTIONS,
    ),
    Item(
        6,
        "Anxiety",
        "Worrying thoughts have been going through my mind a lot of the time",
        AGREEMENT_OPTIONS,
    ),
    Item(
        7,
        "Catastrophising",
        "I feel that my back pain is terrible and it's never going to get any better",
        AGREEMENT_OPTIONS,
    ),
    Item(
        8,
        "Low mood",
        "In general I have not enjoyed all the things I used to enjoy",
        AGREEMENT_OPTIONS,
    ),
    Item(
        9,
        "Bothersomeness",
        "Overall, how bothersome has your back pain been in the last 2 weeks?",
        BOTHERSOMENESS_OPTIONS,
    ),
)
ITEM_NUMBERS: tuple[int, ...] = tuple(item.number for item in ITEMS)
ITEM_KEYS: frozenset[str] = frozenset(item.key for item in ITEMS)
PSYCHOSOCIAL_ITEMS: tuple[int, ...] = (5, 6, 7, 8, 9)
# A total of 4 or more is needed before the subscale can raise the group above low.
TOTAL_LOW_MAX = 3
PSYCHOSOCIAL_HIGH_MIN = 4


def item(number: int) -> Item:
    """The item with this number (1–9)."""
    return ITEMS[number - 1]


class InvalidAnswers(ValueError):
    """Answers that cannot be scored; `errors` maps each item number (or None) to a message."""

    def __init__(self, errors: dict[int | None, str]):
        self.errors = errors
        super().__init__("; ".join(errors.values()))


MESSAGE_MISSING = "Answer item {number}"
MESSAGE_INVALID = "Item {number} must be one of: {choices}"
MESSAGE_UNKNOWN = "There is no item {key}; the tool has items 1 to 9"


def answers_errors(answers: Answers) -> dict[int | None, str]:
    """Everything wrong with a set of answers, by item; empty when it can be scored.

    Keys may be the item numbers as integers or as strings ("1"–"9"), as forms and JSON send them.
    """
    errors: dict[int | None, str] = {}
    seen: dict[int, object] = {}
    for key, value in answers.items():
        number = item_number(key)
        if number is None:
            errors.setdefault(None, MESSAGE_UNKNOWN.format(key=key))
            continue
        seen[number] = value
    for question in ITEMS:
        value = seen.get(question.number)
        if value is None or value == "":
            errors[question.number] = MESSAGE_MISSING.format(number=question.number)
        elif not isinstance(value, str) or not question.option(value):
            errors[question.number] = invalid_answer_message(question)
    return errors


def invalid_answer_message(question: Item) -> str:
    choices = ", ".join(f'"{option.value}"' for option in question.options)
    return MESSAGE_INVALID.format(number=question.number, choices=choices)


def item_number(key: object) -> int | None:
    """The item a key names (1–9, as an integer or its plain string), or None."""
    if isinstance(key, str):
        return int(key) if key in ITEM_KEYS else None
    if isinstance(key, int) and not isinstance(key, bool) and key in ITEM_NUMBERS:
        return key
    return None


@dataclass(frozen=True)
class Score:
    """The result of scoring one completed questionnaire."""

    item_scores: tuple[int, ...]
    total: int
    psychosocial: int
    risk: RiskGroup

    @property
    def scoring_items(self) -> tuple[int, ...]:
        """The items that scored 1."""
        return tuple(n for n, points in zip(ITEM_NUMBERS, self.item_scores, strict=True) if points)


def classify(*, total: int, psychosocial: int) -> RiskGroup:
    """The risk group for a total (0–9) and psychosocial subscale (0–5), in Keele's order."""
    if not 0 <= total <= len(ITEMS) or not 0 <= psychosocial <= len(PSYCHOSOCIAL_ITEMS):
        raise ValueError("Total must be 0–9 and the psychosocial subscale 0–5")
    if psychosocial > total:
        raise ValueError("The psychosocial subscale cannot exceed the total")
    if psychosocial >= PSYCHOSOCIAL_HIGH_MIN:
        return RiskGroup.HIGH
    if total <= TOTAL_LOW_MAX:
        return RiskGroup.LOW
    return RiskGroup.MEDIUM


def score(answers: Answers) -> Score:
    """Score a completed questionnaire; raises `InvalidAnswers` naming each item that is wrong."""
    errors = answers_errors(answers)
    if errors:
        raise InvalidAnswers(errors)
    by_number = {item_number(key): value for key, value in answers.items()}
    item_scores = tuple(
        question.option(str(by_number[question.number])).scores  # type: ignore[union-attr]
        for question in ITEMS
    )
    total = sum(item_scores)
    psychosocial = sum(item_scores[number - 1] for number in PSYCHOSOCIAL_ITEMS)
    return Score(
        item_scores=item_scores,
        total=total,
        psychosocial=psychosocial,
        risk=classify(total=total, psychosocial=psychosocial),
    )


def explain(result: Score) -> list[str]:
    """What drives the risk group, in sentences that point back to the patient's answers."""
    scored = result.scoring_items
    psychosocial = [n for n in scored if n in PSYCHOSOCIAL_ITEMS]
    physical = [n for n in scored if n not in PSYCHOSOCIAL_ITEMS]
    reasons = []
    if result.risk is RiskGroup.HIGH:
        reasons.append(
            f"The psychosocial subscale is {result.psychosocial} of 5 (items "
            f"{_list(psychosocial)}); a subscale of 4 or more is high risk whatever the total."
        )
    elif result.risk is RiskGroup.LOW:
        reasons.append(
            f"The total is {result.total} of 9; a total of 3 or less is low risk "
            "(the subscale cannot reach 4 with a total that low)."
        )
    else:
        reasons.append(
            f"The total is {result.total} of 9 (4 or more), but the psychosocial subscale is "
            f"{result.psychosocial} of 5, below the 4 that would make it high risk."
        )
    if physical:
        constructs = list(dict.fromkeys(item(n).construct.lower() for n in physical))
        reasons.append(f"Physical items scoring: {_list(physical)} ({', '.join(constructs)}).")
    if psychosocial:
        constructs = [item(n).construct.lower() for n in psychosocial]
        reasons.append(
            f"Psychosocial items scoring: {_list(psychosocial)} ({', '.join(constructs)})."
        )
    return reasons


def _list(numbers: list[int]) -> str:
    if not numbers:
        return "none"
    if len(numbers) == 1:
        return str(numbers[0])
    return ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


@dataclass(frozen=True)
class MatchedTreatment:
    """The care matched to one risk group (the STarT Back trial protocol and Keele's guidance).
    One local service's menu of options (BackPAC) is not part of it: the course describes that
    service in its own terms, and the calculator and feedback do not present it as the next step."""

    risk: RiskGroup
    title: str
    summary: str
    involves: tuple[str, ...]
    delivered_by: str


CARE_FOR_EVERYONE: tuple[str, ...] = (
    "Assessment, and reassurance: nothing today suggests a serious cause, and we will keep "
    "checking",
    "Advice to stay active and at, or return to, work",
    "Advice on pain relief",
    "Written self-management material",
    "Safety-netting: what to watch for and when to come back",
)

MATCHED_TREATMENTS: dict[RiskGroup, MatchedTreatment] = {
    RiskGroup.LOW: MatchedTreatment(
        risk=RiskGroup.LOW,
        title="Primary care management and self-management support",
        summary=(
            "Information, reassurance and support to self-manage in primary care, with no routine "
            "onward referral (one session at most)."
        ),
        involves=(
            "Explain the good outlook and that activity helps recovery",
            "Written self-management material and advice on pain relief",
            "A single follow-up or advice session at most; no routine referral",
        ),
        delivered_by="The GP or first-contact clinician, in primary care",
    ),
    RiskGroup.MEDIUM: MatchedTreatment(
        risk=RiskGroup.MEDIUM,
        title="Referral to physiotherapy for the physical obstacles",
        summary=(
            "Physiotherapy that targets the physical obstacles to recovery: exercise, manual "
            "therapy and education, following the matched-treatment approach."
        ),
        involves=(
            "Referral to physiotherapy",
            "Exercise and graded return to activity",
            "Manual therapy where it helps, with education about back pain",
        ),
        delivered_by="A physiotherapist",
    ),
    RiskGroup.HIGH: MatchedTreatment(
        risk=RiskGroup.HIGH,
        title="Psychologically informed physiotherapy",
        summary=(
            "Physiotherapy that addresses the psychosocial obstacles (fear, worry, "
            "catastrophising, low mood) as well as the physical ones, using cognitive-behavioural "
            "principles: the UK trial's matched treatment, whose benefit was not replicated in US "
            "trials."
        ),
        involves=(
            "Referral to a physiotherapist trained in psychologically informed practice",
            "Addressing fear of movement, worry, catastrophising and low mood alongside "
            "exercise and activity",
            "If the patient does not respond: NICE NG59's combined physical and psychological "
            "programme, or a pain management service, as local pathways provide (not part of "
            "Keele's matched treatment, and not a routine first option)",
        ),
        delivered_by="A physiotherapist trained in psychologically informed practice",
    ),
}


def matched_treatment(risk: RiskGroup | str) -> MatchedTreatment:
    return MATCHED_TREATMENTS[RiskGroup(risk)]


class Urgency(StrEnum):
    """How soon a patient must be seen: four tiers, one definition each, used everywhere."""

    IMMEDIATE = "immediate"
    EMERGENCY = "emergency"
    URGENT = "urgent"
    STRATIFY = "stratify"

    @property
    def label(self) -> str:
        return URGENCY_LABELS[self]

    @property
    def heading(self) -> str:
        return URGENCY_HEADINGS[self]


URGENCY_HEADINGS = {
    Urgency.IMMEDIATE: "Immediate: now, never later today",
    Urgency.EMERGENCY: "Emergency: in hospital the same day",
    Urgency.URGENT: "Urgent: within days, by the condition's pathway",
    Urgency.STRATIFY: "Not urgent: stratify and safety-net",
}
URGENCY_LABELS = {
    Urgency.IMMEDIATE: (
        "Immediate: sent now, by ambulance if needed, to the emergency department or the on-call "
        "spinal team (with known cancer, the MSCC coordinator, contacted immediately); never later "
        "today or tomorrow"
    ),
    Urgency.EMERGENCY: "Emergency: assessed in hospital the same day",
    Urgency.URGENT: "Urgent: within days to about 2 weeks, by the condition's pathway",
    Urgency.STRATIFY: "Not urgent: stratify with the tool and safety-net",
}
# The tiers a patient who is not stratified may be sent at, most urgent first.
REFERRAL_URGENCIES: tuple[Urgency, ...] = (Urgency.IMMEDIATE, Urgency.EMERGENCY, Urgency.URGENT)


def less_urgent(given: str, needed: str) -> bool:
    """Whether `given` is a later tier than `needed` (an unknown or missing tier counts as the
    latest): a patient who needs sending now, sent later today, is sent less urgently."""
    order = [urgency.value for urgency in REFERRAL_URGENCIES]
    if needed not in order:
        return False
    return (order.index(given) if given in order else len(order)) > order.index(needed)


class Destination(StrEnum):
    """Where a patient with suspected serious pathology is sent. Two actions with the same
    urgency and destination are the same answer, however they are worded; the destination is
    part of a right answer."""

    HOSPITAL = "hospital"
    ACUTE_ONCOLOGY = "acute_oncology"
    SUSPECTED_CANCER = "suspected_cancer"
    URGENT_IMAGING = "urgent_imaging"
    SPINAL_SERVICE = "spinal_service"
    PRIMARY_CARE = "primary_care"

    @property
    def label(self) -> str:
        return DESTINATION_LABELS[self]


DESTINATION_LABELS = {
    Destination.HOSPITAL: "Hospital: the emergency department or the on-call spinal team",
    Destination.ACUTE_ONCOLOGY: (
        "The acute oncology service (MSCC coordinator), for whole-spine MRI"
    ),
    Destination.SUSPECTED_CANCER: (
        "Investigations and an urgent suspected cancer referral (NICE NG12)"
    ),
    Destination.URGENT_IMAGING: "Urgent imaging, with analgesia and a bone-health assessment",
    Destination.SPINAL_SERVICE: "Urgent assessment by the spinal or MSK interface service",
    Destination.PRIMARY_CARE: "Primary care: stratify with the tool, then matched care",
}


@dataclass(frozen=True)
class Action:
    """What to do for a suspected condition, and when this tier applies."""

    urgency: Urgency
    destination: Destination
    when: str
    detail: str


@dataclass(frozen=True)
class RedFlag:
    """A suspected serious condition: the features that raise suspicion, and the action by tier.

    Few features are decisive alone; the decision rests on the combination and the context. A
    patient in whom one of these is suspected is not stratified.
    """

    key: str
    name: str
    features: tuple[str, ...]
    actions: tuple[Action, ...]

    @property
    def urgencies(self) -> frozenset[Urgency]:
        return frozenset(action.urgency for action in self.actions)

    def action_for(self, *, urgency: str, destination: str) -> Action | None:
        return next(
            (a for a in self.actions if a.urgency == urgency and a.destination == destination),
            None,
        )


# Sources: NICE NG234 and QS56 (metastatic spinal cord compression), the GIRFT national suspected
# cauda equina syndrome pathway (2023), NICE NG12 (suspected cancer), NICE NG51 (sepsis).
RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "cauda_equina",
        "Suspected cauda equina syndrome",
        (
            "New bladder disturbance: retention, incomplete emptying, altered sensation passing "
            "urine or loss of the sense of fullness",
            "Bowel incontinence or altered sensation",
            "Saddle or genital numbness",
            "Sexual dysfunction",
            "Radicular pain or weakness in both legs",
        ),
        (
            Action(
                Urgency.IMMEDIATE,
                Destination.HOSPITAL,
                "Always, at any hour, and when the symptoms are reported by telephone (the "
                "hospital pathway's own criteria are symptoms new within 2 weeks or getting worse; "
                "in primary care, send any suspected CES and let the hospital decide)",
                "Now, for emergency MRI (the national suspected CES pathway). Suspected (CES-S) "
                "and incomplete cauda equina syndrome (CES-I), before retention (CES-R), are the "
                "stages to catch.",
            ),
        ),
    ),
    RedFlag(
        "cord_compression",
        "Suspected spinal cord compression",
        (
            "Spinal pain with neurological symptoms or signs: limb weakness, a sensory level, "
            "difficulty walking or a change in bladder or bowel control",
            "In someone with known cancer, also band-like or thoracic pain",
        ),
        (
            Action(
                Urgency.IMMEDIATE,
                Destination.HOSPITAL,
                "With no known cancer",
                "Now, to the emergency department or the on-call spinal team: whole-spine MRI "
                "within 24 hours (NICE NG234). Cord compression is the first sign of cancer in "
                "about 1 in 5 patients with metastatic compression.",
            ),
            Action(
                Urgency.IMMEDIATE,
                Destination.ACUTE_ONCOLOGY,
                "In a patient with known cancer",
                "Contact the MSCC coordinator or acute oncology service immediately: MRI of the "
                "whole spine as soon as possible and within 24 hours (NICE NG234).",
            ),
        ),
    ),
    RedFlag(
        "spinal_metastases",
        "Suspected spinal metastases, known cancer",
        (
            "Past or current cancer with new spinal pain, especially thoracic",
            "Pain that is progressive, band-like, or worse lying down or straining",
            "Neurological symptoms or signs: weakness, numbness, sphincter change",
        ),
        (
            Action(
                Urgency.IMMEDIATE,
                Destination.ACUTE_ONCOLOGY,
                "With neurological symptoms or signs (suspected cord compression)",
                "Contact the MSCC coordinator or acute oncology service immediately: MRI of the "
                "whole spine as soon as possible and within 24 hours (NICE NG234).",
            ),
            Action(
                Urgency.URGENT,
                Destination.ACUTE_ONCOLOGY,
                "Pain only, no neurological symptoms or signs",
                "Contact the MSCC coordinator or acute oncology service within 24 hours, for MRI "
                "of the whole spine within a week (NICE NG234), not an urgent suspected cancer "
                "referral. Give the patient the warning signs of cord compression in writing: if "
                "they appear, it is immediate.",
            ),
        ),
    ),
    RedFlag(
        "malignancy",
        "Suspected malignancy, no known cancer",
        (
            "Age over 50 with a new episode of back pain",
            "Unexplained weight loss",
            "Constant, progressive, non-mechanical pain, including at night",
            "Feeling systemically unwell",
        ),
        (
            Action(
                Urgency.URGENT,
                Destination.SUSPECTED_CANCER,
                "No neurological symptoms or signs",
                "Urgent investigations (for example a myeloma screen) and an urgent suspected "
                "cancer referral (NICE NG12), under the 28-day Faster Diagnosis Standard.",
            ),
            Action(
                Urgency.IMMEDIATE,
                Destination.HOSPITAL,
                "With neurological symptoms or signs of cord compression",
                "Now, to the emergency department or the on-call spinal team: MRI of the whole "
                "spine as soon as possible and within 24 hours, whether or not cancer is known "
                "(NICE NG234).",
            ),
        ),
    ),
    RedFlag(
        "infection",
        "Suspected spinal infection (discitis, epidural abscess)",
        (
            "Fever or feeling systemically unwell (fever is often absent)",
            "Intravenous drug use",
            "Immunosuppression, including long-term steroids",
            "A recent spinal procedure or injection",
            "A recent bacteraemia or urinary infection",
            "Diabetes",
        ),
        (
            Action(
                Urgency.EMERGENCY,
                Destination.HOSPITAL,
                "Systemic features, without neurological signs or a high-risk sign of sepsis",
                "Hospital assessment the same day: blood tests, cultures and MRI. Take full "
                "observations and assess the risk of sepsis with NICE NG51's criteria, and say how "
                "the patient gets there.",
            ),
            Action(
                Urgency.IMMEDIATE,
                Destination.HOSPITAL,
                "With neurological symptoms or signs, or any high-risk criterion of sepsis (NICE "
                "NG51)",
                "Now: call 999 and pre-alert the hospital, or the on-call spinal team for "
                "neurological signs.",
            ),
        ),
    ),
    RedFlag(
        "fracture",
        "Suspected vertebral fracture",
        (
            "Major trauma, such as a fall from a height or a road traffic collision",
            "Minor trauma or none, with osteoporosis or long-term steroid use",
            "Age over 70",
            "Sudden onset with point tenderness over the spine",
        ),
        (
            Action(
                Urgency.IMMEDIATE,
                Destination.HOSPITAL,
                "After major trauma",
                "The emergency department, now.",
            ),
            Action(
                Urgency.EMERGENCY,
                Destination.HOSPITAL,
                "A suspected fragility fracture in a patient who cannot walk or cope at home",
                "Hospital assessment the same day.",
            ),
            Action(
                Urgency.URGENT,
                Destination.URGENT_IMAGING,
                "After minor trauma or none (a fragility fracture), walking and coping at home, "
                "without neurological signs",
                "Urgent imaging, analgesia and a bone-health work-up; exclude a pathological "
                "fracture.",
            ),
        ),
    ),
    RedFlag(
        "neurological_deficit",
        "Progressive neurological deficit",
        (
            "New or worsening weakness, for example a foot drop",
            "Spreading numbness",
            "Signs in more than one nerve root",
        ),
        (
            Action(
                Urgency.IMMEDIATE,
                Destination.HOSPITAL,
                "New or rapidly worsening weakness (such as a foot drop developing over hours or "
                "days), or signs in more than one nerve root",
                "Now, to the emergency department or the on-call spinal team.",
            ),
            Action(
                Urgency.URGENT,
                Destination.SPINAL_SERVICE,
                "A slowly progressive or stable minor deficit, or slowly spreading numbness",
                "Urgent spinal assessment, with safety-netting to go to A&E at once if it worsens.",
            ),
        ),
    ),
)

# Each suspected condition as a sentence names it ("ask about the features of …").
RED_FLAG_IN_WORDS: dict[str, str] = {
    "cauda_equina": "cauda equina syndrome",
    "cord_compression": "spinal cord compression",
    "spinal_metastases": "spinal metastases in someone with known cancer",
    "malignancy": "a cancer not yet diagnosed",
    "infection": "spinal infection",
    "fracture": "a vertebral fracture",
    "neurological_deficit": "a progressive neurological deficit",
}

# Features that are not red flags on their own: such a patient is stratified and safety-netted.
NOT_RED_FLAGS_ALONE: tuple[str, ...] = (
    "Night pain that eases on changing position (mechanical pain)",
    "Age alone",
    "A single past episode of back pain",
)

# What every patient is told to watch for, stratified or not, in words a patient acts on.
# Go to A&E now, or call 999:
SAFETY_NETTING_NOW: tuple[str, ...] = (
    "Numbness or tingling around the back passage or genitals (the saddle area), for example when "
    "you wipe after using the toilet",
    "New difficulty passing urine, not knowing when the bladder is full or empty, changed "
    "feeling when passing urine, or loss of bladder control",
    "Loss of bowel control or changed feeling when opening the bowels",
    "Sexual dysfunction, such as loss of sensation during sex or erectile problems",
    "Pain, numbness or weakness in both legs",
    "New or quickly worsening weakness in a leg, a foot that drops or catches, or new "
    "difficulty walking",
    "Feeling very unwell with a fever or shivering and also confused, very breathless, or with "
    "pale, blue or blotchy skin",
)
# Get help the same day (your GP surgery, or NHS 111):
SAFETY_NETTING_SAME_DAY: tuple[str, ...] = (
    "A fever, shivers or feeling very unwell with the back pain",
)
# Come back soon (book an appointment):
SAFETY_NETTING_SOON: tuple[str, ...] = (
    "Weight loss without trying",
    "Pain that is constant, or worse at night, and not eased by moving",
    "Numbness that is slowly spreading",
    "Not getting better as expected",
)
SAFETY_NETTING_HEADINGS = {
    "now": "Go to A&E now, or call 999, if you have",
    "same_day": "Get help the same day (your GP surgery, or NHS 111) if you have",
    "soon": "Come back soon (book an appointment) if you have",
}
# The three parts in order, most urgent first: (key, heading, signs).
SAFETY_NETTING: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (key, SAFETY_NETTING_HEADINGS[key], signs)
    for key, signs in (
        ("now", SAFETY_NETTING_NOW),
        ("same_day", SAFETY_NETTING_SAME_DAY),
        ("soon", SAFETY_NETTING_SOON),
    )
)


def red_flag(key: str) -> RedFlag:
    return next(flag for flag in RED_FLAGS if flag.key == key)
