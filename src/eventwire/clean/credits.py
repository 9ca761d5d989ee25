"""Photo credits: the credit at the end of a caption line, split off by its grammar.

Shapes (resources/credits.txt) over the agencies of resources/agencies.txt: "Name/AFP via Getty
Images", "AP Photo/Name", "REUTERS/Name", "Getty Images | Name", "Photo by ...", "Credit: ...".
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.resources import resource_lines


@cache
def _credit_patterns() -> tuple[re.Pattern[str], ...]:
    names = sorted(resource_lines("agencies.txt"), key=len, reverse=True)
    agency = "|".join(re.escape(name) for name in names)
    return tuple(re.compile(p.replace("{AGENCY}", agency)) for p in resource_lines("credits.txt"))


def split_credit(line: str) -> tuple[str, str | None]:
    """(caption, credit) of a caption line; credit None when the line ends with no credit shape."""
    line = line.rstrip()
    best: re.Match[str] | None = None
    for pattern in _credit_patterns():
        for match in pattern.finditer(line):
            if match.end() == len(line) and (best is None or match.start() < best.start()):
                best = match
            break
    if best is None:
        return line, None
    start = best.start()
    # the credit cannot straddle a sentence end: "... on Monday. Jana Ruiz/AFP" starts at "Jana"
    head = re.split(r"/| via |\|", line[start:], maxsplit=1)[0]
    ends = [m.end() for m in re.finditer(r"\w{3,}[.!?][\"\u201d]?\s+(?=[A-Z])", head)]
    if ends:
        start += ends[-1]
    # a credit starts a new phrase: after sentence punctuation, a comma, a bar, or at the start
    before = line[:start].rstrip()
    if before and not before.endswith((".", "!", "?", ")", "|", ",", ":", "\u201d", '"')):
        # "... on September 1. Saul Loeb/AFP" is fine; "... met Saul Loeb/AFP" is not a credit
        head = re.search(r"[.!?\u201d\"]\s+[^.!?]*$", line[:start])
        if head is None:
            return line, None
        start = head.start() + 1
        before = line[:start].rstrip()
    credit = line[start:].strip(" ()|")
    return before.rstrip(" |,-–—"), credit or None
