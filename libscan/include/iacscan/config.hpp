// The configuration file, .iacscan.yaml: organization facts, rule settings, path excludes,
// limits and whether `scan` runs the account rules. docs/configuration.md describes every key;
// docs/config-schema.json is its JSON Schema (for editors; the library validates by itself and
// names the offending line). Every function here is safe to call from any thread; none keeps
// state between calls.
#pragma once

#include <optional>
#include <string>

#include "iacscan/export.hpp"
#include "iacscan/options.hpp"
#include "iacscan/result.hpp"

namespace iacscan {

inline constexpr const char* kConfigFileName = ".iacscan.yaml";

// The configuration file that applies to `path`: .iacscan.yaml in the path's directory (the
// path itself when it is a directory) or the nearest one above it. Stops at the filesystem
// root, and at a directory holding .git (the repository's top) after checking it. A relative
// path is taken from the current directory.
IACSCAN_API std::optional<std::string> find_config_file(const std::string& path);

// Reads a configuration file and applies it over `base`: what the file sets replaces base's
// value (lists whole; `rules`, `terraform.variables` and `cloudformation.parameters` by name),
// and a key left without a value sets nothing. Relative paths in it (policy_dirs, var_files,
// parameter_files) resolve against the file's directory. An unreadable file, invalid YAML, a
// duplicate or unknown key, or a value of the wrong type or shape is an Error
// (ErrorCode::invalid_option) whose location is the offending key or value, and whose message,
// "FILE:LINE:COLUMN: key.path: ...", says what was expected. Rule ids are not checked here:
// Scanner::create does, once the --policy-dir rules are known. Never throws.
IACSCAN_API Result<ScanOptions> apply_config_file(const std::string& path, ScanOptions base);
// The same for configuration text (tests, editors); `display_path` names it in errors and its
// directory is the one relative paths resolve against.
IACSCAN_API Result<ScanOptions> apply_config_text(const std::string& text,
                                                  const std::string& display_path,
                                                  ScanOptions base);

// A commented starter configuration (what `iacscan init` writes): every key, with the
// defaults, and the organization facts as commented-out examples.
IACSCAN_API std::string starter_config();

}  // namespace iacscan
