#!/usr/bin/env bash
# Size and speed of the browser build (make wasm-bench).
#
#   scripts/wasm-bench.sh [DIST] [RUNS]
#
# Size: custnorm.wasm raw, gzip -9 and brotli -q 11 (the brotli CLI, else
# node's zlib), against the budget of 1.6 MB gzip (1,600,000 bytes; exit 1
# when over). What is linked: code by module and package from the name
# section of an unstripped build.
# Speed: RUNS cold page loads (default 5), each in a fresh headless
# Chromium with a fresh profile, of the bench page and, interleaved, of an
# empty Go wasm program (wasm/js/test/testdata/empty, built here with the
# same flags): the time from navigation start to the first validation
# result against the empty program's start (medians; target at most 2x),
# the mean of the first 200 validate calls after it (target at most 0.5
# ms; with their median, the time lost in calls over 1 ms, the same in a
# browser whose V8 runs only its baseline compiler, the time of those calls
# split by the kernel into the page's thread running and waiting for a
# core (/proc/PID/schedstat of the renderer, read around the calls in
# loads of their own), and a control: how
# long 200 busy waits of 100 µs take right after the empty program
# started, beyond 20 ms) and warm per-call times (normalizePhone: target at most 5 µs). Needs
# node, chromium and tools/js/node_modules (npm ci --prefix tools/js).
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
runs=${2:-5}
budget=1600000
wasm=$dist/custnorm.wasm
if [ ! -f "$wasm" ]; then
	echo "wasm-bench: $wasm missing; run make wasm" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

size() { wc -c <"$1" | tr -d ' '; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
br() {
	if command -v brotli >/dev/null; then
		brotli -q 11 -c "$1" | wc -c | tr -d ' '
	else
		node -e 'const z=require("zlib"),fs=require("fs");process.stdout.write(String(z.brotliCompressSync(fs.readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))' "$1"
	fi
}

raw=$(size "$wasm")
gzb=$(gz "$wasm")
brb=$(br "$wasm")
brtool="node zlib brotli q11"
command -v brotli >/dev/null && brtool="brotli -q 11"

echo "== size ($(go version | cut -d' ' -f3), -trimpath -ldflags='-s -w')"
printf '  %-16s %12s %12s %12s\n' file raw 'gzip -9' brotli
printf '  %-16s %12s %12s %12s\n' custnorm.wasm "$raw" "$gzb" "$brb"
for f in wasm_exec.mjs custnorm.mjs args.mjs; do
	printf '  %-16s %12s %12s\n' "$f" "$(size "$dist/$f")" "$(gz "$dist/$f")"
done
echo "  custnorm.wasm: $(mb "$raw") raw, $(mb "$gzb") gzip, $(mb "$brb") brotli ($brtool)"
over=0
if [ "$gzb" -gt "$budget" ]; then
	over=1
	echo "  OVER BUDGET: $gzb bytes gzip > $budget"
else
	echo "  budget: $gzb of $budget bytes gzip ($(awk -v g="$gzb" -v b="$budget" 'BEGIN { printf "%.1f", 100 * g / b }') %), $((budget - gzb)) bytes to spare"
fi

echo
echo "== what is linked"
GOOS=js GOARCH=wasm go build -trimpath -gcflags='github.com/custnorm/custnorm/...=-l' -o "$tmp/names.wasm" ./wasm
node wasm/js/test/wasm-size.mjs "$tmp/names.wasm" 15 | sed 's/^/  /'
if GOOS=js GOARCH=wasm go list -deps ./wasm | grep -qE '^(github.com/nyaruka/phonenumbers|google.golang.org/protobuf)(/|$)'; then
	echo "  LINKED: phonenumbers or protobuf (deps_test.go's TestRuntimeDependencies fails too)"
	over=1
else
	echo "  not linked: github.com/nyaruka/phonenumbers, google.golang.org/protobuf (phones answer from validate/phone_gen.go)"
fi

echo
echo "== speed: headless Chromium, $runs cold loads each (fresh browser and profile), median"
if ! command -v node >/dev/null || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d tools/js/node_modules/playwright-core ]; then
	echo "  skipped: needs node, chromium and tools/js/node_modules (npm ci --prefix tools/js)"
	exit "$over"
fi
mkdir -p "$dist/test"
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$dist/test/empty.wasm" ./wasm/js/test/testdata/empty
echo "  empty Go program: $(mb "$(size "$dist/test/empty.wasm")") raw, $(mb "$(gz "$dist/test/empty.wasm")") gzip"
node wasm/js/test/bench.mjs "$dist" "$runs" >"$tmp/bench.json"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).median;
const row = (k, v, target = "") => console.log(`  ${k.padEnd(52)} ${String(v).padEnd(14)} ${target}`);
row("navigation start to the first validation result", `${r.navToFirstResultMs} ms`);
row("navigation start to an empty Go program started", `${r.emptyNavToReadyMs} ms`);
row("ratio", `${r.startRatio}x`, r.startRatio <= 2 ? "(target 2x: met)" : "(target 2x: NOT MET)");
row("init() (fetch, compile, instantiate, Go start)", `${r.initMs} ms`);
row("first validate (secuconnect record)", `${r.firstValidateMs} ms`);
row("validate, first 200 calls after that (mean)", `${r.validateEarlyUs} µs/call`, r.validateEarlyUs <= 500 ? "(target 500 µs: met)" : "(target 500 µs: NOT MET)");
row("  their median / time lost in calls over 1 ms", `${r.validateEarlyMedianUs} µs / ${r.validateEarlyStallMs} ms`);
row("  the same, V8 --liftoff-only: mean / lost", `${r.liftoffValidateEarlyUs} µs / ${r.liftoffValidateEarlyStallMs} ms`);
row("  the same, split by the kernel: on a CPU / waiting", r.schedRunUs === null ? "n/a (no /proc schedstat)" : `${r.schedRunUs} / ${r.schedWaitUs} µs/call`, r.schedRunUs === null ? "" : `(of ${r.schedValidateEarlyUs} µs, separate loads)`);
row("  control: 200 busy waits of 100 µs, time lost", `${r.controlLostMs} ms`);
row("validate, warm (object doc)", `${r.validateUs} µs/call`);
row("validate, warm (JSON text doc)", `${r.validateJSONTextUs} µs/call`);
row("convert secuconnect → riverty, warm", `${r.convertUs} µs/call`);
row("normalizePhone, warm", `${r.normalizePhoneUs} µs/call`, r.normalizePhoneUs <= 5 ? "(target 5 µs: met)" : "(target 5 µs: NOT MET)");
row("normalizeCountry, warm", `${r.normalizeCountryUs} µs/call`);
' "$tmp/bench.json"
cp "$tmp/bench.json" "$dist/test/bench.json"
echo "  every run: $dist/test/bench.json"
exit "$over"
