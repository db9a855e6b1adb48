# A project that pulls iacscan in with add_subdirectory builds against iacscan::iacscan and
# scans a fixture; inside another project iacscan builds no tests, tools or install rules.
#   bash add_subdirectory_test.sh <source-dir> <deps-dir>
source "$(dirname "$0")/lib.sh"
ROOT="$1"
DEPS="$2"
FIXTURE="$ROOT/fixtures/terraform/variable-tfvars"

# The quickest full build of the library: no build type (unoptimised, no debug information;
# the third-party parser and the IAM table generator stay optimised regardless) and a unity
# build, which compiles the library in under half the time of one file per compiler run (the
# CI budget is tight). The ordinary build is what every other test uses; this one also keeps
# the library's sources free of clashing helper names, which a unity build would reject.
if cmake -S "$ROOT/tests/package/add-subdirectory" -B "$TMP/build" -G Ninja -DCMAKE_UNITY_BUILD=ON \
     -DIACSCAN_SOURCE_DIR="$ROOT" -DIACSCAN_DEPS_DIR="$DEPS" >"$TMP/configure.log" 2>&1; then
  pass "consumer configures"
else
  fail "consumer does not configure"; tail -30 "$TMP/configure.log" >&2; finish
fi
for target in iacscan_unit_tests iacscan-bench install package; do
  if ninja -C "$TMP/build" -t targets all | grep -q "^$target:"; then
    fail "a subproject iacscan defines the target $target"; else pass "no $target target in a subproject"; fi
done
if cmake --build "$TMP/build" --target consumer >"$TMP/build.log" 2>&1; then
  pass "consumer builds"
  check_run "consumer scans" 0 "$FIXTURE_RULE" "$TMP/build/consumer" "$FIXTURE_RULE" "$FIXTURE"
else
  fail "consumer does not build"; tail -30 "$TMP/build.log" >&2
fi
finish
