#!/usr/bin/env bash
# Starts a local sync server seeded with the demo data (in the background, unless --foreground)
# and points the demo profile at it. Used by `make run`, `make run-check` and `make server`.
# A failure says what went wrong and where the details are, and exits 1.
set -euo pipefail
BIN=${BIN:-.venv/bin}
DEMO_DIR=${DEMO_DIR:-.demo/profile}
DB_FILE=${SERVER_DB:-.demo/server.db}
BLOBS=${SERVER_BLOBS:-.demo/server-blobs}
PORT=${SERVER_PORT:-8765}
URL="http://127.0.0.1:$PORT"
LOG=.demo/server.log

fail() {
  echo "Demo sync server: $1" >&2
  exit 1
}

healthy() {
  "$BIN/python" -c "import httpx, sys; sys.exit(httpx.get('$URL/api/v1/health', timeout=1).status_code != 200)" \
    >/dev/null 2>&1
}

mkdir -p "$(dirname "$DB_FILE")" .demo
if [ ! -f "$DB_FILE" ]; then
  echo "Seeding the demo sync server from $DEMO_DIR …"
  # Seeded into a side file and moved in place only when complete: a seeding cut short is
  # redone next time instead of leaving a half-filled server.
  rm -rf "$DB_FILE.seeding" "$DB_FILE.seeding-wal" "$DB_FILE.seeding-shm" "$BLOBS"
  if ! "$BIN/inspector-server" --db "$DB_FILE.seeding" --blobs "$BLOBS" admin seed "$DEMO_DIR" \
      >.demo/seed.log 2>&1; then
    reason=$(grep -v '^\s' .demo/seed.log | tail -n 1)
    fail "seeding failed: ${reason:-see .demo/seed.log} (details in .demo/seed.log)"
  fi
  mv "$DB_FILE.seeding" "$DB_FILE"
  rm -f "$DB_FILE.seeding-wal" "$DB_FILE.seeding-shm"
fi
if [ "${1:-}" = "--foreground" ]; then
  echo "Sync server on $URL (Ctrl+C stops it; OpenAPI at $URL/docs)"
  exec "$BIN/inspector-server" --db "$DB_FILE" --blobs "$BLOBS" serve --port "$PORT"
fi
if healthy; then
  echo "A sync server already answers on $URL; using it."
else
  nohup "$BIN/inspector-server" --db "$DB_FILE" --blobs "$BLOBS" serve --port "$PORT" >"$LOG" 2>&1 &
  echo $! > .demo/server.pid
  for _ in $(seq 1 300); do
    healthy && break
    kill -0 "$(cat .demo/server.pid)" 2>/dev/null || break
    sleep 0.1
  done
  if ! healthy; then
    rm -f .demo/server.pid
    reason=$(grep -v '^\s' "$LOG" | tail -n 1)
    fail "the server did not start on $URL: ${reason:-no answer within 30 s} (log: $LOG)"
  fi
  echo "Sync server started in the background on $URL (pid $(cat .demo/server.pid), log $LOG)"
fi
"$BIN/inspector-app" --data-dir "$DEMO_DIR" sync-server "$URL" >/dev/null \
  || fail "could not point the demo profile at $URL"
echo "The demo profile syncs with $URL; \`make stop-server\` stops the server."
