"""The Wagtail admin's user forms, showing the profile fields the platform uses."""

from django import forms

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from cms.audit import roles_of
from core.audit import Kind, audit_record, roles_recorded_by_caller
from core.models import User

PROFILE_FIELDS = [
    "full_name",
    "profession",
    "registration_number",
    "organisation",
    "organisation_unlisted",
]


class ProfileFieldsMixin(forms.ModelForm):
    """Drops first and last name (the model's own clean() checks the registration number), and
    records a change of roles as one audit event, from the roles before to the roles after,
    rather than one per group added or removed."""

    first_name = None
    last_name = None

    def save(self, commit=True):
        before = roles_of(self.instance) if self.instance.pk else []
        token = roles_recorded_by_caller.set(True)
        try:
            user = super().save(commit=commit)
        finally:
            roles_recorded_by_caller.reset(token)
        if commit:
            after = roles_of(user)
            if after != before:
                audit_record(Kind.ROLE_CHANGED, subject=user, before=before, after=after)
        return user


class AdminUserCreationForm(ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = [*UserCreationForm.Meta.fields - {"first_name", "last_name"}, *PROFILE_FIELDS]


class AdminUserEditForm(ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = [*UserEditForm.Meta.fields - {"first_name", "last_name"}, *PROFILE_FIELDS]


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
