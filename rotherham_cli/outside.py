"""Text that came from outside (records, PDFs, file names, the environment): the one rule that makes it
safe to show on a terminal or write to a file. Standard library only; every output applies it."""

from __future__ import annotations

import re

# Characters that must never reach a terminal or a file: C0 controls but the line feed, DEL and the C1
# controls, the bidirectional marks, overrides and isolates that can make text display in a false
# order, and the Unicode line and paragraph separators (a line break to some screens, not to others).
_UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]")


def printable(value: object, one_line: bool = False) -> str:
    """The one rule for text that came from outside (records, PDFs, file names, the environment) on
    its way to a terminal or a file: control and bidirectional-override characters removed. With
    ``one_line`` (a message that is one line, a progress line), a line break is shown as ``\\n``
    rather than starting a line that would pass for another message."""
    text = _UNSAFE.sub("", "" if value is None else str(value))
    return text.replace("\n", "\\n") if one_line else text
