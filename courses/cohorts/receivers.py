"""Someone invited to a cohort joins it once they confirm the address they were invited at."""

from django.dispatch import receiver

from allauth.account.signals import email_confirmed

from courses.cohorts.services import invitations_accept


@receiver(email_confirmed, dispatch_uid="cohort_invitations_accept")
def cohort_invitations_accept(sender, request, email_address, **kwargs):
    user = email_address.user
    if user.email.lower() == email_address.email.lower():
        invitations_accept(user=user)
