"""Storage: SQLAlchemy 2 Core over SQLite by default (any SQLAlchemy URL works)."""
