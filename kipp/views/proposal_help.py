"""What the proposal form shows besides its fields: the Admin Lokal's return notes and,
after an autosave conflict, the sections whose stored text differs from the writer's."""

from ..enums import ProposalState as S
from ..models import Proposal
from ..selectors.verification import local_verification


def return_notes(proposal, form) -> dict:
    """The Admin Lokal's notes of a returned proposal: each section's beside its field, and
    the note sent with the return. Nothing to read for a draft."""
    rows = form.section_fields()
    if proposal.state != S.RETURNED:
        return {"section_rows": rows, "return_note": ""}
    verification = local_verification(proposal)
    notes = verification.section_notes if verification else {}
    for row in rows:
        row["note"] = notes.get(row["section"].key, "")
    event = proposal.events.filter(to_state=S.RETURNED).order_by("-created_at", "-pk").first()
    return {"section_rows": rows, "return_note": event.note if event else ""}


def conflict_choices(proposal, form) -> dict:
    """Per section whose stored text differs from the writer's unsaved one: both texts, so
    the writer picks one ("pakai milik saya" / "ambil versi tersimpan") instead of copying
    by hand; and the stored version, which the next save then names."""
    stored = Proposal.objects.only("sections", "version").get(pk=proposal.pk)
    differences = []
    for section in proposal.group.sections.all():
        name = f"section_{section.key}"
        if name not in form.data:
            continue
        mine = form.data.get(name, "")
        saved = (stored.sections or {}).get(section.key, "")
        if mine.strip() != saved.strip():
            differences.append(
                {
                    "name": name,
                    "key": section.key,
                    "title": section.title,
                    "mine": mine,
                    "saved": saved,
                }
            )
    return {"differences": differences, "current_version": stored.version}
