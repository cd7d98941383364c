"""`make demo`: analyse the bundled demo corpus and write its database and report."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .config import Options


def demo_corpus() -> Path:
    """The folder of project-written briefs shipped inside the package."""
    return Path(str(resources.files("detente") / "data" / "demo"))


def run_demo(out_dir: Path, options: Options | None = None) -> dict[str, str]:
    """Analyse the demo corpus into ``out_dir`` (fresh database) and build its report."""
    from .pipeline import analyze
    from .report import build_report

    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "detente.duckdb"
    options = (options or Options()).with_(db=db, quiet=True)
    result = analyze([demo_corpus()], options)
    report = build_report(db, out_dir / "report.html", dyad="JPN-RUS")
    return {
        "corpus": str(demo_corpus()),
        "documents": f"{result.analyzed} analysed, {len(result.rejected)} rejected",
        "event mentions": f"{result.events} ({result.merged_events} merged events)",
        "database": str(db),
        "report": str(report),
        "next": f"detente timeline JPN RUS --db {db}   |   detente serve --db {db}",
    }
