#include "engine/scp_guardrail_scope.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>

#include "iam/ascii_case.hpp"
#include "iam/embedded_policies.hpp"

namespace iacscan::detail::predicates {
namespace {

constexpr std::string_view kFullAwsAccess = "p-FullAWSAccess";

// Deep enough for any real tree (AWS allows five levels of OUs); stops a cycle in the code.
constexpr std::size_t kMaxDepth = 16;

// The policy AWS attaches everywhere when SCPs are enabled: Allow * on *.
iam::Policy allow_everything_policy() {
  iam::Policy p;
  p.has_version = true;
  p.version.text = "2012-10-17";
  p.has_statement = true;
  iam::Statement s;
  s.effect = iam::Effect::allow;
  s.effect_element.text = "Allow";
  s.action.present = true;
  s.action.items.push_back(iam::Element{"*", {}, false, true});
  s.resource.present = true;
  s.resource.items.push_back(iam::Element{"*", {}, false, true});
  p.statements.push_back(std::move(s));
  return p;
}

bool allows_something(const iam::Policy& policy) {
  return std::any_of(policy.statements.begin(), policy.statements.end(),
                     [](const iam::Statement& s) { return s.effect == iam::Effect::allow; });
}

const Value* first_of(const Resource& r, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys)
    if (const Value* v = r.attributes.find(key)) return v;
  return nullptr;
}

}  // namespace

bool is_organization(std::string_view native_type) {
  return native_type == "AWS::Organizations::Organization" ||
         native_type == "aws_organizations_organization";
}

bool is_organizations_node(std::string_view native_type) {
  return native_type == "AWS::Organizations::OrganizationalUnit" ||
         native_type == "aws_organizations_organizational_unit" ||
         native_type == "AWS::Organizations::Account" ||
         native_type == "aws_organizations_account" || is_organization(native_type);
}

ReferenceResolver::ReferenceResolver(const ResourceGraph& graph) : graph_(graph) {
  for (std::size_t i = 0; i < graph.resources.size(); ++i)
    by_address_.emplace(graph.resources[i].address, i);
}

std::optional<std::size_t> ReferenceResolver::referenced(const Value& value,
                                                         const Resource& from) const {
  for (const std::string& ref : value.refs) {
    const auto [first, last] = by_address_.equal_range(ref);
    std::optional<std::size_t> any;
    std::size_t count = 0;
    for (auto it = first; it != last; ++it) {
      if (graph_.resources[it->second].scope == from.scope) return it->second;
      any = it->second;
      ++count;
    }
    if (count == 1) return any;
  }
  return std::nullopt;
}

ScpScope::ScpScope(const ResourceGraph& graph, const ScanOptions* options)
    : graph_(graph),
      options_(options),
      attachments_(iam::collect_scp_attachments(graph.resources)) {
  policies_.push_back(allow_everything_policy());
  full_access_ = &policies_.back();
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    if (is_organizations_node(graph.resources[i].native_type))
      organizations_resource_.emplace(graph.resources[i].address, i);
  }
  for (const iam::ScpTarget& t : attachments_.targets()) {
    if (t.kind == iam::ScpTargetKind::directory) continue;
    declared_ = declared_ || !t.policies.empty();
    for (const iam::AttachedScp& scp : t.policies) {
      if (is_full_aws_access(scp)) {
        manages_full_access_ = true;
      } else {
        resource_of_.emplace(scp.policy, scp.resource);
      }
    }
  }
  read_documents(graph);
  find_unresolved(graph);
  collect_regions();
}

bool ScpScope::is_full_aws_access(const iam::AttachedScp& scp) {
  return scp.name == kFullAwsAccess;
}

void ScpScope::read_documents(const ResourceGraph& graph) {
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    for (const iam::EmbeddedPolicy& p : iam::find_policies(graph.resources[i])) {
      if (p.type != iam::PolicyType::scp) continue;
      policies_.push_back(iam::read_policy(*p.document));
      documents_.emplace_back(&policies_.back(), i);
      resource_of_.emplace(&policies_.back(), i);
      has_documents_ = true;
    }
  }
}

void ScpScope::find_unresolved(const ResourceGraph& graph) {
  const ReferenceResolver resolver(graph);
  auto referenced = [&](const Value& v, const Resource& from) {
    return resolver.referenced(v, from);
  };
  auto names_target = [&](const Value& v, const Resource& from) {
    if (v.is_string()) return true;
    const auto index = referenced(v, from);
    return index && is_organizations_node(graph.resources[*index].native_type);
  };
  auto document_of = [&](std::size_t resource) -> const iam::Policy* {
    for (const auto& [policy, index] : documents_)
      if (index == resource) return policy;
    return nullptr;
  };
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    const Resource& r = graph.resources[i];
    if (r.native_type == "AWS::Organizations::Policy") {
      const iam::Policy* policy = document_of(i);
      const Value* ids = r.attributes.find("TargetIds");
      if (policy == nullptr || ids == nullptr) continue;
      const bool followed =
          ids->is_list() && std::all_of(ids->items().begin(), ids->items().end(),
                                        [&](const Value& id) { return names_target(id, r); });
      if (!followed) unresolved_.push_back({i, policy, "", false});
    } else if (r.native_type == "aws_organizations_policy_attachment") {
      const Value* policy_id = r.attributes.find("policy_id");
      const Value* target_id = r.attributes.find("target_id");
      if (policy_id == nullptr || target_id == nullptr) continue;
      const bool full_access = policy_id->is_string() && policy_id->text() == kFullAwsAccess;
      if (full_access) {
        if (!names_target(*target_id, r)) unresolved_.push_back({i, full_access_, "", true});
        continue;
      }
      const iam::Policy* policy = nullptr;
      if (const auto index = referenced(*policy_id, r)) {
        policy = document_of(*index);
        // Another kind of Organizations policy (tag, backup, AI opt-out) is no SCP; one whose
        // type is unknown may be.
        const Value* type = graph.resources[*index].attributes.find("type");
        if (policy == nullptr && (type == nullptr || !type->is_unknown())) continue;
      }
      const bool target_known = names_target(*target_id, r);
      if (policy != nullptr && target_known) continue;  // an ordinary attachment
      std::string target;
      if (target_known && target_id->is_string()) target = target_id->text();
      if (target_known && !target_id->is_string())
        target = graph.resources[*referenced(*target_id, r)].address;
      unresolved_.push_back({i, policy, target, false});
    }
  }
}

void ScpScope::collect_regions() {
  std::set<std::string> seen;
  for (const auto& [policy, index] : documents_) {
    for (const iam::Statement& s : policy->statements) {
      for (const iam::ConditionClause& clause : s.condition.clauses) {
        if (iam::ascii_lowercase(clause.key) != "aws:requestedregion") continue;
        for (const iam::Element& value : clause.values.items) {
          if (value.unknown || value.text.empty() || !seen.insert(value.text).second) continue;
          named_regions_.push_back(value.text);
        }
      }
    }
  }
}

std::optional<std::size_t> ScpScope::resource_of(const iam::Policy* policy) const {
  const auto it = resource_of_.find(policy);
  if (it == resource_of_.end()) return std::nullopt;
  return it->second;
}

std::vector<const iam::ScpTarget*> ScpScope::declared_targets() const {
  std::vector<const iam::ScpTarget*> out;
  for (const iam::ScpTarget& t : attachments_.targets())
    if (t.kind != iam::ScpTargetKind::directory) out.push_back(&t);
  return out;
}

std::optional<std::size_t> ScpScope::declaring_resource(const iam::ScpTarget& target) const {
  const auto it = organizations_resource_.find(target.id);
  if (it == organizations_resource_.end()) return std::nullopt;
  return it->second;
}

Span ScpScope::where(const iam::ScpTarget& target) const {
  if (const auto index = declaring_resource(target)) {
    const Resource& r = graph_.resources[*index];
    if (r.name_span.valid()) return r.name_span;
  }
  for (const iam::AttachedScp& scp : target.policies)
    if (scp.attachment.valid()) return scp.attachment;
  return {};
}

std::string ScpScope::name_of(const iam::ScpTarget& target) const {
  const auto index = declaring_resource(target);
  if (!index) return "";
  const Value* name = first_of(graph_.resources[*index], {"Name", "name", "AccountName"});
  return name != nullptr && name->is_string() ? name->text() : "";
}

const iam::ScpTarget* ScpScope::unique_root() const {
  const iam::ScpTarget* root = nullptr;
  for (const iam::ScpTarget& t : attachments_.targets()) {
    if (t.kind != iam::ScpTargetKind::root) continue;
    if (root != nullptr) return nullptr;  // two roots: scans of two organizations
    root = &t;
  }
  return root;
}

const iam::ScpTarget* ScpScope::parent_of(const iam::ScpTarget& target) const {
  if (!target.parent.empty()) return attachments_.find(target.parent);
  const iam::ScpTarget* root = unique_root();
  if (root == nullptr || root == &target || target.kind == iam::ScpTargetKind::root) return nullptr;
  return root;
}

std::vector<iam::ScpLevel> ScpScope::levels_from_root(const iam::ScpTarget& target) const {
  std::vector<iam::ScpLevel> levels = attachments_.levels_for(target);
  // levels_for follows the declared parents; below them, every OU and account is in the root.
  const iam::ScpTarget* top = &target;
  std::set<std::string> seen{target.id};
  for (std::size_t depth = 0; depth < kMaxDepth && !top->parent.empty(); ++depth) {
    const iam::ScpTarget* parent = attachments_.find(top->parent);
    if (parent == nullptr || !seen.insert(parent->id).second) break;
    top = parent;
  }
  const iam::ScpTarget* root = unique_root();
  if (root != nullptr && top != root && top->kind != iam::ScpTargetKind::root) {
    std::vector<iam::ScpLevel> above = attachments_.levels_for(*root);
    levels.insert(levels.begin(), above.begin(), above.end());
  }
  return levels;
}

bool ScpScope::in_role(const iam::ScpTarget& leaf, const std::vector<std::string>& keys) const {
  const iam::ScpTarget* t = &leaf;
  for (std::size_t depth = 0; t != nullptr && depth < kMaxDepth; ++depth, t = parent_of(*t)) {
    const std::string name = name_of(*t);
    for (const std::string& key : keys)
      if (key == t->id || (!name.empty() && key == name)) return true;
  }
  return false;
}

std::vector<iam::ScpLevel> ScpScope::alone_path(const iam::Policy& policy, std::string name) const {
  iam::ScpLevel level;
  level.name = std::move(name);
  level.policies.push_back(&policy);
  if (!allows_something(policy)) level.policies.push_back(full_access_);
  return {std::move(level)};
}

ScpSubject ScpScope::alone(const iam::Policy& policy, std::string name) const {
  ScpSubject s;
  s.name = name;
  s.paths.push_back(alone_path(policy, std::move(name)));
  return s;
}

std::vector<ScpSubject> ScpScope::subjects(const TargetSelection& selection,
                                           std::string& why_none) const {
  std::vector<std::string> role_keys;
  if (!selection.ou_role.empty()) {
    if (options_ != nullptr) {
      for (const auto& [ou, roles] : options_->organization.ou_roles)
        if (std::find(roles.begin(), roles.end(), selection.ou_role) != roles.end())
          role_keys.push_back(ou);
    }
    if (role_keys.empty()) {
      why_none = "organization.ou_roles names no OU with role " + selection.ou_role;
      return {};
    }
  }
  std::vector<ScpSubject> out;
  if (!declared_) {
    ScpSubject all;
    all.name = "the scanned SCPs";
    for (const auto& [policy, index] : documents_)
      all.paths.push_back(alone_path(*policy, graph_.resources[index].address));
    out.push_back(std::move(all));
    return out;
  }
  std::vector<std::string> exempt = selection.exempt_accounts;
  if (options_ != nullptr && !options_->organization.management_account.empty())
    exempt.push_back(options_->organization.management_account);
  const std::vector<const iam::ScpTarget*> targets = declared_targets();
  std::set<std::string> with_children;
  for (const iam::ScpTarget* t : targets)
    if (const iam::ScpTarget* parent = parent_of(*t)) with_children.insert(parent->id);
  for (const iam::ScpTarget* t : targets) {
    if (with_children.count(t->id)) continue;
    if (std::find(exempt.begin(), exempt.end(), t->id) != exempt.end()) continue;
    if (!role_keys.empty() && !in_role(*t, role_keys)) continue;
    out.push_back(ScpSubject{t->id, where(*t), declaring_resource(*t), {levels_from_root(*t)}});
  }
  // An OU the configuration names that the scan does not declare still sits below the root.
  for (const std::string& key : role_keys) {
    const bool declared = std::any_of(targets.begin(), targets.end(), [&](const iam::ScpTarget* t) {
      return t->id == key || name_of(*t) == key;
    });
    if (declared) continue;
    ScpSubject virtual_ou{key, {}, std::nullopt, {}};
    const iam::ScpTarget* root = unique_root();
    virtual_ou.paths.push_back(root != nullptr ? levels_from_root(*root)
                                               : std::vector<iam::ScpLevel>{});
    out.push_back(std::move(virtual_ou));
  }
  return out;
}

}  // namespace iacscan::detail::predicates
