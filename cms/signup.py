"""allauth's sign-up form, with the e-mail address first and the profile before the password.

Kept apart from `cms.forms` because allauth builds its sign-up form on top of
`cms.forms.SignupProfileForm` when its forms module is imported.
"""

from allauth.account.forms import SignupForm

FIELD_ORDER = [
    "email",
    "full_name",
    "profession",
    "registration_number",
    "organisation",
    "password1",
    "password2",
]


class OrderedSignupForm(SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(FIELD_ORDER)
        self.fields["email"].label = "E-mail address"
        self.fields["email"].help_text = "We will send a link to this address to confirm it."
        self.fields["password1"].label = "Create a password"
        self.fields["password2"].label = "Type the password again"
