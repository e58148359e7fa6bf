"""Account pages that allauth does not provide: the profile, the holder's own data and the
account's deletion, and the way into the admin."""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from allauth.account import app_settings as allauth_settings
from allauth.account.decorators import reauthentication_required
from allauth.account.internal.flows.login import record_authentication
from allauth.account.models import EmailAddress
from allauth.account.views import ConfirmEmailView as AllauthConfirmEmailView
from allauth.mfa.totp.views import ActivateTOTPView as AllauthActivateTOTPView

from cms.forms import AccountDeleteForm, ProfileForm
from cms.models import SiteSettings
from cms.personal_data import account_deletion_refusal, account_erase, personal_data
from core.audit import Kind, audit_record
from core.models import User

MESSAGE_PROFILE_SAVED = "Your profile has been saved."
MESSAGE_ACCOUNT_DELETED = (
    "Your account has been deleted. Your name, e-mail address and profile are gone; your "
    "answers are kept only as anonymous statistics."
)


@login_required
def profile(request):
    """Show and edit the signed-in user's profile."""
    # A copy of the user: a form that fails to save must not change the name in the header.
    form = ProfileForm(request.POST or None, instance=User.objects.get(pk=request.user.pk))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, MESSAGE_PROFILE_SAVED)
        return redirect("account_profile")
    return render(request, "cms/profile.html", {"form": form})


@login_required
@require_GET
def your_data(request):
    """What the site holds about the signed-in person, the ways to download it, and deletion."""
    return render(request, "cms/your_data.html", {"data": personal_data(request.user)})


@login_required
@require_GET
def your_data_download(request):
    """Everything held about the signed-in person, as a JSON file."""
    data = personal_data(request.user)
    audit_record(Kind.DATA_EXPORTED, subject=request.user, format="JSON file")
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    filename = f"startback-training-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def your_data_summary(request):
    """The same data as the download, as a page to read or print."""
    audit_record(Kind.DATA_EXPORTED, subject=request.user, format="readable summary")
    return render(request, "cms/your_data_summary.html", {"data": personal_data(request.user)})


@login_required
@reauthentication_required(allow_get=True)
def account_delete(request):
    """Delete the signed-in person's account once they confirm.

    Sending the confirmation needs a recent sign-in: otherwise allauth asks for the password
    (or, with two-factor authentication, a code) first, with its rate limits, and comes back.
    """
    refusal = account_deletion_refusal(request.user)
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not refusal and form.is_valid():
        user = request.user
        if account_erase(user):
            messages.success(request, MESSAGE_ACCOUNT_DELETED)
        logout(request)
        return redirect("/")
    return render(request, "cms/account_delete.html", {"form": form, "refusal": refusal})


class ConfirmEmailView(AllauthConfirmEmailView):
    """allauth's confirmation page, which also knows a link that has already done its work.

    allauth finds no confirmation for a key whose address is already confirmed and would call
    the link expired or invalid; this tells the person it is confirmed and offers sign-in.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["already_confirmed"] = not context.get("confirmation") and key_already_confirmed(
            self.kwargs["key"]
        )
        return context


def key_already_confirmed(key: str) -> bool:
    """Whether a confirmation link's key names an address that is confirmed already."""
    try:
        pk = signing.loads(key, salt=allauth_settings.SALT)
    except signing.BadSignature:
        return False
    return EmailAddress.objects.filter(pk=pk, verified=True).exists()


def server_error(request):
    """The 500 page, with the support address when the database can still give it."""
    try:
        support_email = SiteSettings.for_request(request).support_email
    except Exception:  # noqa: BLE001  (the error may be the database itself: show the page anyway)
        support_email = ""
    html = loader.get_template("500.html").render({"support_email": support_email})
    return HttpResponseServerError(html)


def admin_login(request):
    """Where the Wagtail admin sends people it will not let in.

    Visitors go to the site's sign-in page (rate limits, second factor) and come back. Someone
    already signed in whose role has no admin access is told so, instead of being sent to sign in
    again (which would send them straight back here).
    """
    if request.user.is_authenticated:
        return render(request, "403.html", status=403)
    return _to_sign_in(request, reverse("wagtailadmin_home"))


class ActivateTOTPView(AllauthActivateTOTPView):
    """Setting up an authenticator: the code just entered proves it, so this session counts as
    having used its second factor (the middleware signs out staff sessions that have not)."""

    def form_valid(self, form):
        response = super().form_valid(form)
        record_authentication(self.request, self.request.user, "mfa", type="totp")
        return response


def not_found(request):
    raise Http404("No such page")


def frontend_login(request):
    """Wagtail's own front-end login address (`/_util/login/`, Django's password-only
    LoginView), sent to the site's sign-in page instead, for a GET and a POST alike: nothing
    here reads a password."""
    return _to_sign_in(request, "/")


def _to_sign_in(request, default_next: str):
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = default_next
    query = urlencode({"next": target or default_next})
    return redirect(f"{reverse('account_login')}?{query}")
