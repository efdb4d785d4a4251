"""The one user-facing error class: a sentence a coordinator can act on."""

from __future__ import annotations


class TryggError(Exception):
    """A problem with how trygg was called or with its surroundings (exit code 2).

    The message is shown as it is, on one line, without a traceback.
    """

    exit_code = 2


class RefusedError(TryggError):
    """The input was read, but what it holds cannot be used (exit code 1, as validate)."""

    exit_code = 1
