"""Move each proposal's `verification` JSON into a local `Verification` with its item and note
rows. The JSON was `{"checklist": {item: bool}, "notes": {"sections": {key: text},
"general": text}, "by": user id, "at": ISO time}`; a missing or unknown verifier is left
empty, a missing time becomes the proposal's last change. Reversed, the rows are written back
as JSON and deleted.
"""

from django.db import migrations
from django.utils.dateparse import parse_datetime

LOCAL = "local"


def forwards(apps, schema_editor):
    Proposal = apps.get_model("kipp", "Proposal")
    User = apps.get_model("hubs", "User")
    Verification = apps.get_model("kipp", "Verification")
    VerificationItem = apps.get_model("kipp", "VerificationItem")
    VerificationNote = apps.get_model("kipp", "VerificationNote")
    stored = Proposal.objects.only("pk", "verification", "updated_at")
    for proposal in stored.iterator(chunk_size=500):
        data = proposal.verification or {}
        if not data:
            continue
        notes = data.get("notes") or {}
        by = data.get("by")
        at = parse_datetime(data["at"]) if data.get("at") else None
        verification = Verification.objects.create(
            proposal_id=proposal.pk,
            stage=LOCAL,
            note=str(notes.get("general") or "").strip(),
            verified_by_id=by if by and User.objects.filter(pk=by).exists() else None,
            verified_at=at or proposal.updated_at,
        )
        VerificationItem.objects.bulk_create(
            VerificationItem(verification=verification, item=item, checked=bool(checked))
            for item, checked in (data.get("checklist") or {}).items()
        )
        VerificationNote.objects.bulk_create(
            VerificationNote(verification=verification, section=key, text=text)
            for key, value in (notes.get("sections") or {}).items()
            if (text := str(value or "").strip())
        )


def backwards(apps, schema_editor):
    Proposal = apps.get_model("kipp", "Proposal")
    Verification = apps.get_model("kipp", "Verification")
    local = Verification.objects.filter(stage=LOCAL).prefetch_related("items", "notes")
    for verification in local.iterator(chunk_size=500):
        Proposal.objects.filter(pk=verification.proposal_id).update(
            verification={
                "checklist": {row.item: row.checked for row in verification.items.all()},
                "notes": {
                    "sections": {row.section: row.text for row in verification.notes.all()},
                    "general": verification.note,
                },
                "by": verification.verified_by_id,
                "at": verification.verified_at.isoformat(),
            }
        )
    Verification.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hubs", "0002_unit_and_hub_messages"),
        ("kipp", "0007_verification"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
