"""Text: offline sentence splitting, word tokenizing and stemming (stage 3)."""
