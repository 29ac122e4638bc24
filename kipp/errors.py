"""The one refusal of the competition: an action that may not happen now, and why.

Services raise `Refused` with every reason in Indonesian; views catch it once
(`kipp.views.base.RefusalMixin`) and show the reasons to the person who tried.
"""


class Refused(Exception):
    """A refused action, with every reason for the person who tried it."""

    def __init__(self, *messages: str):
        super().__init__(" ".join(str(m) for m in messages))
        self.messages = [str(m) for m in messages]
