"""``trygg init`` and ``trygg new``: start a repository, or a document, from a skeleton.

The skeletons are templates in ``templates/init/`` and ``templates/new/``. Every file is
written whole (a temporary file renamed into place) and an existing file is never
replaced without ``force``. What the user types goes into YAML through
:func:`yaml_scalar`, so a name with a colon or a quote cannot break the file.
"""

from __future__ import annotations

from trygg_cli.scaffold.answers import Ask, Asking, text_problem
from trygg_cli.scaffold.files import FOLDERS, Written, is_id, slug, yaml_scalar
from trygg_cli.scaffold.init import Install, ci_install, init, init_files
from trygg_cli.scaffold.new import (
    Known,
    NewDocument,
    complete,
    fresh_id,
    known_documents,
    new_document,
)

__all__ = [
    "FOLDERS",
    "Ask",
    "Asking",
    "Install",
    "Known",
    "NewDocument",
    "Written",
    "ci_install",
    "complete",
    "fresh_id",
    "init",
    "init_files",
    "is_id",
    "known_documents",
    "new_document",
    "slug",
    "text_problem",
    "yaml_scalar",
]
