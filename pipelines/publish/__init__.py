"""Stages 4 and 5, publish and export.

The checked build renamed over the published file under a lock, the run's record, Parquet for BI.
"""
