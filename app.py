"""`python app.py`: serve the HTTP API and the web chat on settings.host:settings.port (127.0.0.1:7860)."""

import uvicorn

from assistant.factory import create_app
from assistant.settings import load_settings

if __name__ == "__main__":
    settings = load_settings()
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port)
