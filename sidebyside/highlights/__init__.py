"""Kept highlights: saving them to a file a reader can cite, share and
reopen, and finding them again in the articles when the file is reopened.

The model is simple: the highlights a reader keeps are a mapping
``group id -> note`` (:data:`~sidebyside.model.Kept`; the note is ``""``
when there is none), over the groups of one
:class:`~sidebyside.model.Alignment`.

What the app calls, and when (each concern is one small module):

* **Where to save by default** (:mod:`.locations`): :func:`default_path`
  (one file per corpus in the user data folder; it finds the file again
  even if the corpus folder was renamed).
* **Before saving** (:mod:`.overwrite`): :func:`check_overwrite` returns a
  one-line warning when the save would replace a file holding highlights,
  versions or notes that the new save leaves out, or a file that is not a
  sidebyside highlights file at all; ask the reader, then save with
  ``overwrite=True``.
* **Saving** (:mod:`.saving`): :func:`save` writes ``.json`` (complete,
  reopenable), ``.md`` (a report to paste) or ``.csv`` (one row per
  passage), atomically.  Without ``overwrite=True`` it refuses (raises
  :class:`WouldOverwrite`) whenever :func:`check_overwrite` has a warning,
  so nothing is ever replaced silently, even if the file changed between
  the check and the save.  A forced save that drops highlights keeps a
  backup of the old file beside it.  Every failure is a
  :class:`HighlightsError` with a one-line message.
* **Reopening** (:mod:`.loading`, :mod:`.anchoring`): :func:`load` reads
  and validates a ``.json`` file (:mod:`.fileformat`) and finds every saved
  passage in the current articles, even if an article was edited since
  (:func:`find_span`); what cannot be found is listed in
  :attr:`Loaded.missing`, never dropped silently.
* **Merging** (:mod:`.merging`): :func:`apply` merges the loaded
  highlights into the current alignment and returns the kept mapping keyed
  by the current group ids.

Layers: this package reads the model and the export records, never the
aligner (importing it does not load :mod:`sidebyside.aligning.align`).
"""

from .anchoring import MIN_SCORE, find_span
from .fileformat import (
    EXTENSIONS,
    FILE_TYPE,
    HighlightsError,
    format_of,
    highlights_record,
)
from .loading import Loaded, Missing, SavedGroup, load, saved_paths
from .locations import SavedPlace, corpus_key, corpus_slug, default_path, find_saved, highlights_dir
from .merging import apply
from .overwrite import WouldOverwrite, check_overwrite
from .saving import Saved, render, save

__all__ = [
    "EXTENSIONS",
    "FILE_TYPE",
    "MIN_SCORE",
    "HighlightsError",
    "Loaded",
    "Missing",
    "Saved",
    "SavedGroup",
    "WouldOverwrite",
    "apply",
    "check_overwrite",
    "corpus_key",
    "corpus_slug",
    "default_path",
    "find_saved",
    "SavedPlace",
    "find_span",
    "format_of",
    "highlights_dir",
    "highlights_record",
    "load",
    "render",
    "save",
    "saved_paths",
]
