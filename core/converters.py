"""Path converters for practice addresses."""

# The largest id the database can hold; a larger number in an address names nothing.
MAX_ID = 2**63 - 1


class DatabaseIdConverter:
    """A positive whole number small enough to be a database id.

    Larger numbers do not match, so the address is "not found" instead of reaching a query the
    database cannot run.
    """

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 0 < number <= MAX_ID:
            raise ValueError("Not a database id")
        return number

    def to_url(self, value: int) -> str:
        return str(value)


def int_or_none(value) -> int | None:
    """A submitted value as a whole number, or None when it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
