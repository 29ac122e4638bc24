"""The final outcome is a proposal state again: winner, outstanding, not_selected, disqualified.

Proposals that passed the administrative selection take the outcome their Result rows
already record, so state and results agree from the start:
- every result revoked -> disqualified;
- a published outstanding -> outstanding; a published top45 -> winner;
- a published top99 in a competition that has published a Top 45 -> not_selected.
No event is written: the timeline records moves made by someone, and these only name what
the results already said. Reversed, these proposals return to admin_passed.
"""

from django.db import migrations, models

OUTCOMES = ["winner", "outstanding", "not_selected", "disqualified"]


def _outcome(results, top45_published: bool) -> str | None:
    if not results:
        return None
    if all(result.revoked_at for result in results):
        return "disqualified"
    counted = {result.level for result in results if result.published_at and not result.revoked_at}
    if "outstanding" in counted:
        return "outstanding"
    if "top45" in counted:
        return "winner"
    if "top99" in counted and top45_published:
        return "not_selected"
    return None


def forwards(apps, schema_editor):
    Proposal = apps.get_model("kipp", "Proposal")
    Result = apps.get_model("kipp", "Result")
    decided = set(
        Result.objects.filter(level="top45", published_at__isnull=False).values_list(
            "proposal__competition_id", flat=True
        )
    )
    passed = Proposal.objects.filter(state="admin_passed", results__isnull=False).distinct()
    moves: dict[str, list[int]] = {}
    for proposal in passed.prefetch_related("results").iterator(chunk_size=500):
        state = _outcome(list(proposal.results.all()), proposal.competition_id in decided)
        if state:
            moves.setdefault(state, []).append(proposal.pk)
    for state, ids in moves.items():
        Proposal.objects.filter(pk__in=ids).update(state=state)


def backwards(apps, schema_editor):
    Proposal = apps.get_model("kipp", "Proposal")
    Proposal.objects.filter(state__in=OUTCOMES).update(state="admin_passed")


class Migration(migrations.Migration):
    dependencies = [
        ("kipp", "0012_proposal_inbox_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="proposal",
            name="state",
            field=models.CharField(
                choices=[
                    ("draft", "Draf"),
                    ("submitted", "Diajukan ke Admin Lokal"),
                    ("returned", "Dikembalikan untuk perbaikan"),
                    ("forwarded", "Diteruskan ke Sekretariat"),
                    ("rejected_locally", "Ditolak Admin Lokal"),
                    ("withdrawn", "Ditarik"),
                    ("admin_passed", "Lolos seleksi administrasi"),
                    ("admin_failed", "Tidak lolos seleksi administrasi"),
                    ("winner", "Top 45"),
                    ("outstanding", "Outstanding Achievement"),
                    ("not_selected", "Tidak terpilih"),
                    ("disqualified", "Didiskualifikasi"),
                ],
                db_index=True,
                default="draft",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="proposalevent",
            name="from_state",
            field=models.CharField(
                blank=True,
                choices=[
                    ("draft", "Draf"),
                    ("submitted", "Diajukan ke Admin Lokal"),
                    ("returned", "Dikembalikan untuk perbaikan"),
                    ("forwarded", "Diteruskan ke Sekretariat"),
                    ("rejected_locally", "Ditolak Admin Lokal"),
                    ("withdrawn", "Ditarik"),
                    ("admin_passed", "Lolos seleksi administrasi"),
                    ("admin_failed", "Tidak lolos seleksi administrasi"),
                    ("winner", "Top 45"),
                    ("outstanding", "Outstanding Achievement"),
                    ("not_selected", "Tidak terpilih"),
                    ("disqualified", "Didiskualifikasi"),
                    ("nominated", "Nominasi"),
                    ("not_nominated", "Tidak masuk nominasi"),
                    ("finalist", "Top 99"),
                    ("presented", "Sudah presentasi"),
                    ("field_verified", "Sudah verifikasi lapangan"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="proposalevent",
            name="to_state",
            field=models.CharField(
                choices=[
                    ("draft", "Draf"),
                    ("submitted", "Diajukan ke Admin Lokal"),
                    ("returned", "Dikembalikan untuk perbaikan"),
                    ("forwarded", "Diteruskan ke Sekretariat"),
                    ("rejected_locally", "Ditolak Admin Lokal"),
                    ("withdrawn", "Ditarik"),
                    ("admin_passed", "Lolos seleksi administrasi"),
                    ("admin_failed", "Tidak lolos seleksi administrasi"),
                    ("winner", "Top 45"),
                    ("outstanding", "Outstanding Achievement"),
                    ("not_selected", "Tidak terpilih"),
                    ("disqualified", "Didiskualifikasi"),
                    ("nominated", "Nominasi"),
                    ("not_nominated", "Tidak masuk nominasi"),
                    ("finalist", "Top 99"),
                    ("presented", "Sudah presentasi"),
                    ("field_verified", "Sudah verifikasi lapangan"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
