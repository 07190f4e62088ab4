"""The one exception family for errors meant for the user."""

from storyline.summarize.untrusted import shown_path


class StorylineError(Exception):
    """An error the command line shows as one line and the app as a notification."""


class InputError(StorylineError):
    """An input (file, line, stdin) that cannot be read as an article."""

    def __init__(self, origin: str, reason: str, skipped: bool = True) -> None:
        origin = shown_path(origin)  # a file name is outside text too: no escape reaches the terminal
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason
        self.skipped = skipped  # False: read all the same, with a warning (bad bytes replaced)

    def __reduce__(self) -> tuple[type, tuple[str, str, bool]]:
        # Rebuilt from every field: the app receives these from its loading process.
        return (InputError, (self.origin, self.reason, self.skipped))

    def warning(self) -> str:
        """The one line a user is shown about this input."""
        return f"skipped {self}" if self.skipped else str(self)


class NothingUsable(StorylineError):
    """No input yielded an article (every one was empty, binary, missing …)."""
