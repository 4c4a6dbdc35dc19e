"""Reading and writing mechanisms: JSON and TOML files, the packaged dataset, the converter."""
