"""The one refusal of the portal: an action that may not happen now, and why.

Services raise `Refused` with every reason in Indonesian; the one door every view goes
through (`hubs.views.access.AreaRequiredMixin`) catches it once, shows the reasons and
sends the person back to where they acted.
"""


class Refused(Exception):
    """A refused action, with every reason for the person who tried it."""

    def __init__(self, *messages: str):
        super().__init__(" ".join(str(m) for m in messages))
        self.messages = [str(m) for m in messages]
