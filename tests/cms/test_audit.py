"""Security events are recorded: in the audit log administrators read, and as JSON log lines."""

import json
import logging

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupApprovalTask

import pytest

from core.choices import Role
from core.models import AuditEvent
from tests.cms.test_session_and_mfa import current_code
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

Kind = AuditEvent.Kind


@pytest.fixture
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def events(kind) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(kind=kind))


def sign_in(client, email, password=DEFAULT_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_a_sign_in_is_recorded_with_the_account_and_address(client, home):
    user = UserFactory()

    sign_in(client, user.email)

    (event,) = events(Kind.SIGN_IN)
    assert event.subject == user
    assert event.subject_reference == f"account {user.pk}"
    assert event.ip_address == "127.0.0.1"
    assert event.actor is None


def test_a_failed_sign_in_is_recorded_without_the_password_or_the_typed_address(
    client, home, caplog
):
    user = UserFactory()
    caplog.set_level(logging.INFO, logger="startback.audit")

    sign_in(client, user.email, password="wrong-guess-1234")
    sign_in(client, "nobody@example.com", password="wrong-guess-1234")

    known, unknown = sorted(events(Kind.SIGN_IN_FAILED), key=lambda e: e.subject is None)
    assert known.subject == user and known.detail == {"known_account": True}
    assert unknown.subject is None and unknown.detail == {"known_account": False}
    logged = caplog.text + json.dumps([e.detail for e in AuditEvent.objects.all()])
    assert "wrong-guess-1234" not in logged
    assert "nobody@example.com" not in logged
    assert user.email not in logged


def test_sign_ins_refused_by_the_account_lock_are_recorded_once_a_minute(client, home):
    user = UserFactory()

    for _ in range(12):
        sign_in(client, user.email, password="wrong-guess-1234")

    assert len(events(Kind.SIGN_IN_FAILED)) == 5
    (locked,) = events(Kind.SIGN_IN_LOCKED)
    assert locked.subject == user


def test_two_factor_set_up_failure_and_removal_are_recorded(
    client, home, django_capture_on_commit_callbacks
):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    # allauth announces these changes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert events(Kind.MFA_ADDED)[0].subject == user

    client.logout()
    sign_in(client, user.email)
    client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert events(Kind.MFA_FAILED)[0].subject == user

    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_deactivate_totp"))
    assert events(Kind.MFA_REMOVED)[0].subject == user


def test_a_password_change_is_recorded(client, home):
    user = UserFactory()
    client.force_login(user)

    client.post(
        reverse("account_change_password"),
        {
            "oldpassword": DEFAULT_PASSWORD,
            "password1": "another-long-passphrase-9",
            "password2": "another-long-passphrase-9",
        },
    )

    assert events(Kind.PASSWORD_CHANGED)[0].subject == user


def test_an_added_address_is_recorded_by_its_domain_only(client, home):
    user = UserFactory()
    client.force_login(user)

    client.post(reverse("account_email"), {"action_add": "", "email": "second@nhs.net"})

    (added,) = events(Kind.EMAIL_ADDED)
    assert added.subject == user
    assert added.detail == {"domain": "nhs.net"}


def test_a_role_change_in_the_admin_records_who_made_it_and_from_what_to_what(
    client, home, mfa_satisfied
):
    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    clinician = UserFactory(roles=[Role.TRAINEE])
    client.force_login(administrator)
    edit = reverse("wagtailusers_users:edit", args=[clinician.pk])
    champion = Group.objects.get(name=Role.CHAMPION.value)
    trainee = Group.objects.get(name=Role.TRAINEE.value)
    AuditEvent.objects.all().delete()  # the accounts' creation is recorded too

    response = client.post(
        edit,
        {
            "email": clinician.email,
            "full_name": clinician.full_name,
            "profession": clinician.profession,
            "registration_number": "",
            "organisation": "",
            "is_active": "on",
            "groups": [trainee.pk, champion.pk],
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    (change,) = events(Kind.ROLE_CHANGED)
    assert change.subject == clinician
    assert change.actor == administrator
    assert change.detail == {"before": ["Trainee"], "after": ["Trainee", "Champion"]}


def admin_edit(client, user, **changes):
    """Post the admin's user form for `user`, with their current values and `changes`."""
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "profession": user.profession,
        "registration_number": "",
        "organisation": user.organisation_id or "",
        "is_active": "on",
        "groups": list(user.groups.values_list("pk", flat=True)),
        **changes,
    }
    data = {key: value for key, value in data.items() if value is not None}
    response = client.post(reverse("wagtailusers_users:edit", args=[user.pk]), data)
    assert response.status_code == 302, response.context["form"].errors


def test_swapping_roles_in_the_admin_is_one_event(client, home, mfa_satisfied):
    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    clinician = UserFactory(roles=[Role.TRAINEE])
    client.force_login(administrator)
    AuditEvent.objects.all().delete()

    admin_edit(client, clinician, groups=[Group.objects.get(name=Role.TRAINER.value).pk])

    (change,) = events(Kind.ROLE_CHANGED)
    assert change.detail == {"before": ["Trainee"], "after": ["Trainer"]}
    assert change.actor == administrator


def test_an_administrators_changes_to_someone_elses_account_are_recorded(
    client, home, mfa_satisfied
):
    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    clinician = UserFactory(email="lee@example.com")
    client.force_login(administrator)
    AuditEvent.objects.all().delete()

    admin_edit(
        client,
        clinician,
        email="lee@nhs.net",
        password1="a-new-long-passphrase-7",
        password2="a-new-long-passphrase-7",
        is_active=None,
        is_superuser="on",
    )

    recorded = {event.kind: event for event in AuditEvent.objects.all()}
    assert set(recorded) == {
        Kind.EMAIL_PRIMARY_CHANGED,
        Kind.PASSWORD_CHANGED,
        Kind.ROLE_CHANGED,
        Kind.ACCOUNT_DISABLED,
    }
    assert all(event.actor == administrator for event in recorded.values())
    assert recorded[Kind.EMAIL_PRIMARY_CHANGED].detail == {
        "from_domain": "example.com",
        "to_domain": "nhs.net",
    }
    assert recorded[Kind.ROLE_CHANGED].detail == {"superuser": "granted"}


def test_deleting_someone_in_the_admin_is_recorded_by_number(client, home, mfa_satisfied):
    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    clinician = UserFactory()
    client.force_login(administrator)

    client.post(reverse("wagtailusers_users:delete", args=[clinician.pk]))

    (deleted,) = events(Kind.ACCOUNT_DELETED)
    assert deleted.subject is None and deleted.subject_reference == f"account {clinician.pk}"
    assert deleted.actor == administrator


def test_a_role_change_from_the_groups_side_is_recorded_per_member(home):
    first, second = UserFactory(), UserFactory()
    AuditEvent.objects.all().delete()  # their creation as trainees is recorded too

    Group.objects.get(name=Role.TRAINER.value).user_set.add(first, second)

    changes = events(Kind.ROLE_CHANGED)
    assert {event.subject for event in changes} == {first, second}
    assert all(
        event.detail == {"before": ["Trainee"], "after": ["Trainee", "Trainer"]}
        for event in changes
    )


def test_each_event_is_also_one_json_log_line(client, home, caplog):
    user = UserFactory()
    caplog.set_level(logging.INFO, logger="startback.audit")

    sign_in(client, user.email)

    (line,) = [r.getMessage() for r in caplog.records if r.name == "startback.audit"]
    record = json.loads(line)
    assert record["event"] == "sign_in"
    assert record["account"] == f"account {user.pk}"
    assert record["ip"] == "127.0.0.1"


def test_administrators_read_and_filter_the_audit_log(client, home, mfa_satisfied):
    user = UserFactory()
    sign_in(client, user.email, password="wrong-guess-1234")
    sign_in(client, user.email)
    client.logout()
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    index = reverse("audit_log:index")

    everything = client.get(index)
    failures = client.get(index, {"kind": Kind.SIGN_IN_FAILED})

    assert everything.status_code == 200
    assert "Sign-in failed" in everything.text and "Signed in" in everything.text
    assert f"account {user.pk}" in failures.text
    listed = " ".join(str(event) for event in failures.context["object_list"])
    assert "Sign-in failed" in listed
    assert "Signed in" not in listed


def test_nobody_edits_the_audit_log_not_even_a_superuser(client, home, mfa_satisfied):
    UserFactory()
    event = AuditEvent.objects.create(kind=Kind.SIGN_IN, subject_reference="account 1")
    client.force_login(UserFactory(is_superuser=True))

    assert client.get(reverse("audit_log:index")).status_code == 200
    assert client.get(reverse("audit_log:edit", args=[event.pk])).status_code in {302, 403}
    assert client.post(reverse("audit_log:delete", args=[event.pk])).status_code in {302, 403}
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_trainers_do_not_see_the_audit_log(client, home, mfa_satisfied):
    client.force_login(UserFactory(roles=[Role.TRAINER]))

    response = client.get(reverse("audit_log:index"))

    assert response.status_code in {302, 403}


def test_roles_are_the_four_the_site_defines_and_trainers_approve_submissions(home):
    assert set(Group.objects.values_list("name", flat=True)) == set(Role.values)
    for task in GroupApprovalTask.objects.all():
        assert set(task.groups.values_list("name", flat=True)) == {"Trainer", "Administrator"}


def test_a_refused_page_is_logged_in_one_line_without_a_traceback(client, home, caplog):
    client.force_login(UserFactory())

    response = client.get(reverse("courses:trainer_home"))

    assert response.status_code == 403
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
