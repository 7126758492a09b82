"""Rendering for the features that speak first: Telegram HTML and keyboards from services' plain data."""
