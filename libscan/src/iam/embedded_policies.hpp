// Where policies live inside resources: the CloudFormation properties and Terraform arguments
// that hold a policy document, and which kind of policy each is. Rules find every policy of a
// resource here, whatever format declared it; standalone policy files (policy_file.hpp) are
// pseudo-resources with a Document attribute, so they are found the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/resource.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {

struct EmbeddedPolicy {
  PolicyType type = PolicyType::identity;
  std::string attribute;            // where it sits, e.g. "Policies[1].PolicyDocument"
  const Value* document = nullptr;  // inside the resource's attributes
  // The service supplies the Resource (an ECR repository policy is about its repository), so
  // statements leave it out.
  bool resource_implied = false;
};

// Every policy document of a resource, in the table's order then list order. Documents whose
// attribute is absent are left out; unknown or malformed ones are included (read_policy says
// what they are). An Organizations policy of another kind (tag, backup) or of an unknown kind
// is left out.
std::vector<EmbeddedPolicy> find_policies(const Resource& resource);

// Whether resources of this native type can hold a policy (a quick filter).
bool may_hold_policies(std::string_view native_type);

// The native types find_policies knows, sorted (documentation and tests).
std::vector<std::string_view> policy_holding_types();

}  // namespace iacscan::detail::iam
