"""Competitions, innovations and proposals (built in the proposals issue)."""
