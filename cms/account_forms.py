"""allauth's sign-in and sign-up forms, worded as the NHS.UK design system asks.

Kept apart from `cms.forms` because allauth builds its sign-up form on top of
`cms.forms.SignupProfileForm` when its forms module is imported.
"""

from allauth.account.forms import LoginForm, SignupForm
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm

FIELD_ORDER = [
    "email",
    "full_name",
    "profession",
    "registration_number",
    "organisation_name",
    "organisation_not_listed",
    "password1",
    "password2",
]


REQUIRED_MESSAGES = {
    "email": "Enter your e-mail address.",
    "password1": "Create a password.",
    "password2": "Type the password again.",
}


class OrderedSignupForm(SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(FIELD_ORDER)
        self.fields["email"].label = "E-mail address"
        self.fields["email"].help_text = "We will send a link to this address to confirm it."
        self.fields["password1"].label = "Create a password"
        self.fields["password2"].label = "Type the password again"
        for name, message in REQUIRED_MESSAGES.items():
            self.fields[name].error_messages["required"] = message


class AccountLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "E-mail address"
        self.fields["login"].error_messages["required"] = "Enter your e-mail address."
        self.fields["password"].error_messages["required"] = "Enter your password."
        # The page has its own "Forgotten your password?" link below the button.
        self.fields["password"].help_text = ""


CODE_ATTRS = {
    # A phone shows its number pad, and offers the code from an SMS or authenticator app.
    "inputmode": "numeric",
    "autocomplete": "one-time-code",
    "pattern": "[0-9]*",
    "spellcheck": "false",
    "class": "nhsuk-input--width-10",
}
CODE_LABEL = "6-digit code from your authenticator app (or a recovery code)"
CODE_REQUIRED = "Enter the code from your authenticator app."


def _code_field(form, label: str) -> None:
    field = form.fields["code"]
    field.label = label
    field.error_messages["required"] = CODE_REQUIRED
    field.widget.attrs = {**CODE_ATTRS}


class CodeAuthenticateForm(AuthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _code_field(self, CODE_LABEL)


class CodeReauthenticateForm(ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _code_field(self, CODE_LABEL)


class CodeActivateTOTPForm(ActivateTOTPForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _code_field(self, "6-digit code from your authenticator app")
