#!/usr/bin/env bash
# Streams a generated NDJSON file of customers into the bulk import of the packaged service running with a small
# heap against a fresh database, and reports rows/s, peak heap and peak RSS (docs/benchmarks.md).
#
#   bench/import-memory.sh [size-in-MB]        default 1024 (the 1 GB claim); e.g. bench/import-memory.sh 300
#
# Environment: PGHOST PGPORT PGUSER PGPASSWORD (default 127.0.0.1:5432 postgres), HEAP (default 256m),
# PORT (default 18080), BATCH (crosssell.importing.batch-size, default the service's). Needs java, psql, curl,
# sha256sum and awk. The file is never written to disk: awk generates it into curl's chunked upload.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${1:-1024}
HEAP=${HEAP:-256m}
PORT=${PORT:-18080}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB="crosssell_bench_$(date +%s)_$$"
WORK=$(mktemp -d)
APP_PID=""

cleanup() {
    if [[ -n "$APP_PID" ]]; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

JAR=$(ls target/crosssell-kpi-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [[ -z "$JAR" ]]; then
    ./mvnw -q -B package -DskipTests
    JAR=$(ls target/crosssell-kpi-service-*.jar | grep -v original | head -n 1)
fi

psql -q -d postgres -c "create database $DB" >/dev/null
# a throw-away WRITER key for this run only (the service is configured with its hash; docs/security.md)
KEY="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
KEY_SHA256=$(printf %s "$KEY" | sha256sum | cut -d ' ' -f 1)
EXTRA=()
[[ -n "${BATCH:-}" ]] && EXTRA+=("--crosssell.importing.batch-size=$BATCH")
java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
    --spring.datasource.password="${PGPASSWORD:-}" --logging.level.root=WARN \
    --crosssell.security.api-keys[0].name=bench --crosssell.security.api-keys[0].sha256="$KEY_SHA256" \
    --crosssell.security.api-keys[0].roles=WRITER \
    --logging.level.com.example.crosssell.importing=INFO "${EXTRA[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; echo "the service did not start" >&2; exit 1; }
    sleep 1
done

post() { # $1 records, stdin: body
    curl -sS -X POST -T - -H 'Content-Type: application/x-ndjson' -H "Authorization: Bearer $KEY" \
        -w '\n%{time_total} %{size_upload}\n' "http://127.0.0.1:$PORT/api/v1/import/$1"
}

printf '{"code":"RET","name":"Retail Banking"}\n{"code":"INS","name":"Insurance"}\n{"code":"WEA","name":"Wealth"}\n' \
    | post units >/dev/null

echo "Streaming ${SIZE_MB} MB of customer NDJSON into the import (heap -Xmx$HEAP)..." >&2
awk -v bytes="$((SIZE_MB * 1024 * 1024))" 'BEGIN {
    split("RET INS WEA", units, " "); split("SMB RETAIL CORPORATE PRIVATE", segments, " ")
    format = "{\"externalId\":\"CUST-%09d\",\"name\":\"Customer number %d of the benchmark\","
    format = format "\"homeUnit\":\"%s\",\"customerSince\":\"20%02d-%02d-%02d\",\"segment\":\"%s\","
    format = format "\"updatedAt\":\"2025-01-01T00:00:00Z\"}"
    while (written < bytes) {
        n++
        line = sprintf(format, n, n, units[n % 3 + 1], 10 + n % 15, 1 + n % 12, 1 + n % 28, segments[n % 4 + 1])
        print line
        written += length(line) + 1
    }
}' | post customers >"$WORK/result.txt"

RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$APP_PID/status")
# peak heap: the largest heap occupancy the GC log shows, i.e. just before a collection ("123M->45M(256M)")
PEAK_HEAP=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | cut -d M -f 1 | sort -n | tail -n 1)
# live heap: the largest occupancy right after a collection (what the import really keeps)
LIVE_HEAP=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -n 1)
GCS=$(grep -cE '[0-9]+M->[0-9]+M' "$WORK/gc.log" || true)
read -r SECONDS_TOTAL BYTES < <(tail -n 1 "$WORK/result.txt")
RESULT=$(head -n 1 "$WORK/result.txt")
if [[ "$RESULT" != *'"received":'* ]]; then
    echo "the import did not answer with a report: ${RESULT:0:500}" >&2
    exit 1
fi
RECEIVED=$(sed -E 's/.*"received":([0-9]+).*/\1/' <<<"$RESULT")
CREATED=$(sed -E 's/.*"created":([0-9]+).*/\1/' <<<"$RESULT")
REJECTED=$(sed -E 's/.*"rejected":([0-9]+).*/\1/' <<<"$RESULT")

echo "response: ${RESULT:0:200}"
awk -v mb="$SIZE_MB" -v bytes="$BYTES" -v s="$SECONDS_TOTAL" -v rec="$RECEIVED" -v created="$CREATED" \
    -v rejected="$REJECTED" -v heap="$PEAK_HEAP" -v live="$LIVE_HEAP" -v gcs="$GCS" -v rss="$RSS_KB" \
    -v xmx="$HEAP" 'BEGIN {
    printf "| %d MB (%.0f bytes) | %d | %d | %d | %.1f s | %.0f rows/s | %.1f MB/s | %s | %d MB | %d MB (%d GCs) |",
           mb, bytes, rec, created, rejected, s, rec / s, bytes / 1048576 / s, xmx, heap, live, gcs
    printf " %.0f MB |\n", rss / 1024
}'
echo "(columns: file, received, created, rejected, time, rows/s, MB/s, -Xmx, peak heap occupancy before a GC,"
echo " largest heap after a GC, peak RSS (VmHWM))"
