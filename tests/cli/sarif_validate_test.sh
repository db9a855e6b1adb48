#!/usr/bin/env bash
# Scans fixture sets with `--format sarif` and checks every log with Microsoft's SARIF validator
# under its SARIF and GitHub ingestion rule sets: any error or warning fails (the validator
# itself exits 0 when it reports them, so its output log is read). Each log must also show what
# its set is there for: suppressions of both kinds, lapsed suppressions, undecided checks,
# findings about the scanned set as a whole, tool notifications for files that could not be
# parsed, and new, unchanged and absent results against a baseline.
# Usage: sarif_validate_test.sh <iacscan-binary> <repo-root>  (env: IACSCAN_DEPS_DIR)
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: $0 <iacscan-binary> <repo-root>" >&2; exit 2; }
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"  # absolute: scans run from other folders
root="$(cd "$2" && pwd)"
deps="${IACSCAN_DEPS_DIR:-$root/.deps}"
data="$root/tests/cli/data/sarif"
reports="$root/tests/fixtures/reports"
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

# The workload set changed after its baseline was written: five lines inserted above the
# findings of storage.tf (they must stay unchanged), the public ACL removed (absent), a bucket
# added (new).
edit_after_baseline() {
  local storage="$1/storage.tf"
  {
    printf '# inserted after the baseline\n%.0s' 1 2 3 4 5
    awk '/^resource "aws_s3_bucket_acl"/ { skip = 1 } !skip { print } skip && /^}/ { skip = 0 }' \
      "$storage"
    printf '\nresource "aws_s3_bucket" "added" {\n  bucket = "workload-added"\n}\n'
  } >"$storage.new"
  mv "$storage.new" "$storage"
}

# Reads the validator's log and each input log; prints every error and warning the validator
# reported (a result without a level is a warning) and its tool failures, and every expectation
# an input log does not meet. Arguments: the validator's log, then LOG=EXPECTATION,... pairs.
check() {
  node - "$@" <<'EOF'
const fs = require('fs');
const [verdictPath, ...inputs] = process.argv.slice(2);
const problems = [];
const read = (path) => JSON.parse(fs.readFileSync(path, 'utf8'));

const verdict = read(verdictPath);
for (const run of verdict.runs || []) {
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
    if (level !== 'error' && level !== 'warning') continue;
    const where = (((result.locations || [])[0] || {}).physicalLocation || {}).artifactLocation;
    problems.push(`${where ? where.uri.replace(/^.*\//, '') + ': ' : ''}` +
                  `${level} ${result.ruleId}: ${describe(result)}`);
  }
  for (const invocation of run.invocations || []) {
    for (const n of invocation.toolExecutionNotifications || []) {
      const text = n.message && n.message.text;
      if ((n.level || 'warning') !== 'note') problems.push(`validator: ${text}`);
    }
    if (invocation.executionSuccessful === false) problems.push('validator: execution failed');
  }
}

const uriOf = (r) => r.locations[0].physicalLocation.artifactLocation.uri;
const regionOf = (r) => r.locations[0].physicalLocation.region;
const suppressedAs = (kind) => (r) =>
  (r.suppressions || []).some((s) => s.kind === kind && s.status === 'accepted');
const expectations = {
  'suppressed-in-source': (rs) => rs.some(suppressedAs('inSource')),
  'suppressed-external': (rs) => rs.some(suppressedAs('external')),
  'expired': (rs) => rs.some((r) => r.properties && r.properties.expiredSuppressions),
  'review': (rs) => rs.some((r) => r.kind === 'review' && r.level === 'none'),
  'whole-set': (rs) => rs.some((r) => uriOf(r) === 'workload' &&
                                      JSON.stringify(regionOf(r)) === '{"startLine":1}'),
  'file-uris': (rs) => rs.every((r) => uriOf(r).startsWith('file:///')),
  'baseline': (rs) => rs.every((r) => r.baselineState) &&
      ['new', 'unchanged', 'absent'].every((s) => rs.some((r) => r.baselineState === s)) &&
      rs.filter((r) => r.baselineState === 'absent').every((r) => r.kind === 'pass'),
  // The shifted findings of storage.tf kept their fingerprints: only the added bucket is new.
  'shifted-unchanged': (rs) => rs.filter((r) => r.baselineState === 'new' && !r.suppressions.length)
      .every((r) => r.message.text.includes('aws_s3_bucket.added')),
};
for (const input of inputs) {
  const [path, wanted] = input.split('=');
  const name = path.replace(/^.*\//, '');
  let log;
  try {
    log = read(path);
  } catch (e) {
    problems.push(`${name}: not JSON: ${e.message}`);
    continue;
  }
  const run = log.runs[0];
  const results = run.results || [];
  // A log with nothing in it proves nothing.
  if (results.length === 0) problems.push(`${name}: the log has no results`);
  // SARIF 3.27.23: every result has the array, or none has.
  if (!results.every((r) => Array.isArray(r.suppressions))) {
    problems.push(`${name}: a result without a suppressions array`);
  }
  if (!results.every((r) => r.partialFingerprints && r.partialFingerprints.primaryLocationLineHash)) {
    problems.push(`${name}: a result without GitHub's primaryLocationLineHash`);
  }
  for (const expectation of (wanted || '').split(',').filter(Boolean)) {
    if (expectation === 'notifications') {
      const invocation = run.invocations[0];
      if (invocation.executionSuccessful !== false ||
          !(invocation.toolExecutionNotifications || []).length) {
        problems.push(`${name}: expected notifications for files that could not be parsed`);
      }
    } else if (!expectations[expectation](results)) {
      problems.push(`${name}: expected ${expectation}`);
    }
  }
  console.log(`${name}: ${results.length} results`);
}
for (const p of problems) console.error(p);
console.log(`${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
EOF
}

[[ -x "$bin" ]] || fail "not an executable: $bin"
command -v node >/dev/null || fail "node is needed to run the SARIF validator"
install_validator

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Relative paths (the usual case, resolved against %SRCROOT%) and absolute ones (file: URIs).
(cd "$root" && scan "$tmp/fixtures-relative.sarif" fixtures)
scan "$tmp/fixtures-absolute.sarif" "$root/fixtures"
# Inline comments, CloudFormation Metadata skips (ours and checkov's), lapsed suppressions,
# suppressions without a reason or without a use, undecided checks.
(cd "$reports" && scan "$tmp/reports-terraform.sarif" terraform-project --unknowns=report \
  --report-unused-suppressions)
(cd "$reports" && scan "$tmp/reports-cloudformation.sarif" cloudformation-project \
  --unknowns=report)
# Configuration suppressions and account rules (findings about the directory as a whole).
(cd "$data" && scan "$tmp/workload.sarif" workload --report-unused-suppressions)
# A baseline written by one scan and given to the next, after the set changed.
mkdir "$tmp/work"
cp -R "$data/workload" "$tmp/work/workload"
(cd "$tmp/work" && scan "$tmp/before-baseline.sarif" workload --write-baseline baseline.json)
edit_after_baseline "$tmp/work/workload"
(cd "$tmp/work" && scan "$tmp/baseline.sarif" workload --baseline baseline.json)

logs=(
  "$tmp/fixtures-relative.sarif=notifications"
  "$tmp/fixtures-absolute.sarif=notifications,file-uris"
  "$tmp/reports-terraform.sarif=suppressed-in-source,expired,review"
  "$tmp/reports-cloudformation.sarif=suppressed-in-source,expired"
  "$tmp/workload.sarif=suppressed-in-source,suppressed-external,expired,whole-set"
  "$tmp/baseline.sarif=baseline,shifted-unchanged,whole-set"
)
# The validator's SARIF2006 (a note, which never fails this test) fetches every rule's help
# page; offline, each fetch waits for DNS. An unreachable proxy makes them fail at once.
# The binary directly: the npm wrapper passes its arguments through a shell unquoted, which
# splits "Sarif;Gh" at the ';'. (Its --quiet is broken in 5.7.0: the output goes to a file.)
if ! HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY= \
  "$multitool" validate --rule-kind "Sarif;Gh" -o "$tmp/verdict.sarif" "${logs[@]%%=*}" \
  >"$tmp/validate.out" 2>&1 || [[ ! -s "$tmp/verdict.sarif" ]]; then
  head -n 20 "$tmp/validate.out" >&2
  fail "the validator did not run"
fi
check "$tmp/verdict.sarif" "${logs[@]}"
