"""Gazetteers: the entry schema, key normalisation, the index and matcher, and the build from source packages."""
