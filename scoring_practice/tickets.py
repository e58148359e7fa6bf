"""The signed ticket carried by a vignette's answer form.

It records who was shown the form, for which page and revision, when, and a fresh token for the
attempt. It is signed, so the trainee cannot change the revision they are judged against or the
time they started, and the token makes a second submission of the same form find the first attempt.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core import signing
from django.utils import timezone

SALT = "scoring_practice.attempt-ticket"
# Long enough for a slow reader; after this the form asks to be submitted again.
MAX_AGE = timedelta(hours=12)


@dataclass(frozen=True)
class Ticket:
    user_id: int
    page_id: int
    revision_id: int | None
    started_at: datetime
    token: uuid.UUID


def ticket_issue(*, user_id: int, page_id: int, revision_id: int | None) -> str:
    """A new signed ticket for a form shown now."""
    return signing.dumps(
        {
            "u": user_id,
            "p": page_id,
            "r": revision_id,
            "t": timezone.now().timestamp(),
            "k": uuid.uuid4().hex,
        },
        salt=SALT,
        compress=True,
    )


def ticket_read(value: str, *, user_id: int, page_id: int) -> Ticket | None:
    """The ticket, if it is genuine, unexpired and was issued to this user for this page."""
    try:
        data = signing.loads(value or "", salt=SALT, max_age=MAX_AGE)
        ticket = Ticket(
            user_id=int(data["u"]),
            page_id=int(data["p"]),
            revision_id=None if data["r"] is None else int(data["r"]),
            started_at=datetime.fromtimestamp(float(data["t"]), tz=timezone.get_current_timezone()),
            token=uuid.UUID(data["k"]),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if ticket.user_id != user_id or ticket.page_id != page_id:
        return None
    return ticket
