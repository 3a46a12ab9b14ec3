#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 3s): the
# short fuzz pass of `make test`. Long fuzzing: FUZZTIME=10m make fuzz.
# The targets are those of the files git tracks or would track (not dist/,
# make wasm's output). FuzzPhoneOracle (validate) is differential: it
# compares NormalizePhone with phonenumbers on every input it makes.
#
# A finding fails the run: a failing input written to testdata/fuzz, a
# panic, or a t.Error/t.Fatal line. Go 1.26's fuzz coordinator can also end
# a run with a bare "context deadline exceeded" when -fuzztime expires while
# a worker is still executing (golang/go#75804, fixed in Go 1.27): no input
# fails, nothing is written. Such a run is tried once more and, if it ends
# the same way, reported as a warning, not a failure; the seed corpus of
# every target is still checked deterministically by `go test ./...`.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-3s}
# How long the fuzzer may spend minimizing each new interesting input. Go's
# default, 60s, lets the first new input of a target take a whole short run
# (and its executions are not even counted): a run of seconds then tries a
# few hundred inputs. So short runs minimize with 100 executions at most.
# Minimized inputs are a convenience for reading a failure; a failing input
# is written whole either way.
minimize=${FUZZMINIMIZE:-100x}
# The fewest executions a target must reach in its run: a target that
# rebuilds expensive state per input, or stalls, fails here. (On the project
# machine a 3 s run gives each target 3,000 to 100,000; the floor is far
# below that, for a loaded machine.)
minexecs=${FUZZMINEXECS:-300}
log=$(mktemp "${TMPDIR:-/tmp}/custnorm-fuzz.XXXXXX")
trap 'rm -f "$log"' EXIT
status=0

# deadline_only: the log of a failed run shows only the coordinator's
# deadline race, no finding.
deadline_only() {
  grep -q 'context deadline exceeded' "$log" &&
    ! grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:' "$log"
}

while IFS= read -r line; do
  file=${line%%:*}
  name=$(sed -E 's/^func (Fuzz[A-Za-z0-9_]*)\(.*/\1/' <<<"${line#*:}")
  pkg=./$(dirname "$file")
  for try in 1 2; do
    echo "fuzz $pkg $name ($fuzztime)"
    if go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" -fuzzminimizetime="$minimize" "$pkg" >"$log" 2>&1; then
      # Executions while fuzzing, plus those that gathered the baseline
      # coverage of the seed corpus (which the fuzzer does not count).
      execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
      baseline=$(grep -oE 'baseline coverage: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
      execs=$((${execs:-0} + ${baseline:-0}))
      echo "  $execs executions"
      if [ "${execs:-0}" -lt "$minexecs" ]; then
        echo "fuzz: $name ran only $execs executions in $fuzztime (at least $minexecs expected): expensive state built per input, or a stall" >&2
        status=1
      fi
      break
    fi
    if ! deadline_only; then
      cat "$log"
      status=1
      break
    fi
    if [ "$try" = 2 ]; then
      echo "fuzz: warning: $name ended twice with the fuzz coordinator's deadline race (golang/go#75804), no failing input" >&2
    else
      echo "fuzz: $name ended with the fuzz coordinator's deadline race (golang/go#75804), no failing input; once more" >&2
    fi
  done
done < <(git ls-files -z --cached --others --exclude-standard -- '*_test.go' |
  xargs -0 grep -HEn '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' | grep -v '/testdata/' | sed -E 's/:[0-9]+:/:/' | sort)
exit $status
