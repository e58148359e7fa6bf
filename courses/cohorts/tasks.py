"""Background work for trainers: reminder e-mails, on Django's tasks framework (run at once in
development and tests, by the database queue's worker in production)."""

from __future__ import annotations

from django_tasks import task

from core.emails import email_send, service_details
from courses.cohorts.models import ReminderBatch


@task()
def reminder_batch_send(batch_id: int) -> int:
    """E-mail everyone the batch names; how many were sent."""
    batch = ReminderBatch.objects.select_related("course", "trainer").filter(pk=batch_id).first()
    if batch is None:
        return 0
    base = service_details()["service_url"].rstrip("/")
    course_url = base + batch.course.url if batch.course is not None and batch.course.url else base
    sent = 0
    for user in batch.recipients.all().only("email", "full_name"):
        email_send(
            to=user.email,
            subject="a reminder to finish your training",
            template="courses/cohorts/email/reminder.txt",
            context={"batch": batch, "user": user, "course_url": course_url},
        )
        sent += 1
    return sent
