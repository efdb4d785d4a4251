"""``trygg lint``: domain rules over checked documents, with configuration, suppressions
and a baseline.

Each rule is a small module in :mod:`trygg_cli.lint.rules` whose docstring is its
documentation. Document rules run in the same (worker) process that validated the file,
beside its node tree; workspace rules collect small facts there and judge them together
afterwards, so that linting a national corpus costs little more than validating it.
"""
