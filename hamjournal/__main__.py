"""Allow ``python -m hamjournal``."""

from hamjournal.cli import main

raise SystemExit(main())
