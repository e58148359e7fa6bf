from scoring_practice.models.attempts import Attempt, DrillAnswer
from scoring_practice.models.pages import PracticeIndexPage, VignettePage, VignettePublishRefused

__all__ = ["Attempt", "DrillAnswer", "PracticeIndexPage", "VignettePage", "VignettePublishRefused"]
