#!/usr/bin/env bash
# Command throughput as a ratio to PostgreSQL's raw commit rate, measured in one run on one machine:
#   1. a fresh database, the packaged platform on the postgres profile (or the embedded H2 default);
#   2. the lifecycle command mix at --clients closed-loop clients: a warm-up run, then the measured run;
#   3. statements per command (pg_stat_statements), the platform's heap after a GC and RSS, the
#      orders read model's lag at the end of the load and how long it took to catch up;
#   4. pgbench at the same concurrency, one ~800-byte row per transaction into a table shaped like
#      the event table (the platform's own migration), and the ratio of the two rates.
# Loopback only; bounded in time. See bench/README.md ("Command throughput against pgbench").
set -euo pipefail
cd "$(dirname "$0")/.."

clients=32 warmup=90 duration=30 port=18093 heap=1g embedded=false
jar=platform/target/platform-0.1.0-SNAPSHOT.jar
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
extra=()
usage() {
  cat <<USAGE
Usage: bench/command-throughput.sh [--clients 32] [--warmup 90] [--duration 30] [--java /path/to/bin/java]
                                   [--heap 1g] [--port 18093] [--jar platform/target/platform-0.1.0-SNAPSHOT.jar]
                                   [--embedded] [-- platform arguments...]
Builds nothing: run ./mvnw -q -pl platform,bench -am package -DskipTests first.
PostgreSQL from PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres); statements per command need
pg_stat_statements in shared_preload_libraries (otherwise reported as n/a).
USAGE
}
while (($#)); do
  case $1 in
    --clients) clients=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --java) java_bin=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --embedded) embedded=true; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
if [[ ! -f $jar || ! -d bench/target/classes ]]; then
  echo "Build first: ./mvnw -q -pl platform,bench -am package -DskipTests" >&2
  exit 2
fi
jdk_dir=$(dirname "$(readlink -f "$(command -v "$java_bin")")")
work=$(mktemp -d /tmp/command-throughput.XXXXXX)
cp "$jar" "$work/platform.jar"
classpath_file=bench/target/bench.classpath
./mvnw -q -pl bench dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null
harness_cp="bench/target/classes:$(cat "$classpath_file")"
base=http://127.0.0.1:$port
platform_pid=
cleanup() {
  if [[ -n $platform_pid ]]; then kill "$platform_pid" 2>/dev/null || true; wait "$platform_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

db=ep_bench_commands
if [[ $embedded == true ]]; then
  mode="embedded H2 ($work/data)"
  platform_args=(--spring.profiles.active=demo "--platform.data-directory=$work/data")
else
  mode="PostgreSQL ($PGHOST:$PGPORT/$db)"
  dropdb --if-exists "$db" && createdb "$db"
  export POSTGRES_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db"
  platform_args=(--spring.profiles.active=postgres,demo)
fi

echo "== platform: $("$java_bin" -version 2>&1 | head -1), -Xmx$heap, $mode, $(nproc) cores"
"$java_bin" -Xmx"$heap" -jar "$work/platform.jar" "${platform_args[@]}" --server.port="$port" "${extra[@]}" \
  >"$work/platform.log" 2>&1 &
platform_pid=$!
for _ in $(seq 1 120); do
  curl -sf "$base/actuator/health" | grep -q '"status":"UP"' && break
  kill -0 "$platform_pid" 2>/dev/null || { tail -30 "$work/platform.log" >&2; exit 1; }
  sleep 1
done

sql() { psql -d "$db" -qAtX -c "$1"; }
stats=false
if [[ $embedded == false ]] && [[ $(psql -qAtX -c "SHOW shared_preload_libraries") == *pg_stat_statements* ]]; then
  sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  stats=true
fi
harness() {
  "$java_bin" -cp "$harness_cp" dev.eventplatform.bench.CommandLoadBenchmark --url "$base" --mix lifecycle \
    --concurrency "$clients" "$@"
}

echo "== warm-up: $warmup s at $clients clients"
harness --warmup 0 --duration "$warmup" >"$work/warmup.txt"
grep -A1 '^Summary' "$work/warmup.txt" | tail -1

events() {
  if [[ $embedded == true ]]; then echo 0; else sql "SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry"; fi
}
[[ $stats == true ]] && sql "SELECT pg_stat_statements_reset()" >/dev/null
events_before=$(events)
echo "== measured: $duration s at $clients clients"
harness --warmup 2 --duration "$duration" >"$work/measured.txt"
summary=$(grep -A1 '^Summary' "$work/measured.txt" | tail -1 | sed 's/^ *//')
echo "$summary"
events_after=$(events)

lag_at_end=$(curl -s -H 'Authorization: Bearer demo-operator-key' "$base/processors/order-summary" |
  grep -o '"lagEvents":[0-9]*' | cut -d: -f2)
start=$(date +%s.%N)
for _ in $(seq 1 600); do
  lag=$(curl -s -H 'Authorization: Bearer demo-operator-key' "$base/processors/order-summary" |
    grep -o '"lagEvents":[0-9]*' | cut -d: -f2)
  [[ $lag == 0 ]] && break
  sleep 0.1
done
catch_up=$(echo "$(date +%s.%N) - $start" | bc)

if [[ $stats == true ]]; then
  commands=$((events_after - events_before))
  statements=$(sql "SELECT SUM(calls) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '$db'")
  per_command=$(echo "scale=1; $statements / $commands" | bc)
  top=$(sql "SELECT calls || E'\t' || regexp_replace(left(query, 90), '\s+', ' ', 'g') FROM pg_stat_statements s
             JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '$db' ORDER BY calls DESC LIMIT 12")
else
  commands=$((events_after - events_before)) statements=n/a per_command=n/a top=
fi

"$jdk_dir/jcmd" "$platform_pid" GC.run >/dev/null
heap_used=$(curl -s -H 'Authorization: Bearer demo-operator-key' "$base/actuator/prometheus" |
  awk '/^jvm_memory_used_bytes\{area="heap"/ {sum += $NF} END {printf "%.0f", sum / 1048576}')
rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$platform_pid/status")
kill "$platform_pid"; wait "$platform_pid" 2>/dev/null || true; platform_pid=

ok_rate=$(sed -n 's/.*: \([0-9.]*\) ok commands\/s.*/\1/p' <<<"$summary")
p99=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$summary")

pg_rate=n/a ratio=n/a
if [[ $embedded == false ]]; then
  pgdb=ep_bench_pgbench
  dropdb --if-exists "$pgdb" && createdb "$pgdb"
  psql -d "$pgdb" -qX -f infrastructure/src/main/resources/db/migration/V1_1__axon_event_store.sql >/dev/null
  psql -d "$pgdb" -qX -f infrastructure/src/main/resources/db/vendor/postgresql/V1_3__transaction_id_before_position.sql >/dev/null
  cat >"$work/insert.sql" <<'SQL'
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
    payload_type, payload, meta_data)
VALUES (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Order', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'dev.eventplatform.events.order.OrderCreatedEvent', convert_to(repeat('x', 560), 'UTF8'),
    convert_to(repeat('m', 120), 'UTF8'));
SQL
  echo "== pgbench: $duration s at $clients clients, one event row per transaction"
  pgbench -n -c "$clients" -j 2 -T "$duration" -f "$work/insert.sql" "$pgdb" >"$work/pgbench.txt" 2>&1
  pg_rate=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.txt" | head -1)
  ratio=$(echo "scale=3; $ok_rate / $pg_rate" | bc)
  dropdb "$pgdb"
fi

echo
echo "== result ($clients clients, lifecycle mix, $duration s measured after $warmup s warm-up)"
printf '%-34s %s\n' "platform commands/s" "$ok_rate" "platform p99 (ms)" "$p99" \
  "pgbench single-row commits/s" "$pg_rate" "ratio platform / pgbench" "$ratio" \
  "statements per command" "$per_command ($statements statements, $commands commands)" \
  "platform heap after GC (MiB)" "$heap_used" "platform RSS (MiB)" "$rss" \
  "read model lag at end (events)" "${lag_at_end:-?}" "read model caught up after (s)" "$catch_up"
if [[ -n $top ]]; then
  echo
  echo "== most frequent statements (calls, query)"
  echo "$top"
fi
