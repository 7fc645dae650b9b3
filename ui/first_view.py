"""Which of Gradio's built script and style files a page needs before it shows anything.

A first visit fetches them in a chain: the page names `index-*.js`; once it runs, it asks
for the app's entry and `Blocks-*.js`; once those run, for one module per kind of
component on the page (its `Index-*.js`, its `Example-*.js`, their shared files and
stylesheets, which it waits for too). Each link of the chain waits for the one before it
and for the main thread, which was a third of a first visit on a loaded machine. Named in
the page's HTML as preload links, they are all fetched at once, while `index-*.js` is
still on its way.

The names are read from the build itself, not listed by hand (they change with every
Gradio release): Vite writes each dynamic import as ``import(`./Index-X.js`)`` followed
by `__vite__mapDeps([i, ...])`, indices into the file list the module declares
(`m.f=[...]`), and Gradio's component map (in the `core-*.js` its index imports) keys
those imports by component name (`chatbot:{component:()=>...}`). When the build does not
read that way (another Gradio), the list is empty and the page loads as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

_ENTRY = re.compile(r'<script type="module" crossorigin src="\./assets/([\w.-]+\.js)"')
_NAMED = re.compile(r'"\./assets/([\w.-]+)"')
_FILE_LIST = re.compile(r"m\.f=\[([^\]]*)\]")
# A dynamic import and the dependency indices Vite passes beside it (within a short reach).
_IMPORT = re.compile(
    r"import\(`\./([\w.-]+\.js)`\)((?:(?!import\().){0,160}?)__vite__mapDeps\(\[([\d,]*)\]\)",
    re.S,
)
_COMPONENT = re.compile(r"[{,]([a-z_]+):\{([^{}]*import\([^{}]*)\}")


def first_view_files(component_types: Iterable[str]) -> list[str]:
    """The script and style files (names under Gradio's `/assets/`) a page made of
    components of these types fetches before it shows, the ones its HTML names already
    (`index-*.js` and `index-*.css`) excepted; empty when the build cannot be read."""
    from gradio.route_utils import BUILD_PATH_LIB

    try:
        return list(_first_view(Path(BUILD_PATH_LIB), frozenset(component_types)))
    except (OSError, LookupError, ValueError):
        return []


@cache
def _first_view(assets: Path, types: frozenset[str]) -> tuple[str, ...]:
    page = (assets.parent / "index.html").read_text()
    entry = _find(_ENTRY, page).group(1)
    app, core = _app_and_core(assets, entry)
    names = [app, *_imports(assets, entry)[app]]
    blocks = next(name for name in _imports(assets, app) if name.startswith("Blocks-"))
    names += [blocks, *_imports(assets, app)[blocks]]
    core_files = _file_list(_read(assets, core))
    for kind, body in _COMPONENT.findall(_read(assets, core)):
        if kind in types:
            for match in _IMPORT.finditer(body):
                names += [match.group(1), *(core_files[int(i)] for i in _indices(match))]
    named = set(_NAMED.findall(page))  # already in the page: index-*.js, index-*.css
    return tuple(n for n in dict.fromkeys(names) if n.endswith((".js", ".css")) and n not in named)


def _app_and_core(assets: Path, entry: str) -> tuple[str, str]:
    """The app's entry module and the module holding the component map, both imported by
    the page's `index-*.js`."""
    imported = _imports(assets, entry)
    core = next(name for name in imported if name.startswith("core-"))
    app = next(name for name in imported if name != core)
    return app, core


def _imports(assets: Path, module: str) -> dict[str, list[str]]:
    """The modules `module` imports dynamically, each with the files loaded beside it."""
    files = _file_list(_read(assets, module))
    return {
        match.group(1): [files[int(i)] for i in _indices(match)]
        for match in _IMPORT.finditer(_read(assets, module))
    }


def _indices(match: re.Match[str]) -> list[str]:
    return [index for index in match.group(3).split(",") if index]


def _file_list(text: str) -> list[str]:
    found = _FILE_LIST.search(text)
    if found is None:
        return []
    return [name.strip().strip('"').removeprefix("./") for name in found.group(1).split(",")]


def _find(pattern: re.Pattern[str], text: str) -> re.Match[str]:
    found = pattern.search(text)
    if found is None:
        raise ValueError(f"not found: {pattern.pattern}")
    return found


@cache
def _read(assets: Path, name: str) -> str:
    return (assets / name).read_text(encoding="utf-8")
