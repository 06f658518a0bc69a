#!/usr/bin/env bash
# Installs Debian's PostgreSQL 15, builds pgvector from Debian trixie's source package (bookworm ships none), and
# starts a loopback cluster with the extension, for the pgvector tests and `bench rag`.
# The system's apt configuration is left untouched: trixie's deb-src entry lives in a private sources list.
#   sudo scripts/pgvector-dev.sh          then   export AR_PGVECTOR_URL=...   (printed at the end)
# Environment: AR_PGVECTOR_PORT (default 55432), AR_PGVECTOR_DIR (default /var/tmp/ar-agent-pgvector).
set -euo pipefail

PORT="${AR_PGVECTOR_PORT:-55432}"
DIR="${AR_PGVECTOR_DIR:-/var/tmp/ar-agent-pgvector}"
PG=/usr/lib/postgresql/15/bin
URL="jdbc:postgresql://127.0.0.1:${PORT}/postgres?user=postgres"

if [ "$(id -u)" -ne 0 ]; then
  echo "run as root (it installs Debian packages and starts the cluster as the postgres user)" >&2
  exit 1
fi
mkdir -p "$DIR"

if "$PG/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null \
    && "$PG/../../../../bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_extension where extname='vector'" 2>/dev/null | grep -q 1; then
  echo "pgvector cluster already running on port $PORT"
  echo "AR_PGVECTOR_URL=$URL"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "== installing PostgreSQL 15 and build tools (Debian packages)"
apt-get update -qq
apt-get install -y -qq postgresql-15 postgresql-server-dev-15 build-essential dpkg-dev >/dev/null

echo "== fetching pgvector's source package from Debian trixie through a private sources list"
URI="$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
[ -n "$URI" ] || URI="$(grep -m1 -oE '^deb\s+(\[[^]]*\]\s+)?\S+' /etc/apt/sources.list | awk '{print $NF}')"
APT="$DIR/apt"
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/sources"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $URI trixie main" > "$APT/sources/trixie-src.list"
OPTS=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$APT/sources" -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache")
apt-get "${OPTS[@]}" update -qq
rm -rf "$DIR/build" && mkdir -p "$DIR/build"
(cd "$DIR/build" && apt-get "${OPTS[@]}" source -qq pgvector >/dev/null)
SRC="$(find "$DIR/build" -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"

echo "== building pgvector ($(basename "$SRC")) against PostgreSQL 15"
make -s -C "$SRC" PG_CONFIG="$PG/pg_config" OPTFLAGS="" >/dev/null
make -s -C "$SRC" PG_CONFIG="$PG/pg_config" install >/dev/null

echo "== starting a loopback cluster on port $PORT"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  mkdir -p "$DIR/data" && chown -R postgres:postgres "$DIR"
  runuser -u postgres -- "$PG/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
fi
chown -R postgres:postgres "$DIR"
runuser -u postgres -- "$PG/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w \
  -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c shared_buffers=2GB" start >/dev/null
runuser -u postgres -- psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "create extension if not exists vector"
echo "pgvector $(runuser -u postgres -- psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select extversion from pg_extension where extname='vector'") ready"
echo "AR_PGVECTOR_URL=$URL"
