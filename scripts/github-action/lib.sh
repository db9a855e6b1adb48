# shellcheck shell=bash
# Helpers shared by the GitHub Action's scripts (action.yml runs them; tests/action runs them
# locally with a fake GITHUB_OUTPUT and GITHUB_STEP_SUMMARY).

log() { printf 'iacscan-action: %s\n' "$*" >&2; }

# A setup problem (bad input, missing binary) fails the step with an annotation; findings never
# come through here, they are the last step's business.
die() {
  printf '::error title=iacscan action::%s\n' "$*"
  exit 2
}

# set_output NAME VALUE: a step output; values with a newline use the delimiter form, with a
# delimiter that the value does not contain.
set_output() {
  local name="$1" value="$2"
  [[ -n "${GITHUB_OUTPUT:-}" ]] || die "GITHUB_OUTPUT is not set: run this script from the action"
  if [[ "$value" != *$'\n'* ]]; then
    printf '%s=%s\n' "$name" "$value" >>"$GITHUB_OUTPUT"
    return
  fi
  local delimiter="IACSCAN_EOF_$RANDOM$RANDOM"
  while [[ "$value" == *"$delimiter"* ]]; do delimiter="IACSCAN_EOF_$RANDOM$RANDOM"; done
  printf '%s<<%s\n%s\n%s\n' "$name" "$delimiter" "$value" "$delimiter" >>"$GITHUB_OUTPUT"
}

# is_true VALUE NAME: action inputs are strings; accept the spellings YAML users write.
is_true() {
  case "${1,,}" in
    true | yes | on | 1) return 0 ;;
    false | no | off | 0 | "") return 1 ;;
    *) die "input '$2' must be true or false, not '$1'" ;;
  esac
}

# run_privileged CMD...: apt-get needs root; hosted runners have passwordless sudo, containers
# usually run as root without sudo.
run_privileged() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}
