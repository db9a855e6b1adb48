// Value constructors, lookup and display.
#include "value/value.hpp"

#include <algorithm>
#include <utility>

namespace iacscan::detail {

Value Value::null(Span span) {
  Value v;
  v.span = span;
  return v;
}

Value Value::boolean(bool value, Span span) {
  Value v;
  v.kind_ = Kind::boolean;
  v.bool_ = value;
  v.span = span;
  return v;
}

Value Value::number(double value, std::string text, Span span) {
  Value v;
  v.kind_ = Kind::number;
  v.number_ = value;
  v.text_ = std::move(text);
  v.span = span;
  return v;
}

Value Value::string(std::string value, Span span) {
  Value v;
  v.kind_ = Kind::string;
  v.text_ = std::move(value);
  v.span = span;
  return v;
}

Value Value::list(List items, Span span) {
  Value v;
  v.kind_ = Kind::list;
  v.items_ = std::move(items);
  v.span = span;
  return v;
}

Value Value::map(Map entries, Span span) {
  Value v;
  v.kind_ = Kind::map;
  v.entries_ = std::move(entries);
  v.span = span;
  return v;
}

Value Value::unknown(std::string reason, Span span) {
  Value v;
  v.kind_ = Kind::unknown;
  v.text_ = std::move(reason);
  v.span = span;
  return v;
}

bool Value::is_fully_known() const noexcept {
  switch (kind_) {
    case Kind::unknown:
      return false;
    case Kind::list:
      return std::all_of(items_.begin(), items_.end(),
                         [](const Value& v) { return v.is_fully_known(); });
    case Kind::map:
      return std::all_of(entries_.begin(), entries_.end(),
                         [](const Entry& e) { return e.value.is_fully_known(); });
    default:
      return true;
  }
}

const Value* Value::find(std::string_view key) const noexcept {
  if (kind_ != Kind::map) return nullptr;
  for (const Entry& e : entries_) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

Value* Value::find(std::string_view key) noexcept {
  return const_cast<Value*>(std::as_const(*this).find(key));
}

void Value::set(std::string key, Value value, Span key_span) {
  if (Value* existing = find(key)) {
    *existing = std::move(value);
    return;
  }
  entries_.push_back(Entry{std::move(key), key_span, std::move(value)});
}

std::string Value::to_display_string() const {
  switch (kind_) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return bool_ ? "true" : "false";
    case Kind::number:
    case Kind::string:
      return text_;
    case Kind::list:
      return "[...]";
    case Kind::map:
      return "{...}";
    case Kind::unknown:
      return "(unknown)";
  }
  return {};
}

}  // namespace iacscan::detail
