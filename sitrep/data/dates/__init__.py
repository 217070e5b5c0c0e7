"""Word lists of the temporal layer (month, weekday and number words), shipped as JSON."""
