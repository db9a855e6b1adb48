// The policy files compiled into the library (generated from policies/ by CMake).
#pragma once

#include <string_view>
#include <vector>

namespace iacscan::detail {

struct EmbeddedFile {
  std::string_view path;  // relative to policies/, e.g. "public-exposure/s3-bucket-public-acl.yaml"
  std::string_view content;
};

const std::vector<EmbeddedFile>& builtin_policy_files();

}  // namespace iacscan::detail
