"""PostgreSQL search support: pg_trgm, a GIN index on the stored search vector and a
trigram GIN index on the lower-cased title. Nothing happens on SQLite, which searches the
database with a plain LIKE (public.search)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

CREATE = [
    "CREATE INDEX IF NOT EXISTS record_search_gin ON public_innovationrecord USING gin (search)",
    "CREATE INDEX IF NOT EXISTS record_title_trgm ON public_innovationrecord "
    "USING gin (title_key gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS record_search_gin",
    "DROP INDEX IF EXISTS record_title_trgm",
]


class Trigrams(TrigramExtension):
    """pg_trgm; Django checks the vendor going forwards only, so backwards (a test that
    migrates kipp back) would query pg_extension on SQLite."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("public", "0001_initial")]

    operations = [
        # A no-op on other databases, both ways.
        Trigrams(),
        migrations.RunPython(_run(CREATE), _run(DROP)),
    ]
