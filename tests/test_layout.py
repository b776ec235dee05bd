"""The package's shape: folders are layers, each importing only those below it; modules stay short."""

import ast
from pathlib import Path

import nosmoke_lib

PACKAGE = Path(nosmoke_lib.__file__).parent

#: Bottom to top: a module may import from its own layer or a lower one, never a higher one.
LAYERS = ["_validate", "core", "training", "data", "network", "evaluation", "plots", "widgets", "exercises"]


def modules():
    """Every module of the package but its top-level __init__ (which gathers the public names)."""
    return [path for path in sorted(PACKAGE.rglob("*.py")) if path != PACKAGE / "__init__.py"]


def dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set:
    """The nosmoke_lib modules that ``path`` imports, as dotted names."""
    here = dotted(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    known = {dotted(p) for p in PACKAGE.rglob("*.py")}
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:  # `from . import plots` imports the module nosmoke_lib.plots
                found.add(f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in known and name != dotted(path)}


def layer(name: str) -> int:
    return LAYERS.index(name.split(".")[1])


def test_every_folder_is_a_layer():
    folders = {path.relative_to(PACKAGE).parts[0].removesuffix(".py") for path in modules()}
    assert folders == set(LAYERS), f"a new folder must take its place in LAYERS: {sorted(folders ^ set(LAYERS))}"


def test_each_layer_imports_only_from_below():
    upward = [
        f"{dotted(path)} imports {name}"
        for path in modules()
        for name in imports(path)
        if layer(name) > layer(dotted(path))
    ]
    assert not upward, "imports that go up a layer:\n" + "\n".join(upward)


def test_the_import_graph_has_no_cycles():
    graph = {dotted(path): imports(path) for path in modules()}
    done, on_path = set(), []

    def visit(name):
        if name in on_path:
            raise AssertionError("import cycle: " + " -> ".join(on_path[on_path.index(name) :] + [name]))
        if name in done or name not in graph:
            return
        on_path.append(name)
        for other in sorted(graph[name]):
            visit(other)
        on_path.pop()
        done.add(name)

    for name in graph:
        visit(name)


def test_no_module_is_over_450_lines():
    long = {dotted(path): n for path in modules() if (n := len(path.read_text().splitlines())) > 450}
    assert not long, f"split these modules by what they hold: {long}"


def test_the_layer_check_sees_an_upward_import(tmp_path):
    """The checks above can fail: a core module importing the widgets is caught."""
    bad = PACKAGE / "core" / "_upward_probe.py"
    bad.write_text("from ..widgets import training_widget\n")
    try:
        assert "nosmoke_lib.widgets" in imports(bad)
        assert layer("nosmoke_lib.widgets") > layer(dotted(bad))
    finally:
        bad.unlink()
