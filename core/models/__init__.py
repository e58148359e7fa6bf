from core.models.users import User

__all__ = ["User"]
