// AWS Organizations AI services opt-out policies. Not IAM syntax: the management-policy
// syntax of Organizations, `{"services": {"<service>": {"opt_out_policy": {"@@assign":
// "optOut"}}}}`, with inheritance operators (@@assign, @@append, @@remove) and child-control
// operators (@@operators_allowed_for_child_policies). Values are case-sensitive: "OptOut"
// does nothing. Reference: AWS Organizations User Guide, "AI services opt-out policy syntax
// and examples" and "Policy syntax and inheritance for management policy types".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iam/policy_issue.hpp"
#include "value/value.hpp"

namespace iacscan::detail::iam {

// One service's entry ("default" stands for every AI service, present and future).
struct AiOptOutSetting {
  std::string service;
  Span service_span;
  bool has_assign = false;
  std::string assigned;  // the @@assign value as written ("optOut")
  Span assigned_span;
  bool assigned_unknown = false;
  // @@operators_allowed_for_child_policies of the service's opt_out_policy, or of the service
  // entry when the policy sets it one level up; empty when not set (children may do anything).
  std::vector<std::string> child_operators;
  bool child_operators_unknown = false;
  // True when child policies can change nothing ("@@none").
  bool locked() const;
};

struct AiOptOutPolicy {
  Span span;
  bool unknown = false;  // the document (or its services element) is unknown
  std::vector<AiOptOutSetting> services;
  // Every problem found: IAM syntax used by mistake, values that are not exactly optOut /
  // optIn, unknown service keys and operators, a size above AWS's limit.
  PolicyIssues issues;
  // Bytes as AWS Organizations counts them for a document saved through the API (as
  // written: the text, or the compact serialisation of a structure; document_size.hpp);
  // empty when unknown.
  std::optional<std::size_t> size;

  const AiOptOutSetting* find(std::string_view service) const;
};

// AWS's limit on an AI services opt-out policy document (Organizations quotas).
inline constexpr std::size_t kAiOptOutMaxSize = 2500;

// Reads a map, or a string holding JSON (positions mapped as read_policy maps them).
AiOptOutPolicy read_ai_opt_out_policy(const Value& document);

// The service keys AWS documents for AI opt-out policies, sorted (data, ai_opt_out_services.cpp).
const std::vector<std::string_view>& ai_opt_out_service_keys();

}  // namespace iacscan::detail::iam
