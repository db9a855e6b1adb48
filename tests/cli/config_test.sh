#!/usr/bin/env bash
# CLI behaviour of the configuration file: `iacscan init`, --config / --no-config, discovery,
# rule settings, excludes, flags winning over the file, and errors that name file and line.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# --- init ---------------------------------------------------------------------------------
mkdir -p "$TMP/init"
run init init "$TMP/init"
check_exit init 0
check_contains init err "wrote $TMP/init/.iacscan.yaml"
if grep -q '^version: 1' "$TMP/init/.iacscan.yaml"; then pass "init writes the starter file"; else
  fail "init wrote no starter file"; fi
echo "# mine" >>"$TMP/init/.iacscan.yaml"
run init_again init "$TMP/init"
check_exit init_again 2
check_contains init_again err "already exists; use --force"
if grep -q '^# mine' "$TMP/init/.iacscan.yaml"; then pass "init keeps an existing file"; else
  fail "init overwrote an existing file"; fi
run init_force init "$TMP/init" --force
check_exit init_force 0
check_not_contains init_force err "already exists"
if grep -q '^# mine' "$TMP/init/.iacscan.yaml"; then fail "--force did not overwrite"; else
  pass "--force overwrites"; fi
run init_no_dir init "$TMP/nowhere"
check_exit init_no_dir 2
check_contains init_no_dir err "is not a directory"
(cd "$TMP/init" && rm .iacscan.yaml && "$BIN" init >/dev/null 2>&1)
if [[ -f "$TMP/init/.iacscan.yaml" ]]; then pass "init defaults to the current directory"; else
  fail "init without DIR wrote nothing in the current directory"; fi
# The starter file is a valid configuration that changes nothing.
run starter scan examples --config "$TMP/init/.iacscan.yaml"
run starter_none scan examples --no-config
check_exit starter 1
if cmp -s "$TMP/starter.out" "$TMP/starter_none.out"; then pass "the starter file changes nothing"; else
  fail "the starter file changes the report"; fi

# --- errors name the file and line ----------------------------------------------------------
printf 'version: 1\norganization:\n  approved_regions: [eu-west-1, eu-wst]\n' >"$TMP/bad.yaml"
run bad_config scan examples --config "$TMP/bad.yaml"
check_exit bad_config 2
check_contains bad_config err "$TMP/bad.yaml:3:33: organization.approved_regions[1]"
printf 'acount_rules: true\n' >"$TMP/typo.yaml"
run typo_config rules --config "$TMP/typo.yaml"
check_exit typo_config 2
check_contains typo_config err "$TMP/typo.yaml:1:1"
check_contains typo_config err 'did you mean "account_rules"?'
run missing_config scan examples --config "$TMP/none.yaml"
check_exit missing_config 2
check_contains missing_config err "$TMP/none.yaml: no such configuration file"
run both_flags scan examples --config "$TMP/bad.yaml" --no-config
check_exit both_flags 2
printf 'rules:\n  no-such-rule: off\n' >"$TMP/unknown-rule.yaml"
run unknown_rule scan examples --config "$TMP/unknown-rule.yaml"
check_exit unknown_rule 2
check_contains unknown_rule err 'rules.no-such-rule: no loaded rule has the id "no-such-rule"'

# --- rule settings --------------------------------------------------------------------------
printf 'rules:\n  s3-bucket-public-acl: off\n' >"$TMP/acl-off.yaml"
run acl_off scan examples --config "$TMP/acl-off.yaml"
check_not_contains acl_off out "s3-bucket-public-acl"
run acl_off_rules rules --config "$TMP/acl-off.yaml"
check_exit acl_off_rules 0
check_not_contains acl_off_rules out "s3-bucket-public-acl"
# Documentation still describes a rule the configuration turns off.
run acl_off_explain explain s3-bucket-public-acl --config "$TMP/acl-off.yaml"
check_exit acl_off_explain 0

# A single custom rule, so that the severity override decides the exit code.
mkdir -p "$TMP/policies"
sed -e 's/^id: s3-bucket-public-acl/id: custom-public-acl/' \
  policies/public-exposure/s3-bucket-public-acl.yaml >"$TMP/policies/custom.yaml"
printf 'rules:\n  custom-public-acl: {severity: info}\n' >"$TMP/info.yaml"
run custom_critical scan examples --no-builtin-policies --policy-dir "$TMP/policies" --no-config
check_exit custom_critical 1
check_contains custom_critical out "CRITICAL"
run custom_info scan examples --no-builtin-policies --policy-dir "$TMP/policies" --config "$TMP/info.yaml"
check_exit custom_info 0
check_contains custom_info out "custom-public-acl"
check_contains custom_info out "INFO"
check_not_contains custom_info out "CRITICAL"
run custom_info_sarif scan examples --no-builtin-policies --policy-dir "$TMP/policies" \
  --config "$TMP/info.yaml" --format sarif
check_contains custom_info_sarif out '"level": "note"'
# policy_dirs in the file are relative to the file.
mkdir -p "$TMP/cfgdir"
cp "$TMP/policies/custom.yaml" "$TMP/cfgdir/custom.yaml.src"
mkdir -p "$TMP/cfgdir/rules" && mv "$TMP/cfgdir/custom.yaml.src" "$TMP/cfgdir/rules/custom.yaml"
printf 'policy_dirs: [rules]\n' >"$TMP/cfgdir/.iacscan.yaml"
run relative_dirs rules --config "$TMP/cfgdir/.iacscan.yaml"
check_exit relative_dirs 0
check_contains relative_dirs out "custom-public-acl"

# --- discovery, --no-config, --verbose ------------------------------------------------------
mkdir -p "$TMP/proj/.git" "$TMP/proj/stacks"
cp -r examples/cloudformation examples/terraform "$TMP/proj/stacks/"
printf 'rules:\n  s3-bucket-public-acl: off\n' >"$TMP/proj/.iacscan.yaml"
run discovered scan "$TMP/proj/stacks"
check_not_contains discovered out "s3-bucket-public-acl"
check_not_contains discovered err "using configuration"
check_not_contains discovered out ".iacscan.yaml"
run discovered_verbose scan "$TMP/proj/stacks" --verbose
check_contains discovered_verbose err "using configuration $TMP/proj/.iacscan.yaml"
run no_config scan "$TMP/proj/stacks" --no-config
check_contains no_config out "s3-bucket-public-acl"
# A configuration above the repository's top (.git) is not used.
mkdir -p "$TMP/outer/inner/.git"
cp -r examples/terraform "$TMP/outer/inner/"
cp "$TMP/proj/.iacscan.yaml" "$TMP/outer/.iacscan.yaml"
run above_top scan "$TMP/outer/inner"
check_contains above_top out "s3-bucket-public-acl"

# --- excludes -------------------------------------------------------------------------------
printf 'exclude: ["terraform/**"]\n' >"$TMP/proj/.iacscan.yaml"
run excluded scan "$TMP/proj/stacks"
check_contains excluded out "static-site.yaml"
check_not_contains excluded out "main.tf"
run excluded_flag scan "$TMP/proj/stacks" --no-config --exclude "cloudformation/**"
check_contains excluded_flag out "main.tf"
check_not_contains excluded_flag out "static-site.yaml"

# --- flags win over the file ----------------------------------------------------------------
printf 'limits:\n  max_file_bytes: 100\n' >"$TMP/proj/.iacscan.yaml"
run small_limit scan "$TMP/proj/stacks"
check_exit small_limit 3
check_contains small_limit out "limit-exceeded"
run flag_wins scan "$TMP/proj/stacks" --max-file-size 20m
check_exit flag_wins 1
check_not_contains flag_wins out "limit-exceeded"

# --- account rules --------------------------------------------------------------------------
# Which account rules fire on the examples is theirs to say; here only that the switch works.
same_output() {  # same_output <name> <name> <description>
  if cmp -s "$TMP/$1.out" "$TMP/$2.out"; then pass "$3"; else fail "$3: $1 and $2 differ"; fi
}
run account_rules_default scan examples --no-config
run account_rules scan examples --account-rules --no-config
check_exit account_rules 1
if cmp -s "$TMP/account_rules.out" "$TMP/account_rules_default.out"; then
  fail "--account-rules changes nothing"; else pass "--account-rules runs more rules"; fi
printf 'account_rules: true\n' >"$TMP/account.yaml"
run account_rules_file scan examples --config "$TMP/account.yaml"
same_output account_rules_file account_rules "account_rules: true in the file acts as the flag"
run account_rules_off scan examples --config "$TMP/account.yaml" --no-account-rules
check_exit account_rules_off 1
same_output account_rules_off account_rules_default "--no-account-rules wins over the file"

run help_scan scan --help
check_exit help_scan 0
check_contains help_scan out "--config"
check_contains help_scan out "--account-rules"
check_contains help_scan out "Examples:"
run help_init init --help
check_contains help_init out "--force"

finish
