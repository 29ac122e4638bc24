"""Rebuild the public innovation database from the competition's rows (after bulk imports)."""

from django.core.management.base import BaseCommand

from public.services import records_rebuild


class Command(BaseCommand):
    help = "Membangun ulang database inovasi publik dari data kompetisi."

    def handle(self, *args, **options):
        written = records_rebuild()
        self.stdout.write(self.style.SUCCESS(f"{written} entri inovasi publik."))
