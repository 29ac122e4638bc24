"""Load the 17 Sustainable Development Goals; names are marked for the English catalog."""

from django.db import migrations
from django.utils.translation import gettext_noop as N_

GOALS = [
    (1, N_("Tanpa kemiskinan")),
    (2, N_("Tanpa kelaparan")),
    (3, N_("Kehidupan sehat dan sejahtera")),
    (4, N_("Pendidikan berkualitas")),
    (5, N_("Kesetaraan gender")),
    (6, N_("Air bersih dan sanitasi layak")),
    (7, N_("Energi bersih dan terjangkau")),
    (8, N_("Pekerjaan layak dan pertumbuhan ekonomi")),
    (9, N_("Industri, inovasi dan infrastruktur")),
    (10, N_("Berkurangnya kesenjangan")),
    (11, N_("Kota dan permukiman yang berkelanjutan")),
    (12, N_("Konsumsi dan produksi yang bertanggung jawab")),
    (13, N_("Penanganan perubahan iklim")),
    (14, N_("Ekosistem lautan")),
    (15, N_("Ekosistem daratan")),
    (16, N_("Perdamaian, keadilan dan kelembagaan yang tangguh")),
    (17, N_("Kemitraan untuk mencapai tujuan")),
]


def load(apps, schema_editor):
    SdgGoal = apps.get_model("kipp", "SdgGoal")
    for number, name in GOALS:
        SdgGoal.objects.update_or_create(number=number, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("kipp", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
