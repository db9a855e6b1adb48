#!/usr/bin/env bash
# Step 1 of the action: find an iacscan to run, or say where to build one.
#
# Environment: INPUT_BINARY (a path, optional), GITHUB_ACTION_PATH (the action's checkout),
# RUNNER_TOOL_CACHE / RUNNER_TEMP, GITHUB_OUTPUT.
# Outputs: binary (when one was found), else prefix (where build.sh installs) and cache-key
# (for actions/cache: the build's inputs and the machine it links against).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ -n "${INPUT_BINARY:-}" ]]; then
  found="$(command -v -- "$INPUT_BINARY" || true)"
  [[ -n "$found" && -x "$found" ]] || die "input 'binary': '$INPUT_BINARY' is not an executable file"
  # Later steps may run elsewhere (working-directory), so a relative path is made absolute.
  [[ "$found" == /* ]] || found="$PWD/$found"
  log "using $found (input 'binary')"
  set_output binary "$found"
  exit 0
fi
if found="$(command -v iacscan)"; then
  log "using $found from PATH"
  set_output binary "$found"
  exit 0
fi

source_dir="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
[[ -f "$source_dir/CMakeLists.txt" ]] || die "no iacscan sources in $source_dir"

# The key covers every file the installed tree is built from, so a new commit of the action
# that changes nothing there reuses the build; the OS release and architecture are in it
# because the binary links against the distribution's yaml-cpp and RE2.
source_hash="$(cd "$source_dir" &&
  { find CMakeLists.txt cmake cli libscan policies tools -type f -print0; printf '%s\0' docs/*.json; } |
  LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
os_id="unknown"
if [[ -r /etc/os-release ]]; then
  os_id="$(. /etc/os-release && printf '%s-%s' "${ID:-linux}" "${VERSION_ID:-unknown}")"
fi
key="iacscan-$os_id-$(uname -m)-$source_hash"
cache_root="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:?neither RUNNER_TOOL_CACHE nor RUNNER_TEMP is set}}"
log "no iacscan on PATH; will build from $source_dir (cache key $key)"
set_output prefix "$cache_root/iacscan/$source_hash"
set_output cache-key "$key"
