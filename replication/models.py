"""Replication programmes, commitments and action plans (built in the replication issue)."""
