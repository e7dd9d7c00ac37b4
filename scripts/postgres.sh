# Sourced by ./test: make sure a PostgreSQL server answers with trust auth and export its URL as
# FOOTBOT_TEST_POSTGRES_URL (and its binaries as FOOTBOT_PG_BIN, for tests that run their own
# server). Order: the server on 127.0.0.1:5432 (database "test") when it answers; otherwise, as
# root on Debian, install the distribution's package; then start a private cluster under .pg/.
# Under CI a PostgreSQL that cannot be had is an error; elsewhere the PostgreSQL tests skip.

pg_try() {  # pg_try URL: does a trust-auth connection succeed?
  python - "$1" <<'PY' >/dev/null 2>&1
import sys, psycopg
psycopg.connect(sys.argv[1], connect_timeout=3).close()
PY
}

pg_bin_dir() {
  for d in "${FOOTBOT_PG_BIN:-}" /usr/lib/postgresql/*/bin; do
    [ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
  return 1
}

pg_as_owner() {  # postgres refuses to run as root: run server commands as the 'postgres' user then
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

pg_private_cluster() {
  local bin="$1" dir="$PWD/.pg" port=5432
  python - <<'PY' || port=54329
import socket, sys
s = socket.socket()
sys.exit(0 if s.connect_ex(("127.0.0.1", 5432)) != 0 else 1)
PY
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    pg_as_owner "'$bin/initdb' -D '$dir' -A trust -U postgres" >/dev/null
  fi
  pg_as_owner "'$bin/pg_ctl' -D '$dir' -l '$dir/server.log' -w -o '-c listen_addresses=127.0.0.1 -p $port -k /tmp' start" >/dev/null || true
  pg_as_owner "'$bin/createdb' -h 127.0.0.1 -p $port -U postgres test" >/dev/null 2>&1 || true
  echo "postgresql+psycopg://postgres@127.0.0.1:$port/test"
}

FOOTBOT_TEST_POSTGRES_URL="${FOOTBOT_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
if ! pg_try "${FOOTBOT_TEST_POSTGRES_URL/+psycopg/}"; then
  if ! pg_bin_dir >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL not found: installing Debian's postgresql package..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  if bin="$(pg_bin_dir)"; then
    FOOTBOT_TEST_POSTGRES_URL="$(pg_private_cluster "$bin")"
  fi
fi
if pg_try "${FOOTBOT_TEST_POSTGRES_URL/+psycopg/}"; then
  export FOOTBOT_TEST_POSTGRES_URL
  FOOTBOT_PG_BIN="$(pg_bin_dir || true)"
  export FOOTBOT_PG_BIN
elif [ "${CI:-}" = "true" ]; then
  echo "CI: no PostgreSQL server could be reached or started; the PostgreSQL tests cannot run." >&2
  exit 1
else
  echo "warning: no PostgreSQL server; PostgreSQL tests will be skipped." >&2
  unset FOOTBOT_TEST_POSTGRES_URL
fi
