"""Taking a quiz through its pages: start, answer, feedback, resume, results and progress."""

import html

from django.urls import reverse

import pytest

from courses.cohorts import marking_views
from courses.models import Sitting, SittingAnswer
from courses.quiz import services as quiz_services
from courses.quiz import views as quiz_views
from courses.quiz.choices import AnswerReveal, QuestionType, SittingStatus
from tests.courses.factories import course_tree, training_index
from tests.courses.quiz_factories import (
    CategoryFactory,
    QuestionFactory,
    QuizFactory,
    answer_all,
    quiz_with_questions,
    responsible_for,
    right_option_ids,
    trainer,
    wrong_option_ids,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    """The page's HTML with entities decoded, so messages can be looked for as written."""
    return html.unescape(response.content.decode())


def detail_url(quiz):
    return reverse("courses:quiz_detail", args=[quiz.pk])


def take_url(quiz):
    return reverse("courses:quiz_take", args=[quiz.pk])


def result_url(sitting):
    return reverse("courses:sitting_result", args=[sitting.pk])


def current_answer(user, quiz) -> SittingAnswer:
    sitting = Sitting.objects.get(user=user, quiz=quiz, status=SittingStatus.IN_PROGRESS)
    return sitting.answers.get(position=sitting.position)


def post_answer(client, quiz, answer, *, right=True, text="My answer"):
    if answer.kind == QuestionType.FREE_TEXT:
        data = {"question": answer.pk, "text": text}
    else:
        data = {
            "question": answer.pk,
            "options": right_option_ids(answer) if right else wrong_option_ids(answer),
        }
    return client.post(take_url(quiz), data)


@pytest.fixture
def trainee(client):
    user = UserFactory(full_name="Alex Trainee")
    client.force_login(user)
    return user


class TestStartAndResume:
    def test_detail_page_describes_the_quiz(self, client, trainee):
        quiz = quiz_with_questions(6, question_count=4, pass_mark=70, max_attempts=2)
        response = client.get(detail_url(quiz))
        text = text_of(response)
        assert quiz.title in text
        assert "drawn at random from 6" in text
        assert "70%" in text
        assert "0 of 2 used; 2 remaining" in text
        assert "Start quiz" in text

    def test_visitors_are_asked_to_sign_in(self, client, home):
        quiz = quiz_with_questions(1)
        response = client.get(detail_url(quiz))
        assert "to take this quiz" in text_of(response)
        response = client.post(detail_url(quiz))
        assert response.status_code == 302
        assert "/accounts/login/" in response.url
        assert not Sitting.objects.exists()

    def test_start_shows_question_one_and_resume_restores_the_position(self, client, trainee):
        quiz = quiz_with_questions(4)
        response = client.post(detail_url(quiz))
        assert response.url == take_url(quiz)
        response = client.get(take_url(quiz))
        assert "Question 1 of 4" in text_of(response)
        post_answer(client, quiz, current_answer(trainee, quiz))
        post_answer(client, quiz, current_answer(trainee, quiz))

        # Leave, come back: the detail page offers to resume; resuming lands on question 3.
        response = client.get(detail_url(quiz))
        assert "Resume quiz" in text_of(response)
        assert "You are on question 3 of 4" in text_of(response)
        client.post(detail_url(quiz))
        response = client.get(take_url(quiz))
        assert "Question 3 of 4" in text_of(response)
        assert current_answer(trainee, quiz).text in text_of(response)
        assert Sitting.objects.filter(user=trainee).count() == 1

    def test_one_attempt_only_has_no_start_button_and_refuses_a_start(self, client, trainee):
        quiz = quiz_with_questions(1, max_attempts=1)
        client.post(detail_url(quiz))
        post_answer(client, quiz, current_answer(trainee, quiz))
        response = client.get(detail_url(quiz))
        text = text_of(response)
        assert "You have used all your attempts" in text
        assert "Start" not in text
        response = client.post(detail_url(quiz), follow=True)
        assert quiz_services.MESSAGE_ATTEMPTS_USED.format(count=1) in text_of(response)
        assert Sitting.objects.filter(user=trainee).count() == 1

    def test_draft_quiz_is_not_found_by_trainees(self, client, trainee):
        quiz = quiz_with_questions(1, draft=True)
        assert client.get(detail_url(quiz)).status_code == 404
        assert client.post(detail_url(quiz)).status_code == 404
        assert client.get(take_url(quiz)).status_code == 404
        assert not Sitting.objects.exists()

    def test_an_attempt_started_before_the_quiz_went_back_to_draft_can_be_finished(
        self, client, trainee
    ):
        quiz = quiz_with_questions(2)
        client.post(detail_url(quiz))
        post_answer(client, quiz, current_answer(trainee, quiz))
        quiz.draft = True
        quiz.save()

        response = client.get(take_url(quiz))
        assert "Question 2 of 2" in text_of(response)
        post_answer(client, quiz, current_answer(trainee, quiz))
        sitting = Sitting.objects.get(user=trainee, quiz=quiz)
        assert sitting.status == SittingStatus.COMPLETE
        assert client.get(result_url(sitting)).status_code == 200
        # Finished, the draft quiz is out of reach again and no new attempt can start.
        assert client.get(detail_url(quiz)).status_code == 404
        assert client.post(detail_url(quiz)).status_code == 404
        assert Sitting.objects.filter(user=trainee).count() == 1

    def test_draft_quiz_can_be_tried_by_a_trainer(self, client):
        client.force_login(trainer())
        quiz = quiz_with_questions(1, draft=True)
        response = client.get(detail_url(quiz))
        assert "Trainees cannot take this quiz" in text_of(response)
        assert client.post(detail_url(quiz)).url == take_url(quiz)

    def test_take_page_without_an_attempt_sends_you_to_start_one(self, client, trainee):
        quiz = quiz_with_questions(1)
        response = client.get(take_url(quiz), follow=True)
        assert quiz_views.MESSAGE_NO_OPEN_SITTING in text_of(response)


class TestAnswersAtTheEnd:
    def test_explanations_are_hidden_until_the_attempt_is_finished(self, client, trainee):
        quiz = quiz_with_questions(2, answers_reveal=AnswerReveal.AT_END)
        client.post(detail_url(quiz))
        first = current_answer(trainee, quiz)
        # The wrong option chosen: the first wrong one, in the order this attempt shows them.
        chosen = next(option["text"] for option in first.options if not option["correct"])
        response = post_answer(client, quiz, first, right=False)
        assert response.url == take_url(quiz)
        page = client.get(take_url(quiz)).content.decode()
        assert first.explanation not in page
        assert "Correct" not in page and "Incorrect" not in page
        sitting = first.sitting
        # Nor can the result page be opened early.
        assert client.get(result_url(sitting)).url == take_url(quiz)
        feedback = reverse("courses:sitting_feedback", args=[sitting.pk, 1])
        assert client.get(feedback).status_code == 404

        response = post_answer(client, quiz, current_answer(trainee, quiz))
        assert response.url == result_url(sitting)
        page = client.get(result_url(sitting)).content.decode()
        assert first.explanation in page
        assert "Incorrect" in page and "Correct" in page
        assert chosen in page and "Right answer" in page


class TestAnswersAfterEachQuestion:
    def test_feedback_follows_each_answer_then_the_next_question(self, client, trainee):
        quiz = quiz_with_questions(2, answers_reveal=AnswerReveal.AFTER_EACH)
        client.post(detail_url(quiz))
        first = current_answer(trainee, quiz)
        response = post_answer(client, quiz, first, right=False)
        feedback = reverse("courses:sitting_feedback", args=[first.sitting_id, 1])
        assert response.url == feedback
        page = client.get(feedback).content.decode()
        assert '<h1 class="nhsuk-heading-l">Incorrect</h1>' in page
        assert first.explanation in page
        assert "Right answer" in page
        assert "Next question" in page

        response = post_answer(client, quiz, current_answer(trainee, quiz))
        page = client.get(response.url).content.decode()
        assert '<h1 class="nhsuk-heading-l">Correct</h1>' in page
        assert "See your result" in page


class TestPassAndFail:
    @pytest.mark.parametrize(
        ("pass_mark", "message", "outcome"),
        [(75, "Well done", "Passed"), (76, "Read the module again", "Not passed")],
    )
    def test_result_at_the_pass_mark_boundary(self, client, trainee, pass_mark, message, outcome):
        quiz = quiz_with_questions(4, pass_mark=pass_mark)
        client.post(detail_url(quiz))
        for right in [True, True, True, False]:
            response = post_answer(client, quiz, current_answer(trainee, quiz), right=right)
        page = client.get(response.url).content.decode()
        assert "75% (3 of 4 marks)" in page
        assert outcome in page
        assert message in page
        other = quiz.fail_message if outcome == "Passed" else quiz.pass_message
        assert other not in page


class TestTamperingThroughTheForm:
    def _started(self, client, user, count=3):
        quiz = quiz_with_questions(count)
        client.post(detail_url(quiz))
        return quiz, current_answer(user, quiz)

    def _unchanged(self, user, quiz):
        sitting = Sitting.objects.get(user=user, quiz=quiz)
        return (sitting.position, sitting.status, list(sitting.answers.values_list("chosen")))

    def test_option_from_another_question_is_refused(self, client, trainee):
        quiz, first = self._started(client, trainee)
        second = first.sitting.answers.get(position=2)
        before = self._unchanged(trainee, quiz)
        response = client.post(
            take_url(quiz), {"question": first.pk, "options": right_option_ids(second)}
        )
        assert response.status_code == 200
        assert quiz_services.MESSAGE_OPTION_NOT_IN_QUESTION in text_of(response)
        assert self._unchanged(trainee, quiz) == before

    def test_nonsense_values_are_refused(self, client, trainee):
        quiz, first = self._started(client, trainee)
        before = self._unchanged(trainee, quiz)
        for data in [
            {"question": first.pk, "options": "abc"},
            {"question": first.pk},
            {"question": "x", "options": right_option_ids(first)},
            {},
        ]:
            response = client.post(take_url(quiz), data, follow=True)
            assert response.status_code == 200
            assert "There is a problem" in text_of(response) or (
                quiz_services.MESSAGE_QUESTION_NOT_IN_SITTING in text_of(response)
            )
        assert self._unchanged(trainee, quiz) == before

    def test_later_question_and_foreign_question_are_refused(self, client, trainee):
        quiz, first = self._started(client, trainee)
        third = first.sitting.answers.get(position=3)
        before = self._unchanged(trainee, quiz)
        response = client.post(
            take_url(quiz), {"question": third.pk, "options": right_option_ids(third)}, follow=True
        )
        assert quiz_services.MESSAGE_QUESTION_NOT_CURRENT in text_of(response)
        other_quiz = quiz_with_questions(1)
        foreign = quiz_services.sitting_start(user=UserFactory(), quiz=other_quiz).answers.get()
        response = client.post(
            take_url(quiz),
            {"question": foreign.pk, "options": right_option_ids(foreign)},
            follow=True,
        )
        assert quiz_services.MESSAGE_QUESTION_NOT_IN_SITTING in text_of(response)
        assert self._unchanged(trainee, quiz) == before

    def test_stale_second_tab_gets_a_message_and_the_current_question(self, client, trainee):
        quiz, first = self._started(client, trainee)
        post_answer(client, quiz, first, right=True)
        # The other tab still shows question 1 and submits it.
        before = self._unchanged(trainee, quiz)
        response = client.post(
            take_url(quiz),
            {"question": first.pk, "options": wrong_option_ids(first)},
            follow=True,
        )
        page = text_of(response)
        assert quiz_services.MESSAGE_ALREADY_ANSWERED in page
        assert "Question 2 of 3" in page
        assert self._unchanged(trainee, quiz) == before

    def test_submission_after_the_attempt_closed(self, client, trainee):
        quiz, first = self._started(client, trainee, count=1)
        post_answer(client, quiz, first)
        sitting = Sitting.objects.get(user=trainee)
        before = (sitting.score, sitting.ended_at, sitting.status)
        response = post_answer(client, quiz, first, right=False)
        assert response.url == detail_url(quiz)
        response = client.get(response.url)
        assert quiz_services.MESSAGE_SITTING_CLOSED in text_of(response)
        sitting.refresh_from_db()
        assert (sitting.score, sitting.ended_at, sitting.status) == before


class TestWhoMaySeeWhat:
    def test_trainee_cannot_see_anothers_attempt_or_marking(self, client, trainee):
        quiz = quiz_with_questions(1)
        other = quiz_services.sitting_start(user=UserFactory(), quiz=quiz)
        assert client.get(result_url(other)).status_code == 404
        assert client.get(reverse("courses:marking_list")).status_code == 403
        marking = reverse("courses:marking_detail", args=[other.pk])
        assert client.get(marking).status_code == 403
        feedback = reverse("courses:sitting_feedback", args=[other.pk, 1])
        assert client.get(feedback).status_code == 404

    def test_a_trainer_sees_an_attempt_only_of_someone_in_their_scope(self, client):
        quiz = quiz_with_questions(1)
        trainee = UserFactory(full_name="Sam Patel")
        sitting = answer_all(quiz_services.sitting_start(user=trainee, quiz=quiz))
        answer = sitting.answers.get()
        marker = trainer()
        client.force_login(marker)
        marking = reverse("courses:marking_detail", args=[sitting.pk])
        # Out of scope: neither the result page nor the marking page shows it.
        assert client.get(result_url(sitting)).status_code == 404
        assert client.get(marking).status_code == 404

        responsible_for(marker, trainee)
        page = client.get(marking).content.decode()
        assert "Sam Patel" in page
        assert html.escape(answer.text) in page
        # The learner's own result page stays the learner's.
        assert client.get(result_url(sitting)).status_code == 404

    def test_signed_out_visitors_are_sent_to_sign_in(self, client, home):
        for url in [
            reverse("courses:quiz_progress"),
            reverse("courses:marking_list"),
            take_url(quiz_with_questions(1)),
        ]:
            response = client.get(url)
            assert response.status_code == 302
            assert "/accounts/login/" in response.url


class TestTrainerHome:
    def test_trainers_see_what_waits_to_be_marked_and_find_it_in_the_header(self, client):
        quiz = quiz_with_questions(1, kind=QuestionType.FREE_TEXT)
        learner = UserFactory()
        client.force_login(learner)
        client.post(detail_url(quiz))
        post_answer(client, quiz, current_answer(learner, quiz))
        assert client.get("/trainer/").status_code == 403

        marker = trainer()
        client.force_login(marker)
        assert "nothing is waiting to be marked" in text_of(client.get("/trainer/"))
        responsible_for(marker, learner)  # only their own trainees' attempts count
        response = client.get("/trainer/")
        text = text_of(response)
        assert "1 attempt waiting for free-text answers to be marked" in text
        assert reverse("courses:marking_list") in text
        assert 'class="nhsuk-header__navigation-link" href="/trainer/"' in text

    def test_visitors_are_asked_to_sign_in(self, client):
        response = client.get("/trainer/")
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


class TestFreeTextMarkingFlow:
    def test_trainee_submits_trainer_marks_trainee_sees_mark_and_comment(self, client):
        quiz = QuizFactory(title="Communicating risk", pass_mark=50)
        QuestionFactory(quiz=quiz, kind=QuestionType.SINGLE)
        QuestionFactory(
            quiz=quiz,
            kind=QuestionType.FREE_TEXT,
            text="How would you explain a high-risk result?",
        )
        trainee = UserFactory(full_name="Jo Trainee", email="jo@example.com")
        client.force_login(trainee)
        client.post(detail_url(quiz))
        post_answer(client, quiz, current_answer(trainee, quiz), right=False)
        response = post_answer(
            client, quiz, current_answer(trainee, quiz), text="Say it <b>plainly</b>."
        )
        sitting = Sitting.objects.get(user=trainee)
        page = client.get(response.url).content.decode()
        assert "Awaiting marking" in page
        assert "Say it &lt;b&gt;plainly&lt;/b&gt;." in page

        marker = trainer(full_name="Dr Marker")
        responsible_for(marker, trainee)
        client.force_login(marker)
        listing = client.get(reverse("courses:marking_list"), {"quiz": quiz.pk, "user": "jo@"})
        assert "Jo Trainee" in listing.content.decode()
        detail = reverse("courses:marking_detail", args=[sitting.pk])
        free = sitting.answers.get(kind=QuestionType.FREE_TEXT)
        response = client.post(detail, {"answer": free.pk})
        assert "Select whether the answer is correct." in text_of(response)
        response = client.post(
            detail,
            {
                "answer": free.pk,
                f"answer-{free.pk}-mark": "1",
                f"answer-{free.pk}-comment": "Good: plain words and a <script>plan</script>.",
            },
            follow=True,
        )
        assert marking_views.MESSAGE_MARK_SAVED in text_of(response)
        sitting.refresh_from_db()
        assert (sitting.status, sitting.score, sitting.passed) == (SittingStatus.COMPLETE, 1, True)

        client.force_login(trainee)
        page = client.get(result_url(sitting)).content.decode()
        assert "Passed" in page
        assert "Good: plain words and a &lt;script&gt;plan&lt;/script&gt;." in page
        assert "Marked by Dr Marker" in page

    def test_marking_an_answer_from_another_attempt_is_refused(self, client):
        quiz = quiz_with_questions(1, kind=QuestionType.FREE_TEXT)
        first = quiz_services.sitting_start(user=UserFactory(), quiz=quiz)
        second = quiz_services.sitting_start(user=UserFactory(), quiz=quiz)
        for sitting in (first, second):
            answer_all(sitting, text="Text")
        marker = trainer()
        responsible_for(marker, first.user, second.user)
        client.force_login(marker)
        foreign = second.answers.get()
        response = client.post(
            reverse("courses:marking_detail", args=[first.pk]),
            {"answer": foreign.pk, f"answer-{foreign.pk}-mark": "1"},
            follow=True,
        )
        assert marking_views.MESSAGE_MARK_UNKNOWN_ANSWER in text_of(response)
        foreign.refresh_from_db()
        assert foreign.score is None


class TestCategoryProgress:
    def test_success_rate_per_category(self, client, trainee):
        scoring = CategoryFactory(name="Scoring")
        flags = CategoryFactory(name="Red flags")
        quiz = QuizFactory()
        for category in [scoring, scoring, scoring, flags]:
            QuestionFactory(quiz=quiz, category=category)
        client.post(detail_url(quiz))
        for right in [True, True, False, False]:
            post_answer(client, quiz, current_answer(trainee, quiz), right=right)
        # An unfinished attempt does not count yet.
        client.post(detail_url(quiz))
        post_answer(client, quiz, current_answer(trainee, quiz), right=True)

        page = client.get(reverse("courses:quiz_progress")).content.decode()
        rows = page.split("<tbody")[1]
        assert rows.index("Red flags") < rows.index("Scoring")
        flags_row = rows.split("Red flags")[1].split("</tr>")[0]
        scoring_row = rows.split("Scoring")[1].split("</tr>")[0]
        assert [cell for cell in [">1<", ">0<", ">0%<"] if cell in flags_row] == [
            ">1<",
            ">0<",
            ">0%<",
        ]
        # 2 of 3 is 66.7 %: shown rounded down, as every percentage a learner reads.
        assert ">3<" in scoring_row and ">2<" in scoring_row and ">66%<" in scoring_row

    def test_nothing_yet(self, client, trainee):
        page = client.get(reverse("courses:quiz_progress")).content.decode()
        assert "You have not finished a quiz yet" in page


@pytest.mark.parametrize(
    "data",
    [
        {"question": "99999999999999999999999", "options": "1"},
        {"question": "-1", "options": ["99999999999999999999999", "x"]},
        {"question": "", "text": "x" * 6000},
    ],
)
def test_nonsense_never_causes_a_server_error(client, trainee, data):
    quiz = quiz_with_questions(2)
    client.post(detail_url(quiz))
    assert client.post(take_url(quiz), data).status_code in (200, 302)
    marker = trainer()
    responsible_for(marker, trainee)
    sitting = Sitting.objects.get(user=trainee)
    client.force_login(marker)
    marking = reverse("courses:marking_detail", args=[sitting.pk])
    assert client.post(marking, {"answer": data["question"]}).status_code in (200, 302)
    listing = reverse("courses:marking_list")
    assert client.get(listing, {"quiz": data["question"], "page": "zz"}).status_code == 200
    assert Sitting.objects.get(user=trainee).position == 1


class TestWayBackToTheModule:
    def test_module_quiz_pages_lead_back_to_the_module(self, client, trainee, home):
        course = course_tree(index=training_index(home), modules=1, lessons=1, quiz=True)
        module = course.get_children().specific().first()
        QuestionFactory(quiz=module.quiz)
        client.post(detail_url(module.quiz))
        sitting = Sitting.objects.get(user=trainee)
        post_answer(client, module.quiz, current_answer(trainee, module.quiz))

        for url in (detail_url(module.quiz), result_url(sitting)):
            page = text_of(client.get(url))
            crumbs = page.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
            assert f'href="{module.url}"' in crumbs
            assert f'href="{course.url}"' in crumbs

    def test_a_stand_alone_quiz_has_no_module_to_go_back_to(self, client, trainee):
        page = text_of(client.get(detail_url(quiz_with_questions(1))))
        assert 'aria-label="Breadcrumb"' not in page


def test_marking_list_filters_by_quiz_and_by_trainee_a_page_at_a_time(client, home):
    scoring = quiz_with_questions(1, title="Scoring check")
    red_flags = quiz_with_questions(1, title="Red flags check")
    sam = UserFactory(full_name="Sam Patel", email="sam@example.com")
    kim = UserFactory(full_name="Kim Jones", email="kim@example.com")
    for quiz, user in [(scoring, sam), (scoring, kim), (red_flags, sam)]:
        answer_all(quiz_services.sitting_start(user=user, quiz=quiz))
    marker = trainer()
    responsible_for(marker, sam, kim)
    client.force_login(marker)
    url = reverse("courses:marking_list")

    def rows(**filters):
        page = text_of(client.get(url, filters))
        return page.split("<tbody")[1].split("</tbody>")[0] if "<tbody" in page else ""

    by_quiz = rows(quiz=scoring.pk)
    assert by_quiz.count("<tr") == 2 and "Red flags check" not in by_quiz
    by_user = rows(user="sam@")
    assert by_user.count("<tr") == 2 and "Kim Jones" not in by_user
    both = rows(quiz=red_flags.pk, user="Patel")
    assert both.count("<tr") == 1 and "Red flags check" in both

    for _ in range(marking_views.MARKING_PER_PAGE):
        user = UserFactory(full_name="Pat Many")
        responsible_for(marker, user)
        sitting = quiz_services.sitting_start(user=user, quiz=scoring)
        quiz_services.sitting_finish(sitting=sitting)
    first = text_of(client.get(url, {"quiz": scoring.pk}))
    assert first.split("<tbody")[1].count("<tr") == marking_views.MARKING_PER_PAGE
    assert f"quiz={scoring.pk}&page=2" in first
    second = text_of(client.get(url, {"quiz": scoring.pk, "page": 2}))
    assert second.split("<tbody")[1].split("</tbody>")[0].count("<tr") == 2
