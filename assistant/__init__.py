"""The read path: retrieval, answers with citations, and the CLI, HTTP API and web chat over them."""

__version__ = "0.1.0"
