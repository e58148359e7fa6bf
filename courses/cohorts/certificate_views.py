"""A trainer revokes a certificate of someone in their scope (administrators: anyone's)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.roles import trainer_required
from courses.certification.forms import RevokeForm
from courses.certification.selectors import certificate_by_code
from courses.certification.services import certificate_revoke
from courses.cohorts.scope import sees_everyone, trainees_in_scope


def _certificate_in_scope(user, code: str):
    """The certificate with exactly this code, held by someone the user is responsible for;
    None otherwise, so a certificate out of scope answers as one that does not exist."""
    certificate = certificate_by_code(code)
    if certificate is None or certificate.code != code:
        return None
    if sees_everyone(user) or trainees_in_scope(user).filter(pk=certificate.holder_id).exists():
        return certificate
    return None


@trainer_required
@require_http_methods(["GET", "POST"])
def certificate_revoke_view(request: HttpRequest, code: str) -> HttpResponse:
    """A trainer or administrator revokes a certificate, giving the reason the public sees."""
    certificate = _certificate_in_scope(request.user, code)
    if certificate is None:
        raise Http404("No such certificate")
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate_revoke(
                certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error.message_dict.get("reason", error.messages))
        else:
            messages.success(request, f"Certificate {certificate.code} is revoked.")
            return redirect("courses:certificate_verify", code=certificate.code)
    return render(
        request,
        "courses/certification/revoke.html",
        {"certificate": certificate, "status": certificate.status(), "form": form},
    )
