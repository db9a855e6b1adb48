#!/usr/bin/env bash
# CLI behaviour of `iacscan scan`: exit codes, formats, bad input, determinism.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

run help --help
check_exit help 0
check_contains help out "scan"

run no_command
check_exit no_command 2

run bad_flag scan examples --format nonsense
check_exit bad_flag 2

run missing_path scan "$TMP/does-not-exist"
check_exit missing_path 2
check_contains missing_path err "no such file or directory"

# The bundled examples: one rule, caught in CloudFormation and in Terraform.
run examples scan examples
check_exit examples 1
check_contains examples out "examples/cloudformation/static-site.yaml"
check_contains examples out "examples/terraform/website/main.tf"
check_contains examples out "s3-bucket-public-acl"
check_contains examples out "CRITICAL"
check_not_contains examples out $'\033['

run examples_sarif scan examples --format sarif --output "$TMP/examples.sarif"
check_exit examples_sarif 1
if grep -q '"ruleId": "s3-bucket-public-acl"' "$TMP/examples.sarif"; then pass "sarif has results"; else
  fail "sarif has no s3-bucket-public-acl result"; fi

# Threshold: findings below --fail-on do not fail the run.
mkdir -p "$TMP/policies"
sed -e 's/^id: s3-bucket-public-acl/id: custom-public-acl/' -e 's/^severity: critical/severity: low/' \
  policies/public-exposure/s3-bucket-public-acl.yaml >"$TMP/policies/custom.yaml"
# No kinds copied: the built-in kinds load even with --no-builtin-policies.
run custom_low scan examples --no-builtin-policies --policy-dir "$TMP/policies" --fail-on high
check_exit custom_low 0
check_contains custom_low out "custom-public-acl"
run custom_fail scan examples --no-builtin-policies --policy-dir "$TMP/policies" --fail-on low
check_exit custom_fail 1

# An invalid policy file is a usage error that names the file and line.
printf 'id: Bad_Id\ntitle: x\n' >"$TMP/policies/broken.yaml"
run bad_policy scan examples --policy-dir "$TMP/policies"
check_exit bad_policy 2
check_contains bad_policy err "broken.yaml:1"

# A directory without IaC is not an error.
mkdir -p "$TMP/empty/sub" && echo "hello" >"$TMP/empty/sub/readme.txt"
run empty scan "$TMP/empty"
check_exit empty 0
check_contains empty out "No findings"

# Bad input: malformed files are reported with file and line, the rest is still scanned,
# and the exit code says the scan was incomplete.
mkdir -p "$TMP/mixed"
cp examples/cloudformation/static-site.yaml "$TMP/mixed/good.yaml"
cp fixtures/terraform/malformed/main.tf "$TMP/mixed/broken.tf"
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: [\n' \
  >"$TMP/mixed/broken.yaml"
head -c 4096 /dev/urandom >"$TMP/mixed/binary.tf"
ln -s . "$TMP/mixed/loop"
ln -s "$TMP/nowhere.tf" "$TMP/mixed/dangling.tf"
run mixed scan "$TMP/mixed"
check_exit mixed 3
check_contains mixed out "s3-bucket-public-acl"
check_contains mixed out "broken.tf:"
check_contains mixed out "broken.yaml:6:1: parse-error"
check_contains mixed out "binary.tf"
check_contains mixed out "dangling.tf"
check_contains mixed out "parse-error"

# Files over the size limit are refused with a diagnostic, not loaded.
run too_big scan examples --max-file-size 100
check_exit too_big 3
check_contains too_big out "limit-exceeded: file is"
run size_ok scan examples --max-file-size 20m
check_exit size_ok 1

# CloudFormation parameters: --parameter and --parameters-file (both shapes) replace defaults,
# so a finding appears or disappears; the flag wins over files; a bad file is a usage error.
mkdir -p "$TMP/params"
printf 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Acl:\n    Type: String\n    Default: Private\nResources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: !Ref Acl\n' \
  >"$TMP/params/site.yaml"
printf '[{"ParameterKey": "Acl", "ParameterValue": "PublicReadWrite"}]\n' >"$TMP/params/list.json"
printf '{"Parameters": {"Acl": "AuthenticatedRead"}}\n' >"$TMP/params/map.json"
printf '{"Parameters": {"Acl": \n' >"$TMP/params/bad.json"
# --fail-on critical: the ACL rule is critical; the other S3 rules (versioning, logging) are not
# what these checks are about.
run param_default scan "$TMP/params/site.yaml" --fail-on critical
check_exit param_default 0
run param_flag scan "$TMP/params/site.yaml" --parameter Acl=PublicRead
check_exit param_flag 1
check_contains param_flag out "(public-read)"
check_contains param_flag out 'value of parameter "Acl" given on the command line'
run param_list_file scan "$TMP/params/site.yaml" --parameters-file "$TMP/params/list.json"
check_exit param_list_file 1
check_contains param_list_file out "(public-read-write)"
check_contains param_list_file out "in $TMP/params/list.json"
run param_map_file scan "$TMP/params/site.yaml" --parameters-file "$TMP/params/map.json"
check_exit param_map_file 1
check_contains param_map_file out "(authenticated-read)"
run param_flag_wins scan "$TMP/params/site.yaml" --fail-on critical --parameters-file "$TMP/params/map.json" \
  --parameter Acl=Private
check_exit param_flag_wins 0
run param_bad_file scan "$TMP/params/site.yaml" --parameters-file "$TMP/params/bad.json"
check_exit param_bad_file 2
check_contains param_bad_file err "parameters file $TMP/params/bad.json:2:"
run param_missing_file scan "$TMP/params/site.yaml" --parameters-file "$TMP/params/none.json"
check_exit param_missing_file 2
check_contains param_missing_file err "cannot read parameters file $TMP/params/none.json"
run param_bad_flag scan "$TMP/params/site.yaml" --parameter Acl
check_exit param_bad_flag 2
check_contains param_bad_flag err "expected KEY=VALUE"

# Determinism: the same input gives byte-identical reports, whatever the thread count.
for format in text sarif; do
  "$BIN" scan fixtures examples --format "$format" --jobs 1 --output "$TMP/j1.$format" 2>/dev/null
  "$BIN" scan fixtures examples --format "$format" --jobs 4 --output "$TMP/j4.$format" 2>/dev/null
  if cmp -s "$TMP/j1.$format" "$TMP/j4.$format"; then pass "$format identical for --jobs 1 and 4"; else
    fail "$format differs between --jobs 1 and --jobs 4"; diff "$TMP/j1.$format" "$TMP/j4.$format" | head >&2; fi
done

# A repeatable option takes one value per use: the paths after it stay paths.
mkdir -p "$TMP/two/a" "$TMP/two/b"
printf 'resource "aws_s3_bucket" "a" {\n  acl = "public-read"\n}\n' >"$TMP/two/a/main.tf"
printf 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n' >"$TMP/two/b/main.tf"
run repeatable_before_paths scan --no-config --exclude '*.bak' -o "json=$TMP/two.json" "$TMP/two/a" "$TMP/two/b"
check_exit repeatable_before_paths 1
check_contains repeatable_before_paths out "two/a/main.tf"
check_contains repeatable_before_paths out "two/b/main.tf"
if [[ -s "$TMP/two.json" ]]; then pass "-o json=FILE before the paths writes FILE"; else
  fail "-o json=FILE before the paths did not write FILE"; fi

run version version
check_exit version 0
check_contains version out "iacscan "

finish
