"""The organisation network: ODS codes, finding the organisation a person typed, the profile's
organisation chosen from the list or named as not listed, and a trainer matching names that
were not in the list."""

import csv
import io

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from core.choices import Role
from core.models import Organisation, OrganisationKind, User
from core.organisations import organisation_find
from core.validators import validate_ods_code
from tests.factories import ClusterFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["A81001", "rx1", " RX1AB ", "QHM", "NQT01"])
def test_well_formed_ods_codes_pass(code):
    validate_ods_code(code)


@pytest.mark.parametrize("code", ["AB", "A810011", "A81-001", "12345", "A8100!"])
def test_malformed_ods_codes_are_refused_with_a_message(code):
    with pytest.raises(ValidationError, match="3 to 6 letters and digits"):
        validate_ods_code(code)


def test_a_practice_code_is_a_letter_and_five_digits_and_codes_are_unique_when_given():
    cluster = ClusterFactory()
    practice = Organisation(
        name="Lakeside Surgery", kind=OrganisationKind.GP_PRACTICE, ods_code="RX1", cluster=cluster
    )
    with pytest.raises(ValidationError) as refused:
        practice.full_clean()
    assert "a letter and 5 digits" in str(refused.value)

    practice.ods_code = "z10009"
    practice.full_clean()
    practice.save()
    assert practice.ods_code == "Z10009"
    twin = Organisation(
        name="Twin", kind=OrganisationKind.GP_PRACTICE, ods_code="Z10009", cluster=cluster
    )
    with pytest.raises(ValidationError, match="ODS code already exists"):
        twin.full_clean()
    # Any number of organisations may have no code.
    for name in ("Hub one", "Hub two"):
        Organisation.objects.create(name=name, kind=OrganisationKind.OTHER, ods_code="")
    assert Organisation.objects.filter(ods_code__isnull=True).count() == 2


def test_a_practice_or_physiotherapy_service_needs_a_cluster():
    service = Organisation(name="Valley MSK", kind=OrganisationKind.PHYSIOTHERAPY)
    with pytest.raises(ValidationError, match="cluster"):
        service.full_clean()
    Organisation(name="North ICB", kind=OrganisationKind.ICB).full_clean()


def test_an_organisation_is_found_by_name_code_or_as_the_list_shows_it():
    lakeside = OrganisationFactory(name="Lakeside Surgery", ods_code="Z10001")
    OrganisationFactory(name="Hill Surgery")
    assert organisation_find("  lakeside   SURGERY ") == lakeside
    assert organisation_find("z10001") == lakeside
    assert organisation_find("Lakeside Surgery (Z10001)") == lakeside
    assert organisation_find("Lakeside") is None
    assert organisation_find("") is None


def profile_post(client, **fields):
    data = {
        "full_name": "Dr Ruth Adeyemi",
        "profession": "gp",
        "registration_number": "",
        **fields,
    }
    return client.post(reverse("account_profile"), data)


def test_the_profile_offers_the_list_and_saves_the_chosen_organisation(client, home):
    lakeside = OrganisationFactory(name="Lakeside Surgery", ods_code="Z10001")
    user = UserFactory()
    client.force_login(user)

    page = client.get(reverse("account_profile")).text
    assert 'list="id_organisation_name-options"' in page
    assert '<option value="Lakeside Surgery (Z10001)">' in page
    assert "My organisation is not listed" in page

    response = profile_post(client, organisation_name="Lakeside Surgery (Z10001)")
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.organisation == lakeside and user.organisation_unlisted == ""
    assert 'value="Lakeside Surgery (Z10001)"' in client.get(reverse("account_profile")).text


def test_an_unknown_organisation_is_refused_unless_marked_not_listed(client, home):
    user = UserFactory(full_name="Dr Old Name")
    client.force_login(user)

    response = profile_post(client, organisation_name="Brookside Surgery")
    assert response.status_code == 200
    assert "No organisation in the list matches “Brookside Surgery”" in response.text
    assert 'value="Brookside Surgery"' in response.text
    user.refresh_from_db()
    assert user.full_name == "Dr Old Name" and user.organisation_unlisted == ""

    response = profile_post(client, organisation_not_listed="on")
    assert "Enter the name of your organisation" in response.text

    response = profile_post(
        client, organisation_name="Brookside Surgery", organisation_not_listed="on"
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.organisation is None and user.organisation_unlisted == "Brookside Surgery"
    page = client.get(reverse("account_profile")).text
    assert 'value="Brookside Surgery"' in page and "checked" in page


def test_listing_an_organisation_by_the_name_people_typed_moves_them_into_it():
    waiting = UserFactory(organisation_unlisted="brookside surgery")
    other = UserFactory(organisation_unlisted="Somewhere else")
    brookside = OrganisationFactory(name="Brookside Surgery")
    waiting.refresh_from_db()
    other.refresh_from_db()
    assert waiting.organisation == brookside and waiting.organisation_unlisted == ""
    assert other.organisation is None and other.organisation_unlisted == "Somewhere else"


@pytest.fixture
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def test_an_administrator_matches_names_not_in_the_list_and_a_trainer_cannot(
    client, home, mfa_satisfied
):
    UserFactory(organisation_unlisted="Riverside MP")
    UserFactory(organisation_unlisted="riverside mp")
    riverside = OrganisationFactory(name="Riverside Medical Practice")
    url = reverse("unlisted_organisations")

    client.force_login(UserFactory(roles=[Role.CHAMPION]))
    assert client.get(url).status_code in (302, 403)
    # Who belongs where decides whom a trainer sees: trainers do not move people (decision 0009).
    client.force_login(UserFactory(roles=[Role.TRAINER]))
    assert client.get(url).status_code in (302, 403)

    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    page = client.get(url).text
    assert "Riverside MP" in page
    response = client.post(url, {"typed": "Riverside MP", "organisation": ""}, follow=True)
    assert "Choose the organisation this name stands for." in response.text
    assert User.objects.filter(organisation=riverside).count() == 0

    response = client.post(
        url, {"typed": "Riverside MP", "organisation": riverside.pk}, follow=True
    )
    assert "2 people are now at Riverside Medical Practice." in response.text
    assert User.objects.filter(organisation=riverside).count() == 2
    assert "Everyone's organisation is in the list." in response.text


def test_a_trainer_searches_filters_and_exports_organisations(client, home, mfa_satisfied):
    north = ClusterFactory(name="Northfield")
    OrganisationFactory(name="Kingsway Surgery", ods_code="Z20002", cluster=north)
    OrganisationFactory(name="Weir Lane Health Centre", ods_code="Z10003")
    client.force_login(UserFactory(roles=[Role.TRAINER]))
    listing = reverse("wagtailsnippets_core_organisation:list")

    found = client.get(listing, {"q": "kingsway"}).text
    assert "Kingsway Surgery" in found and "Weir Lane" not in found
    filtered = client.get(listing, {"cluster": north.pk}).text
    assert "Kingsway Surgery" in filtered and "Weir Lane" not in filtered

    exported = client.get(listing, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert rows[0][:3] == ["Name", "Type", "ODS code"]
    assert rows[next(i for i, row in enumerate(rows) if row[0] == "Kingsway Surgery")][:4] == [
        "Kingsway Surgery",
        "GP practice",
        "Z20002",
        "Northfield",
    ]
