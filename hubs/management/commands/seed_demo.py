"""Load the demo data of SPEC section 6, idempotently; refuses to run in production."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hubs import demo
from judging import demo as judging_demo
from judging import demo_history
from kipp import demo as kipp_demo
from public import demo as public_demo
from replication import demo as replication_demo

# Later apps add their own demo loaders here, in dependency order.
SEEDERS = [
    demo.seed,
    kipp_demo.seed,
    judging_demo.seed,
    demo_history.seed,
    replication_demo.seed,
    public_demo.seed,
]


class Command(BaseCommand):
    help = "Memuat data demo (akun, instansi, hub, wilayah). Aman dijalankan berulang."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Jalankan walaupun DEBUG mati (hanya untuk server demo).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo menolak berjalan saat DEBUG mati; gunakan --force bila memang perlu."
            )
        for seeder in SEEDERS:
            counts = seeder()
            summary = ", ".join(f"{key}: {value}" for key, value in counts.items())
            self.stdout.write(f"{seeder.__module__}: {summary}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Data demo siap. Kata sandi semua akun demo: {settings.KIPP_DEMO_PASSWORD}"
            )
        )
