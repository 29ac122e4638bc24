"""Scoped reads of the competition: the one door to its protected objects."""
