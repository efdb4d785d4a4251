"""The sandbox trygg renders in, and the budget a user's own template renders within.

Jinja's sandbox stops a template from reaching into Python or the file system, but not
from exhausting the machine: nested ``range(100000)``, ``lipsum(10**7)``,
``'%2000000000s'|format``, huge powers or text doubled in a loop would hang a CI job or
take gigabytes. The sandbox checks the operators that can make one huge value at once;
a template from ``--template-dir`` also renders within a budget of time, memory and
output (:func:`budget`), and lipsum is not offered. trygg's own templates are trusted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import sys
import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

from trygg_cli.i18n import _

# The largest string or list a template may make with '*' or '+', and exponent with '**'.
_MAX_REPEAT = 1_000_000
_MAX_EXPONENT = 1_000
# A width or precision in a '%' format: '%2000000000s' would ask for 2 GB at once.
_MAX_WIDTH = 10_000
_WIDTH = re.compile(r"%[-#0 +]*(\d*)(?:\.(\d+))?")
# What a user's template may spend on one page.
BUDGET_SECONDS = 5
BUDGET_BYTES = 256 << 20  # memory beyond what the process held when the page began


@lru_cache(maxsize=1024)
def _fields_of(kind: type) -> frozenset[str] | None:
    """The attributes a template may read of an instance of ``kind``: the fields of a
    pydantic model or of a dataclass; ``None`` for any other type (Jinja's own rules).
    Worked out once per class: it is asked at every attribute a template reads."""
    if issubclass(kind, BaseModel):
        return frozenset(kind.model_fields)
    if dataclasses.is_dataclass(kind):
        return frozenset(f.name for f in dataclasses.fields(kind))
    return None


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox, narrowed further for the objects trygg hands to templates.

    Of a pydantic model a template may read the fields and nothing else: a model's public
    methods include some that read files or unpickle (``parse_file``, ``parse_raw``).
    Of trygg's own records (outline parts, links, index entries) likewise only the fields.
    ``*``, ``+``, ``**`` and ``%`` are checked, so that no template can fill the memory
    with one expression.
    """

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    user_templates = False  # set by render.engine.environment()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.pop("lipsum", None)  # text of any length, and of no use in a document
        self.filters["format"] = _checked_format

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        kind: type = type(obj)
        fields = _fields_of(kind)
        if fields is not None:
            return attr in fields
        return bool(super().is_safe_attribute(obj, attr, value))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > _MAX_EXPONENT:
            raise SecurityError(_("the exponent {n} is too large").format(n=right))
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(n, int)
                if sized and len(seq) * n > _MAX_REPEAT:
                    raise SecurityError(_("the repeated text or list would be too long"))
        sequences = all(isinstance(x, str | list | tuple) for x in (left, right))
        if operator == "+" and sequences and len(left) + len(right) > _MAX_REPEAT:
            raise SecurityError(_("the repeated text or list would be too long"))
        if operator == "%" and isinstance(left, str):
            _check_widths(left)
        return super().call_binop(context, operator, left, right)


def _checked_format(value: Any, *args: Any, **kwargs: Any) -> str:
    """Jinja's ``format`` filter, refusing widths that would take gigabytes."""
    from jinja2.filters import do_format

    if isinstance(value, str):
        _check_widths(value)
    return str(do_format(value, *args, **kwargs))


def _check_widths(form: str) -> None:
    for width, precision in _WIDTH.findall(form):
        if max(int(width or 0), int(precision or 0)) > _MAX_WIDTH:
            raise SecurityError(_("a width in the format is too large"))


class OverBudget(SecurityError):
    """A user's template spent more time or memory than :func:`budget` allows."""


@contextlib.contextmanager
def budget(env: Any) -> Iterator[None]:
    """Render within :data:`BUDGET_SECONDS` and :data:`BUDGET_BYTES` when ``env`` holds a
    user's templates; trygg's own templates need none. Both limits need POSIX (an alarm,
    an address-space limit) and the main thread; elsewhere the operator checks remain."""
    if not getattr(env, "user_templates", False) or sys.platform == "win32":
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    import resource
    import signal

    def out_of_time(_signum: int, _frame: Any) -> None:
        raise OverBudget(_("the template took more than {n} seconds").format(n=BUDGET_SECONDS))

    before = signal.signal(signal.SIGALRM, out_of_time)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + BUDGET_BYTES
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
    try:
        yield
    except MemoryError:
        message = _("the template needed more than {n} MB of memory")
        raise OverBudget(message.format(n=BUDGET_BYTES >> 20)) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int:
    """The process's address space now, in bytes (Linux; elsewhere a generous guess)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 4 << 30
    import os

    return pages * os.sysconf("SC_PAGE_SIZE")
