# footbot: the Telegram bot in a container.
#
#   docker build -t footbot .
#   docker run -d --name footbot -e TELEGRAM_BOT_TOKEN=... -e ADMIN_USER_IDS=... \
#       -v footbot-data:/data -v footbot-inbox:/inbox footbot
#
# One instance polls Telegram and keeps its store in SQLite under /data. Several instances share
# one PostgreSQL and receive updates by webhook: see compose.yaml. No secret is baked in: the token
# and the rest come from the environment (or an env file given to `docker run --env-file`).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The dependencies first, read from pyproject.toml alone: this layer is rebuilt only when they change,
# not on every change to the source.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Then the source, installed without dependencies. Editable, so that the package keeps finding the
# reference data in /app/seeds beside it (SEEDS_DIR defaults to the folder next to the package).
COPY README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY store ./store
COPY seeds ./seeds
RUN pip install --no-deps -e . \
    && python -m compileall -q bot handlers store

# An unprivileged user owns the volumes; a volume mounted empty takes this ownership on first use.
RUN useradd --system --uid 10001 --create-home --home-dir /home/footbot footbot \
    && mkdir -p /data /inbox \
    && chown footbot:footbot /data /inbox
USER footbot

ENV DATABASE_URL=sqlite:////data/footbot.db \
    INBOX_DIR=/inbox \
    MPLCONFIGDIR=/home/footbot/.config/matplotlib
VOLUME ["/data", "/inbox"]
# the webhook server, for `footbot run --webhook` (WEBHOOK_PORT)
EXPOSE 8443

# The store answers and is migrated, the inbox is writable (`footbot health --webhook` also checks
# the webhook server: compose.yaml uses that for its webhook instances).
HEALTHCHECK --interval=30s --timeout=15s --start-period=60s --retries=3 CMD ["footbot", "health"]

# PTB's run loop stops cleanly on SIGTERM (`docker stop`) and SIGINT.
CMD ["footbot", "run"]
