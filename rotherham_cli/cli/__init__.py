"""The `judgements` command: thin wiring from options to the core and the renderers.

Heavy modules (pydantic, rich, the records) are imported inside the commands, so that
`--version`, `--help` and shell completion stay instant. Each module registers its commands on the
one Typer app; the import order below is the order `--help` lists them in.

Exit codes: 0 success, 1 bad or missing data, 2 wrong usage, 130 interrupted.
"""

# isort: skip_file
from .app import app, main
from . import records  # noqa: F401 - list, show, validate, schema
from . import changes  # noqa: F401 - diff, timeline
from . import exporting  # noqa: F401 - export
from . import importing  # noqa: F401 - import-report, import-official, check
from . import england  # noqa: F401 - england, compare, journeys, concerns
from . import report  # noqa: F401 - report, chart
from . import search  # noqa: F401 - search, themes
from . import latest  # noqa: F401 - latest

__all__ = ["app", "main"]
