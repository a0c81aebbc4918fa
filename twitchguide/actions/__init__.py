"""The application layer: each step of Twitchguide written once, for every front end.

A front end (the CLI, the web app, the reports) parses what a person gave it, calls one function
here with an `ActionContext`, and renders the typed result (`actions.results`). No business rule
lives in a front end. Modules are imported by what they do, so `log` loads only what it needs:

- `context`  : the person's store, settings and clock for one command or request
- `diary`    : log episodes, set or add to a day's factors, the day-by-day timeline
- `records`  : add, edit, delete, undo, list and show any record kind
- `triage`   : the notice after a write, the banner's status, and the "should I see a doctor?" check
- `insights` : what goes with more twitching, and the relief plan
- `backup`   : export and import
- `settings` : show and change the person's settings
- `guide`    : topics, pages and search
"""
