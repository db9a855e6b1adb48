#!/usr/bin/env bash
# Fails when a C++ file of ours is not formatted as .clang-format says.
set -euo pipefail
root="$1"
cd "$root"
command -v clang-format >/dev/null || { echo "clang-format not installed"; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.c' '*.h' 2>/dev/null || find libscan cli tests bench -name '*.[ch]pp' -o -name '*.[ch]')
clang-format --dry-run --Werror "${files[@]}"
echo "${#files[@]} files formatted"
