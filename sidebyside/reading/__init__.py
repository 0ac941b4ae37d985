"""Reading articles: files, folders and their metadata, page boilerplate.

The text model every later layer indexes: an :class:`~.articles.Article`'s
``text`` is what character offsets point into.
"""
