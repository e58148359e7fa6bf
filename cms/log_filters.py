"""Logging filters for the site."""

import logging


class NoTracebackBelow500(logging.Filter):
    """Keeps the one-line record of a refused or missing page, without the exception's traceback.

    Django logs every 403 and 404 with the exception that caused it, so each refused request
    printed a full traceback, burying real errors. A 5xx keeps its traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
