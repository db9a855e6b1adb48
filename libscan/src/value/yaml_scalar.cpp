// YAML 1.2 core schema resolution of plain scalars: null, booleans, integers (decimal, 0x, 0o)
// and floats (including .inf and .nan); everything else is a string.
#include "value/yaml_scalar.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>
#include <system_error>

namespace iacscan::detail {
namespace {

template <typename Predicate>
bool all_of_class(std::string_view s, Predicate pred) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [&](char c) { return pred(static_cast<unsigned char>(c)); });
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == y;
         });
}

bool is_octal_digit(unsigned char c) {
  return c >= '0' && c <= '7';
}
bool is_hex_digit(unsigned char c) {
  return std::isxdigit(c) != 0;
}

// [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_decimal(std::string_view s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i - from;
  };
  const std::size_t whole = digits();
  std::size_t fraction = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    fraction = digits();
  }
  if (whole == 0 && fraction == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

double decimal_value(std::string_view s) {
  const bool negative = s.front() == '-';
  if (s.front() == '-' || s.front() == '+') s.remove_prefix(1);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc::result_out_of_range) {
    const auto e = s.find_first_of("eE");
    const bool tiny = e != std::string_view::npos && e + 1 < s.size() && s[e + 1] == '-';
    value = tiny ? 0.0 : std::numeric_limits<double>::infinity();
  }
  return negative ? -value : value;
}

double radix_value(std::string_view digits, int radix) {
  double value = 0;
  for (char c : digits) {
    const int digit = std::isdigit(static_cast<unsigned char>(c))
                          ? c - '0'
                          : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
    value = value * radix + digit;
  }
  return value;
}

std::optional<double> core_schema_number(std::string_view s) {
  if (s.size() > 2 && s.substr(0, 2) == "0x" && all_of_class(s.substr(2), is_hex_digit)) {
    return radix_value(s.substr(2), 16);
  }
  if (s.size() > 2 && s.substr(0, 2) == "0o" && all_of_class(s.substr(2), is_octal_digit)) {
    return radix_value(s.substr(2), 8);
  }
  if (is_decimal(s)) return decimal_value(s);
  std::string_view unsigned_part = s;
  const bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) unsigned_part.remove_prefix(1);
  if (unsigned_part == ".inf" || unsigned_part == ".Inf" || unsigned_part == ".INF") {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  return std::nullopt;
}

}  // namespace

Value resolve_plain_scalar(const std::string& text, Span span) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return Value::null(span);
  }
  if (equals_ignoring_case(text, "true")) return Value::boolean(true, span);
  if (equals_ignoring_case(text, "false")) return Value::boolean(false, span);
  if (const auto number = core_schema_number(text)) return Value::number(*number, text, span);
  return Value::string(text, span);
}

}  // namespace iacscan::detail
