"""The Jinja environment that turns a view into Markdown or HTML.

Every template runs with ``StrictUndefined``: a misspelt name is an error naming the
template file and line, never a silent blank. Templates the user supplies with
``--template-dir`` run in Jinja's sandbox (:mod:`~trygg_cli.render.sandbox`), so they
cannot reach Python's internals or read files; trygg's own are trusted. HTML templates
are autoescaped, so text from a YAML file is printed, never run. Prose written as
Markdown is turned into HTML by markdown-it (CommonMark) with raw HTML and images
switched off, and its headings moved below the heading they stand under.
"""

from __future__ import annotations

import html
import re
import traceback
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.model import Document
from trygg_cli.render import sentences, words
from trygg_cli.render.sandbox import OverBudget, Sandbox, budget
from trygg_cli.render.view import names, who
from trygg_cli.resources import templates_dir

# The template each output format is made from (a PDF or Word file is made from the HTML).
FORMATS = {"html": "html.j2", "markdown": "md.j2", "pdf": "html.j2", "docx": "html.j2"}


@lru_cache(maxsize=8)
def _markdown(level: int) -> Callable[[str], str]:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).disable("image")

    def heading(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        token.tag = f"h{min(6, int(token.tag[1]) + level - 1)}"
        return renderer.renderToken(tokens, idx, options, env)  # type: ignore[no-any-return]

    md.add_render_rule("heading_open", heading)
    md.add_render_rule("heading_close", heading)
    return md.render


def markdown_to_html(text: str, level: int = 3) -> Markup:
    """Prose written as Markdown, as HTML; its '#' headings start at ``<h{level}>``."""
    return Markup(_markdown(level)(text).strip())  # markdown-it escapes; raw HTML is off


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_text(value: Any) -> str:
    """Plain text for a Markdown document: characters Markdown would act on are escaped."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text)


# An ATX heading's '#'s, after any blockquote '>' and list markers before them.
_ATX = re.compile(r"^((?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*)#{1,6}")
# A link that a renderer could follow to run code or read files, once the text is read
# as a browser reads an address: entities decoded, backslash escapes dropped, and spaces,
# tabs, line breaks and control characters inside the word ignored ("java\nscript:").
_UNSAFE_SCHEME = re.compile(r"(?<![a-z0-9+.-])(?:javascript|vbscript|data|file):")
_ESCAPED = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_SQUEEZE = re.compile(r"[\x00-\x20\x7f]+")
_TAG_START = re.compile(r"<\s*[A-Za-z/!?]")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _suspicious(text: str) -> bool:
    """Whether ``text`` could make a link to an unsafe address, or raw HTML, in some
    Markdown renderer, however it is encoded or spread over lines."""
    decoded = _ESCAPED.sub("", html.unescape(_CODE_SPAN.sub("", text)))
    if _TAG_START.search(decoded):
        return True
    return _UNSAFE_SCHEME.search(_SQUEEZE.sub("", decoded).lower()) is not None


def _defused(line: str) -> str:
    """``line`` with every character that starts a link or a tag escaped, outside code
    spans: shown as written, followed by no renderer."""
    out, at = [], 0
    for span in _CODE_SPAN.finditer(line):
        out.append(_defuse_text(line[at : span.start()]))
        out.append(span.group(0))
        at = span.end()
    out.append(_defuse_text(line[at:]))
    return "".join(out)


def _defuse_text(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")


@lru_cache(maxsize=1)
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def markdown_prose(value: Any, level: int = 3) -> str:
    """Prose that is already Markdown, made safe to place in a Markdown document.

    Its headings start at ``level`` (so '# Lagen' under a '##' section becomes '###'), a
    code fence left open is closed (it would swallow the rest of the document), raw HTML
    is shown as text, and links to javascript:, vbscript:, data: and file: addresses are
    shown as text, not followed. Everything else is left exactly as written.
    """
    text = str(value).strip("\n")
    lines: list[str | None] = list(text.split("\n"))
    code: set[int] = set()
    close_fence = None
    for token in _markdown_parser().parse(text):
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "heading_open":
            hashes = "#" * min(6, int(token.tag[1]) + level - 1)
            if token.markup.startswith("#"):
                lines[start] = _ATX.sub(rf"\g<1>{hashes}", str(lines[start]), count=1)
            else:  # a setext heading: its text lines, then a line of '=' or '-'
                words_ = " ".join(str(line).strip() for line in lines[start : end - 1])
                lines[start] = f"{hashes} {words_}"
                for i in range(start + 1, end):
                    lines[i] = None
        elif token.type in ("fence", "code_block"):
            code.update(range(start, end))
            last = str(lines[end - 1]).strip()
            fence_char = token.markup[:1]
            closed = (
                end - start >= 2 and len(last) >= len(token.markup) and set(last) == {fence_char}
            )
            if token.type == "fence" and not closed:
                close_fence = token.markup
    prose = [i for i, line in enumerate(lines) if line is not None and i not in code]
    unsafe: set[int] = set()
    for i, j in zip(prose, [*prose[1:], None], strict=True):
        # Each line with the next: a link's address may start on the line after its text.
        pair = [i] if j is None or j != i + 1 else [i, j]
        if _suspicious("\n".join(str(lines[k]) for k in pair)):
            unsafe.update(pair)
    kept = []
    for i, maybe in enumerate(lines):
        if maybe is not None:
            kept.append(_defused(maybe) if i in unsafe else maybe)
    if close_fence is not None:
        kept.append(close_fence)
    return "\n".join(kept)


def by_party(items: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """Items with a ``party`` grouped by it, parties in the order they first appear."""
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(item.party, []).append(item)
    return list(groups.items())


def by_priority(items: Iterable[Any]) -> list[tuple[str | None, list[Any]]]:
    """Actions grouped by the priority they serve (``None``: none named), in the order
    the priorities first appear."""
    groups: dict[str | None, list[Any]] = {}
    for item in items:
        groups.setdefault(item.priority, []).append(item)
    return list(groups.items())


def by_who(items: Iterable[Any]) -> list[tuple[tuple[str, ...], list[Any]]]:
    """Commitments grouped by who makes them (one party, or several together), in the
    order they first appear."""
    groups: dict[tuple[str, ...], list[Any]] = {}
    for item in items:
        groups.setdefault(item.who, []).append(item)
    return list(groups.items())


def web_address(value: str | None) -> str | None:
    """``value`` when it is an http(s) address that may be a link, else None."""
    if value and re.fullmatch(r"https?://[^\s<>()\[\]\\]+", value):
        return value
    return None


# Filters that need what the template was given: the body names a tied cadence refers
# to, and the document whose period it is (its signing date and kind).
@jinja2.pass_context
def _cadence(context: Any, schedule: Any) -> str:
    return words.cadence(schedule, context.get("bodies") or {})


def _document(context: Any) -> Document | None:
    doc = context.get("doc")
    return doc if isinstance(doc, Document) else None


@jinja2.pass_context
def _period(context: Any, value: Any) -> str:
    return words.period(value, _document(context))


@jinja2.pass_context
def _original_end(context: Any, value: Any) -> Any:
    return words.original_end(value, _document(context))


def _serves(ids: Iterable[str], priorities: Mapping[str, str]) -> str:
    return sentences.serves([priorities.get(i, i) for i in ids])


_INDICATOR_COLUMNS = (("source", "Källa"), ("baseline", "Utgångsläge"), ("target", "Målvärde"))


def indicator_columns(indicators: Iterable[Any]) -> list[tuple[str, str]]:
    """The columns of an indicator table that some indicator fills in."""
    listed = list(indicators)
    return [(k, label) for k, label in _INDICATOR_COLUMNS if any(getattr(i, k) for i in listed)]


def _filters() -> dict[str, Callable[..., Any]]:
    return {
        "long_date": words.long_date,
        "cadence": _cadence,
        "sentence": words.sentence,
        "period": _period,
        "original_end": _original_end,
        "extension": sentences.extension,
        "done": sentences.completions,
        "signed_by": sentences.signed_by,
        "indicator": sentences.indicator,
        "source": sentences.source,
        "serves": _serves,
        "areas": sentences.areas,
        "joined": words.joined,
        "web_address": web_address,
        "markdown": markdown_to_html,
        "md_text": markdown_text,
        "md_prose": markdown_prose,
        "level_name": lambda value: words.LEVELS.get(value, value),
        "municipality": words.municipality,
        "party_type": lambda value: words.PARTY_TYPES.get(value, value),
        "status_name": lambda value: words.STATUS.get(value, value),
        "by_party": by_party,
        "by_who": by_who,
        "by_priority": by_priority,
        "indicator_columns": indicator_columns,
    }


class ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that will not follow a link out of its folders."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        resolved = Path(filename).resolve()
        roots = [Path(folder).resolve() for folder in self.searchpath]
        if not any(resolved.is_relative_to(root) for root in roots):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


def environment(template_dir: Path | None) -> jinja2.Environment:
    """The environment over ``template_dir`` (if given) and trygg's templates: sandboxed,
    with a budget, when the user brings templates; trygg's own alone are trusted and run
    without the sandbox's check at every attribute and call (the same output, faster)."""
    search = [str(template_dir)] if template_dir is not None else []
    search.append(str(templates_dir()))
    options: dict[str, Any] = {
        "loader": ConfinedLoader(search),
        "autoescape": jinja2.select_autoescape(enabled_extensions=("html.j2", "html")),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "auto_reload": False,
    }
    env: jinja2.Environment
    if template_dir is not None:
        sandboxed = Sandbox(**options)
        sandboxed.user_templates = True
        env = sandboxed
    else:
        env = jinja2.Environment(**options)
        env.globals.pop("lipsum", None)
    env.filters.update(_filters())
    env.globals["who"] = who
    env.globals["names"] = names
    return env


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render the template ``name``; a template's mistake becomes a located TryggError."""
    try:
        with budget(env):
            return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TryggError(
            _("the template {file}, line {line}: {message}").format(
                file=exc.filename or exc.name or name, line=exc.lineno, message=exc.message
            )
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise TryggError(
            _("there is no template '{name}' in the template folder or among trygg's own").format(
                name=exc.name
            )
        ) from None
    except (jinja2.UndefinedError, SecurityError) as exc:
        raise TryggError(_located(exc, name, _template_problem(exc))) from None
    except TryggError:
        raise
    except Exception as exc:  # anything else a user's template makes go wrong
        raise TryggError(
            _located(exc, name, _("{kind}: {message}").format(kind=type(exc).__name__, message=exc))
        ) from None


def _template_problem(exc: Exception) -> str:
    if isinstance(exc, OverBudget):
        return str(exc)
    if isinstance(exc, SecurityError):
        return _("{message} — templates may not reach into Python or the file system").format(
            message=exc
        )
    return _(
        "{message} — check the spelling; docs/render.md lists what a template is given"
    ).format(message=exc)


def _located(exc: BaseException, name: str, message: str) -> str:
    """``message`` prefixed with the template file and line where ``exc`` happened."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2") or frame.filename.endswith(".html"):
            return _("the template {file}, line {line}: {message}").format(
                file=frame.filename, line=frame.lineno, message=message
            )
    return _("the template {file}: {message}").format(file=name, message=message)
