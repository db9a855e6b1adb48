#!/usr/bin/env bash
# ctest hcl_differential: compares our HCL loader with HashiCorp's parser (@cdktf/hcl2json)
# over the repo's fixtures/ and examples/, plus a corpus when one is available.
# Usage: run_test.sh <iacscan-hcl-dump> <repo-root>. Corpus: $IACSCAN_CORPUS_DIR, else
# <repo-root>/../shared/corpus/terraform when present; skipped with a message otherwise.
set -euo pipefail
dump=$1
root=$2
deps=${IACSCAN_DEPS_DIR:-$root/.deps}
prefix=$deps/node
hcl2json_version=0.21.0

if ! command -v node >/dev/null; then
  echo "hcl_differential: SKIP: node not found"
  exit 0
fi
if [[ ! -f "$prefix/node_modules/@cdktf/hcl2json/package.json" ]]; then
  echo "hcl_differential: installing @cdktf/hcl2json@$hcl2json_version into $prefix"
  npm install --silent --no-audit --no-fund --prefix "$prefix" \
    "@cdktf/hcl2json@$hcl2json_version" >/dev/null
fi

paths=()
for dir in fixtures examples; do
  [[ -d "$root/$dir" ]] && paths+=("$root/$dir")
done
corpus=${IACSCAN_CORPUS_DIR:-$root/../shared/corpus/terraform}
if [[ -d "$corpus" ]]; then
  paths+=("$corpus")
else
  echo "hcl_differential: corpus $corpus not found; checking fixtures/ and examples/ only"
fi

exec node "$(dirname "$0")/compare.mjs" --dump "$dump" --modules "$prefix" "${paths[@]}"
