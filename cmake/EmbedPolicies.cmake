# Built-in policies are compiled into the library, so the binary, the shared library and the
# C API work from any directory without locating a data folder at run time.
file(GLOB_RECURSE IACSCAN_POLICY_FILES CONFIGURE_DEPENDS
     "${PROJECT_SOURCE_DIR}/policies/*.yaml" "${PROJECT_SOURCE_DIR}/policies/*.json")
list(SORT IACSCAN_POLICY_FILES)
set(IACSCAN_EMBEDDED_POLICIES_CPP "${PROJECT_BINARY_DIR}/generated/builtin_policies.cpp")
add_custom_command(
  OUTPUT "${IACSCAN_EMBEDDED_POLICIES_CPP}"
  COMMAND "${CMAKE_COMMAND}" -DROOT=${PROJECT_SOURCE_DIR}/policies
          -DOUT=${IACSCAN_EMBEDDED_POLICIES_CPP} "-DFILES=${IACSCAN_POLICY_FILES}"
          -P "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
  DEPENDS ${IACSCAN_POLICY_FILES} "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
  COMMENT "Embedding built-in policies"
  VERBATIM)
