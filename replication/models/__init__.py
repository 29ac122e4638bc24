"""Data of the replication app: programmes, commitments and their timeline, action plans,
progress, documents, reminders sent, coaching notes and hub events."""

from .commitment import Commitment, CommitmentEvent, Document
from .hub import CoachingNote, HubEvent
from .plan import Activity, ProgressReport, Reminder
from .programme import Programme

__all__ = [
    "Activity",
    "CoachingNote",
    "Commitment",
    "CommitmentEvent",
    "Document",
    "HubEvent",
    "Programme",
    "ProgressReport",
    "Reminder",
]
