"""The one error a generative backend raises when it cannot be used as configured."""

from __future__ import annotations


class BackendError(RuntimeError):
    """A backend that cannot be used as configured; the message says what to fix."""
