#!/usr/bin/env bash
# Validates JSON scan reports against docs/report-schema.json with Ajv from the npm registry
# (installed by ./bootstrap.sh test into .deps/node): the committed snapshots
# (tests/snapshots/reports/*.json) and what the binary writes for every report fixture
# (tests/fixtures/reports/<name>/, scanned by relative path as the snapshots are) and for fixtures/.
# Usage: run_test.sh IACSCAN_BINARY ROOT
set -euo pipefail
bin="$1"
root="$2"
deps="${IACSCAN_DEPS_DIR:-$root/.deps}"
export NODE_PATH="$deps/node/node_modules"
if [[ ! -f "$NODE_PATH/ajv/package.json" ]]; then
  echo "ajv is not installed in $NODE_PATH: run ./bootstrap.sh test" >&2
  exit 1
fi
# ES modules ignore NODE_PATH: link the packages next to the script's own node_modules.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/tests/report-schema/validate.mjs" "$work/"
ln -s "$NODE_PATH" "$work/node_modules"

reports=()
for snapshot in "$root"/tests/snapshots/reports/*.json; do
  [[ -f "$snapshot" ]] && reports+=("$snapshot")
done

# Exit 0 (no findings), 1 (findings) and 3 (some file did not parse) all write a report.
scan_to() {
  local out="$1"
  shift
  local status=0
  "$bin" scan "$@" --format json --unknowns=report >"$out" 2>"$out.err" || status=$?
  if [[ $status -ne 0 && $status -ne 1 && $status -ne 3 ]]; then
    echo "iacscan scan $* exited $status:" >&2
    cat "$out.err" >&2
    exit 1
  fi
  reports+=("$out")
}

cd "$root/tests/fixtures/reports"
for dir in */; do
  [[ -d "$dir" ]] || continue
  scan_to "$work/fixture-$(basename "$dir").json" "${dir%/}"
done
cd "$root"
scan_to "$work/fixtures.json" fixtures

node "$work/validate.mjs" "$root" "${reports[@]}"
