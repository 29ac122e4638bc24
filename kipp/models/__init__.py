"""Data of the competition: one module per area, every model importable from here."""

from .competition import Category, Competition, CompetitionGroup, DeadlineExtension, FormSection
from .digest import ForwardDigest
from .documents import CompetitionDocument, DocumentKind
from .exports import ExportJob
from .innovation import Innovation, SdgGoal
from .proposal import Evidence, Proposal, ProposalEvent, _evidence_path
from .result import Result
from .verification import Verification, VerificationItem, VerificationNote

__all__ = [
    "Category",
    "Competition",
    "CompetitionDocument",
    "CompetitionGroup",
    "DeadlineExtension",
    "DocumentKind",
    "Evidence",
    "ExportJob",
    "FormSection",
    "ForwardDigest",
    "Innovation",
    "Proposal",
    "ProposalEvent",
    "Result",
    "SdgGoal",
    "Verification",
    "VerificationItem",
    "VerificationNote",
    "_evidence_path",
]
