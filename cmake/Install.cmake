# Install rules for the library side: libiacscan.so, the public headers, a CMake package
# (find_package(iacscan CONFIG) → iacscan::iacscan), a pkg-config file and the built-in
# policies as readable files. The CLI's own rules (binary, man page, completions) are in
# cli/CMakeLists.txt.
include(CMakePackageConfigHelpers)

set(IACSCAN_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/iacscan")

install(TARGETS iacscan EXPORT iacscanTargets
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/libscan/include/iacscan"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT iacscanTargets NAMESPACE iacscan:: DESTINATION "${IACSCAN_CMAKE_INSTALL_DIR}")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/package/iacscanConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/package/iacscanConfig.cmake"
  INSTALL_DESTINATION "${IACSCAN_CMAKE_INSTALL_DIR}")
# 0.x: a new minor version may change the API, so only the same minor version is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/package/iacscanConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/package/iacscanConfig.cmake"
              "${PROJECT_BINARY_DIR}/package/iacscanConfigVersion.cmake"
        DESTINATION "${IACSCAN_CMAKE_INSTALL_DIR}")

# pkg-config paths relative to the .pc file's own location, so that an unpacked tree
# (dpkg -x, a tarball) works wherever it lands.
file(RELATIVE_PATH IACSCAN_PC_PREFIX_FROM_PCDIR "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
configure_file("${PROJECT_SOURCE_DIR}/cmake/package/iacscan.pc.in"
               "${PROJECT_BINARY_DIR}/package/iacscan.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/package/iacscan.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# The policies are compiled into the library; the installed copies are there to read, to
# start one's own rules from, and for the JSON Schemas editors validate rule files with.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/policies/" DESTINATION "${CMAKE_INSTALL_DATADIR}/iacscan/policies")
install(FILES "${PROJECT_SOURCE_DIR}/docs/config-schema.json" "${PROJECT_SOURCE_DIR}/docs/report-schema.json"
              "${PROJECT_SOURCE_DIR}/docs/roadmap-schema.json"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/iacscan/schemas")
