#!/usr/bin/env bash
# Several replicas on this machine, as one command: a PostgreSQL cluster, one `chroma run`
# and N `policy-assistant serve` processes sharing one documents folder (README, "Several
# replicas"). Ctrl+C stops them all; the state stays in $STATE for the next start.
#
#   scripts/replicas.sh [N]          # N replicas (default 2) on ports $PORT, $PORT+1, ...
#
# Environment: DOCUMENTS (documents), STATE (data/replicas), PORT (8001),
# PG_PORT (55432), CHROMA_PORT (8100). Put any load balancer in front of the ports.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2}
BIN=.venv/bin
DOCUMENTS=${DOCUMENTS:-documents}
STATE=${STATE:-data/replicas}
PORT=${PORT:-8001}
PG_PORT=${PG_PORT:-55432}
CHROMA_PORT=${CHROMA_PORT:-8100}

INITDB=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$INITDB" ]; then
  echo "PostgreSQL is not installed: make postgres (Debian's postgresql)" >&2
  exit 1
fi
PG_BIN=$(dirname "$(readlink -f "$INITDB")")
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
PGDATA=$STATE/postgres
AS=()
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); fi  # PostgreSQL will not run as root

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  if [ "$(id -u)" = 0 ]; then chown postgres "$PGDATA"; fi
  "${AS[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
fi
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PGDATA" start >/dev/null

pids=()
stop() {
  trap - EXIT INT TERM
  kill -TERM "${pids[@]}" 2>/dev/null || true  # background jobs of a script ignore SIGINT
  wait "${pids[@]}" 2>/dev/null || true
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true
}
trap stop EXIT INT TERM

"$BIN/chroma" run --path "$STATE/chroma" --host 127.0.0.1 --port "$CHROMA_PORT" \
  >"$STATE/chroma.log" 2>&1 &
pids+=($!)
"$BIN/python" - "$CHROMA_PORT" <<'EOF'
import sys, time, httpx
url = f"http://127.0.0.1:{sys.argv[1]}/api/v2/heartbeat"
for _ in range(200):
    try:
        if httpx.get(url, timeout=1).status_code == 200:
            sys.exit(0)
    except httpx.HTTPError:
        time.sleep(0.3)
sys.exit("chroma run did not start")
EOF

export PA_DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
export PA_CHROMA_URL="http://127.0.0.1:$CHROMA_PORT"
echo "PostgreSQL $PA_DATABASE_URL, Chroma $PA_CHROMA_URL, documents $DOCUMENTS"
for i in $(seq 1 "$N"); do
  port=$((PORT + i - 1))
  "$BIN/policy-assistant" serve --documents "$DOCUMENTS" --data-dir "$STATE/replica-$i" \
    --port "$port" >"$STATE/replica-$i.log" 2>&1 &
  pids+=($!)
  echo "replica $i: http://127.0.0.1:$port (log $STATE/replica-$i.log)"
done
echo "Ctrl+C stops them all"
wait
