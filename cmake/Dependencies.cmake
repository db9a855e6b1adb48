# Third-party libraries that Debian packages: yaml-cpp, nlohmann_json, RE2, CLI11, doctest.
# scripts/bootstrap installs them; here we only find them and fail with the package name if absent.
function(iacscan_require_package pkg debian)
  find_package(${pkg} ${ARGN} QUIET)
  if(NOT ${pkg}_FOUND)
    message(FATAL_ERROR "${pkg} not found: install the Debian package '${debian}' "
                        "(./bootstrap.sh does it for you)")
  endif()
endfunction()

iacscan_require_package(yaml-cpp libyaml-cpp-dev)
iacscan_require_package(nlohmann_json nlohmann-json3-dev 3.10)
iacscan_require_package(CLI11 libcli11-dev)
if(IACSCAN_BUILD_TESTS)
  iacscan_require_package(doctest doctest-dev)
endif()

# Debian's RE2 ships no CMake config, only pkg-config.
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
if(NOT TARGET re2::re2)
  add_library(re2::re2 INTERFACE IMPORTED)
  target_link_libraries(re2::re2 INTERFACE PkgConfig::RE2)
endif()

# yaml-cpp 0.7's config exports the target as plain 'yaml-cpp'.
if(NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp INTERFACE IMPORTED)
  target_link_libraries(yaml-cpp::yaml-cpp INTERFACE yaml-cpp)
endif()
