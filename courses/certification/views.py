"""Certificates for their holders, public verification, the signed credential, and revocation."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from core.emails import service_details
from core.network import rate_limit_exceeded
from courses.certification.codes import code_normalise
from courses.certification.credential import (
    credential_build,
    credential_sign,
    issuer_profile,
    public_jwks,
)
from courses.certification.forms import VerifyForm
from courses.certification.models import Certificate
from courses.certification.pdf import certificate_pdf
from courses.certification.selectors import (
    certificate_by_code,
    certificate_for_holder,
    certificate_list,
)

MESSAGE_RATE_LIMITED = (
    "Too many certificate checks from your network in a short time. Wait {seconds} seconds, "
    "then try again."
)


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def verify_url(request: HttpRequest, certificate: Certificate) -> str:
    return request.build_absolute_uri(certificate.get_absolute_url())


def _limited(request: HttpRequest) -> HttpResponse | None:
    """The "slow down" page when this client has looked up too many certificates."""
    wait = rate_limit_exceeded(
        request, scope="certificate-verify", rate=settings.CERTIFICATE_VERIFY_RATE_LIMIT
    )
    if wait is None:
        return None
    response = render(
        request,
        "courses/certification/verify_form.html",
        {"form": VerifyForm(), "limited": MESSAGE_RATE_LIMITED.format(seconds=wait)},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


def _not_found(request: HttpRequest, typed: str) -> HttpResponse:
    return render(
        request,
        "courses/certification/verify_missing.html",
        {"typed": typed[:40], "form": VerifyForm(initial={"code": typed[:40]})},
        status=404,
    )


def _certificate_exact(code: str) -> Certificate | None:
    """The certificate with exactly this code (the credential and revocation addresses take only
    the printed form; the verification page redirects other spellings to it)."""
    certificate = certificate_by_code(code)
    return certificate if certificate is not None and certificate.code == code else None


@login_required
def certificate_list_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "courses/certification/certificate_list.html",
        {"certificates": certificate_list(user=request.user, page_number=request.GET.get("page"))},
    )


@login_required
def certificate_pdf_view(request: HttpRequest, code: str) -> HttpResponse:
    certificate = certificate_for_holder(user=request.user, code=code)
    if certificate is None:
        raise Http404("No such certificate")
    response = HttpResponse(
        certificate_pdf(certificate, verify_url=verify_url(request, certificate)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


@require_GET
def verify_form(request: HttpRequest) -> HttpResponse:
    """Type a code; a well-formed one goes to its page (which says whether it exists)."""
    if "code" not in request.GET:
        return render(request, "courses/certification/verify_form.html", {"form": VerifyForm()})
    form = VerifyForm(request.GET)
    if not form.is_valid():
        return render(request, "courses/certification/verify_form.html", {"form": form})
    code = code_normalise(form.cleaned_data["code"])
    if code is None:
        if limited := _limited(request):
            return limited
        return _not_found(request, form.cleaned_data["code"])
    return redirect("courses:certificate_verify", code=code)


@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    if limited := _limited(request):
        return limited
    certificate = certificate_by_code(code)
    if certificate is None:
        return _not_found(request, code)
    if certificate.code != code:
        return redirect("courses:certificate_verify", code=certificate.code)
    return render(
        request,
        "courses/certification/verify.html",
        {"certificate": certificate, "status": certificate.status()},
    )


def _credential(request: HttpRequest, certificate: Certificate) -> dict:
    details = service_details(request)
    return credential_build(
        certificate,
        base_url=_base_url(request),
        verify_url=verify_url(request, certificate),
        issuer=issuer_profile(
            base_url=_base_url(request),
            name=details["service_name"],
            support_email=details["support_email"],
        ),
    )


@require_GET
def credential_json(request: HttpRequest, code: str) -> HttpResponse:
    """The Open Badges 3.0 credential, readable; its signed form is `credential.jwt`."""
    if limited := _limited(request):
        return limited
    certificate = _certificate_exact(code)
    if certificate is None:
        return JsonResponse({"detail": "No certificate with this code."}, status=404)
    credential = _credential(request, certificate)
    return HttpResponse(
        json.dumps(credential, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )


@require_GET
def credential_jwt(request: HttpRequest, code: str) -> HttpResponse:
    """The same credential signed as a VC-JWT with the issuer's key."""
    if limited := _limited(request):
        return limited
    certificate = _certificate_exact(code)
    if certificate is None:
        return JsonResponse({"detail": "No certificate with this code."}, status=404)
    response = HttpResponse(
        credential_sign(_credential(request, certificate)), content_type="application/vc+jwt"
    )
    response["Content-Disposition"] = f'attachment; filename="credential-{certificate.code}.jwt"'
    return response


@require_GET
def issuer(request: HttpRequest) -> JsonResponse:
    details = service_details(request)
    return JsonResponse(
        issuer_profile(
            base_url=_base_url(request),
            name=details["service_name"],
            support_email=details["support_email"],
        )
    )


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(public_jwks())
    response["Cache-Control"] = "public, max-age=3600"
    return response
