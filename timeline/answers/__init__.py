"""Answers to a reader's questions, extractive and cited, with the lexicon they match with (verbs, places)."""
