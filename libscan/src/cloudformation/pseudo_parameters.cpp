// Pseudo parameter values: given, derived from the given region, or unknown.
#include "cloudformation/pseudo_parameters.hpp"

#include <array>
#include <optional>
#include <utility>

#include "cloudformation/parameters.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {
namespace {

constexpr std::array<std::string_view, 7> kPseudoParameters = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region",
    "AWS::StackId",   "AWS::StackName",        "AWS::URLSuffix"};

struct Known {
  std::string value;
  std::string note;
};

std::optional<Known> given(const std::string& name, const CloudFormationContext& context) {
  const auto it = context.parameters.find(name);
  if (it == context.parameters.end()) return std::nullopt;
  return Known{it->second.value, "value of parameter \"" + name + "\" " + it->second.source};
}

std::string partition_of(std::string_view region) {
  if (region.starts_with("cn-")) return "aws-cn";
  if (region.starts_with("us-gov-")) return "aws-us-gov";
  if (region.starts_with("us-isob-")) return "aws-iso-b";
  if (region.starts_with("us-iso-")) return "aws-iso";
  return "aws";
}

std::string url_suffix_of(std::string_view partition) {
  if (partition == "aws-cn") return "amazonaws.com.cn";
  if (partition == "aws-iso") return "c2s.ic.gov";
  if (partition == "aws-iso-b") return "sc2s.sgov.gov";
  return "amazonaws.com";
}

std::optional<Known> partition(const CloudFormationContext& context) {
  if (auto known = given("AWS::Partition", context)) return known;
  const auto region = given("AWS::Region", context);
  if (!region) return std::nullopt;
  return Known{partition_of(region->value), "derived from the " + region->note};
}

std::optional<Known> known_value(const std::string& name, const CloudFormationContext& context) {
  if (name == "AWS::Partition") return partition(context);
  if (auto known = given(name, context)) return known;
  if (name != "AWS::URLSuffix") return std::nullopt;
  const auto from = partition(context);
  if (!from) return std::nullopt;
  return Known{url_suffix_of(from->value), "derived from the " + from->note};
}

}  // namespace

bool is_pseudo_parameter(std::string_view name) {
  for (std::string_view pseudo : kPseudoParameters) {
    if (name == pseudo) return true;
  }
  return false;
}

Value pseudo_parameter(const std::string& name, const CloudFormationContext& context,
                       const Span& use) {
  std::optional<Known> known = known_value(name, context);
  if (!known)
    return Value::unknown("pseudo parameter " + name + " is known only at deployment", use);
  // Given values have no place in any scanned file, so the origin carries only the note.
  Value value = name == "AWS::NotificationARNs" ? split_list_parameter(known->value, {})
                                                : Value::string(std::move(known->value));
  give_origin(value, known->note);
  move_to(value, use);
  return value;
}

}  // namespace iacscan::detail
