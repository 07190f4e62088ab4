"""The one exception family for errors meant for the user."""

from .untrusted import shown_path


class StorylineError(Exception):
    """An error the command line shows as one line and the app as a notification."""


class InputError(StorylineError):
    """An input (file, line, stdin) that cannot be read as an article."""

    def __init__(self, origin: str, reason: str) -> None:
        origin = shown_path(origin)  # a file name is outside text too: no escape reaches the terminal
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Rebuilt from both fields: the app receives these from its loading process.
        return (InputError, (self.origin, self.reason))


class NothingUsable(StorylineError):
    """No input yielded an article (every one was empty, binary, missing …)."""
