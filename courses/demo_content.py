"""The demo course, "STarT Back stratified care for low back pain", as plain data.

Everything a reader sees in the demo course is here: the course page, six modules, their lessons
(as StreamField block data for `courses.blocks.LessonStreamBlock`) and one quiz per module. The
loader (`courses.demo`) turns it into pages and quizzes; nothing here touches the database.

The tool's wording, its copyright line and the red flags come from `scoring_practice.startback`,
the one place the instrument is kept. Worked examples are stored as answers together with the
total, subscale and risk group the text states, so the tests can check every stated result
against the scoring rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from scoring_practice import startback

Block = tuple[str, Any]

# Question kinds, as `courses.choices.QuestionType` stores them.
SINGLE = "single"
MULTIPLE = "multiple"
TRUE_FALSE = "true_false"
FREE_TEXT = "free_text"

# Categories questions are filed under, for the per-category progress page.
EVIDENCE = "Evidence"
SCORING = "Scoring"
MATCHED_TREATMENT = "Matched treatment"
COMMUNICATION = "Communication"
RED_FLAGS = "Red flags"
IMPLEMENTATION = "Implementation"


# ---------------------------------------------------------------------------------------------
# Data shapes
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    citation: str
    url: str = ""


@dataclass(frozen=True)
class WorkedExample:
    """A completed questionnaire and the result the course text states for it."""

    key: str
    title: str
    story: str
    answers: Mapping[int, str]
    total: int
    psychosocial: int
    risk: str  # "low", "medium" or "high"


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    kind: str
    category: str
    text: str
    explanation: str
    options: tuple[Option, ...] = ()
    # Set when the question asks for the result of a worked example; the tests re-score it.
    example: WorkedExample | None = None


@dataclass(frozen=True)
class Quiz:
    title: str
    description: str
    pass_mark: int
    # Shown with a passing result, and with a result below the mark.
    success_message: str
    retry_message: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    summary: str
    estimated_minutes: int
    body: list[Block]
    required: bool = True


@dataclass(frozen=True)
class Module:
    slug: str
    title: str
    summary: str
    lessons: tuple[Lesson, ...]
    quiz: Quiz


@dataclass(frozen=True)
class Course:
    slug: str
    title: str
    summary: str
    learning_outcomes: tuple[str, ...]
    audience: str
    estimated_minutes: int
    cpd_hours: Decimal
    prerequisites: str
    body: list[Block]
    modules: tuple[Module, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------------------------------------
# Block helpers: each returns one (block name, value) pair for LessonStreamBlock
# ---------------------------------------------------------------------------------------------


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _ol(*items: str) -> str:
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def heading(text: str, level: str = "h2") -> Block:
    return ("heading", {"text": text, "level": level})


def paragraph(*parts: str) -> Block:
    """Rich text; plain strings become paragraphs, strings already starting with a tag stay."""
    html = "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts)
    return ("paragraph", html)


def inset(*paragraphs: str) -> Block:
    return ("inset_text", {"body": _p(*paragraphs)})


def warning(title: str, *paragraphs: str, level: int = 3) -> Block:
    return ("warning_callout", {"title": title, "heading_level": level, "body": _p(*paragraphs)})


def care_card(kind: str, title: str, html: str) -> Block:
    """kind: "primary" (non-urgent), "urgent" or "immediate" (emergency)."""
    return (
        "care_card",
        {"type": kind, "heading_level": 3, "title": title, "body": [("richtext", html)]},
    )


def details(title: str, *paragraphs: str) -> Block:
    return ("details", {"title": title, "body": [("richtext", _p(*paragraphs))]})


def do_list(label: str, items: list[str] | tuple[str, ...]) -> Block:
    return ("do_list", {"heading_level": 3, "label": label, "do": [_p(i) for i in items]})


def dont_list(label: str, items: list[str] | tuple[str, ...]) -> Block:
    return ("dont_list", {"heading_level": 3, "label": label, "dont": [_p(i) for i in items]})


def table(caption: str, head: list[str], rows: list[list[str]], first_cell_header=True) -> Block:
    return (
        "table",
        {
            "caption": caption,
            "caption_size": "s",
            "head": [{"text": text} for text in head],
            "rows": [{"cells": [{"text": text} for text in row]} for row in rows],
            "first_cell_is_header": first_cell_header,
        },
    )


def key_points(*points: str) -> Block:
    return ("key_points", {"heading": "Key points", "points": list(points)})


def references(*refs: Reference) -> Block:
    return ("references", {"references": [{"citation": r.citation, "url": r.url} for r in refs]})


def check(question: str, options: list[tuple[str, bool, str]], explanation: str) -> Block:
    """A "check your understanding" question: options as (text, correct, feedback)."""
    return (
        "check_understanding",
        {
            "question": question,
            "options": [
                {"text": text, "correct": correct, "feedback": feedback}
                for text, correct, feedback in options
            ],
            "explanation": _p(explanation),
        },
    )


# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------

HILL_2011 = Reference(
    "Hill JC, Whitehurst DGT, Lewis M, et al. Comparison of stratified primary care management "
    "for low back pain with current best practice (STarT Back): a randomised controlled trial. "
    "Lancet 2011;378:1560–71.",
    "https://doi.org/10.1016/S0140-6736(11)60937-9",
)
FOSTER_2014 = Reference(
    "Foster NE, Mullis R, Hill JC, et al. Effect of stratified care for low back pain in family "
    "practice (IMPaCT Back): a prospective population-based sequential comparison. "
    "Ann Fam Med 2014;12:102–11.",
    "https://www.annfammed.org/content/12/2/102",
)
KEELE = Reference(
    "Keele University. STarT Back: the Keele STarT Back Screening Tool, scoring and matched "
    "treatments.",
    startback.SOURCE_URL,
)
WEST_MIDLANDS = Reference(
    "West Midlands Academic Health Science Network and Keele University Institute of Primary "
    "Care and Health Sciences. STarT Back: regional rollout of stratified care for low back pain "
    "(programme summary and early audit, from 2014)."
)
BACKPAC = Reference(
    "Sussex MSK Partnership East. Developing BackPAC: utilising stratification, shared decision "
    "making and promoting self-management to optimise service delivery (service evaluation, "
    "August 2019 to February 2020)."
)


# ---------------------------------------------------------------------------------------------
# Worked examples (every stated result is re-scored by the tests)
# ---------------------------------------------------------------------------------------------

AGREE = startback.Agreement.AGREE.value
DISAGREE = startback.Agreement.DISAGREE.value
NOT_AT_ALL = startback.Bothersomeness.NOT_AT_ALL.value
SLIGHTLY = startback.Bothersomeness.SLIGHTLY.value
MODERATELY = startback.Bothersomeness.MODERATELY.value
VERY_MUCH = startback.Bothersomeness.VERY_MUCH.value
EXTREMELY = startback.Bothersomeness.EXTREMELY.value

# What each item is about, for tables of answers (the wording itself is in startback.ITEMS).
ITEM_TOPICS = {
    1: "Pain spreading down the leg",
    2: "Shoulder or neck pain",
    3: "Walking only short distances",
    4: "Dressing more slowly",
    5: "Not safe to be active",
    6: "Worrying thoughts",
    7: "Pain terrible, never better",
    8: "Not enjoying things",
    9: "How bothersome",
}


def _answers(agree: set[int], item_9: str) -> dict[int, str]:
    answers = {number: AGREE if number in agree else DISAGREE for number in range(1, 9)}
    answers[9] = item_9
    return answers


EXAMPLE_LOW = WorkedExample(
    key="low",
    title="Example 1: Daniel, 34, office worker",
    story=(
        "Ten days of low back pain after moving furniture. The pain sometimes reaches his right "
        "thigh and he has been slow putting his socks on. He is sleeping, working and not "
        "worried; asked how bothersome the pain has been, he says 'moderately'."
    ),
    answers=_answers({1, 4}, MODERATELY),
    total=2,
    psychosocial=0,
    risk="low",
)
EXAMPLE_MEDIUM = WorkedExample(
    key="medium",
    title="Example 2: Joanne, 51, care assistant",
    story=(
        "Six weeks of back pain running into her left leg, and an aching neck. She has cut her "
        "walks short, takes longer to dress and has stopped going to her dance class. She "
        "expects to get better and does not think activity will harm her."
    ),
    answers=_answers({1, 2, 3, 4, 8}, VERY_MUCH),
    total=6,
    psychosocial=2,
    risk="medium",
)
EXAMPLE_HIGH = WorkedExample(
    key="high",
    title="Example 3: Marcus, 46, bus driver",
    story=(
        "Three months of back pain, no leg pain. He has stopped walking the dog because he "
        "believes activity will damage his back, lies awake worrying about keeping his job and "
        "says the pain will never get better. He still enjoys time with his grandchildren."
    ),
    answers=_answers({3, 5, 6, 7}, VERY_MUCH),
    total=5,
    psychosocial=4,
    risk="high",
)
EXAMPLE_PSYCHOSOCIAL_ONLY = WorkedExample(
    key="psychosocial-only",
    title="Distress without physical items",
    story="",
    answers=_answers({5, 6, 7, 8}, MODERATELY),
    total=4,
    psychosocial=4,
    risk="high",
)
EXAMPLE_MODERATELY = WorkedExample(
    key="moderately",
    title="Item 9 answered 'Moderately'",
    story="",
    answers=_answers({1, 3, 4}, MODERATELY),
    total=3,
    psychosocial=0,
    risk="low",
)
EXAMPLE_HIGH_TOTAL = WorkedExample(
    key="high-total",
    title="A high total that is not high risk",
    story="",
    answers=_answers({1, 2, 3, 4, 5, 6}, VERY_MUCH),
    total=7,
    psychosocial=3,
    risk="medium",
)
EXAMPLE_WRONG_ITEMS = WorkedExample(
    key="wrong-items",
    title="The subscale built from the wrong items",
    story="",
    answers=_answers({1, 4, 7, 8}, VERY_MUCH),
    total=5,
    psychosocial=3,
    risk="medium",
)
EXAMPLE_RED_FLAG = WorkedExample(
    key="red-flag",
    title="Low risk on paper, an emergency in fact",
    story="",
    answers=_answers({1}, SLIGHTLY),
    total=1,
    psychosocial=0,
    risk="low",
)
EXAMPLE_QUIZ_HIGH = WorkedExample(
    key="quiz-high",
    title="Quiz: neck pain and distress",
    story="",
    answers=_answers({2, 5, 6, 7}, EXTREMELY),
    total=5,
    psychosocial=4,
    risk="high",
)
EXAMPLE_QUIZ_TOTAL = WorkedExample(
    key="quiz-total",
    title="Quiz: adding up",
    story="",
    answers=_answers({1, 2, 3, 6}, EXTREMELY),
    total=5,
    psychosocial=2,
    risk="medium",
)

WORKED_EXAMPLES: tuple[WorkedExample, ...] = (
    EXAMPLE_LOW,
    EXAMPLE_MEDIUM,
    EXAMPLE_HIGH,
    EXAMPLE_PSYCHOSOCIAL_ONLY,
    EXAMPLE_MODERATELY,
    EXAMPLE_HIGH_TOTAL,
    EXAMPLE_WRONG_ITEMS,
    EXAMPLE_RED_FLAG,
    EXAMPLE_QUIZ_HIGH,
    EXAMPLE_QUIZ_TOTAL,
)


def _answer_label(number: int, value: str) -> str:
    return startback.item(number).option(value).label  # type: ignore[union-attr]


def _and_list(numbers: list[int]) -> str:
    if not numbers:
        return "none"
    if len(numbers) == 1:
        return str(numbers[0])
    return ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def _sentence_list(phrases: tuple[str, ...]) -> str:
    """'Fever', 'Intravenous drug use' → 'Fever, intravenous drug use': one list, one capital."""
    return ", ".join([phrases[0], *(phrase[0].lower() + phrase[1:] for phrase in phrases[1:])])


def scoring_items(example: WorkedExample) -> list[int]:
    """The items whose answer scores 1, read from the tool's own option scores."""
    return [
        number
        for number, value in sorted(example.answers.items())
        if startback.item(number).option(value).scores  # type: ignore[union-attr]
    ]


def answers_sentence(example: WorkedExample) -> str:
    """The answers in one sentence, for question stems."""
    agreed = [n for n in range(1, 9) if example.answers[n] == AGREE]
    item_9 = _answer_label(9, example.answers[9])
    if not agreed:
        return f"'Disagree' to items 1 to 8, and '{item_9}' to item 9."
    rest = "" if len(agreed) == 8 else "; 'Disagree' to the others from 1 to 8"
    noun = "item" if len(agreed) == 1 else "items"
    return f"'Agree' to {noun} {_and_list(agreed)}{rest}; '{item_9}' to item 9."


def result_sentence(example: WorkedExample) -> str:
    """Why the stated result follows, in the order the rules are applied."""
    total, sub = example.total, example.psychosocial
    if example.risk == "high":
        return (
            f"The psychosocial subscale is {sub} of 5. A subscale of 4 or more means high risk, "
            f"whatever the total (here {total})."
        )
    if example.risk == "low":
        return (
            f"The subscale is {sub}, below 4, and the total is {total} of 9. A total of 3 or "
            "less means low risk."
        )
    return (
        f"The subscale is {sub}, below 4, so this is not high risk. The total is {total} of 9, "
        "which is 4 or more, so the risk group is medium."
    )


def example_blocks(example: WorkedExample) -> list[Block]:
    """A worked example: the story, the answers as a table, and the scoring behind a reveal."""
    blocks: list[Block] = [heading(example.title)]
    if example.story:
        blocks.append(paragraph(example.story))
    blocks.append(
        table(
            f"{example.title.split(':')[-1].strip()}: answers",
            ["Item", "About", "Answer"],
            [[str(n), ITEM_TOPICS[n], _answer_label(n, example.answers[n])] for n in range(1, 10)],
        )
    )
    blocks.append(
        (
            "details",
            {
                "title": "Show the scoring",
                "body": [
                    (
                        "summary_list",
                        {
                            "rows": [
                                {
                                    "key": "Items scoring 1",
                                    "value": _p(_and_list(scoring_items(example))),
                                },
                                {"key": "Total", "value": _p(f"{example.total} of 9")},
                                {
                                    "key": "Psychosocial subscale (items 5 to 9)",
                                    "value": _p(f"{example.psychosocial} of 5"),
                                },
                                {
                                    "key": "Risk group",
                                    "value": _p(f"{example.risk.capitalize()} risk"),
                                },
                            ],
                            "no_border": False,
                        },
                    ),
                    ("richtext", _p(result_sentence(example))),
                ],
            },
        )
    )
    return blocks


RISK_OPTIONS = ("low", "medium", "high")


def risk_question(example: WorkedExample, *, explanation: str = "") -> Question:
    """A quiz question asking for an example's risk group; the right option is its stated risk."""
    return Question(
        kind=SINGLE,
        category=SCORING,
        text=f"A patient's answers: {answers_sentence(example)} Which risk group are they in?",
        explanation=(result_sentence(example) + (" " + explanation if explanation else "")),
        options=tuple(
            Option(f"{risk.capitalize()} risk", risk == example.risk) for risk in RISK_OPTIONS
        ),
        example=example,
    )


def risk_check(example: WorkedExample, question: str, feedback: Mapping[str, str]) -> Block:
    """A "check your understanding" block asking for an example's risk group."""
    return check(
        question,
        [
            (f"{risk.capitalize()} risk", risk == example.risk, feedback.get(risk, ""))
            for risk in RISK_OPTIONS
        ],
        result_sentence(example),
    )


# ---------------------------------------------------------------------------------------------
# Module 1: why stratify
# ---------------------------------------------------------------------------------------------

LESSON_BURDEN = Lesson(
    slug="low-back-pain-in-primary-care",
    title="Low back pain in primary care",
    summary="How common low back pain is, what it costs, and why one pathway for everyone fails.",
    estimated_minutes=10,
    body=[
        paragraph(
            "More than 7 in 10 people have a significant episode of back pain at some point in "
            "their lives. About 1 adult in 12 consults a GP with it each year, and it is the "
            "commonest reason middle-aged people see their GP. The estimated cost to the NHS is "
            "£4.2 billion a year.",
            "The cost falls on patients and employers too. Back pain is the second commonest "
            "cause of sickness absence, and of long-term disability and lost work in adults "
            "under 65.",
        ),
        heading("Most people recover; some do not"),
        paragraph(
            "Most episodes settle, whatever treatment is given. A minority of patients go on to "
            "persistent pain and disability, and do badly whatever is tried once the problem is "
            "established. At the first consultation the two groups can look alike: the same "
            "pain, the same examination findings, the same label of non-specific low back pain.",
            "What tends to differ is the impact of the pain on daily life and how the person "
            "thinks and feels about it: whether they fear that activity will harm them, whether "
            "worry and low mood have taken hold, how bothersome the pain is. These are the things "
            "the STarT Back tool asks about.",
        ),
        heading("The cost of one pathway for everyone"),
        paragraph(
            "The usual approach before stratified care was to identify the small number of "
            "people with a serious cause for their pain and then manage everybody else as a "
            "single group. That approach gets it wrong in both directions:",
            _ul(
                "people who would have recovered anyway are referred and treated more than they "
                "need, which uses physiotherapy time and can teach them that their back is "
                "fragile",
                "people heading for persistent disability get the same light-touch care, and by "
                "the time they reach the right treatment their problems are entrenched",
            ),
        ),
        heading("What stratified care does differently"),
        paragraph(
            "Stratified care sorts patients at the first contact by their risk of persistent "
            "disabling pain, and matches treatment to that risk. The Keele STarT Back Screening "
            "Tool (STarT stands for Subgrouping for Targeted Treatment) is a nine-item "
            "questionnaire that places each patient in one of three groups:",
            _ul(
                "<b>low risk</b>: likely to recover with advice, reassurance and support to "
                "self-manage in primary care",
                "<b>medium risk</b>: physical obstacles to recovery that physiotherapy can address",
                "<b>high risk</b>: physical and psychosocial obstacles (fear, worry, "
                "catastrophising, low mood) that need psychologically informed physiotherapy",
            ),
            "The tool predicts the course of the pain. It does not diagnose its cause, and it is "
            "used only once serious pathology has been screened out.",
        ),
        key_points(
            "Back pain is common and costly; most episodes settle, a minority become persistent.",
            "Treating everyone the same over-treats some patients and under-treats others.",
            "The STarT Back tool sorts patients into low, medium and high risk of persistent "
            "disabling pain so that treatment can be matched to risk.",
            "It predicts prognosis; it does not diagnose, and red flags come first.",
        ),
        check(
            "What does the STarT Back tool estimate?",
            [
                (
                    "Whether the back pain has a serious cause",
                    False,
                    "No. Serious causes are screened for with red flags before the tool is used.",
                ),
                (
                    "The risk of persistent disabling back pain",
                    True,
                    "Yes. It predicts how likely the pain is to become persistent and disabling.",
                ),
                (
                    "Whether imaging would show a structural abnormality",
                    False,
                    "No. The tool asks about symptoms, function and distress, not structure.",
                ),
            ],
            "The tool is prognostic: it estimates the risk of a poor outcome so treatment can be "
            "matched to it. Red-flag screening, not the tool, looks for serious pathology.",
        ),
        references(WEST_MIDLANDS, HILL_2011, KEELE),
    ],
)

LESSON_EVIDENCE = Lesson(
    slug="the-trial-evidence",
    title="The trial evidence",
    summary="What the STarT Back trial and the IMPaCT Back study found, and how strong it is.",
    estimated_minutes=12,
    body=[
        paragraph(
            "Two Keele University studies underpin stratified care for back pain: a randomised "
            "trial comparing it with current best care, and a study of what happened when GPs "
            "used it in routine practice."
        ),
        heading("The STarT Back trial"),
        paragraph(
            "851 adults consulting their GP with back pain at ten practices in England were "
            "randomly allocated to stratified care or to current best care. In the stratified "
            "arm, treatment followed the risk group: low-risk patients had a single session of "
            "advice and support to self-manage, medium-risk patients were referred to "
            "physiotherapy, and high-risk patients to psychologically informed physiotherapy. "
            "In the comparison arm, further treatment was at the clinician's discretion rather "
            "than by risk group."
        ),
        table(
            "STarT Back trial: stratified care against current best care",
            ["Outcome", "Result"],
            [
                ["Disability (RMDQ) at 4 months", "1.81 points better with stratified care"],
                ["Disability (RMDQ) at 12 months", "1.06 points better with stratified care"],
                ["Health gain at 12 months", "0.039 more quality-adjusted life years (QALYs)"],
                ["Cost per patient", "£240.01 with stratified care against £274.40"],
            ],
        ),
        paragraph(
            "The Roland-Morris Disability Questionnaire (RMDQ) scores from 0 to 24; higher means "
            "more disability. The differences are averages across all patients, including the "
            "many low-risk people who do well in either arm. Stratified care was both better "
            "and cheaper: in health-economic terms it dominated current best care."
        ),
        heading("IMPaCT Back"),
        paragraph(
            "A trial shows what can work under trial conditions. IMPaCT Back asked whether the "
            "benefit carried over when 64 GPs, with their local physiotherapy services, used "
            "stratified care in everyday practice. The GPs used a short 6-item version of the "
            "tool. Outcomes for 922 patients were compared between a period of usual care and a "
            "later period of stratified care."
        ),
        table(
            "IMPaCT Back: stratified care in routine general practice",
            ["Outcome", "Result"],
            [
                ["Time off work (mean)", "4 days with stratified care against 8 days"],
                ["Patients given a sickness certificate", "9% with stratified care against 15%"],
                ["Disability (RMDQ), high-risk group", "2.3 points better with stratified care"],
            ],
        ),
        paragraph(
            "This was a before-and-after comparison, not a randomised trial, so other changes "
            "over time could explain part of the difference. Its value is that it measured "
            "stratified care as ordinary practices deliver it, and the largest benefit was in "
            "the high-risk patients the approach is designed to find."
        ),
        inset(
            "What this means in clinic: stratifying does not mean doing more. It means giving "
            "low-risk patients less and high-risk patients something different, and the evidence "
            "is that both groups are better served."
        ),
        key_points(
            "STarT Back trial: 851 patients; disability 1.81 points better at 4 months and 1.06 "
            "at 12 months, for less money (£240.01 against £274.40 per patient).",
            "IMPaCT Back: in routine practice, time off work halved (4 against 8 days) and "
            "sickness certificates fell (9% against 15%).",
            "The biggest gain in IMPaCT Back was for high-risk patients (2.3 RMDQ points).",
        ),
        check(
            "In the STarT Back trial, how did stratified care compare with current best care?",
            [
                (
                    "Better outcomes, at a higher cost",
                    False,
                    "Not quite: it cost less, £240.01 against £274.40 per patient.",
                ),
                (
                    "Better outcomes, at a lower cost",
                    True,
                    "Yes. Disability improved more and the cost per patient was lower.",
                ),
                (
                    "The same outcomes, at a lower cost",
                    False,
                    "No. Disability improved more with stratified care, at 4 and 12 months.",
                ),
            ],
            "Stratified care improved disability by 1.81 RMDQ points at 4 months and 1.06 at 12 "
            "months, gained 0.039 QALYs and cost £240.01 against £274.40 per patient.",
        ),
        references(HILL_2011, FOSTER_2014),
    ],
)

LESSON_SERVICES = Lesson(
    slug="stratified-care-in-nhs-services",
    title="Stratified care in NHS services",
    summary="Two NHS examples: a regional rollout in the West Midlands and the BackPAC class.",
    estimated_minutes=10,
    body=[
        paragraph(
            "Trials show what can work; service evaluations show what happens when NHS teams "
            "adopt it. They are weaker evidence of cause and effect, but they show what it takes "
            "and what changes. Module 6 comes back to the practical lessons."
        ),
        heading("A regional rollout in the West Midlands"),
        paragraph(
            "From 2014 the West Midlands Academic Health Science Network and Keele University "
            "supported clusters of GP practices, and the physiotherapy services they refer to, "
            "in adopting stratified care. The programme paid for project management, training "
            "for GPs and physiotherapists, local clinical champions, and work with GP system "
            "suppliers so that the tool comes up when a back pain consultation is recorded.",
            "Early audits in the clusters reported:",
            _ul(
                "use of the tool in general practice up by as much as 30% (Stafford and Surrounds)",
                "physiotherapy waits down from 10 weeks to 4 once matched treatment was in place "
                "(Telford and Wrekin)",
                "achievement of the physiotherapy waiting-time target up from 52% to 80% (North "
                "Staffordshire)",
            ),
        ),
        heading("BackPAC: a back pain access class"),
        paragraph(
            "Sussex MSK Partnership East rebuilt its physiotherapy pathway for low back pain "
            "around an education class, BackPAC (Back Primary Access Class). Patients judged "
            "suitable when the referral was triaged were booked into a class within 2 weeks "
            "instead of joining the waiting list. They completed a red-flag screening form and "
            "the STarT Back tool, and after the class each agreed the next step with a "
            "clinician.",
            "Between August 2019 and February 2020, 174 patients attended:",
            _ul(
                "38% were low risk, 31% medium and 31% high, close to the mix in Keele's research",
                "53 chose to self-manage, with a 6-week period in which they could come straight "
                "back",
                "95% said they would recommend the service",
            ),
            "The service estimated a saving on tariff of £9,463 for every 518 patients referred "
            "with low back pain, and 0.6 whole-time-equivalent physiotherapy capacity released "
            "for other conditions.",
        ),
        inset(
            "These are audits and service evaluations, not trials. Use them for what they show "
            "is feasible in the NHS, not as effect sizes to promise locally."
        ),
        check(
            "Which best describes the evidence from the West Midlands rollout?",
            [
                (
                    "A randomised trial showing less disability",
                    False,
                    "No. That is the STarT Back trial; the rollout was evaluated by audit.",
                ),
                (
                    "Audit showing more use of the tool and shorter physiotherapy waits",
                    True,
                    "Yes. Uptake rose by up to 30% and waits fell in the clusters audited.",
                ),
                (
                    "A cost-effectiveness analysis",
                    False,
                    "No. The cost-effectiveness evidence comes from the STarT Back trial.",
                ),
            ],
            "Service evaluations such as the West Midlands audits and BackPAC show what NHS teams "
            "achieved; the trial and IMPaCT Back are the evidence of effect.",
        ),
        references(WEST_MIDLANDS, BACKPAC, KEELE),
    ],
)

QUIZ_WHY = Quiz(
    title="Why stratify: module quiz",
    description=_p("Questions on the burden of back pain and the evidence for stratified care."),
    pass_mark=70,
    success_message="You passed. You know the evidence well enough to explain it to colleagues.",
    retry_message=(
        "Not yet. Re-read 'The trial evidence' and 'Stratified care in NHS services', then try "
        "again."
    ),
    questions=(
        Question(
            SINGLE,
            EVIDENCE,
            "What does the Keele STarT Back Screening Tool estimate?",
            "The tool is prognostic: it estimates the risk of persistent disabling back pain so "
            "that treatment can be matched to it. Serious pathology is screened for separately, "
            "with red flags, before the tool is used.",
            (
                Option("Whether the pain has a serious cause"),
                Option("The risk of persistent disabling back pain", True),
                Option("The likely finding on an MRI scan"),
                Option("How long the patient will need off work"),
            ),
        ),
        Question(
            TRUE_FALSE,
            EVIDENCE,
            "In the STarT Back trial, stratified care cost more per patient than current best "
            "care.",
            "False. Stratified care cost £240.01 per patient against £274.40, and it gave better "
            "outcomes (0.039 more QALYs).",
            (Option("True"), Option("False", True)),
        ),
        Question(
            MULTIPLE,
            EVIDENCE,
            "Which of these did IMPaCT Back report? Choose all that apply.",
            "IMPaCT Back found time off work halved (4 against 8 days), fewer sickness "
            "certificates (9% against 15%) and a 2.3-point RMDQ gain in the high-risk group. "
            "Shorter physiotherapy waits come from the West Midlands audits, and the 95% "
            "recommendation rate from BackPAC.",
            (
                Option("Time off work halved, from 8 days to 4", True),
                Option("Fewer sickness certificates, 9% against 15%", True),
                Option("Disability 2.3 RMDQ points better in the high-risk group", True),
                Option("Physiotherapy waits down from 10 weeks to 4"),
                Option("95% of patients would recommend the service"),
            ),
        ),
        Question(
            SINGLE,
            EVIDENCE,
            "What kind of study was IMPaCT Back?",
            "IMPaCT Back compared patients seen before stratified care was introduced with "
            "patients seen after, in routine general practice. It is weaker evidence of cause "
            "than a randomised trial but shows the benefit in everyday care.",
            (
                Option("A randomised controlled trial in ten practices"),
                Option("A before-and-after comparison in routine general practice", True),
                Option("An audit of one physiotherapy class"),
            ),
        ),
        Question(
            SINGLE,
            EVIDENCE,
            "In the STarT Back trial, by how much more did disability (RMDQ) improve with "
            "stratified care at 4 months?",
            "1.81 points at 4 months, and 1.06 points at 12 months, on the 0 to 24 RMDQ scale. "
            "The 2.3-point figure is IMPaCT Back's result for high-risk patients.",
            (
                Option("0.39 points"),
                Option("1.81 points", True),
                Option("2.3 points"),
                Option("5 points"),
            ),
        ),
        Question(
            TRUE_FALSE,
            EVIDENCE,
            "Managing everyone with non-specific low back pain in the same way leads to some "
            "patients being over-treated and others under-treated.",
            "True. Patients who would recover anyway receive more than they need, while those at "
            "risk of persistent disability get the same light-touch care until their problems "
            "are established.",
            (Option("True", True), Option("False")),
        ),
        Question(
            SINGLE,
            IMPLEMENTATION,
            "In the BackPAC service, what was the mix of risk groups among 174 patients?",
            "38% low, 31% medium and 31% high risk, in line with Keele's research. A very "
            "different mix in your own service is worth checking: it often points to scoring "
            "errors.",
            (
                Option("38% low, 31% medium, 31% high", True),
                Option("70% low, 20% medium, 10% high"),
                Option("10% low, 30% medium, 60% high"),
            ),
        ),
    ),
)

MODULE_WHY = Module(
    slug="why-stratify",
    title="Why stratify care for low back pain?",
    summary=(
        "The burden of low back pain, why treating everyone the same fails, and the trial and "
        "NHS evidence for stratified care."
    ),
    lessons=(LESSON_BURDEN, LESSON_EVIDENCE, LESSON_SERVICES),
    quiz=QUIZ_WHY,
)


# ---------------------------------------------------------------------------------------------
# Module 2: the tool and how to score it
# ---------------------------------------------------------------------------------------------

LESSON_ITEMS = Lesson(
    slug="the-nine-items",
    title="The nine items",
    summary="The questionnaire as Keele publishes it, what each item covers, and when to use it.",
    estimated_minutes=10,
    body=[
        paragraph(
            "The tool is a short questionnaire that the patient completes, on paper or on "
            "screen, for a new episode of back pain, ideally at or before the first "
            "consultation. Every item is about the last 2 weeks. It takes a couple of minutes.",
            "Interpret the score only once you have screened for red flags. A patient with a "
            "suspected serious cause is referred, not stratified (module 5).",
        ),
        inset(startback.PREAMBLE),
        table(
            f"The Keele STarT Back Screening Tool {startback.COPYRIGHT}",
            ["Item", "Question", "Answers"],
            [
                [
                    str(item.number),
                    item.text,
                    " / ".join(option.label for option in item.options),
                ]
                for item in startback.ITEMS
            ],
        ),
        paragraph(
            "Keele University holds the copyright. The tool can be used without a licence for "
            "non-commercial purposes. It must be reproduced exactly: Keele does not endorse "
            "modified versions, and reworded items are no longer the validated tool. If a "
            "patient asks what an item means, read it again rather than paraphrasing it."
        ),
        heading("What the items cover"),
        table(
            "What each item measures",
            ["Items", "What they measure"],
            [
                ["1", "Referred leg pain"],
                ["2", "Pain elsewhere (shoulder or neck)"],
                ["3 and 4", "Disability: walking and dressing"],
                ["5", "Fear that activity is unsafe"],
                ["6", "Anxiety"],
                ["7", "Catastrophising"],
                ["8", "Low mood"],
                ["9", "How bothersome the pain is"],
            ],
        ),
        paragraph(
            "Items 1 to 4 are about physical factors. Items 5 to 9 make up the psychosocial "
            "subscale: the distress that predicts a poor outcome and calls for a psychologically "
            "informed approach."
        ),
        details(
            "Short and newer versions of the tool",
            "GPs in the IMPaCT Back study used a short 6-item version. The Keele STarT MSK Tool "
            "(2017) is a different, 10-item instrument for musculoskeletal pain in general; it "
            "needs a licence from Keele and may not be modified. This course teaches the 9-item "
            "STarT Back tool.",
        ),
        check(
            "Which items make up the psychosocial subscale?",
            [
                ("Items 1 to 4", False, "No. Items 1 to 4 are the physical items."),
                ("Items 5 to 9", True, "Yes: fear, anxiety, catastrophising, mood, bother."),
                (
                    "Items 1, 4, 7, 8 and 9",
                    False,
                    "No. Some secondary sources list these, wrongly. The subscale is items 5 to 9.",
                ),
            ],
            "The psychosocial subscale is items 5, 6, 7, 8 and 9, scored 0 to 5.",
        ),
        references(KEELE, HILL_2011, FOSTER_2014),
    ],
)

LESSON_SCORING = Lesson(
    slug="scoring-and-classifying",
    title="Scoring and classifying",
    summary="How each item scores, the total and the subscale, and the order of the risk rules.",
    estimated_minutes=12,
    body=[
        heading("Scoring each item"),
        paragraph(
            _ul(
                "Items 1 to 8: 'Agree' scores 1, 'Disagree' scores 0.",
                "Item 9: only 'Very much' or 'Extremely' scores 1. 'Not at all', 'Slightly' and "
                "'Moderately' score 0.",
            )
        ),
        heading("Two scores"),
        paragraph(
            _ul(
                "<b>Total score</b>: all nine items added together, from 0 to 9.",
                "<b>Psychosocial subscale</b>: items 5, 6, 7, 8 and 9 added together, from 0 to 5.",
            )
        ),
        heading("Deciding the risk group"),
        paragraph(
            "Apply these rules in order and stop at the first one that fits:",
            _ol(
                "If the psychosocial subscale is 4 or 5, the patient is at <b>high risk</b>.",
                "Otherwise, if the total is 3 or less, the patient is at <b>low risk</b>.",
                "Otherwise (a total of 4 or more and a subscale of 3 or less), the patient is at "
                "<b>medium risk</b>.",
            ),
        ),
        table(
            "The three risk groups",
            ["Risk group", "Rule", "Matched treatment"],
            [
                [
                    "High",
                    "Subscale 4 or 5, whatever the total",
                    "Psychologically informed physiotherapy",
                ],
                ["Medium", "Total 4 or more, subscale 3 or less", "Physiotherapy"],
                ["Low", "Total 3 or less", "Primary care management, self-management support"],
            ],
        ),
        inset(
            "High risk is decided by the subscale alone, never by the total. A patient with a "
            f"total of {EXAMPLE_HIGH_TOTAL.total} and a subscale of "
            f"{EXAMPLE_HIGH_TOTAL.psychosocial} is at {EXAMPLE_HIGH_TOTAL.risk} risk; a patient "
            f"with a total of {EXAMPLE_PSYCHOSOCIAL_ONLY.total} and a subscale of "
            f"{EXAMPLE_PSYCHOSOCIAL_ONLY.psychosocial} is at {EXAMPLE_PSYCHOSOCIAL_ONLY.risk} "
            "risk.",
            "A total of 3 or less can never contain a subscale of 4 or more, because the subscale "
            "is part of the total. So checking the low rule first gives the same answer; calling "
            "every total of 4 or more 'high' does not.",
        ),
        warning(
            "Red flags come first",
            "A score only means something once serious pathology has been screened out. A "
            "patient with a red flag is referred urgently, whatever their score.",
        ),
        risk_check(
            EXAMPLE_PSYCHOSOCIAL_ONLY,
            "A patient agrees with items 5, 6, 7 and 8, disagrees with items 1 to 4 and answers "
            "'Moderately' to item 9. Which risk group?",
            {
                "low": "No. The total is 4, not 3 or less, and the subscale is 4.",
                "medium": "No. A subscale of 4 makes the patient high risk, even with a total "
                "of only 4.",
                "high": "Yes. The subscale is 4, so the total does not matter.",
            },
        ),
        references(KEELE, HILL_2011),
    ],
)

LESSON_EXAMPLES = Lesson(
    slug="worked-examples",
    title="Worked examples",
    summary="Three patients scored step by step: one in each risk group.",
    estimated_minutes=15,
    body=[
        paragraph(
            "Score each patient yourself from the table of answers before you open the scoring. "
            "Work in the same order every time: mark the items that score 1, add the total, add "
            "items 5 to 9 for the subscale, then apply the rules."
        ),
        *example_blocks(EXAMPLE_LOW),
        *example_blocks(EXAMPLE_MEDIUM),
        *example_blocks(EXAMPLE_HIGH),
        key_points(
            "Mark the items scoring 1 first; item 9 scores only for 'Very much' or 'Extremely'.",
            "Check the subscale before the total: 4 or more is high risk.",
            "A high-risk patient can have a modest total, and a medium-risk patient a high one.",
        ),
        risk_check(
            EXAMPLE_HIGH,
            f"Marcus's total is {EXAMPLE_HIGH.total}. Someone says that a total of "
            f"{EXAMPLE_HIGH.total} makes him medium risk. What is his risk group?",
            {
                "low": "No. His total is above 3.",
                "medium": "No. The total only decides between low and medium once the subscale "
                "is below 4.",
                "high": "Yes. His subscale is 4, which makes him high risk whatever the total.",
            },
        ),
        references(KEELE),
    ],
)

LESSON_MISTAKES = Lesson(
    slug="classic-scoring-mistakes",
    title="Classic scoring mistakes",
    summary="The four mistakes trainees make most often, and how to avoid each one.",
    estimated_minutes=10,
    body=[
        paragraph(
            "Four scoring mistakes are common. Each one moves a patient into the wrong group, "
            "and so to the wrong treatment."
        ),
        heading("1. Counting 'Moderately' on item 9"),
        paragraph(
            "Item 9 scores 1 only for 'Very much' or 'Extremely'. 'Moderately' scores 0.",
            f"Example answers: {answers_sentence(EXAMPLE_MODERATELY)} "
            f"The total is {EXAMPLE_MODERATELY.total} and the patient is at "
            f"{EXAMPLE_MODERATELY.risk} risk. Counting 'Moderately' as 1 would make the "
            f"total {EXAMPLE_MODERATELY.total + 1} and wrongly move them to "
            "medium risk and a physiotherapy referral they do not need.",
        ),
        heading("2. Calling a total of 4 or more 'high'"),
        paragraph(
            "The total separates low from medium. Only the subscale makes a patient high risk.",
            f"Example answers: {answers_sentence(EXAMPLE_HIGH_TOTAL)} "
            f"The total is {EXAMPLE_HIGH_TOTAL.total} but the subscale is "
            f"{EXAMPLE_HIGH_TOTAL.psychosocial}, so the patient is at {EXAMPLE_HIGH_TOTAL.risk} "
            "risk, not high.",
        ),
        heading("3. Building the subscale from the wrong items"),
        paragraph(
            "The psychosocial subscale is items 5 to 9. Some secondary sources list items 1, 4, "
            "7, 8 and 9, which mixes physical items into it.",
            f"Example answers: {answers_sentence(EXAMPLE_WRONG_ITEMS)} "
            f"Items 5 to 9 give a subscale of {EXAMPLE_WRONG_ITEMS.psychosocial}, so with a total "
            f"of {EXAMPLE_WRONG_ITEMS.total} the patient is at {EXAMPLE_WRONG_ITEMS.risk} risk. "
            "Adding items 1, 4, 7, 8 and 9 "
            "instead gives 5 and a wrong label of high risk.",
        ),
        heading("4. Stratifying a patient with a red flag"),
        paragraph(
            "The tool assumes serious pathology has been screened out. Take a patient who "
            f"answers: {answers_sentence(EXAMPLE_RED_FLAG)} That scores a total of "
            f"{EXAMPLE_RED_FLAG.total} and a subscale of {EXAMPLE_RED_FLAG.psychosocial}: "
            f"{EXAMPLE_RED_FLAG.risk} risk on paper. If the same patient reports new difficulty "
            "passing urine and numbness in the saddle area, the score is irrelevant: they need "
            "emergency assessment for cauda equina syndrome today."
        ),
        dont_list(
            "Don't",
            [
                "count 'Moderately' on item 9",
                "call a patient high risk because the total is 4 or more",
                "build the subscale from any items other than 5, 6, 7, 8 and 9",
                "give a risk group to a patient with a red flag",
            ],
        ),
        check(
            "A patient answers 'Moderately' to item 9. What does item 9 score?",
            [
                ("0", True, "Yes. Only 'Very much' and 'Extremely' score 1."),
                ("1", False, "No. This is the commonest scoring mistake."),
                ("It depends on the total", False, "No. Each item is scored on its own."),
            ],
            "Item 9 scores 1 only for 'Very much' or 'Extremely'; 'Not at all', 'Slightly' and "
            "'Moderately' all score 0.",
        ),
        references(KEELE),
    ],
)

QUIZ_SCORING = Quiz(
    title="Scoring the tool: module quiz",
    description=_p(
        "Questions on scoring the nine items and deciding the risk group. Have the scoring "
        "rules clear in your head, not on a crib sheet: you will use them in every consultation."
    ),
    pass_mark=80,
    success_message="You passed. Your scoring is accurate; practise on the case vignettes next.",
    retry_message=(
        "Not yet. Scoring has to be exactly right. Re-read 'Scoring and classifying' and "
        "'Classic scoring mistakes', then try again."
    ),
    questions=(
        Question(
            SINGLE,
            SCORING,
            "A patient answers 'Moderately' to item 9 (how bothersome). What does item 9 score?",
            "0. Item 9 scores 1 only for 'Very much' or 'Extremely'. Counting 'Moderately' is "
            "the commonest scoring mistake.",
            (Option("0", True), Option("1"), Option("0.5")),
        ),
        Question(
            SINGLE,
            SCORING,
            "Which items make up the psychosocial subscale?",
            "Items 5 to 9: fear, anxiety, catastrophising, low mood and bothersomeness. Some "
            "secondary sources wrongly list items 1, 4, 7, 8 and 9.",
            (
                Option("Items 1 to 4"),
                Option("Items 5 to 9", True),
                Option("Items 1, 4, 7, 8 and 9"),
                Option("Items 2, 5, 6, 8 and 9"),
            ),
        ),
        risk_question(
            EXAMPLE_HIGH_TOTAL,
            explanation="A total of 4 or more does not make a patient high risk on its own.",
        ),
        risk_question(
            EXAMPLE_QUIZ_HIGH,
            explanation="Item 9 'Extremely' scores 1, so items 5, 6, 7 and 9 give a subscale of 4.",
        ),
        Question(
            SINGLE,
            SCORING,
            f"A patient's answers: {answers_sentence(EXAMPLE_QUIZ_TOTAL)} What is the total score?",
            f"Items {_and_list(scoring_items(EXAMPLE_QUIZ_TOTAL))} score 1, a total of "
            f"{EXAMPLE_QUIZ_TOTAL.total}. {result_sentence(EXAMPLE_QUIZ_TOTAL)}",
            tuple(
                Option(str(n), n == EXAMPLE_QUIZ_TOTAL.total)
                for n in (
                    EXAMPLE_QUIZ_TOTAL.total - 1,
                    EXAMPLE_QUIZ_TOTAL.total,
                    EXAMPLE_QUIZ_TOTAL.total + 1,
                )
            ),
            example=EXAMPLE_QUIZ_TOTAL,
        ),
        Question(
            MULTIPLE,
            SCORING,
            "Which of these statements about scoring are correct? Choose all that apply.",
            "Items 1 to 8 score 1 for 'Agree'; the total runs from 0 to 9; a subscale of 4 or "
            "more is high risk whatever the total. A total of 4 or more separates medium from "
            "low, not high from medium, and item 9 scores only for 'Very much' or 'Extremely'.",
            (
                Option("Items 1 to 8 score 1 for 'Agree'", True),
                Option("The total score runs from 0 to 9", True),
                Option("A subscale of 4 or more means high risk, whatever the total", True),
                Option("A total of 4 or more means high risk"),
                Option("Item 9 scores 1 for 'Moderately' or above"),
            ),
        ),
        Question(
            TRUE_FALSE,
            SCORING,
            "A patient can have a total of 3 or less and a psychosocial subscale of 4.",
            "False. The subscale is part of the total, so a subscale of 4 means a total of at "
            "least 4. That is why checking the low rule first gives the same result.",
            (Option("True"), Option("False", True)),
        ),
        risk_question(
            EXAMPLE_WRONG_ITEMS,
            explanation="Building the subscale from items 1, 4, 7, 8 and 9 would give 5 and "
            "the wrong answer, high.",
        ),
    ),
)

MODULE_SCORING = Module(
    slug="scoring-the-tool",
    title="The tool and how to score it",
    summary=(
        "The nine items of the Keele STarT Back Screening Tool, how to score them, the order of "
        "the risk rules, worked examples and the classic mistakes."
    ),
    lessons=(LESSON_ITEMS, LESSON_SCORING, LESSON_EXAMPLES, LESSON_MISTAKES),
    quiz=QUIZ_SCORING,
)


# ---------------------------------------------------------------------------------------------
# Module 3: matched treatment
# ---------------------------------------------------------------------------------------------

LESSON_LOW = Lesson(
    slug="care-for-everyone-and-low-risk",
    title="Care for everyone, and low risk",
    summary="The care every patient gets whatever their score, and primary care for low risk.",
    estimated_minutes=10,
    body=[
        heading("For every patient, whatever the score"),
        paragraph(
            "Stratification adds to good basic care; it does not replace it. Every patient, in "
            "every risk group, should have:"
        ),
        do_list("Do, for every patient", list(startback.CARE_FOR_EVERYONE)),
        heading("Low risk: primary care management"),
        paragraph(
            "Low-risk patients are likely to recover with good primary care. Management is "
            "information, reassurance and support to self-manage: explain that back pain is "
            "common and usually settles, that activity helps recovery, how to use pain relief, "
            "and what to look out for. Give written self-management material to take away.",
            "There is no routine onward referral. At most, one further session with a clinician "
            "to go over advice or answer questions.",
        ),
        dont_list(
            "Don't, for a low-risk patient",
            [
                "refer routinely for physiotherapy",
                "advise rest or avoiding normal activity",
                "describe the back as damaged, worn out or fragile",
            ],
        ),
        inset(
            "Holding back routine referral is part of the treatment, not a saving at the "
            "patient's expense. In the STarT Back trial the stratified arm, in which low-risk "
            "patients had no routine onward referral, had better outcomes at lower cost."
        ),
        paragraph(
            "For physiotherapists: if a low-risk patient reaches you, one session that reassures, "
            "explains and sets up self-management is the matched treatment. Discharge with a "
            "clear route back if things do not settle."
        ),
        check(
            "A low-risk patient asks to be referred to physiotherapy 'to be safe'. Which response "
            "fits matched care?",
            [
                (
                    "Refer, because the patient asked",
                    False,
                    "Referral of low-risk patients is not routine. Explain why first.",
                ),
                (
                    "Explain the good outlook, agree a self-management plan and say when to come "
                    "back",
                    True,
                    "Yes. Information, reassurance and self-management support is the matched "
                    "treatment, with a clear safety-net.",
                ),
                (
                    "Arrange an X-ray to reassure them",
                    False,
                    "No. Imaging is for suspected serious pathology, not reassurance.",
                ),
            ],
            "Low risk means primary care management: information, reassurance, self-management "
            "support and safety-netting, with no routine onward referral.",
        ),
        references(HILL_2011, KEELE),
    ],
)

LESSON_MEDIUM = Lesson(
    slug="medium-risk-physiotherapy",
    title="Medium risk: physiotherapy",
    summary="Referral to physiotherapy aimed at the physical obstacles to recovery.",
    estimated_minutes=10,
    body=[
        paragraph(
            "Medium-risk patients have physical obstacles to recovery: pain spreading into the "
            "leg, pain elsewhere, walking or dressing limited by pain. Their psychosocial "
            "subscale is 3 or less, so distress is not the main barrier."
        ),
        heading("For GPs"),
        paragraph(
            "Refer to physiotherapy. Say in the referral that the patient is medium risk on the "
            "STarT Back tool, with the total and subscale, so the service can book the right "
            "kind of appointment. Give the same advice, pain relief guidance and safety-net as "
            "for every patient while they wait."
        ),
        heading("For physiotherapists"),
        paragraph(
            "Treat the physical obstacles: exercise, manual therapy where it helps, and "
            "education about back pain, following the matched-treatment approach. In practice:",
            _ul(
                "assess what limits function: walking, bending, dressing, work tasks",
                "agree goals in terms of activities that matter to the patient",
                "use exercise and graded return to activity as the core of treatment",
                "explain findings in terms that build confidence in the back",
            ),
        ),
        inset(
            "Keep listening for distress. If fear of movement, worry or low mood become the main "
            "obstacle during treatment, use the psychologically informed approach described in "
            "the next lesson."
        ),
        check(
            "Which treatment is matched to a medium-risk patient?",
            [
                (
                    "Advice and self-management support only",
                    False,
                    "That is the matched treatment for low risk.",
                ),
                (
                    "Physiotherapy for the physical obstacles: exercise, manual therapy, education",
                    True,
                    "Yes.",
                ),
                (
                    "Psychologically informed physiotherapy",
                    False,
                    "That is matched to high risk (a subscale of 4 or 5).",
                ),
            ],
            "Medium risk: refer to physiotherapy that targets the physical obstacles to recovery.",
        ),
        references(HILL_2011, KEELE),
    ],
)

LESSON_HIGH = Lesson(
    slug="high-risk-psychologically-informed-physiotherapy",
    title="High risk: psychologically informed physiotherapy",
    summary="Physiotherapy that tackles fear, worry, catastrophising and low mood as well as pain.",
    estimated_minutes=12,
    body=[
        paragraph(
            "High-risk patients have a psychosocial subscale of 4 or 5: at least four of fear that "
            "activity is unsafe, persistent worry, a belief that the pain is terrible and will "
            "never improve, low mood, and pain that bothers them very much. These obstacles "
            "predict persistent disability, and physical treatment alone does not address them."
        ),
        heading("What psychologically informed physiotherapy involves"),
        paragraph(
            "It is physiotherapy, delivered by a physiotherapist, that addresses the psychosocial "
            "obstacles as well as the physical ones, using cognitive-behavioural principles. It "
            "is not talking therapy instead of physical treatment. Typically it includes:",
            _ul(
                "finding out what the patient believes about their back and what they fear will "
                "happen if they move",
                "explaining pain in a way that makes it less threatening",
                "graded activity, including the movements the patient avoids, towards goals the "
                "patient chooses",
                "noticing unhelpful thoughts and testing them against what happens when the "
                "patient is active",
                "attention to sleep, mood and work, and liaison with the GP when mood needs "
                "assessment or treatment",
            ),
            "In the STarT Back trial, physiotherapists were trained to deliver this approach "
            "before treating high-risk patients. Services need to plan that training.",
        ),
        heading("Further options"),
        paragraph(
            "Where they are available locally, high-risk patients can also be referred to an "
            "advanced practitioner or a pain management service. In BackPAC, this was one of the "
            "options offered to high-risk patients alongside the class-based and one-to-one "
            "routes."
        ),
        heading("For GPs"),
        paragraph(
            "Refer to a physiotherapy service that provides psychologically informed "
            "physiotherapy, and say that the patient is high risk. Acknowledge the distress in "
            "the consultation: naming worry and low mood as part of the picture, not as a sign "
            "that the pain is imagined, helps the patient accept the referral."
        ),
        warning(
            "High risk is about prognosis, not pathology",
            "A high-risk score does not suggest a more serious cause and is not a reason to "
            "investigate more. Red flags decide investigation; the score decides treatment.",
        ),
        check(
            "What distinguishes treatment for high-risk patients?",
            [
                (
                    "Talking therapy replaces physical treatment",
                    False,
                    "No. It is physiotherapy that adds attention to the psychosocial obstacles.",
                ),
                (
                    "Physiotherapy that also targets fear, worry, catastrophising and low mood",
                    True,
                    "Yes: psychologically informed physiotherapy.",
                ),
                (
                    "Imaging before any treatment starts",
                    False,
                    "No. A high-risk score is not a reason to investigate.",
                ),
            ],
            "High risk: psychologically informed physiotherapy using cognitive-behavioural "
            "principles, with an advanced practitioner or pain management service where "
            "available.",
        ),
        references(HILL_2011, KEELE, BACKPAC),
    ],
)

QUIZ_MATCHED = Quiz(
    title="Matched treatment: module quiz",
    description=_p("Questions on the care matched to each risk group."),
    pass_mark=75,
    success_message="You passed. You can match each risk group to its treatment.",
    retry_message="Not yet. Re-read the three lessons in this module, then try again.",
    questions=(
        Question(
            SINGLE,
            MATCHED_TREATMENT,
            "What is the matched treatment for a low-risk patient?",
            "Primary care management: information, reassurance and self-management support, "
            "with no routine onward referral (one session at most).",
            (
                Option("Primary care management and support to self-manage", True),
                Option("Referral to physiotherapy"),
                Option("Psychologically informed physiotherapy"),
                Option("Referral to a pain management service"),
            ),
        ),
        Question(
            SINGLE,
            MATCHED_TREATMENT,
            "What is the matched treatment for a medium-risk patient?",
            "Referral to physiotherapy targeting the physical obstacles to recovery: exercise, "
            "manual therapy and education.",
            (
                Option("Advice and self-management support only"),
                Option("Physiotherapy for the physical obstacles to recovery", True),
                Option("Psychologically informed physiotherapy"),
            ),
        ),
        Question(
            SINGLE,
            MATCHED_TREATMENT,
            "What is the matched treatment for a high-risk patient?",
            "Psychologically informed physiotherapy, which targets fear, worry, catastrophising "
            "and low mood as well as the physical obstacles; where available, an advanced "
            "practitioner or pain management service.",
            (
                Option("Advice and self-management support only"),
                Option("Standard physiotherapy for the physical obstacles"),
                Option("Psychologically informed physiotherapy", True),
                Option("Urgent imaging"),
            ),
        ),
        Question(
            MULTIPLE,
            MATCHED_TREATMENT,
            "Which should every patient receive, whatever their risk group? Choose all that apply.",
            "Every stratum gets assessment, advice to stay active and at work, pain relief "
            "advice, written self-management material, reassurance and safety-netting. "
            "Physiotherapy referral depends on the risk group; imaging is for suspected serious "
            "pathology.",
            (
                Option("Advice to stay active and at work", True),
                Option("Advice on pain relief", True),
                Option("Written self-management material", True),
                Option("Safety-netting: what to watch for and when to come back", True),
                Option("Referral to physiotherapy"),
                Option("An X-ray of the lumbar spine"),
            ),
        ),
        Question(
            TRUE_FALSE,
            MATCHED_TREATMENT,
            "Psychologically informed physiotherapy replaces physical treatment with talking "
            "therapy.",
            "False. It is physiotherapy, with exercise and graded activity at its core, that "
            "also addresses psychosocial obstacles using cognitive-behavioural principles.",
            (Option("True"), Option("False", True)),
        ),
        Question(
            TRUE_FALSE,
            MATCHED_TREATMENT,
            "Low-risk patients should be referred for physiotherapy routinely, to be safe.",
            "False. Low-risk patients are managed in primary care with no routine onward "
            "referral. In the STarT Back trial, the stratified arm, which did not routinely refer "
            "them, had better outcomes at lower cost.",
            (Option("True"), Option("False", True)),
        ),
        Question(
            SINGLE,
            MATCHED_TREATMENT,
            "A patient is high risk. Which further option may be added where it exists locally?",
            "Referral to an advanced practitioner or pain management service is an option for "
            "high-risk patients where available, as in the BackPAC model.",
            (
                Option("Referral to an advanced practitioner or pain management service", True),
                Option("Bed rest for two weeks"),
                Option("A repeat STarT Back tool every week instead of treatment"),
            ),
        ),
    ),
)

MODULE_MATCHED = Module(
    slug="matched-treatment",
    title="Matched treatment for each risk group",
    summary=(
        "The care every patient gets, and the treatment matched to low, medium and high risk: "
        "primary care management, physiotherapy and psychologically informed physiotherapy."
    ),
    lessons=(LESSON_LOW, LESSON_MEDIUM, LESSON_HIGH),
    quiz=QUIZ_MATCHED,
)


# ---------------------------------------------------------------------------------------------
# Module 4: communicating risk and shared decision making
# ---------------------------------------------------------------------------------------------

LESSON_EXPLAINING = Lesson(
    slug="explaining-the-result",
    title="Explaining the result",
    summary="Talking about a risk group so that it helps the patient rather than alarming them.",
    estimated_minutes=10,
    body=[
        paragraph(
            "The risk group is a prediction about recovery, not a diagnosis. How you put it "
            "shapes what the patient does next: a low-risk patient who leaves worried, or a "
            "high-risk patient who hears 'there's something badly wrong', has been let down by "
            "the conversation, not the score."
        ),
        heading("What helps"),
        do_list(
            "Do",
            [
                "explain that the questionnaire looks at how the pain is affecting them and what "
                "might slow their recovery",
                "describe the result in terms of what will help",
                "say that back pain is common and that most episodes settle",
                "ask what they make of it and what worries them",
            ],
        ),
        dont_list(
            "Don't",
            [
                "say 'you are high risk' without explaining what it means and what will help",
                "describe the spine as damaged, worn out or out of place",
                "promise the pain will be gone by a set date",
            ],
        ),
        heading("Words you might use"),
        table(
            "Explaining each risk group",
            ["Risk group", "Something you might say"],
            [
                [
                    "Low",
                    "Your answers suggest this is the kind of back pain that usually settles with "
                    "the right advice and by keeping active. I'll go through what you can do and "
                    "what to look out for.",
                ],
                [
                    "Medium",
                    "Your answers show the pain is getting in the way of walking and everyday "
                    "jobs. A physiotherapist can work on that with you, so I'd like to refer you.",
                ],
                [
                    "High",
                    "Your answers show the pain is affecting you in several ways, including how "
                    "much it's worrying you. That's common and it matters: people recover better "
                    "when those things are worked on too, so I'd like you to see a "
                    "physiotherapist who works that way.",
                ],
            ],
        ),
        paragraph(
            "With a high-risk patient, name the worry and low mood as part of the picture, "
            "not as a sign that the pain is imagined or 'all in the mind'. Patients who feel "
            "disbelieved often disengage."
        ),
        check(
            "Which is the better way to open a conversation about a high-risk result?",
            [
                (
                    "'Your score says you're high risk, so I'm referring you.'",
                    False,
                    "This gives a label without meaning and can alarm the patient.",
                ),
                (
                    "'Your answers show the pain is affecting you in several ways, including "
                    "worry. Working on that too helps people recover.'",
                    True,
                    "Yes. It explains the result in terms of what will help.",
                ),
                (
                    "'The questionnaire suggests something more serious is going on.'",
                    False,
                    "No. The tool predicts recovery; it does not detect serious disease.",
                ),
            ],
            "Explain what the answers show and what will help. A risk group is a prediction about "
            "recovery, not a diagnosis.",
        ),
        references(KEELE, HILL_2011),
    ],
)

LESSON_SDM = Lesson(
    slug="shared-decision-making",
    title="Shared decision making: the BackPAC options",
    summary="Agreeing the next step with the patient, using the options BackPAC offered.",
    estimated_minutes=12,
    body=[
        paragraph(
            "The risk group frames the conversation; it does not make the decision. Shared "
            "decision making means setting out the options that fit the risk group, finding out "
            "what matters to the patient, and agreeing a plan together."
        ),
        heading("The BackPAC options"),
        paragraph(
            "In BackPAC, after an education class on back pain, each patient was seen "
            "individually and agreed one of these:"
        ),
        table(
            "Options after the BackPAC class",
            ["Option", "What it means", "Usually suits"],
            [
                [
                    "Self-manage, with a 6-week SOS period",
                    "Discharged with the advice from the class; the patient can come back "
                    "directly, without a new referral, within 6 weeks if things are not improving",
                    "Most low-risk patients, and others who prefer to self-manage",
                ],
                [
                    "Back rehab class",
                    "A group exercise and rehabilitation class",
                    "Medium-risk patients; some high-risk patients",
                ],
                [
                    "One-to-one physiotherapy",
                    "Individual treatment, psychologically informed where needed",
                    "Medium- and high-risk patients",
                ],
                [
                    "Advanced practitioner or pain management",
                    "Referral within the local MSK service",
                    "High-risk patients only",
                ],
            ],
        ),
        paragraph(
            "Of the 174 patients who attended BackPAC in its first evaluation, 53 chose to "
            "self-manage with an SOS period. The service noted that it still needed data on how "
            "many came back during the SOS period, which is worth auditing if you adopt the "
            "model."
        ),
        heading("Steps in the conversation"),
        paragraph(
            _ol(
                "Share the result and what it means.",
                "Set out the options that fit the risk group, including self-management.",
                "Ask what matters: work, caring, activities, fears about treatment.",
                "Agree a plan, and the safety-net that goes with it.",
                "Record the risk group, the options discussed and the decision.",
            )
        ),
        inset(
            "A low-risk patient who asks for physiotherapy should hear why self-management is "
            "likely to be enough, and that the SOS period gives them a direct route back. The "
            "decision is still shared: record what they chose and why."
        ),
        check(
            "What does a 6-week SOS period mean?",
            [
                (
                    "The patient must be reviewed every week for 6 weeks",
                    False,
                    "No. The patient self-manages; there are no scheduled reviews.",
                ),
                (
                    "The patient self-manages and can return directly within 6 weeks if not "
                    "improving",
                    True,
                    "Yes. It is a safety-net that avoids a new referral.",
                ),
                (
                    "The patient waits 6 weeks for physiotherapy",
                    False,
                    "No. It is not a waiting list.",
                ),
            ],
            "In BackPAC, patients who chose to self-manage were discharged with the advice from "
            "the class and a 6-week period in which they could come straight back.",
        ),
        references(BACKPAC, KEELE),
    ],
)

LESSON_QUESTIONS = Lesson(
    slug="answering-common-questions",
    title="Answering common questions",
    summary="Short, accurate answers to what patients ask most often about their back pain.",
    estimated_minutes=8,
    body=[
        paragraph(
            "The same questions come up in most consultations. Answers that are accurate and "
            "consistent across GPs and physiotherapists make the matched treatment easier to "
            "accept."
        ),
        details(
            "'Do I need a scan?'",
            "Not for back pain without red flags. A scan rarely changes the treatment and often "
            "shows changes that are common in people of the same age without any pain, which "
            "can add to worry. Scans are for when a serious cause is suspected.",
        ),
        details(
            "'Should I rest until it settles?'",
            "No. Staying active, and at or returning to work, helps recovery. Pain on movement "
            "does not mean harm is being done. Adjust activities for a while rather than "
            "stopping them.",
        ),
        details(
            "'Why aren't you referring me?' (low risk)",
            "Because the questionnaire and the examination suggest this is the kind of back "
            "pain that settles with the right advice, and advice and self-management are the "
            "treatment matched to it. Explain the route back if things do not settle.",
        ),
        details(
            "'Does high risk mean it's something serious?'",
            "No. It means the pain is having a big effect on life and mood, which can slow "
            "recovery. It says nothing about the structure of the back; the checks for serious "
            "causes have already been done.",
        ),
        details(
            "'Will it come back?'",
            "It may. Flare-ups are common and usually settle in the same way. Knowing how to "
            "manage a flare-up, and when to seek help, is more useful than avoiding activity.",
        ),
        check(
            "A patient without red flags asks for a scan. What is the most accurate answer?",
            [
                (
                    "A scan will show what is causing the pain",
                    False,
                    "No. Scan findings often do not explain non-specific back pain.",
                ),
                (
                    "A scan rarely changes treatment and is for when a serious cause is suspected",
                    True,
                    "Yes.",
                ),
                (
                    "A scan is needed before physiotherapy can start",
                    False,
                    "No. Matched treatment does not depend on imaging.",
                ),
            ],
            "Imaging is for suspected serious pathology. For non-specific back pain it rarely "
            "changes management and can increase worry.",
        ),
        references(KEELE, HILL_2011),
    ],
)

QUIZ_COMMUNICATION = Quiz(
    title="Communicating risk: module quiz",
    description=_p(
        "Questions on explaining a risk group and agreeing a plan. The last question is "
        "marked by a trainer."
    ),
    pass_mark=70,
    success_message="You passed. A trainer will comment on your written answer.",
    retry_message="Not yet. Re-read 'Explaining the result' and 'Shared decision making'.",
    questions=(
        Question(
            SINGLE,
            COMMUNICATION,
            "What is a STarT Back risk group?",
            "It is a prediction of the chance of persistent disabling pain, used to match "
            "treatment. It is not a diagnosis and says nothing about the structure of the back.",
            (
                Option("A diagnosis of the cause of the pain"),
                Option("A prediction about recovery, used to match treatment", True),
                Option("A measure of how damaged the spine is"),
            ),
        ),
        Question(
            MULTIPLE,
            COMMUNICATION,
            "Which options did BackPAC offer after the education class? Choose all that apply.",
            "Self-management with a 6-week SOS period, a back rehab class, one-to-one "
            "physiotherapy, and for high-risk patients an advanced practitioner or pain "
            "management. Imaging and rest were not options.",
            (
                Option("Self-manage, with a 6-week SOS period", True),
                Option("A back rehab class", True),
                Option("One-to-one physiotherapy", True),
                Option("For high-risk patients, an advanced practitioner or pain management", True),
                Option("An MRI scan for everyone"),
                Option("Two weeks of rest"),
            ),
        ),
        Question(
            TRUE_FALSE,
            COMMUNICATION,
            "In shared decision making, the risk group decides the treatment and the patient is "
            "told what it is.",
            "False. The risk group frames the options; the decision is made with the patient, "
            "taking account of what matters to them.",
            (Option("True"), Option("False", True)),
        ),
        Question(
            SINGLE,
            COMMUNICATION,
            "What does a 6-week SOS period mean?",
            "The patient self-manages and can return directly, without a new referral, within 6 "
            "weeks if things are not improving.",
            (
                Option("Weekly reviews for 6 weeks"),
                Option("Self-management with a direct route back within 6 weeks", True),
                Option("A 6-week wait for physiotherapy"),
            ),
        ),
        Question(
            SINGLE,
            COMMUNICATION,
            "A patient with no red flags asks for a scan. Which answer is accurate?",
            "A scan rarely changes the treatment of non-specific back pain, often shows changes "
            "common in people without pain, and can increase worry. Scans are for suspected "
            "serious causes.",
            (
                Option("A scan will show what is causing the pain"),
                Option("A scan rarely changes treatment and is for suspected serious causes", True),
                Option("A scan is needed before any treatment"),
            ),
        ),
        Question(
            TRUE_FALSE,
            COMMUNICATION,
            "Telling a patient their spine is 'worn out' can increase their fear of moving.",
            "True. Words that suggest damage or fragility feed fear of movement, one of the "
            "obstacles the tool measures (item 5).",
            (Option("True", True), Option("False")),
        ),
        Question(
            FREE_TEXT,
            COMMUNICATION,
            f"Marcus, 46, a bus driver, scores {EXAMPLE_HIGH.risk} risk (total "
            f"{EXAMPLE_HIGH.total}, subscale {EXAMPLE_HIGH.psychosocial}). He is worried about "
            "losing his job and believes activity will damage his back. In three or four "
            "sentences, write what you would say to explain the result and the options.",
            "A good answer explains that the result is about recovery, not damage; names his "
            "worry and fear of activity as common and as things that can be worked on; offers "
            "psychologically informed physiotherapy (and, where available, an advanced "
            "practitioner or pain management); encourages staying active and at work with "
            "adjustments; and checks what he thinks and agrees a plan with a safety-net.",
            example=EXAMPLE_HIGH,
        ),
    ),
)

MODULE_COMMUNICATION = Module(
    slug="communicating-risk",
    title="Communicating risk and shared decision making",
    summary=(
        "Explaining a risk group in words that help, agreeing the next step with the patient "
        "using the BackPAC options, and answering the questions patients ask."
    ),
    lessons=(LESSON_EXPLAINING, LESSON_SDM, LESSON_QUESTIONS),
    quiz=QUIZ_COMMUNICATION,
)


# ---------------------------------------------------------------------------------------------
# Module 5: red flags and safety-netting
# ---------------------------------------------------------------------------------------------

LESSON_SCREEN = Lesson(
    slug="screen-before-you-stratify",
    title="Screen before you stratify",
    summary="The red flags for serious pathology, and why a patient with one is not stratified.",
    estimated_minutes=10,
    body=[
        warning(
            "A patient with a red flag is not stratified",
            "The STarT Back tool is for back pain without a suspected serious cause. When a red "
            "flag raises that suspicion, the right action is urgent or emergency referral, not a "
            "risk group.",
            level=2,
        ),
        paragraph(
            "Ask about red flags in every new episode, before you use the score. Serious causes "
            "are uncommon, which is exactly why they are missed when the questions are not "
            "asked."
        ),
        table(
            "Red flags and what to do",
            ["Suspected condition", "Features", "Action"],
            [[flag.name, _sentence_list(flag.signs), flag.action] for flag in startback.RED_FLAGS],
        ),
        paragraph(
            "Red flags raise suspicion; they are not diagnoses. Judge the whole picture, but "
            "when the picture points to possible serious pathology, act on it and leave the "
            "score aside."
        ),
        details(
            "Where the screening happens",
            "In general practice it is part of the history and examination. In BackPAC, "
            "screening by telephone was tried and dropped; patients completed a red-flag form "
            "when booked, so that anyone with a red flag came off the class pathway early.",
        ),
        check(
            "A patient's score places them at low risk, but they report numbness in the saddle "
            "area since yesterday. What do you do?",
            [
                (
                    "Manage as low risk with advice",
                    False,
                    "No. Saddle anaesthesia suggests cauda equina syndrome; the score does not "
                    "apply.",
                ),
                (
                    "Refer to physiotherapy",
                    False,
                    "No. This needs emergency assessment, not physiotherapy.",
                ),
                (
                    "Arrange emergency assessment the same day",
                    True,
                    "Yes. Suspected cauda equina syndrome is an emergency.",
                ),
            ],
            "A red flag overrides the score. Suspected cauda equina syndrome needs emergency "
            "referral the same day.",
        ),
        references(KEELE, BACKPAC),
    ],
)

LESSON_ACTING = Lesson(
    slug="acting-on-a-red-flag",
    title="Acting on a red flag",
    summary="Emergency and urgent referral, and what to record, with a worked case.",
    estimated_minutes=10,
    body=[
        heading("Emergency and urgent referral"),
        care_card(
            "immediate",
            "Suspected cauda equina syndrome",
            _p(
                "Saddle anaesthesia, new bladder or bowel dysfunction, or symptoms in both legs. "
                "Arrange emergency assessment the same day through your local pathway. Do not "
                "wait for a routine referral or a scan booked from primary care."
            ),
        ),
        care_card(
            "immediate",
            "Suspected infection or progressive neurological deficit",
            _p(
                "Fever with intravenous drug use or immunosuppression; or weakness, numbness or "
                "reflex loss that is getting worse. Refer as an emergency for assessment the "
                "same day."
            ),
        ),
        care_card(
            "urgent",
            "Suspected malignancy or fracture",
            _p(
                "A history of cancer, unexplained weight loss or night pain: refer urgently on "
                "the suspected cancer pathway. Significant trauma, osteoporosis or long-term "
                "steroid use: arrange urgent imaging and referral."
            ),
        ),
        heading("A case: low risk on paper"),
        paragraph(
            "Mrs Douglas, 58, completes the tool in the waiting room. She answers: "
            f"{answers_sentence(EXAMPLE_RED_FLAG)} That is a total of {EXAMPLE_RED_FLAG.total} "
            f"and a subscale of {EXAMPLE_RED_FLAG.psychosocial}: {EXAMPLE_RED_FLAG.risk} risk.",
            "In the consultation she mentions that for two days she has struggled to pass urine "
            "and that the skin 'where you sit on a bike' feels numb. The score is now "
            "irrelevant. She has features of cauda equina syndrome and needs emergency "
            "assessment today.",
            "Make sure she knows where she is going and why, and record the consultation as "
            "set out below.",
        ),
        heading("What to record"),
        paragraph(
            _ul(
                "the red flags asked about, including those that were absent",
                "any red flag found and the action taken, with the time",
                "that the patient was not given a risk group, and why",
                "the advice given to the patient",
            )
        ),
        check(
            "Which is the right action for suspected malignancy (history of cancer, unexplained "
            "weight loss, night pain)?",
            [
                (
                    "Urgent referral on the suspected cancer pathway",
                    True,
                    "Yes.",
                ),
                (
                    "Score the tool and refer according to the risk group",
                    False,
                    "No. A patient with a red flag is not stratified.",
                ),
                (
                    "Review in 6 weeks if not better",
                    False,
                    "No. Waiting is not safe when malignancy is suspected.",
                ),
            ],
            "Suspected malignancy needs urgent referral on the suspected cancer pathway; the "
            "tool is not used.",
        ),
        references(KEELE),
    ],
)

LESSON_SAFETY_NET = Lesson(
    slug="safety-netting",
    title="Safety-netting",
    summary="What every patient needs to know before they leave, whatever their risk group.",
    estimated_minutes=8,
    body=[
        paragraph(
            "Every patient leaves knowing what to watch for, what to do if it happens, and when "
            "to come back if things are not improving. This applies in every risk group, and "
            "matters most for low-risk patients who are not being referred on."
        ),
        heading("What to tell every patient"),
        care_card(
            "immediate",
            "Go to A&E or call 999 straight away if you have",
            _ul(
                "numbness or tingling around your genitals or bottom",
                "new difficulty passing urine, or loss of control of your bladder or bowels",
                "new weakness or numbness in both legs",
            ),
        ),
        do_list(
            "Do",
            [
                "give the warning symptoms in plain words, and in writing",
                "say when to come back if the pain is not improving, for example by the end of an "
                "SOS period",
                "ask about red flags again at every review: they can develop after the first "
                "consultation",
                "record the safety-net advice you gave",
            ],
        ),
        dont_list(
            "Don't",
            [
                "rely on the patient remembering medical terms such as 'saddle anaesthesia'",
                "leave safety-netting out because the patient is low risk",
            ],
        ),
        check(
            "Which patients need safety-netting advice?",
            [
                ("High-risk patients only", False, "No. Every patient needs it."),
                ("Patients who are not referred on", False, "They need it, but so does everyone."),
                ("Every patient, in every risk group", True, "Yes."),
            ],
            "Safety-netting is part of the care every patient gets, whatever their risk group.",
        ),
        references(KEELE, BACKPAC),
    ],
)

QUIZ_RED_FLAGS = Quiz(
    title="Red flags and safety-netting: module quiz",
    description=_p("Questions on red flags, urgent referral and safety-netting."),
    pass_mark=80,
    success_message="You passed. You know when not to stratify and what to do instead.",
    retry_message="Not yet. Missing a red flag can cause lasting harm: re-read this module.",
    questions=(
        Question(
            MULTIPLE,
            RED_FLAGS,
            "Which features suggest cauda equina syndrome? Choose all that apply.",
            "Saddle anaesthesia, new bladder or bowel dysfunction and bilateral leg symptoms. "
            "Shoulder or neck pain is item 2 of the tool, not a red flag.",
            (
                Option("Saddle anaesthesia", True),
                Option("New bladder or bowel dysfunction", True),
                Option("Symptoms in both legs", True),
                Option("Pain in the shoulder or neck"),
                Option("Pain that is worse after sitting"),
            ),
        ),
        Question(
            SINGLE,
            RED_FLAGS,
            "What is the right action for suspected cauda equina syndrome?",
            "Emergency referral for assessment the same day. Delay can mean permanent loss of "
            "bladder, bowel or sexual function.",
            (
                Option("Emergency referral the same day", True),
                Option("Routine referral to physiotherapy"),
                Option("Score the tool and follow the risk group"),
                Option("Review in 2 weeks"),
            ),
        ),
        Question(
            TRUE_FALSE,
            RED_FLAGS,
            "A patient with a red flag should complete the STarT Back tool so the urgent referral "
            "can include their risk group.",
            "False. A patient with a red flag is not stratified. The right action is urgent or "
            "emergency referral.",
            (Option("True"), Option("False", True)),
        ),
        Question(
            SINGLE,
            RED_FLAGS,
            "A history of cancer, unexplained weight loss and night pain suggest which serious "
            "cause?",
            "Malignancy. Refer urgently on the suspected cancer pathway.",
            (
                Option("Malignancy", True),
                Option("Fracture"),
                Option("Cauda equina syndrome"),
            ),
        ),
        Question(
            MULTIPLE,
            RED_FLAGS,
            "Which raise the suspicion of a spinal fracture? Choose all that apply.",
            "Significant trauma, osteoporosis and long-term steroid use. Fever and intravenous "
            "drug use point to infection.",
            (
                Option("Significant trauma", True),
                Option("Osteoporosis", True),
                Option("Long-term steroid use", True),
                Option("Fever"),
                Option("Intravenous drug use"),
            ),
        ),
        Question(
            SINGLE,
            RED_FLAGS,
            "Which combination suggests a spinal infection?",
            "Fever with intravenous drug use or immunosuppression suggests infection; refer as "
            "an emergency for same-day assessment.",
            (
                Option("Fever and intravenous drug use", True),
                Option("Night pain and weight loss"),
                Option("Pain spreading down one leg"),
            ),
        ),
        Question(
            TRUE_FALSE,
            RED_FLAGS,
            "Safety-netting advice is needed only for high-risk patients.",
            "False. Every patient needs to know the warning symptoms and when to come back, and "
            "low-risk patients, who are not referred on, need it as much as anyone.",
            (Option("True"), Option("False", True)),
        ),
    ),
)

MODULE_RED_FLAGS = Module(
    slug="red-flags-and-safety-netting",
    title="Red flags and safety-netting",
    summary=(
        "Screening for serious pathology before you stratify, urgent and emergency referral, and "
        "the safety-net advice every patient needs."
    ),
    lessons=(LESSON_SCREEN, LESSON_ACTING, LESSON_SAFETY_NET),
    quiz=QUIZ_RED_FLAGS,
)


# ---------------------------------------------------------------------------------------------
# Module 6: implementing stratified care in a service
# ---------------------------------------------------------------------------------------------

LESSON_PATHWAY = Lesson(
    slug="building-the-pathway",
    title="Building the pathway",
    summary="What has to be in place before stratification works: routes, systems and training.",
    estimated_minutes=10,
    body=[
        paragraph(
            "Scoring patients changes nothing unless each risk group has somewhere to go. Before "
            "launch, GP practices, physiotherapy services and commissioners need to agree the "
            "route for each group."
        ),
        heading("What needs to be in place"),
        paragraph(
            _ul(
                "<b>The tool in the clinical system</b>: in the West Midlands, the implementation "
                "team worked with GP system suppliers so that the tool appears when a back pain "
                "consultation is recorded.",
                "<b>Referral routes by risk group</b>: where medium- and high-risk patients go, "
                "and a referral form that carries the risk group, total and subscale.",
                "<b>Capacity for psychologically informed physiotherapy</b>: physiotherapists "
                "trained to deliver it, and appointments to match.",
                "<b>Self-management material</b> for low-risk patients, the same across practices.",
                "<b>Red-flag screening</b> built into the pathway, as BackPAC did with a form "
                "at booking.",
            )
        ),
        heading("Two models"),
        table(
            "Two ways to organise stratified care",
            ["Aspect", "West Midlands rollout", "BackPAC"],
            [
                [
                    "Who stratifies",
                    "The GP, at the first consultation",
                    "The physiotherapy service, at an education class soon after referral",
                ],
                [
                    "What follows",
                    "Referral, or not, by risk group",
                    "Shared decision between self-management, rehab class, one-to-one "
                    "physiotherapy, and for high risk an advanced practitioner or pain "
                    "management",
                ],
                [
                    "What it reported",
                    "More use of the tool; shorter physiotherapy waits",
                    "Access within 2 weeks; 95% would recommend; capacity released",
                ],
            ],
        ),
        paragraph(
            "The models are not exclusive: a service can receive GP referrals that already carry "
            "a risk group and still offer a class and shared decision making."
        ),
        check(
            "Why did the West Midlands team work with GP system suppliers?",
            [
                (
                    "To make the tool appear when a back pain consultation is recorded",
                    True,
                    "Yes. Prompting at the point of care raised use of the tool.",
                ),
                ("To book scans automatically", False, "No. Imaging is not part of the pathway."),
                (
                    "To change the wording of the items",
                    False,
                    "No. The tool must be reproduced exactly as Keele publishes it.",
                ),
            ],
            "Embedding the tool in GP clinical systems prompts its use in every back pain "
            "consultation.",
        ),
        references(WEST_MIDLANDS, BACKPAC, KEELE),
    ],
)

LESSON_AUDIT = Lesson(
    slug="champions-training-and-audit",
    title="Champions, training and audit",
    summary="Keeping stratified care going: local champions, training for each role, and audit.",
    estimated_minutes=10,
    body=[
        heading("Clinical champions"),
        paragraph(
            "The West Midlands rollout set up local clinical champions in each cluster, with "
            "managers and change agents from Keele, to lead the change, answer colleagues' "
            "questions and keep attention on it after launch. On this site, the champion "
            "directory lists the champions in your area."
        ),
        heading("Training for each role"),
        paragraph(
            _ul(
                "GPs and first-contact clinicians: red-flag screening, accurate scoring and "
                "explaining the result.",
                "Physiotherapists: matched treatment, and for high-risk patients psychologically "
                "informed physiotherapy.",
                "Everyone: the local routes for each risk group and the safety-net advice.",
            )
        ),
        heading("What to audit"),
        table(
            "Audit measures",
            ["Measure", "What it tells you", "Reported by services"],
            [
                [
                    "Use of the tool in back pain consultations",
                    "Whether stratification is happening at all",
                    "Up to 30% increase (West Midlands)",
                ],
                [
                    "Mix of risk groups",
                    "A mix far from the expected one suggests scoring errors",
                    "38% low, 31% medium, 31% high (BackPAC)",
                ],
                [
                    "Low-risk patients referred to physiotherapy",
                    "Over-treatment",
                    "Not reported by either service",
                ],
                [
                    "Physiotherapy waiting times",
                    "Whether capacity is reaching the patients who need it",
                    "10 weeks to 4; target met 52% to 80% (West Midlands)",
                ],
                [
                    "Patient experience",
                    "Whether patients accept the matched care",
                    "95% would recommend (BackPAC)",
                ],
                [
                    "Returns during an SOS period",
                    "Whether self-management is holding",
                    "Still to be measured (BackPAC)",
                ],
            ],
        ),
        heading("Lessons from the rollout"),
        paragraph(
            _ul(
                "Someone has to have time to manage the change; the West Midlands programme "
                "funded project management for this.",
                "Clinicians need training before launch, and networks to support each other "
                "after it.",
                "Prompting in the clinical system makes use of the tool routine rather than "
                "something to remember.",
                "Agree referral routes with commissioners and providers before launch, not after.",
            )
        ),
        check(
            "Your audit finds 70% of patients classified as high risk. What should you check "
            "first?",
            [
                (
                    "How the tool is being scored, especially item 9 and the subscale items",
                    True,
                    "Yes. Counting 'Moderately' or using the wrong subscale items inflates high "
                    "risk.",
                ),
                (
                    "Whether to buy more pain management capacity",
                    False,
                    "Not before checking the scoring.",
                ),
                ("Nothing: high-risk patients are common", False, "Not this common."),
            ],
            "In BackPAC about 3 in 10 patients were high risk, in line with Keele's research. A "
            "much higher share usually means scoring errors.",
        ),
        references(WEST_MIDLANDS, BACKPAC),
    ],
)

QUIZ_IMPLEMENTATION = Quiz(
    title="Implementing stratified care: module quiz",
    description=_p("Questions on building and sustaining stratified care in a service."),
    pass_mark=70,
    success_message="You passed. Talk to your local champion about auditing your own service.",
    retry_message="Not yet. Re-read 'Building the pathway' and 'Champions, training and audit'.",
    questions=(
        Question(
            MULTIPLE,
            IMPLEMENTATION,
            "Which did the West Midlands rollout use? Choose all that apply.",
            "Local clinical champions, training for GPs and physiotherapists, and the tool built "
            "into GP clinical systems. Imaging was not part of it.",
            (
                Option("Local clinical champions", True),
                Option("Training for GPs and physiotherapists", True),
                Option("The tool built into GP clinical systems", True),
                Option("An MRI scan for every high-risk patient"),
            ),
        ),
        Question(
            SINGLE,
            IMPLEMENTATION,
            "Which audit measure shows over-treatment?",
            "The share of low-risk patients referred to physiotherapy. Matched care gives them "
            "primary care management with no routine onward referral.",
            (
                Option("Low-risk patients referred to physiotherapy", True),
                Option("High-risk patients referred to physiotherapy"),
                Option("Patients who would recommend the service"),
            ),
        ),
        Question(
            TRUE_FALSE,
            IMPLEMENTATION,
            "BackPAC booked suitable patients into its class within 2 weeks of referral instead "
            "of putting them on the waiting list.",
            "True. Patients triaged as suitable were booked within 2 weeks, which also allowed "
            "early red-flag screening.",
            (Option("True", True), Option("False")),
        ),
        Question(
            SINGLE,
            IMPLEMENTATION,
            "What did the North Staffordshire audit in the West Midlands rollout report?",
            "Achievement of the waiting-time target rose from 52% to 80%. The fall in waits from "
            "10 weeks to 4 was in Telford and Wrekin.",
            (
                Option("Achievement of the waiting-time target up from 52% to 80%", True),
                Option("Time off work halved"),
                Option("95% of patients would recommend the service"),
            ),
        ),
        Question(
            SINGLE,
            RED_FLAGS,
            "How did BackPAC screen for red flags?",
            "A telephone triage was tried and did not work; it was replaced by a self-completed "
            "form at booking.",
            (
                Option("A self-completed form, after telephone triage was tried and dropped", True),
                Option("An MRI scan before the class"),
                Option("It did not screen for red flags"),
            ),
        ),
        Question(
            SINGLE,
            IMPLEMENTATION,
            "Your audit finds 70% of patients classified as high risk. What should you check "
            "first?",
            "How the tool is scored. BackPAC found 31% high risk, in line with Keele's research; "
            "a much higher share usually means 'Moderately' is being counted on item 9 or the "
            "subscale is built from the wrong items.",
            (
                Option("How the tool is being scored", True),
                Option("Whether to commission more pain management"),
                Option("Nothing, this is the expected mix"),
            ),
        ),
    ),
)

MODULE_IMPLEMENTATION = Module(
    slug="implementing-stratified-care",
    title="Implementing stratified care in a service",
    summary=(
        "Building referral routes for each risk group, clinical champions, training and audit, "
        "with the lessons from the West Midlands rollout and BackPAC."
    ),
    lessons=(LESSON_PATHWAY, LESSON_AUDIT),
    quiz=QUIZ_IMPLEMENTATION,
)


# ---------------------------------------------------------------------------------------------
# The course
# ---------------------------------------------------------------------------------------------

MODULES: tuple[Module, ...] = (
    MODULE_WHY,
    MODULE_SCORING,
    MODULE_MATCHED,
    MODULE_COMMUNICATION,
    MODULE_RED_FLAGS,
    MODULE_IMPLEMENTATION,
)

COURSE = Course(
    slug="start-back-stratified-care",
    title="STarT Back stratified care for low back pain",
    summary=(
        "Use the Keele STarT Back Screening Tool to sort adults with low back pain into low, "
        "medium and high risk of persistent disabling pain, and match each patient to the care "
        "that fits."
    ),
    learning_outcomes=(
        "explain why stratified care improves outcomes for low back pain, and what the trial "
        "and NHS evidence shows",
        "score the nine-item Keele STarT Back Screening Tool and name the risk group without error",
        "match each risk group to its treatment, and know when onward referral is and is not "
        "needed",
        "explain a risk group to a patient and agree a plan with them",
        "recognise red flags, refer urgently when you find one, and safety-net every patient",
        "plan, audit and sustain stratified care in your service",
    ),
    audience=(
        "GPs, physiotherapists and other clinicians who see adults with low back pain in primary "
        "care or community musculoskeletal services."
    ),
    # The lessons' own estimates plus about 10 minutes a quiz, to the nearest half hour.
    estimated_minutes=30
    * round(
        (
            sum(lesson.estimated_minutes for module in MODULES for lesson in module.lessons)
            + 10 * len(MODULES)
        )
        / 30
    ),
    cpd_hours=Decimal("4.0"),
    prerequisites=_p(
        "None beyond your clinical training. You should already be able to take a history from, "
        "and examine, an adult with low back pain."
    ),
    body=[
        heading("How the course works"),
        paragraph(
            "There are six modules. Each has two to four short lessons and a quiz; a module is "
            "complete when you have read its lessons and passed its quiz. Lessons include "
            "questions to check your understanding as you go. Work through the modules in order: "
            "the scoring module relies on the first, and the treatment modules on the scoring.",
            "Once you can score the tool, practise on the case vignettes until you score "
            "consistently.",
        ),
    ],
    modules=MODULES,
)
