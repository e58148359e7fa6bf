"""Factories for quizzes, questions and their options."""

import factory

from core.choices import Role
from courses.models import AnswerOption, Category, Question, Quiz, Sitting
from courses.quiz.choices import AnswerReveal, QuestionType
from courses.quiz.services import sitting_answer
from tests.factories import UserFactory

TRUE_FALSE = [("True", True), ("False", False)]


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Topic {n}")


class QuizFactory(factory.django.DjangoModelFactory):
    """A published quiz without questions (see `QuestionFactory`, `quiz_with_questions`)."""

    class Meta:
        model = Quiz

    title = factory.Sequence(lambda n: f"Scoring the tool, check {n}")
    description = "<p>Check what you learnt.</p>"
    pass_mark = 80
    answers_reveal = AnswerReveal.AT_END
    pass_message = "Well done: you know how to score the tool."
    fail_message = "Read the module again and have another go."
    draft = False


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question; `options=[("text", correct), ...]` adds its answer options."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    quiz = factory.SubFactory(QuizFactory)
    kind = QuestionType.SINGLE
    text = factory.Sequence(lambda n: f"Question {n}: which risk group scores 4 or more overall?")
    explanation = factory.Sequence(lambda n: f"Explanation {n}: the subscale decides high risk.")
    sort_order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            if self.kind == QuestionType.FREE_TEXT:
                extracted = []
            elif self.kind == QuestionType.TRUE_FALSE:
                extracted = TRUE_FALSE
            else:
                extracted = [("Right answer", True), ("Wrong answer", False), ("Also wrong", False)]
        for order, (text, correct) in enumerate(extracted):
            AnswerOption.objects.create(question=self, text=text, correct=correct, sort_order=order)


def quiz_with_questions(count: int = 3, *, kind: str = QuestionType.SINGLE, **quiz_fields) -> Quiz:
    """A published quiz with `count` questions of one type."""
    quiz = QuizFactory(**quiz_fields)
    for _ in range(count):
        QuestionFactory(quiz=quiz, kind=kind)
    return quiz


def right_option_ids(answer) -> list[int]:
    """The ids of the correct options of a question as asked (a `SittingAnswer`)."""
    return [option["id"] for option in answer.options if option["correct"]]


def wrong_option_ids(answer) -> list[int]:
    """One wrong option of a question as asked."""
    return [next(option["id"] for option in answer.options if not option["correct"])]


def answer_all(
    sitting: Sitting, *, right: bool = True, text: str = "My answer", stop_before: int | None = None
) -> Sitting:
    """Answer a sitting's questions in order through the quiz engine: each choice question rightly
    (or wrongly), each free-text one with `text`; stop before question `stop_before` if given."""
    for answer in sitting.answers.order_by("position"):
        if stop_before is not None and answer.position >= stop_before:
            break
        if answer.kind == QuestionType.FREE_TEXT:
            sitting_answer(sitting=sitting, answer_id=answer.pk, text=text)
        else:
            ids = right_option_ids(answer) if right else wrong_option_ids(answer)
            sitting_answer(sitting=sitting, answer_id=answer.pk, option_ids=ids)
    sitting.refresh_from_db()
    return sitting


def trainer(**fields):
    """A trainer with an authenticator set up, as their role requires before any page opens."""
    from allauth.mfa.totp.internal.auth import TOTP

    user = UserFactory(roles=[Role.TRAINER], **fields)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


def responsible_for(marker, *users):
    """Put the users in the marker's scope, at an organisation the marker is assigned to; the
    organisation, for more users later."""
    from courses.cohorts.models import TrainerAssignment
    from tests.factories import OrganisationFactory

    assignment = TrainerAssignment.objects.filter(trainer=marker).first()
    organisation = assignment.organisation if assignment else OrganisationFactory()
    if assignment is None:
        TrainerAssignment.objects.create(trainer=marker, organisation=organisation)
    for user in users:
        user.organisation = organisation
        user.save(update_fields=["organisation"])
    return organisation
