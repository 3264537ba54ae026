"""Training support: corpus readers and conversion to spaCy's DocBin (not imported at run time)."""
