// Terraform value semantics shared by the evaluator and the built-in functions.
#include "terraform/value_ops.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace iacscan::detail::tf {
namespace {

constexpr std::string_view kErrorPrefix = "error: ";

Value keep_context(Value converted, const Value& from) {
  converted.span = from.span;
  converted.refs = from.refs;
  converted.origin = from.origin;
  return converted;
}

}  // namespace

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[400];
  if (value == std::floor(value) && std::fabs(value) < 1e21) {
    // Whole numbers in full, as Terraform prints them ("1000000000000000000", not "1e+18").
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (ec == std::errc()) return std::string(buffer, end);
  }
  // Terraform computes with arbitrary precision, so 0.1 + 0.2 prints as 0.3; doubles carry
  // 15 significant digits faithfully, and that is what is printed.
  auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
  if (ec != std::errc()) return "0";
  return std::string(buffer, end);
}

Value make_number(double value, Span span) {
  return Value::number(value, format_number(value), span);
}

Value error_value(std::string message, Span span) {
  std::string reason(kErrorPrefix);
  reason += message;
  return Value::unknown(std::move(reason), span);
}

bool is_error(const Value& value) noexcept {
  return value.is_unknown() && value.text().compare(0, kErrorPrefix.size(), kErrorPrefix) == 0;
}

bool contains_error(const Value& value) noexcept {
  if (is_error(value)) return true;
  for (const Value& item : value.items())
    if (contains_error(item)) return true;
  for (const Value::Entry& e : value.entries())
    if (contains_error(e.value)) return true;
  return false;
}

std::optional<std::string> to_string(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::string:
      return value.text();
    case Value::Kind::number:
      return format_number(value.as_number());
    case Value::Kind::boolean:
      return std::string(value.as_bool() ? "true" : "false");
    default:
      return std::nullopt;
  }
}

std::optional<double> to_number(const Value& value) {
  if (value.is_number()) return value.as_number();
  if (!value.is_string()) return std::nullopt;
  std::string_view text = value.text();
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double parsed = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return parsed;
}

std::optional<bool> to_bool(const Value& value) {
  if (value.is_bool()) return value.as_bool();
  if (value.is_string()) {
    if (value.text() == "true") return true;
    if (value.text() == "false") return false;
  }
  return std::nullopt;
}

Value convert_to_string(const Value& value) {
  if (value.is_unknown() || value.is_null() || value.is_string()) return value;
  if (auto text = to_string(value)) return keep_context(Value::string(*text), value);
  return error_value("cannot convert " + std::string(type_name(value)) + " to string", value.span);
}

Value convert_to_number(const Value& value) {
  if (value.is_unknown() || value.is_null() || value.is_number()) return value;
  if (auto number = to_number(value)) {
    // A numeric string keeps its text, so "010" still prints as written.
    Value converted = Value::number(*number, value.text());
    return keep_context(std::move(converted), value);
  }
  return error_value("cannot convert \"" + value.to_display_string() + "\" to number", value.span);
}

Value convert_to_bool(const Value& value) {
  if (value.is_unknown() || value.is_null() || value.is_bool()) return value;
  if (auto flag = to_bool(value)) return keep_context(Value::boolean(*flag), value);
  return error_value("cannot convert \"" + value.to_display_string() + "\" to bool", value.span);
}

std::optional<bool> values_equal(const Value& a, const Value& b) {
  if (!a.is_fully_known() || !b.is_fully_known()) return std::nullopt;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::null:
      return true;
    case Value::Kind::boolean:
      return a.as_bool() == b.as_bool();
    case Value::Kind::number:
      return a.as_number() == b.as_number();
    case Value::Kind::string:
      return a.text() == b.text();
    case Value::Kind::list: {
      if (a.items().size() != b.items().size()) return false;
      for (std::size_t i = 0; i < a.items().size(); ++i)
        if (!*values_equal(a.items()[i], b.items()[i])) return false;
      return true;
    }
    case Value::Kind::map: {
      if (a.entries().size() != b.entries().size()) return false;
      for (const Value::Entry& e : a.entries()) {
        const Value* other = b.find(e.key);
        if (!other || !*values_equal(e.value, *other)) return false;
      }
      return true;
    }
    case Value::Kind::unknown:
      return std::nullopt;
  }
  return std::nullopt;
}

Value::List make_set(Value::List items) {
  Value::List unique;
  for (Value& item : items) {
    bool seen = std::any_of(unique.begin(), unique.end(), [&](const Value& u) {
      auto same = values_equal(u, item);
      return same && *same;
    });
    if (!seen) unique.push_back(std::move(item));
  }
  const bool all_strings =
      std::all_of(unique.begin(), unique.end(), [](const Value& v) { return v.is_string(); });
  const bool all_numbers =
      std::all_of(unique.begin(), unique.end(), [](const Value& v) { return v.is_number(); });
  if (all_strings) {
    std::stable_sort(unique.begin(), unique.end(),
                     [](const Value& x, const Value& y) { return x.text() < y.text(); });
  } else if (all_numbers) {
    std::stable_sort(unique.begin(), unique.end(),
                     [](const Value& x, const Value& y) { return x.as_number() < y.as_number(); });
  }
  return unique;
}

std::vector<std::string> merge_refs(const std::vector<const Value*>& values) {
  std::vector<std::string> refs;
  for (const Value* v : values)
    if (v) refs.insert(refs.end(), v->refs.begin(), v->refs.end());
  std::sort(refs.begin(), refs.end());
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
  return refs;
}

void add_refs(Value& target, const Value& source) {
  if (source.refs.empty()) return;
  target.refs = merge_refs({&target, &source});
}

std::string_view type_name(const Value& value) noexcept {
  switch (value.kind()) {
    case Value::Kind::null:
      return "null";
    case Value::Kind::boolean:
      return "bool";
    case Value::Kind::number:
      return "number";
    case Value::Kind::string:
      return "string";
    case Value::Kind::list:
      return "list";
    case Value::Kind::map:
      return "map";
    case Value::Kind::unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace iacscan::detail::tf
