from django.db import migrations, models

from scoring_practice import readings

BATCH = 2000
PER_UPDATE = 500  # ids in one UPDATE's IN list, well inside every database's limit


def fill_readings(apps, schema_editor):
    """Work out the new columns for the attempts already stored. Attempts with the same
    readings are updated together, so a few hundred UPDATEs cover many thousands of rows."""
    Attempt = apps.get_model("scoring_practice", "Attempt")
    alike: dict[tuple[str, str, str], list[int]] = {}
    attempts = Attempt.objects.only("pk", "reference", "answers").order_by("pk")
    for attempt in attempts.iterator(chunk_size=BATCH):
        reference, answers = attempt.reference or {}, attempt.answers or {}
        key = (
            readings.item_marks(reference, answers),
            readings.reference_group(reference),
            readings.given_group(answers),
        )
        alike.setdefault(key, []).append(attempt.pk)
    for (marks, reference_group, given_group), pks in alike.items():
        for start in range(0, len(pks), PER_UPDATE):
            Attempt.objects.filter(pk__in=pks[start : start + PER_UPDATE]).update(
                item_marks=marks, reference_group=reference_group, given_group=given_group
            )


class Migration(migrations.Migration):
    """Fill in the readings of the attempts already stored, then index them. Not one
    transaction: the columns are not locked for the whole backfill, and running it again after
    an interruption finishes the job (the backfill only writes what it works out afresh)."""

    atomic = False

    dependencies = [
        ("scoring_practice", "0005_attempt_readings"),
    ]

    operations = [
        migrations.RunPython(fill_readings, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="attempt",
            index=models.Index(
                fields=["user"],
                include=(
                    "submitted_at",
                    "outcome_correct",
                    "item_marks",
                    "reference_group",
                    "given_group",
                    "mistakes",
                ),
                name="attempt_user_readings",
            ),
        ),
    ]
