#include "engine/scp_guardrail_judge.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "engine/predicate_support.hpp"
#include "iam/ascii_case.hpp"
#include "iam/wildcard_match.hpp"

namespace iacscan::detail::predicates {
namespace {

// Regions tried, in order, for one that no SCP and no approved list names.
constexpr std::array<std::string_view, 10> kSpareRegions = {
    "ap-southeast-5", "mx-central-1", "ca-west-1",  "il-central-1", "me-central-1",
    "af-south-1",     "sa-east-1",    "eu-north-1", "us-west-1",    "ap-northeast-3"};

bool has_wildcard(std::string_view text) {
  return text.find_first_of("*?") != std::string_view::npos;
}

bool only_wildcards(std::string_view text) {
  return !text.empty() && text.find_first_not_of("*?") == std::string_view::npos;
}

// The probe principal's account, from its ARN (arn:aws:iam::<account>:role/...).
std::string probe_account() {
  const std::string_view arn = iam::kProbePrincipalArn;
  const std::size_t start = arn.find("::") + 2;
  return std::string(arn.substr(start, arn.find(':', start) - start));
}

std::string fill_name(std::string_view pattern) {
  std::string out;
  for (char c : pattern) {
    if (c == '*')
      out += "iacscan-probe";
    else if (c == '?')
      out += 'x';
    else
      out += c;
  }
  return out;
}

// A resource the pattern matches: "arn:aws:ec2:*:*:instance/*" in eu-west-1 gives
// "arn:aws:ec2:eu-west-1:111122223333:instance/iacscan-probe".
std::string concrete_resource(const std::string& pattern, const std::string& region) {
  if (pattern == "*" || !has_wildcard(pattern)) return pattern;
  if (!pattern.starts_with("arn:")) return fill_name(pattern);
  std::vector<std::string> parts;
  std::size_t at = 0;
  for (int i = 0; i < 5; ++i) {
    const std::size_t colon = pattern.find(':', at);
    if (colon == std::string::npos) return fill_name(pattern);
    parts.push_back(pattern.substr(at, colon - at));
    at = colon + 1;
  }
  parts.push_back(pattern.substr(at));
  if (has_wildcard(parts[1])) parts[1] = "aws";
  if (only_wildcards(parts[3]))
    parts[3] = region.empty() ? "us-east-1" : region;
  else if (has_wildcard(parts[3]))
    parts[3] = region_for(parts[3]);
  if (only_wildcards(parts[4]))
    parts[4] = probe_account();
  else if (has_wildcard(parts[4]))
    std::replace_if(
        parts[4].begin(), parts[4].end(), [](char c) { return c == '*' || c == '?'; }, '0');
  parts[5] = fill_name(parts[5]);
  std::string out = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) out += ":" + parts[i];
  return out;
}

void add_proof(const std::vector<iam::ScpLevel>& path, const iam::GuardrailResult& result,
               std::vector<const iam::Policy*>& proof) {
  for (const iam::StatementRef& ref : result.denying_statements) {
    if (ref.level < path.size() && ref.policy < path[ref.level].policies.size())
      proof.push_back(path[ref.level].policies[ref.policy]);
  }
  // Denied by an allow list: the level's SCPs leave the action out.
  if (!result.explicit_deny && result.level_without_allow &&
      *result.level_without_allow < path.size()) {
    for (const iam::Policy* p : path[*result.level_without_allow].policies) proof.push_back(p);
  }
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

bool on_path(const ScpSubject& subject, const std::string& target) {
  for (const auto& path : subject.paths)
    for (const iam::ScpLevel& level : path)
      if (level.name == target) return true;
  return false;
}

// A tag key the caller may send that no SCP is expected to name.
constexpr std::string_view kProbeTag = "iacscan-probe";

// Whether some condition of the path is on the request's tags (the caller's choice).
bool names_request_tags(const std::vector<iam::ScpLevel>& path) {
  for (const iam::ScpLevel& level : path)
    for (const iam::Policy* policy : level.policies)
      for (const iam::Statement& statement : policy->statements)
        for (const iam::ConditionClause& clause : statement.condition.clauses) {
          const std::string key = iam::ascii_lowercase(clause.key);
          if (key == "aws:tagkeys" || key.starts_with("aws:requesttag/")) return true;
        }
  return false;
}

}  // namespace

iam::GuardrailResult denied_whatever_tags(const std::vector<iam::ScpLevel>& path,
                                          const iam::GuardrailQuery& query) {
  if (query.context.count("aws:tagkeys") || !names_request_tags(path))
    return iam::is_denied_except(path, query);
  iam::GuardrailQuery untagged = query;
  untagged.context["aws:tagkeys"] = {};
  iam::GuardrailQuery tagged = query;
  tagged.context["aws:tagkeys"] = {std::string(kProbeTag)};
  tagged.context["aws:requesttag/" + std::string(kProbeTag)] = {std::string(kProbeTag)};
  iam::GuardrailResult without = iam::is_denied_except(path, untagged);
  if (without.denied == Truth::false_) return without;
  iam::GuardrailResult with = iam::is_denied_except(path, tagged);
  if (with.denied == Truth::false_ || without.denied == Truth::true_) return with;
  return without;  // unknown without tags, and not refuted with one
}

std::string region_for(std::string_view pattern) {
  std::string out;
  for (char c : pattern) out += (c == '*' || c == '?') ? std::string("a") : std::string(1, c);
  return out;
}

std::string unlisted_region(const ScpScope& scope, const ScanOptions* options) {
  for (std::string_view candidate : kSpareRegions) {
    const auto& named = scope.named_regions();
    const bool is_named = std::any_of(named.begin(), named.end(), [&](const std::string& p) {
      return iam::wildcard_match(p, candidate);
    });
    const bool approved =
        options != nullptr && std::find(options->organization.approved_regions.begin(),
                                        options->organization.approved_regions.end(),
                                        candidate) != options->organization.approved_regions.end();
    if (!is_named && !approved) return std::string(candidate);
  }
  return "xx-unlisted-1";
}

std::vector<std::string> probe_regions(const ScpScope& scope, const ScanOptions* options) {
  if (scope.named_regions().empty()) return {""};
  std::vector<std::string> out;
  auto add = [&](std::string region) {
    if (std::find(out.begin(), out.end(), region) == out.end()) out.push_back(std::move(region));
  };
  for (const std::string& pattern : scope.named_regions()) add(region_for(pattern));
  if (options != nullptr)
    for (const std::string& region : options->organization.approved_regions) add(region);
  add(unlisted_region(scope, options));
  return out;
}

iam::GuardrailQuery query_for(const DenyProbe& probe, const std::string& region) {
  iam::GuardrailQuery query;
  query.action = probe.action;
  query.region = region;
  query.resource = concrete_resource(probe.resource, region);
  for (const auto& [key, values] : probe.context) query.context[iam::ascii_lowercase(key)] = values;
  return query;
}

DenialAnswer denied_everywhere(const ScpSubject& subject, const DenyProbe& probe,
                               const std::vector<std::string>& regions) {
  DenialAnswer answer;
  answer.denied = Truth::false_;
  // One path must deny in every region by itself: documents judged as one set are
  // alternatives, and two region restrictions with different lists do not add up to a
  // guardrail.
  for (const auto& path : subject.paths) {
    Truth everywhere = Truth::true_;
    std::vector<const iam::Policy*> proof;
    std::vector<std::string> unknown_keys;
    for (const std::string& region : regions) {
      const iam::GuardrailResult result = denied_whatever_tags(path, query_for(probe, region));
      if (result.denied == Truth::false_) {
        everywhere = Truth::false_;
        // Worth saying only when the request is denied in some regions but not this one.
        if (subject.paths.size() == 1 && region != regions.front()) answer.failed_region = region;
        break;
      }
      if (result.denied == Truth::unknown && everywhere == Truth::true_) {
        everywhere = Truth::unknown;
        unknown_keys = result.unknown_keys;
      }
      add_proof(path, result, proof);
    }
    if (everywhere == Truth::true_) {
      answer.denied = Truth::true_;
      answer.proof = std::move(proof);
      answer.failed_region.clear();
      return answer;
    }
    if (everywhere == Truth::unknown && answer.denied == Truth::false_) {
      answer.denied = Truth::unknown;
      answer.why_unknown = unknown_keys.empty() ? "an SCP value known only at deployment"
                                                : "a condition on " + joined(unknown_keys, ", ");
      // Among documents judged as one set, say which one.
      if (subject.paths.size() > 1 && !path.empty())
        answer.why_unknown += " in " + path.front().name;
    }
  }
  if (answer.denied != Truth::false_) answer.failed_region.clear();
  return answer;
}

SubjectVerdict judge_requirements(const ScpSubject& subject, const GuardrailSpec& spec,
                                  const std::vector<std::string>& regions) {
  SubjectVerdict verdict;
  std::vector<std::string> missing;
  std::string why_unknown;
  for (const Requirement& requirement : spec.requirements) {
    Truth met = Truth::false_;
    std::vector<std::string> failed_alternatives;
    for (const std::vector<DenyProbe>& alternative : requirement.alternatives) {
      Truth all = Truth::true_;
      std::vector<const iam::Policy*> proof;
      for (const DenyProbe& probe : alternative) {
        DenialAnswer answer = denied_everywhere(subject, probe, regions);
        if (answer.denied == Truth::false_) {
          std::string what = describe_probe(probe);
          if (!answer.failed_region.empty() && regions.size() > 1)
            what += " in " + answer.failed_region;
          failed_alternatives.push_back(std::move(what));
          all = Truth::false_;
          break;
        }
        if (answer.denied == Truth::unknown && why_unknown.empty())
          why_unknown = describe_probe(probe) + " depends on " + answer.why_unknown;
        all = truth_and(all, answer.denied);
        proof.insert(proof.end(), answer.proof.begin(), answer.proof.end());
      }
      met = truth_or(met, all);
      if (all != Truth::false_)
        verdict.proof.insert(verdict.proof.end(), proof.begin(), proof.end());
      if (met == Truth::true_) break;
    }
    if (met == Truth::false_) missing.push_back(joined(failed_alternatives, " or "));
    verdict.met = truth_and(verdict.met, met);
  }
  if (verdict.met == Truth::false_)
    verdict.shortfall = joined(missing, ", ") + " not denied";
  else if (verdict.met == Truth::unknown)
    verdict.shortfall = why_unknown;
  return verdict;
}

Outcome judge_subjects(const PredicateInput& input, const TargetSelection& selection,
                       const SubjectJudge& judge) {
  if (input.context == nullptr || input.context->graph == nullptr)
    return undecided("", {}, "the SCP set is judged only in a scan");
  const ScanOptions* options = input.context->options;
  const ScpScope scope(*input.context->graph, options);
  if (!scope.attachments_declared() && !scope.has_documents()) {
    Outcome none;
    none.detail = "no SCP in the scanned set";
    return none;
  }
  std::string why_none;
  const std::vector<ScpSubject> subjects = scope.subjects(selection, why_none);
  if (!why_none.empty()) return undecided("", {}, why_none);

  // Attachments nobody can follow yet that might carry the guardrail.
  std::vector<const UnresolvedAttachment*> might_add;
  for (const UnresolvedAttachment& u : scope.unresolved()) {
    if (u.full_aws_access) continue;  // it denies nothing
    const std::string& address = input.context->graph->resources[u.resource].address;
    if (u.policy == nullptr || judge(scope, scope.alone(*u.policy, address)).met != Truth::false_)
      might_add.push_back(&u);
  }

  Outcome result;
  result.truth = Truth::true_;
  std::vector<std::string> shortfalls;
  std::vector<const ScpSubject*> failed;
  std::set<std::size_t> proof;
  for (const ScpSubject& subject : subjects) {
    SubjectVerdict v = judge(scope, subject);
    if (v.met == Truth::false_) {
      const auto maybe = std::find_if(might_add.begin(), might_add.end(), [&](const auto* u) {
        return u->target.empty() || on_path(subject, u->target);
      });
      if (maybe != might_add.end()) {
        v.met = Truth::unknown;
        v.shortfall += ", unless " + input.context->graph->resources[(*maybe)->resource].address +
                       " (known only at deployment) adds it";
      }
    }
    for (const iam::Policy* p : v.proof)
      if (const auto index = scope.resource_of(p)) proof.insert(*index);
    if (v.met == Truth::false_) {
      failed.push_back(&subject);
      shortfalls.push_back(subject.name + ": " + v.shortfall);
    } else if (v.met == Truth::unknown && result.truth == Truth::true_) {
      result = undecided("", subject.where, subject.name + ": " + v.shortfall);
    }
  }
  PresenceEvidence* evidence = input.context->evidence;
  if (!failed.empty()) {
    result = Outcome{};
    result.detail = joined(shortfalls, "; ");
    result.span = failed.front()->where;
    if (evidence != nullptr)
      for (const ScpSubject* s : failed)
        if (s->resource) evidence->near_miss.push_back(*s->resource);
    return result;
  }
  if (result.truth == Truth::true_ && evidence != nullptr)
    evidence->met.insert(evidence->met.end(), proof.begin(), proof.end());
  return result;
}

}  // namespace iacscan::detail::predicates
