"""Helpers of the proposer-side tests: the POST data of the proposal form."""

from kipp.forms.proposals import TEAM_FIELDS
from kipp.models.proposal import MAX_TEAM


def form_data(proposal, **overrides) -> dict:
    """What the browser posts for `proposal` as stored, with `overrides` applied.

    `sections` overrides are merged into the stored sections; `team` replaces the team.
    """
    proposal.refresh_from_db()
    sections = {**proposal.sections, **overrides.pop("sections", {})}
    team = overrides.pop("team", proposal.team)
    data = {
        "version": proposal.version,
        "title": proposal.title,
        "category": proposal.category_id or "",
        "sdgs": [goal.pk for goal in proposal.sdgs.all()],
        "innovator_kind": proposal.innovator_kind,
        "video_url": proposal.video_url,
    }
    if proposal.truth_statement:
        data["truth_statement"] = "on"
    if proposal.replication_statement:
        data["replication_statement"] = "on"
    if proposal.source_innovation_id:
        data["source_innovation"] = proposal.source_innovation_id
    for index in range(MAX_TEAM):
        member = team[index] if index < len(team) else {}
        for part in TEAM_FIELDS:
            data[f"team_{index}_{part}"] = member.get(part, "")
    for section in proposal.group.sections.all():
        data[f"section_{section.key}"] = sections.get(section.key, "")
    data.update(overrides)
    return data
