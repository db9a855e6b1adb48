// The sections that say how sources are read: policy_dirs, policy_types, terraform and
// cloudformation. File paths in them are relative to the configuration file's directory, so a
// configuration means the same thing from whichever directory iacscan runs.
#pragma once

#include <string>

#include "config/config_values.hpp"
#include "iacscan/options.hpp"

namespace iacscan::detail {

// `base_dir` is the configuration file's directory ("" when paths should stay as written).
void apply_policy_dirs(const Field& field, const std::string& base_dir, ScanOptions& options);
void apply_policy_types(const Field& field, ScanOptions& options);
void apply_terraform_section(const Field& section, const std::string& base_dir,
                             ScanOptions& options);
void apply_cloudformation_section(const Field& section, const std::string& base_dir,
                                  ScanOptions& options);

}  // namespace iacscan::detail
