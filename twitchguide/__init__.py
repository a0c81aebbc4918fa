"""Twitchguide: a calm, honest companion for muscle twitching."""

__version__ = "0.1.0"
