"""Emulates the OB 2.0 extractor: the Python bakery used by openbadges-validator-core (DIGEST section 2.3).

PNG: the first iTXt chunk whose data starts with b"openbadges\\x00" (header stripped with the same regular
expression as the bakery), else a tEXt chunk with that keyword. SVG: xml.dom.minidom (expat, namespace
processing on) and getElementsByTagName("openbadges:assertion"); the verify attribute if present, else the
CDATA section. Prints one JSON object per file: {"file": ..., "payload": ... or null, "error": ...}.
"""
import json
import re
import struct
import sys
from xml.dom.minidom import parseString


def unbake_png(data):
    pos = 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        ctype = data[pos + 4:pos + 8]
        content = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if ctype == b"iTXt" and content.startswith(b"openbadges\x00"):
            return re.sub(b"openbadges[\x00]+", b"", content).decode("utf8")
        if ctype == b"tEXt" and content.startswith(b"openbadges\x00"):
            return content.split(b"\x00")[1].decode("utf8")
        if ctype == b"IEND":
            break
    return None


def unbake_svg(data):
    doc = parseString(data)
    nodes = doc.getElementsByTagName("openbadges:assertion")
    if not nodes:
        return None
    node = nodes[0]
    if node.hasAttribute("verify"):
        return node.getAttribute("verify")
    for child in node.childNodes:
        if child.nodeType == child.CDATA_SECTION_NODE:
            return child.nodeValue
    return None


for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    try:
        if data[:8] == b"\x89PNG\r\n\x1a\n":
            payload = unbake_png(data)
        elif b"<svg" in data[:256]:
            payload = unbake_svg(data)
        else:
            raise ValueError("not a baked image")
        print(json.dumps({"file": path, "payload": payload}))
    except Exception as error:  # report, so the test shows the reason
        print(json.dumps({"file": path, "payload": None, "error": repr(error)}))
