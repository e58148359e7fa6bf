"""The demo network: one region, three clusters of GP practices and the physiotherapy services
they refer to, and a regional training hub. Codes are ODS-shaped but fictional (Z…). Idempotent:
a second run finds what the first made."""

from django.db import transaction

from core.models import Cluster, Organisation, OrganisationKind, Region

REGION = ("North Mercia", "north-mercia")
# (cluster name, slug, description, practices as (name, code), physiotherapy service)
CLUSTERS = (
    (
        "Riverside",
        "riverside",
        "Three practices along the river and the community physiotherapy service they share.",
        (
            ("Riverside Medical Practice", "Z10001"),
            ("Bridge Street Surgery", "Z10002"),
            ("Weir Lane Health Centre", "Z10003"),
        ),
        ("Riverside Community Physiotherapy", "ZRV01"),
    ),
    (
        "Northfield",
        "northfield",
        "Practices on the north side of the city, referring to Northfield MSK.",
        (
            ("Northfield Group Practice", "Z20001"),
            ("Kingsway Surgery", "Z20002"),
            ("Elm Grove Medical Centre", "Z20003"),
        ),
        ("Northfield Community Physiotherapy", "ZNF01"),
    ),
    (
        "Hillcrest",
        "hillcrest",
        "Rural practices in the hills and the physiotherapy service at the community hospital.",
        (
            ("Hillcrest Surgery", "Z30001"),
            ("Moorside Practice", "Z30002"),
            ("Valley View Medical Practice", "Z30003"),
        ),
        ("Hillcrest Hospital Physiotherapy", "ZHC01"),
    ),
)
HUB = ("Regional MSK Training Hub", "ZTH01")


def _organisation(name: str, code: str, kind: str, cluster: Cluster | None) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        ods_code=code, defaults={"name": name, "kind": kind, "cluster": cluster}
    )
    return organisation


@transaction.atomic
def demo_network_ensure() -> list[Cluster]:
    region, _ = Region.objects.get_or_create(slug=REGION[1], defaults={"name": REGION[0]})
    clusters = []
    for name, slug, description, practices, (service_name, service_code) in CLUSTERS:
        cluster, _ = Cluster.objects.get_or_create(
            slug=slug, defaults={"name": name, "region": region, "description": description}
        )
        service = _organisation(service_name, service_code, OrganisationKind.PHYSIOTHERAPY, cluster)
        for practice_name, code in practices:
            practice = _organisation(practice_name, code, OrganisationKind.GP_PRACTICE, cluster)
            practice.refers_to.add(service)
        clusters.append(cluster)
    _organisation(*HUB, OrganisationKind.OTHER, None)
    return clusters
