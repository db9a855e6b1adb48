// Generated SAM execution roles. Follows samtranslator's role_constructor.py: Policies entries
// are classified one by one; inline documents and policy templates become inline policies
// named "<Role>Policy<index>", managed policies are de-duplicated ARNs.
#include "cloudformation/serverless_role.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "cloudformation/sam_policy_templates.hpp"

namespace iacscan::detail {
namespace {

Value text(std::string_view s, const Span& span) {
  return Value::string(std::string(s), span);
}

// A string with another value's place and provenance.
Value retexted(const Value& original, std::string replacement) {
  Value v = Value::string(std::move(replacement), original.span);
  v.refs = original.refs;
  v.origin = original.origin;
  return v;
}

Value trust_policy(std::string_view service, const Span& span) {
  Value principal = Value::map({}, span);
  principal.set("Service", Value::list({text(service, span)}, span));
  Value statement = Value::map({}, span);
  statement.set("Action", Value::list({text("sts:AssumeRole", span)}, span));
  statement.set("Effect", text("Allow", span));
  statement.set("Principal", std::move(principal));
  Value document = Value::map({}, span);
  document.set("Version", text("2012-10-17", span));
  document.set("Statement", Value::list({std::move(statement)}, span));
  return document;
}

// AWS managed policies that live under the /service-role/ path, as SAM's bundled managed
// policy map resolves them.
bool is_service_role_policy(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kServiceRolePolicies = {
      "AWSLambdaBasicExecutionRole",    "AWSLambdaVPCAccessExecutionRole",
      "AWSLambdaKinesisExecutionRole",  "AWSLambdaDynamoDBExecutionRole",
      "AWSLambdaSQSQueueExecutionRole", "AWSLambdaRole"};
  return std::find(kServiceRolePolicies.begin(), kServiceRolePolicies.end(), name) !=
         kServiceRolePolicies.end();
}

struct RoleParts {
  std::string role_address;
  Value::List managed;
  Value::List inline_policies;
  const Value* unknown_policies = nullptr;  // Policies as a whole could not be evaluated
};

void add_managed(RoleParts& parts, Value arn) {
  // SAM de-duplicates, e.g. a Policies entry naming AWSLambdaBasicExecutionRole again.
  if (arn.is_string()) {
    for (const Value& existing : parts.managed) {
      if (existing.is_string() && existing.text() == arn.text()) return;
    }
  }
  parts.managed.push_back(std::move(arn));
}

Value named_policy(std::string name, Value document, const Span& span) {
  Value policy = Value::map({}, span);
  policy.set("PolicyName", Value::string(std::move(name), span));
  policy.set("PolicyDocument", std::move(document));
  return policy;
}

Value template_document(const Value::Entry& call, const Span& span) {
  if (auto document = expand_policy_template(call.key, call.value, span)) return *document;
  return Value::unknown("SAM policy template " + call.key + " is not expanded by iacscan", span);
}

// One Policies entry, classified as samtranslator's resource_policies.py does: strings and
// intrinsics (now evaluated, so unknown) are managed policies, maps with Statement are policy
// documents, other single-key maps are policy templates.
void add_policy_entry(RoleParts& parts, const Value& entry, std::size_t index) {
  if (entry.is_null()) return;
  if (entry.is_string()) {
    add_managed(parts, retexted(entry, managed_policy_arn(entry.text())));
    return;
  }
  if (entry.is_unknown()) {
    add_managed(parts, entry);
    return;
  }
  const std::string name = parts.role_address + "Policy" + std::to_string(index);
  Value document;
  if (entry.is_map() && entry.find("Statement") != nullptr) {
    document = entry;
  } else if (entry.is_map() && entry.entries().size() == 1) {
    document = template_document(entry.entries().front(), entry.span);
  } else {
    document = Value::unknown(
        "Policies entry is neither a managed policy, a policy document nor a policy template",
        entry.span);
  }
  parts.inline_policies.push_back(named_policy(name, std::move(document), entry.span));
}

// SAM accepts Policies as one entry or a list of them.
void add_policies(RoleParts& parts, const Value* policies) {
  if (policies == nullptr || policies->is_null()) return;
  if (policies->is_unknown()) {
    parts.unknown_policies = policies;
    return;
  }
  if (!policies->is_list()) {
    add_policy_entry(parts, *policies, 0);
    return;
  }
  for (std::size_t i = 0; i < policies->items().size(); ++i)
    add_policy_entry(parts, policies->items()[i], i);
}

void copy_if_set(const Value& from, std::string_view key, Value& to, std::string to_key) {
  const Value* v = from.find(key);
  if (v != nullptr && !v->is_null()) to.set(std::move(to_key), *v);
}

Value role_attributes(const Resource& owner, const ExecutionRoleSpec& spec, RoleParts parts) {
  const Span& span = owner.span;
  Value attributes = Value::map({}, span);
  const Value* trust = owner.attributes.find("AssumeRolePolicyDocument");
  attributes.set("AssumeRolePolicyDocument",
                 trust != nullptr ? *trust : trust_policy(spec.service, span));
  if (parts.unknown_policies != nullptr) parts.managed.push_back(*parts.unknown_policies);
  attributes.set("ManagedPolicyArns", Value::list(std::move(parts.managed), span));
  if (parts.unknown_policies != nullptr) {
    attributes.set("Policies", *parts.unknown_policies);
  } else if (!parts.inline_policies.empty()) {
    attributes.set("Policies", Value::list(std::move(parts.inline_policies), span));
  }
  copy_if_set(owner.attributes, "PermissionsBoundary", attributes, "PermissionsBoundary");
  copy_if_set(owner.attributes, "RolePath", attributes, "Path");
  return attributes;
}

}  // namespace

std::string managed_policy_arn(std::string_view name_or_arn) {
  if (name_or_arn.substr(0, 4) == "arn:") return std::string(name_or_arn);
  std::string arn = "arn:aws:iam::aws:policy/";
  if (is_service_role_policy(name_or_arn)) arn += "service-role/";
  return arn.append(name_or_arn);
}

Value execution_role_arn(const Resource& owner) {
  const std::string role = owner.address + "Role";
  Value arn = Value::unknown("ARN of role " + role + ", which SAM generates", owner.span);
  arn.refs.push_back(role);
  return arn;
}

Resource make_execution_role(const Resource& owner, ExecutionRoleSpec spec) {
  Resource role;
  role.format = owner.format;
  role.scope = owner.scope;
  role.native_type = "AWS::IAM::Role";
  role.address = owner.address + "Role";
  role.span = owner.span;
  role.name_span = owner.name_span;
  // Findings on the role point at the owner, so the owner's skips cover it too.
  role.skips = owner.skips;
  RoleParts parts{role.address, {}, std::move(spec.inline_policies), nullptr};
  for (Value& arn : spec.managed_policy_arns) add_managed(parts, std::move(arn));
  add_policies(parts, owner.attributes.find("Policies"));
  role.attributes = role_attributes(owner, spec, std::move(parts));
  return role;
}

}  // namespace iacscan::detail
