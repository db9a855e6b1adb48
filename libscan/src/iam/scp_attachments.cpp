#include "iam/scp_attachments.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "iam/embedded_policies.hpp"

namespace iacscan::detail::iam {
namespace {

constexpr std::string_view kFullAwsAccessId = "p-FullAWSAccess";

bool is_account_id(std::string_view id) {
  return id.size() == 12 && std::all_of(id.begin(), id.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c));
         });
}

ScpTargetKind kind_of_literal(std::string_view id) {
  if (id.starts_with("r-")) return ScpTargetKind::root;
  if (id.starts_with("ou-")) return ScpTargetKind::organizational_unit;
  if (is_account_id(id)) return ScpTargetKind::account;
  return ScpTargetKind::unknown;
}

ScpTargetKind kind_of_type(std::string_view native_type) {
  if (native_type == "AWS::Organizations::OrganizationalUnit" ||
      native_type == "aws_organizations_organizational_unit")
    return ScpTargetKind::organizational_unit;
  if (native_type == "AWS::Organizations::Account" || native_type == "aws_organizations_account")
    return ScpTargetKind::account;
  // A reference to the organization itself is a reference to its root (roots[0].id, RootId).
  if (native_type == "AWS::Organizations::Organization" ||
      native_type == "aws_organizations_organization")
    return ScpTargetKind::root;
  return ScpTargetKind::unknown;
}

Policy full_aws_access() {
  Policy p;
  p.has_version = true;
  p.version.text = "2012-10-17";
  p.has_statement = true;
  Statement s;
  s.effect = Effect::allow;
  s.effect_element.text = "Allow";
  s.action.present = true;
  s.action.items.push_back(Element{"*", {}, false, true});
  s.resource.present = true;
  s.resource.items.push_back(Element{"*", {}, false, true});
  p.statements.push_back(std::move(s));
  return p;
}

bool declares_allow(const std::vector<AttachedScp>& policies) {
  for (const AttachedScp& scp : policies)
    for (const Statement& s : scp.policy->statements)
      if (s.effect == Effect::allow) return true;
  return false;
}

// Resolves the values that name attachment targets and parents: a literal id, or a reference
// to an Organizations resource of the same scope (else of any scope, when unique).
class TargetResolver {
 public:
  explicit TargetResolver(const std::vector<Resource>& resources) : resources_(resources) {
    for (std::size_t i = 0; i < resources.size(); ++i) by_address_.emplace(resources[i].address, i);
  }

  std::optional<std::size_t> referenced(const Value& v, const Resource& from) const {
    for (const std::string& ref : v.refs) {
      const auto [first, last] = by_address_.equal_range(ref);
      std::optional<std::size_t> any;
      std::size_t count = 0;
      for (auto it = first; it != last; ++it) {
        if (resources_[it->second].scope == from.scope) return it->second;
        any = it->second;
        ++count;
      }
      if (count == 1) return any;
    }
    return std::nullopt;
  }

  // The id and kind a target value names; nullopt when it names nothing we can follow.
  std::optional<std::pair<std::string, ScpTargetKind>> target(const Value& v,
                                                              const Resource& from) const {
    if (v.is_string()) return std::pair{v.text(), kind_of_literal(v.text())};
    if (auto index = referenced(v, from)) {
      const Resource& r = resources_[*index];
      return std::pair{r.address, kind_of_type(r.native_type)};
    }
    return std::nullopt;
  }

 private:
  const std::vector<Resource>& resources_;
  std::multimap<std::string, std::size_t> by_address_;
};

const Value* attribute(const Resource& r, std::string_view cfn, std::string_view tf) {
  return r.attributes.find(r.format == SourceFormat::cloudformation ? cfn : tf);
}

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

std::string_view scp_target_kind_name(ScpTargetKind kind) {
  switch (kind) {
    case ScpTargetKind::root:
      return "root";
    case ScpTargetKind::organizational_unit:
      return "ou";
    case ScpTargetKind::account:
      return "account";
    case ScpTargetKind::directory:
      return "directory";
    case ScpTargetKind::unknown:
      return "unknown";
  }
  return "unknown";
}

const ScpTarget* ScpAttachments::find(std::string_view id) const {
  for (const ScpTarget& t : targets_)
    if (t.id == id) return &t;
  return nullptr;
}

ScpTarget& ScpAttachments::target(const std::string& id, ScpTargetKind kind) {
  for (ScpTarget& t : targets_) {
    if (t.id != id) continue;
    if (t.kind == ScpTargetKind::unknown) t.kind = kind;
    return t;
  }
  targets_.push_back(ScpTarget{id, kind, {}, {}});
  return targets_.back();
}

std::vector<ScpLevel> ScpAttachments::levels_for(const ScpTarget& target) const {
  // Up the declared tree; a cycle (a mistake in the code) stops where it repeats.
  std::vector<const ScpTarget*> path{&target};
  std::set<std::string> seen{target.id};
  for (const ScpTarget* t = &target; !t->parent.empty();) {
    const ScpTarget* parent = find(t->parent);
    if (parent == nullptr || !seen.insert(parent->id).second) {
      // A parent with no SCPs of its own still gets FullAWSAccess: it allows everything.
      break;
    }
    path.push_back(parent);
    t = parent;
  }
  std::reverse(path.begin(), path.end());
  std::vector<ScpLevel> levels;
  for (const ScpTarget* t : path) {
    ScpLevel level;
    level.name = t->id;
    for (const AttachedScp& scp : t->policies) level.policies.push_back(scp.policy);
    if (!declares_allow(t->policies)) level.policies.push_back(full_aws_access_);
    levels.push_back(std::move(level));
  }
  return levels;
}

ScpAttachments collect_scp_attachments(const std::vector<Resource>& resources) {
  ScpAttachments out;
  out.policies_.push_back(full_aws_access());
  out.full_aws_access_ = &out.policies_.back();
  const TargetResolver resolver(resources);
  // The SCP each resource declares, read once.
  std::map<std::size_t, const Policy*> scp_of;
  std::map<std::size_t, std::string> name_of;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    for (const EmbeddedPolicy& p : find_policies(resources[i])) {
      if (p.type != PolicyType::scp) continue;
      out.policies_.push_back(read_policy(*p.document));
      scp_of[i] = &out.policies_.back();
      const Value* name = attribute(resources[i], "Name", "name");
      name_of[i] = name != nullptr && name->is_string() ? name->text() : resources[i].address;
    }
  }
  auto attach = [&](const Value& target_value, const Resource& from, std::size_t policy_index,
                    const Policy* policy, const std::string& name) {
    auto target = resolver.target(target_value, from);
    if (!target) return;
    out.target(target->first, target->second)
        .policies.push_back(AttachedScp{policy_index, policy, name, target_value.span});
  };
  std::set<std::size_t> attached;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const Resource& r = resources[i];
    if (r.native_type == "AWS::Organizations::Policy" && scp_of.count(i)) {
      const Value* ids = r.attributes.find("TargetIds");
      if (ids == nullptr || !ids->is_list()) continue;
      for (const Value& id : ids->items()) attach(id, r, i, scp_of[i], name_of[i]);
      attached.insert(i);
    } else if (r.native_type == "aws_organizations_policy_attachment") {
      const Value* policy_id = r.attributes.find("policy_id");
      const Value* target_id = r.attributes.find("target_id");
      if (policy_id == nullptr || target_id == nullptr) continue;
      if (policy_id->is_string() && policy_id->text() == kFullAwsAccessId) {
        attach(*target_id, r, i, out.full_aws_access_, std::string(kFullAwsAccessId));
        continue;
      }
      const auto policy = resolver.referenced(*policy_id, r);
      if (!policy || !scp_of.count(*policy)) continue;
      attach(*target_id, r, *policy, scp_of[*policy], name_of[*policy]);
      attached.insert(*policy);
    }
  }
  // The tree: OU and account parents.
  for (const Resource& r : resources) {
    const ScpTargetKind kind = kind_of_type(r.native_type);
    if (kind != ScpTargetKind::organizational_unit && kind != ScpTargetKind::account) continue;
    const Value* parent = r.format == SourceFormat::cloudformation
                              ? (kind == ScpTargetKind::account ? r.attributes.find("ParentIds")
                                                                : r.attributes.find("ParentId"))
                              : r.attributes.find("parent_id");
    if (parent == nullptr) continue;
    const Value& first =
        parent->is_list() && !parent->items().empty() ? parent->items().front() : *parent;
    auto resolved = resolver.target(first, r);
    if (!resolved) continue;
    out.target(resolved->first, resolved->second);
    out.target(r.address, kind).parent = resolved->first;
  }
  // Standalone SCP files nobody attaches: one target per directory.
  for (const auto& [index, policy] : scp_of) {
    const Resource& r = resources[index];
    if (attached.count(index) || r.format != SourceFormat::policy_file) continue;
    out.target(directory_of(r.address), ScpTargetKind::directory)
        .policies.push_back(AttachedScp{index, policy, name_of[index], r.name_span});
  }
  // Targets only named as parents, without SCPs of their own, are kept: levels_for needs them.
  return out;
}

}  // namespace iacscan::detail::iam
