#include "iam/request_evaluator.hpp"

#include <utility>

#include "iam/ascii_case.hpp"
#include "iam/iam_pattern.hpp"
#include "iam/policy_decision.hpp"

namespace iacscan::detail::iam {
namespace {

// A Request's context as the evaluator looks keys up.
class RequestLookup final : public ContextLookup {
 public:
  explicit RequestLookup(const Request& request)
      : request_(request), principal_{request.principal_arn}, region_{request.region} {}

  KeyLookup find(std::string_view key) const override {
    KeyLookup found;
    if (const auto it = request_.context.find(std::string(key)); it != request_.context.end()) {
      found.state = KeyLookup::State::present;
      found.values = &it->second;
      found.multivalued = it->second.size() != 1 || request_.multivalued_keys.contains(it->first);
      return found;
    }
    if (key == "aws:principalarn" && !request_.principal_arn.empty()) return single(principal_);
    if (key == "aws:requestedregion" && !request_.region.empty()) return single(region_);
    found.state = request_.context_complete ? KeyLookup::State::absent : KeyLookup::State::unknown;
    return found;
  }

 private:
  static KeyLookup single(const std::vector<std::string>& value) {
    KeyLookup found;
    found.state = KeyLookup::State::present;
    found.values = &value;
    return found;
  }

  const Request& request_;
  std::vector<std::string> principal_;
  std::vector<std::string> region_;
};

RequestTarget target_of(const Request& request) {
  return {request.action, request.resource, request.resource_scope};
}

void add_keys(Decision& decision, const Contribution& c, std::set<std::string>& keys) {
  decision.decisive.push_back(c.ref);
  keys.insert(c.unknown_keys.begin(), c.unknown_keys.end());
}

// The shared tail of both decisions: `denies` is known not to be true, and `allows` is what
// every required Allow together comes to.
void settle(Decision& decision, Truth denies, Truth allows,
            const std::vector<const Contribution*>& deny_sources,
            const std::vector<const Contribution*>& allow_sources) {
  std::set<std::string> keys;
  if (denies == Truth::false_ && allows == Truth::true_) {
    decision.verdict = Verdict::allowed;
    for (const Contribution* c : allow_sources) {
      if (c->allows == Truth::true_) decision.decisive.push_back(c->ref);
    }
    return;
  }
  decision.verdict = Verdict::unknown;
  for (const Contribution* c : deny_sources) {
    if (c->denies == Truth::unknown) add_keys(decision, *c, keys);
  }
  for (const Contribution* c : allow_sources) {
    if (c->allows == Truth::unknown) add_keys(decision, *c, keys);
  }
  decision.unknown_keys.assign(keys.begin(), keys.end());
}

}  // namespace

void Request::set(std::string_view key, std::vector<std::string> values, bool multivalued) {
  std::string lower = ascii_lowercase(key);
  if (multivalued) multivalued_keys.insert(lower);
  context[std::move(lower)] = std::move(values);
}

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::allowed:
      return "allowed";
    case Verdict::denied:
      return "denied";
    case Verdict::unknown:
      break;
  }
  return "unknown";
}

Decision decide_identity(const RequestTarget& target, const std::vector<const Policy*>& policies,
                         const ContextLookup& context) {
  std::vector<Contribution> all;
  for (std::size_t i = 0; i < policies.size(); ++i)
    policy_contributions(*policies[i], StatementRef{0, i, kNoStatement, {}}, target, context,
                         nullptr, all);
  Truth denies = Truth::false_;
  Truth allows = Truth::false_;
  std::vector<const Contribution*> sources;
  for (const Contribution& c : all) {
    denies = truth_or(denies, c.denies);
    allows = truth_or(allows, c.allows);
    sources.push_back(&c);
  }
  Decision decision;
  if (denies == Truth::true_) {
    decision.verdict = Verdict::denied;
    decision.explicit_deny = true;
    for (const Contribution& c : all) {
      if (c.denies == Truth::true_) decision.decisive.push_back(c.ref);
    }
    return decision;
  }
  if (allows == Truth::false_) {
    decision.verdict = Verdict::denied;  // nothing allows it, whatever the unknown Denies do
    return decision;
  }
  settle(decision, denies, allows, sources, sources);
  return decision;
}

ScpDecision decide_scps(const RequestTarget& target, const std::vector<ScpLevel>& levels,
                        const ContextLookup& context, const ClauseOverride* clause_override) {
  ScpDecision decision;
  if (levels.empty()) {
    decision.verdict = Verdict::allowed;
    return decision;
  }
  std::vector<std::vector<Contribution>> per_level(levels.size());
  for (std::size_t l = 0; l < levels.size(); ++l) {
    for (std::size_t p = 0; p < levels[l].policies.size(); ++p)
      policy_contributions(*levels[l].policies[p], StatementRef{l, p, kNoStatement, {}}, target,
                           context, clause_override, per_level[l]);
  }
  Truth denies = Truth::false_;
  std::vector<const Contribution*> deny_sources;
  for (const auto& level : per_level) {
    for (const Contribution& c : level) {
      denies = truth_or(denies, c.denies);
      deny_sources.push_back(&c);
    }
  }
  if (denies == Truth::true_) {
    decision.verdict = Verdict::denied;
    decision.explicit_deny = true;
    for (const Contribution* c : deny_sources) {
      if (c->denies == Truth::true_) decision.decisive.push_back(c->ref);
    }
    return decision;
  }
  // Every level must allow; the levels whose Allow is still open decide with the Denies.
  Truth allows = Truth::true_;
  std::vector<const Contribution*> allow_sources;
  for (std::size_t l = 0; l < per_level.size(); ++l) {
    Truth level_allows = Truth::false_;
    for (const Contribution& c : per_level[l]) level_allows = truth_or(level_allows, c.allows);
    if (level_allows == Truth::false_) {
      decision.verdict = Verdict::denied;
      decision.level_without_allow = l;
      return decision;
    }
    allows = truth_and(allows, level_allows);
    for (const Contribution& c : per_level[l]) {
      // A level already allowed for sure cannot make the answer unknown.
      if (level_allows == Truth::unknown || c.allows == Truth::true_) allow_sources.push_back(&c);
    }
  }
  settle(decision, denies, allows, deny_sources, allow_sources);
  return decision;
}

Decision evaluate_identity(const Request& request, const std::vector<const Policy*>& policies) {
  return decide_identity(target_of(request), policies, RequestLookup(request));
}

ScpDecision evaluate_scps(const Request& request, const std::vector<ScpLevel>& levels) {
  return decide_scps(target_of(request), levels, RequestLookup(request), nullptr);
}

}  // namespace iacscan::detail::iam
