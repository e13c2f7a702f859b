"""XML from a file we did not write: no DTDs, so no entity expansion and no external entities (what
defusedxml refuses), checked before any parser sees the text."""

from __future__ import annotations

import re

from hamjournal.watch.errors import FileRefused

_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def check_xml(data: bytes, what: str) -> str:
    """The document as text, refused when it declares a DTD or entities or is not UTF-8 text."""
    if _DTD.search(data):
        raise FileRefused(f"{what} declares a DTD or entities, which hamjournal does not read (unsafe XML)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(f"{what} is not UTF-8 text") from None
