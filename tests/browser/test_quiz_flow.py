"""Taking a quiz in a real browser, to a pass; the quiz pages have no accessibility violations."""

from decimal import Decimal

from django.conf import settings
from django.test import Client

import pytest

from courses.models import Sitting
from courses.quiz.choices import AnswerReveal, QuestionType, SittingStatus
from courses.quiz.services import answer_mark, sitting_answer, sitting_start
from tests.browser.conftest import BROWSER, sign_in
from tests.courses.quiz_factories import (
    CategoryFactory,
    QuestionFactory,
    QuizFactory,
    answer_all,
    responsible_for,
    trainer,
)
from tests.factories import UserFactory

pytestmark = BROWSER


def module_quiz(**fields):
    quiz = QuizFactory(
        title="The tool and how to score it",
        pass_mark=75,
        answers_reveal=AnswerReveal.AFTER_EACH,
        pass_message="You can score the tool.",
        category=CategoryFactory(name="Scoring"),
        **fields,
    )
    QuestionFactory(
        quiz=quiz,
        text="A patient's overall score is 3. Which risk group are they in?",
        explanation="An overall score of 0 to 3 means low risk.",
        options=[("Low risk", True), ("Medium risk", False), ("High risk", False)],
    )
    QuestionFactory(
        quiz=quiz,
        kind=QuestionType.MULTIPLE,
        text="Which items make up the psychosocial subscale?",
        explanation="Items 5 to 9: bothersomeness, fear, worry, catastrophising and low mood.",
        options=[("Fear of movement", True), ("Worry", True), ("Leg pain", False)],
    )
    QuestionFactory(
        quiz=quiz,
        kind=QuestionType.TRUE_FALSE,
        text="A subscale score of 4 or more means high risk.",
        explanation="High risk needs a psychosocial subscale score of 4 or 5.",
    )
    QuestionFactory(
        quiz=quiz,
        text="Which treatment suits the low-risk group?",
        explanation="Advice, reassurance and self-management in one or two consultations.",
        options=[("Advice and self-management", True), ("Psychologically informed physio", False)],
    )
    return quiz


def test_take_a_module_quiz_to_a_pass(tab, axe):
    quiz = module_quiz()
    user = UserFactory(email="quiz.taker@example.com")
    sign_in(tab, user.email)

    tab.goto(f"/quizzes/{quiz.pk}/")
    tab.get_by_role("heading", name=quiz.title).wait_for()
    assert axe(tab) == []
    tab.get_by_role("button", name="Start quiz").click()

    tab.get_by_role("heading", name="Question 1 of 4").wait_for()
    # Submitting without choosing is refused with the design system's error summary.
    tab.get_by_role("button", name="Check answer").click()
    tab.locator(".nhsuk-error-summary").wait_for()
    assert "Select an answer." in tab.locator(".nhsuk-error-summary").inner_text()
    assert axe(tab) == []
    tab.get_by_label("Low risk").check()
    tab.get_by_role("button", name="Check answer").click()
    tab.get_by_role("heading", name="Correct", exact=True).wait_for()
    assert "An overall score of 0 to 3 means low risk." in tab.content()
    assert axe(tab) == []
    tab.get_by_role("link", name="Next question").click()

    tab.get_by_role("heading", name="Question 2 of 4").wait_for()
    assert axe(tab) == []
    tab.get_by_label("Fear of movement").check()
    tab.get_by_label("Worry").check()
    tab.get_by_role("button", name="Check answer").click()
    tab.get_by_role("heading", name="Correct", exact=True).wait_for()
    tab.get_by_role("link", name="Next question").click()

    # Leave half-way and come back: the quiz resumes at question 3.
    tab.goto("/")
    tab.goto(f"/quizzes/{quiz.pk}/")
    tab.get_by_role("button", name="Resume quiz").click()
    tab.get_by_role("heading", name="Question 3 of 4").wait_for()
    tab.get_by_label("False").check()
    tab.get_by_role("button", name="Check answer").click()
    tab.get_by_role("heading", name="Incorrect", exact=True).wait_for()
    tab.get_by_role("link", name="Next question").click()

    tab.get_by_role("heading", name="Question 4 of 4").wait_for()
    tab.get_by_label("Advice and self-management").check()
    tab.get_by_role("button", name="Check answer").click()
    tab.get_by_role("link", name="See your result").click()

    tab.get_by_role("heading", name="Your result").wait_for()
    panel = tab.locator(".nhsuk-panel")
    assert "Passed" in panel.inner_text()
    assert "75% (3 of 4 marks)" in panel.inner_text()
    assert "You can score the tool." in tab.content()
    assert axe(tab) == []
    tab.set_viewport_size({"width": 375, "height": 800})
    assert axe(tab) == []

    sitting = Sitting.objects.get(user=user)
    assert (sitting.status, sitting.passed) == (SittingStatus.COMPLETE, True)

    tab.goto("/quizzes/progress/")
    tab.get_by_role("heading", name="Your quiz progress by topic").wait_for()
    assert "75%" in tab.locator("tbody").inner_text()
    assert axe(tab) == []


@pytest.mark.parametrize("width", [1280, 375])
def test_marking_pages_have_no_axe_violations(tab, axe, live_server, width):
    quiz = module_quiz()
    QuestionFactory(quiz=quiz, kind=QuestionType.FREE_TEXT, text="Explain a high-risk result.")
    trainee = UserFactory(full_name="Pat Example")
    sitting = answer_all(sitting_start(user=trainee, quiz=quiz), text="In plain words.")
    marker = trainer(full_name="Dr Reviewer")
    responsible_for(marker, trainee)
    # Trainers sign in with a second factor; the session is handed to the browser directly.
    client = Client()
    client.force_login(marker)
    name = settings.SESSION_COOKIE_NAME
    tab.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )
    tab.set_viewport_size({"width": width, "height": 900})

    tab.goto("/trainer/")
    assert "1 attempt waiting" in tab.content()
    assert axe(tab) == []
    tab.get_by_role("link", name="Quiz attempts and marking").click()
    tab.get_by_role("heading", name="Quiz attempts and marking").wait_for()
    assert axe(tab) == []
    tab.get_by_role("link", name="Pat Example").click()
    tab.get_by_role("heading", name="Pat Example").wait_for()
    assert axe(tab) == []
    tab.get_by_role("button", name="Save mark").click()
    tab.locator(".nhsuk-error-summary").wait_for()
    assert axe(tab) == []
    tab.get_by_label("Correct", exact=True).check()
    tab.get_by_label("Comment for the trainee").fill("Clear and kind.")
    tab.get_by_role("button", name="Save mark").click()
    tab.get_by_text("The mark has been saved").wait_for()
    sitting.refresh_from_db()
    assert sitting.passed is True
    assert axe(tab) == []

    tab.goto("/trainer/")
    tab.get_by_role("link", name="Content due for clinical review").click()
    tab.get_by_role("heading", name="Content due for clinical review").wait_for()
    assert axe(tab) == []


def test_marked_answer_shows_on_the_trainees_result(tab, axe):
    quiz = QuizFactory(title="Communicating risk", pass_mark=50)
    QuestionFactory(quiz=quiz, kind=QuestionType.FREE_TEXT, text="How do you explain risk?")
    user = UserFactory(email="marked@example.com")
    sitting = sitting_start(user=user, quiz=quiz)
    answer = sitting.answers.get()
    sitting_answer(sitting=sitting, answer_id=answer.pk, text="With the patient's own words.")
    answer_mark(answer=answer, marker=trainer(), score=Decimal(1), comment="Spot on.")
    sign_in(tab, user.email)
    tab.goto(f"/quizzes/sittings/{sitting.pk}/")
    tab.get_by_text("Spot on.").wait_for()
    assert "Passed" in tab.locator(".nhsuk-panel").inner_text()
    assert axe(tab) == []
