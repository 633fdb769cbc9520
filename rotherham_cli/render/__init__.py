"""Renderers: Rich tables for people (``tables``), CSV, JSON and Markdown for machines (``machine``)."""
