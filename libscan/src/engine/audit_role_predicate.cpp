// The security account's audit role: a role it can assume that can read everything and change
// nothing (roadmap stage 3, "security team access to every account").
#include <array>
#include <optional>

#include "engine/org_accounts.hpp"
#include "engine/org_config_predicates.hpp"
#include "engine/predicate_support.hpp"
#include "engine/trust_principals.hpp"
#include "graph/resource_graph.hpp"
#include "iam/action_catalog.hpp"
#include "iam/allowed_actions.hpp"
#include "iam/embedded_policies.hpp"

namespace iacscan::detail::predicates {
namespace {

constexpr std::string_view kAwsManaged = ":iam::aws:policy/";
constexpr auto kAuditPolicies = std::to_array<std::string_view>(
    {"SecurityAudit", "job-function/ViewOnlyAccess", "ReadOnlyAccess"});

// What keeps a role from being the audit role: known (`decided`) or possible.
struct Shortfall {
  Span span;
  std::string why;
};

class RoleAudit {
 public:
  void audit_policy() { audit_policies_ = true; }
  void shortfall(const Span& span, std::string why) {
    if (!decided_) decided_ = Shortfall{span, std::move(why)};
  }
  void maybe(const Span& span, std::string why) {
    if (!possible_) possible_ = Shortfall{span, std::move(why)};
  }
  // True: an audit role; False: `reason` says why not; Unknown: `reason` says what is unknown.
  Truth verdict(const Resource& role, Shortfall& reason) const {
    if (decided_) {
      reason = *decided_;
      return Truth::false_;
    }
    if (possible_) {
      reason = *possible_;
      return Truth::unknown;
    }
    if (!audit_policies_) {
      reason = {role.name_span, "attaches none of SecurityAudit, ViewOnlyAccess, ReadOnlyAccess"};
      return Truth::false_;
    }
    return Truth::true_;
  }

 private:
  bool audit_policies_ = false;
  std::optional<Shortfall> decided_;
  std::optional<Shortfall> possible_;
};

std::optional<std::string_view> text_of(const Value& v) {
  if (v.is_string()) return std::string_view(v.text());
  if (v.is_unknown() && v.encoded) return std::string_view(v.encoded->partial_text);
  return std::nullopt;
}

// An AWS managed audit policy, in any partition (an unknown partition included).
bool is_audit_policy_arn(std::string_view arn) {
  const std::size_t at = arn.find(kAwsManaged);
  if (!arn.starts_with("arn:") || at == std::string_view::npos) return false;
  const std::string_view name = arn.substr(at + kAwsManaged.size());
  for (std::string_view audit : kAuditPolicies)
    if (name == audit) return true;
  return false;
}

void judge_managed_arn(const Value& arn, RoleAudit& audit, bool surely_attached) {
  const std::optional<std::string_view> text = text_of(arn);
  if (text && is_audit_policy_arn(*text)) {
    if (surely_attached) audit.audit_policy();
    return;
  }
  // An AWS managed policy named in full is known whatever its partition ("arn:${partition}...").
  const std::size_t managed = text ? text->find(kAwsManaged) : std::string_view::npos;
  const bool name_known = managed != std::string_view::npos &&
                          text->find(kUnknownMarker, managed) == std::string_view::npos;
  if (!text || (!name_known && text->find(kUnknownMarker) != std::string_view::npos)) {
    audit.maybe(arn.span, "a managed policy it attaches is unknown");
    return;
  }
  const std::string why = "attaches " + std::string(*text);
  surely_attached ? audit.shortfall(arn.span, why) : audit.maybe(arn.span, why);
}

// Every action above the List and Read access levels.
const iam::ActionSet& changing_actions() {
  static const iam::ActionSet writes = [] {
    const iam::ActionCatalog& catalog = iam::ActionCatalog::builtin();
    iam::ActionSet out = catalog.none();
    for (iam::ActionId id = 0; id < catalog.size(); ++id) {
      const iam::AccessLevel level = catalog.access_level(id);
      if (level != iam::AccessLevel::list && level != iam::AccessLevel::read) out.insert(id);
    }
    return out;
  }();
  return writes;
}

void judge_document(const Value& document, RoleAudit& audit, bool surely_attached) {
  const iam::Policy policy = iam::read_policy(document);
  if (policy.malformed) return;
  if (policy.unknown || policy.statement_unknown) {
    audit.maybe(document.span, "a policy it carries is unknown");
    if (policy.unknown) return;
  }
  const iam::ActionCatalog& catalog = iam::ActionCatalog::builtin();
  for (const iam::Statement& statement : policy.statements) {
    if (statement.effect == iam::Effect::deny || statement.effect == iam::Effect::missing ||
        statement.effect == iam::Effect::invalid)
      continue;
    const iam::ActionCoverage coverage = iam::statement_actions(statement, catalog);
    const iam::ActionSet certain = coverage.actions & changing_actions();
    if (!certain.empty() && statement.effect == iam::Effect::allow && surely_attached) {
      audit.shortfall(
          statement.span,
          "allows " + catalog.qualified_name(*certain.begin()) + " (" +
              std::string(iam::access_level_name(catalog.access_level(*certain.begin()))) + ")");
      return;
    }
    if (coverage.possible.intersects(changing_actions()))
      audit.maybe(statement.span, "a policy it carries may allow changes");
  }
}

// Whether `holder` (a role, roles or Roles attribute) names the role: by reference, or by its
// name written out. Unknown when it holds a value known only at deployment.
Truth names_role(const Value* holder, const ResourceGraph& graph, const std::string& scope,
                 std::size_t role, const Value* role_name) {
  if (holder == nullptr) return Truth::false_;
  Truth out = Truth::false_;
  auto visit = [&](const Value& v) {
    for (const std::string& ref : v.refs)
      for (std::size_t target : graph.resolve(scope, ref))
        if (target == role) out = Truth::true_;
    if (out == Truth::true_) return;
    if (v.is_unknown() && v.refs.empty()) out = Truth::unknown;
    if (v.is_string() && v.refs.empty() && role_name && role_name->is_string() &&
        v.text() == role_name->text())
      out = Truth::true_;
  };
  if (holder->is_list()) {
    for (const Value& item : holder->items()) {
      visit(item);
      if (out == Truth::true_) break;
    }
  } else {
    visit(*holder);
  }
  return out;
}

// Resources that give the role permissions from outside: attachments of managed policies and
// policies that list it among their roles.
struct Grant {
  const char* native_type;
  const char* role_attribute;
  const char* arn_attribute;  // managed policy attachments; null: the resource holds the policy
};
constexpr auto kGrants = std::to_array<Grant>({
    {"AWS::IAM::ManagedPolicy", "Roles", nullptr},
    {"AWS::IAM::Policy", "Roles", nullptr},
    {"aws_iam_policy_attachment", "roles", "policy_arn"},
    {"aws_iam_role_policy", "role", nullptr},
    {"aws_iam_role_policy_attachment", "role", "policy_arn"},
});

void judge_policies_of(const Resource& holder, RoleAudit& audit, bool surely_attached) {
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(holder)) {
    if (embedded.type == iam::PolicyType::identity)
      judge_document(*embedded.document, audit, surely_attached);
  }
}

void judge_grants(const Resource& role, std::size_t role_index, const ResourceGraph& graph,
                  RoleAudit& audit) {
  const Value* role_name = role.canonical.find("role_name");
  for (const Grant& grant : kGrants) {
    for (std::size_t i : graph.of_kind(role.scope, grant.native_type)) {
      const Resource& other = graph.resources[i];
      const Truth linked = names_role(other.attributes.find(grant.role_attribute), graph,
                                      role.scope, role_index, role_name);
      if (linked == Truth::false_) continue;
      const bool sure = linked == Truth::true_;
      if (grant.arn_attribute == nullptr) {
        judge_policies_of(other, audit, sure);
        continue;
      }
      const Value* arn = other.attributes.find(grant.arn_attribute);
      if (arn == nullptr) continue;
      // A customer managed policy of the scan is judged by what it allows.
      bool judged = false;
      for (const std::string& ref : arn->refs) {
        for (std::size_t target : graph.resolve(role.scope, ref)) {
          if (!iam::may_hold_policies(graph.resources[target].native_type)) continue;
          judge_policies_of(graph.resources[target], audit, sure);
          judged = true;
        }
      }
      if (!judged) judge_managed_arn(*arn, audit, sure);
    }
  }
}

// Whether the security account can assume the role.
Truth trusted_by(const Resource& role, const std::string& account) {
  Truth out = Truth::false_;
  for (const iam::EmbeddedPolicy& embedded : iam::find_policies(role)) {
    if (embedded.type != iam::PolicyType::trust) continue;
    const iam::Policy policy = iam::read_policy(*embedded.document);
    if (policy.malformed) continue;
    if (policy.unknown) {
      out = truth_or(out, Truth::unknown);
      continue;
    }
    const std::vector<Span> own_account = own_account_values(*embedded.document);
    for (const AccountMention& m : accounts_let_in(policy)) {
      if (m.from_condition || names_own_account(m, own_account)) continue;
      if (m.account.state == NamedAccount::State::unknown) {
        out = truth_or(out, Truth::unknown);
      } else if (m.account.id == account) {
        out = truth_or(out, m.assumes_role);
      }
    }
  }
  return out;
}

RoleAudit audit_role(const Resource& role, std::size_t index, const ResourceGraph& graph) {
  RoleAudit audit;
  if (const Value* arns = role.canonical.find("managed_policy_arns")) {
    if (arns->is_list()) {
      for (const Value& arn : arns->items()) judge_managed_arn(arn, audit, true);
    } else if (!arns->is_null()) {
      judge_managed_arn(*arns, audit, true);
    }
  }
  judge_policies_of(role, audit, true);
  judge_grants(role, index, graph, audit);
  return audit;
}

}  // namespace

Outcome security_audit_role_defined(const PredicateInput& input) {
  const OrganizationFacts* facts = organization_facts(input);
  if (facts == nullptr || facts->security_account.empty() || input.context->graph == nullptr)
    return undecided({}, {}, "the security account is not configured");
  const ResourceGraph& graph = *input.context->graph;
  PresenceEvidence* evidence = input.context->evidence;
  std::optional<Outcome> first_miss;
  std::optional<Outcome> first_unknown;
  bool met = false;
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    const Resource& role = graph.resources[i];
    if (role.folded || role.kind != "aws.iam.role") continue;
    const Truth trusted = trusted_by(role, facts->security_account);
    if (trusted == Truth::false_) continue;
    Shortfall reason;
    Truth audit = audit_role(role, i, graph).verdict(role, reason);
    if (trusted == Truth::unknown) {
      // Only an audit role whose trust is undecided leaves the control undecided.
      if (audit == Truth::false_) continue;
      audit = Truth::unknown;
      reason = {role.name_span, "whether the security account can assume it is unknown"};
    }
    if (audit == Truth::true_) {
      met = true;
      if (evidence == nullptr) break;
      evidence->met.push_back(i);
      continue;
    }
    if (evidence) evidence->near_miss.push_back(i);
    Outcome o;
    o.truth = audit;
    o.attribute = "role";
    o.span = reason.span;
    o.detail = role.address + (audit == Truth::false_ ? " " : ": ") + reason.why;
    std::optional<Outcome>& slot = audit == Truth::false_ ? first_miss : first_unknown;
    if (!slot) slot = std::move(o);
  }
  if (met) {
    Outcome o;
    o.truth = Truth::true_;
    o.attribute = "role";
    return o;
  }
  if (first_unknown) return std::move(*first_unknown);
  if (first_miss) return std::move(*first_miss);
  Outcome none;
  none.attribute = "role";
  none.detail = "no role lets the security account " + facts->security_account + " in";
  return none;
}

}  // namespace iacscan::detail::predicates
