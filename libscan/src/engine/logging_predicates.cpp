#include "engine/logging_predicates.hpp"

#include <optional>
#include <vector>

#include "engine/attribute_path.hpp"

namespace iacscan::detail::predicates {
namespace {

constexpr std::string_view kDeploymentKind = "aws.apigateway.deployment";

Outcome truth_only(Truth truth) {
  Outcome o;
  o.truth = truth;
  return o;
}

// Decides on the entry that holds the setting; null when `entry` holds another key.
std::optional<Outcome> judge_entry(const Value& entry, const std::string& key, bool& unknown) {
  if (entry.is_unknown()) {
    unknown = true;
    return std::nullopt;
  }
  const Value* name = entry.find("key");
  if (name == nullptr) return std::nullopt;
  if (name->is_unknown()) {
    unknown = true;
    return std::nullopt;
  }
  if (!name->is_string() || name->text() != key) return std::nullopt;
  const Value* value = entry.find("value");
  if (value != nullptr && value->is_unknown()) return truth_only(Truth::unknown);
  if (value != nullptr && loosely_equal(*value, Value::boolean(true)))
    return truth_only(Truth::false_);
  Outcome off = truth_only(Truth::true_);
  off.witness = value;
  off.detail = value != nullptr ? value->to_display_string() : "no value";
  return off;
}

}  // namespace

Outcome keyed_setting_off(const PredicateInput& input) {
  const Value* attribute = input.arguments.find("attribute");
  const Value* key = input.arguments.find("key");
  const std::vector<const Value*> lists = resolve_all(input.subject, split_path(attribute->text()));
  bool unknown = false;
  for (const Value* list : lists) {
    if (list->is_unknown()) {
      unknown = true;
      continue;
    }
    if (!list->is_list()) {
      if (auto decided = judge_entry(*list, key->text(), unknown)) return *decided;
      continue;
    }
    for (const Value& entry : list->items()) {
      if (auto decided = judge_entry(entry, key->text(), unknown)) return *decided;
    }
  }
  if (unknown) return truth_only(Truth::unknown);
  Outcome off = truth_only(Truth::true_);
  off.detail = "not set";
  return off;
}

std::string keyed_setting_off_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "attribute" && e.key != "key") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_string() || e.value.text().empty())
      return e.key + " must be a non-empty string";
  }
  if (!arguments.find("attribute")) return "needs attribute: the canonical key/value list";
  if (!arguments.find("key")) return "needs key: the setting's name";
  return "";
}

Outcome elb_gateway(const PredicateInput& input) {
  const Value* type = input.subject.find("load_balancer_type");
  if (type == nullptr || type->is_null()) return truth_only(Truth::false_);
  if (type->is_unknown()) return truth_only(Truth::unknown);
  return truth_only(truth_of(type->is_string() && type->text() == "gateway"));
}

Outcome apigw_deployment_without_stage(const PredicateInput& input) {
  if (input.resource.kind != kDeploymentKind) return truth_only(Truth::false_);
  const Value* name = input.subject.find("stage_name");
  if (name == nullptr || name->is_null()) return truth_only(Truth::true_);
  if (name->is_unknown()) return truth_only(Truth::unknown);
  return truth_only(truth_of(name->is_string() && name->text().empty()));
}

}  // namespace iacscan::detail::predicates
