#include "engine/scp_predicates.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/predicate_support.hpp"
#include "iam/action_catalog.hpp"
#include "iam/allowed_actions.hpp"
#include "iam/ascii_case.hpp"
#include "iam/condition_operators.hpp"
#include "iam/embedded_policies.hpp"
#include "iam/policy.hpp"
#include "iam/scp_guardrail.hpp"
#include "iam/wildcard_match.hpp"

namespace iacscan::detail::predicates {
namespace {

using iam::PolicyType;

// The global services of AWS Organizations' example SCP "Deny access to AWS based on the
// requested AWS Region" whose API is served from one region only. The example also exempts
// regional services (KMS, Config, ACM, WAF Regional, ...) and retired ones, for console
// convenience; denying those outside the allowed regions is what a region restriction is for.
// Essential ones are those every account needs (identity, the organization, DNS, support,
// budgets); denying the others may be a choice (no Global Accelerator here), so they are
// named in a finding about the essential ones but never make one alone.
constexpr std::array<GlobalService, 17> kGlobalServices = {{
    {"iam", "us-east-1", true},
    {"organizations", "us-east-1", true},
    {"sts", "us-east-1", true},  // the global endpoint, sts.amazonaws.com
    {"route53", "us-east-1", true},
    {"cloudfront", "us-east-1", true},
    {"support", "us-east-1", true},
    {"budgets", "us-east-1", true},
    {"route53domains", "us-east-1", false},
    {"ce", "us-east-1", false},
    {"cur", "us-east-1", false},
    {"aws-portal", "us-east-1", false},
    {"health", "us-east-1", false},
    {"trustedadvisor", "us-east-1", false},
    {"shield", "us-east-1", false},
    {"waf", "us-east-1", false},
    {"globalaccelerator", "us-west-2", false},
    {"networkmanager", "us-west-2", false},
}};

const iam::ActionCatalog& catalog() {
  return iam::ActionCatalog::builtin();
}

// Runs `judge` on every SCP of the resource. The first True decides; else Unknown if any was.
// Malformed documents are scp-invalid-element's.
template <typename Judge>
Outcome over_scps(const PredicateInput& input, Judge&& judge) {
  Outcome result;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(input.resource)) {
    if (embedded.type != PolicyType::scp) continue;
    const iam::Policy policy = iam::read_policy(*embedded.document);
    if (policy.malformed) continue;
    if (policy.unknown) {
      if (result.truth != Truth::unknown)
        result = undecided(embedded.attribute, embedded.document->span, policy.unknown_reason);
      continue;
    }
    Outcome o = judge(policy, embedded.attribute);
    if (o.truth == Truth::true_) return o;
    if (o.truth == Truth::unknown && result.truth != Truth::unknown) result = std::move(o);
  }
  return result;
}

bool is_wildcard(char c) {
  return c == '*' || c == '?';
}

bool all_wildcards(std::string_view text) {
  return text.find('*') != std::string_view::npos &&
         std::all_of(text.begin(), text.end(), is_wildcard);
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// "role/ops/Admin" of "arn:aws:iam::111122223333:role/ops/Admin": what follows the fifth
// colon; nullopt when the ARN has fewer parts.
std::optional<std::string_view> arn_resource_part(std::string_view arn) {
  std::size_t at = 0;
  for (int colon = 0; colon < 5; ++colon) {
    at = arn.find(':', at);
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
  }
  return arn.substr(at);
}

std::string_view principal_word(std::string_view type) {
  if (type == "role") return "role";
  if (type == "user") return "user";
  if (type == "assumed-role") return "role session";
  if (type == "federated-user") return "federated user";
  return "principal";
}

// Why an exception pattern on aws:PrincipalArn lets too many principals through, or nothing
// when it names them narrowly. A pattern whose principal name starts with a wildcard is as
// weak as one that matches everything: whoever can create a role (or user) picks a name that
// fits. Reserved paths (role/aws-reserved/..., role/aws-service-role/...) start with literal
// text, so they pass.
std::optional<std::string> broad_principal_pattern(std::string_view pattern) {
  if (all_wildcards(pattern)) return "matches every principal";
  std::string_view resource = pattern;
  if (pattern.starts_with("arn:")) {
    const std::optional<std::string_view> part = arn_resource_part(pattern);
    if (!part) {
      // Fewer than six parts: a trailing wildcard part may swallow the rest.
      if (all_wildcards(pattern.substr(pattern.rfind(':') + 1))) return "matches every principal";
      return std::nullopt;
    }
    resource = *part;
  }
  if (resource.empty()) return std::nullopt;
  if (all_wildcards(resource)) return "matches every principal of the accounts it names";
  if (is_wildcard(resource.front()))
    return "starts with a wildcard: any role or user named to fit it escapes the guardrail";
  const std::size_t slash = resource.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view type = resource.substr(0, slash);
  const std::string_view name = resource.substr(slash + 1);
  if (name.empty() || !is_wildcard(name.front())) return std::nullopt;
  const std::string word(principal_word(type));
  if (all_wildcards(name)) return "matches every " + word;
  return "matches any " + word + " named to fit " + quoted(name) +
         ", a name whoever creates one can choose";
}

// A template ARN whose unknown parts ("arn:aws:iam::${Account}:role/Admin") all sit before the
// principal's type and name: how broad it is does not depend on them.
bool unknown_only_before_name(std::string_view pattern) {
  if (!pattern.starts_with("arn:")) return false;
  const std::optional<std::string_view> resource = arn_resource_part(pattern);
  return resource && resource->find(kUnknownMarker) == std::string_view::npos;
}

// The pattern as written, its unknown parts shown as "${...}".
std::string printable(std::string_view pattern) {
  std::string out(pattern);
  for (std::size_t at = out.find(kUnknownMarker); at != std::string::npos;
       at = out.find(kUnknownMarker, at))
    out.replace(at, kUnknownMarker.size(), "${...}");
  return out;
}

enum class ExceptionKey : std::uint8_t { principal_arn, user_id, user_name, source_ip, other };

ExceptionKey classify_key(std::string_view key) {
  const std::string lower = iam::ascii_lowercase(key);
  if (lower == "aws:principalarn") return ExceptionKey::principal_arn;
  if (lower == "aws:userid") return ExceptionKey::user_id;
  if (lower == "aws:username") return ExceptionKey::user_name;
  if (lower == "aws:sourceip") return ExceptionKey::source_ip;
  return ExceptionKey::other;
}

// Keys that make a network condition a data perimeter rather than an exception for some
// admin: the VPC alternatives to an IP range, and the guard that lets AWS services acting for
// the caller through.
bool is_perimeter_key(std::string_view key) {
  static constexpr std::array<std::string_view, 8> kPerimeterKeys = {
      "aws:sourcevpc",    "aws:sourcevpce",  "aws:vpceorgid",     "aws:vpceaccount",
      "aws:vpceorgpaths", "aws:vpcsourceip", "aws:viaawsservice", "aws:principalisawsservice"};
  const std::string lower = iam::ascii_lowercase(key);
  return std::find(kPerimeterKeys.begin(), kPerimeterKeys.end(), lower) != kPerimeterKeys.end();
}

struct ClauseKind {
  bool exception = false;  // a negated operator without a set qualifier: "everyone except"
  bool wildcards = false;  // the operator matches patterns (ArnLike family, StringLike)
};

std::optional<ClauseKind> clause_kind(const iam::ConditionClause& clause) {
  if (clause.op.qualifier != iam::ConditionOperator::SetQualifier::none) return std::nullopt;
  const auto spec = iam::find_condition_operator(clause.op.base);
  if (!spec) return std::nullopt;
  return ClauseKind{spec->negated, spec->comparison == iam::Comparison::like};
}

// What one Deny statement's exceptions get wrong: the first weakness, or Unknown when an
// unknown value might be one.
class ExceptionJudge {
 public:
  ExceptionJudge(const iam::Statement& statement, std::string attribute)
      : statement_(statement), attribute_(std::move(attribute)) {}

  Outcome judge() {
    const iam::ConditionBlock& condition = statement_.condition;
    for (const iam::ConditionClause& clause : condition.clauses) {
      const auto kind = clause_kind(clause);
      if (!kind || !kind->exception) continue;
      if (Outcome o = judge_exception(clause, *kind); o.truth == Truth::true_) return o;
    }
    if (Outcome o = judge_target_coverage(); o.truth == Truth::true_) return o;
    // Unknown values of known keys were judged above; an unknown operator map or block may
    // hide an exception of any kind.
    const bool hides_clauses =
        condition.unknown &&
        std::none_of(condition.clauses.begin(), condition.clauses.end(),
                     [](const iam::ConditionClause& c) { return c.values.unknown; });
    if (hides_clauses) note_unknown(condition.span, "the statement's condition is unknown");
    return unknown_ ? std::move(unknown_outcome_) : Outcome{};
  }

 private:
  Outcome judge_exception(const iam::ConditionClause& clause, const ClauseKind& kind) {
    const std::string named = clause.op.written + " " + clause.key;
    switch (classify_key(clause.key)) {
      case ExceptionKey::user_id:
      case ExceptionKey::user_name:
        return found(attribute_, clause.key_span,
                     "the exception is keyed on " + clause.key + " (" + clause.op.written +
                         ") instead of aws:PrincipalArn");
      case ExceptionKey::source_ip:
        if (forms_network_perimeter()) return Outcome{};
        return found(attribute_, clause.key_span,
                     "the exception is keyed on " + clause.key + " (" + clause.op.written +
                         "): anyone on that network escapes the guardrail; name the principals "
                         "with aws:PrincipalArn");
      case ExceptionKey::principal_arn:
        if (!kind.wildcards) break;  // StringNotEquals "*" is a literal, not a pattern
        for (const iam::Element& value : clause.values.items) {
          if (value.unknown && !unknown_only_before_name(value.text)) {
            note_unknown(value.span.valid() ? value.span : clause.key_span,
                         "the " + named + " exception is unknown");
            continue;
          }
          if (auto why = broad_principal_pattern(value.text))
            return found(attribute_, value.span,
                         "exception " + quoted(printable(value.text)) + " (" + named + ") " + *why);
        }
        if (clause.values.unknown)
          note_unknown(clause.key_span, "the " + named + " exception is unknown");
        break;
      case ExceptionKey::other:
        break;
    }
    return Outcome{};
  }

  // A Deny that targets some principals (StringLike aws:PrincipalArn arn:aws:iam::*:root)
  // and excepts all of them denies nobody.
  Outcome judge_target_coverage() {
    std::vector<const iam::Element*> targets;
    std::vector<const iam::Element*> exceptions;
    bool unknown = false;
    for (const iam::ConditionClause& clause : statement_.condition.clauses) {
      if (classify_key(clause.key) != ExceptionKey::principal_arn) continue;
      const auto kind = clause_kind(clause);
      if (!kind) continue;
      unknown = unknown || clause.values.has_unknown();
      for (const iam::Element& value : clause.values.items) {
        if (value.unknown) continue;
        if (kind->exception && kind->wildcards) exceptions.push_back(&value);
        if (!kind->exception) targets.push_back(&value);
      }
    }
    if (targets.empty() || exceptions.empty() || unknown) return Outcome{};
    const iam::Element* covering = nullptr;
    for (const iam::Element* target : targets) {
      auto it = std::find_if(exceptions.begin(), exceptions.end(), [&](const iam::Element* e) {
        return iam::wildcard_match(e->text, target->text);
      });
      if (it == exceptions.end()) return Outcome{};
      if (!covering) covering = *it;
    }
    return found(attribute_, covering->span,
                 "exception " + quoted(covering->text) +
                     " (aws:PrincipalArn) covers every principal the statement targets");
  }

  bool forms_network_perimeter() const {
    const auto& clauses = statement_.condition.clauses;
    return std::any_of(clauses.begin(), clauses.end(),
                       [](const iam::ConditionClause& c) { return is_perimeter_key(c.key); });
  }

  void note_unknown(const Span& span, std::string detail) {
    if (unknown_) return;
    unknown_ = true;
    unknown_outcome_ = undecided(attribute_, span, std::move(detail));
  }

  const iam::Statement& statement_;
  std::string attribute_;
  bool unknown_ = false;
  Outcome unknown_outcome_;
};

bool names_requested_region(const iam::Statement& statement) {
  const auto& clauses = statement.condition.clauses;
  return std::any_of(clauses.begin(), clauses.end(), [](const iam::ConditionClause& c) {
    return iam::ascii_lowercase(c.key) == "aws:requestedregion";
  });
}

iam::Statement allow_everything() {
  iam::Statement s;
  s.effect = iam::Effect::allow;
  s.action.present = true;
  s.action.items.push_back(iam::Element{"*", {}, false, true});
  s.resource = s.action;
  return s;
}

// The actions of each global service, in kGlobalServices order; built once.
const std::vector<iam::ActionSet>& global_service_actions() {
  static const std::vector<iam::ActionSet> sets = [] {
    std::vector<iam::ActionSet> out;
    for (const GlobalService& service : kGlobalServices)
      out.push_back(catalog().expand(std::string(service.prefix) + ":*"));
    return out;
  }();
  return sets;
}

// "iam, sts (us-east-1); globalaccelerator (us-west-2)"
std::string describe_services(const std::vector<const GlobalService*>& services) {
  std::string out;
  for (std::size_t i = 0; i < services.size(); ++i) {
    if (i > 0) out += services[i - 1]->region == services[i]->region ? ", " : "; ";
    out += services[i]->prefix;
    const bool last_of_region =
        i + 1 == services.size() || services[i + 1]->region != services[i]->region;
    if (last_of_region) out += " (" + std::string(services[i]->region) + ")";
  }
  return out;
}

// Whether one region-restricting Deny statement denies the global services where they answer.
// The statement is evaluated on its own beside an Allow of everything, for the guardrail
// query's ordinary principal: an aws:PrincipalArn exception for an admin role does not help
// everyone else.
Outcome judge_region_deny(const iam::Policy& policy, const iam::Statement& statement,
                          const std::string& attribute) {
  iam::Policy alone;
  alone.version = policy.version;
  alone.has_version = policy.has_version;
  alone.has_statement = true;
  alone.statements = {statement, allow_everything()};
  const std::vector<iam::ScpLevel> levels = {iam::ScpLevel{"policy", {&alone}}};

  const iam::ActionCoverage coverage = iam::statement_actions(statement, catalog());
  const std::vector<iam::ActionSet>& service_actions = global_service_actions();
  std::vector<const GlobalService*> denied;
  bool essential_denied = false;
  bool unknown = false;
  for (std::size_t i = 0; i < kGlobalServices.size(); ++i) {
    const GlobalService& service = kGlobalServices[i];
    const iam::ActionSet named = coverage.actions & service_actions[i];
    if (named.empty()) {
      unknown =
          unknown || (service.essential && (coverage.possible & service_actions[i]).count() > 0);
      continue;
    }
    iam::GuardrailQuery query;
    query.action = catalog().qualified_name(*named.begin());
    query.region = std::string(service.region);
    const iam::GuardrailResult result = iam::is_denied_except(levels, query);
    if (result.denied == Truth::true_ && result.explicit_deny) {
      denied.push_back(&service);
      essential_denied = essential_denied || service.essential;
    } else if (result.denied == Truth::unknown && service.essential) {
      unknown = true;
    }
  }
  const iam::ElementList& actions =
      statement.not_action.present ? statement.not_action : statement.action;
  const Span& where = actions.span.valid() ? actions.span : statement.span;
  if (essential_denied)
    return found(attribute, where,
                 describe_services(denied) +
                     " are denied outside the allowed regions; exempt them in NotAction");
  if (unknown) return undecided(attribute, where, "whether it denies global services is unknown");
  return Outcome{};
}

}  // namespace

std::span<const GlobalService> global_services() {
  return kGlobalServices;
}

Outcome scp_exception_weak(const PredicateInput& input) {
  return over_scps(input, [](const iam::Policy& policy, const std::string& attribute) {
    Outcome maybe;
    for (const iam::Statement& statement : policy.statements) {
      if (statement.unknown || statement.malformed) continue;
      if (statement.effect != iam::Effect::deny && statement.effect != iam::Effect::unknown)
        continue;
      Outcome o = ExceptionJudge(statement, attribute).judge();
      if (o.truth == Truth::true_ && statement.effect == iam::Effect::unknown)
        o.truth = Truth::unknown;  // a weak exception on what may not be a Deny
      if (o.truth == Truth::true_) return o;
      if (o.truth == Truth::unknown && maybe.truth != Truth::unknown) maybe = std::move(o);
    }
    return maybe;
  });
}

Outcome scp_region_deny_breaks_global_services(const PredicateInput& input) {
  return over_scps(input, [](const iam::Policy& policy, const std::string& attribute) {
    Outcome maybe;
    for (const iam::Statement& statement : policy.statements) {
      if (statement.unknown || statement.malformed || !names_requested_region(statement)) continue;
      if (statement.effect != iam::Effect::deny && statement.effect != iam::Effect::unknown)
        continue;
      Outcome o = judge_region_deny(policy, statement, attribute);
      if (o.truth == Truth::true_) return o;
      if (o.truth == Truth::unknown && maybe.truth != Truth::unknown) maybe = std::move(o);
    }
    return maybe;
  });
}

}  // namespace iacscan::detail::predicates
