# A small well-formedness check for the SVG files gilviz writes (minipy has no xml package):
# every tag closes in order, attributes are quoted, entities are known. Returns the list of
# element names in document order; raises ValueError on a malformed document.
import re

_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+=\"[^\"<]*\")*)\s*(/?)>")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#\d+);")


def _bad_entity(text):
    """Is there an & that does not start a known entity?"""
    return text.count("&") != len(_ENTITY.findall(text))


def elements(text):
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2:]
    stack = []
    names = []
    pos = 0
    while True:
        start = text.find("<", pos)
        chunk = text[pos:] if start < 0 else text[pos:start]
        if _bad_entity(chunk) or ">" in chunk:
            raise ValueError(f"bad character data near {chunk[:40]!r}")
        if start < 0:
            break
        m = _TAG.match(text, start)
        if not m:
            raise ValueError(f"bad tag at {start}: {text[start:start + 40]!r}")
        closing, name, attrs, empty = m.groups()
        if _bad_entity(attrs):
            raise ValueError(f"bad attribute text in <{name}>")
        if closing:
            if not stack or stack.pop() != name:
                raise ValueError(f"unbalanced </{name}>")
        else:
            names.append(name)
            if not empty:
                stack.append(name)
        pos = m.end()
    if stack:
        raise ValueError(f"unclosed <{stack[-1]}>")
    if text[:pos].strip() and (not names or names[0] != "svg"):
        raise ValueError("root element is not svg")
    return names
