# `cpack -G DEB` (or `cmake --build --preset release --target package`): one Debian package with
# the CLI, libiacscan.so, headers, CMake and pkg-config files, policies, man page and completions.
set(CPACK_PACKAGE_NAME iacscan)
set(CPACK_PACKAGE_VENDOR "iacscan developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "iacscan scans AWS CloudFormation, Terraform, and Organizations SCP and IAM policy JSON for the security gaps named in the AWS Security Maturity Roadmap, and reports per roadmap stage. Includes the iacscan command, the shared library libiacscan with its C++ and C headers, CMake and pkg-config files, the built-in policies, the man page and bash/zsh completions.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "iacscan developers <iacscan@invalid>")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Written out rather than computed by dpkg-shlibdeps (dpkg-dev is not on a fresh machine):
# the shared objects the binary and library need on Debian 12. tests/package/deb_test.sh
# checks that every DT_NEEDED entry is covered by this list.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libgcc-s1, libstdc++6 (>= 12), libyaml-cpp0.7, libre2-9")
# Puts libiacscan.so.N in the dynamic linker's cache when installed with dpkg -i.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Debug information stays in the build tree; the package carries stripped binaries.
set(CPACK_STRIP_FILES ON)
include(CPack)
