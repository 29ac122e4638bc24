"""Forms of the competition, one module per area."""
