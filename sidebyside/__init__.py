"""sidebyside: read several versions of one story side by side.

The engine (reading articles, aligning, saving) never imports Textual; the
app lives in :mod:`sidebyside.app` and is imported only when it runs.
"""

__version__ = "0.1.0"
