"""Telegram glue, one module per feature; each exposes build_handlers()."""
