"""The cycle collector is paused while files are checked, and always given back."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from helpers import EXAMPLES

from trygg_cli import workspace as ws
from trygg_cli.memory import cycle_collector_paused


def test_paused_while_checking_and_given_back(monkeypatch: Any) -> None:
    seen: list[bool] = []
    import trygg_cli.check as checking

    real = checking.check_source

    def recording(path: str, raw: bytes, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(path, raw, **kwargs)

    monkeypatch.setattr(checking, "check_source", recording)
    assert gc.isenabled()
    ws.load_paths([str(EXAMPLES)], jobs=1)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_given_back_after_an_error_and_left_off_if_it_was_off() -> None:
    with pytest.raises(RuntimeError), cycle_collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_command_gives_it_back(cli: Any) -> None:
    assert cli("validate", str(EXAMPLES)).exit_code == 0
    assert cli("due", "--as-of", "2026-11-24", "--fail-on-overdue", str(EXAMPLES)).exit_code == 1
    assert gc.isenabled()
