# Production image of Portal KIPP: gunicorn serves the app, whitenoise the static files.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    KIPP_VAR_DIR=/app/var

WORKDIR /app
COPY pyproject.toml README.md ./
COPY config ./config
COPY hubs ./hubs
COPY kipp ./kipp
COPY replication ./replication
RUN pip install --no-cache-dir .
COPY . .

# collectstatic needs settings to load; this key exists only during the build step.
RUN DEBUG=0 SECRET_KEY=collectstatic-only-not-used-at-runtime ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput \
 && useradd --system --home /app kipp \
 && mkdir -p /app/var/media \
 && chown -R kipp /app/var

USER kipp
EXPOSE 8000
# Threaded workers, one process per core plus one (deploy/gunicorn.conf.py; WEB_CONCURRENCY
# and GUNICORN_THREADS change them).
CMD ["gunicorn", "config.wsgi", "--config", "deploy/gunicorn.conf.py", "--access-logfile", "-"]
