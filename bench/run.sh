#!/usr/bin/env bash
# Jinto's load suite in one command: builds, measures PostgreSQL's and Tomcat's own limits, starts Jinto,
# creates the account user and the data, runs every scenario, prints one table and writes it to
# bench/results/<date>-<backend>/results.md. bench/README.md describes the scenarios and the options.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")

usage() {
  cat <<EOF
usage: bench/run.sh [--quick] [--backend memory|postgresql] [--auth account|basicauth]
                    [--seconds N] [--warmup N] [--large N] [--no-build] [--webapp DIR]
  --quick     5 s per scenario after 2 s of warm-up, a large collection of 10,000, pgbench scale 1
  --backend   Jinto's storage and permission backend (default memory; the cache stays in memory)
  --auth      account (default: Kinto's accounts, created by the setup) or basicauth
  --seconds   measured seconds per scenario (default 30)
  --warmup    unrecorded seconds before each scenario (default 20: the JIT needs about that to settle)
  --large     records in the large collection (default 1000000)
  --no-build  use the WAR, launcher and bench jars already built
  --webapp    the exploded Jinto WAR to measure (default server/target/jinto), e.g. another build for a before/after
Environment: BENCH_JINTO_PORT (8886), BENCH_BARE_PORT (8889), BENCH_THREADS (wrk threads, 2),
  BENCH_JAVA_OPTS (server JVM, "-Xms2g -Xmx6g"), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres),
  BENCH_MVN_OPTS (extra Maven options, e.g. -o), and any Jinto setting (KINTO_CACHE_BACKEND=memory, ...).
EOF
}

die() {
  echo "bench: $*" >&2
  exit 1
}

backend=memory auth=account quick=false build=true seconds='' warmup='' large=''
webapp=$ROOT/server/target/jinto
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --backend) backend=${2:?--backend needs a value}; shift ;;
    --auth) auth=${2:?--auth needs a value}; shift ;;
    --seconds) seconds=${2:?--seconds needs a value}; shift ;;
    --warmup) warmup=${2:?--warmup needs a value}; shift ;;
    --large) large=${2:?--large needs a value}; shift ;;
    --no-build) build=false ;;
    --webapp) webapp=$(cd "${2:?--webapp needs a value}" && pwd); shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
  shift
done
case "$backend" in memory|postgresql) ;; *) die "--backend must be memory or postgresql" ;; esac
case "$auth" in account|basicauth) ;; *) die "--auth must be account or basicauth" ;; esac
if $quick; then
  seconds=${seconds:-5} warmup=${warmup:-2} large=${large:-10000} pgscale=1
else
  seconds=${seconds:-30} warmup=${warmup:-20} large=${large:-1000000} pgscale=10
fi

CONNECTIONS=16
THREADS=${BENCH_THREADS:-2}
JINTO_PORT=${BENCH_JINTO_PORT:-8886}
BARE_PORT=${BENCH_BARE_PORT:-8889}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms2g -Xmx6g}
BENCH_USER=bench
BENCH_PASSWORD=bench-secret-password
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JINTO_DB=jinto_bench
PGBENCH_DB=jinto_bench_pgbench
LAUNCHER=$ROOT/launcher/target/jinto-launcher.jar
SETUP_JAR=$BENCH/setup/target/jinto-bench-setup.jar
LOADGEN_JAR=$BENCH/loadgen/target/jinto-bench-loadgen.jar
export LUA_PATH="$BENCH/lua/?.lua;;"

# --- tools -------------------------------------------------------------------------------------------------

# wrk is a Debian package: install it when missing and allowed to (root with apt-get), as a fresh machine needs.
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing wrk (Debian package)..."
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
for tool in java jcmd wrk pgbench psql createdb dropdb curl base64 awk; do
  command -v "$tool" >/dev/null || die "$tool is required (wrk and pgbench: apt-get install wrk postgresql-client)"
done
$build && { command -v mvn >/dev/null || die "mvn is required to build (or pass --no-build)"; }
psql -d postgres -Atqc 'SELECT 1' >/dev/null || die "PostgreSQL is not reachable at $PGUSER@$PGHOST:$PGPORT"

run=$BENCH/results/$(date -u +%Y%m%d-%H%M%S)-$backend
mkdir -p "$run"
RESULTS=$run/results.tsv
: > "$RESULTS"

# --- build -------------------------------------------------------------------------------------------------

if $build; then
  echo "Building the server, the launcher and the bench jars..."
  (cd "$ROOT" && mvn -q -B ${BENCH_MVN_OPTS:-} -DskipTests package)
  mvn -q -B ${BENCH_MVN_OPTS:-} -f "$BENCH/pom.xml" -DskipTests package
fi
for built in "$LAUNCHER" "$webapp" "$BENCH/bare-servlet/target/bare-servlet" "$BENCH/jaxrs-endpoint/target/jaxrs-endpoint" \
  "$SETUP_JAR" "$LOADGEN_JAR"; do
  [ -e "$built" ] || die "$built is missing: run without --no-build"
done

# --- servers (one at a time; only the one this script started is stopped) ------------------------------------

server_pid=''
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=''
  fi
}
trap stop_server EXIT

# start_server NAME PORT WEBAPP [VAR=value...]: the launcher on WEBAPP, ready when /v1/ answers.
start_server() {
  local name=$1 port=$2 webapp=$3
  shift 3
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    die "port $port is already in use"
  fi
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  env JINTO_PORT="$port" "$@" java $JAVA_OPTS -jar "$LAUNCHER" "$webapp" > "$run/$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/v1/"; then
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      server_pid=''
      tail -n 20 "$run/$name.log" >&2
      die "$name did not start (log: $run/$name.log)"
    fi
    sleep 1
  done
  die "$name did not answer on port $port within 120 s"
}

# --- measuring ---------------------------------------------------------------------------------------------

slug() {
  echo "$1" | tr -c 'A-Za-z0-9\n' '-' | tr -s '-' | sed 's/^-//; s/-$//'
}

thousands() {
  echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'
}

# run_wrk LABEL SCRIPT BASE_URL THREADS [VAR=value...]: warm-up, then the measured run appending its result line.
run_wrk() {
  local label=$1 script=$BENCH/scenarios/$2 url=$3 threads=$4
  shift 4
  echo "  $label"
  env "$@" BENCH_RESULT= wrk -t"$threads" -c"$CONNECTIONS" -d"${warmup}s" --timeout 10s -s "$script" "$url" > /dev/null
  env "$@" BENCH_LABEL="$label" BENCH_RESULT="$RESULTS" \
    wrk -t"$threads" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$script" "$url" \
    > "$run/wrk-$(slug "$label").txt"
}

# run_java LABEL METHOD URL: the Java load generator (warm-up and measure in one JVM), for what wrk cannot time: HEAD.
run_java() {
  local label=$1 method=$2 url=$3
  echo "  $label"
  BENCH_LABEL="$label" BENCH_RESULT="$RESULTS" \
    java -jar "$LOADGEN_JAR" "$method" "$url" "$CONNECTIONS" "$warmup" "$seconds" > "$run/java-$(slug "$label").txt"
}

skipped() {
  printf '%s\tskipped: %s\n' "$1" "$2" >> "$RESULTS"
}

# percentile SORTED_FILE COUNT P: the P-th percentile (nearest rank) of one number per line, in ms from µs.
percentile() {
  local rank=$(( ($2 * $3 + 99) / 100 ))
  if [ "$rank" -lt 1 ]; then
    rank=1
  fi
  sed -n "${rank}p" "$1" | awk '{ printf "%.2f", $1 / 1000 }'
}

# run_pgbench LABEL PGBENCH_OPTIONS...: warm-up, then a measured run whose per-transaction log gives percentiles.
run_pgbench() {
  local label=$1 logs
  shift
  echo "  $label"
  pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$warmup" "$@" "$PGBENCH_DB" > /dev/null 2>&1
  logs=$(mktemp -d "$run/pgbench-logs.XXXX")
  (cd "$logs" && pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$seconds" -l "$@" "$PGBENCH_DB") \
    > "$run/pgbench-$(slug "$label").txt" 2>&1
  local out=$run/pgbench-$(slug "$label").txt tps failed count
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
  cat "$logs"/pgbench_log.* | awk '{ print $3 }' | sort -n > "$logs/sorted"
  count=$(wc -l < "$logs/sorted")
  printf '%s\t%.0f\t%s\t%s\t%s\t%s\t-\n' "$label" "$tps" "$(percentile "$logs/sorted" "$count" 50)" \
    "$(percentile "$logs/sorted" "$count" 90)" "$(percentile "$logs/sorted" "$count" 99)" "${failed:-0}" >> "$RESULTS"
  rm -rf "$logs"
}

# busy_percent SECONDS: the share of CPU time the machine spent outside idle over that many seconds (/proc/stat).
# Unlike the load average, it does not still count the build that just ended.
busy_percent() {
  local a b
  a=($(head -n 1 /proc/stat)) && sleep "$1" && b=($(head -n 1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( 100 - 100 * (b[4] - a[4] + b[5] - a[5]) / total ))
}

echo "Waiting for the machine to settle (CPU use over 10 s)..."
busy_at_start=$(busy_percent 10)
load_at_start=$(cut -d' ' -f1 /proc/loadavg)

# --- reference limits: PostgreSQL itself, Tomcat with a bare servlet, Jersey with one resource -----------------

echo "Reference limits"
dropdb --if-exists "$PGBENCH_DB"
createdb "$PGBENCH_DB"
pgbench -i -q -s "$pgscale" "$PGBENCH_DB" > "$run/pgbench-init.txt" 2>&1
psql -q -d "$PGBENCH_DB" -f "$BENCH/sql/pgbench-insert-table.sql"
run_pgbench "PostgreSQL: pgbench -S (primary-key select)" -S
run_pgbench "PostgreSQL: single-row INSERT" -f "$BENCH/sql/pgbench-insert.sql"
dropdb "$PGBENCH_DB"

start_server bare-servlet "$BARE_PORT" "$BENCH/bare-servlet/target/bare-servlet"
BENCH_AUTHORIZATION="Basic $(printf '%s:%s' "$BENCH_USER" "$BENCH_PASSWORD" | base64 -w0)"
export BENCH_AUTHORIZATION
run_wrk "Bare servlet: GET /v1/ (wrk)" hello.lua "http://127.0.0.1:$BARE_PORT" "$THREADS"
run_java "Bare servlet: HEAD /v1/ (Java loadgen)" HEAD "http://127.0.0.1:$BARE_PORT/v1/"
stop_server

start_server jaxrs-endpoint "$BARE_PORT" "$BENCH/jaxrs-endpoint/target/jaxrs-endpoint"
# The GET one record scenario's own requests (auth header included, not checked), answered by Jersey alone.
run_wrk "Trivial JAX-RS endpoint: GET one record (wrk)" get-record.lua "http://127.0.0.1:$BARE_PORT" "$THREADS" \
  BENCH_BUCKET=bench BENCH_SMALL=small BENCH_SMALL_COUNT=1000
stop_server

# heap_after_full_gc: the server's used heap in MB after a full collection (jcmd GC.run, then GC.heap_info).
heap_after_full_gc() {
  jcmd "$server_pid" GC.run > /dev/null
  jcmd "$server_pid" GC.heap_info | awk '/ used / { sub(/.* used /, ""); sub(/K.*/, ""); printf "%.1f", $0 / 1024; exit }'
}

# --- Jinto -------------------------------------------------------------------------------------------------

echo "Jinto ($backend backend, $auth authentication)"
jinto_env=(KINTO_INI="$BENCH/jinto-bench.ini" MULTIAUTH_POLICIES="$auth")
if [ "$auth" = account ]; then
  jinto_env+=(KINTO_INCLUDES="kinto.plugins.accounts")
fi
setup_args=()
if [ "$backend" = postgresql ]; then
  dropdb --if-exists "$JINTO_DB"
  createdb "$JINTO_DB"
  setup_args+=(--jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$JINTO_DB?user=$PGUSER")
fi
# Storage and permission follow --backend, the cache stays in memory (Jinto has no PostgreSQL cache), unless the
# environment names a backend (e.g. KINTO_CACHE_BACKEND=redis).
for kind in STORAGE PERMISSION CACHE; do
  chosen="KINTO_${kind}_BACKEND"
  default=$backend
  if [ "$kind" = CACHE ]; then
    default=memory
  fi
  jinto_env+=("$chosen=${!chosen:-$default}")
  if [ "${!chosen:-$default}" = postgresql ]; then
    jinto_env+=("KINTO_${kind}_URL=postgresql://$PGUSER@$PGHOST:$PGPORT/$JINTO_DB")
  fi
done
start_server jinto "$JINTO_PORT" "$webapp" "${jinto_env[@]}"
heap_empty=$(heap_after_full_gc)

echo "Creating the account user and the data..."
java -jar "$SETUP_JAR" --url "http://127.0.0.1:$JINTO_PORT/v1" --out "$run" --auth "$auth" \
  --user "$BENCH_USER" --password "$BENCH_PASSWORD" --large "$large" --connections "$CONNECTIONS" \
  "${setup_args[@]}" | tee "$run/setup.log"
set -a
# shellcheck disable=SC1091 # written by the setup just above
. "$run/state.env"
set +a

jinto=http://127.0.0.1:$JINTO_PORT
small_label=$(thousands "$BENCH_SMALL_COUNT")
large_label=$(thousands "$BENCH_LARGE_COUNT")
echo "Scenarios"
run_wrk "GET /v1/" hello.lua "$jinto" "$THREADS"
resource_scenarios=("GET one record" "list 100 of $small_label" "list 100 of $large_label"
  "filter + sort, 100 of $small_label" "_since poll, 10 changes" "HEAD count of $large_label (Java loadgen)"
  "POST record, one collection" "POST record, 100 collections" "PATCH with If-Match" "batch of 25 creates")
if [ "$BENCH_RESOURCES" = yes ]; then
  run_wrk "GET one record" get-record.lua "$jinto" "$THREADS"
  run_wrk "list 100 of $small_label" list-first-page.lua "$jinto" "$THREADS" BENCH_COLLECTION="$BENCH_SMALL"
  run_wrk "list 100 of $large_label" list-first-page.lua "$jinto" "$THREADS" BENCH_COLLECTION="$BENCH_LARGE"
  run_wrk "filter + sort, 100 of $small_label" filter-sort.lua "$jinto" "$THREADS"
  run_wrk "_since poll, 10 changes" since-poll.lua "$jinto" "$THREADS"
  run_java "HEAD count of $large_label (Java loadgen)" HEAD \
    "$jinto/v1/buckets/$BENCH_BUCKET/collections/$BENCH_LARGE/records"
  # PostgreSQL holds the records: listing and counting the large collection must leave nothing in the heap.
  if [ "$backend" = postgresql ]; then
    heap_large=$(heap_after_full_gc)
  fi
  run_wrk "POST record, one collection" post-one.lua "$jinto" "$THREADS"
  run_wrk "POST record, 100 collections" post-spread.lua "$jinto" "$THREADS"
  # One thread per connection: each owns its record, so every If-Match is the current ETag.
  run_wrk "PATCH with If-Match" patch-if-match.lua "$jinto" "$CONNECTIONS"
  if [ "$BENCH_BATCH" = yes ]; then
    run_wrk "batch of 25 creates" batch-25.lua "$jinto" "$THREADS"
  else
    skipped "batch of 25 creates" "POST /v1/batch answered 404"
  fi
else
  for label in "${resource_scenarios[@]}"; do
    skipped "$label" "$BENCH_RESOURCES_REASON"
  done
fi
stop_server

# --- the table ---------------------------------------------------------------------------------------------

load_at_end=$(cut -d' ' -f1 /proc/loadavg)
{
  echo "# Jinto load suite, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . 2>/dev/null || echo ' (uncommitted changes)')"
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
    "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "- $(java -version 2>&1 | head -n 1), $(psql -Atqc 'SHOW server_version' -d postgres | sed 's/^/PostgreSQL /'), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
  echo "- Jinto: $webapp; $(printf '%s ' "${jinto_env[@]}" | grep -o 'KINTO_[A-Z]*_BACKEND=[a-z]*' | tr '\n' ' ')$auth authentication; JVM options $JAVA_OPTS"
  echo "- load: $CONNECTIONS connections, $seconds s per scenario after $warmup s of warm-up; wrk $THREADS threads" \
    "(PATCH: $CONNECTIONS); load generator, servers and PostgreSQL on the same machine"
  echo "- before the run: CPU ${busy_at_start}% busy over 10 s (load average $load_at_start, which still counts the build); load average at end $load_at_end"
  if [ "$busy_at_start" -gt 10 ]; then
    echo "- **WARNING: the machine was busy when the run started (CPU ${busy_at_start}% busy): these numbers are contaminated.**"
  fi
  echo
  awk -F'\t' '
    BEGIN { print "| scenario | requests/s | p50 ms | p90 ms | p99 ms | non-2xx | socket errors |"
            print "|---|---:|---:|---:|---:|---:|---:|" }
    NF == 2 { print "| " $1 " | " $2 " | | | | | |"; next }
    { print "| " $1 " | " $2 " | " $3 " | " $4 " | " $5 " | " $6 " | " $7 " |" }' "$RESULTS"
  if [ -n "${heap_large:-}" ]; then
    echo
    echo "Heap after a full GC (jcmd GC.run, GC.heap_info): empty server ${heap_empty} MB; after the large" \
      "collection of $large_label was created, listed and counted ${heap_large} MB" \
      "($(awk -v a="$heap_empty" -v b="$heap_large" 'BEGIN { printf "%+.1f%%", 100 * (b - a) / a }'))."
  fi
} > "$run/results.md"
echo
cat "$run/results.md"
echo
echo "Written to $run/results.md (wrk, pgbench and server logs beside it)."
