# syntax=docker/dockerfile:1
# The learnbot image: `docker build -t learnbot .` (compose.yaml does it). Configuration comes only from
# LEARNBOT_* environment variables (see .env.example); content and locales are inside, the database is not.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/learnbot
# The locked, hash-checked dependency set first: a change to the code reuses this layer.
COPY requirements.lock /tmp/requirements.lock
RUN /opt/learnbot/bin/pip install --require-hashes --no-deps --only-binary=:all: -r /tmp/requirements.lock
COPY pyproject.toml README.md /src/
COPY bot /src/bot
# setuptools and wheel come from the lock too, so nothing unpinned is fetched to build the project.
RUN /opt/learnbot/bin/pip install --no-deps --no-build-isolation --no-index /src \
    && /opt/learnbot/bin/pip check

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="learnbot" \
      org.opencontainers.image.description="Telegram learning assistant for police training"
ENV LANG=C.UTF-8 \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/learnbot/bin:$PATH \
    LEARNBOT_CONTENT_DIR=/app/content \
    LEARNBOT_LOCALES_DIR=/app/locales \
    LEARNBOT_DATABASE_URL=sqlite+aiosqlite:////data/learnbot.sqlite3 \
    LEARNBOT_WEB_HOST=0.0.0.0 \
    LEARNBOT_WEB_PORT=8080
RUN groupadd --system --gid 10001 learnbot \
    && useradd --system --uid 10001 --gid learnbot --home-dir /data --no-create-home \
       --shell /usr/sbin/nologin learnbot \
    && install -d -o learnbot -g learnbot -m 0750 /data
COPY --from=build /opt/learnbot /opt/learnbot
COPY content /app/content
COPY locales /app/locales
WORKDIR /app
USER learnbot:learnbot
# Only a SQLite database lives here; with PostgreSQL (compose.yaml) it stays empty.
VOLUME ["/data"]
EXPOSE 8080
STOPSIGNAL SIGTERM
# No curl in slim images: Python's urllib fails on anything but a 2xx answer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['LEARNBOT_WEB_PORT'], timeout=4)"
ENTRYPOINT ["learnbot"]
CMD ["run"]
