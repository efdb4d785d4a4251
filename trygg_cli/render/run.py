"""One render run: read the documents, refuse the ones that must not be published, render.

A document is rendered only when it has no errors (``trygg validate`` would pass it) and
no personnummer or samordningsnummer in its text (the check behind lint's TRY401, run
here whatever the lint configuration or suppressions say), unless ``allow_personal_data``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from trygg_cli.check.passes import KEEP_DOCUMENT, Pass
from trygg_cli.check.personal import find, mask
from trygg_cli.check.results import FileResult
from trygg_cli.errors import RefusedError, TryggError
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.model import Document
from trygg_cli.render import engine
from trygg_cli.render.passes import PERSONAL_NUMBERS, PERSONAL_RULE
from trygg_cli.render.pdf import DEFAULT_VARIANT
from trygg_cli.render.stamp import GitState, git_state, stamp_text
from trygg_cli.render.status import Lives, StatusOf
from trygg_cli.render.view import View, build
from trygg_cli.workspace import Workspace, load_paths


@dataclass
class Prepared:
    """The documents that may be rendered, and why the others may not."""

    workspace: Workspace
    documents: dict[str, Document]  # id → document, in file order
    paths: dict[str, str]  # id → the file it was read from
    refused: dict[str, list[Finding]] = field(default_factory=dict)  # path → reasons


def prepare(
    paths: Sequence[str],
    *,
    allow_personal_data: bool,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    extra_passes: Sequence[Pass] = (),
) -> Prepared:
    """Read ``paths``; sort the documents into renderable and refused. ``extra_passes``
    run on every file as well (due's schedules, for a site's next follow-ups)."""
    # Links to documents that were not given are shown by id, not refused.
    own = (KEEP_DOCUMENT,) if allow_personal_data else (KEEP_DOCUMENT, PERSONAL_NUMBERS)
    passes = (*own, *extra_passes)
    workspace = load_paths(paths, jobs=jobs, progress=progress, passes=passes)
    prepared = Prepared(workspace, {}, {}, refusals(workspace, allow_personal_data))
    for doc_id, result in renderable(workspace, prepared.refused, KEEP_DOCUMENT.name):
        prepared.documents[doc_id] = result.outputs[KEEP_DOCUMENT.name]
        prepared.paths[doc_id] = result.path
    return prepared


def refusals(workspace: Workspace, allow_personal_data: bool) -> dict[str, list[Finding]]:
    """Why the files that may not be rendered may not, by path: errors, and personal
    identity numbers in the text or the name unless ``allow_personal_data``."""
    errors: dict[str, list[Finding]] = {}
    for finding in workspace.findings:
        if finding.severity is Severity.ERROR:
            errors.setdefault(finding.path, []).append(finding)
    for result in workspace.results:
        personal = result.outputs.get(PERSONAL_NUMBERS.name)
        if personal:
            errors.setdefault(result.path, []).extend(personal)
    if not allow_personal_data:
        for result in workspace.results:
            if result.checked:
                named = _personal_number_in_name(result.path)
                if named is not None:
                    errors.setdefault(result.path, []).append(named)
    return errors


def renderable(
    workspace: Workspace, refused: Mapping[str, object], output: str
) -> Iterator[tuple[str, FileResult]]:
    """Each document that may be rendered, with the result that holds it, in file order:
    checked, not refused, and the one document of its id (a duplicate is an error)."""
    for result in workspace.results:
        if not result.checked or result.path in refused:
            continue
        if result.outputs.get(output) is None or result.index is None:
            continue
        doc_id = result.index.doc_id
        if workspace.by_id.get(doc_id) is not result:
            continue  # a duplicate id: reported as an error above
        yield doc_id, result


def _personal_number_in_name(path: str) -> Finding | None:
    """A finding when the file's path, which the footer stamp prints, holds a personnummer."""
    for match, _kind in find(path):
        return Finding(
            path,
            1,
            1,
            PERSONAL_RULE,
            _(
                "the file's name holds a personal identity number {number}; the footer of "
                "the rendered document names the file, so rename it"
            ).format(number=mask(match.group(0))),
            Severity.ERROR,
        )
    return None


@dataclass(frozen=True)
class Renderer:
    """Renders documents in one format with one set of templates."""

    output_format: str  # html, markdown, pdf (the HTML, printed) or docx (the HTML, in Word)
    template_dir: Path | None
    stamp_day: date
    git: GitState | None
    env: jinja2.Environment
    pdf_variant: str = DEFAULT_VARIANT

    def template_name(self, kind: str) -> str:
        return f"{kind}.{engine.FORMATS[self.output_format]}"

    def view(
        self,
        doc: Document,
        path: str,
        documents: Mapping[str, Document],
        hrefs: Mapping[str, str],
        lives: StatusOf | None = None,
    ) -> View:
        """What the templates get for ``doc``; ``lives`` (worked out once for a whole
        site) say which documents are in force on the stamp's day."""
        return build(
            doc,
            documents=documents,
            hrefs=hrefs,
            stamp=stamp_text(path, self.stamp_day, self.git),
            lives=lives or Lives.of(documents.values(), self.stamp_day),
        )

    def text(self, view: View) -> str:
        """A document's view as text: HTML (also for a PDF) or Markdown."""
        text = engine.render(self.env, self.template_name(view.kind), view.context())
        return tidy(text) if self.output_format == "markdown" else text

    def publish(self, doc: Document, path: str, documents: Mapping[str, Document]) -> str | bytes:
        """``doc`` as one file in this format: text, or the bytes of a PDF or Word file
        (made from the HTML; WeasyPrint and python-docx are imported only here)."""
        text = self.text(self.view(doc, path, documents, {}))
        if self.output_format == "docx":
            from trygg_cli.render.word import to_docx

            return to_docx(text, self.stamp_day)
        if self.output_format == "pdf":
            from trygg_cli.render.pdf import to_pdf

            return to_pdf(text, day=self.stamp_day, variant=self.pdf_variant)
        return text


def tidy(markdown: str) -> str:
    """At most one blank line in a row, and one newline at the end."""
    return _BLANK_LINES.sub("\n\n", markdown).strip("\n") + "\n"


_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n){2,}")


def renderer(
    paths: Iterable[str],
    output_format: str,
    template_dir: Path | None,
    stamp_day: date,
    pdf_variant: str = DEFAULT_VARIANT,
) -> Renderer:
    if template_dir is not None and not template_dir.is_dir():
        raise TryggError(_("the template folder {path} does not exist").format(path=template_dir))
    env = engine.environment(template_dir)
    return Renderer(output_format, template_dir, stamp_day, git_state(paths), env, pdf_variant)


def pick(prepared: Prepared, document_id: str | None) -> Document:
    """The one document to render: ``document_id``, or the only one read."""
    if document_id is not None:
        doc = prepared.documents.get(document_id)
        if doc is None:
            if any(r.index and r.index.doc_id == document_id for r in prepared.workspace.results):
                raise RefusedError(
                    _("the document '{id}' cannot be rendered; see the problems above").format(
                        id=document_id
                    )
                )
            raise TryggError(
                _("there is no document with the id '{id}' in the files given").format(
                    id=document_id
                )
            )
        return doc
    if len(prepared.documents) == 1 and not prepared.refused:
        return next(iter(prepared.documents.values()))
    if prepared.refused and len(prepared.documents) == 0:
        raise RefusedError(_("nothing can be rendered; see the problems above"))
    if not prepared.documents and not prepared.refused:
        raise TryggError(_("there is no trygg document in the files given"))
    raise TryggError(
        _(
            "the files given hold {n} documents; choose one with --document ID, "
            "or render them all with --site FOLDER"
        ).format(n=len(prepared.documents) + len(prepared.refused))
    )
