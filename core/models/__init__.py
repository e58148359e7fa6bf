from core.models.audit import AuditEvent
from core.models.network import Cluster, Organisation, OrganisationKind, Region
from core.models.review import ClinicalReview
from core.models.users import User

__all__ = [
    "AuditEvent",
    "ClinicalReview",
    "Cluster",
    "Organisation",
    "OrganisationKind",
    "Region",
    "User",
]
