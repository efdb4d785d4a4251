"""Write trygg_cli/cli/help_pages.json, every --help page as the typer app lays it out, in
every language, for ``trygg <command> --help`` to answer without importing typer.

    python scripts/help_pages.py            # after changing a command, an option or trygg.po
    python scripts/help_pages.py --check    # exit 1 when the file is not what the app says

The app translates its help as it is built, so each language is recorded in a process of
its own (``TRYGG_LANG``). See trygg_cli/cli/helppages.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "trygg_cli" / "cli" / "help_pages.json"
_RECORD = (
    "import json, sys\n"
    "from trygg_cli.cli.application import app\n"
    "from trygg_cli.cli.typer_adapter import help_pages\n"
    "json.dump(help_pages(app), sys.stdout, ensure_ascii=False)\n"
)


def generate() -> str:
    """The file's text, recorded now from the app."""
    from trygg_cli.i18n import LANGUAGES

    languages = {}
    for lang in LANGUAGES:
        env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LANG")}
        env.update(TRYGG_LANG=lang, PYTHONIOENCODING="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", _RECORD], capture_output=True, env=env, cwd=ROOT, check=True
        )
        languages[lang] = json.loads(done.stdout.decode("utf-8"))
    document = {
        "generated_by": "scripts/help_pages.py from trygg_cli.cli.application; do not edit",
        "languages": languages,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    args = parser.parse_args(argv)
    text = generate()
    current = PAGES.read_text(encoding="utf-8") if PAGES.exists() else None
    if args.check:
        if current != text:
            print(f"{PAGES.relative_to(ROOT)} is stale: run python scripts/help_pages.py")
            return 1
        print(f"{PAGES.relative_to(ROOT)} is current")
        return 0
    if current != text:
        PAGES.write_text(text, encoding="utf-8")
        print(f"wrote {PAGES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
