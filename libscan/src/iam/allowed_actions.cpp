#include "iam/allowed_actions.hpp"

#include <string>

#include "iam/pattern_text.hpp"

namespace iacscan::detail::iam {
namespace {

// What the patterns of an Action or NotAction list match: `known` by the known items,
// `widest` by every item read as wide as it can be.
struct ListMatch {
  ActionSet known;
  ActionSet widest;
  std::vector<Element> unmatched;
};

ListMatch match_list(const ElementList& list, const ActionCatalog& catalog) {
  ListMatch match{catalog.none(), catalog.none(), {}};
  if (list.unknown) {
    match.widest = catalog.all();
    return match;
  }
  for (const Element& item : list.items) {
    if (!item.is_string) {
      match.unmatched.push_back(item);
      continue;
    }
    if (item.unknown) {
      match.widest |= catalog.expand(widest_pattern(item));
      continue;
    }
    ActionSet matched = catalog.expand(item.text);
    if (matched.empty()) match.unmatched.push_back(item);
    match.widest |= matched;
    match.known |= matched;
  }
  return match;
}

}  // namespace

Truth names_action(const ActionCoverage& coverage, std::optional<ActionId> action) {
  if (!action) return Truth::false_;
  if (coverage.actions.contains(*action)) return Truth::true_;
  return coverage.possible.contains(*action) ? Truth::unknown : Truth::false_;
}

ActionCoverage statement_actions(const Statement& statement, const ActionCatalog& catalog) {
  ActionCoverage coverage{catalog.none(), catalog.none(), {}};
  if (statement.unknown) {
    coverage.possible = catalog.all();
    return coverage;
  }
  if (statement.action.present) {
    ListMatch match = match_list(statement.action, catalog);
    coverage.actions = std::move(match.known);
    coverage.possible = std::move(match.widest);
    coverage.unmatched = std::move(match.unmatched);
  } else if (statement.not_action.present) {
    // Everything but the listed actions: the widest reading of the list excludes the most.
    ListMatch match = match_list(statement.not_action, catalog);
    coverage.actions = match.widest.complement();
    coverage.possible = match.known.complement();
    coverage.unmatched = std::move(match.unmatched);
  }
  return coverage;
}

ActionCoverage policy_actions(const Policy& policy, const ActionCatalog& catalog, Effect effect) {
  ActionCoverage coverage{catalog.none(), catalog.none(), {}};
  if (policy.unknown || policy.statement_unknown) coverage.possible = catalog.all();
  for (const Statement& statement : policy.statements) {
    const bool unknown_effect = statement.unknown || statement.effect == Effect::unknown;
    if (!unknown_effect && statement.effect != effect) continue;
    ActionCoverage one = statement_actions(statement, catalog);
    if (!unknown_effect) coverage.actions |= one.actions;
    coverage.possible |= one.possible;
    for (Element& item : one.unmatched) coverage.unmatched.push_back(std::move(item));
  }
  return coverage;
}

}  // namespace iacscan::detail::iam
