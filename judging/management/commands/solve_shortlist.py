"""What-if shortlists: `solve_shortlist CANDIDATES.csv --rules RULES.json`."""

import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from judging.shortlist import CLUSTER_LABELS, Candidate, Rules, RulesError, solve

from ._tabular import number, proposal_id, read_csv

COLUMNS = ("proposal", "score", "cluster", "category", "instansi", "is_3t")


@contextmanager
def _solver_chatter_to_stderr():
    """Keep stdout for the JSON: the compiled solver may print to file descriptor 1."""
    try:
        fd = sys.__stdout__.fileno()
    except (AttributeError, OSError, ValueError):
        yield
        return
    sys.__stdout__.flush()
    saved = os.dup(fd)
    try:
        os.dup2(sys.__stderr__.fileno(), fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


class Command(BaseCommand):
    help = (
        "Menyusun daftar pendek optimal (total skor tertinggi yang memenuhi semua aturan "
        "komposisi) dari CSV berkolom proposal,score,cluster,category,instansi,is_3t dan "
        "berkas aturan JSON; mencetak satu objek JSON, juga bila aturan tidak terpenuhi."
    )

    def add_arguments(self, parser):
        parser.add_argument("candidates", help="CSV: " + ",".join(COLUMNS))
        parser.add_argument(
            "--rules",
            required=True,
            help='JSON: {"size": N, "cluster": {nama: {"min": a, "max": b}}, '
            '"category_min": {kategori: k}, "instansi_max": m, "min_3t": t}',
        )

    def handle(self, *args, **options):
        rules = self._rules(options["rules"])
        candidates, seen = [], set()
        for line, row in read_csv(options["candidates"], COLUMNS):
            proposal = proposal_id(row["proposal"])
            if proposal in seen:
                raise CommandError(f"Baris {line}: usulan {proposal} muncul lebih dari sekali.")
            seen.add(proposal)
            cluster = row["cluster"].lower()
            if cluster not in CLUSTER_LABELS:
                raise CommandError(
                    f"Baris {line}: cluster '{row['cluster']}' tidak dikenal "
                    f"(pilihan: {', '.join(CLUSTER_LABELS)})."
                )
            if row["is_3t"] not in ("0", "1"):
                raise CommandError(f"Baris {line}: is_3t harus 0 atau 1, bukan '{row['is_3t']}'.")
            candidates.append(
                Candidate(
                    proposal=proposal,
                    score=number(row["score"], line, "score"),
                    cluster=cluster,
                    category=row["category"],
                    instansi=row["instansi"],
                    is_3t=row["is_3t"] == "1",
                )
            )
        with _solver_chatter_to_stderr():
            solution = solve(candidates, rules)
        self.stdout.write(json.dumps(solution.as_json(), ensure_ascii=False))

    def _rules(self, path: str) -> Rules:
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Berkas aturan tidak ditemukan: {path}")
        try:
            data = json.loads(file.read_text(encoding="utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"Berkas aturan {path} bukan JSON yang sah: {error}") from error
        try:
            return Rules.from_json(data)
        except RulesError as error:
            raise CommandError(f"Aturan tidak sah: {error}") from error
