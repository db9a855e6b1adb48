// Terraform plan JSON (`terraform show -json plan.out`): detection, and the planned managed
// resources as Resources. A plan's values are fully evaluated by Terraform itself, so they
// need no expression evaluation; what they lack (values known only after apply) comes from
// resource_changes[].change.after_unknown, and the references between resources from the
// configuration snapshot the plan carries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/loaded_file.hpp"
#include "source/source_file.hpp"
#include "value/value.hpp"

namespace iacscan::detail::tf {

// A JSON object with "format_version", "terraform_version" and at least one of
// "planned_values", "resource_changes" or "configuration". State files (`terraform show
// -json` without a plan) have no format of their own to tell apart and are not plans.
bool looks_like_terraform_plan(const Value& root);

// One Resource per managed resource instance in planned_values (root module and child
// modules, depth first), in the plan's order. `root` is the plan as read by read_json from
// `file`. Spans point into the plan file; map_plan_to_sources (plan_source_map.hpp) moves them
// to the .tf sources when those are scanned too. Shapes Terraform would not write (missing
// fields, wrong types) are skipped, never fatal.
LoadedFile load_terraform_plan(const SourceFile& file, const Value& root);

// The dot-separated steps of an absolute address as Terraform prints it, each with its
// instance key: `module.vpc["a.b"].aws_vpc.this[0]` -> `module`, `vpc["a.b"]`, `aws_vpc`,
// `this[0]`. Dots and brackets inside quoted keys do not split.
std::vector<std::string_view> address_steps(std::string_view address);

// The address with every instance key removed: `module.vpc["a"].aws_vpc.this[0]` ->
// `module.vpc.aws_vpc.this`, the address of the configuration block the instance comes from.
std::string without_instance_keys(std::string_view address);

}  // namespace iacscan::detail::tf
