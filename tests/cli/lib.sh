# Shared helpers for the CLI tests: run the built binary, check exit codes and output.
# Each test script: source this file, then call `check_exit`, `check_contains`, ...; the
# script exits non-zero at the end when any check failed.
set -uo pipefail
BIN="$1"
ROOT="$2"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FAILURES=0

fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
pass() { echo "ok:   $*"; }

# run <name> <args...>: runs the binary, keeping stdout, stderr and the exit code.
run() {
  local name="$1"; shift
  "$BIN" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
  echo $? >"$TMP/$name.rc"
}

check_exit() {  # check_exit <name> <expected code>
  local actual; actual=$(cat "$TMP/$1.rc")
  if [[ "$actual" == "$2" ]]; then pass "$1 exits $2"; else
    fail "$1 exits $actual, expected $2"; sed 's/^/    /' "$TMP/$1.err" >&2; fi
}

check_contains() {  # check_contains <name> <out|err> <fixed string>
  if grep -qF -- "$3" "$TMP/$1.$2"; then pass "$1 $2 mentions '$3'"; else
    fail "$1 $2 does not mention '$3'"; sed 's/^/    /' "$TMP/$1.$2" | head -40 >&2; fi
}

check_not_contains() {
  if grep -qF -- "$3" "$TMP/$1.$2"; then fail "$1 $2 mentions '$3'"; else pass "$1 $2 has no '$3'"; fi
}

finish() {
  if ((FAILURES)); then echo "$FAILURES check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}
