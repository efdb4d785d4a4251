"""``trygg render``: the agreement as the document itself (HTML or Markdown).

:mod:`~trygg_cli.render.run` reads the documents and refuses those that must not be
published, :mod:`~trygg_cli.render.view` builds what a template is given,
:mod:`~trygg_cli.render.words` says dates and cadences in Swedish,
:mod:`~trygg_cli.render.engine` runs Jinja, :mod:`~trygg_cli.render.publish` brings a
whole site up to date (:mod:`~trygg_cli.render.facts`, :mod:`~trygg_cli.render.pages`,
:mod:`~trygg_cli.render.manifest`; :mod:`~trygg_cli.render.site` with PDFs) and
:mod:`~trygg_cli.render.stamp` the footer.
"""
