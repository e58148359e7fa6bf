from cms.models.pages import ContentPage, HomePage
from cms.models.settings import SiteSettings
from cms.models.users import User

__all__ = ["ContentPage", "HomePage", "SiteSettings", "User"]
