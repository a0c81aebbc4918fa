"""The diary: its records, their vocabulary and validation, and the local-day rule."""
