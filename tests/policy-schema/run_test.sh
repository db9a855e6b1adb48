#!/usr/bin/env bash
# Runs the rule-file schema validation with Ajv from the npm registry (installed by
# ./bootstrap.sh test into .deps/node).
set -euo pipefail
root="$1"
deps="${IACSCAN_DEPS_DIR:-$root/.deps}"
export NODE_PATH="$deps/node/node_modules"
if [[ ! -f "$NODE_PATH/ajv/package.json" || ! -f "$NODE_PATH/yaml/package.json" ]]; then
  echo "ajv or yaml is not installed in $NODE_PATH: run ./bootstrap.sh test" >&2
  exit 1
fi
# ES modules ignore NODE_PATH: link the packages next to the script's own node_modules.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/tests/policy-schema/validate.mjs" "$work/"
ln -s "$NODE_PATH" "$work/node_modules"
node "$work/validate.mjs" "$root"
