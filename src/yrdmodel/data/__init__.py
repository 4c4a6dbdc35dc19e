"""The packaged YRD dataset, as TOML files read with importlib.resources."""
