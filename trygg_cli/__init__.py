"""trygg: keep Swedish crime-prevention collaboration agreements as checked YAML."""

try:
    # Written by the build from the git tag (pyproject.toml, [tool.hatch.build.hooks.vcs]).
    from trygg_cli._version import __version__
except ImportError:  # a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
