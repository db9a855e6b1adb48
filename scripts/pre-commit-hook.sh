#!/usr/bin/env bash
# The `iacscan` pre-commit hook (.pre-commit-hooks.yaml): scans the changed files pre-commit
# passes, with `iacscan scan --changed` (docs/pre-commit.md). Arguments before the files come
# from the hook's `args` (--fail-on high, --config ci/iacscan.yaml).
#
# The binary, first found wins:
#   1. $IACSCAN, when set (it must be executable);
#   2. `iacscan` on PATH (the .deb, or your own build);
#   3. a build inside this checkout, which pre-commit keeps in its cache: made once with CMake
#      when the Debian build packages are installed; otherwise this prints what to install and
#      exits 2.
set -euo pipefail

checkout="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$checkout/build/pre-commit"

say() { printf 'iacscan hook: %s\n' "$*" >&2; }

# What a build needs, as in bootstrap.sh: Debian packages, and the commands they provide.
build_packages=(cmake ninja-build g++ pkg-config npm libyaml-cpp-dev nlohmann-json3-dev
                libre2-dev libcli11-dev ca-certificates)
declare -A build_commands=([cmake]=cmake [ninja]=ninja-build [g++]=g++ [pkg-config]=pkg-config
                           [npm]=npm)

missing_build_packages() {
  local missing=() command package
  for command in "${!build_commands[@]}"; do
    command -v "$command" >/dev/null 2>&1 || missing+=("${build_commands[$command]}")
  done
  if command -v dpkg-query >/dev/null 2>&1; then
    for package in "${build_packages[@]}"; do
      dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
    done
  fi
  ((${#missing[@]} == 0)) || printf '%s\n' "${missing[@]}" | sort -u
}

# Builds the binary into $build_dir; a lock keeps two hook runs from building at once.
build_iacscan() {
  local missing
  missing="$(missing_build_packages)"
  if [[ -n "$missing" ]]; then
    say "no iacscan binary: set IACSCAN=/path/to/iacscan, put iacscan on PATH (the .deb), or"
    say "install what building it here needs:"
    say "  sudo apt-get install ${missing//$'\n'/ }"
    exit 2
  fi
  mkdir -p "$build_dir"
  exec 9>"$build_dir/.lock"
  flock 9
  if [[ ! -x "$build_dir/iacscan" ]]; then
    say "building iacscan in $build_dir (once; this takes a few minutes)"
    # The npm-registry sources (tree-sitter, IAM data) are fetched by the configure step.
    if ! cmake -S "$checkout" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
          -DIACSCAN_BUILD_TESTS=OFF -DIACSCAN_BUILD_TOOLS=OFF -DIACSCAN_INSTALL=OFF \
          -DIACSCAN_WERROR=OFF >"$build_dir/build.log" 2>&1 ||
       ! cmake --build "$build_dir" --target iacscan-cli >>"$build_dir/build.log" 2>&1; then
      tail -n 30 "$build_dir/build.log" >&2
      say "the build failed; the whole log is $build_dir/build.log"
      exit 2
    fi
  fi
  exec 9>&-
}

find_iacscan() {
  if [[ -n "${IACSCAN:-}" ]]; then
    if [[ ! -x "$IACSCAN" ]]; then
      say "IACSCAN is set to '$IACSCAN', which is not an executable file"
      exit 2
    fi
    echo "$IACSCAN"
  elif command -v iacscan >/dev/null 2>&1; then
    command -v iacscan
  else
    [[ -x "$build_dir/iacscan" ]] || build_iacscan
    echo "$build_dir/iacscan"
  fi
}

iacscan="$(find_iacscan)"
exec "$iacscan" scan --changed "$@"
