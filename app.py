"""`python app.py`: serve the HTTP API and the web chat on settings.server (127.0.0.1:7860), as `assistant serve`."""

from assistant.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["serve"]))
