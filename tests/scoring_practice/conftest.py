import pytest

from tests.scoring_practice.factories import PracticeIndexPageFactory


@pytest.fixture
def practice(home):
    """The practice index page under the home page."""
    index = PracticeIndexPageFactory(parent=home)
    index.save_revision().publish()
    return index
