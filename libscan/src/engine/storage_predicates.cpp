#include "engine/storage_predicates.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

namespace iacscan::detail::predicates {

Outcome native_type_in(const PredicateInput& input) {
  Outcome o;
  const Value* types = input.arguments.find("in");
  const bool listed =
      types && std::any_of(types->items().begin(), types->items().end(), [&](const Value& t) {
        return t.is_string() && t.text() == input.resource.native_type;
      });
  o.truth = listed ? Truth::true_ : Truth::false_;
  return o;
}

namespace {

// Whether one setting allows automatic rotation: absent (the default) or equal to `allowed`
// (empty: no value does). A known value that differs rules rotation out; an unknown one leaves
// it open.
Truth allows_rotation(const Value& subject, std::string_view attribute, std::string_view allowed) {
  const Value* v = subject.find(attribute);
  if (v == nullptr || v->is_null()) return Truth::true_;
  if (v->is_unknown()) return Truth::unknown;
  if (allowed.empty()) return Truth::false_;  // any value rules rotation out
  return truth_of(v->is_string() && v->text() == allowed);
}

}  // namespace

Outcome kms_key_rotatable(const PredicateInput& input) {
  Outcome o;
  o.truth = Truth::true_;
  const std::pair<std::string_view, std::string_view> settings[] = {
      {"key_spec", "SYMMETRIC_DEFAULT"}, {"origin", "AWS_KMS"}, {"custom_key_store", ""}};
  for (const auto& [attribute, allowed] : settings) {
    const Truth t = allows_rotation(input.subject, attribute, allowed);
    if (t == Truth::false_) {
      o.truth = Truth::false_;
      return o;
    }
    if (t == Truth::unknown && o.truth == Truth::true_) {
      o.truth = Truth::unknown;
      o.attribute = std::string(attribute);
      o.detail = "whether the key can rotate depends on \"" + std::string(attribute) +
                 "\", which is unknown";
    }
  }
  return o;
}

std::string native_type_in_arguments(const Value& arguments) {
  const Value* types = arguments.find("in");
  if (!types) return "missing argument \"in\" (a list of native types)";
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "in") return "unknown argument \"" + e.key + "\"";
  }
  if (!types->is_list() || types->items().empty()) return "in must be a non-empty list";
  for (const Value& t : types->items()) {
    if (!t.is_string() || t.text().empty()) return "in must list native type names";
  }
  return "";
}

}  // namespace iacscan::detail::predicates
