"""Hosted mode: many people on one PostgreSQL, with accounts, isolation and share links.

Everything lives in PostgreSQL (sessions, login limits, tokens), so a process keeps no state and
any number of instances can serve one database. Nothing here is imported in local mode.
"""
