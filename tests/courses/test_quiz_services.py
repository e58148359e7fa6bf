"""Starting, answering, finishing and marking attempts: the rules every way in must obey."""

from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from core.choices import Role
from courses.models import Sitting, SittingAnswer
from courses.quiz import services as quiz_services
from courses.quiz.choices import QuestionType, SittingStatus
from courses.quiz.services import answer_mark, sitting_answer, sitting_finish, sitting_start
from tests.courses.quiz_factories import (
    CategoryFactory,
    QuestionFactory,
    QuizFactory,
    quiz_with_questions,
    right_option_ids,
    wrong_option_ids,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _current(sitting: Sitting) -> SittingAnswer:
    sitting.refresh_from_db()
    return sitting.answers.get(position=sitting.position)


def _answer(sitting: Sitting, *, right: bool = True, text: str = "") -> SittingAnswer:
    current = _current(sitting)
    if current.kind == QuestionType.FREE_TEXT:
        return sitting_answer(sitting=sitting, answer_id=current.pk, text=text or "My answer")
    ids = right_option_ids(current) if right else wrong_option_ids(current)
    return sitting_answer(sitting=sitting, answer_id=current.pk, option_ids=ids)


def _snapshot(sitting: Sitting) -> list[tuple]:
    sitting.refresh_from_db()
    return [
        (
            sitting.status,
            sitting.position,
            sitting.score,
            sitting.ended_at,
            answer.pk,
            answer.answered_at,
            answer.chosen,
            answer.text_answer,
            answer.score,
            answer.is_correct,
        )
        for answer in sitting.answers.order_by("position")
    ]


def _refused(message: str, call, sitting: Sitting) -> None:
    before = _snapshot(sitting)
    with pytest.raises(ValidationError) as refusal:
        call()
    assert refusal.value.messages == [message]
    assert _snapshot(sitting) == before


class TestStart:
    def test_asks_the_whole_pool_in_authored_order_by_default(self):
        quiz = quiz_with_questions(4)
        sitting = sitting_start(user=UserFactory(), quiz=quiz)
        pool = list(quiz.questions.values_list("pk", flat=True))
        assert sitting.question_order == pool
        assert list(sitting.answers.values_list("question_id", flat=True)) == pool
        assert sitting.question_total == 4
        assert sitting.position == 1

    def test_random_subset_is_n_questions_from_the_pool(self):
        quiz = quiz_with_questions(10, question_count=4)
        pool = set(quiz.questions.values_list("pk", flat=True))
        for _ in range(5):
            sitting = sitting_start(user=UserFactory(), quiz=quiz)
            asked = sitting.question_order
            assert len(asked) == 4
            assert len(set(asked)) == 4
            assert set(asked) <= pool
            assert list(sitting.answers.values_list("question_id", flat=True)) == asked

    def test_random_order_is_drawn_once_and_kept_on_resume(self):
        quiz = quiz_with_questions(12, random_order=True)
        user = UserFactory()
        sitting = sitting_start(user=user, quiz=quiz)
        _answer(sitting)
        _answer(sitting)
        resumed = sitting_start(user=user, quiz=quiz)
        assert resumed.pk == sitting.pk
        assert resumed.question_order == sitting.question_order
        assert resumed.position == 3
        assert sorted(resumed.question_order) == sorted(quiz.questions.values_list("pk", flat=True))
        orders = {
            tuple(sitting_start(user=UserFactory(), quiz=quiz).question_order) for _ in range(4)
        }
        # Five draws of twelve questions in the same order would mean the order is not random.
        assert len(orders | {tuple(sitting.question_order)}) > 1

    def test_one_attempt_only(self):
        quiz = quiz_with_questions(1, max_attempts=1)
        user = UserFactory()
        sitting = sitting_start(user=user, quiz=quiz)
        _answer(sitting)
        with pytest.raises(ValidationError) as refusal:
            sitting_start(user=user, quiz=quiz)
        assert refusal.value.messages == [quiz_services.MESSAGE_ATTEMPTS_USED.format(count=1)]
        assert Sitting.objects.filter(user=user).count() == 1

    def test_maximum_of_three_attempts(self):
        quiz = quiz_with_questions(1, max_attempts=3)
        user = UserFactory()
        for _ in range(3):
            _answer(sitting_start(user=user, quiz=quiz), right=False)
        with pytest.raises(ValidationError):
            sitting_start(user=user, quiz=quiz)
        assert Sitting.objects.filter(user=user).count() == 3

    def test_unfinished_attempt_counts_but_is_resumed_not_refused(self):
        quiz = quiz_with_questions(2, max_attempts=1)
        user = UserFactory()
        first = sitting_start(user=user, quiz=quiz)
        assert sitting_start(user=user, quiz=quiz).pk == first.pk

    def test_draft_quiz_cannot_be_taken_by_a_trainee(self):
        quiz = quiz_with_questions(2, draft=True)
        with pytest.raises(ValidationError) as refusal:
            sitting_start(user=UserFactory(), quiz=quiz)
        assert refusal.value.messages == [quiz_services.MESSAGE_QUIZ_DRAFT]
        assert not Sitting.objects.exists()

    def test_draft_quiz_can_be_tried_by_its_authors(self):
        quiz = quiz_with_questions(2, draft=True)
        sitting = sitting_start(user=UserFactory(roles=[Role.TRAINER]), quiz=quiz)
        assert sitting.question_total == 2

    def test_quiz_without_questions_cannot_be_started(self):
        with pytest.raises(ValidationError) as refusal:
            sitting_start(user=UserFactory(), quiz=QuizFactory())
        assert refusal.value.messages == [quiz_services.MESSAGE_QUIZ_EMPTY]

    def test_question_category_falls_back_to_the_quiz_default(self):
        quiz = QuizFactory(category=CategoryFactory(name="Scoring"))
        QuestionFactory(quiz=quiz)
        QuestionFactory(quiz=quiz, category=CategoryFactory(name="Red flags"))
        sitting = sitting_start(user=UserFactory(), quiz=quiz)
        assert list(sitting.answers.values_list("category_name", flat=True)) == [
            "Scoring",
            "Red flags",
        ]


class TestScoring:
    def test_pass_mark_boundary_passes_exactly_at_the_mark(self):
        quiz = quiz_with_questions(5, pass_mark=80)
        sitting = sitting_start(user=UserFactory(), quiz=quiz)
        for right in [True, True, True, True, False]:
            _answer(sitting, right=right)
        sitting.refresh_from_db()
        assert sitting.status == SittingStatus.COMPLETE
        assert (sitting.score, sitting.max_score, sitting.percent) == (4, 5, Decimal("80.00"))
        assert sitting.passed is True
        assert sitting.pass_message == quiz.pass_message

    def test_one_mark_below_the_pass_mark_fails(self):
        quiz = quiz_with_questions(5, pass_mark=81)
        sitting = sitting_start(user=UserFactory(), quiz=quiz)
        for right in [True, True, True, True, False]:
            _answer(sitting, right=right)
        sitting.refresh_from_db()
        assert sitting.percent == Decimal("80.00")
        assert sitting.passed is False
        assert sitting.ended_at is not None

    @pytest.mark.parametrize(
        ("partial", "chosen", "score", "correct"),
        [
            (False, ["A", "B"], Decimal(2), True),
            (False, ["A"], Decimal(0), False),
            (False, ["A", "B", "C"], Decimal(0), False),
            (True, ["A", "B"], Decimal(2), True),
            (True, ["A"], Decimal(1), False),
            (True, ["A", "C"], Decimal(0), False),
            (True, ["C"], Decimal(0), False),
        ],
    )
    def test_choose_all_that_apply_all_or_nothing_unless_partial_credit(
        self, partial, chosen, score, correct
    ):
        quiz = QuizFactory()
        QuestionFactory(
            quiz=quiz,
            kind=QuestionType.MULTIPLE,
            points=2,
            partial_credit=partial,
            options=[("A", True), ("B", True), ("C", False)],
        )
        sitting = sitting_start(user=UserFactory(), quiz=quiz)
        current = _current(sitting)
        ids = [option["id"] for option in current.options if option["text"] in chosen]
        answer = sitting_answer(sitting=sitting, answer_id=current.pk, option_ids=ids)
        assert (answer.score, answer.is_correct) == (score, correct)
        sitting.refresh_from_db()
        assert sitting.score == score

    def test_partial_credit_of_one_in_three(self):
        quiz = QuizFactory()
        QuestionFactory(
            quiz=quiz,
            kind=QuestionType.MULTIPLE,
            partial_credit=True,
            options=[("A", True), ("B", True), ("C", True), ("D", False)],
        )
        sitting = sitting_start(user=UserFactory(), quiz=quiz)
        current = _current(sitting)
        one_right = next(option["id"] for option in current.options if option["correct"])
        answer = sitting_answer(sitting=sitting, answer_id=current.pk, option_ids=[one_right])
        assert answer.score == Decimal("0.33")

    def test_true_false(self):
        quiz = quiz_with_questions(1, kind=QuestionType.TRUE_FALSE)
        sitting = sitting_start(user=UserFactory(), quiz=quiz)
        answer = _answer(sitting, right=True)
        assert answer.is_correct is True
        assert [option["text"] for option in answer.correct_options] == ["True"]


class TestFreeTextMarking:
    def _finished(self, trainee):
        quiz = QuizFactory(pass_mark=50)
        QuestionFactory(quiz=quiz)
        QuestionFactory(quiz=quiz, kind=QuestionType.FREE_TEXT, points=2)
        sitting = sitting_start(user=trainee, quiz=quiz)
        _answer(sitting, right=False)
        _answer(sitting, text="Explain the score and agree a plan together.")
        sitting.refresh_from_db()
        return sitting

    def test_waits_for_a_mark_then_the_result_follows_it(self):
        sitting = self._finished(UserFactory())
        assert sitting.status == SittingStatus.AWAITING_MARKING
        assert sitting.passed is None
        assert (sitting.score, sitting.max_score) == (0, 3)
        trainer = UserFactory(roles=[Role.TRAINER])
        free = sitting.answers.get(kind=QuestionType.FREE_TEXT)
        marked = answer_mark(answer=free, marker=trainer, score=Decimal(2), comment="Clear.")
        assert (marked.score, marked.is_correct, marked.marker) == (2, True, trainer)
        assert marked.marker_comment == "Clear."
        sitting.refresh_from_db()
        assert sitting.status == SittingStatus.COMPLETE
        assert (sitting.score, sitting.percent, sitting.passed) == (2, Decimal("66.67"), True)

    def test_changing_a_mark_changes_the_result(self):
        sitting = self._finished(UserFactory())
        trainer = UserFactory(roles=[Role.TRAINER])
        free = sitting.answers.get(kind=QuestionType.FREE_TEXT)
        answer_mark(answer=free, marker=trainer, score=Decimal(2))
        answer_mark(answer=free, marker=trainer, score=Decimal(1))
        sitting.refresh_from_db()
        assert (sitting.score, sitting.passed) == (1, False)

    def test_refusals(self):
        trainee = UserFactory()
        sitting = self._finished(trainee)
        free = sitting.answers.get(kind=QuestionType.FREE_TEXT)
        choice = sitting.answers.get(kind=QuestionType.SINGLE)
        trainer = UserFactory(roles=[Role.TRAINER])
        cases = [
            (quiz_services.MESSAGE_MARK_NOT_ALLOWED, free, UserFactory(), 1),
            (quiz_services.MESSAGE_MARK_NOT_ALLOWED, free, trainee, 1),
            (quiz_services.MESSAGE_MARK_NOT_FREE_TEXT, choice, trainer, 1),
            (quiz_services.MESSAGE_MARK_RANGE.format(maximum=2), free, trainer, 3),
            (quiz_services.MESSAGE_MARK_RANGE.format(maximum=2), free, trainer, -1),
        ]
        for message, answer, marker, score in cases:
            _refused(
                message,
                lambda answer=answer, marker=marker, score=score: answer_mark(
                    answer=answer, marker=marker, score=Decimal(score)
                ),
                sitting,
            )

    def test_trainee_who_is_also_a_trainer_cannot_mark_themselves(self):
        trainer = UserFactory(roles=[Role.TRAINER])
        sitting = self._finished(trainer)
        free = sitting.answers.get(kind=QuestionType.FREE_TEXT)
        _refused(
            quiz_services.MESSAGE_MARK_OWN,
            lambda: answer_mark(answer=free, marker=trainer, score=Decimal(2)),
            sitting,
        )


class TestTamperedAnswers:
    """Every tampered or out-of-date submission is refused and changes nothing."""

    def _sitting(self, count=3, **quiz_fields):
        return sitting_start(user=UserFactory(), quiz=quiz_with_questions(count, **quiz_fields))

    def test_option_from_another_question(self):
        sitting = self._sitting()
        first, second = sitting.answers.order_by("position")[:2]
        _refused(
            quiz_services.MESSAGE_OPTION_NOT_IN_QUESTION,
            lambda: sitting_answer(
                sitting=sitting, answer_id=first.pk, option_ids=right_option_ids(second)
            ),
            sitting,
        )

    def test_question_from_someone_elses_attempt(self):
        sitting = self._sitting()
        other = self._sitting()
        foreign = other.answers.get(position=1)
        _refused(
            quiz_services.MESSAGE_QUESTION_NOT_IN_SITTING,
            lambda: sitting_answer(
                sitting=sitting, answer_id=foreign.pk, option_ids=right_option_ids(foreign)
            ),
            sitting,
        )
        _refused(
            quiz_services.MESSAGE_QUESTION_NOT_IN_SITTING,
            lambda: sitting_answer(sitting=sitting, answer_id=None, option_ids=[]),
            sitting,
        )

    def test_question_ahead_of_the_current_one(self):
        sitting = self._sitting()
        third = sitting.answers.get(position=3)
        _refused(
            quiz_services.MESSAGE_QUESTION_NOT_CURRENT,
            lambda: sitting_answer(
                sitting=sitting, answer_id=third.pk, option_ids=right_option_ids(third)
            ),
            sitting,
        )

    def test_second_submission_of_the_same_question(self):
        sitting = self._sitting()
        first = _current(sitting)
        sitting_answer(sitting=sitting, answer_id=first.pk, option_ids=wrong_option_ids(first))
        _refused(
            quiz_services.MESSAGE_ALREADY_ANSWERED,
            lambda: sitting_answer(
                sitting=sitting, answer_id=first.pk, option_ids=right_option_ids(first)
            ),
            sitting,
        )

    def test_submission_after_the_attempt_closed(self):
        sitting = self._sitting(count=1)
        only = _current(sitting)
        sitting_answer(sitting=sitting, answer_id=only.pk, option_ids=wrong_option_ids(only))
        _refused(
            quiz_services.MESSAGE_SITTING_CLOSED,
            lambda: sitting_answer(
                sitting=sitting, answer_id=only.pk, option_ids=right_option_ids(only)
            ),
            sitting,
        )
        _refused(
            quiz_services.MESSAGE_SITTING_CLOSED, lambda: sitting_finish(sitting=sitting), sitting
        )

    def test_two_options_for_a_one_answer_question(self):
        sitting = self._sitting()
        first = _current(sitting)
        both = [option["id"] for option in first.options[:2]]
        _refused(
            quiz_services.MESSAGE_ONLY_ONE,
            lambda: sitting_answer(sitting=sitting, answer_id=first.pk, option_ids=both),
            sitting,
        )

    def test_no_answer_and_options_for_free_text(self):
        sitting = self._sitting(kind=QuestionType.FREE_TEXT)
        first = _current(sitting)
        _refused(
            quiz_services.MESSAGE_ENTER_TEXT,
            lambda: sitting_answer(sitting=sitting, answer_id=first.pk, text="   "),
            sitting,
        )
        _refused(
            quiz_services.MESSAGE_OPTION_NOT_IN_QUESTION,
            lambda: sitting_answer(sitting=sitting, answer_id=first.pk, option_ids=[1], text="x"),
            sitting,
        )

    def test_stale_second_tab_is_told_and_changes_nothing(self):
        sitting = self._sitting()
        first = _current(sitting)
        # Both tabs show question 1; the first tab answers it.
        stale_tab_sitting = Sitting.objects.get(pk=sitting.pk)
        sitting_answer(sitting=sitting, answer_id=first.pk, option_ids=right_option_ids(first))
        _refused(
            quiz_services.MESSAGE_ALREADY_ANSWERED,
            lambda: sitting_answer(
                sitting=stale_tab_sitting, answer_id=first.pk, option_ids=wrong_option_ids(first)
            ),
            sitting,
        )
        first.refresh_from_db()
        assert first.is_correct is True


class TestSnapshot:
    def test_editing_and_deleting_questions_never_changes_a_past_attempt(self):
        quiz = QuizFactory()
        question = QuestionFactory(
            quiz=quiz,
            text="Which total score means low risk?",
            explanation="0 to 3 overall is low risk.",
            category=CategoryFactory(name="Scoring"),
            options=[("0 to 3", True), ("4 to 9", False)],
        )
        other = QuestionFactory(quiz=quiz)
        sitting = sitting_start(user=UserFactory(), quiz=quiz)
        _answer(sitting)
        _answer(sitting, right=False)
        sitting.refresh_from_db()
        before = [
            (a.text, a.explanation, a.category_name, a.options, a.chosen, a.score, a.is_correct)
            for a in sitting.answers.all()
        ]

        question.text = "Rewritten question"
        question.explanation = "Rewritten explanation"
        question.save()
        question.category.name = "Renamed"
        question.category.save()
        right, wrong = question.options.all()
        right.text, right.correct = "Changed", False
        right.save()
        wrong.correct = True
        wrong.save()
        other.delete()
        quiz.title = "Renamed quiz"
        quiz.pass_mark = 100
        quiz.save()

        sitting.refresh_from_db()
        after = [
            (a.text, a.explanation, a.category_name, a.options, a.chosen, a.score, a.is_correct)
            for a in sitting.answers.all()
        ]
        assert after == before
        assert before[0][0] == "Which total score means low risk?"
        assert (sitting.quiz_title, sitting.pass_mark, sitting.score) != ("Renamed quiz", 100, 0)
        assert sitting.passed is False
        assert sitting.answers.get(position=2).question is None


OPTIONS = [("First, right", True), ("Second", False), ("Third", False), ("Fourth", False)]


def _orders(quiz, *, attempts: int) -> list[list[str]]:
    orders = []
    for _ in range(attempts):
        sitting = sitting_start(user=UserFactory(), quiz=quiz)
        orders.append([option["text"] for option in sitting.answers.get().options])
    return orders


def test_each_attempt_shows_the_options_in_its_own_order_so_no_position_is_the_answer(db):
    quiz = QuizFactory()
    QuestionFactory(quiz=quiz, options=OPTIONS)

    orders = _orders(quiz, attempts=40)

    assert all(sorted(order) == sorted(text for text, _ in OPTIONS) for order in orders)
    first_positions = {order.index("First, right") for order in orders}
    assert first_positions == {0, 1, 2, 3}


def test_an_author_may_keep_the_order_and_true_or_false_is_never_shuffled(db):
    kept = QuizFactory()
    QuestionFactory(quiz=kept, options=OPTIONS, keep_option_order=True)
    true_false = QuizFactory()
    QuestionFactory(quiz=true_false, kind=QuestionType.TRUE_FALSE)

    assert {tuple(order) for order in _orders(kept, attempts=15)} == {
        tuple(text for text, _ in OPTIONS)
    }
    assert {tuple(order) for order in _orders(true_false, attempts=15)} == {("True", "False")}


def test_a_resumed_attempt_keeps_the_order_it_was_shown(db):
    quiz = QuizFactory()
    QuestionFactory(quiz=quiz, options=OPTIONS)
    user = UserFactory()
    first = sitting_start(user=user, quiz=quiz).answers.get().options

    again = sitting_start(user=user, quiz=quiz).answers.get().options

    assert again == first
