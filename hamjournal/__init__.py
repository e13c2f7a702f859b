"""hamjournal: a terminal training journal for runners who strengthen their hamstrings."""

__version__ = "0.1.0"
