"""Rules: expressions, packs, evaluation."""
