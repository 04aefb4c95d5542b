#!/usr/bin/env bash
# Sourced by the load benchmarks (BENCH_PROFILE=1): where the API's time goes on one endpoint under the same load.
# A 10 s dotnet-trace CPU sample and dotnet-counters while wrk keeps the load, summarised by scripts/profile-summary.py;
# files kept in $BENCH_OUT (default /tmp).
#
#   bench_profile <api pid> <wrk lua script> <url> <label> <file prefix> <connections>
bench_profile() {
  local pid="$1" lua="$2" url="$3" label="$4" prefix="$5" connections="$6" outdir="${BENCH_OUT:-/tmp}" wrk_pid counters_pid
  dotnet tool restore >/dev/null
  echo "== profile: $label under load, 10 s CPU sampling + counters"
  wrk -t2 -c"$connections" -d25s -s "$lua" "$url" >"$outdir/$prefix-wrk.txt" &
  wrk_pid=$!
  sleep 3
  dotnet tool run dotnet-counters -- collect -p "$pid" --duration 00:00:00:10 --format csv -o "$outdir/$prefix-counters.csv" \
    --counters System.Runtime,Microsoft.AspNetCore.Hosting,Npgsql >/dev/null 2>&1 &
  counters_pid=$!
  dotnet tool run dotnet-trace -- collect -p "$pid" --profile dotnet-sampled-thread-time --duration 00:00:00:10 \
    --format Speedscope -o "$outdir/$prefix.nettrace" >/dev/null
  wait "$counters_pid" || true
  wait "$wrk_pid" || true
  python3 "$(dirname "${BASH_SOURCE[0]}")/profile-summary.py" "$outdir/$prefix.speedscope.json" 30
  echo "counters (last values):"
  awk -F, 'NR > 1 { last[$3] = $5 } END { for (k in last) printf "  %-70s %s\n", k, last[k] }' "$outdir/$prefix-counters.csv" |
    grep -Ei 'cpu|alloc|gc|requests|active|busy|idle|commands|working|pool' | sort || true
}
