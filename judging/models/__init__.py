"""Data of the judging rounds: one module per area, every model importable from here."""

from .conflicts import Affiliation, Conflict
from .publication import FieldVerification, Objection, PresentationSlot
from .results import Job, RankedProposal, RankingRun, Shortlist, ShortlistEntry
from .rounds import Criterion, Descriptor, Judge, Round, RoundEntry
from .scoring import Assignment, JudgeReminder, Score, ScoreSheet, SheetEvent

__all__ = [
    "Affiliation",
    "Assignment",
    "Conflict",
    "Criterion",
    "Descriptor",
    "FieldVerification",
    "Job",
    "Judge",
    "JudgeReminder",
    "Objection",
    "PresentationSlot",
    "RankedProposal",
    "RankingRun",
    "Round",
    "RoundEntry",
    "Score",
    "ScoreSheet",
    "SheetEvent",
    "Shortlist",
    "ShortlistEntry",
]
