"""Reads for courses and progress.

Progress is never stored: it is worked out from the live page tree and the learner's facts
(enrolments, completed lessons, quizzes passed) every time, so a course edited after a learner
finished it shows their progress against what the course asks now.

Every function here runs a fixed number of queries whatever the size of the courses or the
learner's history: modules and lessons come in one query each (by page path), completions in one,
passed quizzes in one.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import reduce
from operator import or_

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.utils import timezone

from wagtail.models import Page

from core.models.review import REVIEW_NOTICE_DAYS
from courses.learning.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
)
from courses.quiz.models import Sitting
from courses.quiz.selectors import quiz_ids_passed, sittings_finished_for_quiz
from scoring_practice.models import VignettePage

ENROLMENTS_PER_PAGE = 10
COURSES_PER_PAGE = 20


class Status(Enum):
    """Where a learner stands on a module or course, worded as the NHS.UK task list shows it."""

    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    COMPLETED = "Completed"

    @property
    def label(self) -> str:
        return self.value

    @property
    def tag_class(self) -> str:
        return {
            Status.NOT_STARTED: "nhsuk-tag--grey",
            Status.IN_PROGRESS: "nhsuk-tag--blue",
            Status.COMPLETED: "nhsuk-tag--green",
        }[self]

    @property
    def is_completed(self) -> bool:
        return self is Status.COMPLETED

    @property
    def is_not_started(self) -> bool:
        return self is Status.NOT_STARTED


@dataclass
class LessonState:
    """A live lesson and, for a signed-in learner, whether they have completed it."""

    page: LessonPage
    completed: bool = False

    @property
    def required(self) -> bool:
        return self.page.required


@dataclass
class ModuleState:
    """A live module, its live lessons in order, its quiz and the learner's standing on it."""

    page: ModulePage
    lessons: list[LessonState] = field(default_factory=list)
    quiz_passed: bool = False
    status: Status | None = None

    @property
    def quiz_id(self) -> int | None:
        """The module's quiz, unless it is a draft (which nobody can take, so it cannot count)."""
        if self.page.quiz_id is None or self.page.quiz_is_draft:
            return None
        return self.page.quiz_id

    @property
    def required_lessons(self) -> list[LessonState]:
        return [lesson for lesson in self.lessons if lesson.required]


@dataclass
class NextStep:
    """Where "Continue" takes the learner: a lesson to read or a module whose quiz is waiting."""

    page: Page
    is_quiz: bool = False


@dataclass
class CourseState:
    """A course with its modules in order, and the learner's progress when they are enrolled."""

    course: CoursePage
    modules: list[ModuleState]
    enrolment: Enrolment | None = None
    status: Status | None = None
    next_step: NextStep | None = None

    @property
    def lessons(self) -> list[LessonState]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @property
    def modules_total(self) -> int:
        return len(self.modules)

    @property
    def modules_completed(self) -> int:
        return sum(1 for module in self.modules if module.status is Status.COMPLETED)

    @property
    def percent(self) -> int:
        if not self.modules:
            return 0
        return round(100 * self.modules_completed / len(self.modules))


def _under(courses: list[Page], *, levels: int) -> Q:
    """Pages exactly `levels` below any of the courses, matched by tree path."""
    return reduce(
        or_,
        (Q(path__startswith=course.path, depth=course.depth + levels) for course in courses),
    )


def _course_trees(*, courses: list[CoursePage]) -> dict[int, list[ModuleState]]:
    """The live modules and lessons of each course, in tree order: two queries for any number."""
    if not courses:
        return {}
    modules = (
        ModulePage.objects.live()
        .filter(_under(courses, levels=1))
        .annotate(quiz_is_draft=F("quiz__draft"))
        .order_by("path")
    )
    lessons = LessonPage.objects.live().filter(_under(courses, levels=2)).defer("body")
    by_path: dict[str, ModuleState] = {}
    trees: dict[int, list[ModuleState]] = {course.pk: [] for course in courses}
    course_by_path = {course.path: course.pk for course in courses}
    for module in modules:
        state = ModuleState(page=module)
        by_path[module.path] = state
        trees[course_by_path[module.path[: -module.steplen]]].append(state)
    for lesson in lessons.order_by("path"):
        # A live lesson under an unpublished module is out of the course until the module is back.
        module_state = by_path.get(lesson.path[: -lesson.steplen])
        if module_state is not None:
            module_state.lessons.append(LessonState(page=lesson))
    return trees


def _module_status(module: ModuleState) -> Status:
    required_done = all(lesson.completed for lesson in module.required_lessons)
    quiz_done = module.quiz_id is None or module.quiz_passed
    if required_done and quiz_done:
        return Status.COMPLETED
    if module.quiz_passed or any(lesson.completed for lesson in module.lessons):
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def _next_step(state: CourseState) -> NextStep | None:
    """The first thing left to do, looking onwards from the lesson the learner last opened.

    Steps are the required lessons and each module's quiz (after its lessons), in course order.
    If everything from the last lesson on is done, the search starts again at the beginning; if
    everything is done, the learner goes back to the lesson they last opened.
    """
    steps: list[tuple[str, NextStep, bool]] = []
    for module in state.modules:
        for lesson in module.required_lessons:
            steps.append((lesson.page.path, NextStep(page=lesson.page), lesson.completed))
        if module.quiz_id is not None:
            # "~" sorts after every character of a page path, so the quiz follows its lessons.
            quiz_step = NextStep(page=module.page, is_quiz=True)
            steps.append((module.page.path + "~", quiz_step, module.quiz_passed))
    last_lesson = None
    if state.enrolment is not None and state.enrolment.last_lesson_id is not None:
        last_lesson = next(
            (
                lesson.page
                for lesson in state.lessons
                if lesson.page.pk == state.enrolment.last_lesson_id
            ),
            None,
        )
    start = 0
    if last_lesson is not None:
        start = next(
            (index for index, (path, _, _) in enumerate(steps) if path >= last_lesson.path),
            len(steps),
        )
    for _, step, done in steps[start:] + steps[:start]:
        if not done:
            return step
    return NextStep(page=last_lesson) if last_lesson is not None else None


def _fill_progress(*, user, states: list[CourseState]) -> None:
    """Mark each enrolled course's lessons, modules and the course itself: two queries in all."""
    enrolled = [state for state in states if state.enrolment is not None]
    if not enrolled:
        return
    lesson_ids = [lesson.page.pk for state in enrolled for lesson in state.lessons]
    completed = (
        set(
            LessonCompletion.objects.filter(user=user, lesson_id__in=lesson_ids).values_list(
                "lesson_id", flat=True
            )
        )
        if lesson_ids
        else set()
    )
    quiz_ids = {module.quiz_id for state in enrolled for module in state.modules}
    passed = quiz_ids_passed(user=user, quiz_ids=quiz_ids - {None})
    for state in enrolled:
        for module in state.modules:
            for lesson in module.lessons:
                lesson.completed = lesson.page.pk in completed
            module.quiz_passed = module.quiz_id in passed
            module.status = _module_status(module)
        if state.modules and all(module.status.is_completed for module in state.modules):
            state.status = Status.COMPLETED
        elif any(module.status is not Status.NOT_STARTED for module in state.modules):
            state.status = Status.IN_PROGRESS
        else:
            state.status = Status.NOT_STARTED
        state.next_step = _next_step(state)


def course_list_live(*, index: CourseIndexPage, page_number=None) -> PaginatorPage:
    """The live courses in the training section, in the order editors arranged them, a page at
    a time."""
    courses = CoursePage.objects.live().child_of(index).order_by("path")
    return Paginator(courses, COURSES_PER_PAGE).get_page(page_number)


def course_modules_live(*, course: CoursePage) -> list[ModuleState]:
    """The course's live modules in order, each with its live lessons (two queries)."""
    return _course_trees(courses=[course])[course.pk]


def course_progress(*, course: CoursePage, user) -> CourseState:
    """The course's modules and lessons, with the user's progress when they are enrolled."""
    enrolment = None
    if user.is_authenticated:
        enrolment = Enrolment.objects.filter(user=user, course=course).first()
    state = CourseState(
        course=course, modules=_course_trees(courses=[course])[course.pk], enrolment=enrolment
    )
    _fill_progress(user=user, states=[state])
    return state


def _course_of(page: Page, *, levels: int) -> CoursePage | None:
    """The live course `levels` above a module or lesson, found by its tree path in one query."""
    return CoursePage.objects.live().filter(path=page.path[: -page.steplen * levels]).first()


def _state_for(*, course: CoursePage | None, user) -> CourseState | None:
    return course_progress(course=course, user=user) if course is not None else None


def module_progress(*, module: ModulePage, user) -> dict:
    """What a module page shows: its course, its lessons with the user's progress, and its quiz.

    Returns `course_state` (None when the course is not live, e.g. while previewing a draft),
    `module_state` (None when the module itself is not live yet), `enrolment`, `quiz` (None when
    there is none, or it is a draft) and `latest_sitting`, the user's latest finished attempt.
    """
    course_state = _state_for(course=_course_of(module, levels=1), user=user)
    module_state = None
    if course_state is not None:
        module_state = next(
            (state for state in course_state.modules if state.page.pk == module.pk), None
        )
    enrolment = course_state.enrolment if course_state else None
    quiz = module_state.page.quiz if module_state and module_state.quiz_id else None
    latest_sitting = None
    if quiz is not None and user.is_authenticated:
        latest_sitting = sittings_finished_for_quiz(user=user, quiz=quiz).first()
    return {
        "course_state": course_state,
        "module_state": module_state,
        "enrolment": enrolment,
        "quiz": quiz,
        "latest_sitting": latest_sitting,
    }


def lesson_progress(*, lesson: LessonPage, user) -> dict:
    """What a lesson page shows: whether the user completed it, and the lessons either side.

    Previous and next run through the whole course in order, crossing from one module to the
    next. Returns `course_state`, `module_state`, `enrolment`, `completed`, `previous_lesson`,
    `next_lesson` and `position` / `lesson_count` (the lesson's place in its module).
    """
    course_state = _state_for(course=_course_of(lesson, levels=2), user=user)
    context = {
        "course_state": course_state,
        "module_state": None,
        "enrolment": course_state.enrolment if course_state else None,
        "completed": False,
        "previous_lesson": None,
        "next_lesson": None,
        "position": None,
        "lesson_count": None,
    }
    if course_state is None:
        return context
    lessons = course_state.lessons
    index = next((i for i, state in enumerate(lessons) if state.page.pk == lesson.pk), None)
    if index is None:
        return context
    module_state = next(
        module
        for module in course_state.modules
        if any(state.page.pk == lesson.pk for state in module.lessons)
    )
    context.update(
        {
            "module_state": module_state,
            "completed": lessons[index].completed,
            "previous_lesson": lessons[index - 1].page if index > 0 else None,
            "next_lesson": lessons[index + 1].page if index + 1 < len(lessons) else None,
            "position": [state.page.pk for state in module_state.lessons].index(lesson.pk) + 1,
            "lesson_count": len(module_state.lessons),
        }
    )
    return context


def enrolments_progress(*, user, page_number=None) -> tuple[PaginatorPage, list[CourseState]]:
    """The user's enrolments on live courses, most recently visited first, a page at a time,
    each with its course's progress.
    """
    enrolments = (
        Enrolment.objects.filter(user=user, course__live=True)
        .select_related("course")
        .order_by(F("last_visited_at").desc(nulls_last=True), "-enrolled_at", "-pk")
    )
    page = Paginator(enrolments, ENROLMENTS_PER_PAGE).get_page(page_number)
    page.object_list = list(page.object_list)
    trees = _course_trees(courses=[enrolment.course for enrolment in page.object_list])
    states = [
        CourseState(
            course=enrolment.course, modules=trees[enrolment.course_id], enrolment=enrolment
        )
        for enrolment in page.object_list
    ]
    _fill_progress(user=user, states=states)
    return page, states


REVIEWS_PER_PAGE = 25


@dataclass(frozen=True)
class ReviewDue:
    """A live page whose clinical review has lapsed, falls due soon, or never happened."""

    page: Page
    kind: str
    status: str

    @property
    def tag_class(self) -> str:
        return {"Overdue": "nhsuk-tag--red", "Never reviewed": "nhsuk-tag--red"}.get(
            self.status, "nhsuk-tag--yellow"
        )


def content_review_due(*, today: datetime.date | None = None, page_number=None) -> PaginatorPage:
    """Lessons and case vignettes due for clinical review, most overdue first, a page at a time.

    Due means never reviewed, or a next review falling within `REVIEW_NOTICE_DAYS`. Two queries
    for any number of pages (one per content type), plus the count.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=REVIEW_NOTICE_DAYS)
    due = Q(next_review_due__isnull=True) | Q(next_review_due__lte=horizon)
    fields = ("title", "url_path", "reviewed_by", "reviewed_on", "next_review_due")
    pages: list[tuple[Page, str]] = [
        (page, "Lesson") for page in LessonPage.objects.live().filter(due).only(*fields)
    ] + [(page, "Case vignette") for page in VignettePage.objects.live().filter(due).only(*fields)]
    pages.sort(key=lambda pair: (pair[0].next_review_due or datetime.date.min, pair[0].title))

    def status(page) -> str:
        if page.next_review_due is None:
            return "Never reviewed"
        return "Overdue" if page.next_review_due < today else "Due soon"

    items = [ReviewDue(page=page, kind=kind, status=status(page)) for page, kind in pages]
    return Paginator(items, REVIEWS_PER_PAGE).get_page(page_number)


def learning_personal_data(*, user) -> dict:
    """Everything the training section holds about one person, for their data download."""
    enrolments = Enrolment.objects.filter(user=user).select_related("course", "last_lesson")
    completions = LessonCompletion.objects.filter(user=user).select_related("lesson")
    return {
        "enrolments": [
            {
                "course": enrolment.course.title,
                "enrolled_at": enrolment.enrolled_at.isoformat(),
                "last_lesson_opened": enrolment.last_lesson.title
                if enrolment.last_lesson
                else None,
                "last_visited_at": enrolment.last_visited_at.isoformat()
                if enrolment.last_visited_at
                else None,
            }
            for enrolment in enrolments
        ],
        "lessons_completed": [
            {"lesson": completion.lesson.title, "completed_at": completion.completed_at.isoformat()}
            for completion in completions
        ],
    }


def _done_masks(rows: QuerySet, counts: dict[int, tuple[Q, int]]) -> Iterator[tuple[int, int]]:
    """Each user in `rows` with a bit mask of the modules whose `counts` they reached: bit i is
    set when at least the required number of their rows match module i's condition. The
    comparison is made in the database, so a user comes back as one number, not a column per
    module."""
    tallied = rows.values("user_id").annotate(
        **{
            f"module{index}": Count("user_id", filter=condition)
            for index, (condition, _) in counts.items()
        }
    )
    mask = sum(
        (
            Case(
                When(**{f"module{index}__gte": required}, then=Value(1 << index)), default=Value(0)
            )
            for index, (_, required) in counts.items()
        ),
        start=Value(0),
    )
    return iter(tallied.annotate(mask=mask).values_list("user_id", "mask").order_by())


def _module_finishers(modules: list[ModuleState], user_ids) -> list[tuple[ModuleState, set[int]]]:
    """Each of these modules with the users who have completed it: two queries, one for each
    user's lessons done in each module, one for their quizzes passed."""
    lessons = {
        index: [lesson.page.pk for lesson in module.required_lessons]
        for index, module in enumerate(modules)
        if module.required_lessons
    }
    quizzes = {
        index: module.quiz_id for index, module in enumerate(modules) if module.quiz_id is not None
    }
    masks: dict[int, list[int]] = {}
    if lessons:
        # A lesson is completed once per user (a unique constraint), so rows count lessons.
        completions = LessonCompletion.objects.filter(
            user_id__in=user_ids, lesson_id__in=[pk for pks in lessons.values() for pk in pks]
        )
        lesson_counts = {index: (Q(lesson_id__in=pks), len(pks)) for index, pks in lessons.items()}
        for user_id, mask in _done_masks(completions, lesson_counts):
            masks.setdefault(user_id, [0, 0])[0] = mask
    if quizzes:
        passes = Sitting.objects.filter(
            user_id__in=user_ids, quiz_id__in=list(quizzes.values()), passed=True
        )
        quiz_counts = {index: (Q(quiz_id=quiz_id), 1) for index, quiz_id in quizzes.items()}
        for user_id, mask in _done_masks(passes, quiz_counts):
            masks.setdefault(user_id, [0, 0])[1] = mask
    # A module with no required lessons asks only for its quiz, and the reverse; one with
    # neither is never "completed".
    no_lessons = sum(1 << index for index in range(len(modules)) if index not in lessons)
    no_quiz = sum(1 << index for index in range(len(modules)) if index not in quizzes)
    something = sum(1 << index for index in set(lessons) | set(quizzes))
    done: list[set[int]] = [set() for _ in modules]
    for user_id, (lesson_mask, quiz_mask) in masks.items():
        finished = (lesson_mask | no_lessons) & (quiz_mask | no_quiz) & something
        for index in range(len(modules)):
            if finished >> index & 1:
                done[index].add(user_id)
    return list(zip(modules, done, strict=True))


ModuleFinishers = list[tuple[ModuleState, set[int]]]


def module_completers_by_course(
    *, courses: list[CoursePage], user_ids
) -> dict[int, ModuleFinishers]:
    """Each course's live modules, in order, with the users who have completed each (its
    required lessons done and its quiz passed): two queries for the courses' trees, then two per
    course, however many users."""
    return {
        course_pk: _module_finishers(modules, user_ids)
        for course_pk, modules in _course_trees(courses=courses).items()
    }


def module_completers(*, course: CoursePage, user_ids) -> ModuleFinishers:
    return module_completers_by_course(courses=[course], user_ids=user_ids)[course.pk]


def course_finishers(modules: ModuleFinishers) -> set[int]:
    """Who has completed the course these modules make up: every module with something to do in
    it (a module with neither required lessons nor a quiz asks nothing)."""
    done = [finished for module, finished in modules if module.required_lessons or module.quiz_id]
    return set.intersection(*done) if done else set()


def course_completers(*, courses: list[CoursePage], user_ids) -> set[int]:
    """Which of these users have completed at least one of the courses."""
    finishers = module_completers_by_course(courses=courses, user_ids=user_ids)
    return set().union(*(course_finishers(modules) for modules in finishers.values()))
