"""Cells a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `@SUM(…)`) written as text,
in every download the site makes: its own tables and exports, and Wagtail's admin exports."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(cell: str) -> str:
    """The text, with a leading apostrophe when a spreadsheet would read it as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def admin_exports_guard() -> None:
    """Make Wagtail's spreadsheet exporter (reports, snippet and model listings) write every text
    cell through `formula_safe`. Called once by the site when it starts."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "formula_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        processed = original(self, field, value, export_format)
        return formula_safe(processed) if isinstance(processed, str) else processed

    preprocess_field_value.formula_safe = True  # type: ignore[attr-defined]
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
