from core.models.review import ClinicalReview
from core.models.users import User

__all__ = ["ClinicalReview", "User"]
