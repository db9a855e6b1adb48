# Shared helpers for the package tests: checks that count failures, as in tests/cli/lib.sh.
set -uo pipefail
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FAILURES=0
# The fixture every consumer scans: a bucket made public by terraform.tfvars (line 20 of main.tf).
FIXTURE_RULE=s3-bucket-public-acl

fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
pass() { echo "ok:   $*"; }

check_file() {  # check_file <path> <what>
  if [[ -e "$1" ]]; then pass "$2 ($1)"; else fail "$2 missing: $1"; fi
}

# check_run <what> <expected exit code> <text the output must contain> <command...>
check_run() {
  local what="$1" expected="$2" needle="$3"; shift 3
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [[ "$rc" != "$expected" ]]; then
    fail "$what exits $rc, expected $expected"; printf '%s\n' "$out" | head -40 | sed 's/^/    /' >&2
  elif [[ -n "$needle" && "$out" != *"$needle"* ]]; then
    fail "$what: output lacks '$needle'"; printf '%s\n' "$out" | head -40 | sed 's/^/    /' >&2
  else
    pass "$what"
  fi
}

# The exported dynamic symbols of a shared object must be the API only: nothing from the
# library's internals or from the third-party code linked into it.
check_exports() {  # check_exports <shared object>
  local leaked
  nm -D --defined-only "$1" | awk '{print $NF}' >"$TMP/exports.txt"
  leaked=$(grep -E '^(ts_|tree_sitter_|_ZN4YAML|_ZN3re2|_ZN8nlohmann|_ZN7iacscan6detail|_ZNK7iacscan6detail)' \
           "$TMP/exports.txt" | head -5 | tr '\n' ' ')
  if [[ -z "$leaked" ]]; then pass "$1 exports no internal symbols"; else
    fail "$1 exports internal symbols: $leaked"; fi
  if grep -qx 'iacscan_scanner_new' "$TMP/exports.txt"; then pass "$1 exports the C API"; else
    fail "$1 does not export iacscan_scanner_new"; fi
  if grep -q '^_ZN7iacscan7Scanner6create' "$TMP/exports.txt"; then pass "$1 exports the C++ API"; else
    fail "$1 does not export iacscan::Scanner::create"; fi
}

finish() {
  if ((FAILURES)); then echo "$FAILURES check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}
