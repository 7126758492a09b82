"""The domain, free of Telegram types: unit-tested without a bot."""
