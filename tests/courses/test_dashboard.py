"""The trainer's dashboard and trainee list: numbers against a hand-built fixture, the scope,
filters, the streamed CSV and Excel exports, and a constant number of queries."""

import csv
import datetime
import io

from django.core import mail
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from core.choices import Profession, Role
from courses.certification.models import Certificate
from courses.cohorts.cache import data_changed
from courses.cohorts.dashboard import Filters, funnel, scoped_trainees, summary
from courses.cohorts.models import CohortMember, ReminderBatch
from courses.cohorts.practice_stats import practice_stats
from courses.cohorts.quiz_stats import question_stats, quizzes_summary
from courses.cohorts.services import cohort_create
from courses.learning.models import LessonPage, ModulePage
from courses.quiz.choices import QuestionType
from courses.quiz.services import sitting_answer, sitting_start
from scoring_practice.feedback import ALL_MISTAKES
from scoring_practice.models import Attempt
from tests.courses.factories import (
    complete,
    course_tree,
    enrol,
    sitting_finished,
    training_index,
)
from tests.courses.quiz_factories import (
    answer_all,
    quiz_with_questions,
    right_option_ids,
    wrong_option_ids,
)
from tests.factories import UserFactory
from tests.scoring_practice.factories import AttemptFactory, DrillAnswerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def certify(user, course, *, expires_in: int):
    today = timezone.localdate()
    Certificate.objects.create(
        holder=user,
        holder_name=user.full_name,
        course=course,
        course_title=course.title,
        cpd_hours=4,
        issued_on=today - datetime.timedelta(days=30),
        expires_on=today + datetime.timedelta(days=expires_in),
    )


@pytest.fixture
def world(home):
    """A trainer's cohort of five at different stages, and an outsider who is not theirs."""
    course = course_tree(index=training_index(home), modules=2, lessons=1, title="Stratified care")
    first, second = (
        list(LessonPage.objects.child_of(module)) for module in ModulePage.objects.child_of(course)
    )
    trainer = UserFactory(roles=[Role.TRAINER])
    today = timezone.localdate()
    cohort = cohort_create(
        by=trainer,
        name="Northfield GPs",
        course=course,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=90),
    )
    people = {}
    for name, profession in [
        ("Asha Enrolled", Profession.GP),
        ("Ben Partway", Profession.GP),
        ("Cara Complete", Profession.NURSE),
        ("Dev Certified", Profession.PHYSIOTHERAPIST),
        ("Eve Expiring", Profession.GP),
    ]:
        user = UserFactory(full_name=name, profession=profession)
        CohortMember.objects.create(cohort=cohort, user=user, via="email")
        enrol(user, course)
        people[name.split()[0]] = user
    for lesson in first:
        complete(people["Ben"], lesson)
    for key in ("Cara", "Dev", "Eve"):
        for lesson in first + second:
            complete(people[key], lesson)
    certify(people["Dev"], course, expires_in=400)
    certify(people["Eve"], course, expires_in=30)
    outsider = UserFactory(full_name="Olu Outsider")
    enrol(outsider, course)
    for lesson in first + second:
        complete(outsider, lesson)
    certify(outsider, course, expires_in=400)
    return {"course": course, "trainer": trainer, "cohort": cohort, "people": people}


def test_the_numbers_match_the_hand_built_fixture(world):
    filters = Filters(cohort=world["cohort"])
    trainees = scoped_trainees(world["trainer"], filters)
    totals = summary(trainees, filters)
    assert (totals.trainees, totals.enrolled, totals.in_progress, totals.completed) == (5, 5, 1, 3)
    assert (totals.certified, totals.expiring, totals.expired) == (2, 1, 0)
    steps = funnel(trainees, filters)
    assert [(step.count, step.share) for step in steps] == [(5, 100), (4, 80), (3, 60)]

    # Without choosing the cohort, the trainer's scope is the same five; not the outsider.
    everyone = scoped_trainees(world["trainer"], Filters())
    assert summary(everyone, Filters()).trainees == 5
    gps = scoped_trainees(world["trainer"], Filters(profession=Profession.GP))
    assert summary(gps, Filters(profession=Profession.GP)).trainees == 3


def test_the_funnel_counts_a_module_done_only_with_its_lessons_and_its_quiz_passed(home):
    """Module 1: one lesson and a quiz; module 2: a quiz and no required lesson.

    Ann: lesson done, quiz 1 failed, quiz 2 passed  → module 1 no, module 2 yes
    Bo:  lesson done, quiz 1 passed (after a fail)  → module 1 yes, module 2 no
    Cy:  quiz 1 passed, lesson not done             → neither
    """
    course = course_tree(index=training_index(home), modules=2, lessons=1, quiz=True)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    LessonPage.objects.child_of(second).update(required=False)
    lesson = LessonPage.objects.child_of(first).get()
    ann, bo, cy = (UserFactory() for _ in range(3))
    for user in (ann, bo, cy):
        enrol(user, course)
    for user in (ann, bo):
        complete(user, lesson)
    sitting_finished(user=ann, quiz=first.quiz, passed=False)
    sitting_finished(user=ann, quiz=second.quiz, passed=True)
    sitting_finished(user=bo, quiz=first.quiz, passed=False)
    sitting_finished(user=bo, quiz=first.quiz, passed=True)
    sitting_finished(user=cy, quiz=first.quiz, passed=True)
    admin = UserFactory(roles=[Role.ADMINISTRATOR])

    steps = funnel(scoped_trainees(admin, Filters()), Filters())

    assert [(step.label, step.count) for step in steps] == [
        ("Enrolled", 3),
        (first.title, 1),
        (second.title, 1),
    ]


def test_the_dashboard_page_shows_the_numbers_and_an_accessible_chart(client, world):
    client.force_login(world["trainer"])
    page = client.get(reverse("courses:trainer_home"), {"cohort": world["cohort"].pk}).text
    assert '<span class="app-stats__number">3</span> completed' in page
    assert '<span class="app-stats__number">1</span> expiring within 60 days' in page
    assert 'role="img"' in page and '<title id="funnel-title">' in page
    assert "4 (80%)" in page  # the same numbers in the table beside the chart

    response = client.get(
        reverse("courses:trainer_home"), {"since": "2027-02-01", "until": "2027-01-01"}
    )
    assert "The end of the range must be on or after its start." in response.text


def test_another_trainer_sees_none_of_them_anywhere(client, world):
    client.force_login(UserFactory(roles=[Role.TRAINER]))
    page = client.get(reverse("courses:trainer_home")).text
    assert '<span class="app-stats__number">0</span> trainees' in page
    assert "Asha Enrolled" not in client.get(reverse("courses:trainee_list")).text
    export = client.get(reverse("courses:trainee_export", args=["csv"]))
    assert "Asha" not in b"".join(export.streaming_content).decode()
    # A cohort that is not theirs cannot be chosen.
    response = client.get(reverse("courses:trainer_home"), {"cohort": world["cohort"].pk})
    assert "Select a valid choice" in response.text


def test_the_trainee_list_and_exports_have_the_columns_a_trainer_needs(client, world):
    client.force_login(world["trainer"])
    listing = client.get(reverse("courses:trainee_list")).text
    assert "Dev Certified" in listing and "Olu Outsider" not in listing

    response = client.get(reverse("courses:trainee_export", args=["csv"]))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].startswith('attachment; filename="trainees-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == [
        "Name",
        "E-mail",
        "Profession",
        "Organisation",
        "Cluster",
        "Cohorts",
        "Enrolled",
        "Completed",
        "Certificate",
        "Certificate expires",
        "Last activity",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {
        "Asha Enrolled",
        "Ben Partway",
        "Cara Complete",
        "Dev Certified",
        "Eve Expiring",
    }
    assert by_name["Dev Certified"][5] == "Northfield GPs"
    assert by_name["Dev Certified"][7:9] == ["Yes", "Current"]
    assert by_name["Eve Expiring"][8] == "Expires soon"
    assert by_name["Asha Enrolled"][7:9] == ["No", "None"]

    response = client.get(reverse("courses:trainee_export", args=["xlsx"]))
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    sheet = book.active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Name" and len(values) == 6
    assert client.get(reverse("courses:trainee_export", args=["pdf"])).status_code == 404


def test_a_cell_a_spreadsheet_would_run_is_written_as_text(client, world):
    world["people"]["Asha"].full_name = '=HYPERLINK("http://x")'
    world["people"]["Asha"].save()
    client.force_login(world["trainer"])
    body = b"".join(
        client.get(reverse("courses:trainee_export", args=["csv"])).streaming_content
    ).decode()
    assert "'=HYPERLINK" in body


def test_the_dashboard_and_list_take_the_same_queries_however_many_trainees(client, world):
    client.force_login(world["trainer"])

    def counted(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = [reverse("courses:trainer_home"), reverse("courses:trainee_list")]
    few = [counted(url) for url in urls]
    lesson = LessonPage.objects.descendant_of(world["course"]).first()
    for number in range(20):
        user = UserFactory(full_name=f"Extra {number}")
        CohortMember.objects.create(cohort=world["cohort"], user=user, via="email")
        enrol(user, world["course"])
        complete(user, lesson)
    assert [counted(url) for url in urls] == few


def test_a_trainee_page_shows_progress_and_is_404_outside_the_scope(client, world):
    dev = world["people"]["Dev"]
    client.force_login(world["trainer"])
    page = client.get(reverse("courses:trainee_detail", args=[dev.pk])).text
    assert "Dev Certified" in page and "Northfield GPs" in page
    assert "2 of 2 modules completed" in page
    assert ">Valid<" in page

    outsider = UserFactory()
    assert client.get(reverse("courses:trainee_detail", args=[outsider.pk])).status_code == 404
    client.force_login(UserFactory(roles=[Role.TRAINER]))
    assert client.get(reverse("courses:trainee_detail", args=[dev.pk])).status_code == 404


def test_marking_is_kept_to_the_scope_and_the_trainee_is_told_by_e_mail(
    client, world, django_capture_on_commit_callbacks
):
    quiz = quiz_with_questions(1, kind=QuestionType.FREE_TEXT)
    ben = world["people"]["Ben"]
    sitting = sitting_start(user=ben, quiz=quiz)
    answer_all(sitting, text="I would explain the risk plainly.")
    outsider_sitting = sitting_start(user=UserFactory(), quiz=quiz)
    answer_all(outsider_sitting, text="Not theirs to mark.")
    client.force_login(world["trainer"])

    listing = client.get(reverse("courses:marking_list")).text
    assert "Ben Partway" in listing and "Not theirs" not in listing
    outside = reverse("courses:marking_detail", args=[outsider_sitting.pk])
    assert client.get(outside).status_code == 404

    answer = sitting.answers.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("courses:marking_detail", args=[sitting.pk]),
            {
                "answer": answer.pk,
                f"answer-{answer.pk}-mark": "1",
                f"answer-{answer.pk}-comment": "Clear.",
            },
        )
    (message,) = [m for m in mail.outbox if ben.email in m.to]
    assert "your answer has been marked" in message.subject
    assert reverse("courses:sitting_result", args=[sitting.pk]) in message.body


def test_reminders_go_to_those_who_have_not_completed_once_a_week_at_most(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["trainer"])
    url = reverse("courses:trainer_reminders")
    scope = {"cohort": world["cohort"].pk}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, scope, follow=True)
    assert "Reminder sent to 2 trainees who had not completed." in response.text
    reminded = sorted(message.to[0] for message in mail.outbox)
    people = world["people"]
    assert reminded == sorted([people["Asha"].email, people["Ben"].email])
    assert "Stratified care" in mail.outbox[0].body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, scope, follow=True)
    assert "Nobody to remind" in response.text and not mail.outbox

    for _ in range(4):
        ReminderBatch.objects.create(trainer=world["trainer"], scope="earlier")
    response = client.post(url, {}, follow=True)
    assert "5 sets of reminders in the last 24 hours" in response.text
    assert ReminderBatch.objects.count() == 5


def test_facility_and_discrimination_match_a_hand_computed_table(client, world):
    """Four attempts at two one-mark questions (1 is right, 0 wrong):

    attempt  q1  q2  total      q1 against the rest: x = 1 1 0 1, y = 1 0 0 1
    1        1   1   2          facility 3/4 = 75; r = 0.5 / sqrt(0.75 × 1) = 0.577 → 58
    2        1   0   1          q2 against the rest: x = 1 0 0 1, y = 1 1 0 1
    3        0   0   0          facility 2/4 = 50; r = 0.577 → 58
    4        1   1   2
    """
    quiz = quiz_with_questions(2, title="Scoring check", random_order=False)
    first_text, second_text = quiz.questions.order_by("pk").values_list("text", flat=True)
    people = world["people"]
    pattern = {
        people["Asha"]: (True, True),
        people["Ben"]: (True, False),
        people["Cara"]: (False, False),
        people["Dev"]: (True, True),
    }
    for user, rights in pattern.items():
        sitting = sitting_start(user=user, quiz=quiz)
        for answer, right in zip(sitting.answers.order_by("question_id"), rights, strict=True):
            ids = right_option_ids(answer) if right else wrong_option_ids(answer)
            sitting_answer(sitting=sitting, answer_id=answer.pk, option_ids=ids)
    sitting = sitting_start(user=UserFactory(), quiz=quiz)  # someone else's: not counted
    answer_all(sitting, right=False)

    trainees = scoped_trainees(world["trainer"], Filters())
    stats = question_stats(quiz=quiz, trainees=trainees)
    assert [(s.text, s.attempts, s.facility, s.discrimination) for s in stats] == [
        (second_text, 4, 50, 58),
        (first_text, 4, 75, 58),
    ]
    right_chosen = [count for label, right, count in stats[0].options if right]
    assert right_chosen == [2]
    (row,) = quizzes_summary(trainees)
    expected_passes = sum(1 for percent in (100, 50, 0, 100) if percent >= quiz.pass_mark)
    assert (row.attempts, row.passed) == (4, expected_passes)
    assert row.pass_rate == 100 * expected_passes // 4

    client.force_login(world["trainer"])
    page = client.get(reverse("courses:trainer_quiz_statistics", args=[quiz.pk])).text
    assert "Facility index: <strong>50%</strong>" in page
    assert "Discrimination index: <strong>58</strong>" in page
    assert "Scoring check" in client.get(reverse("courses:trainer_quizzes")).text
    exported = client.get(reverse("courses:trainer_quiz_statistics_export", args=[quiz.pk, "csv"]))
    lines = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    assert lines[0][:4] == ["Question", "Answers", "Facility index (%)", "Discrimination index"]
    assert [line[1:4] for line in lines[1:]] == [["4", "50", "58"], ["4", "75", "58"]]
    assert "(right): 2" in lines[1][4]


def test_practice_insight_matches_a_hand_built_fixture(client, world):
    """Three consultation attempts by the trainer's trainees, one by someone else:

    item 1: reference agree; answers agree, disagree, disagree  → 1 right, 2 under-scored
    item 9: reference moderately; answers extremely, moderately, slightly
            → extremely scores 1 where moderately scores 0: 1 over-scored; slightly scores 0
              like moderately: counted right; so 2 right
    risk groups (reference → trainee): medium → medium, medium → high, high → high
    """
    reference = {
        "title": "Case",
        "mode": "consultation",
        "risk": "medium",
        "items": {"1": "agree", "9": "moderately"},
    }
    given = [
        ({"1": "agree", "9": "extremely"}, "medium", ["item9_moderately"]),
        ({"1": "disagree", "9": "moderately"}, "high", []),
        ({"1": "disagree", "9": "slightly"}, "high", []),
    ]
    people = [world["people"][name] for name in ("Asha", "Ben", "Cara")]
    for user, (items, risk, mistakes) in zip(people, given, strict=True):
        this_reference = dict(reference, risk="high") if user == people[2] else reference
        AttemptFactory(
            user=user,
            reference=this_reference,
            answers={"items": items, "risk": risk, "stratifiable": None},
            mistakes=mistakes,
            outcome_correct=risk == this_reference["risk"],
        )
    AttemptFactory(
        user=UserFactory(), reference=reference, answers={"items": {"1": "disagree"}, "risk": "low"}
    )

    DrillAnswerFactory(user=people[0])
    DrillAnswerFactory(user=people[1], given_risk="high", correct=False, streak=0)

    stats = practice_stats(scoped_trainees(world["trainer"], Filters()))
    rows = {row.number: row for row in stats.items}
    assert stats.attempts == 3
    assert (rows[1].answered, rows[1].right, rows[1].over, rows[1].under) == (3, 1, 0, 2)
    assert (rows[9].answered, rows[9].right, rows[9].over, rows[9].under) == (3, 2, 1, 0)
    assert stats.items[0].number == 1  # the most often mis-scored first
    table = stats.vignettes.table
    assert table["medium"]["medium"] == 1 and table["medium"]["high"] == 1
    assert table["high"]["high"] == 1
    # po = 2/3; pe = (2/3 × 1/3) + (1/3 × 2/3) = 4/9; kappa = (2/3 − 4/9) / (5/9) = 0.4
    assert round(stats.vignettes.kappa, 3) == 0.4
    assert [(total, right) for _, total, right in stats.months] == [(3, 2)]

    client.force_login(world["trainer"])
    page = client.get(reverse("courses:trainer_practice")).text
    assert "Cohen's kappa 0.40" in page or "Cohen&#x27;s kappa 0.40" in page
    assert 'role="img"' in page

    def table(name):
        response = client.get(reverse("courses:trainer_table_export", args=[name, "csv"]))
        return list(
            csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
        )

    agreement_rows = table("agreement")
    assert agreement_rows[0][-2:] == ["Total", "Cohen's kappa"]
    assert ["Case vignettes", "Medium", "0", "1", "1", "0", "2", "0.40"] in agreement_rows
    # The drill never refers: no Refer row, and its Refer column is empty, not 0.
    drill_rows = [line for line in agreement_rows if line[0] == "Scoring drill"]
    assert [line[1] for line in drill_rows] == ["Low", "Medium", "High"]
    assert drill_rows[1][2:7] == ["0", "1", "1", "", "2"]
    assert stats.drill.labels == ["Low", "Medium", "High"]
    assert table("mistakes")[1:] == [[ALL_MISTAKES["item9_moderately"].title, "1"]]
    assert [line[1:] for line in table("months")[1:]] == [["3", "2", "66"]]


def test_the_figures_are_cached_until_the_data_behind_them_changes(
    client, world, django_assert_max_num_queries
):
    client.force_login(world["trainer"])
    url = reverse("courses:trainer_practice")
    assert "From 0 case vignette attempts." in client.get(url).text
    with django_assert_max_num_queries(12):  # the figures come from the cache
        assert "From 0 case vignette attempts." in client.get(url).text
    AttemptFactory(user=world["people"]["Asha"])
    assert "From 1 case vignette attempt." in client.get(url).text
    dashboard = reverse("courses:trainer_home")
    assert '<span class="app-stats__number">2</span> certified' in client.get(dashboard).text
    certify(world["people"]["Ben"], world["course"], expires_in=300)
    assert '<span class="app-stats__number">3</span> certified' in client.get(dashboard).text


def test_the_dashboard_reads_its_figures_from_the_cache_on_a_second_visit(client, world):
    client.force_login(world["trainer"])
    url = reverse("courses:trainer_home")
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    data_changed()
    with CaptureQueriesContext(connection) as recomputed:
        client.get(url)
    assert len(first) < len(recomputed)


def test_each_dashboard_table_exports_for_the_same_scope(client, world):
    client.force_login(world["trainer"])
    scope = {"cohort": world["cohort"].pk}

    def rows(name, kind="csv"):
        response = client.get(reverse("courses:trainer_table_export", args=[name, kind]), scope)
        assert isinstance(response, StreamingHttpResponse)
        body = b"".join(response.streaming_content)
        if kind == "xlsx":
            return list(
                load_workbook(io.BytesIO(body), read_only=True).active.iter_rows(values_only=True)
            )
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))

    progress = rows("progress")
    assert progress[0] == ["Measure", "Trainees", "Share of trainees (%)"]
    assert ["Completed", "3", "60"] in progress and ["Certified", "2", "40"] in progress
    modules = rows("modules", "xlsx")
    assert modules[0] == ("Step", "Trainees", "Share of enrolled (%)")
    assert [row[1:] for row in modules[1:]] == [("5", "100"), ("4", "80"), ("3", "60")]
    assert rows("items")[0][0] == "Item"
    assert (
        client.get(reverse("courses:trainer_table_export", args=["nothing", "csv"])).status_code
        == 404
    )
    assert (
        client.get(reverse("courses:trainer_table_export", args=["progress", "pdf"])).status_code
        == 404
    )


def test_an_attempt_stored_without_its_readings_is_left_out_of_the_groups(client, world):
    """An insert that skipped `Attempt.save` (code from before the readings, a raw insert) has
    blank readings: the page still works, and counts it by month only."""
    people = world["people"]
    for user in (people["Asha"], people["Ben"]):
        AttemptFactory(
            user=user,
            reference={"mode": "consultation", "risk": "low", "items": {"1": "disagree"}},
            answers={"items": {"1": "disagree"}, "risk": "low"},
            outcome_correct=True,
        )
    Attempt.objects.filter(user=people["Ben"]).update(
        item_marks="", reference_group="", given_group=""
    )

    stats = practice_stats(scoped_trainees(world["trainer"], Filters()))

    assert stats.vignettes.total == 1 and stats.attempts == 2
    assert next(row for row in stats.items if row.number == 1).answered == 1
    client.force_login(world["trainer"])
    assert client.get(reverse("courses:trainer_practice")).status_code == 200
