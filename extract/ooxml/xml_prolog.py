"""Refuse an XML part whose prolog declares a DTD or entities, before any parser sees it.

The parser already never resolves entities nor loads a DTD (package.xml_parser);
this is the second lock: no Office part has a DOCTYPE, so one is a crafted file
(billion laughs, XXE) and gets a clear error instead of half-expanded text.
"""

from __future__ import annotations

from jixiao.extract.exceptions import DamagedDocument

XML_SUFFIXES = (".xml", ".rels", ".vml")
_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be", b"<\x00": "utf-16-le", b"\x00<": "utf-16-be"}
_WHITESPACE = " \t\r\n"


def check_prolog(head: bytes, path: str, part: str) -> None:
    """Raise DamagedDocument unless `head` (the first bytes of a part) starts like a plain XML document.

    Walks the prolog (XML declaration, comments, processing instructions) up to the
    root element; a <!DOCTYPE or any other <! declaration there is refused, and so
    is a prolog that does not end within `head` while the part goes on.
    """
    text = _decode(head)
    i = 1 if text.startswith("\ufeff") else 0
    while True:
        while i < len(text) and text[i] in _WHITESPACE:
            i += 1
        if i >= len(text):
            return
        if text.startswith("<?", i):
            end = text.find("?>", i + 2)
            step = 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            step = 3
        elif text.startswith("<!", i):
            raise DamagedDocument(path, f"part {part} declares a DTD/entities (<!DOCTYPE>), which no Word file does; refused")
        elif text[i] == "<":
            return
        else:
            raise DamagedDocument(path, f"part {part} is not XML (or not in UTF-8/UTF-16); open it in Word and save it again")
        if end < 0:
            raise DamagedDocument(path, f"part {part} has an unterminated or overlong XML prolog; refused")
        i = end + step


def _decode(head: bytes) -> str:
    for bom, codec in _UTF16.items():
        if head.startswith(bom):
            return head[: len(head) // 2 * 2].decode(codec, "replace")
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    # Markup is ASCII in UTF-8 and every other single-byte encoding; latin-1 never fails.
    return head.decode("latin-1")
