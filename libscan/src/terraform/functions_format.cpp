// format and formatlist: Terraform's printf. The verbs, flags, width and precision follow
// Terraform's documented format specification, which borrows Go's fmt conventions (so
// "%g" without a precision prints the shortest form, switching to an exponent from 1e+06).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"
#include "terraform/go_json_string.hpp"

namespace iacscan::detail::tf {
namespace {

struct Verb {
  std::string raw;  // "%-5.2f", for messages
  std::size_t offset = 0;
  std::size_t arg_number = 0;  // 1-based
  char mode = 0;
  bool zero = false, sharp = false, plus = false, minus = false, space = false;
  int width = -1;      // -1: none
  int precision = -1;  // -1: none
};

// A number as JSON: plain decimal, never an exponent (as Terraform's jsonencode).
std::string json_number(double number) {
  if (number == std::floor(number) && std::fabs(number) < 1e15) return format_number(number);
  char buffer[400];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::fixed);
  return ec == std::errc() ? std::string(buffer, end) : format_number(number);
}

void append_json(std::string& out, const Value& value) {
  switch (value.kind()) {
    case Value::Kind::null:
    case Value::Kind::unknown:
      out += "null";
      return;
    case Value::Kind::boolean:
      out += value.as_bool() ? "true" : "false";
      return;
    case Value::Kind::number:
      out += json_number(value.as_number());
      return;
    case Value::Kind::string:
      append_go_json_string(out, value.text());
      return;
    case Value::Kind::list: {
      out += '[';
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        if (i) out += ',';
        append_json(out, value.items()[i]);
      }
      out += ']';
      return;
    }
    case Value::Kind::map: {
      const Value sorted = sorted_map(value.entries());
      out += '{';
      for (std::size_t i = 0; i < sorted.entries().size(); ++i) {
        if (i) out += ',';
        append_go_json_string(out, sorted.entries()[i].key);
        out += ':';
        append_json(out, sorted.entries()[i].value);
      }
      out += '}';
      return;
    }
  }
}

// Width counts characters, not bytes.
std::string pad(const Verb& verb, std::string text) {
  const std::size_t length = utf8_length(text);
  if (verb.width < 0 || length >= static_cast<std::size_t>(verb.width)) return text;
  std::string padding(static_cast<std::size_t>(verb.width) - length, verb.zero ? '0' : ' ');
  return verb.minus ? text + padding : padding + text;
}

// Sign, then zero padding after the sign or space padding around the whole.
std::string pad_number(const Verb& verb, bool negative, std::string digits,
                       bool zero_allowed = true) {
  std::string sign = negative ? "-" : verb.plus ? "+" : verb.space ? " " : "";
  const std::size_t length = sign.size() + digits.size();
  if (verb.width >= 0 && length < static_cast<std::size_t>(verb.width)) {
    const std::size_t missing = static_cast<std::size_t>(verb.width) - length;
    if (verb.minus) return sign + digits + std::string(missing, ' ');
    if (verb.zero && zero_allowed) return sign + std::string(missing, '0') + digits;
    return std::string(missing, ' ') + sign + digits;
  }
  return sign + digits;
}

std::string integer_digits(double magnitude, int base, bool upper) {
  if (base == 10) {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.0f", magnitude);
    return buffer;
  }
  const char* symbols = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string digits;
  do {  // exact: dividing a double by a power of two loses nothing
    digits.insert(digits.begin(), symbols[static_cast<int>(std::fmod(magnitude, base))]);
    magnitude = std::floor(magnitude / base);
  } while (magnitude > 0);
  return digits;
}

std::string format_integer(const Verb& verb, double number) {
  if (number != std::floor(number) || !std::isfinite(number))
    fail("unsupported value for \"" + verb.raw + "\" at " + std::to_string(verb.offset) +
         ": an integer is required");
  const int base = verb.mode == 'b' ? 2 : verb.mode == 'o' ? 8 : verb.mode == 'd' ? 10 : 16;
  std::string digits = integer_digits(std::fabs(number), base, verb.mode == 'X');
  if (verb.precision >= 0 && digits.size() < static_cast<std::size_t>(verb.precision))
    digits.insert(0, static_cast<std::size_t>(verb.precision) - digits.size(), '0');
  if (verb.sharp) {
    if (verb.mode == 'b') digits.insert(0, "0b");
    if (verb.mode == 'o' && digits.front() != '0') digits.insert(0, "0");
    if (verb.mode == 'x') digits.insert(0, "0x");
    if (verb.mode == 'X') digits.insert(0, "0X");
  }
  return pad_number(verb, std::signbit(number) && number != 0, digits, verb.precision < 0);
}

// %g without a precision: the shortest digits that read back, in exponent form when the
// exponent is below -4 or at least 6.
std::string shortest_general(double magnitude, bool upper) {
  char buffer[64];
  auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific);
  std::string scientific(buffer, ec == std::errc() ? end : buffer);
  const std::size_t e = scientific.find('e');
  const int exponent = std::stoi(scientific.substr(e + 1));
  if (exponent < -4 || exponent >= 6) {
    std::string mantissa = scientific.substr(0, e);
    char tail[16];
    std::snprintf(tail, sizeof tail, "%c%c%02d", upper ? 'E' : 'e', exponent < 0 ? '-' : '+',
                  std::abs(exponent));
    return mantissa + tail;
  }
  auto [fixed_end, fixed_ec] =
      std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::fixed);
  return std::string(buffer, fixed_ec == std::errc() ? fixed_end : buffer);
}

std::string format_float(const Verb& verb, double number) {
  const double magnitude = std::fabs(number);
  std::string digits;
  if ((verb.mode == 'g' || verb.mode == 'G') && verb.precision < 0) {
    digits = shortest_general(magnitude, verb.mode == 'G');
  } else {
    const std::string spec = std::string("%.*") + verb.mode;
    const int precision = verb.precision < 0 ? 6 : verb.precision;
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, spec.c_str(), precision, magnitude);
    digits = buffer;
  }
  return pad_number(verb, std::signbit(number) && number != 0, digits);
}

std::string format_one(const Verb& verb, const Value& value) {
  const std::string where = "\"" + verb.raw + "\" at " + std::to_string(verb.offset);
  if (verb.mode != 'v' && value.is_null())
    fail("unsupported value for " + where + ": null value cannot be formatted");
  switch (verb.mode) {
    case 'v': {
      if (!verb.sharp && value.is_string()) return pad(verb, value.text());
      if (!verb.sharp && value.is_number()) {
        Verb general = verb;
        general.mode = 'g';
        general.precision = -1;
        general.plus = general.space = false;
        return format_float(general, value.as_number());
      }
      std::string json;
      append_json(json, value);
      return pad(verb, json);
    }
    case 't': {
      auto flag = to_bool(value);
      if (!flag) fail("unsupported value for " + where + ": a bool is required");
      return *flag ? "true" : "false";
    }
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
      auto number = to_number(value);
      if (!number) fail("unsupported value for " + where + ": a number is required");
      return std::string("bdoxX").find(verb.mode) != std::string::npos
                 ? format_integer(verb, *number)
                 : format_float(verb, *number);
    }
    case 's':
    case 'q': {
      auto text = to_string(value);
      if (!text) fail("unsupported value for " + where + ": a string is required");
      if (verb.precision >= 0) {
        const auto characters = utf8_characters(*text);
        if (characters.size() > static_cast<std::size_t>(verb.precision))
          text = text->substr(
              0, static_cast<std::size_t>(
                     characters[static_cast<std::size_t>(verb.precision)].data() - text->data()));
      }
      if (verb.mode == 's') return pad(verb, *text);
      std::string quoted;
      append_go_json_string(quoted, *text);
      return pad(verb, quoted);
    }
    default:
      fail("unsupported format verb '" + std::string(1, verb.mode) + "' in " + where);
  }
}

int read_decimal(std::string_view spec, std::size_t& pos) {
  int number = 0;
  while (pos < spec.size() && spec[pos] >= '0' && spec[pos] <= '9') {
    number = std::min(number * 10 + (spec[pos] - '0'), 1'000'000);
    ++pos;
  }
  return number;
}

// Parses the verb starting at spec[pos] == '%' and leaves pos after it.
Verb parse_verb(std::string_view spec, std::size_t& pos, std::size_t& next_arg) {
  Verb verb;
  verb.offset = pos;
  const std::size_t start = pos++;
  for (; pos < spec.size(); ++pos) {
    const char c = spec[pos];
    if (c == ' ')
      verb.space = true;
    else if (c == '+')
      verb.plus = true;
    else if (c == '-')
      verb.minus = true;
    else if (c == '0')
      verb.zero = true;
    else if (c == '#')
      verb.sharp = true;
    else
      break;
  }
  if (pos < spec.size() && spec[pos] == '[') {
    const std::size_t digits = ++pos;
    const int index = read_decimal(spec, pos);
    if (pos == digits || pos >= spec.size() || spec[pos] != ']' || index == 0)
      fail("invalid argument index in format string at offset " + std::to_string(start));
    ++pos;
    next_arg = static_cast<std::size_t>(index);
  }
  if (pos < spec.size() && spec[pos] >= '1' && spec[pos] <= '9')
    verb.width = read_decimal(spec, pos);
  if (pos < spec.size() && spec[pos] == '.') {
    const std::size_t digits = ++pos;
    verb.precision = read_decimal(spec, pos);
    if (pos == digits)
      fail("missing precision after '.' in format string at offset " + std::to_string(start));
  }
  if (pos >= spec.size()) fail("unterminated format verb at offset " + std::to_string(start));
  verb.mode = spec[pos];
  pos += utf8_char_length(spec, pos);
  verb.raw = std::string(spec.substr(start, pos - start));
  verb.arg_number = next_arg++;
  return verb;
}

std::string format_values(std::string_view spec, const std::vector<Value>& args) {
  std::string out;
  std::size_t next_arg = 1;
  std::size_t highest_used = 0;
  for (std::size_t pos = 0; pos < spec.size();) {
    if (spec[pos] != '%') {
      out += spec[pos++];
      continue;
    }
    if (pos + 1 < spec.size() && spec[pos + 1] == '%') {
      out += '%';
      pos += 2;
      continue;
    }
    const Verb verb = parse_verb(spec, pos, next_arg);
    if (verb.arg_number > args.size())
      fail("not enough arguments for \"" + verb.raw + "\" at " + std::to_string(verb.offset) +
           ": need index " + std::to_string(verb.arg_number) + " but have " +
           std::to_string(args.size()) + " total");
    highest_used = std::max(highest_used, verb.arg_number);
    out += format_one(verb, args[verb.arg_number - 1]);
  }
  if (highest_used < args.size()) {
    if (highest_used == 0) fail("too many arguments; no verbs in format string");
    fail("too many arguments; only " + std::to_string(highest_used) + " used by format string");
  }
  return out;
}

Value format(FunctionCall& call) {
  const std::string spec = expect_string(call, 0);
  const std::vector<Value> values(call.args.begin() + 1, call.args.end());
  return Value::string(format_values(spec, values));
}

// formatlist: list arguments are walked together (they must have one length); every other
// argument is repeated. Unknowns stay per element where the lists are known.
Value formatlist(FunctionCall& call) {
  if (!arg(call, 0).is_fully_known()) return Value::unknown("depends on an unknown value");
  const std::string spec = expect_string(call, 0);
  long length = -1;
  std::size_t length_from = 0;
  for (std::size_t i = 1; i < call.args.size(); ++i) {
    const Value& a = arg(call, i);
    if (a.is_unknown()) return Value::unknown("depends on an unknown value");
    if (!a.is_list()) continue;
    const long size = static_cast<long>(a.items().size());
    if (length < 0) {
      length = size;
      length_from = i;
    } else if (size != length) {
      fail(argument_label(i) + " has length " + std::to_string(size) +
           ", which is inconsistent with " + argument_label(length_from) + " of length " +
           std::to_string(length));
    }
  }
  if (length < 0) length = 1;  // no lists: one result from the values as they are
  Value::List results;
  for (long row = 0; row < length; ++row) {
    std::vector<Value> values;
    bool known = true;
    for (std::size_t i = 1; i < call.args.size(); ++i) {
      const Value& a = arg(call, i);
      values.push_back(a.is_list() ? a.items()[static_cast<std::size_t>(row)] : a);
      known = known && values.back().is_fully_known();
    }
    results.push_back(known ? Value::string(format_values(spec, values))
                            : Value::unknown("depends on an unknown value"));
  }
  return Value::list(std::move(results));
}

}  // namespace

std::vector<FunctionSpec> format_functions() {
  return {
      {"format", format, 1, -1, false},
      {"formatlist", formatlist, 1, -1, true},
  };
}

}  // namespace iacscan::detail::tf
