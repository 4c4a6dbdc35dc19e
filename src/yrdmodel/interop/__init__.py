"""Interoperability: Popolo, pandas frames, merging datasets, notebook display and the timeline figure."""
