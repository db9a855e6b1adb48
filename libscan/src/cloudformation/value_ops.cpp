// Shared operations on evaluated CloudFormation values.
#include "cloudformation/value_ops.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "cloudformation/dynamic_references.hpp"
#include "value/dynamic_reference.hpp"

namespace iacscan::detail {
namespace {

// Stands for an unknown piece inside a concatenation, so a dynamic reference around it is still
// recognised ("{{resolve:secretsmanager:" + !Ref Secret + "}}").
constexpr char kUnknownPiece = '\x1f';

}  // namespace

bool is_intrinsic(const Value& value, bool in_condition) {
  if (!value.is_map() || value.entries().size() != 1) return false;
  const std::string& key = value.entries().front().key;
  return key == "Ref" || key.starts_with("Fn::") || (in_condition && key == "Condition");
}

void add_ref(std::vector<std::string>& refs, const std::string& name) {
  if (std::find(refs.begin(), refs.end(), name) == refs.end()) refs.push_back(name);
}

void add_refs(std::vector<std::string>& refs, const Value& value) {
  for (const std::string& ref : value.refs) add_ref(refs, ref);
  for (const Value& item : value.items()) add_refs(refs, item);
  for (const Value::Entry& e : value.entries()) add_refs(refs, e.value);
}

Value unknown_from(std::string reason, const Span& use,
                   std::initializer_list<const Value*> inputs) {
  Value out = Value::unknown(std::move(reason), use);
  for (const Value* input : inputs) {
    if (input != nullptr) add_refs(out.refs, *input);
  }
  return out;
}

std::optional<std::string> scalar_text(const Value& value) {
  if (value.is_string() || value.is_number() || value.is_bool()) return value.to_display_string();
  return std::nullopt;
}

void give_origin(Value& value, const std::string& note) {
  if (value.origin == nullptr)
    value.origin = std::make_shared<const Provenance>(Provenance{value.span, note});
  for (Value& item : value.items()) give_origin(item, note);
  for (Value::Entry& e : value.entries()) give_origin(e.value, note);
}

void move_to(Value& value, const Span& use) {
  value.span = use;
  for (Value& item : value.items()) move_to(item, use);
  for (Value::Entry& e : value.entries()) move_to(e.value, use);
}

bool Concatenation::piece(const Value& value, std::string_view label) {
  add_refs(refs_, value);
  if (const std::optional<std::string> text = scalar_text(value)) {
    text_.append(*text);
    return true;
  }
  if (!value.is_unknown()) return false;
  text_.push_back(kUnknownPiece);
  if (is_dynamic_reference(value) && !dynamic_) dynamic_ = value;
  if (unknown_reason_.empty())
    unknown_reason_ = std::string{label} + " is unknown: " + value.text();
  return true;
}

Value Concatenation::finish(const Span& use, std::string_view function) {
  Value out;
  if (std::optional<Value> dynamic = find_dynamic_reference(text_, use)) {
    out = std::move(*dynamic);
  } else if (dynamic_) {  // a piece was a whole dynamic reference of its own
    out = std::move(*dynamic_);
    out.span = use;
  } else if (!unknown_reason_.empty()) {
    out = Value::unknown(std::string{function} + ": " + unknown_reason_, use);
  } else {
    out = Value::string(std::move(text_), use);
  }
  out.refs = std::move(refs_);
  return out;
}

}  // namespace iacscan::detail
