#!/usr/bin/env bash
# Validates roadmap JSON reports against docs/roadmap-schema.json with Ajv from the npm registry
# (installed by ./bootstrap.sh test into .deps/node): the committed snapshots
# (tests/snapshots/roadmap/*.json) and what the binary writes for every landing-zone fixture.
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
cp "$root/tests/roadmap-schema/validate.mjs" "$work/"
ln -s "$NODE_PATH" "$work/node_modules"

reports=()
for snapshot in "$root"/tests/snapshots/roadmap/*.json; do
  [[ -f "$snapshot" ]] && reports+=("$snapshot")
done
# Reports straight from the binary: the snapshots replace the version, these keep it. Exit 0
# (done) and 1 (a stage not met) both write a report; so does 3 (some file did not parse).
cd "$root"
for dir in fixtures/landing-zone/*/ tests/cli/data/roadmap/; do
  [[ -d "$dir" ]] || continue
  name="$(basename "$dir")"
  status=0
  "$bin" roadmap "$dir" --format json >"$work/$name.json" 2>"$work/$name.err" || status=$?
  if [[ $status -ne 0 && $status -ne 1 && $status -ne 3 ]]; then
    echo "iacscan roadmap $dir exited $status:" >&2
    cat "$work/$name.err" >&2
    exit 1
  fi
  reports+=("$work/$name.json")
done
node "$work/validate.mjs" "$root" "${reports[@]}"
