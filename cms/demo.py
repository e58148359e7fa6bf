"""Demo accounts, one per role, with published passwords. Every function is idempotent."""

from dataclasses import dataclass

from django.db import transaction

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from core.choices import Profession, Role
from core.models import User
from core.organisations import organisation_find
from core.services import user_assign_role


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    email: str
    password: str
    full_name: str
    profession: str
    organisation: str
    # Base32 secret for an authenticator app; set for the roles that must use one.
    totp_secret: str = ""


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        Role.TRAINEE,
        "trainee@example.com",
        "demo-trainee-lumbar",
        "Priya Shah",
        Profession.GP,
        "Riverside Medical Practice",
    ),
    DemoAccount(
        Role.CHAMPION,
        "champion@example.com",
        "demo-champion-lumbar",
        "Tom Okafor",
        Profession.PHYSIOTHERAPIST,
        "Northfield Community Physiotherapy",
        totp_secret="MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U",
    ),
    DemoAccount(
        Role.TRAINER,
        "trainer@example.com",
        "demo-trainer-lumbar",
        "Helen Murray",
        Profession.PHYSIOTHERAPIST,
        "Regional MSK Training Hub",
        totp_secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    ),
    DemoAccount(
        Role.ADMINISTRATOR,
        "admin@example.com",
        "demo-admin-lumbar",
        "Sam Patel",
        Profession.OTHER,
        "Regional MSK Training Hub",
        totp_secret="KRUGKIDROVUWG2ZAMJZG653OEBTG66BA",
    ),
)


@transaction.atomic
def demo_account_ensure(account: DemoAccount) -> User:
    """The account exists with its profile, a verified e-mail address, its role and password.

    An existing account is only written to where it differs from the demo account.
    """
    user = User.objects.filter(email=account.email).first()
    if user is None:
        user = User(
            email=account.email,
            full_name=account.full_name,
            profession=account.profession,
            organisation=organisation_find(account.organisation),
            is_staff=account.role is Role.ADMINISTRATOR,
            is_superuser=account.role is Role.ADMINISTRATOR,
        )
        user.set_password(account.password)
        user.full_clean()
        user.save()
    elif not user.check_password(account.password):
        user.set_password(account.password)
        user.save(update_fields=["password"])
    user_assign_role(user=user, role=Role.TRAINEE)
    user_assign_role(user=user, role=account.role)
    EmailAddress.objects.update_or_create(
        user=user, email=account.email, defaults={"verified": True, "primary": True}
    )
    has_totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    if account.totp_secret and not has_totp:
        TOTP.activate(user, account.totp_secret)
    return user


def demo_accounts_ensure() -> list[User]:
    return [demo_account_ensure(account) for account in DEMO_ACCOUNTS]
