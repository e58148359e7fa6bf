"""The Wagtail admin's user forms, showing the profile fields the platform uses."""

from django import forms

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from cms.models import User

PROFILE_FIELDS = ["full_name", "profession", "registration_number", "organisation"]


class ProfileFieldsMixin(forms.ModelForm):
    first_name = None
    last_name = None

    def clean(self):
        cleaned = super().clean()
        # Run the model's own checks (registration number format) on the profile fields.
        self.instance.profession = cleaned.get("profession", "")
        self.instance.registration_number = cleaned.get("registration_number", "")
        try:
            self.instance.clean()
        except forms.ValidationError as error:
            self.add_error(None, error)
        else:
            cleaned["registration_number"] = self.instance.registration_number
        return cleaned


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
