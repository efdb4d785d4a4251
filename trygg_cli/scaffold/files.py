"""What init and new share: the templates, safe YAML values, and writing files whole."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from trygg_cli.atomicfile import write_atomic
from trygg_cli.resources import templates_dir
from trygg_cli.scaffold.answers import text_problem as text_problem
from trygg_cli.yamledit import yaml_scalar as yaml_scalar

# Where `trygg new` puts each kind of document; the editor settings map these folders to
# the JSON Schemas.
FOLDERS = {
    "agreement": "overenskommelser",
    "action-plan": "atgardsplaner",
    "citizen-promise": "medborgarloften",
    "follow-up": "uppfoljningar",  # written by `trygg report new`
}
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")


def slug(text: str) -> str:
    """'Mölndal' → 'molndal', 'Upplands Väsby' → 'upplands-vasby': a usable id."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "kommun"


def is_id(value: str) -> bool:
    return bool(_ID.match(value))


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["yaml"] = yaml_scalar
    return env


def render(name: str, context: Mapping[str, Any]) -> str:
    return environment().get_template(name).render(context)


@dataclass
class Written:
    """What a scaffolding run did with each file."""

    created: list[Path]
    replaced: list[Path]
    kept: list[Path]


def write_all(files: Mapping[Path, str], force: bool) -> Written:
    done = Written([], [], [])
    for path, text in files.items():
        existed = path.exists()
        if existed and not force:
            done.kept.append(path)
            continue
        write_atomic(path, text)
        (done.replaced if existed else done.created).append(path)
    return done


# ---------------------------------------------------------------- trygg init
