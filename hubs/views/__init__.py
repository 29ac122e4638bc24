"""Views of the organisation app, one module per area."""
