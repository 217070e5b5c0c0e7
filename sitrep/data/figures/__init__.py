"""Figure lexicons (measure nouns, demonyms, sources, status cues)."""
