# tree-sitter runtime and the HCL grammar, as C sources from the npm registry.
#
# Debian's libtree-sitter (0.20) cannot load the HCL grammar's ABI 15, so we fetch the
# npm tarballs (`npm pack`) into ${IACSCAN_DEPS_DIR}/npm, check their SHA-256 against the
# pins below (a changed tarball fails the configure step), unpack them and compile them
# into one static library. Nothing third-party is committed to the repository.

set(IACSCAN_TREE_SITTER_VERSION 0.25.1)
set(IACSCAN_TREE_SITTER_SHA256 07aeba8dd71630e7e72b2d4ca3bd2680c3471824100cc5ebff44e78a6ed0b6d3)
set(IACSCAN_HCL_GRAMMAR_VERSION 1.2.0)
set(IACSCAN_HCL_GRAMMAR_SHA256 6aa2c0b5e17788fdd238c00c7d18c755771c474c05b6073b17a3cac18881d417)

set(_npm_dir "${IACSCAN_DEPS_DIR}/npm")

# Fetches `spec` with npm pack (unless the tarball is already there), verifies it and
# unpacks it into ${_npm_dir}/<out_name>. Sets <out_name>_DIR in the caller.
function(iacscan_fetch_npm_source spec tarball sha256 out_name)
  set(tgz "${_npm_dir}/${tarball}")
  if(NOT EXISTS "${tgz}")
    find_program(NPM_EXECUTABLE npm)
    if(NOT NPM_EXECUTABLE)
      message(FATAL_ERROR "npm is needed once to fetch ${spec} (apt-get install npm)")
    endif()
    file(MAKE_DIRECTORY "${_npm_dir}")
    message(STATUS "Fetching ${spec} from the npm registry")
    execute_process(COMMAND "${NPM_EXECUTABLE}" pack "${spec}" --silent
                    WORKING_DIRECTORY "${_npm_dir}" RESULT_VARIABLE rc OUTPUT_QUIET)
    if(NOT rc EQUAL 0 OR NOT EXISTS "${tgz}")
      message(FATAL_ERROR "npm pack ${spec} failed (${rc})")
    endif()
  endif()
  file(SHA256 "${tgz}" actual)
  if(NOT actual STREQUAL sha256)
    message(FATAL_ERROR "Checksum mismatch for ${tgz}:\n  expected ${sha256}\n  actual   ${actual}\n"
                        "Delete the file to fetch it again, or update the pin deliberately.")
  endif()
  set(dest "${_npm_dir}/${out_name}-${sha256}")
  if(NOT EXISTS "${dest}/package/package.json")
    file(REMOVE_RECURSE "${dest}")
    file(ARCHIVE_EXTRACT INPUT "${tgz}" DESTINATION "${dest}")
  endif()
  set(${out_name}_DIR "${dest}/package" PARENT_SCOPE)
endfunction()

iacscan_fetch_npm_source("tree-sitter@${IACSCAN_TREE_SITTER_VERSION}"
                         "tree-sitter-${IACSCAN_TREE_SITTER_VERSION}.tgz"
                         ${IACSCAN_TREE_SITTER_SHA256} ts_runtime)
iacscan_fetch_npm_source("@tree-sitter-grammars/tree-sitter-hcl@${IACSCAN_HCL_GRAMMAR_VERSION}"
                         "tree-sitter-grammars-tree-sitter-hcl-${IACSCAN_HCL_GRAMMAR_VERSION}.tgz"
                         ${IACSCAN_HCL_GRAMMAR_SHA256} ts_hcl)

set(_ts_lib "${ts_runtime_DIR}/vendor/tree-sitter/lib")
add_library(iacscan_treesitter STATIC
  "${_ts_lib}/src/lib.c"
  "${ts_hcl_DIR}/src/parser.c"
  "${ts_hcl_DIR}/src/scanner.c")
target_include_directories(iacscan_treesitter SYSTEM
  PUBLIC "${_ts_lib}/include"
  PRIVATE "${_ts_lib}/src" "${ts_hcl_DIR}/src")
target_compile_definitions(iacscan_treesitter PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
set_target_properties(iacscan_treesitter PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON
                                                   C_VISIBILITY_PRESET hidden)
# Third-party code we never step through: optimised in every build type (debug and sanitizer
# builds included), because an unoptimised parser is tens of times slower on deep input.
target_compile_options(iacscan_treesitter PRIVATE -w -O2)
