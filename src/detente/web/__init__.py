"""The web dashboard and JSON API (``detente serve``) and the read-only queries behind them.

``detente.web.app.create_app(db)`` builds the FastAPI app (needs the ``web`` extra);
``detente.web.queries`` holds the store queries shared with the report and the exports and
imports nothing from FastAPI; ``detente.web.loadtest`` is the loopback load benchmark.
"""
