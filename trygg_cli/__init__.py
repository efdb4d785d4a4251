"""trygg: keep Swedish crime-prevention collaboration agreements as checked YAML."""

__version__ = "0.1.0"
