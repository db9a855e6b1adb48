#!/usr/bin/env bash
# Policy documents through the CLI: standalone policy files and their classification (content,
# folder names, the AWS CLI's describe-policy shape, --policy-type), policies inside Terraform
# heredocs pointing at the statement's own line, broken policy files reported as such, and the
# rules listing.
source "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

mkdir -p "$TMP/p/identity" "$TMP/p/org" "$TMP/p/exports" "$TMP/p/tf" "$TMP/p/broken/scps"
cat >"$TMP/p/identity/admin.json" <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::assets/*"},
    {"Effect": "Allow", "Action": "*", "Resource": "*"}
  ]
}
JSON
run identity_file scan "$TMP/p/identity"
check_exit identity_file 1
check_contains identity_file out 'iam-policy-full-wildcard'
check_contains identity_file out '>   5 |'

# The same document in a folder the user declares to hold SCPs is an SCP, not an identity
# policy: an SCP's Allow * is the FullAWSAccess guardrail baseline, not administrator access.
cp "$TMP/p/identity/admin.json" "$TMP/p/org/baseline.json"
run by_content scan "$TMP/p/org"
check_exit by_content 1
run by_config scan "$TMP/p/org" --policy-type "**/org/**=scp"
check_exit by_config 0
check_not_contains by_config out 'iam-policy-full-wildcard'
run bad_type scan "$TMP/p/org" --policy-type "**/org/**=firewall"
check_exit bad_type 2
check_contains bad_type err 'unknown policy type "firewall"'

# `aws organizations describe-policy` output: its Type decides, its Content is the policy.
cat >"$TMP/p/exports/full-access.json" <<'JSON'
{"Policy": {"PolicySummary": {"Name": "FullAWSAccess", "Type": "SERVICE_CONTROL_POLICY"},
  "Content": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}}
JSON
run describe_policy scan "$TMP/p/exports"
check_exit describe_policy 0
check_contains describe_policy out 'No findings in 1 file'

# A heredoc policy: the finding points at the statement's line in the .tf file.
cat >"$TMP/p/tf/main.tf" <<'TF'
resource "aws_iam_policy" "ops" {
  name   = "ops"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}
EOF
}
TF
run heredoc scan "$TMP/p/tf"
check_exit heredoc 1
check_contains heredoc out 'iam-policy-full-wildcard'
check_contains heredoc out '>   7 |     {'

# A broken JSON file where policies live is a parse error (the scan is incomplete); the rest
# of the scan goes on.
printf '{\n  "Statement": [\n    // no comments in JSON\n  ]\n}\n' >"$TMP/p/broken/scps/guard.json"
cp "$TMP/p/identity/admin.json" "$TMP/p/broken/admin.json"
run broken scan "$TMP/p/broken"
check_exit broken 3
check_contains broken out 'guard.json'
check_contains broken out 'iam-policy-full-wildcard'

# `iacscan rules` lists each rule with its category and the formats its examples cover.
run rules rules
check_exit rules 0
check_contains rules out $'iam-policy-full-wildcard\thigh\tstage 5\tiam\tcloudformation,policy,terraform\t'
check_contains rules out $'scp-invalid-element\thigh\tstage 6\torganizations\t'

finish
