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
        # A no-op on other databases (Django checks the vendor itself).
        TrigramExtension(),
        migrations.RunPython(_run(CREATE), _run(DROP)),
    ]
