#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (as root) and prints a URL to a fresh test database.
# Prints nothing and fails when PostgreSQL is not installed, so callers can skip those tests.
set -euo pipefail
command -v pg_lsclusters >/dev/null 2>&1 || exit 1
[ "$(id -u)" -eq 0 ] || exit 1
read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1) || exit 1
pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
port=$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')
for _ in $(seq 1 30); do
  su postgres -c "psql -p $port -qAt -c 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -p $port -qAt" >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inspector') THEN
    CREATE ROLE inspector LOGIN SUPERUSER PASSWORD 'inspector';
  END IF;
END \$\$;
SQL
su postgres -c "psql -p $port -qAt -c \"SELECT 1 FROM pg_database WHERE datname='inspector_test'\"" | grep -q 1 \
  || su postgres -c "createdb -p $port -O inspector inspector_test"
echo "postgresql+psycopg://inspector:inspector@127.0.0.1:$port/inspector_test"
