"""Professional registration numbers: each profession's format, normalised or refused."""

from django.core.exceptions import ValidationError

import pytest

from core.choices import Profession
from core.validators import (
    MESSAGE_GP,
    MESSAGE_NURSE,
    MESSAGE_PHYSIO,
    validate_person_name,
    validate_registration_number,
)


@pytest.mark.parametrize(
    ("profession", "number", "expected"),
    [
        (Profession.GP, "1234567", "1234567"),
        (Profession.PHYSIOTHERAPIST, "ph 123456", "PH123456"),
        (Profession.NURSE, "12a3456e", "12A3456E"),
        (Profession.PHARMACIST, "2012345", "2012345"),
        (Profession.OTHER, "PH12345", "PH12345"),
        (Profession.OTHER, "PYL12345", "PYL12345"),
        (Profession.GP, "", ""),
    ],
)
def test_registration_numbers_in_the_right_format_are_normalised(profession, number, expected):
    assert validate_registration_number(profession=profession, number=number) == expected


@pytest.mark.parametrize(
    ("profession", "number", "message"),
    [
        (Profession.GP, "PH123456", MESSAGE_GP),
        (Profession.PHYSIOTHERAPIST, "1234567", MESSAGE_PHYSIO),
        (Profession.NURSE, "1234567", MESSAGE_NURSE),
        # Digits from other scripts are digits to Python's \d, but not registration numbers.
        (Profession.GP, "\u0661\u0662\u0663\u0664\u0665\u0666\u0667", MESSAGE_GP),
    ],
)
def test_registration_numbers_in_the_wrong_format_are_refused(profession, number, message):
    with pytest.raises(ValidationError) as caught:
        validate_registration_number(profession=profession, number=number)
    assert caught.value.messages == [message]


@pytest.mark.parametrize(
    "name",
    ["Dr Aisha Khan", "Siân O'Brien", "Jean-Luc Picard", "Łukasz Nowak", "J. R. Smith", "Ng"],
)
def test_names_people_have_are_accepted(name):
    validate_person_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Visit example.com for your prize",
        "Call 07700 900123",
        "See https://example.org",
        "<b>Urgent</b>",
        "Reply: now",
        "a@example.com",
        "x" * 81,
    ],
)
def test_a_name_cannot_carry_a_link_a_number_or_a_message_in_markup(name):
    with pytest.raises(ValidationError):
        validate_person_name(name)
