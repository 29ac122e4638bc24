# Joins the final outcome states with the digest, decree, section criterion and
# competition document migrations, which were written side by side from 0012.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kipp", "0013_final_outcome_states"),
        ("kipp", "0017_competition_documents"),
    ]

    operations = []
