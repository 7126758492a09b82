"""Prometheus metrics, one registry per running bot (tests run several bots in one process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]


class Metrics:
    """Everything /metrics shows; names follow Prometheus conventions (learnbot_*_total, *_seconds)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        registry = self.registry
        self.updates = Counter("learnbot_updates", "Telegram updates processed, by type", ["type"], registry=registry)
        self.update_seconds = Histogram(
            "learnbot_update_seconds", "Time to process one update, handlers and replies included", registry=registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
        )
        self.update_errors = Counter("learnbot_update_errors", "Updates whose handler failed", registry=registry)
        self.messages = Counter("learnbot_messages", "Bot API calls by lane and outcome", ["lane", "outcome"],
                                registry=registry)
        self.rate_limited = Counter("learnbot_rate_limited", "429 Too Many Requests answers, by lane", ["lane"],
                                    registry=registry)
        self.retries = Counter("learnbot_send_retries", "Bot API calls sent again, by reason", ["reason"],
                               registry=registry)
        self.unreachable = Counter("learnbot_unreachable_marks", "Chats marked unreachable after a 403",
                                   registry=registry)
        self.waiting = Gauge("learnbot_delivery_waiting", "Bot API calls waiting for their turn, by lane", ["lane"],
                             registry=registry)
        self.update_queue = Gauge("learnbot_update_queue", "Updates received (polled or by webhook) and not yet processed",
                                  registry=registry)
        self.sql_statements = Counter("learnbot_sql_statements", "SQL statements sent to the database",
                                      registry=registry)
        self.update_sql = Histogram("learnbot_update_sql_statements", "SQL statements sent while processing one update",
                                    registry=registry, buckets=(0, 1, 2, 3, 5, 8, 13, 21))
        self.jobs = Counter("learnbot_jobs", "Scheduled job runs, by job and outcome", ["job", "outcome"],
                            registry=registry)

    def exposition(self) -> bytes:
        """The text format /metrics serves."""
        return generate_latest(self.registry)
