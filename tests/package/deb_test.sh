# `cpack -G DEB` builds a package with everything a user needs, its dependencies cover every
# shared object it links, and the unpacked package (dpkg -x) scans a fixture.
#   bash deb_test.sh <build-dir> <source-dir>
source "$(dirname "$0")/lib.sh"
BUILD="$1"
ROOT="$2"
FIXTURE="$ROOT/fixtures/terraform/variable-tfvars"

if ! cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$TMP/out" >"$TMP/cpack.log" 2>&1; then
  fail "cpack -G DEB"; sed 's/^/    /' "$TMP/cpack.log" | tail -30 >&2; finish
fi
deb=$(find "$TMP/out" -maxdepth 1 -name 'iacscan_*.deb' | head -1)
if [[ -z "$deb" ]]; then fail "no iacscan_*.deb in $TMP/out"; finish; fi
pass "built $(basename "$deb")"

# Field 6 is the path (a symbolic link's line goes on with "-> target").
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$TMP/contents.txt"
for wanted in /usr/bin/iacscan '/usr/lib/(.*/)?libiacscan\.so\.0$' '/usr/lib/(.*/)?libiacscan\.so$' \
              /usr/include/iacscan/iacscan.hpp /usr/include/iacscan/iacscan.h /usr/include/iacscan/scanner.hpp \
              '/usr/lib/(.*/)?cmake/iacscan/iacscanConfig\.cmake$' '/usr/lib/(.*/)?cmake/iacscan/iacscanTargets\.cmake$' \
              '/usr/lib/(.*/)?pkgconfig/iacscan\.pc$' /usr/share/iacscan/policies/schema.json \
              '/usr/share/iacscan/policies/public-exposure/' /usr/share/man/man1/iacscan.1 \
              /usr/share/bash-completion/completions/iacscan /usr/share/zsh/site-functions/_iacscan; do
  if grep -qE "^${wanted}" "$TMP/contents.txt"; then pass "package holds $wanted"; else
    fail "package lacks $wanted"; fi
done
if grep -qE '(/tests?/|\.a$|iacscan-bench|hcl-dump|/detail/)' "$TMP/contents.txt"; then
  fail "package holds build-only files: $(grep -E '(/tests?/|\.a$|iacscan-bench|hcl-dump|/detail/)' "$TMP/contents.txt" | head -3)"
else pass "package holds no tests, archives or developer tools"; fi

# Every shared object the binary and the library need is provided by a declared dependency
# (or by the package itself).
dpkg-deb -x "$deb" "$TMP/root"
depends=$(dpkg-deb -f "$deb" Depends)
library=$(find "$TMP/root/usr/lib" -name libiacscan.so.0 | head -1)
for elf in "$TMP/root/usr/bin/iacscan" "$library"; do
  while read -r needed; do
    [[ "$needed" == libiacscan.so.* ]] && continue
    # Several packages may ship a file of that name (libc6 and libc6-i386): any declared one will do.
    providers=$(dpkg -S "*/$needed" 2>/dev/null | cut -d: -f1 | tr ',' '\n' | sed 's/^ *//' | sort -u)
    declared=""
    for provider in $providers; do
      [[ ", $depends," == *", $provider"[\ ,]* ]] && declared="$provider"
    done
    if [[ -z "$providers" ]]; then fail "no installed package provides $needed"
    elif [[ -n "$declared" ]]; then pass "$needed comes from the declared $declared"
    else fail "$needed comes from $(echo $providers), which Depends ($depends) lacks"; fi
  done < <(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
done

# The unpacked package works where it lands, without LD_LIBRARY_PATH: the binary finds its
# library through its relative RPATH.
check_run "the unpacked package's iacscan finds the public bucket" 1 "$FIXTURE_RULE" \
  env -u LD_LIBRARY_PATH "$TMP/root/usr/bin/iacscan" scan --no-config "$FIXTURE"
check_run "the unpacked package's iacscan prints its version" 0 "" \
  env -u LD_LIBRARY_PATH "$TMP/root/usr/bin/iacscan" version
check_run "the packaged man page is the generated one" 0 ".TH IACSCAN 1" \
  head -5 "$TMP/root/usr/share/man/man1/iacscan.1"
# A find_package consumer builds against the unpacked package too.
if cmake -S "$ROOT/tests/package/find-package" -B "$TMP/consumer" -G Ninja \
     -DCMAKE_PREFIX_PATH="$TMP/root/usr" >"$TMP/consumer.log" 2>&1 &&
   cmake --build "$TMP/consumer" >>"$TMP/consumer.log" 2>&1; then
  check_run "a consumer of the unpacked package scans" 0 "$FIXTURE_RULE" "$TMP/consumer/consumer" "$FIXTURE_RULE" "$FIXTURE"
else
  fail "a consumer of the unpacked package does not build"; tail -30 "$TMP/consumer.log" >&2
fi
finish
