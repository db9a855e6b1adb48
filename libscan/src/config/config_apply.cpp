// apply_config_text / apply_config_file: the top level of .iacscan.yaml, section by section over
// a base ScanOptions. Every check throws ConfigError; it is turned into an Error here, at the
// file boundary, so nothing escapes to callers.
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config_document.hpp"
#include "config/config_error.hpp"
#include "config/config_values.hpp"
#include "config/organization_section.hpp"
#include "config/rules_section.hpp"
#include "config/source_sections.hpp"
#include "config/suppressions_section.hpp"
#include "iacscan/config.hpp"

namespace iacscan {
namespace {

using detail::Field;

// A configuration is a few kilobytes; anything this large is not one, and reading it whole
// would only cost memory.
constexpr std::uintmax_t kMaxConfigBytes = 1u << 20;

void check_version(const Field& field) {
  if (!(field.value.is_number() || field.value.is_string()) || field.value.text() != "1")
    detail::fail(field, "only version 1 exists, got " + detail::describe(field.value));
}

void apply_limits(const Field& section, ScanOptions& options) {
  detail::check_known_keys(section, {"max_file_bytes", "terraform_max_instances", "scp_max_chars",
                                     "scp_max_attachments", "scp_syntax"});
  for (const detail::Value::Entry& entry : detail::read_map(section)) {
    const Field field = detail::entry_field(section, entry);
    if (entry.key == "max_file_bytes") options.max_file_bytes = detail::read_byte_size(field);
    if (entry.key == "terraform_max_instances")
      options.terraform_max_instances = detail::read_positive_integer(field);
    if (entry.key == "scp_max_chars") options.scp_max_chars = detail::read_positive_integer(field);
    if (entry.key == "scp_max_attachments")
      options.scp_max_attachments = detail::read_positive_integer(field);
    if (entry.key == "scp_syntax")
      options.scp_syntax = detail::read_choice(field, {"current", "legacy"});
  }
}

void apply_document(const detail::Value& document, const std::string& display_path,
                    ScanOptions& options) {
  const std::string base_dir = std::filesystem::path(display_path).parent_path().generic_string();
  const Field root{document, "", {}};
  detail::check_known_keys(root, detail::config_top_level_keys());
  for (const detail::Value::Entry& entry : document.entries()) {
    const Field field = detail::entry_field(root, entry);
    const std::string& key = entry.key;
    if (key == "version") {
      check_version(field);
    } else if (key == "account_rules") {
      options.account_rules = detail::read_bool(field);
    } else if (key == "exclude") {
      // Globs over paths relative to the scanned path: nothing to resolve here.
      detail::read_each(field, options.exclude, detail::read_string);
    } else if (key == "organization") {
      detail::apply_organization_section(field, options.organization);
    } else if (key == "rules") {
      detail::apply_rules_section(field, options.rule_settings);
    } else if (key == "limits") {
      apply_limits(field, options);
    } else if (key == "policy_dirs") {
      detail::apply_policy_dirs(field, base_dir, options);
    } else if (key == "policy_types") {
      detail::apply_policy_types(field, options);
    } else if (key == "terraform") {
      detail::apply_terraform_section(field, base_dir, options);
    } else if (key == "cloudformation") {
      detail::apply_cloudformation_section(field, base_dir, options);
    } else if (key == "suppressions") {
      detail::apply_suppressions_section(field, display_path, options.suppressions);
    }
  }
}

Error config_io_error(const std::string& path, const std::string& message) {
  return Error{ErrorCode::invalid_option, path + ": " + message, Location{path, 0, 0, 0, 0}};
}

}  // namespace

Result<ScanOptions> apply_config_text(const std::string& text, const std::string& display_path,
                                      ScanOptions base) {
  try {
    const detail::Value document = detail::read_config_document(text);
    apply_document(document, display_path, base);
    return base;
  } catch (const detail::ConfigError& e) {
    return detail::config_error_to_error(e, display_path);
  } catch (const std::exception& e) {
    return Error{ErrorCode::internal, display_path + ": internal error: " + e.what(),
                 Location{display_path, 0, 0, 0, 0}};
  }
}

Result<ScanOptions> apply_config_file(const std::string& path, ScanOptions base) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return config_io_error(path, "no such configuration file");
  if (fs::is_directory(status))
    return config_io_error(path, "is a directory, not a configuration file");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxConfigBytes)
    return config_io_error(path, "too large for a configuration file (" + std::to_string(size) +
                                     " bytes, at most " + std::to_string(kMaxConfigBytes) + ")");
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return config_io_error(path, "cannot open the configuration file");
  std::ostringstream text;
  text << in.rdbuf();  // an empty file leaves `text` failed, and is a valid configuration
  if (in.bad()) return config_io_error(path, "cannot read the configuration file");
  return apply_config_text(text.str(), path, std::move(base));
}

}  // namespace iacscan
