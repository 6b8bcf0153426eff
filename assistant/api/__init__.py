"""The HTTP API: thin FastAPI adapters over the answer service and the index updater, no logic of their own."""
