"""Gazetteers and linking. ``builtin`` is the small table used until full gazetteers are shipped."""
