"""The write path: load, clean, chunk, embed and incrementally update the article index."""
