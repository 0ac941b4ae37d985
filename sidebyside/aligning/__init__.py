"""Aligning: tokens, candidates, extension and grouping of shared passages.

Kept import-free so that ``sidebyside.aligning.options`` and
``sidebyside.aligning.tokens`` can be read without loading the aligner;
the aligner itself is :func:`sidebyside.aligning.align.align`.
"""
