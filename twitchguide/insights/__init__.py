"""Insights: patterns, trigger analysis, strength trend and a personal relief plan (pure).

Nothing is re-exported here on purpose: re-exporting the numpy-based modules would make any
importer pay for numpy. (The grip rule triage needs after every log lives in `diary.strength`.)
Import from the modules: `insights.report.build_insights`, `insights.report.build_relief_plan`,
`insights.triggers.analyse_triggers`, `insights.daily_table.build_daily_table`.
"""
