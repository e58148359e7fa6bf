"""Champion applications and decisions sent twenty times at once on PostgreSQL: one profile, one
decision, one e-mail, and never a 500."""

from django.core import mail
from django.urls import reverse

import pytest

from cms.models import ChampionProfile, NetworkRole
from core.choices import Profession, Role
from core.models import AuditEvent
from tests.concurrency import BURST, burst, clients_signed_in, postgresql_only
from tests.factories import OrganisationFactory, UserFactory

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def test_an_application_sent_twenty_times_at_once_makes_one_profile(home):
    organisation = OrganisationFactory()
    applicant = UserFactory(organisation=organisation)
    data = {
        "display_name": "Sunita Rao",
        "network_role": NetworkRole.CLINICAL_CHAMPION,
        "profession": Profession.NURSE,
        "organisations": [organisation.pk],
        "bio": "",
        "reason": "To help my practice.",
    }

    statuses = burst(clients_signed_in(applicant), reverse("champion_apply"), data)

    assert len(statuses) == BURST and set(statuses) <= {200, 302}
    assert ChampionProfile.objects.filter(user=applicant).count() == 1
    assert AuditEvent.objects.filter(kind="champion_applied", subject=applicant).count() == 1


def test_an_approval_sent_twenty_times_at_once_decides_once(home):
    applicant = UserFactory()
    profile = ChampionProfile.objects.create(
        user=applicant, display_name="Joe", network_role="trainer", profession="gp"
    )
    trainer = UserFactory(roles=[Role.TRAINER])
    url = reverse("champion_application", args=[profile.pk])

    statuses = burst(clients_signed_in(trainer), url, {"approve": "1"})

    assert len(statuses) == BURST and set(statuses) <= {200, 302}
    assert AuditEvent.objects.filter(kind="champion_approved", subject=applicant).count() == 1
    assert len([m for m in mail.outbox if applicant.email in m.to]) == 1
    profile.refresh_from_db()
    assert profile.status == ChampionProfile.Status.APPROVED
