#include "engine/database_predicates.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "iam/policy.hpp"
#include "iam/public_principal.hpp"

namespace iacscan::detail::predicates {
namespace {

Outcome decided_at(Truth truth, std::string attribute, const Span& span, std::string detail) {
  Outcome o;
  o.truth = truth;
  o.attribute = std::move(attribute);
  o.span = span;
  o.detail = std::move(detail);
  return o;
}

const Span& resource_span(const Resource& r) {
  return r.name_span.valid() ? r.name_span : r.span;
}

// Set to something (known or not). An empty Terraform block list is no block at all.
bool is_set(const Value* v) {
  return v != nullptr && !v->is_null() && !(v->is_list() && v->items().empty());
}

// An unknown value, or a Terraform block list made only of unknown blocks (a dynamic block
// whose for_each is unknown), may turn out to be no block at all.
bool may_be_absent(const Value& v) {
  if (v.is_unknown()) return true;
  if (!v.is_list()) return false;
  return std::all_of(v.items().begin(), v.items().end(),
                     [](const Value& item) { return item.is_unknown(); });
}

bool is_domain_policy_resource(std::string_view native_type) {
  return native_type == "aws_opensearch_domain_policy" ||
         native_type == "aws_elasticsearch_domain_policy";
}

// The domain's access policy analysed for public principals: True at the first statement
// that lets anyone in, else Unknown if one may, else False (no policy, or a malformed one,
// which iam-policy-invalid reports).
Outcome public_access_policy(const Value& domain) {
  const Value* document = domain.find("access_policies");
  if (!is_set(document)) return {};  // no policy: only IAM identities of the account get in
  const iam::Policy policy = iam::read_policy(*document);
  if (policy.malformed) return {};
  if (policy.unknown)
    return decided_at(Truth::unknown, "access_policies", document->span, policy.unknown_reason);
  Outcome undecided;
  for (const iam::AnalysisHit& hit :
       iam::find_public_principals(policy, iam::PolicyType::resource)) {
    const Span& span = hit.span.valid() ? hit.span : document->span;
    if (hit.truth == Truth::true_)
      return decided_at(Truth::true_, "access_policies", span, hit.detail);
    if (undecided.truth != Truth::unknown)
      undecided = decided_at(Truth::unknown, "access_policies", span, hit.detail);
  }
  return undecided;
}

}  // namespace

Outcome rds_public_by_default(const PredicateInput& input) {
  if (input.resource.native_type != "AWS::RDS::DBInstance") return {};
  // Any of these, when set, decides the placement or the setting some other way.
  constexpr std::array<std::string_view, 4> kDeciding = {
      "publicly_accessible", "db_subnet_group_name", "db_cluster_identifier", "replicate_source"};
  const Value* undecided = nullptr;
  std::string_view undecided_name;
  for (std::string_view name : kDeciding) {
    const Value* v = input.subject.find(name);
    if (!is_set(v)) continue;
    if (!v->is_unknown()) return {};
    if (undecided == nullptr) {
      undecided = v;
      undecided_name = name;
    }
  }
  if (undecided != nullptr)
    return decided_at(Truth::unknown, std::string(undecided_name),
                      undecided->span.valid() ? undecided->span : resource_span(input.resource),
                      "");
  return decided_at(Truth::true_, "publicly_accessible", resource_span(input.resource),
                    "PubliclyAccessible and DBSubnetGroupName not set: public in the default VPC");
}

Outcome opensearch_domain_public(const PredicateInput& input) {
  const Value& domain = input.subject;
  Outcome open = public_access_policy(domain);
  if (open.truth == Truth::false_) return open;
  // The policy lets anyone in (or may): the domain's placement decides.
  const Value* vpc = domain.find("vpc_options");
  if (is_set(vpc)) {
    if (!may_be_absent(*vpc)) return {};
    return decided_at(Truth::unknown, "vpc_options",
                      vpc->span.valid() ? vpc->span : resource_span(input.resource), "");
  }
  if (is_domain_policy_resource(input.resource.native_type)) {
    open.truth = Truth::unknown;
    open.detail =
        "the policy lets anyone in, but its domain is not in the scan, so whether "
        "that domain sits in a VPC is unknown";
  }
  return open;
}

}  // namespace iacscan::detail::predicates
