#!/usr/bin/env bash
# The pre-commit hook for real: Debian's `pre-commit try-repo` runs this repository's `iacscan`
# hook (.pre-commit-hooks.yaml, scripts/pre-commit-hook.sh) in a temporary git repository on
# staged changes. A terraform.tfvars change that makes a bucket public fails the commit with the
# finding although the finding sits in main.tf; a template made public by the parameters file
# the configuration names fails too; good changes and non-IaC files pass. The hook runs the
# binary under test through $IACSCAN, so nothing is built, and nothing touches the network:
# `language: script` installs no environment.
source "$(dirname "$0")/lib.sh"
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"  # the hook runs in another directory

for tool in pre-commit git; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    fail "$tool is not installed (Debian package $tool; ./bootstrap.sh test installs it)"
    finish
  fi
done

# Nothing from the user's environment: git configuration, pre-commit's cache, colours.
export HOME="$TMP/home" PRE_COMMIT_HOME="$TMP/pre-commit-home" PRE_COMMIT_COLOR=never
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=iacscan GIT_AUTHOR_EMAIL=iacscan@example.invalid
export GIT_COMMITTER_NAME=iacscan GIT_COMMITTER_EMAIL=iacscan@example.invalid
export IACSCAN="$BIN"
mkdir -p "$HOME"

# The hook repository: the manifest and the hook script exactly as they are in the source tree,
# committed in a repository of their own. try-repo only sees what is committed or staged, so
# cloning the source tree would test its last commit rather than these files.
HOOKS="$TMP/hooks"
mkdir -p "$HOOKS/scripts"
cp "$ROOT/.pre-commit-hooks.yaml" "$HOOKS/"
cp -p "$ROOT/scripts/pre-commit-hook.sh" "$HOOKS/scripts/"
git -C "$HOOKS" init -q
git -C "$HOOKS" add -A
git -C "$HOOKS" commit -qm hooks

PROJECT="$TMP/project"
mkdir -p "$PROJECT/infra" "$PROJECT/stacks" "$PROJECT/params"
cd "$PROJECT"
git init -q

# Rules about a bucket's other settings are off, so that a bucket is judged on its ACL alone
# (and so that the hook is seen to read the configuration).
cat >.iacscan.yaml <<'YAML'
rules:
  s3-bucket-access-logging: off
  s3-bucket-versioning: off
  s3-bucket-public-access-block: off
cloudformation:
  parameter_files: [params/prod.json]
YAML
cat >infra/variables.tf <<'TF'
variable "acl" {
  type    = string
  default = "private"
}
TF
cat >infra/main.tf <<'TF'
resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  acl    = var.acl
}
TF
echo 'acl = "private"' >infra/terraform.tfvars
cat >stacks/site.yaml <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Acl:
    Type: String
    Default: Private
Resources:
  Site:
    Type: AWS::S3::Bucket
YAML
echo '[{"ParameterKey": "Acl", "ParameterValue": "PublicRead"}]' >params/prod.json
echo '# infrastructure' >README.md
echo '{"name": "site", "version": "1.0.0"}' >package.json
git add -A
git commit -qm "a good state"

# hook <name>: runs the iacscan hook on what is staged, like `git commit` would.
hook() {
  pre-commit try-repo "$HOOKS" iacscan --verbose >"$TMP/$1.out" 2>"$TMP/$1.err"
  echo $? >"$TMP/$1.rc"
}

# The good state itself passes, checked over every file.
pre-commit try-repo "$HOOKS" iacscan --all-files >"$TMP/all_files.out" 2>"$TMP/all_files.err"
echo $? >"$TMP/all_files.rc"
check_exit all_files 0
check_contains all_files out "Passed"

# A variable file makes the bucket public: the finding is in main.tf, its value in the tfvars.
echo 'acl = "public-read"' >infra/terraform.tfvars
git add infra/terraform.tfvars
hook tfvars_public
check_exit tfvars_public 1
check_contains tfvars_public out "Failed"
check_contains tfvars_public out "s3-bucket-public-acl"
check_contains tfvars_public out "infra/main.tf"
check_contains tfvars_public out "infra/terraform.tfvars"

# Fixed again (a comment, so the file still differs from the last commit): passes.
printf '# private on purpose\nacl = "private"\n' >infra/terraform.tfvars
git add infra/terraform.tfvars
hook tfvars_fixed
check_exit tfvars_fixed 0
check_contains tfvars_fixed out "Passed"
git commit -qm "a comment" --no-verify

# main.tf itself sets a public ACL: fails; a harmless change of main.tf passes.
sed -i 's/acl    = var.acl/acl    = "public-read-write"/' infra/main.tf
git add infra/main.tf
hook main_public
check_exit main_public 1
check_contains main_public out "s3-bucket-public-acl"
git reset -q --hard
sed -i 's/"example-site"/"example-site-2"/' infra/main.tf
git add infra/main.tf
hook main_renamed
check_exit main_renamed 0
git reset -q --hard

# The template is public only through the parameters file the configuration names.
printf '    Properties:\n      AccessControl: !Ref Acl\n' >>stacks/site.yaml
git add stacks/site.yaml
hook template_public
check_exit template_public 1
check_contains template_public out "s3-bucket-public-acl"
check_contains template_public out "stacks/site.yaml"
git reset -q --hard

# Other files: README.md is not offered to the hook, package.json is no template.
echo 'More words.' >>README.md
git add README.md
hook readme
check_exit readme 0
check_contains readme out "no files to check"
echo '{"name": "site", "version": "1.0.1"}' >package.json
git add package.json
hook package_json
check_exit package_json 0
check_contains package_json out "Passed"
git reset -q --hard

# The second hook id runs `iacscan` from PATH, as installed by the .deb.
mkdir -p "$TMP/bin"
ln -s "$BIN" "$TMP/bin/iacscan"
echo 'acl = "public-read"' >infra/terraform.tfvars
git add infra/terraform.tfvars
PATH="$TMP/bin:$PATH" pre-commit try-repo "$HOOKS" iacscan-system >"$TMP/system.out" \
  2>"$TMP/system.err"
echo $? >"$TMP/system.rc"
check_exit system 1
check_contains system out "s3-bucket-public-acl"
git reset -q --hard

# The hook script's own contract: a wrong $IACSCAN is named, with exit code 2.
IACSCAN="$TMP/no-such-iacscan" "$HOOKS/scripts/pre-commit-hook.sh" infra/main.tf \
  >"$TMP/bad_binary.out" 2>"$TMP/bad_binary.err"
echo $? >"$TMP/bad_binary.rc"
check_exit bad_binary 2
check_contains bad_binary err "no-such-iacscan"

# No binary anywhere and no build tools: the hook says what to install, builds nothing, exits 2.
mkdir -p "$TMP/tools"
for tool in bash dirname grep sort tr; do ln -s "$(command -v "$tool")" "$TMP/tools/$tool"; done
(unset IACSCAN; PATH="$TMP/tools" "$HOOKS/scripts/pre-commit-hook.sh" infra/main.tf) \
  >"$TMP/no_binary.out" 2>"$TMP/no_binary.err"
echo $? >"$TMP/no_binary.rc"
check_exit no_binary 2
check_contains no_binary err "sudo apt-get install"
check_contains no_binary err "cmake"
check_contains no_binary err "IACSCAN="
if [[ -e "$HOOKS/build" ]]; then fail "no_binary started a build"; else pass "no_binary built nothing"; fi

# The scan mode directly: deleted and unknown files are no error.
run deleted scan --changed infra/gone.tf notes.txt
check_exit deleted 0

# A file at the repository's top (pre-commit passes "main.tf") still finds the local modules it
# calls, and the findings in them that its call causes.
mkdir -p "$TMP/flat/modules/site"
cd "$TMP/flat"
printf 'variable "acl" {\n  default = "private"\n}\n' >modules/site/variables.tf
printf 'resource "aws_s3_bucket" "site" {\n  bucket = "site"\n  acl    = var.acl\n}\n' \
  >modules/site/main.tf
printf 'module "site" {\n  source = "./modules/site"\n  acl    = "public-read"\n}\n' >main.tf
run top_level scan --no-config --changed main.tf
check_exit top_level 1
check_contains top_level out "s3-bucket-public-acl"
check_not_contains top_level out "not-loaded"

finish
