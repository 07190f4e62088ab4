"""Articles, sentences, claims and ranking: Storyline's text core (imports nothing of ours)."""

if __name__ != "storyline.summarize":  # the checkout's folder imported by its own name would be a second copy
    raise ImportError(f"{__name__} is Storyline's summarize/ folder: import storyline.summarize instead")
