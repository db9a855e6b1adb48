#!/usr/bin/env bash
# CLI behaviour of `iacscan roadmap`: formats, output file, exit codes (--min-stage, errors,
# incomplete scans), --config. Assertions about stages stay loose: the landing-zone fixtures
# decide those; here a tiny fixture (tests/cli/data/roadmap) only has to scan.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
DATA="tests/cli/data/roadmap"

run help roadmap --help
check_exit help 0
check_contains help out "--min-stage"
check_contains help out "markdown"
check_contains help out "Examples:"

run text roadmap "$DATA" --no-config
check_exit text 0
check_not_contains text out $'\033['
run markdown roadmap "$DATA" --no-config --format markdown
check_exit markdown 0
check_contains markdown out "|"
run json roadmap "$DATA" --no-config --format json
check_exit json 0
check_contains json out '"schemaVersion"'
if command -v python3 >/dev/null; then
  if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/json.out" 2>/dev/null; then
    pass "json output parses"; else fail "json output does not parse"; fi
fi
# Deterministic, so that a pull-request comment only changes when the code does.
run json_again roadmap "$DATA" --no-config --format json --jobs 1
if cmp -s "$TMP/json.out" "$TMP/json_again.out"; then pass "json identical across runs"; else
  fail "json differs between runs"; fi

run to_file roadmap "$DATA" --no-config --format markdown --output "$TMP/roadmap.md"
check_exit to_file 0
check_contains to_file err "report written to $TMP/roadmap.md"
if cmp -s "$TMP/roadmap.md" "$TMP/markdown.out"; then pass "--output writes the report"; else
  fail "--output differs from stdout"; fi

# No tiny fixture meets all ten stages.
run min_stage roadmap "$DATA" --no-config --min-stage 10
check_exit min_stage 1
run min_stage_range roadmap "$DATA" --min-stage 11
check_exit min_stage_range 2
run bad_format roadmap "$DATA" --format sarif
check_exit bad_format 2
run no_path roadmap
check_exit no_path 2
run missing_path roadmap "$TMP/does-not-exist"
check_exit missing_path 2
check_contains missing_path err "no such file or directory"

mkdir -p "$TMP/broken"
cp "$DATA"/* "$TMP/broken/"
printf 'resource "aws_s3_bucket" "b" {\n' >"$TMP/broken/broken.tf"
run incomplete roadmap "$TMP/broken" --no-config
check_exit incomplete 3
run incomplete_gate roadmap "$TMP/broken" --no-config --min-stage 10
check_exit incomplete_gate 3

printf 'limits:\n  scp_syntax: ancient\n' >"$TMP/bad.yaml"
run bad_config roadmap "$DATA" --config "$TMP/bad.yaml"
check_exit bad_config 2
check_contains bad_config err "$TMP/bad.yaml:2:15: limits.scp_syntax"
# The roadmap always runs the account rules, whatever the configuration says for `scan`...
printf 'account_rules: false\n' >"$TMP/no-account-rules.yaml"
run account_off roadmap "$DATA" --config "$TMP/no-account-rules.yaml" --format json
check_exit account_off 0
if cmp -s "$TMP/account_off.out" "$TMP/json.out"; then pass "roadmap ignores account_rules: false"; else
  fail "account_rules: false changes the roadmap"; fi
# ... while `scan` runs them only when asked.
run scan_plain scan "$DATA" --no-config
run scan_account scan "$DATA" --no-config --account-rules
if cmp -s "$TMP/scan_plain.out" "$TMP/scan_account.out"; then
  fail "scan --account-rules runs nothing more"; else pass "scan --account-rules runs the account rules"; fi
run roadmap_account_flag roadmap "$DATA" --account-rules
check_exit roadmap_account_flag 2

printf 'organization:\n  security_account: "111122223333"\n' >"$TMP/good.yaml"
run good_config roadmap "$DATA" --config "$TMP/good.yaml" --format json
check_exit good_config 0

finish
