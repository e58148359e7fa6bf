"""Account pages that allauth does not provide: the profile, the holder's own data and the
account's deletion, and the way into the admin."""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from allauth.account.decorators import reauthentication_required

from cms.forms import AccountDeleteForm, ProfileForm
from cms.personal_data import account_deletion_refusal, account_erase, personal_data
from core.audit import Kind, audit_record

MESSAGE_PROFILE_SAVED = "Your profile has been saved."
MESSAGE_ACCOUNT_DELETED = (
    "Your account has been deleted. Your name, e-mail address and profile are gone; your "
    "answers are kept only as anonymous statistics."
)


@login_required
def profile(request):
    """Show and edit the signed-in user's profile."""
    form = ProfileForm(request.POST or None, instance=request.user)
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


def admin_login(request):
    """Where the Wagtail admin sends people it will not let in.

    Visitors go to the site's sign-in page (rate limits, second factor) and come back. Someone
    already signed in whose role has no admin access is told so, instead of being sent to sign in
    again (which would send them straight back here).
    """
    if request.user.is_authenticated:
        return render(request, "403.html", status=403)
    query = urlencode({"next": request.GET.get("next", reverse("wagtailadmin_home"))})
    return redirect(f"{reverse('account_login')}?{query}")
