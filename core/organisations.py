"""Reading and matching the organisation network: finding the organisation a person typed, and
resolving the names people gave that are not in the list yet."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, QuerySet
from django.db.models.functions import Lower

from core.models import Organisation, User


def _key(text: str) -> str:
    """Case and spacing ignored: "riverside  medical practice" is "Riverside Medical Practice"."""
    return " ".join((text or "").lower().split())


def organisation_label(organisation: Organisation) -> str:
    """How an organisation is offered in the list, and what choosing it puts in the field."""
    return str(organisation)


def organisation_find(typed: str) -> Organisation | None:
    """The organisation someone typed or chose: by name, by ODS code, or as the list shows it
    ("Name (CODE)"), ignoring case and spaces; None if nothing matches exactly one."""
    key = _key(typed)
    if not key:
        return None
    if key.endswith(")") and " (" in key:
        code = key.rsplit(" (", 1)[1].rstrip(")")
        found = Organisation.objects.filter(ods_code__iexact=code).first()
        if found is not None:
            return found
    by_code = Organisation.objects.filter(ods_code__iexact=key.replace(" ", "")).first()
    if by_code is not None:
        return by_code
    named = list(Organisation.objects.annotate(lowered=Lower("name")).filter(lowered=key)[:2])
    return named[0] if len(named) == 1 else None


def organisation_options() -> list[str]:
    """Every organisation as the searchable list offers it, in name order."""
    return [organisation_label(o) for o in Organisation.objects.only("name", "ods_code")]


def unlisted_names() -> QuerySet:
    """The organisation names people gave that are not in the list, with how many gave each."""
    return (
        User.objects.exclude(organisation_unlisted="")
        .values("organisation_unlisted")
        .annotate(people=Count("pk"))
        .order_by("organisation_unlisted")
    )


@transaction.atomic
def unlisted_resolve(*, typed: str, organisation: Organisation) -> int:
    """Put everyone who gave this name (ignoring case) in the organisation; returns how many
    people moved."""
    typed = (typed or "").strip()
    if not typed:
        return 0
    return User.objects.filter(organisation_unlisted__iexact=typed).update(
        organisation=organisation, organisation_unlisted=""
    )


def organisation_claim_unlisted(organisation: Organisation) -> int:
    """After an organisation is added or renamed: the people who gave its name or code join it."""
    moved = unlisted_resolve(typed=organisation.name, organisation=organisation)
    if organisation.ods_code:
        moved += unlisted_resolve(typed=organisation.ods_code, organisation=organisation)
    return moved


def organisation_saved(sender, instance: Organisation, raw: bool = False, **kwargs) -> None:
    """On every save of an organisation (not while loading fixtures)."""
    if not raw:
        organisation_claim_unlisted(instance)
