#!/usr/bin/env bash
# The local Hotpath stack without Docker: demo API + upstream + load generator + a real Prometheus, all on
# 127.0.0.1 at free ports, readiness polled (no fixed sleeps), everything torn down on exit, failure or Ctrl-C.
#
#   scripts/stack.sh up               start, print the URLs, run in the foreground until Ctrl-C
#   scripts/stack.sh run -- CMD...    start, run CMD with PROM_URL, DEMO_URL, DEMO_ADMIN_URL, UPSTREAM_URL,
#                                     STACK_DIR exported, tear down, exit with CMD's exit code
#
# Environment (all optional):
#   STACK_DIR            working dir (config, TSDB, logs, binaries, stack.env); default: a fresh temp dir,
#                        removed on exit unless STACK_KEEP=1
#   STACK_RULES          a Prometheus rule file to load (e.g. provisioning/generated/prometheus-rules.yml)
#   STACK_LOAD_RATE      load generator rate in rps (default 40)
#   STACK_LOAD_DURATION  load generator duration (default 30m for run, 2h for up)
#   STACK_LOAD_MIX       route mix (default: the load generator's)
#   STACK_READY_TIMEOUT  seconds to wait for each component (default 90)
#   HOTPATH_*, PYROSCOPE_URL  passed through to the demo (see demo/README.md)
# Also accepted as flags before the mode's arguments: --rules FILE.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

MODE=${1:-}
[ -n "$MODE" ] || usage
shift
while [ $# -gt 0 ]; do
  case $1 in
    --rules) STACK_RULES=$2; shift 2 ;;
    --) shift; break ;;
    *) [ "$MODE" = run ] && break; usage ;;
  esac
done
case $MODE in
  up) ;;
  run) [ $# -gt 0 ] || { echo "stack: run needs a command: scripts/stack.sh run -- CMD..." >&2; exit 2; } ;;
  *) usage ;;
esac

for tool in go prometheus curl node; do
  command -v "$tool" >/dev/null || { echo "stack: '$tool' not found on PATH (Prometheus: apt-get install prometheus)" >&2; exit 1; }
done

OWN_DIR=0
if [ -z "${STACK_DIR:-}" ]; then
  STACK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hotpath-stack.XXXXXX")
  OWN_DIR=1
fi
mkdir -p "$STACK_DIR"/{bin,logs,prometheus/data}
READY_TIMEOUT=${STACK_READY_TIMEOUT:-90}
PIDS=()
NAMES=()

log() { printf 'stack: %s\n' "$*" >&2; }

teardown() {
  local rc=$?
  trap - EXIT INT TERM
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
  done
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    local n=0
    while kill -0 "${PIDS[$i]}" 2>/dev/null && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
    kill -KILL "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
  # On failure (not on Ctrl-C/TERM) show what the components said last.
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 130 ] && [ "$rc" -ne 143 ] && [ -d "$STACK_DIR/logs" ]; then
    for f in "$STACK_DIR"/logs/*.log; do
      [ -s "$f" ] || continue
      log "--- last lines of $(basename "$f")"
      tail -n 15 "$f" >&2 || true
    done
  fi
  if [ "$OWN_DIR" = 1 ] && [ "${STACK_KEEP:-0}" != 1 ]; then
    rm -rf "$STACK_DIR"
  else
    log "kept $STACK_DIR"
  fi
  exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start NAME CMD... : run a component in the background, logs in $STACK_DIR/logs/NAME.log
start() {
  local name=$1
  shift
  "$@" >"$STACK_DIR/logs/$name.log" 2>&1 &
  PIDS+=($!)
  NAMES+=("$name")
}

# wait_http NAME URL [GREP]: poll until URL answers 2xx (and its body matches GREP), or the component died.
wait_http() {
  local name=$1 url=$2 pattern=${3:-} deadline=$((SECONDS + READY_TIMEOUT)) pid=${PIDS[${#PIDS[@]} - 1]}
  while [ $SECONDS -lt $deadline ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited before it was ready"
      return 1
    fi
    local body
    if body=$(curl -fsS --max-time 2 "$url" 2>/dev/null); then
      if [ -z "$pattern" ] || grep -q "$pattern" <<<"$body"; then
        return 0
      fi
    fi
    sleep 0.2
  done
  log "$name not ready after ${READY_TIMEOUT}s ($url)"
  return 1
}

# Free ports: bind all at once on 127.0.0.1:0 so they are distinct, then release them.
read -r PROM_PORT API_PORT ADMIN_PORT UP_PORT < <(node -e '
const net = require("net"); const servers = [];
(async () => {
  for (let i = 0; i < 4; i++) servers.push(await new Promise((ok, ko) => { const s = net.createServer(); s.on("error", ko); s.listen(0, "127.0.0.1", () => ok(s)); }));
  console.log(servers.map((s) => s.address().port).join(" "));
  servers.forEach((s) => s.close());
})();')

PROM_URL=http://127.0.0.1:$PROM_PORT
DEMO_URL=http://127.0.0.1:$API_PORT
DEMO_ADMIN_URL=http://127.0.0.1:$ADMIN_PORT
UPSTREAM_URL=http://127.0.0.1:$UP_PORT

log "building demo binaries into $STACK_DIR/bin"
(cd "$ROOT/demo" && go build -o "$STACK_DIR/bin/" ./cmd/demo ./cmd/upstream ./cmd/load)

start upstream env UPSTREAM_ADDR="127.0.0.1:$UP_PORT" "$STACK_DIR/bin/upstream"
wait_http upstream "$UPSTREAM_URL/healthz"

start demo env HOTPATH_ADDR="127.0.0.1:$API_PORT" HOTPATH_ADMIN_ADDR="127.0.0.1:$ADMIN_PORT" \
  HOTPATH_UPSTREAM_URL="$UPSTREAM_URL" "$STACK_DIR/bin/demo"
wait_http demo "$DEMO_URL/healthz"
wait_http demo-admin "$DEMO_ADMIN_URL/healthz"

CONFIG=$STACK_DIR/prometheus/prometheus.yml
{
  echo "# generated by scripts/stack.sh"
  echo "global:"
  echo "  scrape_interval: 1s"
  echo "  scrape_timeout: 1s"
  echo "  evaluation_interval: 1s"
  if [ -n "${STACK_RULES:-}" ]; then
    [ -f "$STACK_RULES" ] || { log "STACK_RULES=$STACK_RULES: no such file"; exit 1; }
    echo "rule_files:"
    echo "  - $(cd "$(dirname "$STACK_RULES")" && pwd)/$(basename "$STACK_RULES")"
  fi
  echo "scrape_configs:"
  echo "  - job_name: hotpath-demo"
  echo "    static_configs:"
  echo "      - targets: ['127.0.0.1:$API_PORT']"
} >"$CONFIG"
if command -v promtool >/dev/null; then
  promtool check config "$CONFIG" >"$STACK_DIR/logs/promtool.log" 2>&1 || { log "promtool rejected $CONFIG"; cat "$STACK_DIR/logs/promtool.log" >&2; exit 1; }
fi
start prometheus prometheus --config.file="$CONFIG" --storage.tsdb.path="$STACK_DIR/prometheus/data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" --storage.tsdb.retention.time=1d --log.level=warn
wait_http prometheus "$PROM_URL/-/ready"
# Ready means: Prometheus has scraped the demo successfully at least once.
wait_http prometheus-scrape "$PROM_URL/api/v1/query?query=up%7Bjob%3D%22hotpath-demo%22%7D%3D%3D1" '"value"'

LOAD_ARGS=(-target "$DEMO_URL" -rate "${STACK_LOAD_RATE:-40}")
if [ "$MODE" = run ]; then LOAD_ARGS+=(-duration "${STACK_LOAD_DURATION:-30m}"); else LOAD_ARGS+=(-duration "${STACK_LOAD_DURATION:-2h}"); fi
[ -n "${STACK_LOAD_MIX:-}" ] && LOAD_ARGS+=(-mix "$STACK_LOAD_MIX")
start load "$STACK_DIR/bin/load" "${LOAD_ARGS[@]}"
# Ready means: Prometheus has seen load-generated requests.
wait_http load "$PROM_URL/api/v1/query?query=sum(http_requests_total%7Bjob%3D%22hotpath-demo%22%7D)%3E0" '"value"'

ENV_FILE=$STACK_DIR/stack.env
cat >"$ENV_FILE" <<EOF
PROM_URL=$PROM_URL
DEMO_URL=$DEMO_URL
DEMO_ADMIN_URL=$DEMO_ADMIN_URL
UPSTREAM_URL=$UPSTREAM_URL
STACK_DIR=$STACK_DIR
EOF
export PROM_URL DEMO_URL DEMO_ADMIN_URL UPSTREAM_URL STACK_DIR

if [ "$MODE" = up ]; then
  log "ready (env in $ENV_FILE, logs in $STACK_DIR/logs):"
  sed 's/^/  /' "$ENV_FILE" >&2
  log "switch a bottleneck: curl -XPOST '$DEMO_ADMIN_URL/admin/bottlenecks/cpu?on=1&for=60s'"
  log "Ctrl-C to stop"
  # Foreground until Ctrl-C or until a component dies.
  while :; do
    for i in "${!PIDS[@]}"; do
      if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
        if [ "${NAMES[$i]}" = load ]; then
          log "load generator finished (STACK_LOAD_DURATION); the stack stays up without load"
          unset 'PIDS[i]' 'NAMES[i]'
          PIDS=("${PIDS[@]}")
          NAMES=("${NAMES[@]}")
          continue 2
        fi
        log "${NAMES[$i]} exited"
        exit 1
      fi
    done
    sleep 1
  done
fi

log "ready; running: $*"
set +e
"$@"
RC=$?
set -e
log "command exited with $RC; tearing down"
exit "$RC"
