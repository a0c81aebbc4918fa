"""Red-flag triage: facts, rules as data, and the engine that says how urgently to seek care."""
