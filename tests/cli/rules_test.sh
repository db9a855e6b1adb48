#!/usr/bin/env bash
# Rules through the CLI: `explain`, the generated rule pages (docs/rules must match what
# `iacscan docs` writes from the rule files), users' own rules with --policy-dir documented and
# run like built-ins, --unknowns=report, and --profile-rules.
source "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

run explain explain s3-bucket-public-acl
check_exit explain 0
check_contains explain out 'S3 bucket grants public access through its ACL'
check_contains explain out 'severity  critical'
check_contains explain out 'Terraform, Bad:'
check_contains explain out 'Unknown value (no finding by default)'
run explain_missing explain no-such-rule
check_exit explain_missing 2
check_contains explain_missing err 'no rule "no-such-rule"'

# Drift: the committed pages are exactly what the generator writes today.
run docs docs --out "$TMP/docs"
check_exit docs 0
if diff -r "$ROOT/docs/rules" "$TMP/docs" >"$TMP/docs.diff"; then
  pass "docs/rules matches the rule files"
else
  fail "docs/rules drifted from the rule files: run 'iacscan docs --out docs/rules'"
  head -40 "$TMP/docs.diff" >&2
fi
# Plus the two rules about suppressions, defined in C++ (libscan/src/suppress/suppression_rules.cpp).
rules=$(( $(find policies -name '*.yaml' -not -path '*/kinds/*' | wc -l) + 2 ))
pages=$(find "$TMP/docs" -name '*.md' -not -name README.md | wc -l)
if [[ "$rules" == "$pages" ]]; then pass "one page per rule ($pages)"; else
  fail "$rules rule files but $pages pages"; fi

# A user's rule is first-class: listed, explained, documented, and run.
mkdir -p "$TMP/mine/naming" "$TMP/scan"
cat >"$TMP/mine/naming/bucket-needs-team-prefix.yaml" <<'YAML'
id: bucket-needs-team-prefix
title: S3 bucket name without the team prefix
severity: low
stage: 1
category: naming
scope: resource
description: Every bucket name starts with its team's prefix so that someone answers for it.
remediation: Rename the bucket to start with "team-".
kinds: [aws.s3.bucket]
condition:
  not:
    attribute: bucket_name
    matches: '^team-'
message: 'S3 bucket "{resource}" is named without the team prefix ({value})'
examples:
  terraform:
    bad:
      - |
        resource "aws_s3_bucket" "b" {
          bucket = "b"  # iacscan-expect: bucket-needs-team-prefix
        }
    good:
      - |
        resource "aws_s3_bucket" "b" {
          bucket = "team-b"
        }
    unknown:
      - |
        variable "name" {}
        resource "aws_s3_bucket" "b" {
          bucket = var.name
        }
YAML
cat >"$TMP/scan/main.tf" <<'HCL'
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
HCL
run mine_rules rules --policy-dir "$TMP/mine"
check_contains mine_rules out $'bucket-needs-team-prefix\tlow\tstage 1\tnaming\tterraform'
run mine_explain explain bucket-needs-team-prefix --policy-dir "$TMP/mine"
check_exit mine_explain 0
check_contains mine_explain out 'S3 bucket name without the team prefix'
run mine_docs docs --no-builtin-policies --policy-dir "$TMP/mine" --out "$TMP/mine-docs"
check_exit mine_docs 0
check_contains mine_docs err 'wrote 1 rule pages'
if [[ -f "$TMP/mine-docs/bucket-needs-team-prefix.md" ]]; then pass "custom rule page written"; else
  fail "no page for the custom rule"; fi
run mine_scan scan --no-builtin-policies --policy-dir "$TMP/mine" "$TMP/scan"
check_exit mine_scan 1
check_contains mine_scan out 'is named without the team prefix (b)'

# Unknown decisive values: silent by default, review findings on request, never failing.
cat >"$TMP/scan/main.tf" <<'HCL'
variable "name" {}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
HCL
run unknown_default scan --no-builtin-policies --policy-dir "$TMP/mine" "$TMP/scan"
check_exit unknown_default 0
check_not_contains unknown_default out 'REVIEW'
run unknown_report scan --no-builtin-policies --policy-dir "$TMP/mine" --unknowns=report "$TMP/scan"
check_exit unknown_report 0
check_contains unknown_report out 'REVIEW  bucket-needs-team-prefix'
check_contains unknown_report out 'variable "name" has no value'
check_contains unknown_report out '1 undecided check to review'
run unknown_sarif scan --no-builtin-policies --policy-dir "$TMP/mine" --unknowns=report \
  --format sarif "$TMP/scan"
check_contains unknown_sarif out '"kind": "review"'
check_contains unknown_sarif out '"level": "none"'

# --profile-rules: phases and one line per rule on stderr; the report itself is unchanged.
run profile scan --profile-rules fixtures/terraform
check_contains profile err 'rule seconds'
check_contains profile err 's3-bucket-public-acl'
check_contains profile err 'load '
run no_profile scan fixtures/terraform
if cmp -s "$TMP/profile.out" "$TMP/no_profile.out"; then pass "profiling leaves the report alone"
else fail "the report differs with --profile-rules"; fi

finish
