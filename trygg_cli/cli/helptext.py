"""Every help text of the command line, in English, translated when shown.

The typer app in :mod:`trygg_cli.cli.application` is built from these strings; the pages
``--help`` prints are recorded from that app into ``help_pages.json`` and printed without
typer by :mod:`trygg_cli.cli.helppages`.

A command's ``--help`` is a description, then examples with comments
(:func:`command_help`). The texts are English and go through the translation function
when shown; the example commands themselves are not translated, their comments are.
"""

from __future__ import annotations

from trygg_cli.i18n import N_, _

APP_HELP = N_(
    "Check, schedule, compare and publish crime-prevention collaboration agreements "
    "(samverkansöverenskommelser), action plans and citizen promises kept as YAML."
)
APP_EPILOG = N_("Example: trygg validate examples")
DEBUG_HELP = N_("Show the full traceback on errors.")
VERSION_HELP = N_("Show trygg's version and exit.")
LANG_HELP = N_(
    "Language of messages: sv (Swedish) or en (English). Default: TRYGG_LANG, then "
    "'language:' in .trygg.yaml, then the locale (LANG)."
)
# What typer and click would say in English, said in the user's language by
# trygg_cli.cli.typer_adapter (which imports typer, so the words live here).
HELP_HELP = N_("Show this help and exit.")
INSTALL_COMPLETION_HELP = N_("Install completion for the current shell.")
SHOW_COMPLETION_HELP = N_(
    "Show completion for the current shell, to copy it or customize the installation."
)
USAGE = N_("Usage: ")
OPTIONS_METAVAR = N_("[OPTIONS]")
COMMAND_METAVAR = N_("COMMAND [ARGS]...")
# Headings typer says through gettext (the others are in typer_adapter.TYPER_WORDS).
OPTIONS_HEADING = N_("Options")
COMMANDS_HEADING = N_("Commands")

# One line per command for the list in `trygg --help`, in the order they are listed.
COMMANDS: dict[str, str] = {
    "validate": N_("Check YAML, the schema and the links between documents."),
    "lint": N_("Check that the agreements are sound, with rules you can configure."),
    "rules": N_("List the lint rules."),
    "due": N_("What is overdue and what comes next, from the documents' cadences."),
    "done": N_("Record that an occasion 'trygg due' lists has been done, in the YAML."),
    "diff": N_("What changed between two versions, in sentences."),
    "render": N_("The agreement as Markdown or accessible HTML, or a whole site."),
    "schema": N_("Write a JSON Schema for each document kind, for editors."),
    "init": N_("Set up a repository: config, an example agreement, hooks and CI."),
    "new": N_("Start a new agreement, action plan or citizen promise."),
    "import": N_("Read a Word file, PDF or web page into a draft to complete."),
    "report": N_("Write a draft of a follow-up (uppföljning) from the documents as they are."),
}
# The commands of a group, for the list in its --help: `trygg report --help`.
SUBCOMMANDS: dict[str, str] = {
    "report new": N_("A draft follow-up, prefilled from the documents as they are now."),
}


# command → (description, ((example, comment or ''), …))
HELP: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "validate": (
        N_(
            "Check YAML syntax, the schema and the references between documents.\n\n"
            "Every problem is printed as path:line:column: error [rule] message. Exit code 0 "
            "means no problems, 1 problems found, 2 trygg could not run (bad option, missing "
            "path)."
        ),
        (
            ("trygg validate", N_("everything under the current folder")),
            ("trygg validate examples/molndal", N_("one folder")),
            ("trygg validate --format json . > findings.json", ""),
            ("trygg validate -f sarif -o trygg.sarif", N_("for GitHub code scanning")),
        ),
    ),
    "lint": (
        N_(
            "Check that the agreements are sound: placeholders, dates that contradict each "
            "other, actions nobody follows up, personal data, and more — besides everything "
            "validate checks.\n\n"
            "'trygg rules' lists the rules; 'trygg lint --explain TRY301' explains one. Turn "
            "rules off or change their severity in .trygg.yaml; silence one place with a "
            "comment '# trygg: ignore[TRY402] the reason'.\n\n"
            "Exit code 0 means nothing at or above --fail-on, 1 findings, 2 trygg could not "
            "run.\n\n"
            "To adopt lint in CI before every old finding is fixed, record them once with "
            "--write-baseline and lint with --baseline: only new findings fail."
        ),
        (
            ("trygg lint", N_("everything under the current folder")),
            ("trygg lint --explain TRY501", N_("what a rule checks and why")),
            ("trygg lint -f sarif -o trygg.sarif", N_("for GitHub code scanning")),
            ("trygg lint --write-baseline .trygg-baseline.json", ""),
            ("trygg lint --baseline .trygg-baseline.json", ""),
        ),
    ),
    "rules": (
        N_("List every lint rule: id, default severity, name and what it checks."),
        (
            ("trygg rules", ""),
            ("trygg rules --format json", ""),
            ("trygg rules --format markdown > docs/rules.md", ""),
        ),
    ),
    "due": (
        N_(
            "What is overdue and what comes next: follow-ups, evaluations, revisions, "
            "meetings, deadlines and citizen promises, computed from the cadences the "
            "documents state.\n\n"
            "A due date that falls on a Saturday, a Sunday or a Swedish public holiday — and "
            "on midsommarafton, julafton and nyårsafton, when offices are closed — moves to "
            "the working day before (--no-holiday-shift keeps it). What is recorded under "
            "'done:' closes its occasion; occasions are counted from the plan, not from when "
            "the last one was done late."
        ),
        (
            ("trygg due", N_("everything, grouped: overdue, 30 days, 90 days, later")),
            ("trygg due --within 90d --party molndals-stad", ""),
            ("trygg due --overdue --fail-on overdue", N_("in a scheduled CI job")),
            ("trygg due -f ics -o trygg.ics", N_("import into a calendar")),
            ("trygg due --explain xbgsqie", N_("why that row is due when it is")),
        ),
    ),
    "done": (
        N_(
            "Record that an occasion has been done: trygg adds it under the schedule's "
            "'done:' in the document (or sets an action's status to done) and changes "
            "nothing else in the file, so 'git diff' shows only the added lines.\n\n"
            "REF is the reference 'trygg due' prints beside each date; four characters are "
            "enough when they fit one occasion. Nothing is written when the reference fits "
            "several occasions, when the day lies in the future, when the file changed while "
            "trygg read it, or when the file could not be edited without changing its layout "
            "(then trygg says what to add by hand)."
        ),
        (
            ("trygg done xbgsqie", N_("done today")),
            ("trygg done xbgs --date 2026-11-30 --note 'KS 2026-12-01 § 180'", ""),
            ("trygg done nvewk2e --all-before 2026-12-01", N_("a backlog of meetings")),
        ),
    ),
    "diff": (
        N_(
            "What changed between two versions of the agreements, one sentence per change.\n\n"
            "Documents are matched by id (a moved file is the same document), list items by "
            "id (bodies, priorities, actions …) or by content (members); reordering, re-"
            "indenting and comments change nothing. Schedules are compared as cadences, dates"
            " as dates."
        ),
        (
            ("trygg diff", N_("HEAD against the working tree")),
            ("trygg diff main...HEAD -f markdown", N_("a pull request, as a comment")),
            ("trygg diff v2023 v2024 -- examples/molndal", ""),
            ("trygg diff old-folder new-folder", ""),
        ),
    ),
    "render": (
        N_(
            "The agreement as a document to sign and publish: Markdown, or HTML that meets "
            "the accessibility requirements for Swedish public bodies (WCAG 2.1 AA).\n\n"
            "The HTML is one file with everything inside it (no scripts, no outside "
            "requests), with a table of contents, print layout for A4 and a footer saying "
            "from which file and git version it was made. A document with errors, or with a "
            "personnummer or samordningsnummer in its text, is not rendered. Exit codes: 0 "
            "rendered; 1 a document was left out; 2 trygg could not run as asked."
        ),
        (
            ("trygg render avtal.yaml -o avtal.html", ""),
            ("trygg render examples/molndal -d molndal-lokal-2023 -o lokal.md", ""),
            ("trygg render --site public/", N_("every document and an index page")),
            ("trygg render avtal.yaml --template-dir mallar/ --stamp-date 2026-01-01", ""),
        ),
    ),
    "schema": (
        N_(
            "Write a JSON Schema for each document kind, for editors and other tools.\n\n"
            "Point your editor at them with a first line such as:\n\n"
            "  # yaml-language-server: $schema=schemas/agreement.schema.json"
        ),
        (
            ("trygg schema", N_("writes schemas/*.schema.json")),
            ("trygg schema --check", N_("in CI: are the checked-in schemas current?")),
        ),
    ),
    "init": (
        N_(
            "Set up a repository for your agreements: .trygg.yaml with comments, an example "
            "agreement for your municipality, pre-commit hooks, a CI workflow that runs "
            "validate and lint on every push and comments what changed on pull requests, a "
            "weekly workflow that fails when something is overdue, the JSON Schemas and "
            "editor settings that use them.\n\n"
            "A file that exists is left alone unless --force is given; every file written "
            "is listed."
        ),
        (
            ("trygg init --municipality Mölndal", N_("here, with GitHub Actions")),
            ("trygg init avtal --municipality Mölndal --ci gitlab", ""),
        ),
    ),
    "new": (
        N_(
            "Start a new document from a skeleton that passes 'trygg validate', with a "
            "fresh id. In a terminal, trygg asks for what is missing and checks each answer; "
            "otherwise give it as options.\n\n"
            "The file goes to overenskommelser/, atgardsplaner/ or medborgarloften/ (the "
            "folders the editor settings of 'trygg init' know), named after its id; -o "
            "chooses another place."
        ),
        (
            ("trygg new agreement --municipality Mölndal", ""),
            ("trygg new action-plan --agreement molndal-lokal-2026", ""),
            ("trygg new citizen-promise --agreement molndal-lokal-2026 -o lofte.yaml", ""),
        ),
    ),
    "report": (
        N_(
            "Follow-ups (uppföljningar): the document that records what was done and "
            "measured at one follow-up occasion of an agreement, an action plan or a citizen "
            "promise."
        ),
        (("trygg report new molndal-lokal-2023 --occasion 2025", ""),),
    ),
    "report new": (
        N_(
            "Write a draft follow-up of an agreement (with its action plan and citizen "
            "promise), an action plan or a citizen promise, at the occasion 'trygg due' "
            "shows: every action and commitment with its status now, every indicator with "
            "its last value and an empty place for the new one. The draft passes 'trygg "
            "validate'; fill it in, and add 'date:' when the follow-up is done: then it "
            "closes its occasion in 'trygg due'.\n\n"
            "The file goes to uppfoljningar/, named after its id; -o chooses another place."
        ),
        (
            ("trygg report new molndal-lokal-2023 --occasion 2025", ""),
            ("trygg report new molndal-lokal-2023 --occasion 2025-04-30 -o -", N_("to the screen")),
            ("trygg report new molndal-medborgarlofte-2023 --occasion validity_end", ""),
        ),
    ),
}


HELP["import"] = (
    N_(
        "Read the agreement, action plan or citizen promise a municipality already has — a "
        "Word file, a PDF, a web page, text or Markdown — into a draft YAML document.\n\n"
        "The draft never invents: every value has a comment that quotes the sentence it was "
        "read from, with its line or page; what a document must have but the text did not "
        "say is marked TODO, and lint reports it until it is completed; text that fits no "
        "field is kept as a section. Nothing is written over an existing file without "
        "--force. Exit code 0 written; 2 a document could not be read (empty, corrupt, "
        "locked with a password, or pictures only)."
    ),
    (
        ("trygg import avtal.docx -o overenskommelse.yaml", ""),
        ("trygg import avtal.pdf plan.pdf --into utkast/", N_("the plan links to the agreement")),
        ("trygg import lofte.html --kind citizen-promise", ""),
    ),
)


def command_help(name: str) -> str:
    """The ``--help`` text of the command ``name`` in the user's language, as click wants
    it (``\\b`` keeps the example lines as they are)."""
    description, examples = HELP[name]
    width = max((len(command) for command, _comment in examples), default=0)
    lines = []
    for command, comment in examples:
        lines.append(f"  {command:<{width}}  # {_(comment)}" if comment else f"  {command}")
    text = _(description)
    if lines:
        text += "\n\n" + _("Examples:") + "\n\n\b\n" + "\n".join(lines)
    return text
