"""Writes of the competition: one module per area, keyword-only functions."""
