"""Pure text rules shared by the write path (index/) and the read path (assistant/): sentences, terms, urls,
days. It imports neither package, so a question's trip through retrieval never dips into the indexer."""
