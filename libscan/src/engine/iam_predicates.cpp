#include "engine/iam_predicates.hpp"

#include <algorithm>
#include <initializer_list>
#include <vector>

#include "engine/predicate_support.hpp"
#include "iacscan/options.hpp"
#include "iam/action_catalog.hpp"
#include "iam/admin_access.hpp"
#include "iam/ai_opt_out.hpp"
#include "iam/embedded_policies.hpp"
#include "iam/policy.hpp"
#include "iam/policy_validator.hpp"
#include "iam/privilege_escalation.hpp"
#include "iam/public_principal.hpp"
#include "iam/scp_size.hpp"
#include "iam/scp_validator.hpp"

namespace iacscan::detail::predicates {
namespace {

using iam::AnalysisHit;
using iam::PolicyType;

Outcome unknown_outcome(std::string attribute, const Span& span) {
  return undecided(std::move(attribute), span, "unknown");
}

bool is_one_of(PolicyType type, std::initializer_list<PolicyType> types) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

// Runs `analyse` on every policy of the resource whose type is one of `types`. The first True
// hit decides (the finding points at its statement); else Unknown if any hit or policy was
// unknown. Malformed documents are left to iam-policy-invalid.
template <typename Analyse>
Outcome over_policies(const PredicateInput& input, std::initializer_list<PolicyType> types,
                      Analyse&& analyse) {
  Outcome undecided;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(input.resource)) {
    if (!is_one_of(embedded.type, types)) continue;
    const iam::Policy policy = iam::read_policy(*embedded.document);
    if (policy.malformed) continue;
    if (policy.unknown) {
      if (undecided.truth != Truth::unknown)
        undecided = unknown_outcome(embedded.attribute, embedded.document->span);
      continue;
    }
    const std::vector<AnalysisHit> hits = analyse(policy, embedded.type);
    for (const AnalysisHit& hit : hits) {
      const Span& span = hit.span.valid() ? hit.span : embedded.document->span;
      if (hit.truth == Truth::true_) return found(embedded.attribute, span, hit.detail);
      if (undecided.truth != Truth::unknown) undecided = unknown_outcome(embedded.attribute, span);
    }
  }
  return undecided;
}

const iam::ActionCatalog& catalog() {
  return iam::ActionCatalog::builtin();
}

constexpr std::initializer_list<PolicyType> kIdentity = {PolicyType::identity};

// AI opt-out predicates share the reading; `judge` says what is wrong with one policy.
template <typename Judge>
Outcome over_opt_out_policies(const PredicateInput& input, Judge&& judge) {
  Outcome undecided;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(input.resource)) {
    if (embedded.type != PolicyType::ai_opt_out) continue;
    const iam::AiOptOutPolicy policy = iam::read_ai_opt_out_policy(*embedded.document);
    Outcome o = judge(policy, embedded);
    if (o.truth == Truth::true_) return o;
    if (o.truth == Truth::unknown) undecided = std::move(o);
  }
  return undecided;
}

}  // namespace

Outcome iam_full_admin(const PredicateInput& input) {
  return over_policies(input, kIdentity, [](const iam::Policy& p, PolicyType) {
    return iam::find_full_admin(p, catalog());
  });
}

Outcome iam_service_wildcard(const PredicateInput& input) {
  return over_policies(input, kIdentity, [](const iam::Policy& p, PolicyType) {
    return iam::find_service_wide_admin(p);
  });
}

Outcome iam_not_action_allow(const PredicateInput& input) {
  return over_policies(input, kIdentity, [](const iam::Policy& p, PolicyType) {
    std::vector<AnalysisHit> hits = iam::find_not_action_allows(p);
    std::vector<AnalysisHit> more = iam::find_not_resource_allows(p);
    hits.insert(hits.end(), more.begin(), more.end());
    std::stable_sort(hits.begin(), hits.end(), [](const AnalysisHit& a, const AnalysisHit& b) {
      return a.statement_index < b.statement_index;
    });
    return hits;
  });
}

Outcome iam_pass_role_on_all(const PredicateInput& input) {
  return over_policies(input, kIdentity, [](const iam::Policy& p, PolicyType) {
    return iam::find_pass_role_on_all(p, catalog());
  });
}

Outcome iam_list_all_my_buckets(const PredicateInput& input) {
  return over_policies(input, kIdentity, [](const iam::Policy& p, PolicyType) {
    return iam::find_list_all_buckets(p, catalog());
  });
}

Outcome iam_privilege_escalation(const PredicateInput& input) {
  static const iam::EscalationAnalyzer analyzer(catalog());
  return over_policies(input, kIdentity, [](const iam::Policy& p, PolicyType) {
    std::vector<AnalysisHit> hits;
    for (const iam::EscalationHit& e : analyzer.analyze(p)) {
      AnalysisHit hit;
      hit.statement_index = e.statement_index;
      hit.span = e.span;
      hit.truth = e.truth;
      hit.detail = std::string(e.path->id) + ": " + std::string(e.path->description);
      hits.push_back(std::move(hit));
    }
    return hits;
  });
}

Outcome iam_public_principal(const PredicateInput& input) {
  // except_types: resources another rule judges (S3 bucket policies have their own).
  if (const Value* except = input.arguments.find("except_types"))
    for (const Value& t : except->items())
      if (t.text() == input.resource.native_type) return Outcome{};
  const Value* type = input.arguments.find("policy_type");
  const PolicyType wanted =
      type != nullptr && type->text() == "trust" ? PolicyType::trust : PolicyType::resource;
  return over_policies(input, {wanted}, [](const iam::Policy& p, PolicyType t) {
    return iam::find_public_principals(p, t);
  });
}

Outcome iam_policy_invalid(const PredicateInput& input) {
  Outcome undecided;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(input.resource)) {
    // SCPs are scp_invalid's (under the configured syntax profile), which runs these same
    // checks: judging them here too would report each mistake twice.
    if (embedded.type == PolicyType::ai_opt_out || embedded.type == PolicyType::scp) continue;
    const iam::Policy policy = iam::read_policy(*embedded.document);
    if (policy.unknown) {  // nothing to validate yet; a value known after apply
      undecided = unknown_outcome(embedded.attribute, embedded.document->span);
      continue;
    }
    if (policy.malformed)
      return found(embedded.attribute,
                   policy.malformed_span.valid() ? policy.malformed_span : embedded.document->span,
                   policy.malformed_reason);
    for (const iam::PolicyIssue& issue : iam::validate_policy(policy, embedded.type, catalog())) {
      // A missing Version matters only when the policy uses variables, which
      // policy-variables-need-version reports; generated documents (SAM policy templates)
      // leave it out and the user cannot add it.
      if (issue.level == iam::IssueLevel::note || issue.code == "missing-version") continue;
      if (issue.code == "missing-resource" && embedded.resource_implied) continue;
      return found(embedded.attribute, issue.span.valid() ? issue.span : embedded.document->span,
                   issue.message);
    }
  }
  return undecided;
}

Outcome ai_opt_out_invalid(const PredicateInput& input) {
  return over_opt_out_policies(input, [](const iam::AiOptOutPolicy& p,
                                         const iam::EmbeddedPolicy& e) {
    if (p.unknown) return unknown_outcome(e.attribute, e.document->span);
    for (const iam::PolicyIssue& issue : p.issues)
      return found(e.attribute, issue.span.valid() ? issue.span : e.document->span, issue.message);
    return Outcome{};
  });
}

Outcome ai_opt_out_default_not_opted_out(const PredicateInput& input) {
  return over_opt_out_policies(input, [](const iam::AiOptOutPolicy& p,
                                         const iam::EmbeddedPolicy& e) {
    if (p.unknown) return unknown_outcome(e.attribute, e.document->span);
    const iam::AiOptOutSetting* setting = p.find("default");
    if (setting == nullptr) return found(e.attribute, e.document->span, "no \"default\" entry");
    if (setting->assigned_unknown) return unknown_outcome(e.attribute, setting->service_span);
    if (setting->assigned == "optOut") return Outcome{};
    return found(e.attribute, setting->has_assign ? setting->assigned_span : setting->service_span,
                 setting->has_assign ? setting->assigned : "no @@assign");
  });
}

Outcome ai_opt_out_default_unlocked(const PredicateInput& input) {
  return over_opt_out_policies(
      input, [](const iam::AiOptOutPolicy& p, const iam::EmbeddedPolicy& e) {
        if (p.unknown) return unknown_outcome(e.attribute, e.document->span);
        const iam::AiOptOutSetting* setting = p.find("default");
        if (setting == nullptr) return Outcome{};  // ai-opt-out-default-not-opted-out says it
        if (setting->child_operators_unknown)
          return unknown_outcome(e.attribute, setting->service_span);
        if (setting->locked()) return Outcome{};
        return found(e.attribute, setting->service_span, "child policies may change the default");
      });
}

namespace {

// The configuration (limits.scp_syntax) wins over the rule's `with: {profile}` unless it keeps
// the default, so a rule written for the legacy profile stays so in an unconfigured scan.
iam::ScpProfile scp_profile(const PredicateInput& input) {
  const Value* profile_name = input.arguments.find("profile");
  const ScanOptions* options = input.context != nullptr ? input.context->options : nullptr;
  if (options != nullptr &&
      (profile_name == nullptr || options->scp_syntax != ScanOptions{}.scp_syntax))
    return options->scp_syntax == "legacy" ? iam::ScpProfile::legacy : iam::ScpProfile::iam2025;
  return profile_name != nullptr ? iam::parse_scp_profile(profile_name->to_display_string())
                                       .value_or(iam::ScpProfile::iam2025)
                                 : iam::ScpProfile::iam2025;
}

}  // namespace

Outcome scp_invalid(const PredicateInput& input) {
  const iam::ScpProfile profile = scp_profile(input);
  Outcome undecided;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(input.resource)) {
    if (embedded.type != PolicyType::scp) continue;
    const iam::Policy policy = iam::read_policy(*embedded.document);
    if (policy.unknown) {
      undecided = unknown_outcome(embedded.attribute, embedded.document->span);
      continue;
    }
    if (policy.malformed)
      return found(embedded.attribute,
                   policy.malformed_span.valid() ? policy.malformed_span : embedded.document->span,
                   policy.malformed_reason);
    for (const iam::PolicyIssue& issue : iam::validate_scp(policy, catalog(), profile)) {
      if (issue.level == iam::IssueLevel::note) continue;
      return found(embedded.attribute, issue.span.valid() ? issue.span : embedded.document->span,
                   issue.message);
    }
  }
  return undecided;
}

Outcome scp_size_limit(const PredicateInput& input) {
  iam::ScpSizeOptions options;
  const Value* limit = input.arguments.find("limit");
  if (limit != nullptr) options.limit = static_cast<std::size_t>(limit->as_number());
  // The configuration (limits.scp_max_chars) wins unless it keeps AWS's default.
  const ScanOptions* scan = input.context != nullptr ? input.context->options : nullptr;
  if (scan != nullptr && (limit == nullptr || scan->scp_max_chars != ScanOptions{}.scp_max_chars))
    options.limit = scan->scp_max_chars;
  if (const Value* near = input.arguments.find("near_percent"))
    options.near_percent = static_cast<unsigned>(near->as_number());
  Outcome undecided;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(input.resource)) {
    if (embedded.type != PolicyType::scp) continue;
    const iam::Policy policy = iam::read_policy(*embedded.document);
    if (policy.malformed) continue;
    const iam::ScpSize size = iam::measure_scp_size(policy, *embedded.document, options);
    for (const iam::PolicyIssue& issue : iam::scp_size_issues(size, embedded.document->span))
      return found(embedded.attribute, issue.span, issue.message);
    if (size.exceeds == Truth::unknown || size.near_limit == Truth::unknown)
      undecided = unknown_outcome(embedded.attribute, embedded.document->span);
  }
  return undecided;
}

std::string scp_invalid_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "profile") return "unknown argument \"" + e.key + "\"";
    if (!iam::parse_scp_profile(e.value.to_display_string()))
      return "profile must be 2025 or legacy";
  }
  return "";
}

std::string scp_size_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "limit" && e.key != "near_percent") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_number() || e.value.as_number() <= 0)
      return e.key + " must be a positive number";
  }
  if (const Value* near = arguments.find("near_percent"); near && near->as_number() > 100)
    return "near_percent must be at most 100";
  return "";
}

std::string no_arguments(const Value& arguments) {
  return arguments.entries().empty() ? "" : "takes no arguments";
}

std::string public_principal_arguments(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key == "except_types") {
      if (!e.value.is_list()) return "except_types must be a list of native types";
      continue;
    }
    if (e.key != "policy_type") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_string() || (e.value.text() != "resource" && e.value.text() != "trust"))
      return "policy_type must be resource or trust";
  }
  return "";
}

}  // namespace iacscan::detail::predicates
