"""Checks on professional registration numbers.

Formats: the GMC (doctors) issues 7-digit numbers; the HCPC (physiotherapists and other allied
health professionals) a two- or three-letter profession prefix followed by digits, "PH" for
physiotherapists; the NMC (nurses and midwives) a PIN of two digits, a letter, four digits and a
letter, e.g. 12A3456E; the GPhC (pharmacists) 7-digit numbers.
"""

import re

from django.core.exceptions import ValidationError

from core.choices import Profession

# [0-9], not \d: only ASCII digits are registration numbers.
GMC_PATTERN = re.compile(r"^[0-9]{7}$")
HCPC_PATTERN = re.compile(r"^[A-Z]{2,3}[0-9]{5,6}$")  # PH, OT, SL, ...; PYL, ODP, HAD
HCPC_PHYSIO_PATTERN = re.compile(r"^PH[0-9]{5,6}$")
NMC_PATTERN = re.compile(r"^[0-9]{2}[A-Z][0-9]{4}[A-Z]$")
GPHC_PATTERN = re.compile(r"^[0-9]{7}$")

MESSAGE_GP = "Enter a GMC number: 7 digits, for example 1234567."
MESSAGE_PHYSIO = "Enter an HCPC number: PH followed by 5 or 6 digits, for example PH123456."
MESSAGE_NURSE = "Enter an NMC PIN: 2 digits, a letter, 4 digits and a letter, for example 12A3456E."
MESSAGE_PHARMACIST = "Enter a GPhC number: 7 digits, for example 2012345."
MESSAGE_OTHER = (
    "Enter a GMC number (7 digits), an HCPC number (2 or 3 letters and 5 or 6 digits) "
    "or an NMC PIN (for example 12A3456E)."
)

_RULES: dict[str, tuple[tuple[re.Pattern[str], ...], str]] = {
    Profession.GP: ((GMC_PATTERN,), MESSAGE_GP),
    Profession.PHYSIOTHERAPIST: ((HCPC_PHYSIO_PATTERN,), MESSAGE_PHYSIO),
    Profession.NURSE: ((NMC_PATTERN,), MESSAGE_NURSE),
    Profession.PHARMACIST: ((GPHC_PATTERN,), MESSAGE_PHARMACIST),
    Profession.OTHER: ((GMC_PATTERN, HCPC_PATTERN, NMC_PATTERN), MESSAGE_OTHER),
}


def normalise_registration_number(value: str) -> str:
    """Upper-case and strip spaces and hyphens, the ways people commonly write these numbers."""
    return re.sub(r"[\s-]", "", value or "").upper()


def validate_registration_number(*, profession: str, number: str) -> str:
    """Return the normalised number, or raise ValidationError naming the expected format.

    A blank number is allowed: registration is optional.
    """
    normalised = normalise_registration_number(number)
    if not normalised:
        return ""
    patterns, message = _RULES.get(profession, _RULES[Profession.OTHER])
    if not any(pattern.match(normalised) for pattern in patterns):
        raise ValidationError(message, code="invalid_registration_number")
    return normalised


# A person's name: letters from any alphabet, spaces, and the punctuation names use (hyphen,
# apostrophe, full stop). Nothing else, so a name copied into an e-mail cannot carry a link or
# a message.
# A full stop only ends an initial or a title ("J. Smith", "Dr. Ng"), so "example.com" is refused.
NAME_PATTERN = re.compile(r"^[^\W\d_]+(?:(?:[ '’\-]+|\.\s+)[^\W\d_]+)*\.?$")
NAME_MAX_LENGTH = 80
MESSAGE_NAME = (
    "Enter your name using letters, spaces, hyphens and apostrophes only, for example "
    "Aisha O'Neill-Khan."
)
MESSAGE_NAME_LENGTH = f"Enter a name of {NAME_MAX_LENGTH} characters or fewer."


def validate_person_name(value: str) -> None:
    """Raise ValidationError unless `value` reads as a person's name."""
    value = (value or "").strip()
    if len(value) > NAME_MAX_LENGTH:
        raise ValidationError(MESSAGE_NAME_LENGTH, code="name_too_long")
    if value and not NAME_PATTERN.match(value):
        raise ValidationError(MESSAGE_NAME, code="invalid_name")


# Organisation Data Service codes: a GP practice is a letter and five digits (A81001); trusts,
# their sites, ICBs and other providers are 3 to 6 letters and digits (RX1, RX1AB, QHM, NQT01).
ODS_PATTERN = re.compile(r"^[A-Z0-9]{3,6}$")
MESSAGE_ODS = (
    "Enter an ODS code of 3 to 6 letters and digits, for example A81001 for a GP practice or "
    "RX1 for a trust."
)


def normalise_ods_code(value: str) -> str:
    """Upper case, without spaces, as the ODS writes codes."""
    return re.sub(r"\s+", "", value or "").upper()


def validate_ods_code(value: str) -> None:
    code = normalise_ods_code(value)
    if code and (not ODS_PATTERN.match(code) or code.isdigit()):
        raise ValidationError(MESSAGE_ODS, code="ods_code")
