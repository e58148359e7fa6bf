"""Indexes for the champion directory's search on PostgreSQL.

The search matches any part of a champion's name or an organisation's name, ignoring case
(`icontains`, which PostgreSQL runs as `UPPER(column) LIKE UPPER(pattern)`). A B-tree index cannot
serve a pattern with a leading wildcard; a trigram GIN index on the upper-cased column can. It
needs the pg_trgm extension: where the database user may not create it, the indexes are left
out and the search still works, by scanning. SQLite needs neither.
"""

from django.db import migrations, transaction

INDEXES = {
    "champion_display_name_trgm": ("cms_championprofile", "display_name"),
    "organisation_name_trgm": ("core_organisation", "name"),
}


def trigram_indexes_create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001  (no privilege to create it: search works unindexed)
        return
    with connection.cursor() as cursor:
        for name, (table, column) in INDEXES.items():
            cursor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
                f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
            )


def trigram_indexes_drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_champions_and_resources"),
        ("core", "0006_champion_audit_events"),
    ]

    operations = [migrations.RunPython(trigram_indexes_create, trigram_indexes_drop)]
