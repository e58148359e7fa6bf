"""Factories shared by every app's tests."""

from wagtail.models import Page, Site

import factory
import wagtail_factories

from cms.models import ContentPage, HomePage
from core.choices import Profession, Role
from core.models import Cluster, Organisation, OrganisationKind, Region, User
from core.services import user_assign_role

DEFAULT_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A verified, active user; pass `roles=[Role.TRAINER]` to put them in groups."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"clinician{n}@example.com")
    full_name = factory.Faker("name", locale="en_GB")
    profession = Profession.GP
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()
        for role in extracted or [Role.TRAINEE]:
            user_assign_role(user=self, role=role)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Cluster {n}")
    slug = factory.Sequence(lambda n: f"cluster-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Practice {n}")
    kind = OrganisationKind.GP_PRACTICE
    ods_code = factory.Sequence(lambda n: f"Z{n:05d}")
    cluster = factory.SubFactory(ClusterFactory)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    slug = "home"
    hero_heading = "Stratified care for low back pain"
    hero_text = "Training for GPs and physiotherapists."
    intro = "<p>What the training is.</p>"


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Guidance page {n}")
    intro = "A one-sentence summary."
    body = [("paragraph", "<p>Body text.</p>")]


def site_with_home(**home_kwargs) -> HomePage:
    """Replace Wagtail's placeholder page with a HomePage and make it the default site's root."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, **home_kwargs)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home
