#!/usr/bin/env bash
# The speed and memory benchmark of the CLI (`make bench`, opt-in: it takes
# minutes, so `make test` does not run it).
#
# In one run on this machine it measures, on N generated secuconnect records
# (default 1,000,000; `custnorm gen --format secuconnect --seed 1`):
#
#   - custnorm convert --from secuconnect --to stancer, with its full
#     normalization and validation, on all cores (GOMAXPROCS = nproc) and on
#     one (GOMAXPROCS=1);
#   - jq 1.6 (Debian package jq) doing the equivalent field mapping with no
#     validation;
#   - the peak RSS of custnorm (all cores) at N and at 4N records (the N
#     records four times, through a pipe), which must not grow with N.
#
# Each figure is the median of RUNS runs (default 5), the tools taking turns
# so that a burst of load on a shared machine hits each of them alike. Wall
# time and peak RSS come from /usr/bin/time -v. The load average is printed
# before and after: figures taken under load are low.
#
# The scaling from 1 core to all is judged on pairs: each run times custnorm
# on all cores and right after on one, and the verdict takes the median of
# the runs' ratios. On a shared machine the speed of both cores drifts by
# tens of per cent from one minute to the next; the two runs of a pair see
# nearly the same machine, the medians of all runs of each kind may not. The
# ratio of the two medians is printed too.
#
# Environment: N, RUNS, KEEP=1 keeps the temporary directory.
# It installs nothing: jq and /usr/bin/time (Debian packages jq and time)
# must be there.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000000}
RUNS=${RUNS:-5}
CORES=$(nproc)

missing=""
command -v jq >/dev/null || missing="$missing jq"
[ -x /usr/bin/time ] || missing="$missing time(/usr/bin/time)"
command -v go >/dev/null || missing="$missing go"
if [ -n "$missing" ]; then
  echo "bench: missing:$missing (Debian: apt-get install -y jq time)" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/custnorm-bench.XXXXXX")
if [ "${KEEP:-}" != 1 ]; then
  trap 'rm -rf "$tmp"' EXIT
else
  echo "bench: keeping $tmp"
fi

JQ_FILTER='{name: ((.contact.forename // "") + " " + (.contact.surname // "")), email: .contact.email, mobile: .contact.mobile}'

echo "bench: $(uname -m), $CORES cores, $(go version | cut -d' ' -f3), $(jq --version)"
echo "bench: load before: $(cut -d' ' -f1-3 /proc/loadavg)"

go build -trimpath -o "$tmp/custnorm" ./cmd/custnorm
in="$tmp/secuconnect.ndjson"
"$tmp/custnorm" gen --format secuconnect -n "$N" --seed 1 >"$in"
echo "bench: $N records, $(wc -c <"$in") bytes"

# measure NAME CMD...: runs CMD under /usr/bin/time -v (its standard output
# and error go to $tmp/NAME.out and $tmp/NAME.err) and appends "seconds
# maxrss_kb" to $tmp/NAME.times.
measure() {
  local name=$1
  shift
  /usr/bin/time -v -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || {
    echo "bench: $name failed:" >&2
    cat "$tmp/$name.err" "$tmp/$name.time" >&2
    exit 1
  }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %d\n", s, rss }' "$tmp/$name.time" >>"$tmp/$name.times"
}

# check NAME: the output of the last run of NAME has N lines.
check() {
  local lines
  lines=$(wc -l <"$tmp/$1.out")
  if [ "$lines" -ne "$N" ]; then
    echo "bench: $1 wrote $lines records, want $N" >&2
    cat "$tmp/$1.err" >&2
    exit 1
  fi
}

for run in $(seq "$RUNS"); do
  echo "bench: run $run of $RUNS (load $(cut -d' ' -f1 /proc/loadavg))"
  measure custnorm_all env GOMAXPROCS="$CORES" "$tmp/custnorm" convert --from secuconnect --to stancer "$in"
  check custnorm_all
  measure custnorm_1 env GOMAXPROCS=1 "$tmp/custnorm" convert --from secuconnect --to stancer "$in"
  check custnorm_1
  measure jq jq -c "$JQ_FILTER" "$in"
  check jq
  measure custnorm_4x sh -c 'cat "$1" "$1" "$1" "$1" | GOMAXPROCS="$2" "$3" convert --from secuconnect --to stancer >/dev/null' sh "$in" "$CORES" "$tmp/custnorm"
done

# median FILE COLUMN
median() {
  cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

all_s=$(median "$tmp/custnorm_all.times" 1)
one_s=$(median "$tmp/custnorm_1.times" 1)
jq_s=$(median "$tmp/jq.times" 1)
all_rss=$(median "$tmp/custnorm_all.times" 2)
one_rss=$(median "$tmp/custnorm_1.times" 2)
jq_rss=$(median "$tmp/jq.times" 2)
x4_s=$(median "$tmp/custnorm_4x.times" 1)
x4_rss=$(median "$tmp/custnorm_4x.times" 2)
all_rate=$(rate "$N" "$all_s")
one_rate=$(rate "$N" "$one_s")
jq_rate=$(rate "$N" "$jq_s")
x4_rate=$(rate "$((4 * N))" "$x4_s")

echo "bench: load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run (medians of $RUNS) | records | wall s | records/s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|"
printf '| custnorm convert secuconnect→stancer, GOMAXPROCS=%s | %s | %s | %s | %s |\n' "$CORES" "$N" "$all_s" "$all_rate" "$(mb "$all_rss")"
printf '| custnorm convert secuconnect→stancer, GOMAXPROCS=1 | %s | %s | %s | %s |\n' "$N" "$one_s" "$one_rate" "$(mb "$one_rss")"
printf '| jq -c, the same mapping, no validation | %s | %s | %s | %s |\n' "$N" "$jq_s" "$jq_rate" "$(mb "$jq_rss")"
printf '| custnorm, GOMAXPROCS=%s, the records 4 times (pipe) | %s | %s | %s | %s |\n' "$CORES" "$((4 * N))" "$x4_s" "$x4_rate" "$(mb "$x4_rss")"
runs() { cut -d' ' -f1 "$tmp/$1.times" | tr '\n' ' '; }
echo "wall s of each run: $CORES cores: $(runs custnorm_all)| 1 core: $(runs custnorm_1)| jq: $(runs jq)| 4x: $(runs custnorm_4x)"
echo

verdict() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
vs_jq=$(awk -v a="$all_rate" -v b="$jq_rate" 'BEGIN { printf "%.2f", a / b }')
scaling_medians=$(awk -v a="$all_rate" -v b="$one_rate" 'BEGIN { printf "%.2f", a / b }')
# The ratio of each run's pair (1-core seconds / all-core seconds), median.
paste -d' ' <(cut -d' ' -f1 "$tmp/custnorm_1.times") <(cut -d' ' -f1 "$tmp/custnorm_all.times") |
  awk '{ printf "%.4f\n", ($2 > 0) ? $1 / $2 : 0 }' >"$tmp/pairs"
scaling=$(median "$tmp/pairs" 1 | awk '{ printf "%.2f", $1 }')
pairs=$(awk '{ printf "%s%.2f", (NR > 1) ? " " : "", $1 }' "$tmp/pairs")
growth=$(awk -v a="$x4_rss" -v b="$all_rss" 'BEGIN { printf "%.2f", a / b }')
echo "custnorm on $CORES cores vs jq: ${vs_jq}× (target ≥ 1): $(verdict "$(awk -v r="$vs_jq" 'BEGIN { print (r >= 1) }')")"
echo "scaling 1 → $CORES cores: ${scaling}× (median of the runs' pairs: $pairs; ratio of the medians ${scaling_medians}×) (target ≥ 1.8): $(verdict "$(awk -v r="$scaling" 'BEGIN { print (r >= 1.8) }')")"
echo "peak RSS at $((4 * N)) / at $N records: ${growth}× (target: no growth, ≤ 1.25): $(verdict "$(awk -v r="$growth" 'BEGIN { print (r <= 1.25) }')")"
