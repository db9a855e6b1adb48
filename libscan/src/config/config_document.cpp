#include "config/config_document.hpp"

#include <string>

#include "config/config_error.hpp"
#include "value/yaml_reader.hpp"

namespace iacscan::detail {
namespace {

// The configuration is not a template: no value is ever meant to be read from a later source,
// so one file id serves every span.
constexpr FileId kConfigFile = 0;

Span point(std::uint32_t line, std::uint32_t column) {
  return Span{kConfigFile, Range{line, column, line, column}};
}

// The key as written at a 1-based line and column, up to the ':' that ends it; the reader's
// warning words the duplicate for a template, where the later value silently wins.
std::string key_text_at(std::string_view text, std::uint32_t line, std::uint32_t column) {
  std::size_t pos = 0;
  for (std::uint32_t l = 1; l < line && pos != std::string_view::npos; ++l) {
    pos = text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos || column == 0) return {};
  pos += column - 1;
  if (pos >= text.size()) return {};
  std::size_t end = text.find_first_of(":\n", pos);
  if (end == std::string_view::npos) end = text.size();
  std::string key(text.substr(pos, end - pos));
  while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
    key = key.substr(1, key.size() - 2);
  return key;
}

}  // namespace

Value read_config_document(std::string_view text) {
  // Tags mean nothing here; the default handler keeps values as written.
  ReadResult read = read_yaml(text, kConfigFile, YamlTagHandler{});
  if (!read.ok()) {
    throw ConfigError("invalid YAML: " + read.error->message,
                      point(read.error->line, read.error->column));
  }
  // The YAML reader keeps the last of two equal keys, which silently hides a setting: in a
  // configuration file that is always a mistake.
  if (!read.warnings.empty()) {
    const ReadError& first = read.warnings.front();
    throw ConfigError(
        "duplicate key \"" + key_text_at(text, first.line, first.column) + "\": set each key once",
        point(first.line, first.column));
  }
  Value document = std::move(*read.value);
  if (document.is_null()) return Value::map({}, document.span);
  if (!document.is_map()) {
    throw ConfigError("the configuration must be a map of keys (version, organization, rules...)",
                      document.span);
  }
  return document;
}

const std::vector<std::string_view>& config_top_level_keys() {
  static const std::vector<std::string_view> keys = {
      "version",     "account_rules", "exclude",   "organization",   "rules",       "limits",
      "policy_dirs", "policy_types",  "terraform", "cloudformation", "suppressions"};
  return keys;
}

}  // namespace iacscan::detail
