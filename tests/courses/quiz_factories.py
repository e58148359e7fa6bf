"""Factories for quizzes, questions and their options."""

import factory

from cms.choices import Role
from courses.choices import AnswerReveal, QuestionType
from courses.models import AnswerOption, Category, Question, Quiz
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


def trainer(**fields):
    """A trainer with an authenticator set up, as their role requires before any page opens."""
    from allauth.mfa.totp.internal.auth import TOTP

    user = UserFactory(roles=[Role.TRAINER], **fields)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user
