#!/usr/bin/env bash
# Scans the fixtures with `--format sarif` and checks the log with Microsoft's SARIF validator
# under its SARIF and GitHub rule sets: any error or warning fails, and so does a log without
# results. Usage: sarif_validate_test.sh <iacscan-binary> <repo-root>  (env: IACSCAN_DEPS_DIR)
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: $0 <iacscan-binary> <repo-root>" >&2; exit 2; }
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"  # absolute: one scan runs from $root
root="$2"
deps="${IACSCAN_DEPS_DIR:-$root/.deps}"
# Pinned so a new validator release cannot change the verdict on an unchanged log.
multitool_version="5.7.0"
multitool="$deps/node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
# The validator is a .NET program: without ICU it refuses to start; invariant globalization
# needs nothing from the system and changes nothing in what it checks.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1

fail() {
  echo "sarif_validate_test: $*" >&2
  exit 1
}

install_validator() {
  if [[ ! -f "$multitool" ]]; then
    command -v npm >/dev/null || fail "npm is needed to install @microsoft/sarif-multitool"
    mkdir -p "$deps/node"
    npm install --prefix "$deps/node" --no-audit --no-fund --loglevel=error \
      "@microsoft/sarif-multitool@$multitool_version" >/dev/null ||
      fail "could not install @microsoft/sarif-multitool"
  fi
  # npm 11 skips the package's postinstall, which is what makes the binary executable.
  [[ -x "$multitool" ]] || chmod u+x "$multitool"
}

# Runs the scan; 0 (clean), 1 (findings) and 3 (some files could not be parsed) all produce a
# complete log. The fixtures hold findings and deliberately malformed files.
scan() {
  local output="$1"
  shift
  local status=0
  "$bin" scan "$@" --format sarif --output "$output" >"$tmp/scan.out" 2>"$tmp/scan.err" ||
    status=$?
  if [[ $status -ne 0 && $status -ne 1 && $status -ne 3 ]]; then
    cat "$tmp/scan.err" >&2
    fail "iacscan scan $* exited with $status"
  fi
  [[ -s "$output" ]] || fail "iacscan scan $* wrote no SARIF to $output"
}

# Prints every error and warning the validator reported (a result without a level is a
# warning), plus tool failures, and exits non-zero when there is any; also rejects an input
# log without results, since a log with nothing in it proves nothing.
check() {
  node - "$1" "$2" <<'EOF'
const fs = require('fs');
const [input, verdict] = process.argv.slice(2);
const problems = [];
let results = 0;
try {
  const log = JSON.parse(fs.readFileSync(input, 'utf8'));
  results = (log.runs || []).reduce((n, run) => n + (run.results || []).length, 0);
} catch (e) {
  problems.push(`${input}: not JSON: ${e.message}`);
}
if (results === 0) problems.push(`${input}: the log has no results`);
for (const run of JSON.parse(fs.readFileSync(verdict, 'utf8')).runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  const describe = (result) => {
    const rule = rules.find((r) => r.id === result.ruleId) || {};
    const message = result.message || {};
    const template = (rule.messageStrings && rule.messageStrings[message.id] || {}).text;
    const text = message.text || template || message.id || '';
    return text.replace(/\{(\d+)\}/g, (_, i) => (message.arguments || [])[i] ?? '');
  };
  for (const result of run.results || []) {
    const level = result.level || 'warning';
    if (level === 'error' || level === 'warning') {
      problems.push(`${level} ${result.ruleId}: ${describe(result)}`);
    }
  }
  for (const invocation of run.invocations || []) {
    for (const n of invocation.toolExecutionNotifications || []) {
      const text = n.message && n.message.text;
      if ((n.level || 'warning') !== 'note') problems.push(`validator: ${text}`);
    }
    if (invocation.executionSuccessful === false) problems.push('validator: execution failed');
  }
}
for (const p of problems) console.error(p);
console.log(`${input}: ${results} results, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
EOF
}

[[ -x "$bin" ]] || fail "not an executable: $bin"
command -v node >/dev/null || fail "node is needed to run the SARIF validator"
install_validator

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Relative paths (the usual case, resolved against %SRCROOT%) and absolute ones (file: URIs).
(cd "$root" && scan "$tmp/relative.sarif" fixtures)
scan "$tmp/absolute.sarif" "$root/fixtures"

status=0
for log in "$tmp/relative.sarif" "$tmp/absolute.sarif"; do
  # The binary directly: the npm wrapper passes its arguments through a shell unquoted, which
  # splits "Sarif;Gh" at the ';'. (Its --quiet is broken in 5.7.0: the output goes to a file.)
  if ! "$multitool" validate --rule-kind "Sarif;Gh" -o "$log.verdict" "$log" \
    >"$tmp/validate.out" 2>&1 || [[ ! -s "$log.verdict" ]]; then
    head -n 20 "$tmp/validate.out" >&2
    fail "the validator did not run on $log"
  fi
  check "$log" "$log.verdict" || status=1
done
exit "$status"
