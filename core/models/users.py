"""The platform's user: signs in with an e-mail address and carries a professional profile."""

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models

from core.choices import Profession, Role
from core.validators import validate_person_name, validate_registration_number


class UserManager(BaseUserManager["User"]):
    """Creates users identified by e-mail address rather than a username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using the platform: trainee, champion, trainer or administrator.

    Roles are Django groups (see `core.choices.Role` and the matrix in `core.roles`); the
    professional profile lives on the user so every page that names a person needs no extra query.
    """

    username = None  # type: ignore[assignment]  # signs in by e-mail address; no user name
    email = models.EmailField("e-mail address", unique=True)
    full_name = models.CharField(max_length=150, blank=True, validators=[validate_person_name])
    profession = models.CharField(max_length=20, choices=Profession.choices, blank=True)
    registration_number = models.CharField(
        "professional registration number",
        max_length=20,
        blank=True,
        help_text="GMC, HCPC or NMC number. Optional.",
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        help_text="Your practice, trust or service.",
    )
    organisation_unlisted = models.CharField(
        "organisation not in the list",
        max_length=200,
        blank=True,
        help_text="The organisation as the person named it, while it is not in the network's "
        "list: a trainer adds it or matches it to one that is.",
    )
    signed_up = models.BooleanField(
        "created by signing up",
        default=False,
        editable=False,
        help_text="Made through the sign-up form (not by an administrator): removed if its "
        "address is never confirmed.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # Django's own manager wants a user name; this one creates users by e-mail address.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        ordering = ["email"]
        permissions = [
            (
                "view_trainee_progress",
                "Can see trainees' progress and attempts, and mark their answers",
            )
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        try:
            self.registration_number = validate_registration_number(
                profession=self.profession, number=self.registration_number
            )
        except ValidationError as error:
            raise ValidationError({"registration_number": error.messages}) from error

    @property
    def organisation_display(self) -> str:
        """The organisation's name, or the name the person gave while it is not in the list."""
        organisation = self.organisation
        return organisation.name if organisation is not None else self.organisation_unlisted

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def has_role(self, role: Role) -> bool:
        """Whether the user is in the role's group (superusers hold every role)."""
        if self.is_superuser:
            return True
        return role.value in self.role_names

    @property
    def role_names(self) -> frozenset[str]:
        """Names of the user's groups, fetched once per user object."""
        cached = getattr(self, "_role_names", None)
        if cached is None:
            cached = frozenset(self.groups.values_list("name", flat=True))
            self._role_names = cached
        return cached
