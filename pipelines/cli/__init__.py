"""The command line's face: the click commands (commands.py), what they print (console, status), the
DuckDB shell they open (shell)."""

from .commands import entry, main

__all__ = ["entry", "main"]
