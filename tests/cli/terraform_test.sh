#!/usr/bin/env bash
# Terraform through the CLI: variable values (tfvars, --var-file, --var), modules with the
# calling block as a related location, plans, and bad input (binary, non-UTF-8, unreadable
# files, symlink loops, module cycles, huge count) that is reported but never stops the scan.
source "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

mkdir -p "$TMP/tf/root" "$TMP/tf/modules/bucket"
cat >"$TMP/tf/root/main.tf" <<'TF'
variable "acl" {
  type    = string
  default = "private"
}
resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = var.acl
}
module "logs" {
  source = "../modules/bucket"
  acl    = "log-delivery-write"
}
TF
cat >"$TMP/tf/modules/bucket/main.tf" <<'TF'
variable "acl" {}
resource "aws_s3_bucket" "this" {
  bucket = "logs"
  acl    = var.acl
}
TF

# --fail-on critical: only the (critical) ACL rule matters here, not versioning or logging.
run tf_default scan "$TMP/tf/root" --fail-on critical
check_exit tf_default 0
run tf_var scan "$TMP/tf/root" --var acl=public-read
check_exit tf_var 1
check_contains tf_var out 'aws_s3_bucket.site'
check_contains tf_var out '(public-read)'
printf 'acl = "public-read-write"\n' >"$TMP/tf/prod.tfvars"
run tf_var_file scan "$TMP/tf/root" --var-file "$TMP/tf/prod.tfvars"
check_exit tf_var_file 1
check_contains tf_var_file out '(public-read-write)'
check_contains tf_var_file out "in prod.tfvars"
run tf_var_wins scan "$TMP/tf/root" --fail-on critical --var-file "$TMP/tf/prod.tfvars" --var acl=private
check_exit tf_var_wins 0
printf 'acl = "authenticated-read"\n' >"$TMP/tf/root/terraform.tfvars"
run tf_tfvars scan "$TMP/tf/root"
check_exit tf_tfvars 1
check_contains tf_tfvars out '(authenticated-read)'
check_contains tf_tfvars out 'terraform.tfvars'
rm "$TMP/tf/root/terraform.tfvars"
run tf_missing_var_file scan "$TMP/tf/root" --var-file "$TMP/tf/none.tfvars"
check_exit tf_missing_var_file 3
check_contains tf_missing_var_file out "cannot read variable file"
run tf_bad_var scan "$TMP/tf/root" --var acl
check_exit tf_bad_var 2

# A module argument: the finding is in the module, the call is a related location.
sed -i 's/log-delivery-write/public-read/' "$TMP/tf/root/main.tf"
run tf_module scan "$TMP/tf/root" --format sarif
check_exit tf_module 1
check_contains tf_module out 'module.logs.aws_s3_bucket.this'
check_contains tf_module out 'modules/bucket/main.tf'
check_contains tf_module out 'module \"logs\" called here'

# The plan fixture: with its sources, findings point at the .tf line; alone, at the plan.
run tf_plan scan fixtures/terraform/plan
check_exit tf_plan 1
check_contains tf_plan out 'fixtures/terraform/plan/main.tf'
mkdir -p "$TMP/plan_only"
cp fixtures/terraform/plan/plan.json "$TMP/plan_only/"
run tf_plan_only scan "$TMP/plan_only"
check_exit tf_plan_only 1
check_contains tf_plan_only out 'plan_only/plan.json'
check_contains tf_plan_only out '63 |'
check_not_contains tf_plan_only out ':0:'

# Bad input: each problem is one diagnostic; the good module is still scanned.
mkdir -p "$TMP/bad/good" "$TMP/bad/cycle_a" "$TMP/bad/cycle_b"
printf 'resource "aws_s3_bucket" "x" {\n  acl = "public-read"\n}\n' >"$TMP/bad/good/main.tf"
head -c 2048 /dev/urandom >"$TMP/bad/good/random.tf"
printf 'resource "aws_s3_bucket" "y" {\n  bucket = "caf\xe9"\n}\n' >"$TMP/bad/good/latin1.tf"
printf 'resource "aws_s3_bucket" "z" {}\n' >"$TMP/bad/good/locked.tf"
chmod 000 "$TMP/bad/good/locked.tf"
ln -s .. "$TMP/bad/good/loop"
printf 'module "b" {\n  source = "../cycle_b"\n}\n' >"$TMP/bad/cycle_a/main.tf"
printf 'module "a" {\n  source = "../cycle_a"\n}\n' >"$TMP/bad/cycle_b/main.tf"
printf 'resource "aws_s3_bucket" "many" {\n  count = 100000000\n  acl   = "public-read"\n}\n' \
  >"$TMP/bad/good/many.tf"
printf 'locals {\n  a = local.b\n  b = local.a\n}\nresource "aws_s3_bucket" "c" {\n  acl = local.a\n}\n' \
  >"$TMP/bad/good/cycle.tf"
run tf_bad scan "$TMP/bad"
check_exit tf_bad 3
check_contains tf_bad out 'aws_s3_bucket.x'
check_contains tf_bad out 'random.tf'
check_contains tf_bad out 'latin1.tf'
check_contains tf_bad out 'many.tf:1:'
check_contains tf_bad out 'over the limit'
check_contains tf_bad out 'depends on itself'
check_contains tf_bad out 'calls itself'
if [[ $(id -u) != 0 ]]; then check_contains tf_bad out 'locked.tf'; fi
chmod 644 "$TMP/bad/good/locked.tf"

# A bare file name lives in the current directory: its local modules load from there.
mkdir -p "$TMP/bare/modules/site"
printf 'module "site" {\n  source = "./modules/site"\n}\n' >"$TMP/bare/main.tf"
printf 'resource "aws_s3_bucket" "site" {\n  acl = "public-read"\n}\n' >"$TMP/bare/modules/site/main.tf"
(cd "$TMP/bare" && "$BIN" scan --no-config main.tf >"$TMP/bare_name.out" 2>"$TMP/bare_name.err"; echo $? >"$TMP/bare_name.rc")
check_exit bare_name 1
check_contains bare_name out 's3-bucket-public-acl'
check_not_contains bare_name out 'not-loaded'

finish
