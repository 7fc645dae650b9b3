"""What a stored index depends on in the code: a digest of the modules a step runs.

A step (turning files into chunks, extracting figures and duties) is named by the modules it
starts from; the digest covers those and every `index` module they import, followed to the
end. A helper a cleaner calls (say, the reader of tables laid out with spaces) changes the
output as much as the cleaner does, and a hand list of modules misses the helper added later.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from pathlib import Path

PACKAGE = "index"
# Data files a module reads as its own code: the gazetteer's place names.
MODULE_DATA = {"index.gazetteer": (Path("data") / "places.json",)}


def _source(name: str) -> Path | None:
    """The file of an `index` module by its name, None for a name that is no module."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = Path(__file__).parent.joinpath(*parts[1:])
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imported(name: str, tree: ast.AST) -> set[str]:
    """The `index` modules a module's source imports, at its top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            # "from index import cleaning" names a module; "from index.x import y" a value.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {module for module in found if module != name and _source(module) is not None}


def modules_behind(roots: Iterable[str]) -> dict[str, Path]:
    """The source files of the `index` modules `roots` import, themselves included, by
    module name in order."""
    seen: dict[str, Path] = {}
    stack = list(roots)
    while stack:
        name = stack.pop()
        path = _source(name)
        if name in seen or path is None:
            continue
        seen[name] = path
        stack.extend(_imported(name, ast.parse(path.read_bytes())))
    return dict(sorted(seen.items()))


def code_digest(roots: Iterable[str]) -> str:
    """A short digest of the source of the modules behind `roots`, and of the data files
    those modules read (`MODULE_DATA`)."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for name, path in modules_behind(roots).items():
        digest.update(path.read_bytes())
        for data in MODULE_DATA.get(name, ()):
            digest.update((package / data).read_bytes())
    return digest.hexdigest()[:16]
