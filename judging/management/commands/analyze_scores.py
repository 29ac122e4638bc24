"""Analyse scores collected offline: `analyze_scores FILE.csv [--normalize none|zscore]`."""

import json

from django.core.management.base import BaseCommand, CommandError

from judging.stats import NORMALIZE_CHOICES, analyze

from ._tabular import number, proposal_id, read_csv


class Command(BaseCommand):
    help = (
        "Menganalisis nilai lembar penilaian dari berkas CSV berkolom proposal,judge,score "
        "(skor 0-100 per lembar): peringkat, normalisasi z-score per juri, alpha "
        "Krippendorff, ICC, dan keparahan juri; dicetak sebagai satu objek JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Berkas CSV berkolom proposal,judge,score.")
        parser.add_argument(
            "--normalize",
            choices=NORMALIZE_CHOICES,
            default="zscore",
            help="Normalisasi nilai: none atau zscore per juri (bawaan: zscore).",
        )

    def handle(self, *args, **options):
        rows = []
        for line, row in read_csv(options["file"], ("proposal", "judge", "score")):
            score = number(row["score"], line, "score")
            if not 0 <= score <= 100:
                raise CommandError(f"Baris {line}: score {row['score']} di luar rentang 0-100.")
            rows.append((proposal_id(row["proposal"]), row["judge"], score))
        try:
            analysis = analyze(rows, normalize=options["normalize"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(analysis.as_json(), ensure_ascii=False))
