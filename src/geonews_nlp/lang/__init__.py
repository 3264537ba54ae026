"""Language-specific resources, one subpackage a language; the core only calls ``get(lang)``."""
