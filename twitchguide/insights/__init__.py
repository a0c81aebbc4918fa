"""Insights: patterns, trigger analysis, strength trend and a personal relief plan (pure).

Nothing is re-exported here on purpose: triage imports `insights.strength` after every logged
twitch, and re-exporting the numpy-based modules would make every `log` pay for numpy.
Import from the modules: `insights.report.build_insights`, `insights.report.build_relief_plan`,
`insights.triggers.analyse_triggers`, `insights.daily_table.build_daily_table`.
"""
