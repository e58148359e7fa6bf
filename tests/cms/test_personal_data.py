"""A person downloads everything the site holds about them, and can delete their account."""

import datetime
import json

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress

from cms.champion_photos import photo_store
from cms.models import ChampionProfile
from core.choices import Role
from core.models import AuditEvent, User
from courses.quiz.choices import QuestionType
from courses.quiz.services import sitting_start
from scoring_practice.models import Attempt, DrillAnswer
from tests.cms.test_champions import png
from tests.courses.factories import CoursePageFactory, enrol, training_index
from tests.courses.quiz_factories import answer_all, quiz_with_questions
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.scoring_practice.factories import AttemptFactory, DrillAnswerFactory

pytestmark = pytest.mark.django_db

Kind = AuditEvent.Kind
WRITTEN = "The patient said the pain wakes him at night."


@pytest.fixture
def learner(home):
    """A trainee with a little of everything: a course, a quiz with a written answer, a
    vignette, a drill answer, and a sign-in."""
    user = UserFactory(full_name="Asha Rahman", email="asha@nhs.net")
    enrol(user, CoursePageFactory(parent=training_index(home), title="Stratified care"))
    sitting = sitting_start(user=user, quiz=quiz_with_questions(1, kind=QuestionType.FREE_TEXT))
    answer_all(sitting, text=WRITTEN)  # the last answer finishes the attempt
    AttemptFactory(user=user, reference={"title": "Margaret, 67", "mode": "consultation"})
    DrillAnswerFactory(user=user)
    return user


@pytest.fixture
def signed_in(client, learner):
    client.post(reverse("account_login"), {"login": learner.email, "password": DEFAULT_PASSWORD})
    return client


def confirm_identity(client) -> None:
    """What allauth asks before deletion: the password again (a recent sign-in does not do)."""
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})


def test_the_download_holds_everything_about_the_person_and_nobody_else(signed_in, learner):
    UserFactory(full_name="Someone Else")

    response = signed_in.get(reverse("account_data_download"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["profile"]["full_name"] == "Asha Rahman"
    assert data["email_addresses"] == [{"email": "asha@nhs.net", "verified": True, "primary": True}]
    assert [e["course"] for e in data["enrolments"]] == ["Stratified care"]
    (sitting,) = data["quiz_attempts"]
    assert sitting["answers"][0]["written_answer"] == WRITTEN
    assert [a["vignette"] for a in data["vignette_attempts"]] == ["Margaret, 67"]
    assert len(data["drill_answers"]) == 1
    assert "Signed in" in [event["event"] for event in data["security_events"]]
    assert "Someone Else" not in response.content.decode()


def test_downloading_is_recorded(signed_in, learner):
    signed_in.get(reverse("account_data_download"))

    assert AuditEvent.objects.filter(kind=Kind.DATA_EXPORTED, subject=learner).count() == 1


def test_the_summary_page_shows_the_same_data_to_read(signed_in):
    response = signed_in.get(reverse("account_data_summary"))

    assert response.status_code == 200
    for fragment in ["Asha Rahman", "Stratified care", WRITTEN, "Margaret, 67", "Signed in"]:
        assert fragment in response.text, fragment


def test_your_data_needs_a_signed_in_user(client, home):
    for name in ["account_your_data", "account_data_download", "account_delete"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_without_a_recent_sign_in_deletion_asks_for_the_password_first(client, learner):
    client.force_login(learner)  # a session, but no recent proof of who is at the keyboard

    response = client.post(reverse("account_delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    learner.refresh_from_db()
    assert learner.is_active and learner.full_name == "Asha Rahman"


def test_deletion_must_be_confirmed(signed_in, learner):
    confirm_identity(signed_in)
    response = signed_in.post(reverse("account_delete"), {})

    assert "Confirm that you understand" in response.text
    assert User.objects.get(pk=learner.pk).is_active


def test_deleting_the_account_anonymises_it_and_keeps_statistics(signed_in, learner, client):
    confirm_identity(signed_in)
    response = signed_in.post(reverse("account_delete"), {"confirm": "on"}, follow=True)

    assert "Your account has been deleted" in response.text
    assert "_auth_user_id" not in signed_in.session
    learner.refresh_from_db()
    assert not learner.is_active and not learner.has_usable_password()
    assert learner.full_name == learner.organisation_unlisted == learner.registration_number == ""
    assert learner.organisation is None
    assert "asha" not in learner.email
    assert not EmailAddress.objects.filter(user=learner).exists()
    assert not learner.groups.exists()
    # The answers stay as anonymous statistics; the words the person wrote do not.
    assert Attempt.objects.filter(user=learner).count() == 1
    assert DrillAnswer.objects.filter(user=learner).count() == 1
    assert learner.quiz_sittings.get().answers.get().text_answer == ""
    # The security log keeps an account number, without network addresses.
    deleted = AuditEvent.objects.get(kind=Kind.ACCOUNT_DELETED)
    assert deleted.subject_reference == f"account {learner.pk}"
    assert not AuditEvent.objects.filter(subject=learner, ip_address__isnull=False).exists()
    # Nobody can sign in as them, and the address is free to register again.
    login = client.post(
        reverse("account_login"), {"login": "asha@nhs.net", "password": DEFAULT_PASSWORD}
    )
    assert login.status_code == 200
    assert not User.objects.filter(email="asha@nhs.net").exists()


def test_the_last_administrator_cannot_delete_their_account(client, home, monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)
    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    client.post(
        reverse("account_login"), {"login": administrator.email, "password": DEFAULT_PASSWORD}
    )

    confirm_identity(client)
    page = client.get(reverse("account_delete"))
    refused = client.post(reverse("account_delete"), {"confirm": "on"})

    assert "cannot be deleted yet" in page.text
    assert refused.status_code == 200
    assert User.objects.get(pk=administrator.pk).is_active

    Group.objects.get(name=Role.ADMINISTRATOR.value).user_set.add(UserFactory())
    client.post(reverse("account_delete"), {"confirm": "on"})
    assert not User.objects.get(pk=administrator.pk).is_active


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def test_retention_removes_accounts_never_confirmed_after_30_days(home):
    stale = UserFactory(date_joined=days_ago(31), signed_up=True, verified_email=False)
    EmailAddress.objects.create(user=stale, email=stale.email, verified=False, primary=True)
    recent = UserFactory(date_joined=days_ago(29), signed_up=True, verified_email=False)
    EmailAddress.objects.create(user=recent, email=recent.email, verified=False, primary=True)
    confirmed = UserFactory(date_joined=days_ago(90), signed_up=True)
    # Made by an administrator months ago; its holder has only just tried to sign in, so allauth
    # has added their address, unconfirmed, and sent the confirmation e-mail.
    made_by_an_administrator = UserFactory(date_joined=days_ago(90), verified_email=False)
    EmailAddress.objects.create(
        user=made_by_an_administrator,
        email=made_by_an_administrator.email,
        verified=False,
        primary=True,
    )
    old_event = AuditEvent.objects.create(kind=Kind.SIGN_IN, occurred_at=days_ago(366))

    call_command("apply_retention", verbosity=0)

    remaining = set(User.objects.values_list("pk", flat=True))
    assert stale.pk not in remaining
    assert {recent.pk, confirmed.pk, made_by_an_administrator.pk} <= remaining
    assert not AuditEvent.objects.filter(pk=old_event.pk).exists()
    expired = AuditEvent.objects.get(kind=Kind.ACCOUNT_EXPIRED)
    assert expired.subject is None and expired.subject_reference == f"account {stale.pk}"


def test_signing_up_marks_the_account_as_one_retention_may_remove(client, home):
    client.post(
        reverse("account_signup"),
        {
            "email": "new.physio@nhs.net",
            "full_name": "Sam Okoye",
            "profession": "physiotherapist",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )

    assert User.objects.get(email="new.physio@nhs.net").signed_up


def test_the_download_does_not_show_an_administrators_address(client, home, learner):
    from core.audit import AuditContext, audit_context, audit_record

    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    token = audit_context.set(AuditContext(user=administrator, ip_address="203.0.113.9"))
    try:
        audit_record(Kind.ROLE_CHANGED, subject=learner, before=[], after=["Trainee"])
    finally:
        audit_context.reset(token)
    client.force_login(learner)

    data = json.loads(client.get(reverse("account_data_download")).content)

    assert "203.0.113.9" not in json.dumps(data)


def test_the_download_and_summary_hold_the_persons_certificates_and_reflections(signed_in, learner):
    from courses.certification.models import Certificate, CpdReflection
    from courses.learning.models import CoursePage

    course = CoursePage.objects.get(title="Stratified care")
    today = timezone.localdate()
    certificate = Certificate.objects.create(
        holder=learner,
        holder_name=learner.full_name,
        course=course,
        course_title=course.title,
        cpd_hours=4,
        issued_on=today,
        expires_on=today + datetime.timedelta(days=730),
    )
    CpdReflection.objects.create(
        user=learner, entry=f"certificate:{certificate.pk}", learned="Screen before scoring."
    )

    data = json.loads(signed_in.get(reverse("account_data_download")).content)
    summary = signed_in.get(reverse("account_data_summary")).text

    (held,) = data["certificates"]
    assert held["code"] == certificate.code and held["status"] == "valid"
    assert data["cpd_reflections"][0]["what_i_learned"] == "Screen before scoring."
    assert data["assessments"] == []
    assert certificate.code in summary and "CPD reflections written: 1" in summary


def test_a_champion_profile_is_in_the_download_and_goes_with_the_account(signed_in, learner):
    photo = photo_store(data=png(), extension="png", title="Photo: Asha")
    ChampionProfile.objects.create(
        user=learner,
        display_name="Asha Rahman",
        network_role="clinical_champion",
        profession="gp",
        bio="I lead the audit.",
        photo=photo,
        status=ChampionProfile.Status.APPROVED,
    )
    data = json.loads(signed_in.get(reverse("account_data_download")).content)
    assert data["champion_profile"]["display_name"] == "Asha Rahman"
    assert data["champion_profile"]["about"] == "I lead the audit."
    assert "I lead the audit." in signed_in.get(reverse("account_data_summary")).text

    confirm_identity(signed_in)
    signed_in.post(reverse("account_delete"), {"confirm": "on"})
    assert not ChampionProfile.objects.filter(user=learner).exists()
    assert not type(photo).objects.filter(pk=photo.pk).exists()


def _models_referring_to_a_person() -> set[str]:
    from django.apps import apps
    from django.conf import settings

    person = apps.get_model(settings.AUTH_USER_MODEL)
    found = {person._meta.label}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.concrete and getattr(field, "related_model", None) is person:
                found.add(model._meta.label)
    # Invitations refer to a person by their e-mail address, not by their account.
    found.add("courses.CohortInvitation")
    return found


def test_every_model_that_refers_to_a_person_is_in_the_download_or_says_why_not():
    from cms.personal_data import IN_THE_DOWNLOAD, NOT_IN_THE_DOWNLOAD

    accounted = set(IN_THE_DOWNLOAD) | set(NOT_IN_THE_DOWNLOAD)
    missing = {
        label
        for label in _models_referring_to_a_person() - accounted
        # A page type's owner is covered by wagtailcore.Page: the same column, inherited.
        if not label.endswith("Page")
    }
    assert not missing, f"not in the personal data download, and no reason given: {missing}"


def test_the_download_holds_the_persons_cohorts_invitations_and_reminders(signed_in, learner, home):
    from cms.personal_data import IN_THE_DOWNLOAD
    from courses.cohorts.models import CohortInvitation, CohortMember, ReminderBatch
    from courses.cohorts.services import cohort_create
    from tests.courses.quiz_factories import trainer

    course = learner.enrolments.first().course
    lead = trainer(full_name="Tara Trainer")
    cohort = cohort_create(
        by=lead,
        name="Northfield GPs",
        course=course,
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 6, 30),
    )
    CohortMember.objects.create(cohort=cohort, user=learner, via="email")
    later = cohort_create(
        by=lead,
        name="Riverside physios",
        course=course,
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 6, 30),
    )
    CohortInvitation.objects.create(cohort=later, email=learner.email)
    ReminderBatch.objects.create(trainer=lead, course=course, scope="Northfield").recipients.add(
        learner
    )

    data = json.loads(signed_in.get(reverse("account_data_download")).content)

    assert set(IN_THE_DOWNLOAD.values()) <= set(data)
    assert [c["cohort"] for c in data["cohorts"]] == ["Northfield GPs"]
    assert [i["cohort"] for i in data["cohort_invitations"]] == ["Riverside physios"]
    assert [r["course"] for r in data["reminders_received"]] == [course.title]
    # What a trainer did is not the learner's, and the trainer's name is not in it.
    assert data["cohorts_led"] == [] and data["reminders_sent"] == []
    assert "Tara Trainer" not in json.dumps(data)


def test_deleting_the_account_removes_the_invitations_to_its_address(learner):
    from cms.personal_data import account_erase
    from courses.cohorts.models import CohortInvitation
    from courses.cohorts.services import cohort_create
    from tests.courses.quiz_factories import trainer

    cohort = cohort_create(
        by=trainer(),
        name="Northfield GPs",
        course=learner.enrolments.first().course,
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 6, 30),
    )
    CohortInvitation.objects.create(cohort=cohort, email=learner.email)

    assert account_erase(learner)

    assert not CohortInvitation.objects.filter(email="asha@nhs.net").exists()
