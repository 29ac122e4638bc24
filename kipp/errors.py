"""The competition's refusals are the portal's one refusal (`hubs.errors.Refused`)."""

from hubs.errors import Refused

__all__ = ["Refused"]
