"""Hooks into django-allauth: what happens when somebody signs up, where sign-in lands, failed
sign-ins audited, and e-mails in the service's name and style."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from wagtail.models import Site

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context

from cms.audit import client_address
from cms.models import SiteSettings
from core.audit import Kind, audit_record
from core.choices import Role
from core.emails import email_html
from core.models import User
from core.services import user_assign_role

LOCK_OUT_RECORDED_KEY = "cms:lock-out-recorded:{who}"
LOCK_OUT_RECORD_SECONDS = 60


def _account_for(credentials) -> User | None:
    email = (credentials.get("email") or credentials.get("username") or "").strip()
    return User.objects.filter(email__iexact=email).first() if email else None


def service_details(request) -> dict[str, str]:
    """The service's name, address and support address, from the site settings, for e-mails."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    site_settings = SiteSettings.for_site(site) if site else SiteSettings()
    return {
        "service_name": site_settings.service_name,
        "service_url": request.build_absolute_uri("/")
        if request
        else settings.WAGTAILADMIN_BASE_URL,
        "support_email": site_settings.support_email,
    }


class AccountAdapter(DefaultAccountAdapter):
    """Everyone who signs up becomes a trainee; failed and refused sign-ins are audited; e-mails
    carry the service's name and address and have an HTML part in the site's style."""

    def send_mail(self, template_prefix, email, context):
        super().send_mail(
            template_prefix, email, {**service_details(allauth_context.request), **context}
        )

    def format_email_subject(self, subject):
        return f"{service_details(allauth_context.request)['service_name']}: {subject}"

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            html = email_html(
                subject=str(message.subject),
                body=str(message.body),
                details=service_details(context.get("request")),
            )
            message.attach_alternative(html, "text/html")
        return message

    def save_user(self, request, user, form, commit=True):
        user.signed_up = True
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user_assign_role(user=user, role=Role.TRAINEE)
        return user

    def get_login_redirect_url(self, request):
        # A `next` address is honoured before this is asked. Otherwise learners land where they
        # work, unless their profile still lacks what the site needs from them.
        user = request.user
        if user.is_authenticated and not (user.full_name and user.profession):
            return reverse("account_profile")
        return super().get_login_redirect_url(request)

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            # The per-account or per-address limit has been reached: this attempt is refused
            # without the password being checked. Recorded once a minute per account (or per
            # address, for an unknown one), so a flood of refused attempts cannot flood the log.
            account = _account_for(credentials)
            who = f"account:{account.pk}" if account else f"address:{client_address(request)}"
            if cache.add(LOCK_OUT_RECORDED_KEY.format(who=who), True, LOCK_OUT_RECORD_SECONDS):
                audit_record(
                    Kind.SIGN_IN_LOCKED, subject=account, known_account=account is not None
                )
            raise

    def authentication_failed(self, request, **credentials):
        # The password is not recorded, nor what was typed as the address when it matches no
        # account: only whether it did.
        account = _account_for(credentials)
        audit_record(Kind.SIGN_IN_FAILED, subject=account, known_account=account is not None)
