"""Reads for the quiz engine: the quizzes and attempts a person may see, and how they are doing."""

from collections.abc import Iterable

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from wagtail.images import get_image_model

from courses.quiz.choices import QuestionType, SittingStatus
from courses.quiz.models import Quiz, Sitting, SittingAnswer

PERMISSION_CHANGE_QUIZ = "courses.change_quiz"
IMAGE_FILTER = "max-800x600"
UNCATEGORISED = "Uncategorised"

PROBLEM_TOO_FEW_OPTIONS = "Give at least two answer options."
PROBLEM_ONE_CORRECT = "Mark exactly one option as correct."
PROBLEM_SOME_CORRECT = "Mark at least one option as correct."
PROBLEM_TRUE_FALSE_TWO = "A true-or-false question has exactly two options, True and False."
PROBLEM_FREE_TEXT_OPTIONS = "A free-text question has no answer options; remove them."
PROBLEM_PARTIAL_CREDIT = "Partial credit applies only to choose-all-that-apply questions."
PROBLEM_NO_QUESTIONS = "Add at least one question before the quiz is taken."
PROBLEM_TOO_FEW_QUESTIONS = (
    "The quiz asks {count} questions per attempt but has only {available} in its pool."
)


def question_problems(
    *, kind: str, options: list[tuple[str, bool]], partial_credit: bool = False
) -> list[str]:
    """What is wrong with a question of this type having these (text, correct) options."""
    problems = []
    correct = sum(1 for _, is_correct in options if is_correct)
    if kind == QuestionType.FREE_TEXT:
        if options:
            problems.append(PROBLEM_FREE_TEXT_OPTIONS)
    elif kind == QuestionType.TRUE_FALSE:
        if len(options) != 2:
            problems.append(PROBLEM_TRUE_FALSE_TWO)
        elif correct != 1:
            problems.append(PROBLEM_ONE_CORRECT)
    elif len(options) < 2:
        problems.append(PROBLEM_TOO_FEW_OPTIONS)
    elif kind == QuestionType.SINGLE and correct != 1:
        problems.append(PROBLEM_ONE_CORRECT)
    elif kind == QuestionType.MULTIPLE and correct < 1:
        problems.append(PROBLEM_SOME_CORRECT)
    if partial_credit and kind != QuestionType.MULTIPLE:
        problems.append(PROBLEM_PARTIAL_CREDIT)
    return problems


def quiz_problems(*, quiz: Quiz) -> list[str]:
    """Everything that stops a saved quiz being taken, question by question ("Question 2: ...")."""
    questions = list(quiz.questions.prefetch_related("options"))
    problems = []
    if not questions:
        problems.append(PROBLEM_NO_QUESTIONS)
    elif quiz.question_count and quiz.question_count > len(questions):
        problems.append(
            PROBLEM_TOO_FEW_QUESTIONS.format(count=quiz.question_count, available=len(questions))
        )
    for number, question in enumerate(questions, start=1):
        options = [(option.text, option.correct) for option in question.options.all()]
        for problem in question_problems(
            kind=question.kind, options=options, partial_credit=question.partial_credit
        ):
            problems.append(f"Question {number}: {problem}")
    return problems


def quizzes_takeable_by(*, user) -> QuerySet[Quiz]:
    """Quizzes the user may open: published ones, drafts for those who author quizzes, and any
    quiz the user has an unfinished attempt at, so that returning a quiz to draft never strands
    an attempt half-way (its questions were copied into the attempt when it started)."""
    if user.is_authenticated and user.has_perm(PERMISSION_CHANGE_QUIZ):
        return Quiz.objects.all()
    if not user.is_authenticated:
        return Quiz.objects.filter(draft=False)
    unfinished = Sitting.objects.filter(user=user, status=SittingStatus.IN_PROGRESS)
    return Quiz.objects.filter(Q(draft=False) | Q(pk__in=unfinished.values("quiz_id")))


def quiz_module_live(*, quiz_id: int):
    """The first live module (in tree order) that uses this quiz, so quiz pages can lead back to
    it; None for a quiz that stands alone. Read through the module's link to the quiz, so the quiz
    engine needs nothing from the course pages above it."""
    return Quiz(pk=quiz_id).modules.live().order_by("path").first()


def sitting_open(*, user, quiz: Quiz) -> Sitting | None:
    """The user's unfinished attempt at the quiz, if there is one."""
    if not user.is_authenticated:
        return None
    return Sitting.objects.filter(user=user, quiz=quiz, status=SittingStatus.IN_PROGRESS).first()


def quiz_attempts_used(*, user, quiz: Quiz) -> int:
    """How many attempts the user has started at the quiz, finished or not."""
    if not user.is_authenticated:
        return 0
    return Sitting.objects.filter(user=user, quiz=quiz).count()


def _sittings_finished(**filters) -> QuerySet[Sitting]:
    return (
        Sitting.objects.filter(**filters)
        .exclude(status=SittingStatus.IN_PROGRESS)
        .order_by("-ended_at", "-pk")
    )


def sittings_finished_for_quiz(*, user, quiz: Quiz) -> QuerySet[Sitting]:
    """The user's finished attempts at one quiz, newest first."""
    return _sittings_finished(user=user, quiz=quiz)


def quiz_ids_passed(*, user, quiz_ids: Iterable[int]) -> set[int]:
    """Which of these quizzes the user has passed at least once (one query)."""
    quiz_ids = [quiz_id for quiz_id in quiz_ids if quiz_id is not None]
    if not user.is_authenticated or not quiz_ids:
        return set()
    return set(
        Sitting.objects.filter(user=user, quiz_id__in=quiz_ids, passed=True)
        .values_list("quiz_id", flat=True)
        .distinct()
    )


def sittings_recent(*, user, limit: int = 5) -> list[Sitting]:
    """The user's latest finished attempts (quiz title, percent, passed, ended_at), one query."""
    if not user.is_authenticated:
        return []
    return list(_sittings_finished(user=user)[:limit])


def sittings_visible_to(*, user) -> QuerySet[Sitting]:
    """The attempts a person may look at as their own results: their own only. A trainer
    looks at other people's through the marking pages, which keep to the people in their scope
    (`courses.cohorts.scope`)."""
    return Sitting.objects.select_related("user").filter(user=user)


def sittings_of(*, users: QuerySet) -> QuerySet[Sitting]:
    """The attempts of these people (a trainer's scope, worked out by the layer above)."""
    return Sitting.objects.select_related("user").filter(user__in=users)


def _with_renditions(answers: QuerySet[SittingAnswer]) -> QuerySet[SittingAnswer]:
    images = get_image_model().objects.prefetch_renditions(IMAGE_FILTER)
    return answers.prefetch_related(Prefetch("image", images))


def sitting_answers(*, sitting: Sitting) -> list[SittingAnswer]:
    """A sitting's questions as asked, in order, with their images' renditions fetched at once."""
    return list(_with_renditions(sitting.answers.select_related("marker")))


def sitting_answer_at(*, sitting: Sitting, position: int) -> SittingAnswer | None:
    """The question asked at this position in a sitting, with its image's rendition."""
    return _with_renditions(sitting.answers.filter(position=position)).first()


def category_progress(*, user) -> list[dict]:
    """The user's success rate per category over their finished attempts (one query).

    Counts answers that have been marked; an answer is correct only with full marks.
    """
    rows = (
        SittingAnswer.objects.filter(
            sitting__user=user, answered_at__isnull=False, is_correct__isnull=False
        )
        .exclude(sitting__status=SittingStatus.IN_PROGRESS)
        .values("category_name")
        .annotate(answered=Count("pk"), correct=Count("pk", filter=Q(is_correct=True)))
        .order_by("category_name")
    )
    return [
        {
            "name": row["category_name"] or UNCATEGORISED,
            "answered": row["answered"],
            "correct": row["correct"],
            "percent": 100 * row["correct"] // row["answered"],  # rounded down, as everywhere
        }
        for row in rows
    ]


def sittings_for_marking(
    *, users, quiz: Quiz | None = None, user_search: str = "", status: str = ""
) -> QuerySet[Sitting]:
    """The finished attempts of these users (a trainer's scope), awaiting marking first, then
    the newest."""
    sittings = (
        Sitting.objects.exclude(status=SittingStatus.IN_PROGRESS)
        .filter(user__in=users)
        .select_related("user")
        .annotate(
            waiting=Case(
                When(status=SittingStatus.AWAITING_MARKING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("waiting", "-ended_at", "-pk")
    )
    if quiz is not None:
        sittings = sittings.filter(quiz=quiz)
    if user_search:
        sittings = sittings.filter(
            Q(user__email__icontains=user_search) | Q(user__full_name__icontains=user_search)
        )
    if status:
        sittings = sittings.filter(status=status)
    return sittings


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _number(value) -> str | None:
    return None if value is None else str(value)


def quiz_personal_data(*, user) -> dict:
    """Every quiz attempt the person made, with each question as asked and their answer."""
    sittings = Sitting.objects.filter(user=user).prefetch_related(
        Prefetch("answers", queryset=SittingAnswer.objects.order_by("position"))
    )
    return {
        "quiz_attempts": [
            {
                "quiz": sitting.quiz_title,
                "status": sitting.get_status_display(),
                "started_at": _iso(sitting.started_at),
                "ended_at": _iso(sitting.ended_at),
                "score": _number(sitting.score),
                "max_score": _number(sitting.max_score),
                "percent": _number(sitting.percent),
                "passed": sitting.passed,
                "answers": [
                    {
                        "question": answer.text,
                        "chosen": [option["text"] for option in answer.chosen_options],
                        "written_answer": answer.text_answer,
                        "correct": answer.is_correct,
                        "score": _number(answer.score),
                        "max_score": _number(answer.max_score),
                        "marker_comment": answer.marker_comment,
                        "marked_at": _iso(answer.marked_at),
                    }
                    for answer in sitting.answers.all()
                ],
            }
            for sitting in sittings
        ]
    }
