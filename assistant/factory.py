"""Wire the application from one settings object: the service, and the web app over it."""

from __future__ import annotations

from assistant.service import AnswerService
from assistant.settings import Settings
from index.handles import IndexHandles


def build_service(settings: Settings) -> AnswerService:
    """The answer service over the index the settings point at."""
    return AnswerService(settings, IndexHandles(settings))
