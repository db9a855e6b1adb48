#!/usr/bin/env bash
# Step 2 of the action, when no iacscan was found: build and install it from the action's own
# sources into PREFIX (which actions/cache may have restored already), with the Debian/Ubuntu
# packages it needs. Needs CMake 3.25 or newer: Debian 12, Ubuntu 24.04 (ubuntu-latest).
#
# Environment: GITHUB_ACTION_PATH, IACSCAN_PREFIX (locate.sh's prefix), RUNNER_TEMP,
# GITHUB_OUTPUT. Output: binary.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

source_dir="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
prefix="${IACSCAN_PREFIX:?IACSCAN_PREFIX is not set}"
binary="$prefix/bin/iacscan"

# apt_install PACKAGE...: installs the packages that are not installed yet.
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null 2>&1 ||
    die "cannot install ${missing[*]}: no apt-get here; put an iacscan binary on PATH or give the 'binary' input"
  log "installing ${missing[*]}"
  run_privileged env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  run_privileged env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The -dev packages pull in the shared libraries the binary links against, whose package
# names change between releases (libyaml-cpp0.7 / 0.8, libre2-9 / 10).
runtime_packages=(libyaml-cpp-dev libre2-dev)

if [[ -x "$binary" ]]; then
  log "using the cached build in $prefix"
  "$binary" --version >/dev/null 2>&1 || apt_install "${runtime_packages[@]}"
else
  build_packages=("${runtime_packages[@]}" nlohmann-json3-dev libcli11-dev cmake ninja-build g++
                  pkg-config ca-certificates)
  # CMake fetches tree-sitter and the IAM action data with npm; hosted runners already have it.
  command -v npm >/dev/null 2>&1 || build_packages+=(npm)
  apt_install "${build_packages[@]}"

  build_dir="${RUNNER_TEMP:?RUNNER_TEMP is not set}/iacscan-build"
  log "building iacscan from $source_dir"
  # The installed binary finds libiacscan.so through a relative RPATH (cli/CMakeLists.txt), so
  # the cached prefix works wherever the cache restores it.
  cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DIACSCAN_BUILD_TESTS=OFF -DIACSCAN_BUILD_TOOLS=OFF -DIACSCAN_WERROR=OFF \
    -DIACSCAN_DEPS_DIR="$build_dir/deps" -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
  cmake --build "$build_dir"
  cmake --install "$build_dir" >/dev/null
fi

"$binary" --version >/dev/null || die "the iacscan built in $prefix does not run"
set_output binary "$binary"
