"""The Wagtail admin's user forms, showing the profile fields the platform uses."""

from django import forms

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from core.models import User

PROFILE_FIELDS = ["full_name", "profession", "registration_number", "organisation"]


class ProfileFieldsMixin(forms.ModelForm):
    """Drops first and last name; the model's own clean() checks the registration number."""

    first_name = None
    last_name = None


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
