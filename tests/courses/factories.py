"""Factories for the course tree and for learners' progress."""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document

import factory
import wagtail_factories

from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    Quiz,
    Sitting,
)
from courses.quiz.choices import AnswerReveal, SittingStatus
from tests.courses.quiz_factories import QuizFactory

VIDEO_URL = "https://www.youtube.com/watch?v=lesson-video"
CHECK = (
    "check_understanding",
    {
        "question": "A patient scores 5 in total and 2 on the subscale. Which risk group?",
        "options": [
            {"text": "Low risk", "correct": False, "feedback": "The total is above 3."},
            {"text": "Medium risk", "correct": True, "feedback": "Total 4 or more, subscale 3."},
            {"text": "High risk", "correct": False, "feedback": "High needs subscale 4 or 5."},
        ],
        "explanation": "<p>The subscale decides high risk; the total decides low risk.</p>",
    },
)


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Training"
    slug = "training"
    intro = "<p>Courses on stratified care for low back pain.</p>"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Stratified care course {n}")
    summary = "Use the STarT Back tool and match treatment to risk."
    learning_outcomes = [
        ("outcome", "score the STarT Back tool"),
        ("outcome", "match each risk group to its treatment"),
    ]
    audience = "GPs and physiotherapists"
    estimated_minutes = 150
    cpd_hours = Decimal("2.5")
    prerequisites = "<p>None.</p>"


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "What this lesson covers."
    estimated_minutes = 10
    required = True
    body = [("paragraph", "<p>Most people with low back pain improve with simple care.</p>")]


def sitting_finished(*, user, quiz: Quiz, passed: bool, percent: int | None = None) -> Sitting:
    """A finished attempt at the quiz, as the quiz engine records it."""
    percent = percent if percent is not None else (90 if passed else 40)
    return Sitting.objects.create(
        user=user,
        quiz=quiz,
        quiz_title=quiz.title,
        pass_mark=quiz.pass_mark,
        answers_reveal=AnswerReveal.AT_END,
        question_total=10,
        status=SittingStatus.COMPLETE,
        ended_at=timezone.now(),
        score=Decimal(percent) / 10,
        max_score=Decimal(10),
        percent=Decimal(percent),
        passed=passed,
    )


def course_tree(
    *, index: CourseIndexPage, modules: int = 2, lessons: int = 2, quiz: bool = False, **course
) -> CoursePage:
    """A live course with `modules` modules of `lessons` required lessons each."""
    page = CoursePageFactory(parent=index, **course)
    for _ in range(modules):
        module = ModulePageFactory(parent=page, quiz=QuizFactory() if quiz else None)
        for _ in range(lessons):
            LessonPageFactory(parent=module)
    return page


def training_index(home) -> CourseIndexPage:
    return CourseIndexPageFactory(parent=home)


def enrol(user, course: CoursePage) -> Enrolment:
    return Enrolment.objects.create(user=user, course=course)


def complete(user, lesson: LessonPage) -> LessonCompletion:
    return LessonCompletion.objects.create(user=user, lesson=lesson)


def lesson_with_every_block(index) -> LessonPage:
    """A lesson using every lesson block and a few shared ones."""
    document = Document.objects.create(
        title="STarT Back questionnaire",
        file=ContentFile(b"%PDF-1.4 questionnaire", name="startback.pdf"),
    )
    course = CoursePageFactory(parent=index)
    module = ModulePageFactory(parent=course)
    return LessonPageFactory(
        parent=module,
        body=[
            ("heading", {"text": "Scoring", "level": "h2"}),
            ("paragraph", "<p>Nine items, each scored 0 or 1.</p>"),
            (
                "key_points",
                {"heading": "Key points", "points": ["Screen for red flags first."]},
            ),
            (
                "video",
                {
                    "title": "Scoring in a consultation",
                    "video": VIDEO_URL,
                    "transcript": "<p>The clinician reads each item aloud.</p>",
                },
            ),
            (
                "document",
                {"document": document, "description": "Print it for your patients."},
            ),
            (
                "references",
                {
                    "references": [
                        {
                            "citation": "Hill JC et al. Lancet 2011;378:1560-71.",
                            "url": "https://doi.org/10.1016/S0140-6736(11)60937-9",
                        },
                        {"citation": "Foster NE et al. Ann Fam Med 2014;12:102-11.", "url": ""},
                    ]
                },
            ),
            CHECK,
        ],
    )
