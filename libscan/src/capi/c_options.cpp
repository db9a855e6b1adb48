// The options JSON is read twice: strictly as JSON here (so that what is not JSON is refused and
// the settings only the C API has are taken out), then, with those settings blanked out, by
// apply_config_text, which does every configuration key's checks. Blanking instead of
// re-serialising keeps each remaining value at its line and column, so errors point into the
// caller's own text.
#include "capi/c_options.hpp"

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "config/config_document.hpp"
#include "config/config_error.hpp"
#include "config/config_values.hpp"
#include "iacscan/config.hpp"
#include "suppress/suppression_date.hpp"
#include "value/json_reader.hpp"
#include "value/line_index.hpp"

namespace iacscan::detail {
namespace {

// Errors read "options:LINE:COLUMN: ...", as a configuration file's read "FILE:LINE:COLUMN: ...".
// Having no directory, it also makes relative paths relative to the current directory.
const std::string kDisplayName = "options";

// Settings the configuration file does not hold (the CLI takes them as flags).
const std::vector<std::string_view> kCApiKeys = {
    "config", "jobs", "no_builtin_policies", "report_unknowns", "report_unused_suppressions",
    "today"};

struct CApiSettings {
  std::optional<std::string> config;
  std::optional<unsigned> jobs;
  std::optional<bool> no_builtin_policies;
  std::optional<bool> report_unknowns;
  std::optional<bool> report_unused_suppressions;
  std::optional<std::string> today;
};

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_c_api_key(std::string_view key) {
  for (std::string_view k : kCApiKeys) {
    if (k == key) return true;
  }
  return false;
}

Span point(std::uint32_t line, std::uint32_t column) {
  return Span{0, Range{line, column, line, column}};
}

// The key written at a position: the quoted text there (keys with escapes are rare enough in
// an error message to be shown as written).
std::string key_at(std::string_view json, const LineIndex& lines, std::uint32_t line,
                   std::uint32_t column) {
  const std::size_t start = lines.offset(line, column) + 1;
  std::size_t end = start;
  while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
  return std::string(json.substr(start, std::min(end, json.size()) - start));
}

Value read_options_document(std::string_view json, const LineIndex& lines) {
  ReadResult read = read_json(json, 0);
  if (!read.ok()) {
    throw ConfigError("invalid JSON: " + read.error->message,
                      point(read.error->line, read.error->column));
  }
  // The reader keeps the last of two equal keys; in options that is always a mistake.
  if (!read.warnings.empty()) {
    const ReadError& first = read.warnings.front();
    throw ConfigError("duplicate key \"" + key_at(json, lines, first.line, first.column) +
                          "\": set each key once",
                      point(first.line, first.column));
  }
  if (!read.value->is_map()) {
    throw ConfigError("the options must be a JSON object of keys (organization, rules, jobs...)",
                      read.value->span);
  }
  return std::move(*read.value);
}

unsigned read_jobs(const Field& field) {
  // 0 asks for one thread per hardware thread, as ScanOptions::jobs does.
  if (field.value.is_number() && field.value.text() == "0") return 0;
  const std::size_t jobs = read_positive_integer(field);
  if (jobs > UINT_MAX) fail(field, "expected at most " + std::to_string(UINT_MAX) + " threads");
  return static_cast<unsigned>(jobs);
}

CApiSettings read_c_api_settings(const Value& document) {
  const Field root{document, "", {}};
  std::vector<std::string_view> known = config_top_level_keys();
  known.insert(known.end(), kCApiKeys.begin(), kCApiKeys.end());
  check_known_keys(root, known);
  CApiSettings settings;
  for (const Value::Entry& entry : document.entries()) {
    const Field field = entry_field(root, entry);
    // As in the configuration file, a key without a value (null) sets nothing.
    if (!is_c_api_key(entry.key) || field.value.is_null()) continue;
    if (entry.key == "config") settings.config = read_string(field);
    if (entry.key == "jobs") settings.jobs = read_jobs(field);
    if (entry.key == "no_builtin_policies") settings.no_builtin_policies = read_bool(field);
    if (entry.key == "report_unknowns") settings.report_unknowns = read_bool(field);
    if (entry.key == "report_unused_suppressions")
      settings.report_unused_suppressions = read_bool(field);
    if (entry.key == "today") {
      settings.today = read_string(field);
      if (!is_valid_date(*settings.today))
        fail(field, "expected a date in the form YYYY-MM-DD, got \"" + *settings.today + "\"");
    }
  }
  return settings;
}

// Replaces [from, to) with spaces, keeping line breaks so later positions stay where they were.
void blank(std::string& text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
  }
}

// The options text with the C API's own members (key, value and their comma) blanked out:
// what remains is an object of configuration-file keys at their original positions.
std::string configuration_text(std::string_view json, const Value& document,
                               const LineIndex& lines) {
  std::string text(json);
  const Value::Map& members = document.entries();
  const auto key_start = [&](std::size_t i) {
    const Range& r = members[i].key_span.range;
    return lines.offset(r.start_line, r.start_column);
  };
  const auto value_end = [&](std::size_t i) {  // one past the value's last byte
    const Range& r = members[i].value.span.range;
    return lines.offset(r.end_line, r.end_column) + 1;
  };
  std::optional<std::size_t> last_kept;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (!is_c_api_key(members[i].key)) {
      last_kept = i;
      continue;
    }
    if (i + 1 < members.size()) {
      blank(text, key_start(i), key_start(i + 1));  // this member and the comma after it
    } else {
      // The last member has no comma after it: take the one before it instead.
      blank(text, last_kept ? value_end(*last_kept) : key_start(0), value_end(i));
    }
  }
  return text;
}

std::optional<unsigned> hex4(std::string_view text, std::size_t at) {
  if (at + 4 > text.size()) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const char c = text[i];
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  return value;
}

// JSON writes a character beyond U+FFFF as a UTF-16 surrogate pair ("\ud83d\ude00"), which YAML
// refuses; YAML spells it "\U0001f600". The only rewrite the configuration reader needs: it
// shortens that line by two columns after the character, a price worth paying for an emoji.
std::string with_yaml_escapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') in_string = !in_string;
    if (!in_string || c != '\\' || i + 1 >= text.size()) {
      out += c;
      continue;
    }
    const auto high = text[i + 1] == 'u' ? hex4(text, i + 2) : std::nullopt;
    const auto low = high && text.substr(i + 6, 2) == "\\u" ? hex4(text, i + 8) : std::nullopt;
    if (high && low && *high >= 0xD800 && *high < 0xDC00 && *low >= 0xDC00 && *low < 0xE000) {
      const unsigned code_point = 0x10000 + ((*high - 0xD800) << 10) + (*low - 0xDC00);
      char escape[11];
      std::snprintf(escape, sizeof escape, "\\U%08x", code_point);
      out += escape;
      i += 11;
    } else {
      out += text.substr(i, 2);  // any other escape, kept as written
      ++i;
    }
  }
  return out;
}

Result<ScanOptions> read_options(std::string_view json) {
  const LineIndex lines(json);
  CApiSettings settings;
  std::string config_text;
  try {
    const Value document = read_options_document(json, lines);
    settings = read_c_api_settings(document);
    config_text = with_yaml_escapes(configuration_text(json, document, lines));
  } catch (const ConfigError& e) {
    return config_error_to_error(e, kDisplayName);
  }
  // The precedence of the CLI: a configuration file, then what the caller says here.
  ScanOptions options;
  if (settings.config) {
    auto configured = apply_config_file(*settings.config, options);
    if (!configured) return configured.error();
    options = std::move(configured).value();
  }
  auto configured = apply_config_text(config_text, kDisplayName, std::move(options));
  if (!configured) return configured.error();
  options = std::move(configured).value();
  if (settings.jobs) options.jobs = *settings.jobs;
  if (settings.no_builtin_policies) options.no_builtin_policies = *settings.no_builtin_policies;
  if (settings.report_unknowns) options.report_unknowns = *settings.report_unknowns;
  if (settings.report_unused_suppressions)
    options.report_unused_suppressions = *settings.report_unused_suppressions;
  if (settings.today) options.today = *settings.today;
  return options;
}

}  // namespace

Result<ScanOptions> scan_options_from_json(std::string_view json) {
  if (is_blank(json)) return ScanOptions{};
  try {
    return read_options(json);
  } catch (const std::bad_alloc&) {
    throw;  // the C boundary reports it as "out of memory"
  } catch (const std::exception& e) {
    return Error{ErrorCode::internal, kDisplayName + ": internal error: " + e.what(), {}};
  }
}

}  // namespace iacscan::detail
