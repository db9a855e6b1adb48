#include "config/config_values.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

#include "config/closest_match.hpp"
#include "config/config_error.hpp"

namespace iacscan::detail {
namespace {

bool is_plain_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

// Keys that are globs or OU names ("org/scps/**") would make a dotted path ambiguous.
std::string child_path(const std::string& parent, std::string_view key) {
  if (is_plain_key(key)) return parent.empty() ? std::string(key) : parent + "." + std::string(key);
  std::string quoted = "[\"";
  for (char c : key) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return parent + quoted + "\"]";
}

std::string quote(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// The digits of a number as written, when it is a non-negative integer without sign, point,
// exponent or base prefix.
bool is_decimal_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

std::string join_choices(const std::vector<std::string_view>& choices) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i != 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += std::string(choices[i]);
  }
  return out;
}

}  // namespace

Field entry_field(const Field& map, const Value::Entry& entry) {
  return Field{entry.value, child_path(map.path, entry.key), entry.key_span};
}

Field item_field(const Field& list, std::size_t index) {
  return Field{list.value.items()[index], list.path + "[" + std::to_string(index) + "]", {}};
}

void fail(const Field& field, const std::string& message) {
  // An empty value (`key:` and nothing) has no extent of its own: point at its key.
  const bool at_value = field.value.span.range.start_line != 0 &&
                        !(field.value.is_null() && field.key_span.range.start_line != 0);
  const Span& where = at_value ? field.value.span : field.key_span;
  throw ConfigError(field.path.empty() ? message : field.path + ": " + message, where);
}

void fail_at_key(const Field& field, const std::string& message) {
  const Span& where = field.key_span.range.start_line != 0 ? field.key_span : field.value.span;
  throw ConfigError(field.path.empty() ? message : field.path + ": " + message, where);
}

std::string describe(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::null:
      return "nothing";
    case Value::Kind::boolean:
      return value.as_bool() ? "true" : "false";
    case Value::Kind::number:
      return "the number " + value.text();
    case Value::Kind::string:
      return quote(value.text());
    case Value::Kind::list:
      return "a list";
    case Value::Kind::map:
      return "a map";
    case Value::Kind::unknown:
      return "an unknown value";
  }
  return "a value";
}

const Value::Map& read_map(const Field& field) {
  static const Value::Map kEmpty;
  if (field.value.is_null()) return kEmpty;
  if (!field.value.is_map()) fail(field, "expected a map of keys, got " + describe(field.value));
  return field.value.entries();
}

void check_known_keys(const Field& map, const std::vector<std::string_view>& known) {
  for (const Value::Entry& entry : read_map(map)) {
    if (std::find(known.begin(), known.end(), entry.key) != known.end()) continue;
    std::string message = "unknown key " + quote(entry.key);
    if (auto suggestion = closest_match(entry.key, known))
      message += "; did you mean " + quote(*suggestion) + "?";
    else
      message += "; expected one of " + join_choices(known);
    // The path names the section, the message the key: "organization: unknown key ...".
    throw ConfigError(map.path.empty() ? message : map.path + ": " + message, entry.key_span);
  }
}

bool is_set(const Field& field) {
  return !field.value.is_null();
}

const Value::List& read_list(const Field& field) {
  if (!field.value.is_list()) fail(field, "expected a list, got " + describe(field.value));
  return field.value.items();
}

bool read_bool(const Field& field) {
  if (!field.value.is_bool()) {
    std::string message = "expected true or false, got " + describe(field.value);
    // YAML 1.1 spellings are plain strings in YAML 1.2, which is what we read.
    static const std::vector<std::string_view> kOldBooleans = {"yes", "no", "on", "off", "y", "n"};
    if (field.value.is_string() && std::find(kOldBooleans.begin(), kOldBooleans.end(),
                                             field.value.text()) != kOldBooleans.end())
      message += " (YAML 1.2 booleans are true and false)";
    fail(field, message);
  }
  return field.value.as_bool();
}

std::string read_string(const Field& field) {
  if (!field.value.is_string()) {
    std::string message = "expected a string, got " + describe(field.value);
    if (field.value.is_number() || field.value.is_bool())
      message += " (put it in quotes to make it a string)";
    fail(field, message);
  }
  if (field.value.text().empty()) fail(field, "expected a non-empty string");
  return field.value.text();
}

std::string read_scalar_text(const Field& field) {
  if (field.value.is_string() || field.value.is_number()) return field.value.text();
  if (field.value.is_bool()) return field.value.as_bool() ? "true" : "false";
  fail(field, "expected a string, number or boolean, got " + describe(field.value));
}

std::size_t read_positive_integer(const Field& field) {
  const std::string& text = field.value.text();
  std::size_t number = 0;
  const bool parsed =
      field.value.is_number() && is_decimal_digits(text) &&
      std::from_chars(text.data(), text.data() + text.size(), number).ec == std::errc{};
  if (!parsed || number == 0)
    fail(field, "expected a positive whole number, got " + describe(field.value));
  return number;
}

std::size_t read_byte_size(const Field& field) {
  if (field.value.is_number()) return read_positive_integer(field);
  const std::string text = field.value.is_string() ? field.value.text() : std::string{};
  std::size_t multiplier = 1;
  std::string digits = text;
  if (!digits.empty()) {
    switch (std::tolower(static_cast<unsigned char>(digits.back()))) {
      case 'k':
        multiplier = std::size_t{1} << 10;
        break;
      case 'm':
        multiplier = std::size_t{1} << 20;
        break;
      case 'g':
        multiplier = std::size_t{1} << 30;
        break;
      default:
        break;
    }
    if (multiplier != 1) digits.pop_back();
  }
  std::size_t number = 0;
  const bool parsed =
      is_decimal_digits(digits) &&
      std::from_chars(digits.data(), digits.data() + digits.size(), number).ec == std::errc{};
  if (!parsed || number == 0 || number > std::numeric_limits<std::size_t>::max() / multiplier)
    fail(field, "expected a positive number of bytes such as 20971520 or \"20m\", got " +
                    describe(field.value));
  return number * multiplier;
}

std::string read_choice(const Field& field, const std::vector<std::string_view>& choices) {
  const std::string text = field.value.is_string() ? field.value.text() : std::string{};
  if (std::find(choices.begin(), choices.end(), text) != choices.end() && field.value.is_string())
    return text;
  std::string message = "expected " + join_choices(choices) + ", got " + describe(field.value);
  if (auto suggestion = closest_match(text, choices))
    message += "; did you mean " + quote(*suggestion) + "?";
  fail(field, message);
}

}  // namespace iacscan::detail
