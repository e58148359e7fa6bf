"""Account pages that allauth does not provide: the professional profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

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
