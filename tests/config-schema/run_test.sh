#!/usr/bin/env bash
# Validates configuration files against docs/config-schema.json with Ajv from the npm registry
# (installed by ./bootstrap.sh test into .deps/node): the starter file `iacscan init` writes
# must pass, and broken files must fail both the schema and iacscan itself.
# Usage: run_test.sh IACSCAN_BINARY ROOT
set -euo pipefail
bin="$1"
root="$2"
deps="${IACSCAN_DEPS_DIR:-$root/.deps}"
export NODE_PATH="$deps/node/node_modules"
if [[ ! -f "$NODE_PATH/ajv/package.json" || ! -f "$NODE_PATH/yaml/package.json" ]]; then
  echo "ajv or yaml is not installed in $NODE_PATH: run ./bootstrap.sh test" >&2
  exit 1
fi
# ES modules ignore NODE_PATH: link the packages next to the script's own node_modules.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/tests/config-schema/validate.mjs" "$work/"
ln -s "$NODE_PATH" "$work/node_modules"
mkdir "$work/starter"
"$bin" init "$work/starter" 2>/dev/null
node "$work/validate.mjs" "$root" "$bin" "$work/starter/.iacscan.yaml" "$work"
