"""Rounds after the administrative selection: rubrics, judges, scores, shortlists, winners."""
