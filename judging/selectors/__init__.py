"""Reads of the judging rounds: every protected object is fetched through these (404 else)."""
