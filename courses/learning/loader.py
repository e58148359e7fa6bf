"""The course's content files, read, checked and loaded into pages and quizzes.

A course lives in one folder of `courses/content/` (see its README):

    <course slug>/course.yaml         the course page, and its modules in order
    <course slug>/examples.yaml       worked examples, each with the result it states
    <course slug>/references.yaml     the sources lessons cite, by key
    <course slug>/<module slug>/module.yaml    the module page, its lessons in order, its quiz
    <course slug>/<module slug>/<lesson slug>.yaml   one lesson
    <course slug>/<module slug>/quiz.yaml      the module quiz

`course_read` reads and checks everything without touching the database and raises
`ContentError` naming the file and field of the first problem: an unknown block type, a lesson
block that fails its own validation, a question whose options cannot be marked, a worked example
whose answers do not score to what it states. `course_load` then creates whatever is missing:
pages are matched by slug under their parent and quizzes by title, and anything that exists is
left exactly as editors made it, so a second run writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape

from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Page

from core.content_files import ContentError, Node, markdown_html, read_yaml, slug_check
from courses.learning.blocks import LessonStreamBlock
from courses.learning.examples import (
    RISK_OPTIONS,
    Block,
    WorkedExample,
    and_list,
    answers_sentence,
    example_blocks,
    example_read,
    result_sentence,
    risk_check_block,
    scoring_items,
)
from courses.learning.models import CoursePage, LessonPage, ModulePage
from courses.learning.sections import training_section_ensure
from courses.quiz.choices import QuestionType
from courses.quiz.models import AnswerOption, Category, Question, Quiz
from courses.quiz.selectors import question_problems
from scoring_practice import startback

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
DEMO_COURSE = "start-back-stratified-care"

URGENCY = {"non-urgent": "primary", "urgent": "urgent", "emergency": "immediate"}
SCORING_CATEGORY = "Scoring"


@dataclass(frozen=True)
class QuestionContent:
    kind: str
    category: str
    text: str
    explanation: str
    options: tuple[tuple[str, bool], ...] = ()
    # The worked example the question is about, if any (its figures come from the example).
    example: WorkedExample | None = None
    keep_option_order: bool = False


@dataclass(frozen=True)
class QuizContent:
    title: str
    description: str
    pass_mark: int
    pass_message: str
    fail_message: str
    questions: tuple[QuestionContent, ...]


@dataclass(frozen=True)
class LessonContent:
    slug: str
    title: str
    summary: str
    estimated_minutes: int
    required: bool
    body: list[Block]
    path: Path
    review: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ModuleContent:
    slug: str
    title: str
    summary: str
    lessons: tuple[LessonContent, ...]
    quiz: QuizContent


@dataclass(frozen=True)
class CourseContent:
    slug: str
    title: str
    summary: str
    learning_outcomes: tuple[str, ...]
    audience: str
    estimated_minutes: int
    cpd_hours: Decimal
    prerequisites: str
    body: list[Block]
    modules: tuple[ModuleContent, ...]
    examples: dict[str, WorkedExample] = field(default_factory=dict)


# --- Blocks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sources:
    """What block builders may draw on: the course's examples and references."""

    examples: dict[str, WorkedExample]
    references: dict[str, dict[str, str]]

    def example(self, node: Node) -> WorkedExample:
        key = node.value
        if key not in self.examples:
            raise node.error(f"no worked example “{key}” in examples.yaml")
        return self.examples[key]


def _heading(node: Node, sources: _Sources) -> list[Block]:
    if isinstance(node.value, str):
        return [("heading", {"text": node.value.strip(), "level": "h2"})]
    node.only_keys("text", "level")
    return [("heading", {"text": node.text("text"), "level": node.choice("level", ("h2", "h3"))})]


def _paragraph(node: Node, sources: _Sources) -> list[Block]:
    if not isinstance(node.value, str) or not node.value.strip():
        raise node.error("expected Markdown text")
    return [("paragraph", markdown_html(node.value))]


def _inset_text(node: Node, sources: _Sources) -> list[Block]:
    return [("inset_text", {"body": _paragraph(node, sources)[0][1]})]


def _warning_callout(node: Node, sources: _Sources) -> list[Block]:
    node.only_keys("title", "heading_level", "body")
    level = node.number("heading_level", minimum=2, maximum=4) if node.has("heading_level") else 3
    return [
        (
            "warning_callout",
            {"title": node.text("title"), "heading_level": level, "body": node.prose("body")},
        )
    ]


def _care_card(node: Node, sources: _Sources) -> list[Block]:
    node.only_keys("urgency", "title", "body")
    return [
        (
            "care_card",
            {
                "type": URGENCY[node.choice("urgency", tuple(URGENCY))],
                "heading_level": 3,
                "title": node.text("title"),
                "body": [("richtext", node.prose("body"))],
            },
        )
    ]


def _details(node: Node, sources: _Sources) -> list[Block]:
    node.only_keys("title", "body")
    return [("details", {"title": node.text("title"), "body": [("richtext", node.prose("body"))]})]


def _list_block(name: str, items_key: str) -> Callable[[Node, _Sources], list[Block]]:
    def build(node: Node, sources: _Sources) -> list[Block]:
        node.only_keys("label", "items")
        items = [markdown_html(text) for text in node.texts("items")]
        return [(name, {"heading_level": 3, "label": node.text("label"), items_key: items})]

    return build


def _table(node: Node, sources: _Sources) -> list[Block]:
    node.only_keys("caption", "caption_size", "head", "rows", "first_cell_is_header")
    head = node.texts("head")
    rows = []
    for row in node.child("rows").items():
        cells = Node(row.path, row.where, {"cells": row.value}).texts("cells")
        if len(cells) != len(head):
            raise row.error(f"has {len(cells)} cells but the table has {len(head)} columns")
        rows.append({"cells": [{"text": cell} for cell in cells]})
    size = node.choice("caption_size", ("s", "m", "l", "xl")) if node.has("caption_size") else "s"
    return [
        (
            "table",
            {
                "caption": node.text("caption"),
                "caption_size": size,
                "head": [{"text": text} for text in head],
                "rows": rows,
                "first_cell_is_header": node.flag("first_cell_is_header", default=True),
            },
        )
    ]


def _key_points(node: Node, sources: _Sources) -> list[Block]:
    points = Node(node.path, node.where, {"points": node.value}).texts("points")
    return [("key_points", {"heading": "Key points", "points": points})]


def _references(node: Node, sources: _Sources) -> list[Block]:
    cited = []
    for item in node.items():
        if item.value not in sources.references:
            raise item.error(f"no reference “{item.value}” in references.yaml")
        cited.append(sources.references[item.value])
    return [("references", {"references": cited})]


def _check_understanding(node: Node, sources: _Sources) -> list[Block]:
    node.only_keys("question", "options", "explanation")
    options = []
    for option in node.child("options").items():
        option.only_keys("text", "correct", "feedback")
        options.append(
            {
                "text": option.text("text"),
                "correct": option.flag("correct", default=False),
                "feedback": option.text("feedback", required=False),
            }
        )
    return [
        (
            "check_understanding",
            {
                "question": node.text("question"),
                "options": options,
                "explanation": node.prose("explanation"),
            },
        )
    ]


def _worked_example(node: Node, sources: _Sources) -> list[Block]:
    return example_blocks(sources.example(node))


def _risk_check(node: Node, sources: _Sources) -> list[Block]:
    node.only_keys("example", "question", "feedback")
    feedback_node = node.child("feedback", required=False)
    feedback = {}
    if feedback_node.value is not None:
        feedback_node.only_keys(*RISK_OPTIONS)
        feedback = {risk: feedback_node.text(risk) for risk in feedback_node.mapping()}
    example = sources.example(node.child("example"))
    return [risk_check_block(example, question=node.text("question"), feedback=feedback)]


def _action_text(flag: startback.RedFlag) -> str:
    """A condition's actions tier by tier: "With neurological signs: immediate, now. …"."""
    parts = []
    for action in flag.actions:
        tier = TIER_WORDS[action.urgency]
        if action.when == "Always":
            parts.append(f"{tier[0].upper()}{tier[1:]}. {action.detail}")
        else:
            parts.append(f"{action.when}: {tier}. {action.detail}")
    return " ".join(parts)


def _features_text(features: tuple[str, ...]) -> str:
    """Features as one list: 'Fever; intravenous drug use; …'."""
    return "; ".join([features[0], *(f[0].lower() + f[1:] for f in features[1:])]) + "."


TIER_WORDS = {
    startback.Urgency.IMMEDIATE: "immediate, now (never later today or tomorrow)",
    startback.Urgency.EMERGENCY: "emergency, in hospital the same day",
    startback.Urgency.URGENT: "urgent, within days to about 2 weeks by the condition's pathway",
    startback.Urgency.STRATIFY: "stratify and safety-net",
}


def _table_block(caption: str, head: list[str], rows: list[list[str]]) -> Block:
    return (
        "table",
        {
            "caption": caption,
            "caption_size": "s",
            "head": [{"text": text} for text in head],
            "rows": [{"cells": [{"text": cell} for cell in row]} for row in rows],
            "first_cell_is_header": True,
        },
    )


def _p_list(texts: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in texts) + "</ul>"


def _from_tool(node: Node, sources: _Sources) -> list[Block]:
    """Parts of the instrument and its guidance, shown exactly as the scoring core holds them."""
    if isinstance(node.value, str):
        node = Node(node.path, node.where, {"part": node.value})
    parts = ("preamble", "items", "red_flags", "not_red_flags", "care_for_everyone", "safety_net")
    part = node.choice("part", parts)
    if part == "preamble":
        node.only_keys("part")
        return [("inset_text", {"body": f"<p>{escape(startback.PREAMBLE)}</p>"})]
    if part == "items":
        node.only_keys("part")
        rows = [
            [str(item.number), item.text, " / ".join(option.label for option in item.options)]
            for item in startback.ITEMS
        ]
        return [
            _table_block(
                "The Keele STarT Back Screening Tool", ["Item", "Question", "Answers"], rows
            ),
            ("paragraph", f"<p>{escape(startback.STATEMENT)}</p>"),
        ]
    if part == "red_flags":
        node.only_keys("part", "caption")
        rows = [
            [flag.name, _features_text(flag.features), _action_text(flag)]
            for flag in startback.RED_FLAGS
        ]
        head = ["Suspected condition", "Features that raise suspicion", "Action"]
        return [_table_block(node.text("caption"), head, rows)]
    if part == "not_red_flags":
        node.only_keys("part", "label")
        items = [f"<p>{escape(text)}</p>" for text in startback.NOT_RED_FLAGS_ALONE]
        return [("dont_list", {"heading_level": 3, "label": node.text("label"), "dont": items})]
    if part == "care_for_everyone":
        node.only_keys("part", "label")
        items = [f"<p>{escape(text)}</p>" for text in startback.CARE_FOR_EVERYONE]
        return [("do_list", {"heading_level": 3, "label": node.text("label"), "do": items})]
    node.only_keys("part")
    card_types = {"now": "immediate", "same_day": "urgent", "soon": "primary"}
    return [
        (
            "care_card",
            {
                "type": card_types[key],
                "heading_level": 3,
                "title": f"Tell every patient: {heading[0].lower()}{heading[1:]}",
                "body": [("richtext", _p_list(signs))],
            },
        )
        for key, heading, signs in startback.SAFETY_NETTING
    ]


BLOCK_BUILDERS: dict[str, Callable[[Node, _Sources], list[Block]]] = {
    "heading": _heading,
    "paragraph": _paragraph,
    "inset_text": _inset_text,
    "warning_callout": _warning_callout,
    "care_card": _care_card,
    "details": _details,
    "do_list": _list_block("do_list", "do"),
    "dont_list": _list_block("dont_list", "dont"),
    "table": _table,
    "key_points": _key_points,
    "references": _references,
    "check_understanding": _check_understanding,
    # Built from the course's worked examples and the scoring core:
    "worked_example": _worked_example,
    "risk_check": _risk_check,
    "from_tool": _from_tool,
}


def _body_read(node: Node, sources: _Sources) -> list[Block]:
    """A list of single-entry mappings, `- <block type>: <value>`, as StreamField data."""
    blocks: list[Block] = []
    origins: list[Node] = []
    for entry in node.items():
        fields = entry.mapping()
        if len(fields) != 1:
            raise entry.error("each block is one entry: `- <block type>: <value>`")
        [(name, _)] = fields.items()
        if name not in BLOCK_BUILDERS:
            raise entry.error(
                f"unknown block type “{name}” (expected one of {', '.join(BLOCK_BUILDERS)})"
            )
        built = BLOCK_BUILDERS[name](entry.child(name), sources)
        blocks.extend(built)
        origins.extend([entry] * len(built))
    stream = LessonStreamBlock()
    try:
        stream.clean(stream.normalize(blocks))
    except StreamBlockValidationError as error:
        for index, problem in error.block_errors.items():
            raise origins[index].error(_validation_text(problem)) from error
        raise node.error(_validation_text(error)) from error
    except ValidationError as error:
        raise node.error(_validation_text(error)) from error
    return blocks


def _validation_text(error: Any) -> str:
    """A block validation error as one line (Wagtail nests them by field)."""
    if hasattr(error, "as_json_data"):
        data = error.as_json_data()
        return _flatten(data)
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)


def _flatten(data: Any, prefix: str = "") -> str:
    if isinstance(data, dict):
        parts = []
        for key, value in data.items():
            label = key if key != "messages" else ""
            name = f"{prefix}.{label}" if prefix and label else (label or prefix)
            parts.append(_flatten(value, name))
        return "; ".join(part for part in parts if part)
    if isinstance(data, list):
        return "; ".join(_flatten(item, prefix) for item in data if item)
    return f"{prefix}: {data}" if prefix else str(data)


# --- Quizzes -----------------------------------------------------------------------------------


def _risk_question(node: Node, sources: _Sources) -> QuestionContent:
    node.only_keys("example", "explanation")
    example = sources.example(node.child("example"))
    extra = node.text("explanation", required=False)
    return QuestionContent(
        kind=QuestionType.SINGLE,
        category=SCORING_CATEGORY,
        text=f"A patient's answers: {answers_sentence(example)} Which risk group are they in?",
        explanation=result_sentence(example) + (f" {extra}" if extra else ""),
        options=tuple((f"{risk.capitalize()} risk", risk == example.risk) for risk in RISK_OPTIONS),
        example=example,
    )


def _total_question(node: Node, sources: _Sources) -> QuestionContent:
    node.only_keys("example")
    example = sources.example(node.child("example"))
    total = example.total
    return QuestionContent(
        kind=QuestionType.SINGLE,
        category=SCORING_CATEGORY,
        text=f"A patient's answers: {answers_sentence(example)} What is the total score?",
        explanation=(
            f"Items {and_list(scoring_items(example))} score 1, a total of {total}. "
            f"{result_sentence(example)}"
        ),
        options=tuple((str(n), n == total) for n in (total - 1, total, total + 1) if 0 <= n <= 9),
        example=example,
    )


QUESTION_BUILDERS = {"risk_question": _risk_question, "total_question": _total_question}

STATED_FIGURES = (
    (re.compile(r"\btotal(?: score)?(?: is| of)? (\d)\b"), "total", lambda e: e.total),
    (re.compile(r"\bsubscale(?: is| of)? (\d)\b"), "subscale", lambda e: e.psychosocial),
    (re.compile(r"\b(low|medium|high) risk\b"), "risk group", lambda e: e.risk),
)


def _stated_figures_check(node: Node, text: str, example: WorkedExample) -> None:
    """A question about a worked example may quote its figures; they must be the example's."""
    for pattern, name, figure in STATED_FIGURES:
        for stated in pattern.findall(text):
            if str(stated) != str(figure(example)):
                raise node.error(
                    f"states the {name} as {stated}, but worked example “{example.key}” has "
                    f"{figure(example)}"
                )


def _question_read(node: Node, sources: _Sources) -> QuestionContent:
    fields = node.mapping()
    if len(fields) == 1 and next(iter(fields)) in QUESTION_BUILDERS:
        name = next(iter(fields))
        return QUESTION_BUILDERS[name](node.child(name), sources)
    node.only_keys(
        "kind", "category", "text", "explanation", "options", "example", "keep_option_order"
    )
    kind = node.choice("kind", QuestionType.values)
    options = []
    if node.has("options"):
        for option in node.child("options").items():
            option.only_keys("text", "correct")
            options.append(
                (option.text("text", max_length=500), option.flag("correct", default=False))
            )
    problems = question_problems(kind=kind, options=options)
    if problems:
        raise node.error(" ".join(problems))
    example = sources.example(node.child("example")) if node.has("example") else None
    text = node.text("text")
    if example is not None:
        _stated_figures_check(node.child("text"), text, example)
    return QuestionContent(
        kind=kind,
        category=node.text("category", max_length=100),
        text=text,
        explanation=node.text("explanation"),
        options=tuple(options),
        example=example,
        keep_option_order=node.flag("keep_option_order", default=False),
    )


def _quiz_read(path: Path, sources: _Sources) -> QuizContent:
    node = read_yaml(path)
    node.only_keys("title", "description", "pass_mark", "pass_message", "fail_message", "questions")
    questions = tuple(_question_read(item, sources) for item in node.child("questions").items())
    if not questions:
        raise node.child("questions").error("a quiz needs at least one question")
    return QuizContent(
        title=node.text("title", max_length=200),
        description=node.prose("description", required=False),
        pass_mark=node.number("pass_mark", minimum=0, maximum=100),
        pass_message=node.text("pass_message", required=False),
        fail_message=node.text("fail_message", required=False),
        questions=questions,
    )


# --- The course --------------------------------------------------------------------------------


def _listed_files(node: Node, key: str, directory: Path, *, suffix: str) -> list[str]:
    """The slugs listed under `key`, each a file or folder in `directory`; nothing unlisted."""
    slugs = node.texts(key)
    if len(set(slugs)) != len(slugs):
        raise node.child(key).error("lists the same entry twice")
    present = {
        entry.name.removesuffix(suffix)
        for entry in directory.iterdir()
        if (entry.is_dir() if not suffix else entry.suffix == suffix)
    }
    for slug in slugs:
        slug_check(node.child(key), slug)
        if slug not in present:
            raise node.child(key).error(
                f"“{slug}” is listed but {directory.name}/ has no such entry"
            )
    return slugs


def _lesson_read(path: Path, sources: _Sources) -> LessonContent:
    node = read_yaml(path)
    node.only_keys("title", "summary", "estimated_minutes", "required", "body", "review")
    return LessonContent(
        slug=path.stem,
        title=node.text("title", max_length=255),
        summary=node.text("summary", max_length=300),
        estimated_minutes=node.number("estimated_minutes", minimum=1, maximum=600),
        required=node.flag("required", default=True),
        body=_body_read(node.child("body"), sources),
        path=path,
        review=node.review(),
    )


def _module_read(directory: Path, sources: _Sources) -> ModuleContent:
    node = read_yaml(directory / "module.yaml")
    node.only_keys("title", "summary", "lessons", "quiz")
    lesson_slugs = _listed_files(node, "lessons", directory, suffix=".yaml")
    quiz_file = node.text("quiz")
    listed = {*lesson_slugs, "module", Path(quiz_file).stem}
    unlisted = {path.stem for path in directory.glob("*.yaml")} - listed
    if unlisted:
        raise node.child("lessons").error(f"{sorted(unlisted)[0]}.yaml is not listed")
    return ModuleContent(
        slug=directory.name,
        title=node.text("title", max_length=255),
        summary=node.text("summary", required=False, max_length=300),
        lessons=tuple(_lesson_read(directory / f"{slug}.yaml", sources) for slug in lesson_slugs),
        quiz=_quiz_read(directory / quiz_file, sources),
    )


def _examples_read(path: Path) -> dict[str, WorkedExample]:
    node = read_yaml(path)
    return {str(key): example_read(str(key), node.child(key)) for key in node.mapping()}


def _references_read(path: Path) -> dict[str, dict[str, str]]:
    node = read_yaml(path)
    references = {}
    for key in node.mapping():
        entry = node.child(key)
        entry.only_keys("citation", "url")
        references[str(key)] = {
            "citation": entry.text("citation", max_length=500),
            "url": entry.text("url", required=False),
        }
    return references


def course_read(directory: Path | None = None) -> CourseContent:
    """Read and check a course folder; raises `ContentError` at the first problem."""
    directory = directory or CONTENT_DIR / DEMO_COURSE
    sources = _Sources(
        examples=_examples_read(directory / "examples.yaml"),
        references=_references_read(directory / "references.yaml"),
    )
    node = read_yaml(directory / "course.yaml")
    node.only_keys(
        "title",
        "summary",
        "learning_outcomes",
        "audience",
        "estimated_minutes",
        "cpd_hours",
        "prerequisites",
        "body",
        "modules",
    )
    module_slugs = _listed_files(node, "modules", directory, suffix="")
    try:
        cpd_hours = Decimal(node.text("cpd_hours"))
    except InvalidOperation as error:
        raise node.child("cpd_hours").error("expected a number of hours, e.g. 4.0") from error
    return CourseContent(
        slug=directory.name,
        title=node.text("title", max_length=255),
        summary=node.text("summary", max_length=300),
        learning_outcomes=tuple(node.texts("learning_outcomes")),
        audience=node.text("audience", max_length=300),
        estimated_minutes=node.number("estimated_minutes", minimum=1, maximum=6000),
        cpd_hours=cpd_hours,
        prerequisites=node.prose("prerequisites", required=False),
        body=_body_read(node.child("body"), sources) if node.has("body") else [],
        modules=tuple(_module_read(directory / slug, sources) for slug in module_slugs),
        examples=sources.examples,
    )


# --- Loading -----------------------------------------------------------------------------------


def _child_ensure(*, parent: Page, model: type[Page], slug: str, fields: dict) -> Page:
    """The child of `parent` with this slug; created from `fields` and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _quiz_ensure(content: QuizContent) -> Quiz:
    """The quiz with this title; if missing, created with its questions, ready to be taken."""
    existing = Quiz.objects.filter(title=content.title).first()
    if existing is not None:
        return existing
    quiz = Quiz(
        title=content.title,
        description=content.description,
        pass_mark=content.pass_mark,
        pass_message=content.pass_message,
        fail_message=content.fail_message,
        draft=False,
    )
    quiz.full_clean()
    quiz.save()
    categories: dict[str, Category] = {}
    for order, item in enumerate(content.questions):
        if item.category not in categories:
            categories[item.category], _ = Category.objects.get_or_create(name=item.category)
        question = Question(
            quiz=quiz,
            sort_order=order,
            kind=item.kind,
            text=item.text,
            explanation=item.explanation,
            category=categories[item.category],
            keep_option_order=item.keep_option_order,
        )
        question.full_clean()
        question.save()
        for option_order, (text, correct) in enumerate(item.options):
            option = AnswerOption(
                question=question, sort_order=option_order, text=text, correct=correct
            )
            option.full_clean()
            option.save()
    return quiz


@transaction.atomic
def course_load(*, content: CourseContent | None = None) -> CoursePage:
    """The course under the training section, with its modules, lessons and quizzes.

    Reads the files first (nothing is written if they have a problem); creates only what is
    missing, so editors' changes survive and a second run writes nothing. Expects the site's
    own pages (`seed_site`); creates the training section if it is missing.
    """
    content = content or course_read()
    index = training_section_ensure()
    course = _child_ensure(
        parent=index,
        model=CoursePage,
        slug=content.slug,
        fields={
            "title": content.title,
            "summary": content.summary,
            "learning_outcomes": [("outcome", text) for text in content.learning_outcomes],
            "audience": content.audience,
            "estimated_minutes": content.estimated_minutes,
            "cpd_hours": content.cpd_hours,
            "prerequisites": content.prerequisites,
            "body": content.body,
        },
    )
    for module_content in content.modules:
        module = ModulePage.objects.child_of(course).filter(slug=module_content.slug).first()
        if module is None:
            # Only a module being created gets its quiz: one an editor renamed or detached
            # stays as they left it.
            module = _child_ensure(
                parent=course,
                model=ModulePage,
                slug=module_content.slug,
                fields={
                    "title": module_content.title,
                    "summary": module_content.summary,
                    "quiz": _quiz_ensure(module_content.quiz),
                },
            )
        for lesson in module_content.lessons:
            _child_ensure(
                parent=module,
                model=LessonPage,
                slug=lesson.slug,
                fields={
                    "title": lesson.title,
                    "summary": lesson.summary,
                    "estimated_minutes": lesson.estimated_minutes,
                    "required": lesson.required,
                    "body": lesson.body,
                    **lesson.review,
                },
            )
    return course


@transaction.atomic
def lessons_refresh(*, content: CourseContent | None = None) -> list[LessonPage]:
    """Publish the file's version of each lesson whose file records a later clinical review
    than the live page; returns the lessons refreshed.

    A correction made to the content files reaches a site that loaded them before: the file's
    review date is the reviewer's word that it supersedes the page. A page reviewed on or after
    the file's date (an editor's own review) is left as it is; the page it replaces stays in its
    revision history.
    """
    content = content or course_read()
    course = CoursePage.objects.filter(slug=content.slug).first()
    if course is None:
        return []
    refreshed = []
    for module_content in content.modules:
        module = ModulePage.objects.child_of(course).filter(slug=module_content.slug).first()
        if module is None:
            continue
        for lesson in module_content.lessons:
            page = LessonPage.objects.child_of(module).filter(slug=lesson.slug).first()
            if page is None or not page.reviewed_before(lesson.review):
                continue
            page.title = lesson.title
            page.summary = lesson.summary
            page.estimated_minutes = lesson.estimated_minutes
            page.required = lesson.required
            page.body = lesson.body
            for name, value in lesson.review.items():
                setattr(page, name, value)
            page.save_revision().publish()
            refreshed.append(page)
    return refreshed


__all__ = ["ContentError", "course_load", "course_read", "lessons_refresh"]
