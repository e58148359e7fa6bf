"""Recording security events: in the audit log table and as one structured log line each.

`audit_record` is called from signal receivers and services. Who is acting and from which
network address is taken from the request being served, which the site layer's middleware puts
in `audit_context` (a context variable, so each thread or task sees its own); management
commands and background tasks run without one and are recorded with no actor and no address.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from core.models import AuditEvent

logger = logging.getLogger("startback.audit")

Kind = AuditEvent.Kind


@dataclass(frozen=True)
class AuditContext:
    """The request being served: its user (possibly lazy) and client address."""

    user: object | None
    ip_address: str | None


audit_context: ContextVar[AuditContext | None] = ContextVar("audit_context", default=None)


def account_reference(user) -> str:
    """An account's reference in the log: a number, never a name or an address."""
    return f"account {user.pk}" if user is not None and user.pk is not None else ""


def email_domain(address: str) -> str:
    """Only the part after the @: enough to notice a change to an unusual provider."""
    return address.rsplit("@", 1)[-1].lower() if "@" in address else ""


# Set while a form records a role change itself (one event for the whole change), so the
# group-membership receiver does not record each step of it too.
roles_recorded_by_caller: ContextVar[bool] = ContextVar("roles_recorded_by_caller", default=False)


def audit_actor():
    """Who is signed in on the request being served, if anyone."""
    return _current_actor()


def _current_actor():
    context = audit_context.get()
    user = context.user if context else None
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


def audit_record(
    kind: str, *, subject=None, actor=None, record_address: bool = True, **detail: Any
) -> AuditEvent:
    """Write one event to the audit log and to the `startback.audit` logger.

    `actor` defaults to whoever is signed in on the current request, and is left out when that
    is the subject themselves. `record_address=False` leaves the network address out (an
    account's deletion). `detail` must hold no password, code or e-mail address.
    """
    context = audit_context.get() if record_address else None
    actor = actor if actor is not None else _current_actor()
    if actor is not None and subject is not None and actor.pk == subject.pk:
        actor = None
    event = AuditEvent.objects.create(
        kind=kind,
        subject=subject,
        subject_reference=account_reference(subject),
        actor=actor,
        actor_reference=account_reference(actor),
        ip_address=context.ip_address if context else None,
        detail=detail,
    )
    logger.info(
        json.dumps(
            {
                "event": event.kind,
                "at": event.occurred_at.isoformat(),
                "account": event.subject_reference or None,
                "by": event.actor_reference or None,
                "ip": event.ip_address,
                **detail,
            },
            sort_keys=True,
            default=str,
        )
    )
    return event
