"""Ranking: salience of claims by LexRank, TextRank, KL-Sum or sumy's algorithms (stage 5)."""
