#!/usr/bin/env bash
# Size and speed of the browser build (make wasm-bench).
#
#   scripts/wasm-bench.sh [DIST] [RUNS]
#
# Size: custnorm.wasm raw, gzip -9 and brotli -q 11 (the brotli CLI, else
# node's zlib), against the budget of 3.5 MB gzip (3,500,000 bytes; exit 1
# when over). What is linked: code by module and package from the name
# section of an unstripped build, and what the CLDR display-name tables
# that scripts/wasm-modfile.sh keeps out would cost.
# Speed: RUNS cold page loads (default 5) in headless Chromium: time from
# init() to the first validation result, and per warm call. Needs node,
# chromium and tools/js/node_modules (npm ci --prefix tools/js).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dist=${1:-dist}
runs=${2:-5}
budget=3500000
wasm=$dist/custnorm.wasm
if [ ! -f "$wasm" ]; then
	echo "wasm-bench: $wasm missing; run make wasm" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

size() { wc -c <"$1" | tr -d ' '; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }

raw=$(size "$wasm")
gzip -9 -c "$wasm" >"$tmp/w.gz"
gz=$(size "$tmp/w.gz")
if command -v brotli >/dev/null; then
	brotli -q 11 -c "$wasm" >"$tmp/w.br"
	brtool="brotli -q 11"
else
	node -e 'const z=require("zlib"),fs=require("fs");fs.writeFileSync(process.argv[2],z.brotliCompressSync(fs.readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}))' "$wasm" "$tmp/w.br"
	brtool="node zlib brotli q11"
fi
br=$(size "$tmp/w.br")
exec_raw=$(size "$dist/wasm_exec.js")
exec_gz=$(gzip -9 -c "$dist/wasm_exec.js" | wc -c | tr -d ' ')
mjs_raw=$(size "$dist/custnorm.mjs")
mjs_gz=$(gzip -9 -c "$dist/custnorm.mjs" | wc -c | tr -d ' ')

echo "== size ($(go version | cut -d' ' -f3), -trimpath -ldflags='-s -w')"
printf '  %-16s %12s %12s %12s\n' file raw 'gzip -9' brotli
printf '  %-16s %12s %12s %12s\n' custnorm.wasm "$raw" "$gz" "$br"
printf '  %-16s %12s %12s\n' wasm_exec.js "$exec_raw" "$exec_gz"
printf '  %-16s %12s %12s\n' custnorm.mjs "$mjs_raw" "$mjs_gz"
echo "  custnorm.wasm: $(mb "$raw") raw, $(mb "$gz") gzip, $(mb "$br") brotli ($brtool)"
over=0
if [ "$gz" -gt "$budget" ]; then
	over=1
	echo "  OVER BUDGET: $gz bytes gzip > $budget"
else
	echo "  budget: $gz of $budget bytes gzip ($(awk -v g="$gz" -v b="$budget" 'BEGIN { printf "%.1f", 100 * g / b }') %), $((budget - gz)) bytes to spare"
fi

echo
echo "== what is linked"
# The same module file as make wasm (scripts/wasm-modfile.sh), unstripped.
scripts/wasm-modfile.sh "$tmp/build" >/dev/null
GOOS=js GOARCH=wasm go build -modfile="$tmp/build/wasm.mod" -trimpath -o "$tmp/names.wasm" ./wasm
node wasm/js/test/wasm-size.mjs "$tmp/names.wasm" 15 | sed 's/^/  /'

# What the module file saves: the same build with go.mod as it is, where
# phonenumbers' geocoding.go links golang.org/x/text/language/display.
if GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -gcflags=google.golang.org/protobuf/...=-l \
	-o "$tmp/display.wasm" ./wasm 2>"$tmp/display.err"; then
	d_raw=$(size "$tmp/display.wasm")
	d_gz=$(gzip -9 -c "$tmp/display.wasm" | wc -c | tr -d ' ')
	echo "  not linked: x/text/language/display (phonenumbers' geocoding fallback, stubbed by scripts/wasm-modfile.sh);"
	echo "    with it the module would be $(mb "$d_raw") raw, $(mb "$d_gz") gzip: +$(mb $((d_raw - raw))) raw, +$(mb $((d_gz - gz))) gzip"
fi
echo "  google.golang.org/protobuf (about 2 MB of code) decodes phonenumbers' metadata; it goes only with phonenumbers"

echo
echo "== speed: headless Chromium, $runs cold loads (fresh profile each), median"
if ! command -v node >/dev/null || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d tools/js/node_modules/playwright-core ]; then
	echo "  skipped: needs node, chromium and tools/js/node_modules (npm ci --prefix tools/js)"
	exit "$over"
fi
node wasm/js/test/bench.mjs "$dist" "$runs" >"$tmp/bench.json"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).median;
const row = (k, v) => console.log(`  ${k.padEnd(44)} ${v}`);
row("init() (fetch, compile, instantiate, Go start)", `${r.initMs} ms`);
row("first validate (secuconnect record)", `${r.firstValidateMs} ms`);
row("init() to first validation result", `${r.initToFirstResultMs} ms`);
row("validate, first 200 calls after that (mean)", `${r.validateEarlyUs} µs/call`);
row("validate, warm (object doc)", `${r.validateUs} µs/call`);
row("validate, warm (JSON text doc)", `${r.validateJSONTextUs} µs/call`);
row("convert secuconnect → riverty, warm", `${r.convertUs} µs/call`);
row("normalizePhone, warm", `${r.normalizePhoneUs} µs/call`);
row("normalizeCountry, warm", `${r.normalizeCountryUs} µs/call`);
' "$tmp/bench.json"
exit "$over"
