from core.models.audit import AuditEvent
from core.models.review import ClinicalReview
from core.models.users import User

__all__ = ["AuditEvent", "ClinicalReview", "User"]
