#include "iam/scp_guardrail.hpp"

#include <array>

#include "iam/ascii_case.hpp"
#include "iam/condition_operators.hpp"
#include "iam/iam_pattern.hpp"
#include "iam/policy_decision.hpp"

namespace iacscan::detail::iam {
namespace {

constexpr std::string_view kProbeAccount = "111122223333";

struct ExceptionKey {
  std::string_view key;  // lowercased; a trailing '/' is a prefix ("aws:principaltag/")
  ExceptionKind kind;
};

constexpr std::array<ExceptionKey, 18> kExceptionKeys = {{
    {"aws:principalarn", ExceptionKind::principal},
    {"aws:principalaccount", ExceptionKind::principal},
    {"aws:userid", ExceptionKind::principal},
    {"aws:username", ExceptionKind::principal},
    {"aws:principaltag/", ExceptionKind::principal},
    {"aws:principaltype", ExceptionKind::principal},
    {"aws:sourceidentity", ExceptionKind::principal},
    {"aws:sourceip", ExceptionKind::network},
    {"aws:sourcevpc", ExceptionKind::network},
    {"aws:sourcevpce", ExceptionKind::network},
    {"aws:vpcsourceip", ExceptionKind::network},
    {"aws:viaawsservice", ExceptionKind::service},
    {"aws:principalisawsservice", ExceptionKind::service},
    {"aws:calledvia", ExceptionKind::service},
    {"aws:calledviafirst", ExceptionKind::service},
    {"aws:calledvialast", ExceptionKind::service},
    {"aws:principalservicename", ExceptionKind::service},
    {"aws:principalservicenameslist", ExceptionKind::service},
}};

std::optional<ExceptionKind> exception_kind_of(std::string_view lower_key) {
  for (const ExceptionKey& k : kExceptionKeys) {
    if (k.key.back() == '/' ? lower_key.starts_with(k.key) : lower_key == k.key) return k.kind;
  }
  return std::nullopt;
}

// The ordinary principal's request context (see the header).
class ProbeLookup final : public ContextLookup {
 public:
  explicit ProbeLookup(const GuardrailQuery& query)
      : query_(query),
        principal_{std::string(kProbePrincipalArn)},
        account_{std::string(kProbeAccount)},
        region_{query.region} {}

  KeyLookup find(std::string_view key) const override {
    if (const auto it = query_.context.find(std::string(key)); it != query_.context.end())
      return present(it->second, it->second.size() != 1);
    if (key == "aws:principalarn") return present(principal_);
    if (key == "aws:principalaccount") return present(account_);
    if (key == "aws:viaawsservice" || key == "aws:principalisawsservice") return present(false_);
    if (key == "aws:requestedregion" && !query_.region.empty()) return present(region_);
    KeyLookup found;
    if (const auto kind = exception_kind_of(key)) {
      const bool has_no_value =
          *kind == ExceptionKind::service || key.starts_with("aws:principaltag/");
      found.state = has_no_value ? KeyLookup::State::absent : KeyLookup::State::opaque;
    }
    return found;  // unknown otherwise
  }

 private:
  static KeyLookup present(const std::vector<std::string>& values, bool multivalued = false) {
    KeyLookup found;
    found.state = KeyLookup::State::present;
    found.values = &values;
    found.multivalued = multivalued;
    return found;
  }

  const GuardrailQuery& query_;
  std::vector<std::string> principal_;
  std::vector<std::string> account_;
  std::vector<std::string> region_;
  std::vector<std::string> false_{"false"};
};

// The probe is outside every exception: a negated comparison on an exception key holds.
std::optional<Truth> probe_is_not_excepted(const ConditionClause& clause) {
  if (clause.op.qualifier != ConditionOperator::SetQualifier::none) return std::nullopt;
  const auto spec = find_condition_operator(clause.op.base);
  if (!spec || !spec->negated || !exception_kind_of(ascii_lowercase(clause.key)))
    return std::nullopt;
  return Truth::true_;
}

const Statement* find_statement(const std::vector<ScpLevel>& levels, const StatementRef& ref) {
  if (ref.statement == kNoStatement) return nullptr;
  const Policy& policy = *levels[ref.level].policies[ref.policy];
  return ref.statement < policy.statements.size() ? &policy.statements[ref.statement] : nullptr;
}

void collect_exceptions(const Statement& statement, const StatementRef& ref,
                        std::vector<GuardrailException>& out) {
  for (const ConditionClause& clause : statement.condition.clauses) {
    const auto kind = exception_kind_of(ascii_lowercase(clause.key));
    if (!kind) continue;
    GuardrailException e;
    e.kind = *kind;
    e.statement = ref;
    e.op = clause.op.written;
    e.op_span = clause.op_span;
    e.key = clause.key;
    e.key_span = clause.key_span;
    e.values_unknown = clause.values.has_unknown();
    for (const Element& value : clause.values.items) {
      if (value.unknown) continue;
      e.values.push_back(value.text);
      e.value_spans.push_back(value.span);
    }
    out.push_back(std::move(e));
  }
}

}  // namespace

std::string_view exception_kind_name(ExceptionKind kind) {
  switch (kind) {
    case ExceptionKind::principal:
      return "principal";
    case ExceptionKind::network:
      return "network";
    case ExceptionKind::service:
      break;
  }
  return "service";
}

GuardrailResult is_denied_except(const std::vector<ScpLevel>& levels, std::string_view action,
                                 std::string_view resource) {
  GuardrailQuery query;
  query.action = std::string(action);
  query.resource = std::string(resource);
  return is_denied_except(levels, query);
}

GuardrailResult is_denied_except(const std::vector<ScpLevel>& levels, const GuardrailQuery& query) {
  const RequestTarget target{query.action, query.resource,
                             query.resource == "*" ? ResourceScope::every : ResourceScope::exact};
  const ClauseOverride override_clause = probe_is_not_excepted;
  const ScpDecision decision = decide_scps(target, levels, ProbeLookup(query), &override_clause);

  GuardrailResult result;
  result.explicit_deny = decision.explicit_deny;
  result.level_without_allow = decision.level_without_allow;
  result.unknown_keys = decision.unknown_keys;
  switch (decision.verdict) {
    case Verdict::denied:
      result.denied = Truth::true_;
      break;
    case Verdict::allowed:
      result.denied = Truth::false_;
      return result;
    case Verdict::unknown:
      result.denied = Truth::unknown;
      break;
  }
  result.denying_statements = decision.decisive;
  for (const StatementRef& ref : decision.decisive) {
    const Statement* statement = find_statement(levels, ref);
    if (statement && statement->effect == Effect::deny)
      collect_exceptions(*statement, ref, result.exceptions);
  }
  return result;
}

}  // namespace iacscan::detail::iam
