"""Cohorts: a trainer creates one and adds trainees by e-mail (inviting unknown addresses), by a
join link (expiring, revocable) or from a CSV file (checked row by row, all or nothing unless
the trainer chooses otherwise); the scope keeps every trainer to their own trainees."""

import datetime

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from core.choices import Profession, Role
from courses.cohorts.models import (
    Cohort,
    CohortInvitation,
    CohortMember,
    JoinLink,
    TrainerAssignment,
)
from courses.cohorts.scope import trainees_in_scope
from courses.cohorts.services import (
    cohort_create,
    import_check,
    invitation_answer,
    join_link_create,
    members_add,
)
from courses.learning.models import Enrolment
from tests.courses.factories import course_tree, training_index
from tests.factories import ClusterFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


@pytest.fixture
def course(home):
    return course_tree(index=training_index(home), modules=1, lessons=1)


@pytest.fixture
def trainer(client):
    user = UserFactory(full_name="Helen Murray", roles=[Role.TRAINER])
    client.force_login(user)
    return user


def make_cohort(trainer, course, name="Northfield GPs") -> Cohort:
    today = timezone.localdate()
    return cohort_create(
        by=trainer,
        name=name,
        course=course,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=90),
    )


def test_a_trainer_creates_a_cohort_and_bad_dates_are_refused(client, trainer, course):
    url = reverse("courses:cohort_new")
    response = client.post(
        url,
        {"name": "Spring", "course": course.pk, "starts_on": "2027-03-01", "ends_on": "2027-01-01"},
    )
    assert response.status_code == 200
    assert "The cohort must end on or after the day it starts." in response.text
    assert not Cohort.objects.exists()

    response = client.post(
        url,
        {"name": "Spring", "course": course.pk, "starts_on": "2027-01-01", "ends_on": "2027-03-01"},
    )
    cohort = Cohort.objects.get()
    assert response.url == reverse("courses:cohort", args=[cohort.pk])
    assert list(cohort.trainers.all()) == [trainer]
    assert "Spring" in client.get(reverse("courses:cohort_list")).text


def test_adding_by_e_mail_invites_everyone_alike_and_they_join_when_they_accept(
    client, trainer, course, django_capture_on_commit_callbacks
):
    cohort = make_cohort(trainer, course)
    known = UserFactory(email="known@example.com", full_name="Kit Known")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("courses:cohort_add", args=[cohort.pk]),
            {"emails": "KNOWN@example.com, new.person@example.com\nknown@example.com"},
            follow=True,
        )
    # The same words for an address with an account and one without.
    assert "2 invited by e-mail, 0 already in the cohort or invited." in response.text
    assert not CohortMember.objects.filter(cohort=cohort, user=known).exists()
    assert not Enrolment.objects.filter(user=known, course=course).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["known@example.com", "new.person@example.com"]
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert bodies["known@example.com"].replace("known@", "X@") == bodies[
        "new.person@example.com"
    ].replace("new.person@", "X@")
    # Nothing of the invited account reaches the trainer before they accept.
    cohort_page = client.get(reverse("courses:cohort", args=[cohort.pk])).text
    assert "Kit Known" not in cohort_page
    assert client.get(reverse("courses:trainee_detail", args=[known.pk])).status_code == 404

    response = client.post(
        reverse("courses:cohort_add", args=[cohort.pk]),
        {"emails": "not-an-address, ok@example.com"},
    )
    assert response.status_code == 400
    assert "These are not e-mail addresses: not-an-address." in response.text
    assert not CohortInvitation.objects.filter(email="ok@example.com").exists()

    # The existing account accepts on their invitations page, and is in.
    client.force_login(known)
    page = client.get(reverse("courses:cohort_invitations")).text
    assert "Northfield GPs" in page and "Accept and join" in page
    invitation = CohortInvitation.objects.get(email="known@example.com")
    accepted = client.post(
        reverse("courses:cohort_invitations"),
        {"invitation": invitation.pk, "answer": "accept"},
        follow=True,
    )
    assert "You have joined Northfield GPs" in accepted.text
    assert CohortMember.objects.filter(cohort=cohort, user=known).exists()
    assert Enrolment.objects.filter(user=known, course=course).exists()

    # The invited person without an account signs up and confirms their address: they are in.
    newcomer = UserFactory(email="new.person@example.com", full_name="")
    address = EmailAddress.objects.get(user=newcomer)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    assert CohortMember.objects.filter(cohort=cohort, user=newcomer).exists()
    assert CohortInvitation.objects.get(email="new.person@example.com").accepted_at is not None


def test_an_invitation_is_declined_and_only_its_addressee_answers_it(client, trainer, course):
    cohort = make_cohort(trainer, course)
    invited = UserFactory(email="asked@example.com")
    members_add(cohort=cohort, emails=["asked@example.com"])
    invitation = CohortInvitation.objects.get()

    client.force_login(UserFactory(email="someone.else@example.com"))
    refused = client.post(
        reverse("courses:cohort_invitations"),
        {"invitation": invitation.pk, "answer": "accept"},
        follow=True,
    )
    assert "That invitation is no longer waiting for you" in refused.text
    assert not CohortMember.objects.exists()

    client.force_login(invited)
    declined = client.post(
        reverse("courses:cohort_invitations"),
        {"invitation": invitation.pk, "answer": "decline"},
        follow=True,
    )
    assert "You have declined the invitation to Northfield GPs" in declined.text
    assert not CohortInvitation.objects.exists() and not CohortMember.objects.exists()
    assert "No cohort invitations are waiting for you" in declined.text


def test_a_join_link_works_until_it_expires_or_is_withdrawn(client, trainer, course):
    cohort = make_cohort(trainer, course)
    link = join_link_create(cohort=cohort, by=trainer, days=7)
    trainee = UserFactory()
    client.force_login(trainee)
    url = reverse("courses:cohort_join", args=[link.token])

    assert "Join Northfield GPs" in client.get(url).text
    response = client.post(url)
    assert response.status_code == 302
    assert CohortMember.objects.filter(cohort=cohort, user=trainee).exists()
    assert Enrolment.objects.filter(user=trainee, course=course).exists()
    # Twice is once.
    client.post(url)
    assert CohortMember.objects.filter(cohort=cohort, user=trainee).count() == 1

    other = UserFactory()
    client.force_login(other)
    JoinLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())
    response = client.post(url)
    assert response.status_code == 404 and "does not work" in response.text
    assert not CohortMember.objects.filter(user=other).exists()

    fresh = join_link_create(cohort=cohort, by=trainer, days=7)
    client.force_login(trainer)
    client.post(reverse("courses:cohort_link_withdraw", args=[cohort.pk, fresh.pk]))
    client.force_login(other)
    assert client.post(reverse("courses:cohort_join", args=[fresh.token])).status_code == 404
    assert client.get(reverse("courses:cohort_join", args=["made-up"])).status_code == 404
    assert not CohortMember.objects.filter(user=other).exists()


# Importing ---------------------------------------------------------------------------------


def upload(client, cohort, text: bytes | str, *, valid_only=False, name="trainees.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    fields = {"file": SimpleUploadedFile(name, data, content_type="text/csv")}
    if valid_only:
        fields["valid_only"] = "on"
    return client.post(reverse("courses:cohort_import", args=[cohort.pk]), fields, follow=True)


HEADER = "name,e-mail,profession,organisation\n"


def test_a_valid_file_imports_everyone(client, trainer, course, django_capture_on_commit_callbacks):
    cohort = make_cohort(trainer, course)
    practice = OrganisationFactory(name="Kingsway Surgery", ods_code="Z20002")
    existing = UserFactory(email="amara@example.com", profession="", organisation=None)
    text = (
        HEADER
        + "Amara Bello,amara@example.com,GP,Kingsway Surgery\n"
        + "Owen Price,owen@example.com,Physiotherapist,Z20002\n"
        + "\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, cohort, "\ufeff" + text)
    assert "Imported: 2 invited by e-mail, 0 already in the cohort or invited." in response.text
    invitation = CohortInvitation.objects.get(email="owen@example.com")
    assert invitation.full_name == "Owen Price" and invitation.organisation == practice
    assert sorted(m.to[0] for m in mail.outbox) == ["amara@example.com", "owen@example.com"]
    # The file's details fill the existing account's blank fields only once they accept.
    existing.refresh_from_db()
    assert existing.profession == "" and existing.organisation is None
    invitation_answer(
        user=existing, pk=CohortInvitation.objects.get(email="amara@example.com").pk, accept=True
    )
    existing.refresh_from_db()
    assert existing.profession == Profession.GP and existing.organisation == practice


def test_a_file_with_errors_imports_nothing_and_names_each_line(client, trainer, course):
    cohort = make_cohort(trainer, course)
    UserFactory(email="good@example.com")
    text = (
        HEADER
        + "Good Person,good@example.com,GP,\n"
        + "Bad Address,not-an-email,GP,\n"
        + "Twice,good@example.com,Nurse,\n"
        + "Odd Job,odd@example.com,Surgeon,\n"
        + "Nowhere,nowhere@example.com,GP,Unknown Practice\n"
        + "Short,short@example.com\n"
    )
    response = upload(client, cohort, text)
    page = response.text
    assert "Nothing was imported" in page
    assert "Line 3: “not-an-email” is not an e-mail address." in page
    assert "Line 4: The same e-mail address as line 2." in page
    assert "Line 5: “Surgeon” is not a profession" in page
    assert "Line 6: No organisation in the list matches “Unknown Practice”." in page
    assert "Line 7: Expected 4 columns, found 2." in page
    assert not CohortMember.objects.exists() and not CohortInvitation.objects.exists()

    response = upload(client, cohort, text, valid_only=True)
    assert "Imported: 1 invited by e-mail, 0 already in the cohort or invited." in response.text
    assert CohortInvitation.objects.filter(cohort=cohort).count() == 1


def test_a_file_s_names_are_checked_as_the_profile_form_checks_them(client, trainer, course):
    cohort = make_cohort(trainer, course)
    text = (
        HEADER
        + "<script>alert(1)</script>,a@example.com,GP,\n"
        + ",b@example.com,GP,\n"
        + f"{'A' * 81},c@example.com,GP,\n"
        + "Aisha O'Neill-Khan,d@example.com,GP,\n"
    )
    page = upload(client, cohort, text).text
    assert "Line 2: The name has characters a name does not" in page
    assert "Line 3: No name: give the person’s full name." in page
    assert "Line 4: The name is longer than 80 characters." in page
    assert "Line 5" not in page
    assert "<script>alert(1)</script>" not in page
    assert not CohortInvitation.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (
            b"name;e-mail;profession\nA;a@example.com;GP\n",
            "The first row must name the columns",
        ),
        (HEADER.encode() + "Zoë Brontë,zoe@example.com,GP,\n".encode("latin-1"), "not in UTF-8"),
        (HEADER.encode(), "a header row but nobody in it"),
        (HEADER.encode() + b"x" * (1024 * 1024), "larger than 1 MB"),
    ],
)
def test_a_broken_file_gets_a_clear_message_and_imports_nothing(
    client, trainer, course, content, message
):
    cohort = make_cohort(trainer, course)
    response = upload(client, cohort, content)
    assert response.status_code == 400
    assert message in response.text
    assert not CohortMember.objects.exists() and not CohortInvitation.objects.exists()


def test_a_file_of_more_than_five_thousand_people_is_refused():
    rows = "".join(f"P{n},p{n}@example.com,GP,\n" for n in range(5001))
    check = import_check((HEADER + rows).encode())
    assert "more than 5,000 people" in check.problem


# Scope -------------------------------------------------------------------------------------


def test_a_trainer_sees_only_their_cohorts_and_assigned_organisations(client, course):
    alice = UserFactory(roles=[Role.TRAINER])
    bob = UserFactory(roles=[Role.TRAINER])
    alices = make_cohort(alice, course, name="Alice's cohort")
    bobs = make_cohort(bob, course, name="Bob's cohort")
    in_alices = UserFactory()
    in_bobs = UserFactory()
    CohortMember.objects.create(cohort=alices, user=in_alices, via="email")
    CohortMember.objects.create(cohort=bobs, user=in_bobs, via="email")
    cluster = ClusterFactory()
    assigned_practice = OrganisationFactory(cluster=cluster)
    at_practice = UserFactory(organisation=assigned_practice)
    in_cluster = UserFactory(organisation=OrganisationFactory(cluster=cluster))
    elsewhere = UserFactory(organisation=OrganisationFactory())
    TrainerAssignment.objects.create(trainer=alice, organisation=assigned_practice)

    assert set(trainees_in_scope(alice)) == {in_alices, at_practice}
    TrainerAssignment.objects.create(trainer=alice, cluster=cluster)
    assert set(trainees_in_scope(alice)) == {in_alices, at_practice, in_cluster}
    assert set(trainees_in_scope(bob)) == {in_bobs}
    assert elsewhere not in trainees_in_scope(alice)
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    assert in_bobs in trainees_in_scope(admin) and elsewhere in trainees_in_scope(admin)
    assert not trainees_in_scope(UserFactory()).exists()
    assert not trainees_in_scope(UserFactory(roles=[Role.CHAMPION])).exists()

    client.force_login(alice)
    assert "Bob's cohort" not in client.get(reverse("courses:cohort_list")).text
    for name in ("cohort", "cohort_add", "cohort_import", "cohort_link_new"):
        response = client.get(reverse(f"courses:{name}", args=[bobs.pk]))
        assert response.status_code in (404, 405), name
    response = client.post(
        reverse("courses:cohort_add", args=[bobs.pk]), {"emails": "x@example.com"}
    )
    assert response.status_code == 404
    assert not CohortInvitation.objects.exists()


def test_trainees_and_champions_cannot_reach_cohort_pages(client, course):
    cohort = make_cohort(UserFactory(roles=[Role.TRAINER]), course)
    for roles in ([Role.TRAINEE], [Role.CHAMPION]):
        client.force_login(UserFactory(roles=roles))
        assert client.get(reverse("courses:cohort_list")).status_code == 403
        assert client.get(reverse("courses:cohort", args=[cohort.pk])).status_code == 403


def test_what_a_trainer_types_reaches_the_invitation_e_mail_as_text(
    trainer, course, django_capture_on_commit_callbacks
):
    from courses.cohorts.services import ImportRow, import_apply

    cohort = make_cohort(trainer, course)
    cohort.name = 'GPs <img src=x onerror="alert(1)">'
    cohort.save()
    with django_capture_on_commit_callbacks(execute=True):
        import_apply(
            cohort=cohort,
            rows=[ImportRow(2, "<script>alert(1)</script>", "p@example.org", "", None)],
        )

    (message,) = mail.outbox
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    # The links in it still work.
    assert '<a href="http' in html
