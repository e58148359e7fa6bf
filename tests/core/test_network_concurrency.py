"""The network's admin forms sent twenty times at once on PostgreSQL: one organisation, one
assignment, and the others get the form back with a message, never a 500."""

from django.urls import reverse

import pytest

from core.choices import Role
from core.models import Organisation
from courses.cohorts.models import TrainerAssignment
from tests.concurrency import BURST, burst, clients_signed_in, postgresql_only
from tests.factories import ClusterFactory, UserFactory

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def test_an_organisation_added_twenty_times_at_once_is_added_once(home):
    cluster = ClusterFactory()
    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    data = {
        "name": "Race Surgery",
        "kind": "gp_practice",
        "ods_code": "Z99999",
        "cluster": cluster.pk,
    }

    statuses = burst(
        clients_signed_in(administrator), reverse("wagtailsnippets_core_organisation:add"), data
    )

    assert len(statuses) == BURST and set(statuses) <= {200, 302}
    assert Organisation.objects.filter(ods_code="Z99999").count() == 1


def test_an_assignment_made_twenty_times_at_once_is_made_once(home):
    cluster = ClusterFactory()
    trainer = UserFactory(roles=[Role.TRAINER])
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    data = {"trainer": trainer.pk, "organisation": "", "cluster": cluster.pk}

    statuses = burst(
        clients_signed_in(admin), reverse("wagtailsnippets_courses_trainerassignment:add"), data
    )

    assert len(statuses) == BURST and set(statuses) <= {200, 302}
    assert TrainerAssignment.objects.filter(trainer=trainer, cluster=cluster).count() == 1
