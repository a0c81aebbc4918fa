"""Insights: patterns, trigger analysis, strength trend and a personal relief plan (pure)."""
