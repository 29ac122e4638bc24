"""The checklist and notes now live in `Verification` rows (0008 carried the JSON over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("kipp", "0008_verification_rows")]

    operations = [migrations.RemoveField(model_name="proposal", name="verification")]
