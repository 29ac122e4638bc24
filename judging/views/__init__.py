"""Views of the judging rounds, one module per area: set-up, assignment, scoring, results."""
