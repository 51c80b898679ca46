#!/usr/bin/env bash
# Starts a local sync server seeded with the demo data (in the background, unless --foreground)
# and points the demo profile at it. Used by `make run` and `make server`.
set -euo pipefail
BIN=${BIN:-.venv/bin}
DEMO_DIR=${DEMO_DIR:-.demo/profile}
DB_FILE=${SERVER_DB:-.demo/server.db}
PORT=${SERVER_PORT:-8765}
URL="http://127.0.0.1:$PORT"
LOG=.demo/server.log

healthy() {
  "$BIN/python" -c "import httpx, sys; sys.exit(httpx.get('$URL/api/v1/health', timeout=1).status_code != 200)" \
    >/dev/null 2>&1
}

mkdir -p "$(dirname "$DB_FILE")" .demo
if [ ! -f "$DB_FILE" ]; then
  echo "Seeding the demo sync server from $DEMO_DIR …"
  "$BIN/inspector-server" --db "sqlite:///$DB_FILE" admin seed "$DEMO_DIR" >/dev/null
fi
if [ "${1:-}" = "--foreground" ]; then
  echo "Sync server on $URL (Ctrl+C stops it; OpenAPI at $URL/docs)"
  exec "$BIN/inspector-server" --db "sqlite:///$DB_FILE" serve --port "$PORT"
fi
if ! healthy; then
  nohup "$BIN/inspector-server" --db "sqlite:///$DB_FILE" serve --port "$PORT" >"$LOG" 2>&1 &
  echo $! > .demo/server.pid
  for _ in $(seq 1 100); do
    healthy && break
    sleep 0.1
  done
  echo "Sync server started in the background on $URL (pid $(cat .demo/server.pid), log $LOG)"
fi
"$BIN/inspector-app" --data-dir "$DEMO_DIR" sync-server "$URL" >/dev/null
