#!/usr/bin/env bash
# CLI behaviour of suppressions, baselines, several outputs in one run and the exit-code
# contract: 0 clean, 1 active findings at or above --fail-on, 2 usage error or the scan could
# not run, 3 some files could not be read or parsed.
source "$(dirname "$0")/lib.sh"
cd "$TMP"

mkdir -p app
cat >app/main.tf <<'TF'
resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "public-read"
}
TF

scan() { run "$@"; }

# Exit codes.
scan findings scan --no-config app --format json
check_exit findings 1
scan soft scan --no-config app --soft-fail
check_exit soft 0
scan fail_on_critical scan --no-config app --fail-on critical
check_exit fail_on_critical 1
cat >app/low.tf <<'TF'
resource "aws_s3_bucket" "other" {
  bucket = "other"
}
TF
rm app/main.tf
scan below_threshold scan --no-config app --fail-on critical
check_exit below_threshold 0
scan low_fails scan --no-config app --fail-on low
check_exit low_fails 1
printf 'resource "aws_s3_bucket" "broken" {\n' >app/broken.tf
scan incomplete scan --no-config app --fail-on critical
check_exit incomplete 3
scan incomplete_soft scan --no-config app --soft-fail
check_exit incomplete_soft 3
rm app/broken.tf app/low.tf
scan usage scan --no-config app --fail-on severe
check_exit usage 2
scan two_plain scan --no-config app -o a.txt -o b.txt
check_exit two_plain 2

cat >app/main.tf <<'TF'
resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "public-read" # iacscan:ignore s3-bucket-public-acl Public website, SEC-123
}
TF

# Only the suppressed finding at or above critical: clean, and the JSON keeps it as suppressed.
scan suppressed scan --no-config app --fail-on critical --format json
check_exit suppressed 0
check_contains suppressed out '"Public website, SEC-123"'

# Several reports from one run.
# Missing directories of output files are created.
scan outputs scan --no-config app --fail-on critical -o sarif=out/r.sarif -o "junit=out/r.xml" \
  -o markdown=out/r.md -o github=out/r.txt -o json=out/r.json
check_exit outputs 0
for f in r.sarif r.xml r.md r.txt r.json; do
  if [[ -f "out/$f" ]]; then pass "outputs wrote out/$f"; else fail "outputs did not write out/$f"; fi
done
check_contains outputs out "iacscan"  # the text report still goes to stdout
if grep -q '"suppressions"' out/r.sarif; then pass "SARIF keeps the suppressed result"; else
  fail "SARIF has no suppressions"; fi

# An expired suppression: the finding counts again and says so.
sed -i 's/s3-bucket-public-acl Public/s3-bucket-public-acl:exp:2020-01-31 Public/' app/main.tf
scan expired scan --no-config app --fail-on critical
check_exit expired 1
check_contains expired out "expired on 2020-01-31"

# Without a reason: suppressed, but reported (low).
sed -i 's/ # iacscan:ignore.*$/ # iacscan:ignore s3-bucket-public-acl/' app/main.tf
scan no_reason scan --no-config app --fail-on low
check_exit no_reason 1
check_contains no_reason out "suppression-without-reason"
scan no_reason_high scan --no-config app --fail-on high
check_exit no_reason_high 0

# Unused suppressions, only when asked for.
cat >app/main.tf <<'TF'
# iacscan:ignore s3-bucket-public-acl Was public once
resource "aws_s3_bucket" "site" {
  bucket = "site"
}
TF
scan unused_off scan --no-config app --format json
check_not_contains unused_off out '"ruleId": "unused-suppression"'
scan unused_on scan --no-config app --format json --report-unused-suppressions
check_contains unused_on out '"ruleId": "unused-suppression"'

# Baseline round trip: record, rescan (nothing new: exit 0), add a finding (exit 1, only the
# new one in the text report), and lines inserted above the old finding do not make it new.
cat >app/main.tf <<'TF'
resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "public-read"
}
TF
scan write_baseline scan --no-config app --write-baseline baseline.json
check_exit write_baseline 1
if [[ -s baseline.json ]]; then pass "baseline written"; else fail "no baseline written"; fi
scan same scan --no-config app --baseline baseline.json
check_exit same 0
printf '# a comment\n# another\n\n' | cat - app/main.tf >app/main.tf.new && mv app/main.tf.new app/main.tf
scan shifted scan --no-config app --baseline baseline.json
check_exit shifted 0
cat >>app/main.tf <<'TF'
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  acl    = "public-read-write"
}
TF
scan new_one scan --no-config app --baseline baseline.json --fail-on critical
check_exit new_one 1
check_contains new_one out "aws_s3_bucket.logs"
check_not_contains new_one out '"site" grants'
scan baseline_sarif scan --no-config app --baseline baseline.json --format sarif
check_contains baseline_sarif out '"baselineState": "new"'
check_contains baseline_sarif out '"baselineState": "unchanged"'
echo '{"not": "a baseline"}' >bad.json
scan bad_baseline scan --no-config app --baseline bad.json
check_exit bad_baseline 2
scan missing_baseline scan --no-config app --baseline does-not-exist.json
check_exit missing_baseline 2

finish
