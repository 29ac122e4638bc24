"""Benchmarks (not tests): generate data at scale and time the portal's hot pages."""
