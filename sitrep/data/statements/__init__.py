"""Statement lexicons (reporting verbs, intent cues, roles, outlets, channels)."""
