"""Claims: near-duplicate sentences merged across sources, paraphrases and independent sources (stage 4)."""
