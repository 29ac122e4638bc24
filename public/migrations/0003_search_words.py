"""The search vocabulary (`SearchWord`): on PostgreSQL a trigram GIN index on its words and
the words of the records already there; nothing more on SQLite."""

from django.db import migrations, models

FILL = (
    "INSERT INTO public_searchword (word) SELECT DISTINCT word FROM public_innovationrecord, "
    "unnest(tsvector_to_array(to_tsvector('simple', title || ' ' || summary || ' ' || "
    "unit_name || ' ' || instansi_name))) AS word "
    "WHERE length(word) <= 64 AND word !~ '^[0-9]+$' ON CONFLICT DO NOTHING"
)
CREATE = "CREATE INDEX IF NOT EXISTS searchword_trgm ON public_searchword USING gin (word gin_trgm_ops)"
DROP = "DROP INDEX IF EXISTS searchword_trgm"


def _run(*statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("public", "0002_search_indexes")]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[("word", models.CharField(max_length=64, primary_key=True, serialize=False))],
            options={"verbose_name": "kata pencarian", "verbose_name_plural": "kata pencarian"},
        ),
        migrations.RunPython(_run(CREATE, FILL), _run(DROP)),
    ]
