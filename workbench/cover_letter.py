"""workbench cover-letter OLD NEW: print NEW (a cover letter from git format-patch)
with the subject title and the text of OLD (our hand-written cover letter).

git writes "*** SUBJECT HERE ***" and "*** BLURB HERE ***" placeholders; the
text of OLD is what stands between its headers and its shortlog (the first
line of the form "Author Name (N):"), so the regenerated shortlog, diffstat
and base-commit of NEW are kept.
"""

import re
import sys

_SHORTLOG = re.compile(r"^\S.* \(\d+\):$")


def split(text):
    """Return (headers, subject title, body text, generated tail)."""
    head, _, rest = text.partition("\n\n")
    m = re.search(r"^Subject: (?:\[[^]]*\] ?)?(.*(?:\n .*)*)", head, re.M)
    title = re.sub(r"\n ", " ", m.group(1)) if m else ""
    lines = rest.split("\n")
    for i, line in enumerate(lines):
        if _SHORTLOG.match(line):
            return head, title, "\n".join(lines[:i]).rstrip() + "\n", "\n".join(lines[i:])
    return head, title, rest, ""


def merge(old, new):
    _, title, body, _ = split(old)
    head, _, _, tail = split(new)
    if not title or "*** SUBJECT HERE ***" in title:
        raise SystemExit("workbench cover-letter: the old cover letter has no subject")
    head = head.replace("*** SUBJECT HERE ***", title)
    return head + "\n\n" + body + "\n" + tail


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        old = f.read()
    with open(argv[2]) as f:
        new = f.read()
    sys.stdout.write(merge(old, new))
    return 0

