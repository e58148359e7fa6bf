"""Account pages that allauth does not provide: the profile, and the way into the admin."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from cms.forms import ProfileForm

MESSAGE_PROFILE_SAVED = "Your profile has been saved."


@login_required
def profile(request):
    """Show and edit the signed-in user's profile."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, MESSAGE_PROFILE_SAVED)
        return redirect("account_profile")
    return render(request, "cms/profile.html", {"form": form})


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
