"""Someone invited to a cohort joins it once they confirm the address they were invited at."""

from django.dispatch import receiver

from allauth.account.signals import email_confirmed

from courses.cohorts.cache import data_changed
from courses.cohorts.services import invitations_accept


@receiver(email_confirmed, dispatch_uid="cohort_invitations_accept")
def cohort_invitations_accept(sender, request, email_address, **kwargs):
    user = email_address.user
    if user.email.lower() == email_address.email.lower():
        invitations_accept(user=user)


def _user_saved(sender, instance, update_fields=None, **kwargs):
    # Signing in only stamps last_login, which no figure uses.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    data_changed()


def _connect_figures() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from core.models import User
    from courses.certification.models import Certificate
    from courses.cohorts.models import Cohort, CohortMember, TrainerAssignment
    from courses.learning.models import Enrolment, LessonCompletion
    from courses.quiz.models import Sitting, SittingAnswer
    from scoring_practice.models import Attempt, DrillAnswer

    post_save.connect(_user_saved, sender=User, dispatch_uid="trainer-figures-user-save")
    post_delete.connect(data_changed, sender=User, dispatch_uid="trainer-figures-user-delete")
    # Deletions are watched only where rows are few: a receiver on the many (lessons completed,
    # answers, attempts) would stop Django deleting them in bulk. Their deletions (an account or a
    # course going) leave the figures stale until the next write, or six hours at most.
    few = (Certificate, Cohort, CohortMember, TrainerAssignment)
    many = (Enrolment, LessonCompletion, Sitting, SittingAnswer, Attempt, DrillAnswer)
    for model in few + many:
        uid = f"trainer-figures-{model._meta.label_lower}"
        post_save.connect(data_changed, sender=model, dispatch_uid=f"{uid}-save")
        if model in few:
            post_delete.connect(data_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(
        data_changed, sender=Cohort.trainers.through, dispatch_uid="trainer-figures-trainers"
    )


_connect_figures()
