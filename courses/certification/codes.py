"""Certificate codes: unguessable, easy to read aloud and type (`SB-7K2M-Q9TX`).

The alphabet leaves out the characters people confuse (0 and O, 1, I and L), so a code copied
by hand from paper still matches. Eight characters from 31 give about 8.5 × 10¹¹ codes; with
lookups rate-limited per client, guessing one is hopeless.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
PREFIX = "SB"
GROUP = 4
LENGTH = 8
PATTERN = re.compile(rf"^{PREFIX}-[{ALPHABET}]{{{GROUP}}}-[{ALPHABET}]{{{GROUP}}}$")


def code_generate() -> str:
    """A new random code in the printed form."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{PREFIX}-{body[:GROUP]}-{body[GROUP:]}"


def code_normalise(typed: str) -> str | None:
    """The printed form of a code as somebody typed it (any case, spaces or hyphens), or None
    when it cannot be a code at all."""
    compact = re.sub(r"[\s\-–—]+", "", typed or "").upper()
    if compact.startswith(PREFIX) and len(compact) == LENGTH + len(PREFIX):
        compact = compact[len(PREFIX) :]
    if len(compact) != LENGTH or any(character not in ALPHABET for character in compact):
        return None
    return f"{PREFIX}-{compact[:GROUP]}-{compact[GROUP:]}"
