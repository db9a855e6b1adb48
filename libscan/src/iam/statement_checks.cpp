#include "iam/statement_checks.hpp"

#include <algorithm>
#include <string>

#include "iam/pattern_text.hpp"

namespace iacscan::detail::iam {

Truth effect_is(const Statement& statement, Effect effect) {
  if (statement.unknown || statement.effect == Effect::unknown) return Truth::unknown;
  if (statement.malformed) return Truth::false_;
  return truth_of(statement.effect == effect);
}

bool clause_restricts_nothing(const ConditionClause& clause) {
  if (clause.op.base != "StringLike" && clause.op.base != "ArnLike") return false;
  return std::any_of(clause.values.items.begin(), clause.values.items.end(),
                     [](const Element& e) { return !e.unknown && only_stars(e.text); });
}

Truth condition_restricts(const ConditionBlock& condition) {
  if (!condition.present) return Truth::false_;
  // AWS rejects a malformed block; the validator reports it, analyses stay quiet.
  if (condition.malformed) return Truth::true_;
  Truth result = condition.unknown ? Truth::unknown : Truth::false_;
  for (const ConditionClause& clause : condition.clauses) {
    if (clause.values.unknown) {
      result = truth_or(result, Truth::unknown);
      continue;
    }
    if (clause_restricts_nothing(clause)) continue;
    // An unknown value could be "*" and make the clause pass everything.
    const bool like = clause.op.base == "StringLike" || clause.op.base == "ArnLike";
    if (like && clause.values.has_unknown()) {
      result = truth_or(result, Truth::unknown);
      continue;
    }
    return Truth::true_;
  }
  return result;
}

void add_policy_unknowns(const Policy& policy, std::string_view what,
                         std::vector<AnalysisHit>& hits) {
  if (policy.unknown) {
    AnalysisHit hit;
    hit.span = hit.element_span = policy.span;
    hit.detail = std::string(what) + ": the policy is unknown";
    if (!policy.unknown_reason.empty()) hit.detail += " (" + policy.unknown_reason + ")";
    hit.truth = Truth::unknown;
    hits.push_back(std::move(hit));
  } else if (policy.statement_unknown) {
    AnalysisHit hit;
    hit.span = hit.element_span = policy.statement_span;
    hit.detail = std::string(what) + ": the Statement element is unknown";
    hit.truth = Truth::unknown;
    hits.push_back(std::move(hit));
  }
}

AnalysisHit statement_hit(const Statement& statement, Span element, std::string detail,
                          Truth truth) {
  AnalysisHit hit;
  hit.statement_index = statement.index;
  hit.span = statement.span;
  hit.element_span = element.valid() ? element : statement.span;
  hit.detail = std::move(detail);
  hit.truth = truth;
  return hit;
}

}  // namespace iacscan::detail::iam
