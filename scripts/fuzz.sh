#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 3s): the
# short fuzz pass of `make test`. Long fuzzing: FUZZTIME=10m make fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-3s}
status=0
while IFS= read -r line; do
  file=${line%%:*}
  name=$(sed -E 's/^func (Fuzz[A-Za-z0-9_]*)\(.*/\1/' <<<"${line#*:}")
  pkg=./$(dirname "$file")
  echo "fuzz $pkg $name ($fuzztime)"
  if ! go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "$pkg" >/tmp/custnorm-fuzz.log 2>&1; then
    cat /tmp/custnorm-fuzz.log
    status=1
  fi
done < <(grep -rEn --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . | grep -v '/testdata/' | sed -E 's/^\.\///; s/:[0-9]+:/:/' | sort)
exit $status
