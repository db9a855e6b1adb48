# The installed tree (`cmake --install`) is complete and usable: the binary runs from it, and
# consumer programs build against it with find_package, with pkg-config (C++) and in C.
#   bash install_test.sh <build-dir> <source-dir>
source "$(dirname "$0")/lib.sh"
BUILD="$1"
ROOT="$2"
PREFIX="$TMP/prefix"
FIXTURE="$ROOT/fixtures/terraform/variable-tfvars"

if ! cmake --install "$BUILD" --prefix "$PREFIX" >"$TMP/install.log" 2>&1; then
  fail "cmake --install"; sed 's/^/    /' "$TMP/install.log" >&2; finish
fi
libdir=$(cd "$PREFIX" && find . -name 'libiacscan.so.0' -printf '%h\n' | head -1)
libdir="$PREFIX/${libdir#./}"

check_file "$PREFIX/bin/iacscan" "the CLI"
check_file "$libdir/libiacscan.so.0" "the shared library by its SONAME"
check_file "$libdir/libiacscan.so" "the development link"
check_file "$PREFIX/include/iacscan/iacscan.hpp" "the C++ headers"
check_file "$PREFIX/include/iacscan/iacscan.h" "the C header"
check_file "$libdir/cmake/iacscan/iacscanConfig.cmake" "the CMake package"
check_file "$libdir/cmake/iacscan/iacscanConfigVersion.cmake" "the CMake package version"
check_file "$libdir/pkgconfig/iacscan.pc" "the pkg-config file"
check_file "$PREFIX/share/iacscan/policies/schema.json" "the policies"
check_file "$PREFIX/share/man/man1/iacscan.1" "the man page"
check_file "$PREFIX/share/bash-completion/completions/iacscan" "the bash completion"
check_file "$PREFIX/share/zsh/site-functions/_iacscan" "the zsh completion"
if readelf -d "$libdir/libiacscan.so.0" | grep -q 'Library soname: \[libiacscan.so.0\]'; then
  pass "SONAME is libiacscan.so.0"; else fail "SONAME is not libiacscan.so.0"; fi
check_exports "$libdir/libiacscan.so.0"
# Nothing private may be installed: the public headers include only public headers.
if grep -rhoE '#include "[^"]+"' "$PREFIX/include/iacscan" | grep -v '"iacscan/' >"$TMP/private.txt"; then
  fail "public headers include non-public headers: $(sort -u "$TMP/private.txt" | head -3)"
else pass "public headers include only public headers"; fi

check_run "installed iacscan finds the public bucket" 1 "$FIXTURE_RULE" \
  env -u LD_LIBRARY_PATH "$PREFIX/bin/iacscan" scan --no-config "$FIXTURE"

# find_package(iacscan CONFIG)
if cmake -S "$ROOT/tests/package/find-package" -B "$TMP/find-package" -G Ninja \
     -DCMAKE_PREFIX_PATH="$PREFIX" >"$TMP/fp.log" 2>&1 &&
   cmake --build "$TMP/find-package" >>"$TMP/fp.log" 2>&1; then
  pass "find_package consumer builds"
  check_run "find_package consumer scans" 0 "$FIXTURE_RULE" "$TMP/find-package/consumer" "$FIXTURE_RULE" "$FIXTURE"
else
  fail "find_package consumer does not build"; sed 's/^/    /' "$TMP/fp.log" | tail -30 >&2
fi

# pkg-config, C++ and C
export PKG_CONFIG_PATH="$libdir/pkgconfig"
if ! pkg-config --exists iacscan; then fail "pkg-config does not find iacscan"; finish; fi
pc_libdir=$(pkg-config --variable=libdir iacscan)
read -r -a pc_flags <<<"$(pkg-config --cflags --libs iacscan)"
if g++ -std=c++20 -Wall -Wextra -Werror "$ROOT/tests/package/common/scan_fixture.cpp" "${pc_flags[@]}" \
     -Wl,-rpath,"$pc_libdir" -o "$TMP/pc-consumer" 2>"$TMP/pc.log"; then
  pass "pkg-config C++ consumer builds"
  check_run "pkg-config C++ consumer scans" 0 "$FIXTURE_RULE" "$TMP/pc-consumer" "$FIXTURE_RULE" "$FIXTURE"
else
  fail "pkg-config C++ consumer does not build"; sed 's/^/    /' "$TMP/pc.log" | head -30 >&2
fi
if gcc -std=c99 -pedantic -Wall -Wextra -Werror "$ROOT/tests/package/c-consumer/main.c" "${pc_flags[@]}" \
     -Wl,-rpath,"$pc_libdir" -o "$TMP/c-consumer" 2>"$TMP/c.log"; then
  pass "C consumer builds (C99, pedantic)"
  check_run "C consumer scans a path and a buffer" 0 "$FIXTURE_RULE" "$TMP/c-consumer" "$FIXTURE_RULE" "$FIXTURE"
else
  fail "C consumer does not build"; sed 's/^/    /' "$TMP/c.log" | head -30 >&2
fi
# The complete programs in the library guides build against the installed tree as printed.
# extract_programs <markdown> <fence language> <output prefix>: each fenced block with a main().
extract_programs() {
  awk -v lang="$2" -v out="$3" '
    $0 == "```" lang { inside = 1; n++; file = out n; body = ""; next }
    inside && $0 == "```" { inside = 0; if (body ~ /int main\(/) printf "%s", body > file; next }
    inside { body = body $0 "\n" }' "$1"
}
extract_programs "$ROOT/docs/library.md" cpp "$TMP/library-example-"
extract_programs "$ROOT/docs/c-api.md" c "$TMP/c-api-example-"
examples=0
for example in "$TMP"/library-example-* "$TMP"/c-api-example-*; do
  [[ -f "$example" ]] || continue
  examples=$((examples + 1))
  case "$example" in
    *library-*) compiler=(g++ -std=c++20 -x c++) ;;
    *) compiler=(gcc -std=c99 -pedantic -x c) ;;
  esac
  if "${compiler[@]}" -Wall -Wextra -Werror "$example" -x none "${pc_flags[@]}" -o "$example.bin" \
       2>"$TMP/example.log"; then pass "$(basename "$example") from the docs builds"; else
    fail "$(basename "$example") from the docs does not build"; head -20 "$TMP/example.log" >&2; fi
done
((examples >= 3)) || fail "expected at least 3 complete programs in docs/library.md and docs/c-api.md, found $examples"

# The C header is also valid C++ (extern "C"), for C++ callers that prefer the C ABI.
read -r -a pc_cflags <<<"$(pkg-config --cflags iacscan)"
if echo '#include <iacscan/iacscan.h>' | g++ -std=c++17 -Wall -Werror -x c++ -fsyntax-only \
     "${pc_cflags[@]}" - 2>"$TMP/cxx.log"; then pass "iacscan.h compiles as C++"; else
  fail "iacscan.h does not compile as C++"; head -20 "$TMP/cxx.log" >&2; fi
finish
