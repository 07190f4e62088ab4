"""Articles, sentences, claims and ranking: Storyline's text core (imports nothing of ours)."""
