"""``trygg diff``: what changed between two versions, in sentences a steering group reads.

:mod:`~trygg_cli.diff.sides` finds the two versions (folders, commits, the working
tree), :mod:`~trygg_cli.diff.run` pairs their documents by id, :mod:`~trygg_cli.diff.compare`
lists the changes, :mod:`~trygg_cli.diff.narrate` says them in words and
:mod:`~trygg_cli.diff.report` writes text, Markdown or JSON.
"""
