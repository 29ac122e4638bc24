"""The generic part of every transition table: who may make a move, whether it needs a
note, and the refusal when the move does not exist or the actor's side may not make it.

Each state field keeps its own small transition function (STYLE: proposals in
`kipp.services.workflow`, commitments in `replication.services.stages`); what is shared
is only this table shape and its lookup.
"""

from dataclasses import dataclass

from .errors import Refused


@dataclass(frozen=True)
class Rule:
    sides: frozenset[str]
    window: str | None = None
    note_required: bool = False
    # False: made only by a service that writes its own records alongside (publishing final
    # results, upholding an objection); never offered as a button on its own.
    manual: bool = True


def rule(
    *sides: str, window: str | None = None, note_required: bool = False, manual: bool = True
) -> Rule:
    return Rule(frozenset(sides), window, note_required, manual)


def rule_for(
    table: dict[tuple[str, str], Rule],
    source: str,
    target: str,
    sides: set[str],
    *,
    no_such_move: str,
    not_allowed: str,
) -> Rule:
    """The rule of the move `source -> target` if one of `sides` may make it; otherwise
    Refused with `no_such_move` (the table has no such move) or `not_allowed`."""
    found = table.get((source, target))
    if found is None:
        raise Refused(no_such_move)
    if not found.sides & sides:
        raise Refused(not_allowed)
    return found


def targets(table: dict[tuple[str, str], Rule], source: str, sides: set[str]) -> list[str]:
    """Targets the sides may move to from `source`, in table order (windows aside)."""
    return [
        to
        for (frm, to), found in table.items()
        if frm == source and found.manual and found.sides & sides
    ]
