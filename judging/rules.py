"""Who may enter the judging areas; rounds, sheets and results inside are scoped by selectors."""

import rules

from hubs.roles import roles_of


@rules.predicate
def organiser(user):
    """Organises some competition (national Sekretariat, or a hub's admin or Sekretariat)."""
    return roles_of(user).is_organiser


@rules.predicate
def judge(user):
    """Holds a judge's role (Tim Evaluasi or Tim Panel Independen) in some scope."""
    return roles_of(user).is_judge


rules.add_perm("judging.manage_rounds", organiser)
rules.add_perm("judging.score", judge)
