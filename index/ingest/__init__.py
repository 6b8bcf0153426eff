"""Live news: poll RSS/Atom/JSON feeds and write each new story as a JSON article file the indexer reads."""
