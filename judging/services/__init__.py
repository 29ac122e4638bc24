"""Writes of the judging rounds, one module per area (STYLE: services = writes)."""
