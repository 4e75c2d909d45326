#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server on 127.0.0.1 for the test suite and prints its URL.
# Installs postgresql-15 from Debian when it is missing. PostgreSQL refuses to run as root, so the
# cluster is owned by the `postgres` system user. Stop it with: scripts/ci/start-postgres.sh stop
set -euo pipefail

PORT="${ALEX_TEST_PG_PORT:-54329}"
DATA_DIR="${ALEX_TEST_PG_DIR:-/tmp/alex-test-pg}"
BIN=/usr/lib/postgresql/15/bin

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = stop ]; then
  # Stop only a server this script started, never one that was already running.
  if [ -f "${DATA_DIR}.started-by-us" ]; then
    as_postgres "$BIN/pg_ctl" -D "$DATA_DIR" -m fast stop >/dev/null 2>&1 || true
    rm -f "${DATA_DIR}.started-by-us"
  fi
  exit 0
fi

if [ ! -x "$BIN/postgres" ]; then
  echo "installing postgresql-15 from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql-15 >&2
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

if as_postgres "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
  echo "using the PostgreSQL already running on 127.0.0.1:$PORT" >&2
else
  touch "${DATA_DIR}.started-by-us" 2>/dev/null || true
  if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    mkdir -p "$DATA_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DATA_DIR"
    as_postgres "$BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_postgres "$BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c max_connections=200 -c fsync=off" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
