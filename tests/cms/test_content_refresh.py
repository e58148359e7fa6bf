"""A clinical correction made to the content files reaches a site that loaded them before."""

import datetime

from django.core.management import call_command

import pytest

from courses.learning.models import LessonPage
from scoring_practice.models import VignettePage

pytestmark = pytest.mark.django_db

OLD_REVIEW = datetime.date(2026, 11, 30)


def stale(model, slug, **fields):
    """The page as a site loaded it before the correction: reviewed earlier, the old words."""
    page = model.objects.get(slug=slug)
    for name, value in fields.items():
        setattr(page, name, value)
    page.reviewed_on = OLD_REVIEW
    page.next_review_due = OLD_REVIEW + datetime.timedelta(days=365)
    page.save_revision().publish()
    return page


def test_lessons_and_vignettes_reviewed_since_are_published_from_their_files():
    call_command("load_content", verbosity=0)
    lesson = stale(LessonPage, "acting-on-a-red-flag", summary="Emergency: the same day.")
    vignette = stale(
        VignettePage,
        "kelly-marsh",
        red_flag_urgency="immediate",
        red_flag_action="Send her the same day to the emergency department.",
    )
    revisions = lesson.revisions.count()

    call_command("load_content", refresh_reviewed=True, verbosity=0)

    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.live and lesson.summary.startswith("Immediate, same-day and urgent action")
    assert lesson.reviewed_on > OLD_REVIEW
    assert lesson.revisions.count() == revisions + 1  # the old version stays in its history
    vignette = VignettePage.objects.get(pk=vignette.pk)
    assert vignette.red_flag_action.startswith("Send her now to the emergency department")
    assert vignette.reviewed_on > OLD_REVIEW


def test_a_page_reviewed_on_or_after_its_file_is_kept_and_a_second_run_changes_nothing():
    call_command("load_content", verbosity=0)
    lesson = LessonPage.objects.get(slug="acting-on-a-red-flag")
    lesson.summary = "An editor's own reviewed summary."
    lesson.save_revision().publish()  # reviewed on the file's date: the editor's word stands

    call_command("load_content", refresh_reviewed=True, verbosity=0)
    call_command("load_content", refresh_reviewed=True, verbosity=0)

    assert LessonPage.objects.get(pk=lesson.pk).summary == "An editor's own reviewed summary."


def test_without_the_option_nothing_loaded_before_is_touched():
    call_command("load_content", verbosity=0)
    lesson = stale(LessonPage, "acting-on-a-red-flag", summary="Emergency: the same day.")

    call_command("load_content", verbosity=0)

    assert LessonPage.objects.get(pk=lesson.pk).summary == "Emergency: the same day."


def test_quiz_corrections_reach_a_quiz_loaded_before_them_and_spare_an_editors_words():
    import importlib

    from django.apps import apps

    from courses.quiz.models import AnswerOption
    from tests.courses.quiz_factories import QuestionFactory, QuizFactory

    migration = importlib.import_module("courses.migrations.0010_quiz_corrections")
    safety_question = next(q for q in migration.QUESTIONS if "Safety-netting is needed" in q[0])
    cancer_option = next(o for o in migration.OPTIONS if "2-week" in o[1])
    quiz = QuizFactory()
    stale = QuestionFactory(quiz=quiz, text=safety_question[0], explanation=safety_question[1])
    edited = QuestionFactory(
        quiz=quiz, text=safety_question[0], explanation="An editor's own explanation."
    )
    with_option = QuestionFactory(
        quiz=quiz, text=cancer_option[0], options=[(cancer_option[1], False), ("Other", True)]
    )

    migration.quizzes_corrected(apps, None)

    stale.refresh_from_db()
    edited.refresh_from_db()
    assert stale.explanation == safety_question[3]
    assert "A&E now" in stale.explanation
    assert edited.explanation == "An editor's own explanation."
    texts = set(AnswerOption.objects.filter(question=with_option).values_list("text", flat=True))
    assert cancer_option[2] in texts and cancer_option[1] not in texts
