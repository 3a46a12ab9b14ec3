#!/usr/bin/env bash
# Prepares the module file the browser build is built with (make wasm):
#
#   scripts/wasm-modfile.sh DIR
#
# writes DIR/wasm.mod and DIR/wasm.sum (copies of go.mod and go.sum) with
# github.com/nyaruka/phonenumbers replaced by DIR/phonenumbers, a copy of the
# module at the version go.mod requires in which only geocoding.go differs.
#
# Why: phonenumbers v1's geocoding.go imports golang.org/x/text/language/display
# for the last fallback of GetGeocodingForNumber, and a package that is
# imported is initialized, so its CLDR display-name tables (about 0.8 MB of
# the module, gzip) are linked into every program that uses phonenumbers,
# although custnorm never geocodes. The browser build is to link no
# display-name tables. The stub keeps GetGeocodingForNumber (it returns an
# error), so the copy compiles as the original does; every other file, the
# metadata included, is phonenumbers' own. phonenumbers v2 moves geocoding
# into a package of its own and will make this unnecessary.
#
# The Go library and the CLI are built with go.mod as it is; the wasm tests
# check that the browser build gives the Go library's results on the whole
# conformance corpus. Nothing in the repository changes; DIR is a build
# directory (make uses dist/build).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: scripts/wasm-modfile.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

src=$(go mod download -json github.com/nyaruka/phonenumbers | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
if [ -z "$src" ] || [ ! -f "$src/geocoding.go" ]; then
	echo "wasm-modfile: cannot find the phonenumbers module (go mod download)" >&2
	exit 1
fi
# The stub replaces exactly one function: a phonenumbers release whose
# geocoding.go declares anything else needs this script looked at again.
decls=$(grep -E '^(func|var|const|type) ' "$src/geocoding.go" || true)
if [ "$decls" != 'func GetGeocodingForNumber(number *PhoneNumber, lang string) (string, error) {' ]; then
	echo "wasm-modfile: $src/geocoding.go is not the one this script stubs; its declarations:" >&2
	echo "$decls" >&2
	exit 1
fi

rm -rf "$dir/phonenumbers"
cp -r "$src" "$dir/phonenumbers"
chmod -R u+w "$dir/phonenumbers"
cat >"$dir/phonenumbers/geocoding.go" <<'EOF'
package phonenumbers

import "errors"

// GetGeocodingForNumber is not part of custnorm's browser build (see
// custnorm's scripts/wasm-modfile.sh): the original's fallback imports
// golang.org/x/text/language/display, whose tables would be linked into the
// module although custnorm never geocodes.
func GetGeocodingForNumber(number *PhoneNumber, lang string) (string, error) {
	return "", errors.New("phonenumbers: no geocoding in custnorm's browser build")
}
EOF
# phonenumbers' own tests need these; the build does not, and without them
# the go command needs no more than go.sum already holds.
for m in github.com/stretchr/testify github.com/davecgh/go-spew github.com/pmezard/go-difflib gopkg.in/yaml.v3; do
	go mod edit -droprequire="$m" "$dir/phonenumbers/go.mod"
done

cp go.mod "$dir/wasm.mod"
cp go.sum "$dir/wasm.sum"
go mod edit -modfile="$dir/wasm.mod" -replace="github.com/nyaruka/phonenumbers=$dir/phonenumbers"
