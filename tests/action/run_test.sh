#!/usr/bin/env bash
# The GitHub Action: action.yml and .github/workflows/*.yml checked with @action-validator/cli
# (npm, installed by ./bootstrap.sh test into .deps/node) and check_action_files.cjs, then the
# action's scripts run the way the runner runs them, with a fake GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY and RUNNER_TEMP, against the fixtures in data/.
# Usage: run_test.sh <iacscan-binary> <source-dir>   (IACSCAN_DEPS_DIR: the .deps folder)
source "$2/tests/cli/lib.sh"
BIN="$(realpath "$BIN")"
ROOT="$(realpath "$ROOT")"
deps="${IACSCAN_DEPS_DIR:-$ROOT/.deps}"
scripts="$ROOT/scripts/github-action"
# The scripts read their inputs from INPUT_* variables: none may leak in from the caller.
while IFS= read -r variable; do unset "$variable"; done < <(compgen -e | grep '^INPUT_')

# --- action.yml and the workflows ---------------------------------------------------------

validator="$deps/node/node_modules/.bin/action-validator"
if ! command -v node >/dev/null 2>&1; then
  fail "node is not installed (apt-get install npm, or ./bootstrap.sh test)"
elif [[ ! -x "$validator" || ! -f "$deps/node/node_modules/yaml/package.json" ]]; then
  fail "@action-validator/cli or yaml is not installed in $deps/node: run ./bootstrap.sh test" \
    "(or npm install --prefix $deps/node @action-validator/cli@0.6.0)"
else
  validate() {  # validate <file> <expected: valid|invalid>
    local rc=0 label="${1#"$ROOT/"}"
    label="${label#"$TMP/"}"
    "$validator" "$1" >"$TMP/validator.out" 2>&1 || rc=$?
    if [[ "$2" == valid && $rc -eq 0 ]] || [[ "$2" == invalid && $rc -ne 0 ]]; then
      pass "action-validator: $label is $2"
    else
      fail "action-validator: $label should be $2 (exit $rc)"
      sed 's/^/    /' "$TMP/validator.out" | head -40 >&2
    fi
  }
  validate "$ROOT/action.yml" valid
  workflows=("$ROOT"/.github/workflows/*.yml)
  [[ -f "${workflows[0]}" ]] || fail "no workflow in .github/workflows"
  for workflow in "${workflows[@]}"; do validate "$workflow" valid; done
  # A validator that passes everything would prove nothing: break each kind of file once.
  mkdir -p "$TMP/broken"
  sed '0,/^      shell: bash$/{/^      shell: bash$/d}' "$ROOT/action.yml" >"$TMP/broken/action.yml"
  cmp -s "$ROOT/action.yml" "$TMP/broken/action.yml" && fail "could not break action.yml"
  validate "$TMP/broken/action.yml" invalid
  sed '0,/^    runs-on: /{/^    runs-on: /d}' "$ROOT/.github/workflows/ci.yml" >"$TMP/broken/ci.yml"
  cmp -s "$ROOT/.github/workflows/ci.yml" "$TMP/broken/ci.yml" && fail "could not break ci.yml"
  validate "$TMP/broken/ci.yml" invalid

  # The YAML examples in docs/ci.md: complete workflows are validated, the rest (GitLab CI,
  # fragments) must at least parse.
  mkdir -p "$TMP/docs"
  awk -v dir="$TMP/docs" '
    /^```yaml$/ { n++; file = sprintf("%s/ci-example-%d.yml", dir, n); next }
    /^```$/ { file = ""; next }
    file != "" { print > file }' "$ROOT/docs/ci.md"
  examples=("$TMP"/docs/ci-example-*.yml)
  [[ -f "${examples[0]}" ]] || fail "docs/ci.md has no yaml example"
  for example in "${examples[@]}"; do
    if grep -q '^jobs:' "$example" && grep -q '^on:' "$example"; then
      validate "$example" valid
    elif NODE_PATH="$deps/node/node_modules" node -e \
      'require("yaml").parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$example"; then
      pass "docs/ci.md example $(basename "$example") is YAML"
    else
      fail "docs/ci.md example $(basename "$example") is not YAML"
    fi
  done

  if NODE_PATH="$deps/node/node_modules" node "$ROOT/tests/action/check_action_files.cjs" "$ROOT" \
    "$TMP/declared-outputs"; then :; else fail "check_action_files.cjs"; fi
fi

# --- the scripts --------------------------------------------------------------------------

# value <file> <name>: the last value a step set for <name> in a GITHUB_OUTPUT file, in either
# the name=value or the name<<DELIMITER form.
value() {
  awk -v key="$2" '
    delimiter != "" {
      if ($0 == delimiter) { if (name == key) result = text; delimiter = ""; next }
      text = (lines++ ? text "\n" : "") $0; next
    }
    index($0, "<<") && (!index($0, "=") || index($0, "<<") < index($0, "=")) {
      name = substr($0, 1, index($0, "<<") - 1); delimiter = substr($0, index($0, "<<") + 2)
      text = ""; lines = 0; next
    }
    substr($0, 1, index($0, "=") - 1) == key { result = substr($0, index($0, "=") + 1) }
    END { printf "%s", result }' "$1"
}

check_equal() {  # check_equal <what> <actual> <expected>
  if [[ "$2" == "$3" ]]; then pass "$1 is '$3'"; else fail "$1 is '$2', expected '$3'"; fi
}

# set_output writes a value with a newline in the delimiter form, whatever the value holds.
multi_line=$'first line\nIACSCAN_EOF_1=x\nlast=line'
(GITHUB_OUTPUT="$TMP/set-output" && source "$scripts/lib.sh" &&
  set_output plain "a=b c" && set_output multi "$multi_line" && set_output after "z")
check_equal "set_output: name=value" "$(value "$TMP/set-output" plain)" "a=b c"
check_equal "set_output: a multi-line value" "$(value "$TMP/set-output" multi)" "$multi_line"
check_equal "set_output: the value after it" "$(value "$TMP/set-output" after)" "z"

# A workspace whose names a careless script would split or evaluate.
workspace="$TMP/workspace"
odd='odd dir; it'\''s $(touch pwned) & `touch pwned` "q" \n'
mkdir -p "$workspace/$odd" "$workspace/bad" "$workspace/clean" "$workspace/-dash" "$workspace/conf dir"
for dir in "$odd" bad -dash; do cp "$ROOT/tests/action/data/bad/main.tf" "$workspace/$dir/"; done
cp "$ROOT/tests/action/data/clean/main.tf" "$workspace/clean/"
cp "$ROOT/tests/action/data/no-access-logging.iacscan.yaml" "$workspace/conf dir/no logging.yaml"

# run_action <name> [VAR=VALUE...]: runs run.sh in the workspace as the action's scan step
# does; $TMP/<name>/ holds output, summary, stdout, stderr and rc. INPUT_CONFIG=none unless
# given, so that no .iacscan.yaml above the temporary directory matters.
run_action() {
  local name="$1"; shift
  local dir="$TMP/$name"
  mkdir -p "$dir/runner-temp"
  : >"$dir/output"; : >"$dir/summary"
  (cd "$workspace" && env IACSCAN_BINARY="$BIN" RUNNER_TEMP="$dir/runner-temp" GITHUB_OUTPUT="$dir/output" \
    GITHUB_STEP_SUMMARY="$dir/summary" INPUT_CONFIG=none "$@" \
    bash "$scripts/run.sh" >"$dir/stdout" 2>"$dir/stderr")
  echo $? >"$dir/rc"
}
out() { value "$TMP/$1/output" "$2"; }
check_rc() {  # check_rc <name> <expected status of run.sh>
  local rc; rc=$(cat "$TMP/$1/rc")
  if [[ "$rc" == "$2" ]]; then pass "$1: run.sh exits $2"; else
    fail "$1: run.sh exits $rc, expected $2"; sed 's/^/    /' "$TMP/$1/stdout" "$TMP/$1/stderr" | tail -20 >&2; fi
}
check_file_contains() {  # check_file_contains <file> <fixed string>
  if grep -qF -- "$2" "$1"; then pass "${1#"$TMP/"} mentions '$2'"; else
    fail "${1#"$TMP/"} does not mention '$2'"; sed 's/^/    /' "$1" | head -20 >&2; fi
}
# node_eval <expression over `report`, the parsed JSON file> <file>
node_eval() {
  node -e 'const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
           process.stdout.write(String(eval(process.argv[2])))' "$2" "$1" 2>&1
}

# A vulnerable fixture under an odd name, given on its own line with blanks around it, reports
# into an odd output directory, with every extra format.
out_dir="$TMP/reports \$HOME 'x'"
run_action bad INPUT_PATHS=$'\n'"  $odd  "$'\n' INPUT_OUTPUT_DIR="$out_dir" \
  INPUT_FORMATS="junit,github text"
check_rc bad 0
check_equal "bad: exit-code" "$(out bad exit-code)" 1
check_equal "bad: critical, high, medium, low, info, total" \
  "$(for k in critical high medium low info total; do printf '%s ' "$(out bad "$k")"; done)" "1 0 1 1 0 3 "
check_equal "bad: output-dir" "$(out bad output-dir)" "$out_dir"
check_equal "bad: sarif" "$(out bad sarif)" "$out_dir/iacscan.sarif"
json="$(out bad json)"
if [[ -f "$json" ]] && command -v node >/dev/null; then
  # The awk reading of the summary must agree with a real JSON parser.
  check_equal "bad: counts against JSON.parse" \
    "$(node_eval '["critical","high","medium","low","info"].map(s => report.summary.activeBySeverity[s]).concat(report.summary.active, report.summary.suppressed).join(" ")' "$json")" \
    "$(for k in critical high medium low info total suppressed; do printf '%s ' "$(out bad "$k")"; done | sed 's/ $//')"
  check_equal "bad: the scanned path in the JSON report" \
    "$(node_eval 'report.findings[0].location.path' "$json")" "$odd/main.tf"
  check_equal "bad: SARIF parses, version" "$(node_eval 'report.version' "$(out bad sarif)")" "2.1.0"
  check_equal "bad: SARIF results" "$(node_eval 'report.runs[0].results.length' "$(out bad sarif)")" 3
else
  fail "bad: no JSON report ($json) or no node"
fi
for format in junit text github markdown; do
  file="$(out bad "$format")"
  if [[ -s "$file" ]]; then pass "bad: $format report written"; else fail "bad: no $format report ('$file')"; fi
done
[[ "$(out bad roadmap-stage)" =~ ^[0-9]+$ ]] && pass "bad: roadmap-stage is a number" ||
  fail "bad: roadmap-stage is '$(out bad roadmap-stage)'"
if [[ -f "$TMP/declared-outputs" ]]; then
  while IFS= read -r name; do
    grep -q "^$name=" "$TMP/bad/output" && pass "bad: action output '$name' set" ||
      fail "bad: action output '$name' is declared in action.yml but run.sh did not set it"
  done <"$TMP/declared-outputs"
fi
check_file_contains "$TMP/bad/summary" "## iacscan: 3 findings (1 critical, 1 medium, 1 low)"
check_file_contains "$TMP/bad/summary" "s3-bucket-public-acl"
check_file_contains "$TMP/bad/summary" "## AWS Security Maturity Roadmap"
# The text report sits between stop-commands markers; the annotations come after them.
token="$(sed -n 's/^::stop-commands::\(.*\)$/\1/p' "$TMP/bad/stdout")"
if [[ -n "$token" ]] && grep -qxF "::$token::" "$TMP/bad/stdout"; then
  pass "bad: the text report is inside stop-commands"
  if sed -n "/^::$token::\$/,\$p" "$TMP/bad/stdout" | grep -q '^::error file=.*s3-bucket-public-acl'; then
    pass "bad: annotations printed after the stop-commands block"
  else fail "bad: no ::error annotation after the stop-commands block"; fi
else
  fail "bad: no stop-commands block on stdout"
fi
if [[ -n "$(find "$workspace" "$TMP/bad" -name 'pwned*')" ]]; then
  fail "a name in the inputs was run as a command"
else pass "names with quotes, \$( ) and backticks stay names"; fi

run_action clean INPUT_PATHS=clean
check_rc clean 0
check_equal "clean: exit-code" "$(out clean exit-code)" 0
check_equal "clean: total" "$(out clean total)" 0
check_equal "clean: critical" "$(out clean critical)" 0
check_file_contains "$TMP/clean/summary" "## iacscan: no findings"
check_file_contains "$TMP/clean/summary" "## AWS Security Maturity Roadmap"

run_action never INPUT_PATHS=bad INPUT_FAIL_ON=never
check_equal "fail-on never: exit-code" "$(out never exit-code)" 0
check_equal "fail-on never: total" "$(out never total)" 3

run_action bogus-fail-on INPUT_PATHS=bad INPUT_FAIL_ON=bogus
check_equal "fail-on bogus: exit-code (iacscan's usage error)" "$(out bogus-fail-on exit-code)" 2

run_action config INPUT_PATHS=bad INPUT_CONFIG="$workspace/conf dir/no logging.yaml"
check_equal "config: exit-code" "$(out config exit-code)" 1
check_equal "config: medium (its rule turned off)" "$(out config medium)" 0
check_equal "config: total" "$(out config total)" 2

# On a single line, blanks separate paths.
run_action two-paths INPUT_PATHS="  clean   bad "
check_equal "two paths: total" "$(out two-paths total)" 3
if [[ -f "$(out two-paths json)" ]]; then
  check_equal "two paths: files scanned" "$(node_eval 'report.filesScanned' "$(out two-paths json)")" 2
fi

run_action dash INPUT_PATHS=-dash
check_equal "a path starting with '-': exit-code" "$(out dash exit-code)" 1
check_equal "a path starting with '-': total" "$(out dash total)" 3

run_action account-on INPUT_PATHS=bad INPUT_ACCOUNT_RULES=true
run_action account-off INPUT_PATHS=bad INPUT_ACCOUNT_RULES=false
check_equal "account-rules false: total" "$(out account-off total)" 3
if (($(out account-on total || true) + 0 > 3)); then pass "account-rules true adds the account findings"; else
  fail "account-rules true: total $(out account-on total), expected more than 3"; fi

# args go to scan and roadmap alike.
run_action args INPUT_PATHS=bad INPUT_ARGS=$'\n  --exclude=*.tf  \n\n'
check_equal "args --exclude: total" "$(out args total)" 0
if [[ -f "$(out args output-dir)/iacscan-roadmap.json" ]]; then
  check_equal "args --exclude: roadmap files scanned" \
    "$(node_eval 'report.filesScanned' "$(out args output-dir)/iacscan-roadmap.json")" 0
else fail "args: no roadmap JSON"; fi

run_action quiet INPUT_PATHS=bad INPUT_JOB_SUMMARY=false INPUT_ROADMAP=false
check_equal "job-summary false: summary size" "$(wc -c <"$TMP/quiet/summary")" 0
check_equal "roadmap false: roadmap-stage" "$(out quiet roadmap-stage)" ""
check_equal "roadmap false: total" "$(out quiet total)" 3

# Could not run: no counts, no SARIF (not even the earlier run's in the same directory).
run_action missing INPUT_PATHS='does-not-exist $(touch pwned)' INPUT_OUTPUT_DIR="$out_dir"
check_rc missing 0
check_equal "missing path: exit-code" "$(out missing exit-code)" 2
check_equal "missing path: sarif" "$(out missing sarif)" ""
check_equal "missing path: total" "$(out missing total)" ""
[[ ! -e "$out_dir/iacscan.sarif" ]] && pass "missing path: the earlier SARIF is gone" ||
  fail "missing path: $out_dir/iacscan.sarif is left from the earlier run"
check_file_contains "$TMP/missing/summary" "iacscan could not run (exit code 2)"
check_file_contains "$TMP/missing/summary" "does-not-exist"
[[ -z "$(find "$workspace" -name 'pwned*')" ]] && pass "missing path: nothing was run" ||
  fail "missing path: a path was run as a command"

run_action bad-format INPUT_PATHS=bad INPUT_FORMATS="junit pdf"
check_rc bad-format 2
check_file_contains "$TMP/bad-format/stdout" "::error title=iacscan action::input 'formats': unknown format 'pdf'"

run_action bad-boolean INPUT_PATHS=bad INPUT_ACCOUNT_RULES=maybe
check_rc bad-boolean 2
check_file_contains "$TMP/bad-boolean/stdout" "input 'account-rules' must be true or false"

run_action no-binary INPUT_PATHS=bad IACSCAN_BINARY="$TMP/no-such-iacscan"
check_rc no-binary 2

# --- locate.sh and build.sh ---------------------------------------------------------------

# run_step <name> <script> [VAR=VALUE...]: like run_action, for the other two scripts.
run_step() {
  local name="$1" script="$2"; shift 2
  local dir="$TMP/$name"
  mkdir -p "$dir"
  : >"$dir/output"
  (cd "$workspace" && env GITHUB_OUTPUT="$dir/output" RUNNER_TEMP="$dir" \
    GITHUB_ACTION_PATH="$ROOT" "$@" bash "$scripts/$script" >"$dir/stdout" 2>"$dir/stderr")
  echo $? >"$dir/rc"
}

run_step locate-input locate.sh INPUT_BINARY="$BIN"
check_rc locate-input 0
check_equal "locate: binary input" "$(out locate-input binary)" "$BIN"

mkdir -p "$workspace/tools"
ln -s "$BIN" "$workspace/tools/my-iacscan"
run_step locate-relative locate.sh INPUT_BINARY=tools/my-iacscan
check_equal "locate: a relative binary input" "$(out locate-relative binary)" "$workspace/tools/my-iacscan"

run_step locate-bad-input locate.sh INPUT_BINARY="$TMP/no-such-iacscan"
check_rc locate-bad-input 2

mkdir -p "$TMP/on-path"
ln -s "$BIN" "$TMP/on-path/iacscan"
run_step locate-path locate.sh PATH="$TMP/on-path:$PATH"
check_equal "locate: iacscan on PATH" "$(out locate-path binary)" "$TMP/on-path/iacscan"

# Without a binary: a PATH with only the tools locate.sh uses, so an installed iacscan does
# not count.
mkdir -p "$TMP/tools"
for tool in bash dirname find sort xargs sha256sum cut uname; do
  ln -s "$(command -v "$tool")" "$TMP/tools/$tool"
done
run_step locate-build locate.sh PATH="$TMP/tools" RUNNER_TOOL_CACHE="$TMP/tool cache"
run_step locate-build-again locate.sh PATH="$TMP/tools" RUNNER_TOOL_CACHE="$TMP/tool cache"
check_rc locate-build 0
check_equal "locate without a binary: binary" "$(out locate-build binary)" ""
key="$(out locate-build cache-key)"
[[ "$key" =~ ^iacscan-.+-[0-9a-f]{16}$ ]] && pass "locate: cache key '$key'" || fail "locate: cache key '$key'"
check_equal "locate: the same sources give the same key" "$(out locate-build-again cache-key)" "$key"
check_equal "locate: prefix" "$(out locate-build prefix)" "$TMP/tool cache/iacscan/${key##*-}"

# A prefix that actions/cache restored is used without building.
mkdir -p "$TMP/cached/bin"
ln -s "$BIN" "$TMP/cached/bin/iacscan"
run_step build-cached build.sh IACSCAN_PREFIX="$TMP/cached"
check_rc build-cached 0
check_equal "build: the cached binary" "$(out build-cached binary)" "$TMP/cached/bin/iacscan"

finish
