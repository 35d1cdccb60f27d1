r"""Fill unfinished messages of the zh_CN Linguist file from TSV files.

Each TSV line is ``context<TAB>source<TAB>translation`` (``\\n`` and ``\\t`` escaped as in
Python). Run ``scripts/build_translations.py`` first so the new texts are in the ``.ts``,
then this script, then ``scripts/build_translations.py`` again to compile.

Usage: ``python scripts/fill_translations.py FILE.tsv [FILE.tsv ...]``. Prints the messages
that are still unfinished afterwards; exit code 1 when there are any.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "newmedia_desk_zh_CN.ts"


def _unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def read_tsv(paths: list[str]) -> dict[tuple[str, str], str]:
    """``(context, source) → translation`` from all files; later files win."""
    found: dict[tuple[str, str], str] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path}: expected 3 tab-separated fields: {line!r}")
            context, source, translation = (_unescape(p) for p in parts)
            found[(context, source)] = translation
    return found


def main(argv: list[str]) -> int:
    """Fill the ``.ts`` file; return 1 when messages remain unfinished."""
    table = read_tsv(argv)
    text = TS.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    missing: list[str] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            value = table.get((name, source))
            if value is None:
                missing.append(f"{name}\t{source!r}")
                continue
            translation.text = value
            del translation.attrib["type"]
    body = ET.tostring(root, encoding="unicode")
    # Quote characters in text as lupdate writes them, so the diff stays small.
    body = re.sub(
        r">([^<]*)<",
        lambda m: ">" + m.group(1).replace("'", "&apos;").replace('"', "&quot;") + "<",
        body,
    )
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    TS.write_text(header + body + "\n", encoding="utf-8")
    for line in missing:
        print("unfinished:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
