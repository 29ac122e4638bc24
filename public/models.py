"""The public side: the innovation database, winners, statistics and open data."""
