"""``trygg render``: the agreement as the document itself (HTML or Markdown).

:mod:`~trygg_cli.render.run` reads the documents and refuses those that must not be
published, :mod:`~trygg_cli.render.view` builds what a template is given,
:mod:`~trygg_cli.render.words` says dates and cadences in Swedish,
:mod:`~trygg_cli.render.engine` runs Jinja, :mod:`~trygg_cli.render.site` writes a whole
site and :mod:`~trygg_cli.render.stamp` the footer.
"""
